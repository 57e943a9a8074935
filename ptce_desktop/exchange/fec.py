"""The accountant's journal: the year's calls, payments, grant instalments and redistributions as
balanced double entries in the French FEC layout (article A. 47 A-1 du LPF).

* 18 columns ``JournalCode`` … ``Idevise``, tab-separated, a header line, CRLF, UTF-8; dates
  ``AAAAMMJJ``; amounts with a decimal comma and no thousands separator, debit and credit
  each in its column (``0,00`` on the other side).
* One entry (``EcritureNum``, a continuous sequence over the file in date order) per call, per
  payment, per instalment received and per redistribution dated in the fiscal year (a call by
  its issue date: the true-up of 2025 issued in February 2026 is in the 2026 file):

  - call for funds (journal VT): debit 411 (the member as auxiliary account) its TTC; credit
    706 (provisional calls) or 708 (true-ups) the base of its lines, 7088 a billing
    coefficient's surcharge, 7061 the management fee, 44571 its VAT. A negative amount (a
    refund) goes to the other side;
  - payment (BQ): debit 512, credit 411 (the member);
  - grant instalment received (BQ): debit 512, credit 740 (the funder as auxiliary account);
  - redistribution of a grant (BQ): debit 657 (the member), credit 512.

* Accounts and journal codes are the pole's settings (:mod:`ptce_desktop.services.pole.accounting`).
* When FILE is a folder, the file gets the official name ``<SIREN>FEC<AAAAMMJJ>.txt`` (the SIREN
  from the pole's SIRET, the date the fiscal year's last day).

Each entry balances (checked when it is built); the file's totals equal the year's calls,
payments and redistributions (tests/exchange/test_fec.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ptce_desktop.domain.billing import LineComponent
from ptce_desktop.domain.categories import CallKind
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.exchange.export.atomic import replacing
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.common import fiscal_year, pole_row
from ptce_desktop.services.pole.accounting import AccountingService, AccountingSettings
from ptce_desktop.services.summary import SummaryService
from ptce_desktop.store.models import Funder, Grant, Instalment, Member, Redistribution
from ptce_desktop.store.unit_of_work import UnitOfWork

COLUMNS = (
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
    "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
    "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
)  # fmt: skip

ACCOUNT_LABELS = {
    "members_account": "Membres - appels de fonds",
    "bank_account": "Banque",
    "calls_account": "Refacturation des charges mutualisées",
    "true_up_account": "Régularisation des charges mutualisées",
    "surcharge_account": "Majoration des charges refacturées (coefficient)",
    "fee_account": "Frais de gestion",
    "vat_account": "TVA collectée",
    "grants_received_account": "Subventions d'exploitation reçues",
    "grants_passed_account": "Subventions reversées aux membres",
}


@dataclass(frozen=True)
class Line:
    account: str  # the settings' field name (members_account…)
    cents: int  # signed: positive on the line's normal side
    debit_side: bool
    aux: tuple[str, str] | None = None  # (CompAuxNum, CompAuxLib)


@dataclass(frozen=True)
class Entry:
    journal: str  # "sales" or "bank"
    date: dt.date
    piece: str
    label: str
    lines: tuple[Line, ...]
    source: str  # call, payment, instalment, redistribution

    def sides(self) -> list[tuple[Line, int, int]]:
        """(line, debit, credit) of each non-zero line, a negative amount on the other side."""
        out = []
        for line in self.lines:
            if line.cents == 0:
                continue
            debit = (line.cents > 0) == line.debit_side
            amount = abs(line.cents)
            out.append((line, amount if debit else 0, 0 if debit else amount))
        return out

    def balanced(self) -> bool:
        rows = self.sides()
        return sum(d for _, d, _ in rows) == sum(c for _, _, c in rows)


@dataclass(frozen=True)
class FecResult:
    path: Path
    year_label: str
    entry_count: int
    line_count: int
    total_cents: int  # debit total = credit total

    @property
    def total_text(self) -> str:
        return format_money(self.total_cents)


_COMPONENT_ACCOUNTS = {
    LineComponent.SURCHARGE.value: "surcharge_account",
    LineComponent.FEE.value: "fee_account",
}


def _member(member_id: int, name: str) -> tuple[str, str]:
    return f"M{member_id:05d}", name


def entries(uow: UnitOfWork, year: int) -> list[Entry]:
    """The year's entries, in date order (calls by issue date)."""
    found: list[Entry] = []
    with uow.read() as session:
        fy = fiscal_year(session, year)
    # a journal holds the entries dated in its year: a true-up issued after the year's end
    # goes to the next year's file, last year's true-up issued this year to this one
    calls = [
        call
        for near in (year - 1, year, year + 1)
        for call in CallService(uow).list_calls(near)
        if fy.start <= call.issue_date <= fy.end
    ]
    for call in calls:
        true_up = str(call.kind) == CallKind.TRUE_UP.value
        revenue = "true_up_account" if true_up else "calls_account"
        what = "Régularisation" if true_up else "Appel de fonds"
        # the base of each line to the call's revenue account; a coefficient's surcharge and
        # the management fee (#9) to their own accounts
        credits: dict[str, int] = {}
        for line in call.lines:
            account = _COMPONENT_ACCOUNTS.get(str(line.component), revenue)
            credits[account] = credits.get(account, 0) + line.ht_cents
        credits["vat_account"] = sum(line.vat_cents for line in call.lines)
        found.append(Entry(
            "sales", call.issue_date, call.number,
            f"{what} {call.period_label} - {call.member_name}",
            (
                Line("members_account", call.total_cents, True,
                     _member(call.member_id, call.member_name)),
                *(Line(account, cents, False) for account, cents in credits.items()),
            ),
            "call",
        ))  # fmt: skip
    for payment in PaymentService(uow).list_payments(year):
        found.append(Entry(
            "bank", payment.date, payment.reference or f"REG-{payment.id}",
            f"Règlement - {payment.member_name}",
            (
                Line("bank_account", payment.amount_cents, True),
                Line("members_account", payment.amount_cents, False,
                     _member(payment.member_id, payment.member_name)),
            ),
            "payment",
        ))  # fmt: skip
    with uow.read() as session:
        fy = fiscal_year(session, year)
        instalments = session.execute(
            select(Instalment, Grant.title, Funder.id, Funder.name)
            .join(Grant, Grant.id == Instalment.grant_id)
            .join(Funder, Funder.id == Grant.funder_id)
            .where(Instalment.date.between(fy.start, fy.end))
            .order_by(Instalment.date, Instalment.id)
        ).all()
        for row, title, funder_id, funder in instalments:
            found.append(Entry(
                "bank", row.date, row.reference or f"VER-{row.id}",
                f"Subvention reçue - {title}",
                (
                    Line("bank_account", row.amount_cents, True),
                    Line("grants_received_account", row.amount_cents, False,
                         (f"F{funder_id:05d}", funder)),
                ),
                "instalment",
            ))  # fmt: skip
        redistributions = session.execute(
            select(Redistribution, Grant.title, Member.name)
            .join(Grant, Grant.id == Redistribution.grant_id)
            .join(Member, Member.id == Redistribution.member_id)
            .where(Redistribution.date.between(fy.start, fy.end))
            .order_by(Redistribution.date, Redistribution.id)
        ).all()
        for passed, title, name in redistributions:
            found.append(Entry(
                "bank", passed.date, f"REV-{passed.id}", f"Reversement - {title} - {name}",
                (
                    Line("grants_passed_account", passed.amount_cents, True,
                         _member(passed.member_id, name)),
                    Line("bank_account", passed.amount_cents, False),
                ),
                "redistribution",
            ))  # fmt: skip
    found = [e for e in found if e.sides()]
    for entry in found:
        assert entry.balanced(), entry  # by construction; a bug otherwise
    found.sort(key=lambda e: (e.date, e.journal, e.piece))
    return found


