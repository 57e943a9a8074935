"""Read model of the "Appel de fonds / relevé" PDF: one member's calls, payments and balance.

Plain frozen data classes importing only the standard library; filled by
:func:`ptce_desktop.documents.builders.statement.build_statement_data` (where the VAT wording
is decided), printed by :mod:`ptce_desktop.reports.statement`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "MENTION_NOT_APPLICABLE",
    "CallDocument",
    "CallDocumentLine",
    "Party",
    "PaymentLine",
    "StatementData",
    "VatStatus",
]

MENTION_NOT_APPLICABLE = "TVA non applicable"


class VatStatus(StrEnum):
    """How the VAT of one call line is printed."""

    TAXABLE = "taxable"  # rate and amount
    EXEMPT_261B = "exempt_261b"  # "Exonérée" + the 261 B mention
    NOT_APPLICABLE = "not_applicable"  # pole not VAT-registered: "TVA non applicable"


@dataclass(frozen=True)
class Party:
    """A letterhead or address block: name, address lines and identifiers (already formatted)."""

    name: str
    address_lines: tuple[str, ...]
    siret: str | None = None
    vat_number: str | None = None


@dataclass(frozen=True)
class CallDocumentLine:
    service_name: str
    ht_cents: int
    vat_rate_bp: int
    vat_cents: int
    ttc_cents: int
    vat_status: VatStatus


@dataclass(frozen=True)
class CallDocument:
    id: int
    number: str
    #: "T2 2025" or "Régularisation 2025".
    period_label: str
    #: "Appel provisionnel" or "Régularisation".
    kind_label: str
    issue_date: dt.date
    due_date: dt.date
    lines: tuple[CallDocumentLine, ...]
    total_ht_cents: int
    total_vat_cents: int
    total_ttc_cents: int
    paid_cents: int
    outstanding_cents: int


@dataclass(frozen=True)
class PaymentLine:
    date: dt.date
    amount_cents: int
    method_label: str
    reference: str | None
    #: Numbers of the calls this payment settles, e.g. ("AF-2025-0001",).
    call_numbers: tuple[str, ...]


@dataclass(frozen=True)
class StatementData:
    """Everything the appel de fonds / relevé prints; amounts in cents, as the services say."""

    pole: Party
    pole_vat_registered: bool
    pole_iban: str | None
    pole_bic: str | None
    logo_path: str | None
    member_id: int
    member: Party
    year: int
    year_label: str
    #: The call printed as an appel de fonds; None for the relevé.
    call: CallDocument | None
    #: Every call of the member in the fiscal year, by number.
    calls: tuple[CallDocument, ...]
    payments: tuple[PaymentLine, ...]
    called_cents: int
    paid_cents: int
    unapplied_cents: int
    #: called − paid − unapplied: positive, the member owes; negative, the pole owes.
    balance_cents: int
    #: The VAT mentions to print (261 B, "TVA non applicable"), in that order, each once.
    vat_mentions: tuple[str, ...]

    @property
    def is_call(self) -> bool:
        return self.call is not None

    @property
    def document_title(self) -> str:
        if self.call is not None:
            return f"Appel de fonds n° {self.call.number}"
        return f"Relevé de compte — exercice {self.year_label}"
