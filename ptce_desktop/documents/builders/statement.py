"""Builds the read model of the "Appel de fonds / relevé" PDF: one member's calls, payments
and balance.

The figures are those the calls and payments services return — :meth:`CallService.statement`
(calls with their lines, payments, called / paid / unapplied / balance) in one read
transaction — and the letterhead is :meth:`PoleService.get`. Nothing is recomputed here: the
builder only picks, labels and classifies.

Two documents share this model:

* ``call_id`` given: the **appel de fonds** itself (number, issue and due dates, lines per
  service with HT / TVA / TTC, payment instructions), followed by the member's account for the
  fiscal year (payments received and balance);
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
  printed only when the pole is VAT-registered.
"""

from __future__ import annotations

from ptce_desktop.documents.statement import (
    MENTION_NOT_APPLICABLE,
    CallDocument,
    CallDocumentLine,
    Party,
    PaymentLine,
    StatementData,
    VatStatus,
)
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.views import MENTION_261B, CallView, MemberStatement, PaymentView
from ptce_desktop.services.pole.pole import PoleService, PoleView
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
    calls_service = CallService(uow)
    statement = calls_service.statement(member_id, year)
    pole = PoleService(uow).get()
    registered = bool(pole is not None and pole.vat_registered)
    documents = tuple(_document(call, registered) for call in statement.calls)
    chosen: CallDocument | None = None
    if call_id is not None:
        found = [doc for doc in documents if doc.id == call_id]
        if not found:
            other = calls_service.call_detail(call_id)  # not_found for an unknown id
            raise ValueError(
                f"call {other.number} belongs to member {other.member_id}, year {other.year}, "
                f"not member {member_id}, year {year}"
            )
        chosen = found[0]
    shown = (chosen,) if chosen is not None else documents
    return StatementData(
        pole=_pole_party(pole, statement),
        pole_vat_registered=registered,
        pole_iban=pole.iban_display if pole is not None else None,
        pole_bic=pole.bic if pole is not None else None,
        logo_path=str(pole.logo_path) if pole is not None and pole.logo_path else None,
        member_id=statement.member_id,
        member=Party(
            name=statement.member_name,
            address_lines=_address_lines(
                statement.member_address, statement.member_postcode, statement.member_city
            ),
        ),
        year=statement.year,
        year_label=statement.year_label,
        call=chosen,
        calls=documents,
        payments=tuple(_payment(payment) for payment in statement.payments),
        called_cents=statement.called_cents,
        paid_cents=statement.paid_cents,
        unapplied_cents=statement.unapplied_cents,
        balance_cents=statement.balance_cents,
        vat_mentions=_mentions(shown),
    )


def _address_lines(address: str | None, postcode: str | None, city: str | None) -> tuple[str, ...]:
    town = " ".join(part for part in (postcode, city) if part)
    return tuple(line for line in (address, town) if line)


def _pole_party(pole: PoleView | None, statement: MemberStatement) -> Party:
    if pole is None:
        return Party(name=statement.pole_name, address_lines=())
    return Party(
        name=pole.name,
        address_lines=_address_lines(pole.address, pole.postcode, pole.city),
        siret=pole.siret_display,
        vat_number=pole.vat_number if pole.vat_registered else None,
    )


def _vat_status(exempt_261b: bool, registered: bool) -> VatStatus:
    if exempt_261b:
        return VatStatus.EXEMPT_261B
    return VatStatus.TAXABLE if registered else VatStatus.NOT_APPLICABLE


def _document(call: CallView, registered: bool) -> CallDocument:
    return CallDocument(
        id=call.id,
        number=call.number,
        period_label=call.period_label,
        kind_label=KIND_LABELS.get(call.kind, call.kind),
        issue_date=call.issue_date,
        due_date=call.due_date,
        lines=tuple(
            CallDocumentLine(
                service_name=line.service_name,
                ht_cents=line.ht_cents,
                vat_rate_bp=line.vat_rate_bp,
                vat_cents=line.vat_cents,
                ttc_cents=line.ttc_cents,
                vat_status=_vat_status(line.exempt_261b, registered),
            )
            for line in call.lines
        ),
        total_ht_cents=call.total_ht_cents,
        total_vat_cents=call.total_vat_cents,
        total_ttc_cents=call.total_cents,
        paid_cents=call.paid_cents,
        outstanding_cents=call.outstanding_cents,
    )


def _mentions(calls: tuple[CallDocument, ...]) -> tuple[str, ...]:
    statuses = {line.vat_status for call in calls for line in call.lines}
    mentions = []
    if VatStatus.EXEMPT_261B in statuses:
        mentions.append(MENTION_261B)
    if VatStatus.NOT_APPLICABLE in statuses:
        mentions.append(MENTION_NOT_APPLICABLE)
    return tuple(mentions)


def _payment(payment: PaymentView) -> PaymentLine:
    return PaymentLine(
        date=payment.date,
        amount_cents=payment.amount_cents,
        method_label=PAYMENT_METHOD_LABELS.get(payment.method, payment.method),
        reference=payment.reference,
        call_numbers=tuple(match.call_number for match in payment.matches),
    )
