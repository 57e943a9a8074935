"""The appel de fonds / relevé read model over a database filled through the calls and payments
services; the PDF prints the services' own figures."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.factories.calls import seed_cost, seed_members, seed_pole, seed_service, seed_units_key

from ptce_desktop.documents.builders.statement import build_statement_data
from ptce_desktop.documents.statement import MENTION_NOT_APPLICABLE, StatementData, VatStatus
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.reports.statement import build_statement
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.store.models import Member, Pole, SharedService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
GENERATED = D(2026, 5, 4)
IBAN = "FR7630006000011234567890189"
IBAN_PRINTED = "FR76 3000 6000 0112 3456 7890 189"
TAXABLE_NAME = "<b>x</b> Informatique & réseau"


def _text(pdf: bytes) -> str:
    pages = PdfReader(BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def _money(cents: int) -> str:
    return " ".join(format_money(cents, typographic=True).split())


def _render(model: StatementData) -> bytes:
    out = BytesIO()
    build_statement(model, out, generated_on=GENERATED)
    return out.getvalue()


def _world(
    uow: UnitOfWork, *, registered: bool = True, exempt: bool = True, taxable: bool = True
) -> tuple[int, ...]:
    seed_pole(uow, vat_registered=registered, iban=IBAN)
    with uow.write("Compléter le pôle") as session:
        pole = session.get(Pole, 1)
        assert pole is not None
        pole.siret = "73282932000074"
        pole.vat_number = "FR44732829320"
        pole.address = "12 rue de l'Œuvre & <bis>"
        pole.postcode = "26000"
        pole.city = "Valence"
    members = seed_members(uow, 3)
    key_id = seed_units_key(uow, dict(zip(members, (120, 80, 50), strict=True)))
    if exempt:
        seed_service(uow, key_id, {2025: 1_200_000})
    if taxable:
        seed_service(
            uow,
            key_id,
            {2025: 400_000},
            name=TAXABLE_NAME,
            vat_regime="taxable",
            vat_rate_bp=2000,
        )
    calls = CallService(uow)
    for quarter in (1, 2):
        start = D(2025, 3 * quarter - 2, 5)
        calls.issue_provisional_calls(
            2025, quarter, issue_date=start, due_date=start + dt.timedelta(days=25)
        )
    return members


def test_statement_figures_are_the_account_of_the_year(uow: UnitOfWork) -> None:
    members = _world(uow)
    PaymentService(uow).record_payment(
        members[0], D(2025, 2, 1), 100_000, "virement", "VIR Dupont & <Fils>", None
    )
    expected = CallService(uow).list_calls(2025, member_id=members[0])
    model = build_statement_data(uow, members[0], 2025)
    assert model.call is None
    assert [c.number for c in model.calls] == [c.number for c in expected]
    assert [c.total_ttc_cents for c in model.calls] == [c.total_cents for c in expected]
    called = sum(c.total_cents for c in expected)
    assert (model.opening_balance_cents, model.called_cents, model.paid_cents) == (
        0,
        called,
        100_000,
    )
    assert model.closing_balance_cents == called - 100_000
    assert len(model.movements) == len(expected) + 1
    assert sum(m.called_cents or 0 for m in model.movements) == model.called_cents
    assert sum(m.paid_cents or 0 for m in model.movements) == model.paid_cents
    assert model.vat_mentions == ()  # the 261 B mention is on the lines
    assert model.pole.vat_number == "FR44732829320"
    assert model.pole_iban == IBAN_PRINTED

    pdf = _render(model)
    text = _text(pdf)
    assert "Relevé de compte — exercice 2025" in text
    assert "Atelier Dupont & Fils <SARL>" in text
    assert "12 rue de l'Œuvre & <bis>" in text
    assert "SIRET : 732 829 320 00074" in text
    assert "FR44732829320" in text
    assert IBAN_PRINTED in text
    exempt = sum(line.exempt_261b for call in expected for line in call.lines)
    assert exempt and text.count("article 261 B du CGI") == exempt  # on each line it applies to
    assert "VIR Dupont & <Fils>" in text
    assert TAXABLE_NAME in text
    for call in expected:
        assert call.number in text
        assert _money(call.total_cents) in text
        for line in call.lines:
            assert _money(line.ttc_cents) in text
            assert _money(line.vat_cents) in text
    for cents in (called, 100_000, called - 100_000):
        assert _money(cents) in text
    assert "Solde de clôture : reste dû par le membre" in text


def test_each_line_carries_the_key_basis(uow: UnitOfWork) -> None:
    members = _world(uow)
    model = build_statement_data(uow, members[0], 2025)
    bases = {line.basis for call in model.calls for line in call.lines}
    assert {(b.member_units, b.total_units, b.share_bp) for b in bases if b} == {
        (120_000, 250_000, 4800)
    }
    assert {b.period_label for b in bases if b} == {"T1 2025", "T2 2025"}
    text = _text(_render(model))
    assert "Clé « Surface (m²) & <co> » : 120 m² sur 250 m², soit 48,00 % (T1 2025)" in text


def test_a_prorated_member_prints_the_weighted_units_the_share_divides(uow: UnitOfWork) -> None:
    """A member who left on 14 February counts 45 of T1's 90 days: « 120 sur 250 » would not
    give the printed share, the weighted pair does (120 / (120 + 80 + 50 × 45/90) = 53,33 %)."""
    members = _world(uow)
    with uow.write("Départ") as session:
        leaving = session.get(Member, members[2])
        assert leaving is not None
        leaving.left_on = D(2025, 2, 14)
    model = build_statement_data(uow, members[0], 2025)
    bases = {
        line.basis.period_label: line.basis for c in model.calls for line in c.lines if line.basis
    }
    first = bases["T1 2025"]
    assert (first.member_weight, first.total_weight, first.share_bp) == (120_000, 225_000, 5333)
    assert first.weighted and not first.prorated
    assert not bases["T2 2025"].weighted  # gone all quarter: not a participant any more
    text = _text(_render(model))
    assert (
        "120 m² sur 250 m² ; pondérés par la présence : 120 m² sur 225 m², soit 53,33 % (T1 2025)"
        in text
    )
    assert "120 m² sur 200 m², soit 60,00 % (T2 2025)" in text


def test_each_payment_in_one_year_only_and_balances_chain(uow: UnitOfWork) -> None:
    members = _world(uow)
    payments = PaymentService(uow)
    payments.record_payment(members[0], D(2025, 3, 1), 50_000, "virement", "VIR-2025", None)
    # a 2026 payment settling the 2025 calls, and a refund dated 2026
    payments.record_payment(members[0], D(2026, 1, 15), 70_000, "virement", "VIR-2026", None)
    payments.record_payment(members[0], D(2026, 2, 1), -5_000, "virement", "REMB-2026", None)
    first = build_statement_data(uow, members[0], 2025)
    second = build_statement_data(uow, members[0], 2026)
    assert [p.reference for p in first.payments] == ["VIR-2025"]
    assert [p.reference for p in second.payments] == ["VIR-2026", "REMB-2026"]
    assert second.opening_balance_cents == first.closing_balance_cents
    assert second.paid_cents == 65_000
    assert second.closing_balance_cents == first.closing_balance_cents - 65_000
    assert "VIR-2026" not in _text(_render(first))
    text = _text(_render(second))
    assert "VIR-2026" in text and "Remboursement" in text
    assert _money(first.closing_balance_cents) in text  # the opening balance


def test_a_negative_true_up_prints_as_an_avoir(uow: UnitOfWork) -> None:
    members = _world(uow, taxable=False)
    with uow.read() as session:
        service_id = session.query(SharedService.id).scalar()
    seed_cost(
        uow,
        service_id,
        100_000,
        {members[0]: 120, members[1]: 80, members[2]: 50},
        start=D(2025, 1, 1),
        end=D(2025, 12, 31),
    )
    (credit, *_) = CallService(uow).issue_true_up(
        2025, issue_date=D(2026, 2, 1), due_date=D(2026, 3, 1)
    )
    assert credit.total_cents < 0
    model = build_statement_data(uow, credit.member_id, 2025, call_id=credit.id)
    assert model.call is not None and model.call.is_credit
    (line,) = model.call.lines
    assert line.actual_cents is not None and line.already_called_cents is not None
    assert line.actual_cents - line.already_called_cents == line.ht_cents
    assert line.basis is not None and line.basis.period_label == "exercice 2025"
    text = _text(_render(model))
    assert f"Avoir n° {credit.number}" in text
    assert "Montant en votre faveur" in text
    assert _money(-credit.total_cents) in text
    for absent in (IBAN_PRINTED, "À régler", "échéance", "Montant de l'appel"):
        assert absent not in text, absent
    for cents in (line.actual_cents, line.already_called_cents):
        assert _money(cents) in text


def test_one_call_document(uow: UnitOfWork) -> None:
    members = _world(uow)
    service = CallService(uow)
    first = service.list_calls(2025, member_id=members[1])[0]
    model = build_statement_data(uow, members[1], 2025, call_id=first.id)
    assert model.call is not None and model.call.number == first.number
    statuses = {line.vat_status for line in model.call.lines}
    assert statuses == {VatStatus.EXEMPT_261B, VatStatus.TAXABLE}
    detail = service.call_detail(first.id)
    assert model.call.total_ttc_cents == detail.total_cents
    assert model.call.outstanding_cents == detail.outstanding_cents

    text = _text(_render(model))
    assert f"Appel de fonds n° {first.number}" in text
    assert "05/01/2025" in text and "30/01/2025" in text
    assert "20 %" in text and "Exonérée" in text
    for line in detail.lines:
        assert _money(line.ht_cents) in text
    assert _money(detail.total_ht_cents) in text
    assert _money(detail.total_vat_cents) in text
    assert _money(detail.total_cents) in text
    assert text.count("article 261 B du CGI") == sum(line.exempt_261b for line in detail.lines)
    assert IBAN_PRINTED in text and "AGRIFRPP881" in text
    assert f"la référence {first.number}" in text


def test_261b_mention_only_when_an_exempt_line_exists(uow: UnitOfWork) -> None:
    members = _world(uow, exempt=False)
    model = build_statement_data(uow, members[0], 2025)
    assert model.vat_mentions == ()
    assert {line.vat_status for call in model.calls for line in call.lines} == {VatStatus.TAXABLE}
    text = _text(_render(model))
    assert "261 B" not in text
    assert "Exonérée" not in text
    assert MENTION_NOT_APPLICABLE not in text


def test_pole_not_vat_registered(uow: UnitOfWork) -> None:
    members = _world(uow, registered=False)
    model = build_statement_data(uow, members[2], 2025)
    assert model.pole.vat_number is None
    assert model.vat_mentions == (MENTION_NOT_APPLICABLE,)
    assert all(line.vat_cents == 0 for call in model.calls for line in call.lines)
    text = _text(_render(model))
    assert MENTION_NOT_APPLICABLE in text
    assert "Non applicable" in text
    assert "FR44732829320" not in text


def test_member_without_calls_prints_aucune_donnee(uow: UnitOfWork) -> None:
    seed_pole(uow)
    (member,) = seed_members(uow, 1)
    model = build_statement_data(uow, member, 2030)
    assert model.calls == () and model.payments == () and model.closing_balance_cents == 0
    text = _text(_render(model))
    assert "Aucun appel ni règlement sur cet exercice" in text
    assert "Relevé de compte — exercice 2030" in text


def test_no_pole_yet_still_prints(uow: UnitOfWork) -> None:
    (member,) = seed_members(uow, 1)
    model = build_statement_data(uow, member, 2025)
    assert model.pole_iban is None
    text = _text(_render(model))
    assert "Aucun appel de fonds émis pour cet exercice" in text


def test_wrong_call_or_member(uow: UnitOfWork) -> None:
    members = _world(uow)
    other = CallService(uow).list_calls(2025, member_id=members[1])[0]
    with pytest.raises(ValueError, match=other.number):
        build_statement_data(uow, members[0], 2025, call_id=other.id)
    with pytest.raises(PtceError) as unknown_call:
        build_statement_data(uow, members[0], 2025, call_id=9999)
    assert unknown_call.value.code == "not_found"
    with pytest.raises(PtceError) as unknown_member:
        build_statement_data(uow, 9999, 2025)
    assert unknown_member.value.code == "not_found"


def test_same_data_same_bytes(uow: UnitOfWork, tmp_path: Path) -> None:
    members = _world(uow)
    first = build_statement_data(uow, members[0], 2025)
    second = build_statement_data(uow, members[0], 2025)
    assert first == second
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    build_statement(first, a, generated_on=GENERATED)
    build_statement(second, b, generated_on=GENERATED)
    assert a.read_bytes() == b.read_bytes()
