"""Read model of the "Appel de fonds / Avoir / Relevé" PDF: one member's calls, payments and
account for a fiscal year.

Plain frozen data classes importing only the standard library; filled by
:func:`ptce_desktop.documents.builders.statement.build_statement_data` (where the VAT wording
is decided), printed by :mod:`ptce_desktop.reports.statement`.

The account (one meaning per word, see the package README):

* **appelé — exercice Y**: the calls of fiscal year *Y* (quarters, catch-ups, its
  régularisation whatever its issue date); an avoir counts negative;
* **réglé — exercice Y**: the payments *dated* within *Y* (a refund counts negative);
* **solde d'ouverture** = calls of the years before *Y* − payments dated before *Y*;
  **solde de clôture** = ouverture + appelé − réglé. Positive: the member owes; negative: the
  pole owes the member (printed « en votre faveur », without a sign).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

__all__ = [
    "MENTION_NOT_APPLICABLE",
    "CallDocument",
    "CallDocumentLine",
    "KeyBasis",
    "Movement",
    "MovementKind",
    "Party",
    "PaymentLine",
    "StatementData",
    "VatStatus",
]

MENTION_NOT_APPLICABLE = "TVA non applicable"


class VatStatus(StrEnum):
    """How the VAT of one call line is printed."""

    TAXABLE = "taxable"  # rate and amount
    EXEMPT_261B = "exempt_261b"  # "Exonérée" + the 261 B mention, on the line itself
    NOT_APPLICABLE = "not_applicable"  # pole not VAT-registered: "TVA non applicable"


@dataclass(frozen=True)
class Party:
    """A letterhead or address block: name, address lines and identifiers (already formatted)."""

    name: str
    address_lines: tuple[str, ...]
    siret: str | None = None
    vat_number: str | None = None


@dataclass(frozen=True)
class KeyBasis:
    """The member's basis under the service's key for the line's period (DESIGN §4.3).

    ``member_units`` / ``total_units`` are raw key values (thousandths of ``unit`` for units
    and usage keys, basis points for a percentage key, None for equal and mixed keys);
    ``share_bp`` is the member's share of the key (half up to 0,01 %); ``days_present`` <
    ``period_days`` when presence is prorated. ``member_weight`` / ``total_weight`` are the
    same values weighted by presence (units × days present / days of the period, thousandths)
    as the split divides them, set for units keys only: when a member of the key is prorated
    the raw « 180 m² sur 580 m² » does not give ``share_bp``, the weighted pair does.
    """

    key_name: str
    method: str
    unit: str
    member_units: int | None
    total_units: int | None
    participants: int
    share_bp: int
    days_present: int
    period_days: int
    #: "T2 2025" or "exercice 2025": the period the weights are taken over.
    period_label: str
    member_weight: Fraction | None = None
    total_weight: Fraction | None = None

    @property
    def prorated(self) -> bool:
        return self.days_present < self.period_days

    @property
    def weighted(self) -> bool:
        """Some member of the key is prorated: the share divides the weighted units."""
        return self.total_weight is not None and self.total_weight != self.total_units


@dataclass(frozen=True)
class CallDocumentLine:
    """One line of a call: a service (later #9 line kinds: a coefficient, a fee…)."""

    service_name: str
    ht_cents: int
    vat_rate_bp: int
    vat_cents: int
    ttc_cents: int
    vat_status: VatStatus
    #: What the line is, for tables open to more kinds (#9): "service" today.
    line_kind: str = "service"
    basis: KeyBasis | None = None
    #: When several versions of the key govern the line's period (a régularisation over a
    #: year whose key changed): one basis per version, over the days it governs (``basis``
    #: is the first). Empty when one version governs the period: ``basis`` says it all.
    bases: tuple[KeyBasis, ...] = ()
    #: For a régularisation line: the member's actual shares of the year and what the year's
    #: other calls already asked, in the split basis (HT or TTC); ht = actual − already called.
    actual_cents: int | None = None
    already_called_cents: int | None = None


@dataclass(frozen=True)
class CallDocument:
    id: int
    number: str
    #: "T2 2025" or "Régularisation 2025".
    period_label: str
    #: "Appel provisionnel" or "Régularisation".
    kind_label: str
    #: "provisional" or "true_up".
    kind: str
    issue_date: dt.date
    due_date: dt.date
    lines: tuple[CallDocumentLine, ...]
    total_ht_cents: int
    total_vat_cents: int
    total_ttc_cents: int
    #: Settled to the date of the document (matched payments, whatever their date).
    paid_cents: int
    outstanding_cents: int

    @property
    def is_credit(self) -> bool:
        """An avoir: the pole owes the member (a negative régularisation)."""
        return self.total_ttc_cents < 0

    @property
    def is_true_up(self) -> bool:
        return self.kind == "true_up"

    @property
    def title(self) -> str:
        return f"{'Avoir' if self.is_credit else 'Appel de fonds'} n° {self.number}"


@dataclass(frozen=True)
class PaymentLine:
    date: dt.date
    amount_cents: int
    method_label: str
    reference: str | None
    #: Numbers of the calls this payment settles, e.g. ("AF-2025-0001",).
    call_numbers: tuple[str, ...]


class MovementKind(StrEnum):
    CALL = "call"
    CREDIT = "credit"  # an avoir
    PAYMENT = "payment"
    REFUND = "refund"  # money paid back to the member (a negative payment)


@dataclass(frozen=True)
class Movement:
    """One line of the account: a call (appelé) or a payment (réglé), signed."""

    date: dt.date
    kind: MovementKind
    reference: str
    label: str
    called_cents: int | None = None
    paid_cents: int | None = None


@dataclass(frozen=True)
class StatementData:
    """Everything the appel de fonds / avoir / relevé prints; amounts in cents."""

    pole: Party
    pole_vat_registered: bool
    pole_iban: str | None
    pole_bic: str | None
    logo_path: str | None
    member_id: int
    member: Party
    year: int
    year_label: str
    year_start: dt.date
    year_end: dt.date
    #: The call printed as an appel de fonds or an avoir; None for the relevé.
    call: CallDocument | None
    #: Every call of the member in the fiscal year, by number.
    calls: tuple[CallDocument, ...]
    #: The payments dated within the fiscal year (each payment is in one year only).
    payments: tuple[PaymentLine, ...]
    #: The year's calls and payments by date, then reference.
    movements: tuple[Movement, ...]
    opening_balance_cents: int
    #: Σ of the year's calls (appelé — exercice), avoirs negative.
    called_cents: int
    #: Σ of the payments dated in the year (réglé — exercice), refunds negative.
    paid_cents: int
    #: The VAT mentions printed below the tables ("TVA non applicable"); the 261 B mention is
    #: printed on the lines it applies to.
    vat_mentions: tuple[str, ...]
    #: The member's VAT number, printed when a line carries VAT.
    member_vat_number: str | None = None

    @property
    def closing_balance_cents(self) -> int:
        """ouverture + appelé − réglé: positive, the member owes; negative, the pole owes."""
        return self.opening_balance_cents + self.called_cents - self.paid_cents

    @property
    def has_vat(self) -> bool:
        """Some printed line carries VAT (invoice mentions are then required)."""
        shown = (self.call,) if self.call is not None else self.calls
        return any(line.vat_cents for call in shown for line in call.lines)

    @property
    def is_call(self) -> bool:
        return self.call is not None

    @property
    def document_title(self) -> str:
        if self.call is not None:
            return self.call.title
        return f"Relevé de compte — exercice {self.year_label}"
