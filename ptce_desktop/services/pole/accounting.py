"""The accountant's settings of the FEC export (#14): account numbers and journal codes.

Stored with the pole (``poles.accounting_json``, NULL: every default). Defaults follow the plan
comptable général: 411 members (clients), 512 bank, 706 calls for funds (re-invoiced shared
costs), 708 true-ups, 7088 a billing coefficient's surcharges, 7061 management fees (#9),
44571 VAT collected, 740 grants received (class 74 « subventions d'exploitation »: the FEC norm
wants the first three characters of an account to be digits, hence 740 rather than 74), 657
grants passed on; journals VT (calls) and BQ (bank).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.common import pole_row
from ptce_desktop.store.unit_of_work import UnitOfWork

_ACCOUNT = re.compile(r"[0-9][0-9A-Za-z]{1,19}")
_JOURNAL = re.compile(r"[0-9A-Za-z]{1,8}")


@dataclass(frozen=True)
class AccountingSettings:
    members_account: str = "411"
    bank_account: str = "512"
    calls_account: str = "706"
    true_up_account: str = "708"
    surcharge_account: str = "7088"
    fee_account: str = "7061"
    vat_account: str = "44571"
    grants_received_account: str = "740"
    grants_passed_account: str = "657"
    sales_journal: str = "VT"
    sales_journal_label: str = "Appels de fonds"
    bank_journal: str = "BQ"
    bank_journal_label: str = "Banque"


#: French labels of the settings, for messages and the settings form
LABELS = {
    "members_account": "Compte des membres",
    "bank_account": "Compte de banque",
    "calls_account": "Compte des appels de fonds",
    "true_up_account": "Compte des régularisations",
    "surcharge_account": "Compte des majorations (coefficient)",
    "fee_account": "Compte des frais de gestion",
    "vat_account": "Compte de TVA collectée",
    "grants_received_account": "Compte des subventions reçues",
    "grants_passed_account": "Compte des subventions reversées",
    "sales_journal": "Journal des appels de fonds",
    "sales_journal_label": "Libellé du journal des appels",
    "bank_journal": "Journal de banque",
    "bank_journal_label": "Libellé du journal de banque",
}


def checked(settings: AccountingSettings) -> AccountingSettings:
    """Accounts: 2 to 20 letters or digits, the first a digit; journal codes 1 to 8."""
    values = {f.name: str(getattr(settings, f.name)).strip() for f in fields(settings)}
    for name, value in values.items():
        if name.endswith("_label"):
            if not value or len(value) > 100:
                raise PtceError("fec_bad_account", name, value=value, what=LABELS[name])
            continue
        pattern = _JOURNAL if name.endswith("_journal") else _ACCOUNT
        if not pattern.fullmatch(value):
            raise PtceError("fec_bad_account", name, value=value, what=LABELS[name])
    return AccountingSettings(**values)


def parse(text: str | None) -> AccountingSettings:
    """The stored JSON (unknown keys ignored, missing ones at their default)."""
    if not text:
        return AccountingSettings()
    try:
        stored: dict[str, Any] = json.loads(text)
    except ValueError:
        return AccountingSettings()
    known = {f.name for f in fields(AccountingSettings)}
    return replace(AccountingSettings(), **{k: str(v) for k, v in stored.items() if k in known})


class AccountingService:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def get(self) -> AccountingSettings:
        with self.uow.read() as session:
            pole = pole_row(session)
            return parse(pole.accounting_json if pole is not None else None)

    def set(self, settings: AccountingSettings) -> AccountingSettings:
        valid = checked(settings)
        with self.uow.write("Modifier les comptes de l'export comptable") as session:
            pole = pole_row(session)
            if pole is None:
                raise PtceError("pole_missing")
            # Other settings kept in the same JSON (the e-mail texts) are left as they are.
            try:
                kept = json.loads(pole.accounting_json or "{}")
            except ValueError:
                kept = {}
            data = {**(kept if isinstance(kept, dict) else {}), **asdict(valid)}
            pole.accounting_json = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return valid
