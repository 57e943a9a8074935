"""Builds the read model of the "Appel de fonds / relevé" PDF: one member's calls, payments
and balance.

The figures are those the calls and payments services return — :meth:`CallService.statement`
(calls with their lines, payments, called / paid / unapplied / balance) in one read
transaction — and the letterhead is :meth:`PoleService.get`. Nothing is recomputed here: the
builder only picks, labels and classifies.

The account (opening balance, the year's calls and payments, closing balance) is
:func:`~ptce_desktop.services.calls.views.member_account`; each call line carries the
member's key basis (:func:`~ptce_desktop.domain.weights.effective_weights` of the service's
key over the call's quarter, or over the fiscal year for a régularisation) and, for a
régularisation, the actual shares and what the year's other calls already asked.

Three documents share this model:

* ``call_id`` given: the **appel de fonds** itself (number, issue and due dates, lines per
  service with HT / TVA / TTC, payment instructions), followed by the member's account for the
  fiscal year (payments received and balance);
* ``call_id`` of a negative régularisation: the **avoir** (amount in the member's favour, how it
  is settled; no IBAN, no due date);
* no ``call_id``: the **relevé de compte** of the fiscal year, listing every call of the
  member in that year, the payments and the balance.

VAT wording (decision; docs/research/domain.md (c.2) says the app must show the regime the user
chose, never decide it):

* a line of a service exempt under CGI art. 261 B is marked "Exonérée" and the document
  carries the mention :data:`~ptce_desktop.services.calls.calls.MENTION_261B`, whether or not the
  pole is VAT-registered (the regime is the one declared on the service);
* a line of a taxable service when the pole is **not** VAT-registered bears no VAT (the calls
  service splits the TTC, DESIGN §4.5): it is marked "Non applicable" and the document carries
  :data:`MENTION_NOT_APPLICABLE`, "TVA non applicable", without an article: the usual
  "art. 293 B du CGI" is true only of the *franchise en base*, while a non-profit pole may
  instead be outside VAT altogether (CGI art. 261-7-1°); we cannot tell which, so we cite none;
* a taxable line of a VAT-registered pole shows its rate and VAT; the pole's VAT number is
  printed only when the pole is VAT-registered; when a printed line carries VAT, the invoice
  mentions follow (late-payment penalties, the 40 € recovery fee) and « N° TVA
  intracommunautaire du client » with the member's number when it has one (CGI art. 242
  nonies A).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptce_desktop.documents.statement import (
    MENTION_NOT_APPLICABLE,
    CallDocument,
    CallDocumentLine,
    KeyBasis,
    Movement,
    MovementKind,
    Party,
    PaymentLine,
    StatementData,
    VatStatus,
)
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import KeySpec, MemberPresence, Method
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.percentages import share_percent_bp
from ptce_desktop.domain.periods import FiscalYear, format_date
from ptce_desktop.domain.weights import EffectiveWeights, effective_weights, versions_in
from ptce_desktop.services.calls.views import (
    MENTION_261B,
    CallView,
    MemberAccount,
    PaymentView,
    call_views,
    member_account,
)
from ptce_desktop.services.common import fiscal_year, get_or_error
from ptce_desktop.services.costs.shares import pole_vat_registered
from ptce_desktop.services.keys.loader import load_key_spec, member_presences
from ptce_desktop.services.pole.pole import PoleService, PoleView
from ptce_desktop.store.models import Call, Member, SharedService
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = [
    "KIND_LABELS",
    "MENTION_261B",
    "MENTION_NOT_APPLICABLE",
    "PAYMENT_METHOD_LABELS",
    "build_statement_data",
]


PAYMENT_METHOD_LABELS: dict[str, str] = {
    "virement": "Virement",
    "cheque": "Chèque",
    "especes": "Espèces",
    "prelevement": "Prélèvement",
    "carte": "Carte bancaire",
    "compensation": "Compensation",
    "autre": "Autre",
}

KIND_LABELS: dict[str, str] = {
    "provisional": "Appel provisionnel",
    "true_up": "Régularisation",
}


def build_statement_data(
    uow: UnitOfWork, member_id: int, year: int, call_id: int | None = None
) -> StatementData:
    """The read model of a member's relevé for fiscal ``year`` (or of one call, ``call_id``).

    Raises ``PtceError("not_found")`` for an unknown member or call; ``ValueError`` when
    ``call_id`` is a call of another member or another year (a caller's mistake).
    """
    pole = PoleService(uow).get()
    with uow.read() as session:
        member = get_or_error(session, Member, member_id, Entity.MEMBER)
        fy = fiscal_year(session, year)
        registered = pole_vat_registered(session, fy.start)  # dated: as the year had it
        account = member_account(session, member_id, fy)
        bases = _Bases(session, member_id, fy)
        documents = tuple(_document(call, registered, account, bases) for call in account.calls)
        chosen: CallDocument | None = None
        if call_id is not None:
            found = [doc for doc in documents if doc.id == call_id]
            if not found:
                get_or_error(session, Call, call_id, Entity.CALL)  # not_found: unknown id
                other = call_views(session, Call.id == call_id)[0]
                raise ValueError(
                    f"call {other.number} belongs to member {other.member_id}, year "
                    f"{other.year}, not member {member_id}, year {year}"
                )
            chosen = found[0]
        member_party = Party(
            name=member.name,
            address_lines=_address_lines(member.address, member.postcode, member.city),
            siret=_siret(member.siret),
        )
        member_vat_number = member.vat_number
    shown = (chosen,) if chosen is not None else documents
    payments = tuple(_payment(payment) for payment in account.payments)
    return StatementData(
        pole=_pole_party(pole, registered),
        pole_vat_registered=registered,
        pole_iban=pole.iban_display if pole is not None else None,
        pole_bic=pole.bic if pole is not None else None,
        logo_path=str(pole.logo_path) if pole is not None and pole.logo_path else None,
        member_id=member_id,
        member=member_party,
        year=account.year,
        year_label=account.year_label,
        year_start=account.start,
        year_end=account.end,
        call=chosen,
        calls=documents,
        payments=payments,
        movements=_movements(documents, account),
        opening_balance_cents=account.opening_cents,
        called_cents=account.called_cents,
        paid_cents=account.paid_cents,
        vat_mentions=_mentions(shown),
        member_vat_number=member_vat_number,
    )


def _address_lines(address: str | None, postcode: str | None, city: str | None) -> tuple[str, ...]:
    town = " ".join(part for part in (postcode, city) if part)
    return tuple(line for line in (address, town) if line)


def _siret(siret: str | None) -> str | None:
    """« 576 604 128 00008 » (no-break spaces) for 14 digits; anything else as typed."""
    if siret is None or len(siret) != 14 or not siret.isdigit():
        return siret
    return "\u00a0".join((siret[:3], siret[3:6], siret[6:9], siret[9:]))


def _pole_party(pole: PoleView | None, registered: bool) -> Party:
    if pole is None:
        return Party(name="", address_lines=())
    return Party(
        name=pole.name,
        address_lines=_address_lines(pole.address, pole.postcode, pole.city),
        siret=pole.siret_display,
        vat_number=pole.vat_number if registered else None,  # as the year had it
    )


def _vat_status(exempt_261b: bool, registered: bool) -> VatStatus:
    if exempt_261b:
        return VatStatus.EXEMPT_261B
    return VatStatus.TAXABLE if registered else VatStatus.NOT_APPLICABLE


class _Bases:
    """The member's key basis per service and period, each computed once."""

    def __init__(self, session: Session, member_id: int, fy: FiscalYear) -> None:
        self.session = session
        self.member_id = member_id
        self.fy = fy
        self.keys: dict[int, int | None] = dict(
            (row.id, row.key_id)
            for row in session.execute(select(SharedService.id, SharedService.key_id))
        )
        self._specs: dict[int, KeySpec] = {}
        self._presences: list[MemberPresence] | None = None
        self._found: dict[tuple[int, int | None], tuple[KeyBasis, ...]] = {}

    def bases(self, service_id: int, quarter: int | None) -> tuple[KeyBasis, ...]:
        """The member's basis over the quarter (or the year): one per key version governing
        the period — a year whose key changed on 1 July has two, each over its own days, as
        the split takes the version in force on each cost's period (never the January
        version stretched over the year). Empty when the member is not in the key."""
        if (service_id, quarter) not in self._found:
            self._found[service_id, quarter] = self._compute(service_id, quarter)
        return self._found[service_id, quarter]

    def _compute(self, service_id: int, quarter: int | None) -> tuple[KeyBasis, ...]:
        key_id = self.keys.get(service_id)
        if key_id is None:
            return ()
        if key_id not in self._specs:
            self._specs[key_id] = load_key_spec(self.session, key_id)
        if self._presences is None:
            self._presences = member_presences(self.session)
        if quarter is None:
            start, end, label = self.fy.start, self.fy.end, f"exercice {self.fy.label}"
        else:
            period = self.fy.quarters()[quarter - 1]
            start, end, label = period.start, period.end, period.label
        spec = self._specs[key_id]
        spans = [(start, end, label)]
        if spec.method in (Method.UNITS, Method.PERCENT, Method.EQUAL):
            governing = versions_in(spec, start, end)
            if len(governing) > 1:
                spans = [
                    (first, last, f"du {format_date(first)} au {format_date(last)}")
                    for _version, first, last in governing
                ]
        found = []
        for first, last, text in spans:
            try:
                weights = effective_weights(spec, first, last, self._presences)
            except PtceError:
                continue  # no version in force: the line prints without this basis
            basis = _key_basis(weights, self.member_id, text)
            if basis is not None:
                found.append(basis)
        return tuple(found)


def _key_basis(weights: EffectiveWeights, member_id: int, label: str) -> KeyBasis | None:
    own = next((m for m in weights.members if m.member_id == member_id), None)
    if own is None:
        return None
    shares = weights.shares()
    method = weights.key.method
    with_units = method in (Method.UNITS, Method.USAGE, Method.PERCENT)
    # usage is recorded inside the period (never prorated); a percent key says « de la clé »
    weighted = method is Method.UNITS
    return KeyBasis(
        key_name=weights.key.name,
        method=method.value,
        unit=weights.key.unit,
        member_units=own.units if with_units else None,
        total_units=weights.total_units if with_units else None,
        participants=len(weights.members),
        share_bp=share_percent_bp(shares[member_id]),
        days_present=own.days_present,
        period_days=own.period_days,
        period_label=label,
        member_weight=own.weight if weighted else None,
        total_weight=weights.total_weight if weighted else None,
    )


def _document(
    call: CallView, registered: bool, account: MemberAccount, bases: _Bases
) -> CallDocument:
    # per service and component (base, surcharge, fee: #11), what the year's other calls asked
    earlier: dict[tuple[int, str], int] = defaultdict(int)
    if call.kind == "true_up":
        for other in account.calls:
            if other.kind != "true_up":
                for line in other.lines:
                    earlier[line.service_id, line.component] += line.ht_cents
    lines = []
    for line in call.lines:
        true_up = call.kind == "true_up"
        called = earlier[line.service_id, line.component]
        # #11: the line's kind (quarter, catch_up, exceptional, true_up; surcharge and fee for
        # those components) and its printed text (« Service — Frais de gestion 6 % »)
        kind = line.kind if line.component == "base" else line.component
        found = (
            bases.bases(line.service_id, call.quarter)
            if line.kind in ("quarter", "true_up")
            else ()
        )
        lines.append(
            CallDocumentLine(
                service_name=line.text,
                ht_cents=line.ht_cents,
                vat_rate_bp=line.vat_rate_bp,
                vat_cents=line.vat_cents,
                ttc_cents=line.ttc_cents,
                vat_status=_vat_status(line.exempt_261b, registered),
                line_kind=kind,
                basis=next(iter(found), None),
                bases=found if len(found) > 1 else (),
                actual_cents=called + line.ht_cents if true_up else None,
                already_called_cents=called if true_up else None,
            )
        )
    return CallDocument(
        id=call.id,
        number=call.number,
        period_label=call.period_label,
        kind_label=KIND_LABELS.get(call.kind, call.kind),
        kind=call.kind,
        issue_date=call.issue_date,
        due_date=call.due_date,
        lines=tuple(lines),
        total_ht_cents=call.total_ht_cents,
        total_vat_cents=call.total_vat_cents,
        total_ttc_cents=call.total_cents,
        paid_cents=call.paid_cents,
        outstanding_cents=call.outstanding_cents,
    )


def _movements(calls: tuple[CallDocument, ...], account: MemberAccount) -> tuple[Movement, ...]:
    found = [
        Movement(
            date=call.issue_date,
            kind=MovementKind.CREDIT if call.is_credit else MovementKind.CALL,
            reference=call.number,
            label=(
                f"Avoir — régularisation {account.year_label}"
                if call.is_credit
                else f"{call.kind_label} — {call.period_label}"
                if not call.is_true_up
                else f"Régularisation {account.year_label}"
            ),
            called_cents=call.total_ttc_cents,
        )
        for call in calls
    ]
    for payment in account.payments:
        refund = payment.amount_cents < 0
        method = PAYMENT_METHOD_LABELS.get(payment.method, payment.method)
        settles = ", ".join(match.call_number for match in payment.matches)
        label = f"{'Remboursement' if refund else 'Règlement'} ({method.lower()})"
        if settles:
            label += f" — {settles}"
        found.append(
            Movement(
                date=payment.date,
                kind=MovementKind.REFUND if refund else MovementKind.PAYMENT,
                reference=payment.reference or "",
                label=label,
                paid_cents=payment.amount_cents,
            )
        )
    found.sort(key=lambda m: (m.date, m.paid_cents is not None, m.reference))
    return tuple(found)


def _mentions(calls: tuple[CallDocument, ...]) -> tuple[str, ...]:
    statuses = {line.vat_status for call in calls for line in call.lines}
    return (MENTION_NOT_APPLICABLE,) if VatStatus.NOT_APPLICABLE in statuses else ()


def _payment(payment: PaymentView) -> PaymentLine:
    return PaymentLine(
        date=payment.date,
        amount_cents=payment.amount_cents,
        method_label=PAYMENT_METHOD_LABELS.get(payment.method, payment.method),
        reference=payment.reference,
        call_numbers=tuple(match.call_number for match in payment.matches),
    )
