"""Code columns: typed with the domain's enums, stored as their values, checked by name."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import pytest
from sqlalchemy import CheckConstraint, Enum, select, text

from ptce_desktop.domain.billing import LineComponent, LineKind
from ptce_desktop.domain.categories import (
    CallKind,
    FunderType,
    GovernanceKind,
    GrantNature,
    GrantStatus,
    InKindKind,
    MemberCategory,
    OverheadMethod,
    PaymentMethod,
    ProjectStatus,
)
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.store.models import (
    AllocationKey,
    Base,
    Funder,
    Grant,
    InKindContribution,
    Member,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

NAME = "Entraide & Cie <« Œuvre »> l'été €" + "é" * 150

#: (table, column) -> the enum that types it; every code column of the schema is listed.
CODE_COLUMNS: dict[tuple[str, str], type[StrEnum]] = {
    ("members", "category"): MemberCategory,
    ("membership_fees", "category"): MemberCategory,
    ("allocation_keys", "method"): Method,
    ("shared_services", "vat_regime"): VatRegime,
    ("service_vat_periods", "vat_regime"): VatRegime,
    ("calls", "kind"): CallKind,
    ("call_lines", "kind"): LineKind,
    ("call_lines", "component"): LineComponent,
    ("payments", "method"): PaymentMethod,
    ("funders", "type"): FunderType,
    ("grants", "status"): GrantStatus,
    ("grants", "nature"): GrantNature,
    ("grants", "overhead_method"): OverheadMethod,
    ("in_kind_contributions", "kind"): InKindKind,
    ("projects", "status"): ProjectStatus,
    ("governance_bodies", "kind"): GovernanceKind,
}


def test_every_code_column_is_typed_with_its_domain_enum() -> None:
    found = {
        (table.name, column.name): column.type.enum_class
        for table in Base.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, Enum)
    }
    assert found == CODE_COLUMNS
    for table_name, column_name in CODE_COLUMNS:
        column_type = Base.metadata.tables[table_name].c[column_name].type
        assert isinstance(column_type, Enum)
        assert not column_type.native_enum
        assert column_type.length == 40
        assert column_type.enums == [
            member.value for member in CODE_COLUMNS[table_name, column_name]
        ]


@pytest.mark.parametrize(("table_name", "column_name"), sorted(CODE_COLUMNS))
def test_each_code_column_keeps_its_named_check_of_values(
    table_name: str, column_name: str
) -> None:
    table = Base.metadata.tables[table_name]
    checks = {
        str(constraint.name): str(constraint.sqltext)
        for constraint in table.constraints
        if isinstance(constraint, CheckConstraint)
    }
    codes = CODE_COLUMNS[table_name, column_name]
    listed = ", ".join(f"'{member.value}'" for member in codes)
    assert checks[f"ck_{table_name}_{column_name}_enum"] == f"{column_name} IN ({listed})"


def test_values_not_names_are_stored_and_members_come_back(uow: UnitOfWork) -> None:
    with uow.write("Codes") as session:
        key = AllocationKey(name=NAME, method=Method.UNITS)
        session.add_all(
            [
                Member(name=NAME, category=MemberCategory.ESS_ENTERPRISE),
                key,
                SharedService(name=NAME, key=key, vat_regime=VatRegime.TAXABLE),
                Grant(
                    funder=Funder(name=NAME, type=FunderType.FONDS_EUROPEEN),
                    title=NAME,
                    status=GrantStatus.VERSEE_PARTIELLEMENT,
                ),
            ]
        )
    with uow.read() as session:
        stored = session.execute(
            text(
                "SELECT m.category, k.method, s.vat_regime, f.type, g.status, g.nature, "
                "g.overhead_method FROM members m, allocation_keys k, shared_services s, "
                "funders f, grants g"
            )
        ).one()
        assert tuple(stored) == (
            "ess_enterprise",
            "units",
            "taxable",
            "fonds_europeen",
            "versee_partiellement",
            "cash",
            "none",
        )
        grant = session.scalars(select(Grant)).one()
        assert grant.status is GrantStatus.VERSEE_PARTIELLEMENT
        assert grant.nature is GrantNature.CASH
        assert grant.overhead_method is OverheadMethod.NONE
        assert grant.funder.type.is_public
        assert session.scalars(select(SharedService.vat_regime)).one() is VatRegime.TAXABLE
        assert session.scalar(select(Member.category)) is MemberCategory.ESS_ENTERPRISE
        # Filtering by a member or by its code string finds the same row.
        assert session.scalar(select(AllocationKey.id).where(AllocationKey.method == Method.UNITS))
        assert session.scalar(select(AllocationKey.id).where(AllocationKey.method == "units"))


def test_a_code_given_as_text_is_held_as_its_member_at_once(uow: UnitOfWork) -> None:
    with uow.write("Contribution") as session:
        row = InKindContribution(
            date=dt.date(2025, 5, 6), label=NAME, kind="benevolat", amount_cents=12_345
        )
        session.add(row)
        assert row.kind is InKindKind.BENEVOLAT
        row.kind = "don_en_nature"  # type: ignore[assignment]
        assert row.kind is InKindKind.DON_EN_NATURE
        assert row.kind.value == "don_en_nature"


def test_a_string_that_is_no_code_is_still_refused_by_the_check(uow: UnitOfWork) -> None:
    with pytest.raises(PtceError) as caught, uow.write("Clé") as session:
        session.add(AllocationKey(name=NAME, method="EQUAL"))  # a name, not a value
    assert caught.value.code == "database_error"
    assert "CHECK" in caught.value.values["detail"]