def _amount(cents: int) -> str:
    whole, part = divmod(cents, 100)
    return f"{whole},{part:02d}"


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def fec_lines(found: Iterable[Entry], settings: AccountingSettings) -> list[list[str]]:
    journals = {
        "sales": (settings.sales_journal, settings.sales_journal_label),
        "bank": (settings.bank_journal, settings.bank_journal_label),
    }
    rows = [list(COLUMNS)]
    for number, entry in enumerate(found, start=1):
        code, label = journals[entry.journal]
        day = entry.date.strftime("%Y%m%d")
        for line, debit, credit in entry.sides():
            aux_num, aux_label = line.aux or ("", "")
            rows.append([
                code, label, str(number), day, getattr(settings, line.account),
                ACCOUNT_LABELS[line.account], aux_num, _clean(aux_label), _clean(entry.piece),
                day, _clean(entry.label), _amount(debit), _amount(credit), "", "", day, "", "",
            ])  # fmt: skip
    return rows


def fec_name(uow: UnitOfWork, year: int) -> str:
    """``<SIREN>FEC<AAAAMMJJ>.txt`` (AAAAMMJJ: the fiscal year's closing date)."""
    with uow.read() as session:
        pole = pole_row(session)
        siret = pole.siret if pole is not None else None
        end = fiscal_year(session, year).end
    if not siret:
        raise PtceError("fec_no_siren")
    return f"{siret[:9]}FEC{end:%Y%m%d}.txt"


def export_fec(uow: UnitOfWork, path: Path | str, year: int | None = None) -> FecResult:
    """Write the FEC of ``year`` (default: the current fiscal year) to ``path`` (a folder: the
    official name inside it)."""
    if year is None:
        year = SummaryService(uow).current_year()
    target = Path(path)
    if target.is_dir():
        target = target / fec_name(uow, year)
    found = entries(uow, year)
    rows = fec_lines(found, AccountingService(uow).get())
    text = "".join("\t".join(row) + "\r\n" for row in rows)
    with replacing(target, prefix=".fec-") as temporary:  # whole or not at all
        temporary.write_bytes(text.encode("utf-8"))
    with uow.read() as session:
        fy = fiscal_year(session, year)
        label = str(year) if fy.start.month == 1 else f"{year}/{year + 1}"
    total = sum(d for e in found for _, d, _ in e.sides())
    return FecResult(target, label, len(found), len(rows) - 1, total)
