"""The appel de fonds / relevé PDF built from hand-made read models, read back with pypdf."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

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
from ptce_desktop.reports.base import money_text as format_money_p
from ptce_desktop.reports.statement import build_statement

GENERATED = date(2026, 5, 4)
LONG_NAME = ("Association intercommunale d'insertion & de coopération " * 6)[:300]
IBAN = "FR76 3000 6000 0112 3456 7890 189"


def line(
    name: str, ht: int, status: VatStatus = VatStatus.EXEMPT_261B, rate: int = 0
) -> CallDocumentLine:
    vat = (ht * rate + 5000) // 10_000 if status is VatStatus.TAXABLE else 0
    return CallDocumentLine(name, ht, rate, vat, ht + vat, status)


def call(
    call_id: int, number: str, lines: tuple[CallDocumentLine, ...], paid: int = 0
) -> CallDocument:
    ht = sum(x.ht_cents for x in lines)
    vat = sum(x.vat_cents for x in lines)
    return CallDocument(
        id=call_id,
        number=number,
        period_label=f"T{call_id} 2025",
        kind_label="Appel provisionnel",
        kind="provisional",
        issue_date=date(2025, 3 * call_id - 2, 5),
        due_date=date(2025, 3 * call_id - 2, 30),
        lines=lines,
        total_ht_cents=ht,
        total_vat_cents=vat,
        total_ttc_cents=ht + vat,
        paid_cents=paid,
        outstanding_cents=ht + vat - paid,
    )


def statement(
    calls: tuple[CallDocument, ...] = (),
    *,
    chosen: int | None = None,
    payments: tuple[PaymentLine, ...] = (),
    registered: bool = True,
    iban: str | None = IBAN,
    member_name: str = "Dupont & Fils <SARL>",
    opening: int = 0,
) -> StatementData:
    statuses = {x.vat_status for c in calls for x in c.lines}
    mentions = (MENTION_NOT_APPLICABLE,) if VatStatus.NOT_APPLICABLE in statuses else ()
    called = sum(c.total_ttc_cents for c in calls)
    paid = sum(p.amount_cents for p in payments)
    movements = tuple(
        sorted(
            [
                Movement(
                    c.issue_date,
                    MovementKind.CREDIT if c.is_credit else MovementKind.CALL,
                    c.number,
                    c.period_label,
                    called_cents=c.total_ttc_cents,
                )
                for c in calls
            ]
            + [
                Movement(
                    p.date,
                    MovementKind.PAYMENT,
                    p.reference or "",
                    "Règlement",
                    None,
                    p.amount_cents,
                )
                for p in payments
            ],
            key=lambda m: m.date,
        )
    )
    return StatementData(
        pole=Party(
            "Pôle Sud & Co <Drôme>",
            ("12 rue de l'Œuvre", "26000 Valence"),
            siret="732 829 320 00074",
            vat_number="FR44732829320" if registered else None,
        ),
        pole_vat_registered=registered,
        pole_iban=iban,
        pole_bic="AGRIFRPP881" if iban else None,
        logo_path=None,
        member_id=7,
        member=Party(member_name, ("1 rue de l'Église & <annexe>", "26000 Valence")),
        year=2025,
        year_label="2025",
        year_start=date(2025, 1, 1),
        year_end=date(2025, 12, 31),
        call=next((c for c in calls if c.id == chosen), None),
        calls=calls,
        payments=payments,
        movements=movements,
        opening_balance_cents=opening,
        called_cents=called,
        paid_cents=paid,
        vat_mentions=mentions,
    )


BASIS = KeyBasis("Surface & <co>", "units", "m²", 120_000, 250_000, 3, 4800, 90, 90, "T1 2025")
EXEMPT = dataclasses.replace(line("Locaux partagés & accueil <RDC>", 123_456_78), basis=BASIS)
TAXABLE = line("<b>x</b> informatique", 1_000_00, VatStatus.TAXABLE, 2000)
PAYMENT = PaymentLine(
    date(2025, 2, 10), 500_00, "Virement", "VIR l'Éclair <n°1>", ("AF-2025-0001",)
)


def render(model: StatementData, tmp_path: Path, name: str = "doc.pdf") -> Path:
    target = tmp_path / name
    pages = build_statement(model, target, generated_on=GENERATED)
    assert pages >= 1
    return target


def test_call_document_prints_identity_lines_totals_and_iban(
    tmp_path: Path, page_texts: Callable[[Path], list[str]], body_text: Callable[[Path], str]
) -> None:
    first = call(1, "AF-2025-0001", (EXEMPT, TAXABLE), paid=500_00)
    model = statement((first, call(2, "AF-2025-0002", (EXEMPT,))), chosen=1, payments=(PAYMENT,))
    text = " ".join(page_texts(render(model, tmp_path)))
    for expected in (
        "Appel de fonds n° AF-2025-0001",
        "Pôle Sud & Co <Drôme>",
        "SIRET : 732 829 320 00074",
        "FR44732829320",
        "Dupont & Fils <SARL>",
        "1 rue de l'Église & <annexe>",
        "<b>x</b> informatique",
        "30/01/2025",  # due date
        "05/01/2025",
        "Exonérée",
        "20 %",
        IBAN,
        "AGRIFRPP881",
        "VIR l'Éclair <n°1>",
        "Exonérée",
        "Exonération de TVA — article 261 B du CGI",
        "Clé « Surface & <co> » : 120 m² sur 250 m², soit 48,00 % (T1 2025)",
    ):
        assert " ".join(expected.split()) in text, expected
    assert MENTION_NOT_APPLICABLE not in text
    # line amounts, VAT, call total, paid and outstanding, balance of the year
    for cents in (123_456_78, 1_000_00, 200_00, 124_656_78, 500_00, 124_156_78):
        assert " ".join(format_money_p(cents).split()) in text, cents
    balance = model.closing_balance_cents
    assert balance == 124_656_78 + 123_456_78 - 500_00
    assert " ".join(format_money_p(balance).split()) in text
    assert "Solde de clôture : reste dû par le membre" in text
    # the other call of the year is listed in the account summary
    assert "AF-2025-0002" in body_text(tmp_path / "doc.pdf")


def test_261b_mention_only_with_an_exempt_line(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    model = statement((call(1, "AF-2025-0001", (TAXABLE,)),), chosen=1)
    text = " ".join(page_texts(render(model, tmp_path)))
    assert "261 B" not in text
    assert "Exonération" not in text
    assert MENTION_NOT_APPLICABLE not in text
    assert "N° de TVA intracommunautaire" in text


def test_not_registered_pole_prints_tva_non_applicable_and_no_vat_number(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    plain = line("Secrétariat", 300_00, VatStatus.NOT_APPLICABLE)
    model = statement((call(1, "AF-2025-0001", (plain,)),), chosen=1, registered=False)
    text = " ".join(page_texts(render(model, tmp_path)))
    assert MENTION_NOT_APPLICABLE in text
    assert "Non applicable" in text
    assert "261 B" not in text
    assert "TVA intracommunautaire" not in text


def test_statement_lists_every_call_with_its_lines_and_balance(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    calls = tuple(call(q, f"AF-2025-000{q}", (EXEMPT, TAXABLE), paid=100_00) for q in (1, 2, 3, 4))
    model = statement(calls, payments=(PAYMENT,), opening=25_00)
    pdf = render(model, tmp_path)
    text = " ".join(page_texts(pdf))
    assert "Relevé de compte — exercice 2025" in text
    for q in (1, 2, 3, 4):
        assert f"AF-2025-000{q}" in text
        assert f"T{q} 2025" in text
    for cents in (
        model.called_cents,
        model.paid_cents,
        model.opening_balance_cents,
        model.closing_balance_cents,
        200_00,
    ):
        assert " ".join(format_money_p(cents).split()) in text, cents
    assert text.count("article 261 B du CGI") == 4  # one exempt line in each of the 4 calls
    assert IBAN in text  # something is due: payment instructions


def test_empty_year_prints_aucune_donnee(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    model = statement()
    text = " ".join(page_texts(render(model, tmp_path)))
    assert "Aucun appel de fonds émis pour cet exercice" in text
    assert "Aucun appel ni règlement sur cet exercice" in text
    assert "261 B" not in text
    assert " ".join(format_money_p(0).split()) in text


def test_missing_iban_is_said_not_invented(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    model = statement((call(1, "AF-2025-0001", (EXEMPT,)),), chosen=1, iban=None)
    text = " ".join(page_texts(render(model, tmp_path)))
    assert "Coordonnées bancaires du pôle non renseignées" in text
    assert "IBAN" not in text


def test_hostile_and_long_names_are_printed_literally(
    tmp_path: Path, body_text: Callable[[Path], str]
) -> None:
    hostile = "<b>x</b> & œ € <font size=40>"
    weird = line(hostile, 1_00)
    model = statement(
        (call(1, "AF-2025-0001", (weird, line("x" * 5000, 2_00))),),
        chosen=1,
        member_name=LONG_NAME,
    )
    text = body_text(render(model, tmp_path))
    assert "".join(hostile.split()) in text
    assert "".join(LONG_NAME.split()) in text


def test_same_model_same_bytes(tmp_path: Path) -> None:
    model = statement((call(1, "AF-2025-0001", (EXEMPT, TAXABLE)),), payments=(PAYMENT,))
    first = render(model, tmp_path, "a.pdf").read_bytes()
    second = render(model, tmp_path, "b.pdf").read_bytes()
    assert first == second
    later = dataclasses.replace(model, member=Party("Autre membre", ()))
    assert render(later, tmp_path, "c.pdf").read_bytes() != first


def test_many_calls_flow_over_pages(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    lines = tuple(line(f"Service n° {i} & <co>", 10_00 * i) for i in range(1, 40))
    calls = tuple(call(q, f"AF-2025-00{q:02d}", lines) for q in (1, 2, 3, 4))
    model = statement(calls)
    pdf = render(model, tmp_path)
    texts = page_texts(pdf)
    assert len(texts) >= 3
    assert all(f"/ {len(texts)}" in page for page in texts)


@pytest.mark.parametrize("registered", [True, False])
def test_progress_reports_pages(tmp_path: Path, registered: bool) -> None:
    seen: list[int] = []
    model = statement((call(1, "AF-2025-0001", (EXEMPT,)),), registered=registered)
    pages = build_statement(model, tmp_path / "p.pdf", generated_on=GENERATED, progress=seen.append)
    assert seen == list(range(1, pages + 1))


def credit_note(paid: int = 0) -> CallDocument:
    lines = (
        dataclasses.replace(
            line("Locaux & <co>", -1_500_00), actual_cents=8_500_00, already_called_cents=10_000_00
        ),
        dataclasses.replace(
            line("Informatique", 335_02, VatStatus.TAXABLE, 2000),
            actual_cents=1_335_02,
            already_called_cents=1_000_00,
        ),
    )
    base = call(4, "AF-2025-0099", lines, paid=paid)
    return dataclasses.replace(
        base, kind="true_up", kind_label="Régularisation", period_label="Régularisation 2025"
    )


def test_a_credit_prints_as_an_avoir_without_iban_or_due_date(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    avoir = credit_note()
    assert avoir.total_ttc_cents == -1_500_00 + 335_02 + 67_00
    model = statement((avoir,), chosen=4)
    text = " ".join(page_texts(render(model, tmp_path)))
    assert "Avoir n° AF-2025-0099" in text
    assert "Montant en votre faveur" in text
    assert " ".join(format_money_p(-avoir.total_ttc_cents).split()) in text
    assert "remboursé par virement" in text
    for absent in ("IBAN", "À régler", "échéance", "Appel de fonds n°", "Montant de l'appel"):
        assert absent not in text, absent
    # the true-up is shown: actual shares − already called = the line
    for cents in (8_500_00, 10_000_00, -1_500_00, 1_335_02, 335_02, 9_835_02, 11_000_00):
        assert " ".join(format_money_p(cents).split()) in text, cents
    # a line with VAT: the late-payment mentions the law requires
    assert "40 €" in " ".join(text.split()) and "L. 441-10" in text


def test_balance_reconciles_on_the_face_with_a_credit_balance(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    refund = PaymentLine(date(2025, 6, 1), -300_00, "Virement", "REMB", ())
    model = statement(
        (call(1, "AF-2025-0001", (EXEMPT,)),), payments=(PAYMENT, refund), opening=-124_000_00
    )
    closing = -124_000_00 + 123_456_78 - (500_00 - 300_00)
    assert model.closing_balance_cents == closing < 0
    text = " ".join(page_texts(render(model, tmp_path)))
    assert "Solde de clôture : en votre faveur" in text
    # every amount unsigned in the column of its direction: no « −124 000,00 € »
    assert " ".join(format_money_p(-closing).split()) in text
    assert " ".join(format_money_p(124_000_00).split()) in text
    assert " ".join(format_money_p(-124_000_00).split()) not in text
    assert IBAN not in text  # nothing due: no payment instructions
