"""Funders (financeurs): État, Région, Département, EPCI, commune, EU fund, foundation…

A funder's type decides the Cerfa 15059 row its grants print on (74 Subventions
d'exploitation, :data:`~ptce_desktop.domain.cerfa.FUNDER_TYPE_TO_CERFA`). Names are unique
ignoring case and surrounding spaces ("Région AURA" and " région aura " are the same funder).
A funder that has grants cannot be deleted: the grants would lose their funder.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.categories import FunderType
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.services.common import clean_text, get_or_error
from ptce_desktop.store.base import LEN_LABEL, LEN_NAME
from ptce_desktop.store.models import Funder, Grant
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["FunderDraft", "FunderService", "FunderView", "labelled_text"]

_LABELS = {"name": "nom", "type": "type", "contact": "contact", "notes": "notes"}


def labelled_text(
    value: str | None,
    field: str,
    label: str,
    *,
    required: bool = False,
    max_length: int = LEN_NAME,
) -> str | None:
    """:func:`~ptce_desktop.services.common.clean_text` whose errors name the field in French,
    capitalised as the form's label and every other message (« Le champ « Nom » est
    obligatoire. »)."""
    try:
        return clean_text(value, field, required=required, max_length=max_length)
    except PtceError as error:
        named = label[:1].upper() + label[1:]
        raise PtceError(error.code, field, field_label=named, **error.values) from None


@dataclass(frozen=True)
class FunderDraft:
    """What the user types for a funder; ``type`` is a :class:`FunderType` code."""

    name: str
    type: str
    contact: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class FunderView:
    id: int
    name: str
    type: str
    type_label: str
    contact: str | None
    notes: str | None
    grant_count: int


def _funder_type(value: str) -> FunderType:
    try:
        return FunderType(value)
    except ValueError:
        raise PtceError("funder_type_unknown", "type", value=value) from None


class FunderService:
    """Create, change, delete and list funders."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    # --- writes -----------------------------------------------------------------------------

    def create_funder(self, draft: FunderDraft) -> FunderView:
        with self.uow.write("Créer un financeur") as session:
            row = Funder()
            self._apply(session, row, draft)
            session.add(row)
            session.flush()
            return self._view(session, row)

    def update_funder(self, funder_id: int, draft: FunderDraft) -> FunderView:
        with self.uow.write("Modifier un financeur") as session:
            row = get_or_error(session, Funder, funder_id, Entity.FUNDER)
            self._apply(session, row, draft)
            session.flush()
            return self._view(session, row)

    def delete_funder(self, funder_id: int) -> None:
        """Refused (``funder_has_grants``, with the count) while the funder has grants."""
        with self.uow.write("Supprimer un financeur") as session:
            row = get_or_error(session, Funder, funder_id, Entity.FUNDER)
            count = _grant_count(session, funder_id)
            if count:
                raise PtceError("funder_has_grants", funder=row.name, count=count)
            session.delete(row)

    # --- reads ------------------------------------------------------------------------------

    def get_funder(self, funder_id: int) -> FunderView:
        with self.uow.read() as session:
            return self._view(session, get_or_error(session, Funder, funder_id, Entity.FUNDER))

    def list_funders(self, funder_type: str | None = None) -> list[FunderView]:
        """Every funder (optionally of one type), by name, with its number of grants."""
        counts = (
            select(Grant.funder_id, func.count(Grant.id).label("n"))
            .group_by(Grant.funder_id)
            .subquery()
        )
        query = (
            select(Funder, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.funder_id == Funder.id)
            .order_by(func.lower(Funder.name), Funder.id)
        )
        if funder_type is not None:
            query = query.where(Funder.type == _funder_type(funder_type).value)
        with self.uow.read() as session:
            return [_to_view(row, int(count)) for row, count in session.execute(query)]

    # --- helpers ----------------------------------------------------------------------------

    def _apply(self, session: Session, row: Funder, draft: FunderDraft) -> None:
        name = labelled_text(draft.name, "name", _LABELS["name"], required=True)
        assert name is not None
        kind = _funder_type(draft.type)
        contact = labelled_text(draft.contact, "contact", _LABELS["contact"], max_length=LEN_LABEL)
        notes = labelled_text(draft.notes, "notes", _LABELS["notes"], max_length=10_000)
        wanted = name.casefold()
        others = select(Funder.name)
        if row.id is not None:
            others = others.where(Funder.id != row.id)
        if any(other.casefold() == wanted for other in session.scalars(others)):
            raise PtceError("funder_name_taken", "name", name=name)
        row.name = name
        row.type = kind
        row.contact = contact
        row.notes = notes

    def _view(self, session: Session, row: Funder) -> FunderView:
        return _to_view(row, _grant_count(session, row.id))


def _grant_count(session: Session, funder_id: int) -> int:
    return int(
        session.scalar(select(func.count(Grant.id)).where(Grant.funder_id == funder_id)) or 0
    )


def _to_view(row: Funder, grant_count: int) -> FunderView:
    return FunderView(
        id=row.id,
        name=row.name,
        type=row.type,
        type_label=row.type.label(),
        contact=row.contact,
        notes=row.notes,
        grant_count=grant_count,
    )
