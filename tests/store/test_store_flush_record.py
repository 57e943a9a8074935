"""flush_record / load_record / insert_rows: a record written by Core statements is checked,
audited, announced and stored exactly as the ORM's flush does it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session
from support.store_helpers import LONG_NAME

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.models import AuditEntry, Cost, FiscalYear, Share, SharedService
from ptce_desktop.store.unit_of_work import (
    Change,
    ChangeBus,
    UnitOfWork,
    flush_record,
    insert_rows,
    load_record,
    mark_changed,
    write_cache,
)

LABEL = "Loyer « bureau » & co <Crest> l'été — 10 € " + LONG_NAME[:80]
OPEN = dt.date(2026, 3, 15)


def _cost(service_id: int, day: dt.date, label: str = LABEL) -> Cost:
    """A new cost set by ids (as the cost service does), the audited defaults left unset."""
    return Cost(
        service_id=service_id,
        invoice_date=day,
        period_start=day.replace(day=1),
        period_end=day,
        label=label,
        supplier="SCI L'Étoile <Valence> & fils",
        ht_cents=123_456,
        ttc_cents=123_456,
        cerfa_code="613",
    )


def _row(uow: UnitOfWork, cost_id: int) -> dict[str, Any]:
    with uow.read() as session:
        row = session.execute(select(Cost.__table__).where(Cost.id == cost_id)).one()
        return {key: value for key, value in row._mapping.items() if key != "id"}


def _entry(uow: UnitOfWork, record_id: int, operation: str) -> AuditEntry:
    with uow.read() as session:
        return session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "costs",
                AuditEntry.record_id == record_id,
                AuditEntry.operation == operation,
            )
        ).one()


def _without_id(text: str | None) -> dict[str, Any]:
    values = json.loads(text or "null")
    values.pop("id")
    return dict(values)


def _count_flushes(session: Session, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times ``session.flush()`` runs from now on (flush_record's fallback)."""
    calls = [0]
    flush = session.flush

    def counted(*args: Any, **kwargs: Any) -> None:
        calls[0] += 1
        flush(*args, **kwargs)

    monkeypatch.setattr(session, "flush", counted)
    return calls


def _close_2025(uow: UnitOfWork) -> None:
    with uow.write("Clôturer l'exercice") as session:
        fiscal = session.scalars(select(FiscalYear).where(FiscalYear.start_year == 2025)).one()
        fiscal.closed_at = dt.datetime(2026, 1, 31, 18, 0)


def test_a_new_record_is_stored_audited_and_announced_as_by_a_flush(
    uow: UnitOfWork, bus: ChangeBus, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Change] = []
    bus.subscribe(seen.append)
    with uow.write("Saisir une charge") as session:
        by_orm = _cost(seeded["service"], OPEN)
        session.add(by_orm)
        session.flush()
    with uow.write("Saisir une charge") as session:
        by_core = _cost(seeded["service"], OPEN)
        flushes = _count_flushes(session, monkeypatch)
        flush_record(session, by_core)
        assert flushes == [0]  # one Core INSERT, not the ORM's flush
        assert isinstance(by_core.id, int) and by_core.id > by_orm.id
        state = inspect(by_core)
        assert state.persistent and not session.is_modified(by_core)
        assert by_core.vat_cents == 0 and by_core.is_adjustment is False
        assert by_core.service.name == "Locaux partagés à Crest"  # lazy loads as usual
    assert _row(uow, by_core.id) == _row(uow, by_orm.id)
    orm_entry, core_entry = _entry(uow, by_orm.id, "create"), _entry(uow, by_core.id, "create")
    assert core_entry.summary == orm_entry.summary and LABEL in core_entry.summary
    assert _without_id(core_entry.after_json) == _without_id(orm_entry.after_json)
    assert json.loads(core_entry.after_json or "")["id"] == by_core.id
    assert core_entry.before_json is None
    assert seen[-1] == Change("Saisir une charge", frozenset({"costs", "audit_entries"}))
    assert seen[-2] == seen[-1]


