"""The Journal names every field in French: no column's English name (« Original name »,
« Mime », « Added ») reaches the coordinator through the fallback of ``_field_name``."""

from __future__ import annotations

from support.factories.costs import draft, make_key, make_service, seed_world

import ptce_desktop.store.models  # noqa: F401 - every table mapped
from ptce_desktop.domain.errors import field_label
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.pole import audit_trail
from ptce_desktop.services.pole.audit_trail import AuditTrailService
from ptce_desktop.store.base import Base
from ptce_desktop.store.unit_of_work import UnitOfWork


def test_every_mapped_column_has_a_french_name() -> None:
    missing = sorted(
        f"{mapper.class_.__tablename__}.{column.name}"
        for mapper in Base.registry.mappers
        for column in mapper.columns
        if column.name not in audit_trail._HIDDEN
        and column.name not in audit_trail._LABELS
        and field_label(column.name, "fr") == column.name
    )
    assert missing == []


def test_attachment_fields_read_in_french() -> None:
    names = [audit_trail._field_name(c) for c in ("original_name", "mime", "added_at", "size")]
    assert names == ["Nom du fichier", "Type de fichier", "Ajoutée le", "Taille (octets)"]


def test_every_stored_code_reads_in_french() -> None:
    """Each value of each enum column (« don_en_nature », « prelevement »…) has its French
    reading in the Journal, never the raw code."""
    raw = []
    for mapper in Base.registry.mappers:
        for column in mapper.columns:
            enum_class = getattr(column.type, "enum_class", None)
            if enum_class is None:
                continue
            table = mapper.class_.__tablename__
            for member in enum_class:
                reading = audit_trail.coded_value(table, column.name, member.value)
                if not reading or reading == member.value:
                    raw.append(f"{table}.{column.name}={member.value}")
    assert raw == []
    assert audit_trail.coded_value("in_kind_contributions", "kind", "don_en_nature") == (
        "Don en nature"
    )
    assert audit_trail.coded_value("members", "name", "don_en_nature") is None


def test_references_read_as_names_with_their_number(uow: UnitOfWork) -> None:
    """A cost's service reads « Locaux partagés… (n° 3) », not « 3 »; once the cost and its
    service are deleted, their entries keep the number (« n° 3 »): the name is gone."""
    world = seed_world(uow)
    key = make_key(uow, "units", dict.fromkeys(world.members, 1))
    service = make_service(uow, key)
    costs = CostService(uow)
    cost = costs.create_cost(draft(service, 120_000))
    trail = AuditTrailService(uow)

    def service_reading() -> str:
        line = next(
            line
            for line in trail.page().lines
            if line.entity == "costs" and line.record_id == cost and line.operation == "create"
        )
        return next(change.after for change in line.changes if change.field == "service_id")

    assert service_reading() == f"Locaux partagés à Crest — l'€ & <co> (n° {service})"
    costs.delete_cost(cost)
    SharedServiceService(uow).delete_service(service)
    assert service_reading() == f"n° {service}"
