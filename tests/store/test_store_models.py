"""The models: exact integer storage, one table per DESIGN §3 entity, constraints that hold."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import BigInteger, Float, Integer, Numeric, select, text
from support.store_helpers import LONG_NAME, make_cost

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.models import Base, Cost, Member, Payment, Share, SharedService
from ptce_desktop.store.unit_of_work import UnitOfWork

DESIGN_TABLES = {
    "saved_scenarios",  # « Et si… ? » (hypotheses only, never the pole's figures)
    "poles",
    "fiscal_years",
    "members",
    "member_year_figures",
    "allocation_keys",
    "key_versions",
    "key_version_units",
    "key_mix_parts",
    "usage_records",
    "shared_services",
    "service_budgets",
    "costs",
    "shares",
    "attachments",
    "attachment_links",
    "membership_fees",
    "calls",
    "call_lines",
    "exceptional_charges",
    "call_reminders",
    "payments",
    "payment_matches",
    "funders",
    "grants",
    "grant_budget_lines",
    "grant_plan_lines",
    "instalments",
    "redistributions",
    "grant_report_texts",
    "in_kind_contributions",
    "projects",
    "project_members",
    "governance_bodies",
    "meetings",
    "events",
    "report_texts",
    "audit_entries",
    "sequence_counters",
    # dated values (issue 12): a closed year keeps its VAT regime and registration
    "service_vat_periods",
    "service_billing_terms",
    "pole_vat_periods",
}


def test_every_design_entity_has_a_table() -> None:
    assert set(Base.metadata.tables) == DESIGN_TABLES


def test_no_numeric_or_float_column_anywhere() -> None:
    for table in Base.metadata.tables.values():
        for column in table.columns:
            assert not isinstance(column.type, Numeric | Float), f"{table.name}.{column.name}"


def test_exact_number_columns_are_integers() -> None:
    found = 0
    for table in Base.metadata.tables.values():
        for column in table.columns:
            if column.name.endswith(("_cents", "_milli", "_bp")) or column.name == "cents":
                found += 1
                assert isinstance(column.type, Integer), f"{table.name}.{column.name}"
                if column.name.endswith("cents"):
                    assert isinstance(column.type, BigInteger), f"{table.name}.{column.name}"
    assert found > 30


def test_every_foreign_key_says_what_happens_on_delete() -> None:
    for table in Base.metadata.tables.values():
        for fk in table.foreign_keys:
            assert fk.ondelete in {"CASCADE", "RESTRICT", "SET NULL"}, fk.parent


def test_money_is_stored_as_integer(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    with uow.read() as session:
        kinds = session.execute(
            text("SELECT DISTINCT typeof(ht_cents), typeof(ttc_cents) FROM costs")
        ).all()
        share_kinds = session.execute(text("SELECT DISTINCT typeof(cents) FROM shares")).all()
        units = session.execute(text("SELECT DISTINCT typeof(units_milli) FROM key_version_units"))
        assert kinds == [("integer", "integer")]
        assert share_kinds == [("integer",)]
        assert units.all() == [("integer",)]
        total = session.scalar(text("SELECT SUM(cents) FROM shares"))
        assert total == 123_456


def test_largest_amount_round_trips(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    with uow.write("Grosse charge") as session:
        service = session.get(SharedService, seeded["service"])
        assert service is not None
        cost = make_cost(service, dt.date(2025, 6, 1), "Très grosse charge")
        cost.ht_cents = cost.ttc_cents = 99_999_999_999
        session.add(cost)
    with uow.read() as session:
        assert session.scalar(select(Cost.ttc_cents).where(Cost.label == "Très grosse charge")) == (
            99_999_999_999
        )


def test_text_round_trips_verbatim(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    with uow.read() as session:
        names = set(session.scalars(select(Member.name)))
    assert LONG_NAME in names
    assert "Dupont & Fils <SARL>" in names


def test_ttc_must_equal_ht_plus_vat(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    with pytest.raises(PtceError) as caught, uow.write("Charge fausse") as session:
        service = session.get(SharedService, seeded["service"])
        assert service is not None
        cost = make_cost(service, dt.date(2025, 6, 1))
        cost.vat_cents = 1
        session.add(cost)
    assert caught.value.code == "database_error"
    assert "CHECK" in caught.value.values["detail"]


def test_unknown_enum_value_is_refused(uow: UnitOfWork) -> None:
    with pytest.raises(PtceError, match="CHECK"), uow.write("Membre") as session:
        session.add(Member(name="X", category="martien"))


def test_member_with_shares_cannot_be_hard_deleted(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    with pytest.raises(PtceError) as caught, uow.write("Supprimer") as session:
        session.execute(text("DELETE FROM members WHERE id = :id"), {"id": seeded["member"]})
    assert "FOREIGN KEY" in caught.value.values["detail"]


def test_member_with_payments_cannot_be_hard_deleted(uow: UnitOfWork) -> None:
    with uow.write("Règlement") as session:
        member = Member(name="Payeur", category="other")
        session.add(Payment(member=member, date=dt.date(2026, 1, 5), amount_cents=1_000))
    with pytest.raises(PtceError), uow.write("Supprimer") as session:
        session.execute(text("DELETE FROM members WHERE name = 'Payeur'"))


def test_shares_go_with_their_cost(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    with uow.write("Supprimer la charge") as session:
        cost = session.get(Cost, seeded["cost"])
        session.delete(cost)
    with uow.read() as session:
        assert session.scalars(select(Share)).all() == []