def test_an_update_writes_the_changed_columns_and_their_audit_as_a_flush(
    uow: UnitOfWork, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = []
    for _ in range(2):
        with uow.write("Saisir une charge") as session:
            cost = _cost(seeded["service"], OPEN)
            session.add(cost)
            session.flush()
            ids.append(cost.id)
    with uow.write("Modifier une charge") as session:
        by_orm = session.get(Cost, ids[0])
        assert by_orm is not None
        by_orm.label, by_orm.ht_cents, by_orm.ttc_cents = "Électricité & gaz <2026>", 977, 977
    with uow.write("Modifier une charge") as session:
        by_core = load_record(session, Cost, ids[1])
        assert by_core is not None and not session.is_modified(by_core)
        by_core.label, by_core.ht_cents, by_core.ttc_cents = "Électricité & gaz <2026>", 977, 977
        by_core.supplier = by_core.supplier  # set to the same value: not a change
        flushes = _count_flushes(session, monkeypatch)
        flush_record(session, by_core)
        assert flushes == [0]
        assert inspect(by_core).persistent and not session.is_modified(by_core)
    assert _row(uow, ids[1]) == _row(uow, ids[0])
    orm_entry, core_entry = _entry(uow, ids[0], "update"), _entry(uow, ids[1], "update")
    assert core_entry.summary == orm_entry.summary
    assert core_entry.summary.endswith("(label, ht_cents, ttc_cents)")
    assert _without_id(core_entry.before_json) == _without_id(orm_entry.before_json)
    assert _without_id(core_entry.after_json) == _without_id(orm_entry.after_json)


def test_an_unchanged_record_writes_nothing(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    with uow.write("Rien") as session:
        cost = load_record(session, Cost, seeded["cost"])
        assert cost is not None
        cost.label = cost.label
        flush_record(session, cost)
    with uow.read() as session:
        assert session.scalars(select(AuditEntry).where(AuditEntry.action == "Rien")).all() == []


def test_closed_years_refuse_a_record_written_by_core(
    uow: UnitOfWork, seeded: dict[str, int]
) -> None:
    _close_2025(uow)
    with pytest.raises(PtceError) as caught, uow.write("Saisir une charge") as session:
        flush_record(session, _cost(seeded["service"], dt.date(2025, 12, 31)))
    assert caught.value.code == "closed_year" and "la charge" in caught.value.message("fr")
    with pytest.raises(PtceError) as moved, uow.write("Modifier une charge") as session:
        cost = load_record(session, Cost, seeded["cost"])
        assert cost is not None
        cost.invoice_date = cost.period_start = OPEN  # out of the closed year: refused too
        flush_record(session, cost)
    assert moved.value.code == "closed_year"
    with uow.read() as session:
        assert session.scalar(select(Cost.invoice_date).where(Cost.id == seeded["cost"])) == (
            dt.date(2025, 3, 15)
        )
        assert session.scalars(select(Cost.id).where(Cost.label == LABEL)).all() == []


def test_load_record_reads_what_session_get_reads(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    with uow.read() as session:
        loaded = session.get(Cost, seeded["cost"])
        assert loaded is not None
        expected = {attr.key: getattr(loaded, attr.key) for attr in inspect(Cost).column_attrs}
    with uow.write("Lire") as session:
        cost = load_record(session, Cost, seeded["cost"])
        assert cost is not None and inspect(cost).persistent
        assert {key: getattr(cost, key) for key in expected} == expected
        assert sorted(share.cents for share in cost.shares) == [20_000, 40_000, 63_456]
        assert load_record(session, Cost, seeded["cost"]) is cost  # then through the session
        assert load_record(session, Cost, 999_999) is None
    with uow.write("Lire") as session:
        assert load_record(session, Cost, 999_999) is None


def test_what_the_orm_must_write_goes_through_its_flush(
    uow: UnitOfWork, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parent set through a relationship, another pending change, or a session something
    else listens to (an import's recorder): the ORM's flush writes it, as before."""
    flushed: list[list[Any]] = []

    def recorder(session: Session, _context: Any) -> None:
        flushed.append([obj for obj in session.new if isinstance(obj, Cost)])

    with uow.write("Saisir une charge") as session:
        service = session.get(SharedService, seeded["service"])
        assert service is not None
        by_parent = _cost(seeded["service"], OPEN, "Par le service & ses « parts »")
        by_parent.service_id = None  # type: ignore[assignment]
        by_parent.service = service
        flushes = _count_flushes(session, monkeypatch)
        flush_record(session, by_parent)
        assert by_parent.service_id == seeded["service"]
        event.listen(session, "after_flush", recorder)
        listened = _cost(seeded["service"], OPEN, "Écoutée <import>")
        flush_record(session, listened)
        event.remove(session, "after_flush", recorder)
        assert flushed == [[listened]] and isinstance(listened.id, int)
        other = _cost(seeded["service"], OPEN, "L'autre")
        session.add(other)
        with_other = _cost(seeded["service"], OPEN, "Avec l'autre")
        flush_record(session, with_other)
        assert inspect(other).persistent and inspect(with_other).persistent
        assert flushes == [3]
    with uow.read() as session:
        labels = set(session.scalars(select(Cost.label).where(Cost.invoice_date == OPEN)))
    assert labels == {
        "Par le service & ses « parts »",
        "Écoutée <import>",
        "L'autre",
        "Avec l'autre",
    }
    assert _entry(uow, by_parent.id, "create").record_id == by_parent.id


def test_insert_rows_writes_the_rows_and_keeps_the_write_cache(
    uow: UnitOfWork, bus: ChangeBus, seeded: dict[str, int]
) -> None:
    seen: list[Change] = []
    bus.subscribe(seen.append)
    with uow.write("Saisir une charge") as session:
        cost = _cost(seeded["service"], OPEN)
        flush_record(session, cost)
        insert_rows(
            session,
            Share,
            ("cost_id", "member_id", "cents", "key_version_id"),
            [(cost.id, seeded["member"], 123_456, seeded["version"])],
        )
        mark_changed(session, "shares")
        assert write_cache(session) is not None  # shares: a table the cache reads nothing of
    with uow.read() as session:
        rows = session.execute(select(Share.member_id, Share.cents).where(Share.cost_id == cost.id))
        assert rows.all() == [(seeded["member"], 123_456)]
    assert seen[-1].entities == frozenset({"costs", "shares", "audit_entries"})
