"""The Journal names every field in French: no column's English name (« Original name »,
« Mime », « Added ») reaches the coordinator through the fallback of ``_field_name``."""

from __future__ import annotations

import ptce_desktop.store.models  # noqa: F401 - every table mapped
from ptce_desktop.domain.errors import field_label
from ptce_desktop.services.pole import audit_trail
from ptce_desktop.store.base import Base


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
