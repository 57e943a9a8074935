"""Costs and shares through the service and the database (DESIGN §4 table cases)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from support.factories.costs import (
    LONG_NAME,
    close_year,
    draft,
    make_key,
    make_service,
    seed_members,
    seed_pole,
    seed_world,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.money import format_exact_cents
from ptce_desktop.domain.vat import SplitBasis
from ptce_desktop.services.costs.costs import CostFilters, CostPage, CostService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import VersionDraft
from ptce_desktop.services.pole.attachments import AttachmentService, AttachmentTarget
from ptce_desktop.store.models import AuditEntry, FiscalYear, KeyVersion, Member, Project, Share
from ptce_desktop.store.unit_of_work import Change, UnitOfWork

D = dt.date


def _shares(uow: UnitOfWork, cost_id: int) -> list[int]:
    """Shares of a cost, by member id."""
    with uow.read() as session:
        return list(
            session.scalars(
                select(Share.cents).where(Share.cost_id == cost_id).order_by(Share.member_id)
            )
        )


def _equal_setup(uow: UnitOfWork, *, vat_registered: bool = True) -> tuple[int, tuple[int, ...]]:
    world = seed_world(uow, vat_registered=vat_registered)
    key = make_key(uow, "equal", name="Parts égales", valid_from=D(2024, 1, 1))
    return make_service(uow, key), world.members


def test_equal_split_of_1000_euros_over_three(uow: UnitOfWork) -> None:
    service, _ = _equal_setup(uow)
    cost_id = CostService(uow).create_cost(draft(service, 100_000))
    assert _shares(uow, cost_id) == [33_334, 33_333, 33_333]


def test_units_split_by_square_metres(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    values = dict(zip(world.members, (120_000, 80_000, 50_000), strict=True))
    service = make_service(uow, make_key(uow, "units", values))
    cost_id = CostService(uow).create_cost(draft(service, 1_200_000))
    assert _shares(uow, cost_id) == [576_000, 384_000, 240_000]
    with uow.read() as session:
        versions = set(
            session.scalars(select(Share.key_version_id).where(Share.cost_id == cost_id))
        )
    assert len(versions) == 1 and None not in versions


_EXAMPLES = itertools.count()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    amount=st.integers(min_value=-10_000_000, max_value=10_000_000),
    units=st.lists(st.integers(min_value=0, max_value=500_000), min_size=3, max_size=3).filter(any),
    method=st.sampled_from(["units", "equal", "mixed"]),
)
def test_shares_always_sum_to_the_cost(
    uow: UnitOfWork, amount: int, units: list[int], method: str
) -> None:
    # The database is shared by the examples of one run: seed it once.
    with uow.read() as session:
        members = list(session.scalars(select(Member.id).order_by(Member.id)))
    if not members:
        seed_pole(uow)
        members = list(seed_members(uow, 3))
    n = next(_EXAMPLES)
    values = dict(zip(members, units, strict=True))
    key = make_key(uow, "units", values, name=f"Unités n° {n}")
    if method == "equal":
        key = make_key(uow, "equal", name=f"Égal n° {n}")
    elif method == "mixed":
        equal = make_key(uow, "equal", name=f"Égal n° {n}")
        key = make_key(uow, "mixed", name=f"Mixte n° {n}", parts={equal: 3000, key: 7000})
    service = make_service(uow, key, name=f"Service n° {n}")
    cost_id = CostService(uow).create_cost(draft(service, amount, start=D(2025, 2, 3)))
    assert sum(_shares(uow, cost_id)) == amount


def test_taxable_service_splits_ht_exempt_splits_ttc(uow: UnitOfWork) -> None:
    world = seed_world(uow, vat_registered=True)
    key = make_key(uow, "equal", name="Parts égales")
    taxable = make_service(uow, key, name="Informatique", taxable=True)
    exempt = make_service(uow, key, name="Secrétariat")
    costs = CostService(uow)
    ht = costs.create_cost(draft(taxable, 30_000, 6_000))
    ttc = costs.create_cost(draft(exempt, 30_000, 6_000))
    assert sum(_shares(uow, ht)) == 30_000
    assert sum(_shares(uow, ttc)) == 36_000
    assert costs.get_cost(ht).basis is SplitBasis.HT
    assert costs.get_cost(ttc).basis is SplitBasis.TTC
    assert len(world.members) == 3


def test_pole_not_vat_registered_splits_ttc_even_for_taxable(uow: UnitOfWork) -> None:
    seed_world(uow, vat_registered=False)
    key = make_key(uow, "equal", name="Parts égales")
    taxable = make_service(uow, key, name="Informatique", taxable=True)
    cost_id = CostService(uow).create_cost(draft(taxable, 30_000, 6_000))
    assert sum(_shares(uow, cost_id)) == 36_000


def test_member_joining_mid_period_is_prorated(uow: UnitOfWork) -> None:
    seed_pole(uow)
    # Member 2 joins on 1 July: present 184 of 365 days.
    members = seed_members(uow, 2, joined={1: D(2025, 7, 1)})
    service = make_service(uow, make_key(uow, "equal", name="Parts égales"))
    costs = CostService(uow)
    cost_id = costs.create_cost(draft(service, 54_900))
    # Weights 365 and 184 -> 54 900 × 365/549 = 36 500, 54 900 × 184/549 = 18 400.
    assert _shares(uow, cost_id) == [36_500, 18_400]
    explanation = costs.explain_share(cost_id, members[1])
    assert (explanation.days_present, explanation.period_days) == (184, 365)


def test_closed_year_refused_and_adjustment_recorded_in_open_year(uow: UnitOfWork) -> None:
    service, _ = _equal_setup(uow)
    costs = CostService(uow)
    cost_id = costs.create_cost(draft(service, 100_000))
    close_year(uow, 2025)
    with pytest.raises(PtceError) as caught:
        costs.update_cost(cost_id, draft(service, 90_000))
    assert caught.value.code == "closed_year"
    with pytest.raises(PtceError) as caught:
        costs.create_cost(draft(service, 10_000))
    assert caught.value.code == "closed_year"
    with pytest.raises(PtceError) as caught:
        costs.delete_cost(cost_id)
    assert caught.value.code == "closed_year"
    correction = draft(
        service, -10_000, invoice=D(2026, 1, 10), start=D(2026, 1, 1), end=D(2026, 1, 31)
    )
    with pytest.raises(PtceError) as caught:
        costs.record_adjustment(
            cost_id, dataclasses.replace(correction, invoice_date=D(2025, 12, 31))
        )
    assert (caught.value.code, caught.value.field) == ("adjustment_in_closed_year", "invoice_date")
    with pytest.raises(PtceError) as caught:
        costs.record_adjustment(
            cost_id, dataclasses.replace(correction, period_start=D(2025, 12, 1))
        )
    assert (caught.value.code, caught.value.field) == ("adjustment_in_closed_year", "period_start")
    adjustment = costs.record_adjustment(cost_id, correction)
    assert _shares(uow, adjustment) == [-3_334, -3_333, -3_333]
    row = costs.get_cost(adjustment).cost
    assert row.is_adjustment and row.adjusts_cost_id == cost_id
    assert _shares(uow, cost_id) == [33_334, 33_333, 33_333]
    page = costs.list_costs(2026)
    assert [r.id for r in page.rows] == [adjustment]


def test_adjustment_of_an_open_year_cost_is_refused(uow: UnitOfWork) -> None:
    service, _ = _equal_setup(uow)
    costs = CostService(uow)
    cost_id = costs.create_cost(draft(service, 100_000))
    with pytest.raises(PtceError) as caught:
        costs.record_adjustment(
            cost_id,
            draft(service, -100, invoice=D(2026, 1, 2), start=D(2026, 1, 1), end=D(2026, 1, 31)),
        )
    assert caught.value.code == "adjustment_year_open"


def test_cost_with_an_adjustment_cannot_be_deleted(uow: UnitOfWork) -> None:
    service, _ = _equal_setup(uow)
    costs = CostService(uow)
    cost_id = costs.create_cost(draft(service, 100_000))
    close_year(uow, 2025)
    costs.record_adjustment(
        cost_id,
        draft(service, -100, invoice=D(2026, 1, 2), start=D(2026, 1, 1), end=D(2026, 1, 31)),
    )
    with uow.write("Rouvrir") as session:
        session.scalars(select(FiscalYear)).one().closed_at = None
    with pytest.raises(PtceError) as caught:
        costs.delete_cost(cost_id)
    assert caught.value.code == "cost_is_adjusted"


def test_keyset_paging_returns_every_row_once_in_order(uow: UnitOfWork) -> None:
    service, _ = _equal_setup(uow)
    costs = CostService(uow)
    for index in range(23):
        costs.create_cost(
            draft(
                service,
                1_000 + (index % 5) * 100,
                invoice=D(2025, 1 + index % 12, 1 + index % 3),
                label=f"Facture n° {index:02d} « é » & <x>",
            )
        )
    expected_all = None
    for sort in ("invoice_date", "-invoice_date", "ttc", "-label", "service", "period_start"):
        seen: list[int] = []
        after = None
        pages = 0
        while True:
            page = costs.list_costs(2025, sort=sort, after=after, limit=5)
            assert page.total_count == 23
            assert costs.list_costs(2025, sort=sort, after=after, limit=5, count=False) == (
                CostPage(page.rows, page.next_cursor, -1)
            )
            seen.extend(row.id for row in page.rows)
            pages += 1
            after = page.next_cursor
            if after is None:
                break
        assert pages == 5
        assert len(seen) == len(set(seen)) == 23
        whole = costs.list_costs(2025, sort=sort, limit=100)
        assert [r.id for r in whole.rows] == seen
        expected_all = expected_all or set(seen)
        assert set(seen) == expected_all
    by_date = costs.list_costs(2025, sort="invoice_date", limit=100).rows
    keys = [(r.invoice_date, r.id) for r in by_date]
    assert keys == sorted(keys)


def test_list_filters(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    equal = make_key(uow, "equal", name="Parts égales")
    only_first = make_key(uow, "units", {world.members[0]: 1_000}, name="Premier seul")
    service_a = make_service(uow, equal, name="Service A")
    service_b = make_service(uow, only_first, name="Service B")
    with uow.write("Projet") as session:
        project = Project(name="Projet « Tiers-lieu » & <co>")
        session.add(project)
        session.flush()
        project_id = project.id
    costs = CostService(uow)
    a = costs.create_cost(draft(service_a, 900, label="Ménage 100% <Crest>"))
    b = costs.create_cost(draft(service_b, 500, label="Logiciel_compta", project_id=project_id))
    assert costs.list_costs(2025, filters=CostFilters(service_id=service_b)).total_count == 1
    by_member = costs.list_costs(2025, filters=CostFilters(member_id=world.members[1]))
    assert [(r.id, r.member_cents) for r in by_member.rows] == [(a, 300)]
    assert [r.id for r in costs.list_costs(2025, filters=CostFilters(text="100%")).rows] == [a]
    assert [r.id for r in costs.list_costs(2025, filters=CostFilters(text="_")).rows] == [b]
    assert [r.id for r in costs.list_costs(2025, filters=CostFilters(text="LOGICIEL")).rows] == [b]
    assert [
        r.id for r in costs.list_costs(2025, filters=CostFilters(project_id=project_id)).rows
    ] == [b]
    assert costs.list_costs(2024).total_count == 0


def test_list_refuses_bad_sort_and_cursor(uow: UnitOfWork) -> None:
    seed_world(uow)
    costs = CostService(uow)
    with pytest.raises(PtceError) as caught:
        costs.list_costs(2025, sort="supplier")
    assert (caught.value.code, caught.value.field) == ("invalid_sort", "sort")
    with pytest.raises(PtceError) as caught:
        costs.list_costs(2025, after="not json")
    assert (caught.value.code, caught.value.field) == ("invalid_cursor", "after")
    with pytest.raises(PtceError) as caught:
        costs.list_costs(2025, sort="ttc", after='["x", 1]')
    assert caught.value.code == "invalid_cursor"


def test_preview_equals_saved_result(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    values = dict(zip(world.members, (1_000, 1_000, 1_000), strict=True))
    service = make_service(uow, make_key(uow, "units", values))
    costs = CostService(uow)
    proposal = draft(service, 100_001)
    preview = costs.preview_split(proposal)
    cost_id = costs.create_cost(proposal)
    assert preview == list(costs.get_cost(cost_id).shares)
    assert {s.member_name for s in preview} >= {LONG_NAME}


def test_explain_share(uow: UnitOfWork) -> None:
    service, members = _equal_setup(uow)
    costs = CostService(uow)
    cost_id = costs.create_cost(draft(service, 100_000))
    first = costs.explain_share(cost_id, members[0])
    assert first.method is Method.EQUAL
    assert first.exact_cents == Fraction(100_000, 3)
    assert first.exact_text == "333,333…\xa0€"
    assert first.exact_fraction == "100000/3"
    assert (first.floor_cents, first.leftover_cent, first.computed_cents) == (33_333, True, 33_334)
    assert first.matches_stored
    assert (first.member_units, first.total_units) == (1000, 3000)
    assert first.valid_from == D(2024, 1, 1)
    second = costs.explain_share(cost_id, members[1])
    assert not second.leftover_cent and second.rounding_delta == Fraction(-1, 3)
    with pytest.raises(PtceError) as caught:
        costs.explain_share(cost_id, 99_999)
    assert caught.value.code == "no_share"


def test_format_exact_cents() -> None:
    assert format_exact_cents(Fraction(123_456_789)) == "1\xa0234\xa0567,89\xa0€"
    assert format_exact_cents(Fraction(-1, 8)) == "-0,00125\xa0€"
    assert format_exact_cents(Fraction(200_000, 3)) == "666,666…\xa0€"


def test_shares_by_quarter_and_totals(uow: UnitOfWork) -> None:
    service, members = _equal_setup(uow)
    costs = CostService(uow)
    costs.create_cost(draft(service, 300, invoice=D(2025, 2, 1)))
    costs.create_cost(
        draft(service, 600, invoice=D(2025, 11, 30), start=D(2025, 10, 1), end=D(2025, 12, 31))
    )
    costs.create_cost(
        draft(service, 999, invoice=D(2024, 11, 30), start=D(2024, 1, 1), end=D(2024, 12, 31))
    )
    quarters = costs.shares_by_quarter(2025)
    assert {(q.member_id, q.quarter, q.cents) for q in quarters} == {
        (m, quarter, cents) for m in members for quarter, cents in ((1, 100), (4, 200))
    }
    assert len(costs.shares_by_quarter(2025, member_id=members[0])) == 2
    (totals,) = costs.totals_per_service(2025)
    assert (totals.cost_count, totals.ttc_cents, totals.shared_cents) == (2, 900, 900)


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"label": "  "}, "required", "label"),
        ({"period_end": D(2024, 12, 31)}, "end_before_start", "period_end"),
        ({"ttc_cents": 999}, "ttc_mismatch", "ttc_cents"),
        ({"cerfa_code": "60"}, "unknown_cerfa_line", "cerfa_code"),
        ({"cerfa_code": "706"}, "unknown_cerfa_line", "cerfa_code"),
        ({"project_id": 4242}, "not_found", None),
        ({"service_id": 4242}, "not_found", None),
        ({"ht_cents": 10**12, "ttc_cents": 10**12}, "amount_out_of_bounds", "ht_cents"),
        ({"supplier": "x" * 201}, "too_long", "supplier"),
        ({"invoice_ref": "x" * 101}, "too_long", "invoice_ref"),
        ({"label": "x" * 301}, "too_long", "label"),
    ],
)
def test_cost_validation_errors(
    uow: UnitOfWork, change: dict[str, object], code: str, field: str | None
) -> None:
    service, _ = _equal_setup(uow)
    costs = CostService(uow)
    bad = dataclasses.replace(draft(service, 1_000), **change)  # type: ignore[arg-type]
    for action in (costs.create_cost, costs.preview_split):
        with pytest.raises(PtceError) as caught:
            action(bad)
        assert (caught.value.code, caught.value.field) == (code, field)
        assert caught.value.message("fr")
    assert costs.list_costs(2025).total_count == 0


def test_service_without_key_and_no_participant(uow: UnitOfWork) -> None:
    seed_world(uow)
    costs = CostService(uow)
    keyless = make_service(uow, None, name="Sans clé")
    with pytest.raises(PtceError) as caught:
        costs.create_cost(draft(keyless, 1_000))
    assert (caught.value.code, caught.value.field) == ("service_without_key", "service_id")
    empty = make_service(uow, make_key(uow, "usage", name="Heures"), name="Salle")
    with pytest.raises(PtceError) as caught:
        costs.preview_split(draft(empty, 1_000))
    assert caught.value.code == "no_participant"
    assert "Loyer" in caught.value.message("fr")


def test_update_and_delete_cost(uow: UnitOfWork) -> None:
    service, _ = _equal_setup(uow)
    costs = CostService(uow)
    cost_id = costs.create_cost(draft(service, 100_000))
    costs.update_cost(cost_id, draft(service, 200))
    assert _shares(uow, cost_id) == [67, 67, 66]
    costs.delete_cost(cost_id)
    with uow.read() as session:
        assert session.scalar(select(func.count()).select_from(Share)) == 0


# --- attachments ------------------------------------------------------------------------------


def test_attachments_are_stored_once_by_hash(uow: UnitOfWork, tmp_path: Path) -> None:
    service, _ = _equal_setup(uow)
    costs = CostService(uow)
    first = costs.create_cost(draft(service, 100))
    second = costs.create_cost(draft(service, 200))
    invoice = tmp_path / "Facture « loyer » & <co> l'€.PDF"
    invoice.write_bytes(b"%PDF-1.4 facture\n" * 1000)
    copy = tmp_path / "copie.pdf"
    copy.write_bytes(invoice.read_bytes())
    attachments = AttachmentService(uow)
    one = attachments.attach_file(first, invoice)
    two = attachments.attach_file(second, copy)
    again = attachments.attach_file(first, copy)
    assert one.id == two.id == again.id and one.link_id == again.link_id != two.link_id
    assert one.sha256 == hashlib.sha256(invoice.read_bytes()).hexdigest()
    assert one.size == invoice.stat().st_size and one.mime == "application/pdf"
    stored = [p for p in uow.db.attachments_dir.iterdir() if not p.name.startswith(".")]
    assert [p.name for p in stored] == [f"{one.sha256}.pdf"]
    path = attachments.attachment_path(one.id)
    assert path.read_bytes() == invoice.read_bytes()
    assert costs.get_cost(first).attachments == (one,)
    assert costs.list_costs(2025, sort="ttc").rows[0].attachment_count == 1
    attachments.detach(one.link_id)
    assert attachments.list_for(AttachmentTarget("cost", first)) == []
    assert attachments.attachment_path(one.id) == path  # still linked to the second cost
    attachments.detach(two.link_id)
    with pytest.raises(PtceError) as caught:
        attachments.attachment_path(one.id)
    assert caught.value.code == "not_found"
    assert path.exists()  # files are never deleted by the application


def test_attachment_errors(uow: UnitOfWork, tmp_path: Path) -> None:
    service, _ = _equal_setup(uow)
    cost_id = CostService(uow).create_cost(draft(service, 100))
    attachments = AttachmentService(uow)
    with pytest.raises(PtceError) as caught:
        attachments.attach_file(cost_id, tmp_path / "absent.pdf")
    assert caught.value.code == "attachment_unreadable"
    real = tmp_path / "ok.txt"
    real.write_text("justificatif é€")
    with pytest.raises(PtceError) as caught:
        attachments.attach_file(4242, real)
    assert caught.value.code == "not_found"
    with pytest.raises(PtceError) as caught:
        attachments.attach(AttachmentTarget("membre", 1), real)  # type: ignore[arg-type]
    assert caught.value.code == "attachment_target"
    view = attachments.attach_file(cost_id, real)
    attachments.attachment_path(view.id).unlink()
    with pytest.raises(PtceError) as caught:
        attachments.attachment_path(view.id)
    assert caught.value.code == "attachment_missing"


# --- storing shares: one bulk INSERT, guarded through the cost, announced ---------------------


def _share_rows(uow: UnitOfWork, cost_id: int) -> list[tuple[int, int, int, int | None]]:
    with uow.read() as session:
        rows = session.execute(
            select(Share.id, Share.member_id, Share.cents, Share.key_version_id)
            .where(Share.cost_id == cost_id)
            .order_by(Share.member_id)
        )
        return [(a, b, c, d) for a, b, c, d in rows]


def test_saving_a_cost_writes_its_shares_at_once_and_announces_them(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    values = dict(zip(world.members, (120_000, 80_000, 50_000), strict=True))
    key = make_key(uow, "units", values)
    service = make_service(uow, key)
    costs = CostService(uow)
    seen: list[Change] = []
    uow.bus.subscribe(seen.append)

    cost_id = costs.create_cost(draft(service, 1_200_000))
    assert seen[-1] == Change("Saisir une charge", frozenset({"costs", "shares", "audit_entries"}))
    created = _share_rows(uow, cost_id)
    assert [row[2] for row in created] == [576_000, 384_000, 240_000]
    with uow.read() as session:
        version = session.scalar(select(KeyVersion.id).where(KeyVersion.key_id == key))
        entries = session.execute(
            select(AuditEntry.entity, AuditEntry.record_id).where(
                AuditEntry.action == "Saisir une charge"
            )
        ).all()
    assert {row[3] for row in created} == {version}
    assert len(entries) == 1 and entries[0][1] == cost_id  # the cost, no share one by one

    # Label only: the shares are the same rows (no DELETE, no INSERT, not announced).
    costs.update_cost(cost_id, draft(service, 1_200_000, label="Loyer révisé"))
    assert seen[-1] == Change("Modifier une charge", frozenset({"costs", "audit_entries"}))
    assert _share_rows(uow, cost_id) == created

    # A new amount: the shares are replaced, and announced.
    costs.update_cost(cost_id, draft(service, 250, label="Loyer révisé"))
    assert seen[-1].entities == frozenset({"costs", "shares", "audit_entries"})
    assert [row[2] for row in _share_rows(uow, cost_id)] == [120, 80, 50]

    # Nothing changed at all: nothing written, nothing announced.
    count = len(seen)
    costs.update_cost(cost_id, draft(service, 250, label="Loyer révisé"))
    assert len(seen) == count
    assert sum(costs.get_cost(cost_id).shares[i].cents for i in range(3)) == 250


def test_an_unchanged_cost_of_a_closed_year_cannot_have_its_shares_rewritten(
    uow: UnitOfWork,
) -> None:
    world = seed_world(uow)
    key = make_key(uow, "units", dict(zip(world.members, (1, 1, 1), strict=True)))
    service = make_service(uow, key)
    costs = CostService(uow)
    cost_id = costs.create_cost(draft(service, 100_000))
    before = _share_rows(uow, cost_id)
    close_year(uow, 2025)
    keys = KeyService(uow)
    version = keys.get_key(key).versions[0].id
    with pytest.raises(PtceError) as caught:  # the version is frozen with the year (issue 12)
        keys.update_version(
            version, VersionDraft(D(2025, 1, 1), dict(zip(world.members, (2, 1, 1), strict=True)))
        )
    assert caught.value.code == "version_frozen_edit"
    with uow.write("Outil SQLite") as session:  # changed behind the app's back
        session.connection().execute(
            text("UPDATE key_version_units SET units_milli = 2 WHERE member_id = :m"),
            {"m": world.members[0]},
        )
    with pytest.raises(PtceError) as caught:  # same draft: the cost row is not written
        costs.update_cost(cost_id, draft(service, 100_000))
    assert caught.value.code == "closed_year"
    assert _share_rows(uow, cost_id) == before


def test_each_save_reads_the_key_again(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    key = make_key(uow, "units", dict(zip(world.members, (1, 1, 2), strict=True)))
    service = make_service(uow, key)
    costs = CostService(uow)
    first = costs.create_cost(draft(service, 400))
    keys = KeyService(uow)
    keys.add_version(
        key, VersionDraft(D(2026, 1, 1), dict(zip(world.members, (1, 0, 0), strict=True)))
    )
    second = costs.create_cost(
        draft(service, 400, invoice=D(2026, 2, 1), start=D(2026, 1, 1), end=D(2026, 12, 31))
    )
    assert _shares(uow, first) == [100, 100, 200]
    assert _shares(uow, second) == [400]


def test_the_first_page_sums_every_cost_matching(uow: UnitOfWork) -> None:
    """The Charges list's totals row (#15 item 1): the sums come from SQL over every cost the
    filters match, not from the rows of the page."""
    service, members = _equal_setup(uow)
    costs = CostService(uow)
    for cents in (100_000, 2_000, 1):
        costs.create_cost(draft(service, cents))
    page = costs.list_costs(2025, limit=1)
    assert (page.total_count, len(page.rows)) == (3, 1)
    assert (page.total_ht_cents, page.total_ttc_cents) == (
        sum(r.ht_cents for r in costs.list_costs(2025).rows),
        sum(r.ttc_cents for r in costs.list_costs(2025).rows),
    )
    assert page.total_ttc_cents > page.rows[0].ttc_cents
    assert page.total_member_cents is None
    mine = costs.list_costs(2025, filters=CostFilters(member_id=members[0]), limit=1)
    assert mine.total_member_cents == sum(
        r.member_cents or 0
        for r in costs.list_costs(2025, filters=CostFilters(member_id=members[0])).rows
    )
    assert mine.total_member_cents and mine.total_member_cents < mine.total_ttc_cents


def test_a_date_in_a_message_reads_as_the_coordinator_writes_it(uow: UnitOfWork) -> None:
    """« La date de fin (31/12/2024) est antérieure à la date de début (01/01/2025). », not
    the ISO form; the English message keeps ISO."""
    service, _ = _equal_setup(uow)
    bad = dataclasses.replace(draft(service, 1_000), period_end=D(2024, 12, 31))
    with pytest.raises(PtceError) as caught:
        CostService(uow).create_cost(bad)
    assert "(31/12/2024)" in caught.value.message("fr")
    assert "(01/01/2025)" in caught.value.message("fr")
    assert "2024-12-31" in caught.value.message("en")
