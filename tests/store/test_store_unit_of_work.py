"""The unit of work: all or nothing, closed years refused, audit written, changes announced."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select, update
from support.store_helpers import LONG_NAME, make_cost

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.models import (
    AuditEntry,
    Call,
    CallLine,
    Cost,
    FiscalYear,
    Member,
    Payment,
    PaymentMatch,
    Pole,
    Share,
    SharedService,
)
from ptce_desktop.store.unit_of_work import (
    Change,
    ChangeBus,
    UnitOfWork,
    mark_changed,
    next_sequence,
)

CLOSED = dt.date(2025, 3, 15)
OPEN = dt.date(2026, 3, 15)


def _close(uow: UnitOfWork, year: int = 2025) -> None:
    with uow.write("Clôturer l'exercice") as session:
        fiscal = session.scalars(select(FiscalYear).where(FiscalYear.start_year == year)).one()
        fiscal.closed_at = dt.datetime(2026, 1, 31, 18, 0)


def _closed_year_error(excinfo: pytest.ExceptionInfo[PtceError]) -> PtceError:
    assert excinfo.value.code == "closed_year", excinfo.value
    return excinfo.value


def _cost_count(uow: UnitOfWork) -> int:
    with uow.read() as session:
        return int(session.scalar(select(func.count()).select_from(Cost)) or 0)


# --- closed years -------------------------------------------------------------------------


def test_insert_into_closed_year_is_refused(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    _close(uow)
    with pytest.raises(PtceError) as caught, uow.write("Saisir une charge") as session:
        service = session.get(SharedService, seeded["service"])
        assert service is not None
        session.add(make_cost(service, dt.date(2025, 12, 31)))
    error = _closed_year_error(caught)
    assert error.values["year"] == "2025"
    assert "la charge" in error.message("fr")
    assert _cost_count(uow) == 1


def test_update_in_closed_year_is_refused(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    _close(uow)
    with pytest.raises(PtceError) as caught, uow.write("Modifier une charge") as session:
        cost = session.get(Cost, seeded["cost"])
        assert cost is not None
        cost.label = "Nouveau libellé"
    _closed_year_error(caught)
    with uow.read() as session:
        cost = session.get(Cost, seeded["cost"])
        assert cost is not None and cost.label != "Nouveau libellé"


def test_delete_in_closed_year_is_refused(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    _close(uow)
    with pytest.raises(PtceError) as caught, uow.write("Supprimer une charge") as session:
        session.delete(session.get(Cost, seeded["cost"]))
    _closed_year_error(caught)
    assert _cost_count(uow) == 1


def test_moving_a_cost_into_a_closed_year_is_refused(
    uow: UnitOfWork, seeded: dict[str, int]
) -> None:
    with uow.write("Saisir une charge") as session:
        service = session.get(SharedService, seeded["service"])
        assert service is not None
        cost = make_cost(service, OPEN)
        session.add(cost)
        session.flush()
        open_id = cost.id
    _close(uow)
    with pytest.raises(PtceError) as caught, uow.write("Modifier une charge") as session:
        moved = session.get(Cost, open_id)
        assert moved is not None
        moved.invoice_date = dt.date(2025, 11, 30)
    _closed_year_error(caught)


def test_moving_a_cost_out_of_a_closed_year_is_refused(
    uow: UnitOfWork, seeded: dict[str, int]
) -> None:
    _close(uow)
    with pytest.raises(PtceError) as caught, uow.write("Modifier une charge") as session:
        cost = session.get(Cost, seeded["cost"])
        assert cost is not None
        cost.invoice_date = OPEN
    _closed_year_error(caught)


def test_open_year_and_closing_itself_are_allowed(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    _close(uow)
    with uow.write("Saisir une charge") as session:
        service = session.get(SharedService, seeded["service"])
        assert service is not None
        session.add(make_cost(service, OPEN, "Charge 2026 « ouverte »"))
    with uow.write("Rouvrir l'exercice") as session:
        fiscal = session.scalars(select(FiscalYear)).one()
        fiscal.closed_at = None
    with uow.write("Modifier une charge") as session:
        cost = session.get(Cost, seeded["cost"])
        assert cost is not None
        cost.label = "Corrigé après réouverture"
    assert _cost_count(uow) == 2


def test_children_reach_the_closed_year_through_their_parent(
    uow: UnitOfWork, seeded: dict[str, int]
) -> None:
    with uow.write("Appel et règlement") as session:
        call = Call(
            number="AF-2025-0001",
            member_id=seeded["member"],
            year=2025,
            quarter=1,
            kind="provisional",
            issue_date=dt.date(2025, 1, 10),
            due_date=dt.date(2025, 2, 10),
        )
        call.lines.append(CallLine(service_id=seeded["service"], ht_cents=500, ttc_cents=500))
        payment = Payment(member_id=seeded["member"], date=OPEN, amount_cents=500)
        session.add_all([call, payment])
        session.flush()
        call_id, payment_id = call.id, payment.id
    _close(uow)
    attempts = {
        "share": lambda s: s.add(Share(cost_id=seeded["cost"], member_id=99, cents=1)),
        "line": lambda s: s.add(CallLine(call_id=call_id, service_id=1, ht_cents=1, ttc_cents=1)),
        "call": lambda s: setattr(s.get(Call, call_id), "due_date", dt.date(2025, 3, 1)),
        "payment": lambda s: setattr(s.get(Payment, payment_id), "date", CLOSED),
    }
    for name, attempt in attempts.items():
        with pytest.raises(PtceError) as caught, uow.write(f"Essai {name}") as session:
            attempt(session)
        _closed_year_error(caught)
    # A late payment dated in an open year may settle a closed year's call.
    with uow.write("Lettrage tardif") as session:
        session.add(PaymentMatch(payment_id=payment_id, call_id=call_id, amount_cents=500))


def test_fiscal_year_starting_in_september(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    with uow.write("Paramètres") as session:
        pole = session.get(Pole, 1)
        assert pole is not None
        pole.fiscal_year_start_month = 9
        session.add(FiscalYear(start_year=2024, closed_at=dt.datetime(2025, 10, 1)))
    with pytest.raises(PtceError) as caught, uow.write("Saisir") as session:
        service = session.get(SharedService, seeded["service"])
        assert service is not None
        session.add(make_cost(service, dt.date(2025, 8, 31)))  # in 2024/2025
    assert _closed_year_error(caught).values["year"] == "2024/2025"
    with uow.write("Saisir") as session:
        service = session.get(SharedService, seeded["service"])
        assert service is not None
        session.add(make_cost(service, dt.date(2025, 9, 1)))  # first day of 2025/2026: open


# --- all or nothing -----------------------------------------------------------------------


def test_an_error_inside_the_action_rolls_back_everything(uow: UnitOfWork, bus: ChangeBus) -> None:
    seen: list[Change] = []
    bus.subscribe(seen.append)
    with pytest.raises(ValueError), uow.write("Import raté") as session:
        session.add(Member(name="Premier", category="other"))
        session.flush()
        session.add(Member(name="Second", category="other"))
        raise ValueError("ligne 3 invalide")
    with uow.read() as session:
        assert session.scalars(select(Member)).all() == []
        assert session.scalars(select(AuditEntry)).all() == []
    assert seen == []


def test_a_refused_record_rolls_back_the_whole_action(
    uow: UnitOfWork, seeded: dict[str, int]
) -> None:
    _close(uow)
    with pytest.raises(PtceError), uow.write("Deux charges") as session:
        service = session.get(SharedService, seeded["service"])
        assert service is not None
        session.add(make_cost(service, OPEN))
        session.flush()
        session.add(make_cost(service, CLOSED))
    assert _cost_count(uow) == 1


def test_read_sessions_cannot_write(uow: UnitOfWork) -> None:
    with pytest.raises(RuntimeError, match=r"UnitOfWork\.write"), uow.read() as session:
        session.add(Member(name="Passager clandestin", category="other"))
        session.flush()


# --- audit --------------------------------------------------------------------------------


def _entries(uow: UnitOfWork) -> list[AuditEntry]:
    with uow.read() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_one_audit_entry_per_record_and_none_for_shares(
    uow: UnitOfWork, seeded: dict[str, int]
) -> None:
    entries = _entries(uow)
    assert {entry.action for entry in entries} == {"Données de test"}
    assert {entry.operation for entry in entries} == {"create"}
    entities = [entry.entity for entry in entries]
    assert entities.count("members") == 3
    assert "shares" not in entities and "key_version_units" in entities
    long_entry = next(e for e in entries if e.entity == "members" and LONG_NAME in e.summary)
    assert long_entry.record_id is not None
    assert json.loads(long_entry.after_json or "")["name"] == LONG_NAME


def test_update_and_delete_entries_carry_before_and_after(
    uow: UnitOfWork, seeded: dict[str, int]
) -> None:
    with uow.write("Renommer un membre") as session:
        member = session.get(Member, seeded["member"])
        assert member is not None
        member.name = "Dupont & Filles <SAS> l'unique"
        member.qpv = True
    with uow.write("Créer puis supprimer") as session:
        fleeting = Member(name="Fugace", category="person")
        session.add(fleeting)
        session.flush()
        session.delete(fleeting)
    with uow.write("Créer un membre") as session:
        extra = Member(name="Éphémère", category="person")
        session.add(extra)
        session.flush()
        extra.short_name = "Éph."  # a second flush of the same action: still one entry
        session.flush()
        extra_id = extra.id
    with uow.write("Supprimer un membre") as session:
        session.delete(session.get(Member, extra_id))
    entries = _entries(uow)
    update = next(e for e in entries if e.action == "Renommer un membre")
    before, after = json.loads(update.before_json or ""), json.loads(update.after_json or "")
    assert before["name"] == "Dupont & Fils <SARL>" and before["qpv"] is False
    assert after["name"] == "Dupont & Filles <SAS> l'unique" and after["qpv"] is True
    assert update.operation == "update" and update.record_id == seeded["member"]
    assert "name" in update.summary and "qpv" in update.summary
    assert [e.action for e in entries].count("Renommer un membre") == 1
    assert [e for e in entries if e.action == "Créer puis supprimer"] == []
    creation = [e for e in entries if e.action == "Créer un membre"]
    assert [e.operation for e in creation] == ["create"]
    assert json.loads(creation[0].after_json or "")["short_name"] == "Éph."
    deletion = [e for e in entries if e.action == "Supprimer un membre"]
    assert [e.operation for e in deletion] == ["delete"]
    assert json.loads(deletion[0].before_json or "")["name"] == "Éphémère"
    assert deletion[0].after_json is None


def test_unchanged_assignment_writes_no_entry(uow: UnitOfWork, seeded: dict[str, int]) -> None:
    count = len(_entries(uow))
    with uow.write("Rien") as session:
        member = session.get(Member, seeded["member"])
        assert member is not None
        member.name = member.name
    assert len(_entries(uow)) == count


def test_bulk_action_writes_one_entry_with_the_row_count(uow: UnitOfWork, bus: ChangeBus) -> None:
    seen: list[Change] = []
    bus.subscribe(seen.append)
    with uow.write("Importer des membres", bulk_summary="Import de 250 membres") as session:
        for index in range(250):
            session.add(Member(name=f"Membre importé n° {index} — 10 €", category="other"))
            if index % 100 == 0:
                session.flush()
    entries = _entries(uow)
    assert len(entries) == 1
    assert entries[0].operation == "bulk" and entries[0].summary == "Import de 250 membres"
    assert json.loads(entries[0].after_json or "") == {"rows": 250}
    assert seen == [Change("Importer des membres", frozenset({"members", "audit_entries"}))]


# --- change bus and sequences -------------------------------------------------------------


def test_change_is_published_after_commit(uow: UnitOfWork, bus: ChangeBus) -> None:
    seen: list[Change] = []
    unsubscribe = bus.subscribe(seen.append)
    bus.subscribe(lambda change: (_ for _ in ()).throw(RuntimeError("abonné cassé")))
    with uow.write("Créer un membre") as session:
        session.add(Member(name="Nouvelle SCOP « L'Atelier »", category="ess_enterprise"))
    assert seen == [Change("Créer un membre", frozenset({"members", "audit_entries"}))]
    unsubscribe()
    unsubscribe()
    with uow.write("Encore") as session:
        session.add(Member(name="Autre", category="other"))
    assert len(seen) == 1


def test_mark_changed_names_tables_written_by_bulk_statements(
    uow: UnitOfWork, bus: ChangeBus
) -> None:
    seen: list[Change] = []
    bus.subscribe(seen.append)
    with uow.write("Recalculer (test)") as session:
        session.execute(update(Pole).values(name=Pole.name))  # a bulk statement: not seen
        mark_changed(session, "poles", "shares")
    assert seen == [Change("Recalculer (test)", frozenset({"poles", "shares"}))]
    with pytest.raises(RuntimeError, match=r"UnitOfWork\.write"), uow.read() as session:
        mark_changed(session, "shares")
    with pytest.raises(RuntimeError), uow.write("Annulé") as session:
        mark_changed(session, "members")
        raise RuntimeError("échec")
    assert len(seen) == 1  # a rolled-back write announces nothing


def test_next_sequence_is_gap_free(uow: UnitOfWork) -> None:
    with uow.write("Émettre") as session:
        assert [next_sequence(session, "appel", 2026) for _ in range(3)] == [1, 2, 3]
        assert next_sequence(session, "appel", 2027) == 1
    with pytest.raises(ValueError), uow.write("Émettre puis échouer") as session:
        assert next_sequence(session, "appel", 2026) == 4
        raise ValueError("échec")
    with uow.write("Émettre") as session:
        assert next_sequence(session, "appel", 2026) == 4
    with pytest.raises(RuntimeError), uow.read() as session:
        next_sequence(session, "appel", 2026)


def test_nested_writes_are_refused_clearly(uow: UnitOfWork) -> None:
    with uow.write("Extérieur") as session:
        session.add(Member(name="Dehors", category="other"))
        with pytest.raises(RuntimeError, match="reentrant"), uow.write("Intérieur"):
            pass
    with uow.write("Après") as session:
        assert session.scalars(select(Member.name)).all() == ["Dehors"]
