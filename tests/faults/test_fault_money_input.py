"""Amounts typed by people, rounding, splitting and the largest amount (§5, items 12–16)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from support.faults_world import YEAR, build_world, pdf_text, render_all

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import NBSP, format_money, parse_money
from ptce_desktop.domain.split import allocate_cents
from ptce_desktop.domain.vat import vat_cents
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.base import MONEY_MAX
from ptce_desktop.store.models import Cost, Share
from ptce_desktop.store.unit_of_work import UnitOfWork


@pytest.mark.parametrize("typed", ["1 234,56", "1\u00a0234,56", "1\u202f234,56", "1234.56"])
def test_item12_spaced_and_dotted_amounts_parse_to_the_same_cents(typed: str) -> None:
    assert parse_money(typed) == 123_456
    assert parse_money(typed + " €") == 123_456
    assert format_money(parse_money(typed)) == f"1{NBSP}234,56{NBSP}€"


@pytest.mark.parametrize(
    ("typed", "code", "words"),
    [
        ("1.234,56", "misplaced_separators", "séparateurs mal placés"),
        ("12,345", "amount_too_precise", "plus de deux décimales"),
        ("abc", "invalid_amount", "n'est pas un montant"),
        ("-0", "invalid_amount", "n'est pas un montant"),
        ("1e3", "invalid_amount", "n'est pas un montant"),
        ("NaN", "invalid_amount", "n'est pas un montant"),
    ],
)
def test_item13_ambiguous_or_foreign_amounts_are_refused_in_french(
    typed: str, code: str, words: str
) -> None:
    with pytest.raises(PtceError) as caught:
        parse_money(typed, field="ttc_cents")
    assert caught.value.code == code
    message = caught.value.message("fr")
    assert words in message and f"« {typed} »" in message


def test_item14_half_cent_rule_and_displayed_sums_equal_stored_sums(uow: UnitOfWork) -> None:
    # Typed amounts are to the cent: 0,005 € is refused, never silently rounded.
    with pytest.raises(PtceError) as caught:
        parse_money("0,005 €")
    assert caught.value.code == "amount_too_precise"
    # Computed amounts (VAT) round half up, half away from zero for a credit note.
    assert vat_cents(1, 5000) == 1  # 0,005 € -> 0,01 €
    assert vat_cents(-1, 5000) == -1
    assert vat_cents(1005, 2000) == 201  # 2,01 €
    assert vat_cents(1002, 2000) == 200  # 2,004 € -> 2,00 €
    # Shares stored in the database sum to the costs, and the report prints that sum.
    world = build_world(uow, ["Dupont & Fils <SARL>", "L'Épicerie — 1 234,56 €", "Œuvre"])
    with uow.read() as session:
        stored_costs = session.scalar(select(func.sum(Cost.ttc_cents)))
        stored_shares = session.scalar(select(func.sum(Share.cents)))
    assert stored_costs == stored_shares == 600_003
    report = pdf_text(render_all(uow, world)["répartition"])
    assert " ".join(format_money(600_003).split()) in report


def test_item15_100_euros_over_three_members_sum_exactly() -> None:
    assert allocate_cents(10_000, {1: 1, 2: 1, 3: 1}) == {1: 3334, 2: 3333, 3: 3333}


@settings(max_examples=100, deadline=None)
@given(
    total=st.integers(min_value=-MONEY_MAX, max_value=MONEY_MAX),
    weights=st.lists(
        st.fractions(min_value=Fraction(0), max_value=Fraction(10_000), max_denominator=1000),
        min_size=1,
        max_size=12,
    ).filter(lambda ws: any(w > 0 for w in ws)),
)
def test_item15_any_split_sums_to_the_total_with_no_wrong_sign(
    total: int, weights: list[Fraction]
) -> None:
    shares = allocate_cents(total, dict(enumerate(weights, start=1)))
    assert sum(shares.values()) == total
    assert all(share * total >= 0 for share in shares.values())  # never the opposite sign


def test_item16_largest_amount_stores_and_sums_as_integers(uow: UnitOfWork, db_path: Path) -> None:
    assert parse_money("999 999 999,99 €") == MONEY_MAX
    with pytest.raises(PtceError) as caught:
        parse_money("100 000 000 000 000,00")
    assert caught.value.code == "amount_out_of_range"

    PoleService(uow).create_pole("Pôle des grands montants & <co>")
    members = MemberService(uow)
    ids = [members.create(MemberDraft(name=f"Membre n° {i} & l'€")).id for i in range(3)]
    keys = KeyService(uow)
    key = keys.create_key(KeyDraft("Parts égales & <co>", "equal"))
    keys.add_version(key, VersionDraft(dt.date(2025, 1, 1), dict.fromkeys(ids, 1000)))
    service = SharedServiceService(uow).create_service(ServiceDraft("Siège", key_id=key))
    costs = CostService(uow)
    day = dt.date(YEAR, 2, 1)
    for _ in range(3):
        costs.create_cost(CostDraft(service, day, day, day, "Maximum", MONEY_MAX, 0, MONEY_MAX))
    with pytest.raises(PtceError) as too_big:
        costs.create_cost(
            CostDraft(service, day, day, day, "Trop", MONEY_MAX + 1, 0, MONEY_MAX + 1)
        )
    assert too_big.value.code == "amount_out_of_bounds"
    with uow.read() as session:
        total = session.scalar(select(func.sum(Cost.ttc_cents)))
        shares = session.scalar(select(func.sum(Share.cents)))
        kinds = set(session.scalars(text("SELECT DISTINCT typeof(ttc_cents) FROM costs")))
        share_kinds = set(session.scalars(text("SELECT DISTINCT typeof(cents) FROM shares")))
    assert total == shares == 3 * MONEY_MAX and isinstance(total, int)
    assert kinds == share_kinds == {"integer"}  # never REAL
    assert format_money(total) == f"2{NBSP}999{NBSP}999{NBSP}999,97{NBSP}€"
