"""The audit trail, read back (« Journal des modifications »): when, which user action, which
record, and each changed field before → after, in French.

The unit of work writes one entry per business record per action (:mod:`ptce_desktop.store.
audit`); this service reads them newest first, filtered in SQL by date, kind of record,
record and operation, one page at a time (keyset paging on the id, DESIGN §5 "long lists"),
for the Journal page and ``ptce-desktop audit``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from ptce_desktop.domain.errors import PtceError, field_label
from ptce_desktop.domain.money import format_money
from ptce_desktop.services.activity.views import GOVERNANCE_KIND_LABELS, PROJECT_STATUS_LABELS
from ptce_desktop.services.grants.in_kind import KIND_LABELS
from ptce_desktop.store.base import Base
from ptce_desktop.store.models import AuditEntry
from ptce_desktop.store.unit_of_work import UnitOfWork

#: French name of each operation.
OPERATIONS: dict[str, str] = {
    "create": "Création",
    "update": "Modification",
    "delete": "Suppression",
    "bulk": "Import",
}
#: French names of the columns the error messages never name (the others: ``field_label``);
#: every mapped column has one (tests/services: no English fallback reaches the Journal).
_LABELS: dict[str, str] = {
    "accounting_json": "Export comptable",
    "action": "Action",
    "action_dates": "Dates des actions",
    "action_places": "Lieux des actions",
    "active_from": "Actif depuis",
    "active_to": "Actif jusqu'au",
    "added_at": "Ajoutée le",
    "adjusts_cost_id": "Charge corrigée",
    "after_json": "Après",
    "amount_requested_cents": "Montant demandé",
    "amount_to_repay_cents": "Montant à reverser",
    "amount_voted_cents": "Montant voté",
    "at": "Le",
    "attachment_id": "Pièce jointe",
    "attendees": "Participants",
    "before_json": "Avant",
    "beneficiaires": "Bénéficiaires",
    "beneficiaries_count": "Nombre de bénéficiaires",
    "bic": "BIC",
    "bilan_qualitatif": "Bilan qualitatif",
    "billing_coefficient_e4": "Coefficient de facturation",
    "billing_from": "Facturation à partir du",
    "body": "Contenu du scénario",
    "body_id": "Instance",
    "call_id": "Appel de fonds",
    "carrier_member_id": "Membre porteur",
    "cents": "Montant",
    "closed_at": "Clôturé le",
    "coefficient_e4": "Coefficient de facturation",
    "component": "Composante",
    "convention_date": "Date de la convention",
    "convention_ref": "Référence de la convention",
    "coordination_share_bp": "Part de la coordination",
    "cost_id": "Charge",
    "cvn_note": "Note sur les contributions volontaires",
    "dates_lieux": "Dates et lieux",
    "decision_date": "Date de la décision",
    "decision_ref": "Référence de la décision",
    "due_date": "Échéance",
    "ecarts": "Écarts",
    "email": "Courriel",
    "end": "Fin",
    "entity": "Type d'enregistrement",
    "etp_milli": "ETP",
    "exceptional_id": "Charge exceptionnelle",
    "fee_rate_bp": "Frais de gestion",
    "fiscal_year_start_month": "Mois de début d'exercice",
    "headcount": "Effectif",
    "hours_milli": "Heures",
    "iban": "IBAN",
    "indicators_json": "Indicateurs",
    "instalment_id": "Versement",
    "is_adjustment": "Régularisation",
    "issue_date": "Date d'émission",
    "jobs_created": "Emplois créés",
    "jobs_maintained": "Emplois maintenus",
    "joined_on": "Entrée le",
    "key_version_id": "Version de clé",
    "kind": "Nature",
    "last_value": "Dernier numéro",
    "lead_member_id": "Membre chef de file",
    "left_on": "Sortie le",
    "legal_rep_name": "Représentant légal",
    "legal_rep_title": "Qualité du représentant",
    "logo_attachment_id": "Logo",
    "mime": "Type de fichier",
    "nature": "Nature",
    "number": "Numéro",
    "objectives": "Objectifs",
    "operation": "Opération",
    "original_name": "Nom du fichier",
    "overhead_key_id": "Clé des frais indirects",
    "overhead_method": "Charges indirectes",
    "overhead_note": "Note sur les frais indirects",
    "overhead_rate_bp": "Taux de charges indirectes",
    "own_call": "Appel dédié",
    "part_key_id": "Clé composante",
    "participants": "Participants",
    "payment_id": "Règlement",
    "percent_bp": "Pourcentage",
    "phone": "Téléphone",
    "postcode": "Code postal",
    "publics_json": "Publics",
    "qpv": "QPV",
    "quarter": "Trimestre",
    "record_id": "Enregistrement",
    "remarques": "Remarques",
    "report_due": "Compte rendu attendu le",
    "rna": "RNA",
    "role": "Rôle",
    "saved_at": "Enregistré le",
    "seal": "Sceau",
    "section": "Rubrique",
    "sha256": "Empreinte SHA-256",
    "share_bp": "Part",
    "siren": "SIREN",
    "siret": "SIRET",
    "size": "Taille (octets)",
    "staged": "Versements échelonnés",
    "start": "Début",
    "start_year": "Exercice",
    "status": "Statut",
    "summary": "Résumé",
    "text": "Texte",
    "turnover_cents": "Chiffre d'affaires",
    "type": "Type",
    "units_milli": "Unités",
    "valid_from": "En vigueur le",
    "vat_number": "N° de TVA",
    "vat_registered": "Assujetti à la TVA",
    "version_id": "Version de clé",
    "volunteers": "Bénévoles",
    "website": "Site web",
    "weight_bp": "Poids",
}
#: French readings of the stored codes whose enum has no ``label()`` (the others use it);
#: by enum class name. Project and body kinds and in-kind natures have their tables in their
#: services.
_CODE_LABELS: dict[str, dict[str, str]] = {
    "GrantNature": {"cash": "Numéraire", "in_kind": "En nature"},
    "OverheadMethod": {"none": "Aucun", "flat_rate": "Forfait", "key": "Clé de répartition"},
    "VatRegime": {"exempt_261b": "Exonéré (CGI art. 261 B)", "taxable": "Soumis à la TVA"},
    "CallKind": {"provisional": "Provisionnel", "true_up": "Régularisation"},
    "InKindKind": {code: fr for code, (fr, _en) in KIND_LABELS.items()},
    "Method": {
        "equal": "Parts égales",
        "units": "Unités par membre",
        "usage": "Usage relevé",
        "percent": "Pourcentages fixés",
        "mixed": "Mixte",
    },
    "ProjectStatus": {code: fr for code, (fr, _en) in PROJECT_STATUS_LABELS.items()},
    "GovernanceKind": {code: fr for code, (fr, _en) in GOVERNANCE_KIND_LABELS.items()},
    "LineKind": {
        "quarter": "Trimestre",
        "catch_up": "Rattrapage",
        "exceptional": "Charge exceptionnelle",
        "true_up": "Régularisation",
    },
    "LineComponent": {"base": "Quote-part", "surcharge": "Majoration", "fee": "Frais de gestion"},
    "PaymentMethod": {
        "virement": "Virement",
        "cheque": "Chèque",
        "especes": "Espèces",
        "prelevement": "Prélèvement",
        "carte": "Carte",
        "compensation": "Compensation",
        "autre": "Autre",
    },
}
#: Technical columns left out of the readable changes.
_HIDDEN = frozenset({"id"})
_ARTICLES = ("le ", "la ", "les ", "l'")


def entity_labels() -> dict[str, str]:
    """Table name → the kind of record in French, capitalised (« Charge », « Membre »)."""
    labels: dict[str, str] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        label = str(cls.entity_label)
        for article in _ARTICLES:
            if label.startswith(article):
                label = label[len(article) :]
                break
        labels[cls.__tablename__] = label[:1].upper() + label[1:]
    return labels


@cache
def _coded_columns() -> dict[tuple[str, str], Callable[[str], str | None]]:
    """(table, column) → the French reading of its stored code, for every enum column."""
    found: dict[tuple[str, str], Callable[[str], str | None]] = {}
    for mapper in Base.registry.mappers:
        for column in mapper.columns:
            enum_class = getattr(column.type, "enum_class", None)
            if enum_class is None:
                continue
            table = mapper.class_.__tablename__
            if hasattr(enum_class, "label"):
                found[table, column.name] = partial(_enum_label, enum_class)
            elif enum_class.__name__ in _CODE_LABELS:
                found[table, column.name] = _CODE_LABELS[enum_class.__name__].get
    return found


def _enum_label(enum_class: Any, code: str) -> str | None:
    try:
        return str(enum_class(code).label("fr"))
    except ValueError:
        return None


def coded_value(table: str, column: str, value: Any) -> str | None:
    """The French reading of a stored code (« Don en nature » for ``don_en_nature``), or None
    when ``table.column`` holds no code or the code is unknown."""
    reading = _coded_columns().get((table, column))
    if reading is None or not isinstance(value, str):
        return None
    return reading(value)


def _field_name(column: str) -> str:
    if column in _LABELS:
        return _LABELS[column]
    label = field_label(column, "fr")
    if label != column:
        return label
    for suffix in ("_cents", "_milli", "_bp", "_id", "_on", "_at"):
        if column.endswith(suffix):
            column = column[: -len(suffix)]
            break
    words = column.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def readable_value(column: str, value: Any) -> str:
    """A stored value as the coordinator reads it: money in euros, dates in French."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int) and (column.endswith("_cents") or column == "cents"):
        return format_money(value)
    if isinstance(value, int) and column.endswith("_milli"):
        return f"{value / 1000:.3f}".rstrip("0").rstrip(".").replace(".", ",")
    if isinstance(value, int) and column.endswith("_bp"):
        return f"{value / 100:.2f}".replace(".", ",") + " %"
    if isinstance(value, str):
        for kind in (dt.datetime, dt.date):
            try:
                parsed = kind.fromisoformat(value)
            except ValueError:
                continue
            if isinstance(parsed, dt.datetime) and "T" in value:
                return f"{parsed:%d/%m/%Y %H:%M}"
            if len(value) == 10:
                return f"{parsed:%d/%m/%Y}"
    return str(value)


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditLine:
    id: int
    #: Local time of the change.
    at: dt.datetime
    action: str
    operation: str
    operation_label: str
    entity: str
    entity_label: str
    record_id: int | None
    summary: str
    changes: tuple[FieldChange, ...]

    @property
    def changes_text(self) -> str:
        """« Montant : 10,00 € → 12,00 € ; Libellé : … » (what changed, one line)."""
        return " ; ".join(f"{c.label} : {c.before} → {c.after}" for c in self.changes)


@dataclass(frozen=True)
class AuditFilter:
    """Which entries: ``since``/``until`` are days (inclusive, local time)."""

    since: dt.date | None = None
    until: dt.date | None = None
    entity: str | None = None
    record_id: int | None = None
    operation: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class AuditPage:
    lines: tuple[AuditLine, ...]
    #: Pass as ``before_id`` for the next (older) page; None on the last page.
    next_before_id: int | None


def _local(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def _utc(day: dt.date) -> dt.datetime:
    """Local midnight of ``day`` as naive UTC (how ``at`` is stored)."""
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def _load(raw: str | None) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


#: The column a record is named by in the Journal, first found (else « n° 12 »).
_NAMING_COLUMNS = ("name", "title", "label", "original_name", "number")
#: (table, id) → the record's name as it reads now, for the references of a page.
Names = dict[tuple[str, int], str]


@cache
def _references() -> dict[tuple[str, str], str]:
    """(table, column) → the table its values refer to, for every foreign-key column."""
    found: dict[tuple[str, str], str] = {}
    for mapper in Base.registry.mappers:
        for column in mapper.columns:
            for key in column.foreign_keys:
                found[mapper.class_.__tablename__, column.name] = key.column.table.name
    return found


def _referred_names(session: Session, entries: Sequence[AuditEntry]) -> Names:
    """The current names of the records the entries' foreign keys point to (one query per
    table referred to); a deleted record, or one without a name, is absent."""
    wanted: dict[str, set[int]] = {}
    references = _references()
    for entry in entries:
        for values in (_load(entry.before_json), _load(entry.after_json)):
            for column, value in values.items():
                target = references.get((entry.entity, column))
                if target is not None and type(value) is int:
                    wanted.setdefault(target, set()).add(value)
    names: Names = {}
    tables = Base.metadata.tables
    for target, ids in wanted.items():
        table = tables[target]
        naming = next((table.c[c] for c in _NAMING_COLUMNS if c in table.c), None)
        if naming is None or "id" not in table.c:
            continue
        chosen = sorted(ids)
        for start in range(0, len(chosen), 500):  # under SQLite's bound-parameter limit
            batch = chosen[start : start + 500]
            rows = session.execute(select(table.c.id, naming).where(table.c.id.in_(batch))).all()
            names.update(((target, row[0]), str(row[1])) for row in rows if row[1] is not None)
    return names


def _changes(entry: AuditEntry, referred: Names | None = None) -> tuple[FieldChange, ...]:
    before, after = _load(entry.before_json), _load(entry.after_json)
    if entry.operation == "bulk":
        return ()
    names = sorted(set(before) | set(after))
    found = []
    for name in names:
        if name in _HIDDEN:
            continue
        old, new = before.get(name), after.get(name)
        if entry.operation == "update" and old == new:
            continue
        if entry.operation == "create" and new is None:
            continue
        if entry.operation == "delete" and old is None:
            continue
        found.append(
            FieldChange(
                name,
                _field_name(name),
                _reading(entry.entity, name, old, referred) if entry.operation != "create" else "—",
                _reading(entry.entity, name, new, referred) if entry.operation != "delete" else "—",
            )
        )
    return tuple(found)


def _reading(table: str, column: str, value: Any, names: Names | None = None) -> str:
    """A value as the Journal shows it: a code's French reading, a referred record's name
    with its number (« Archipel Drôme (n° 3) », « n° 3 » once deleted), else
    :func:`readable_value`."""
    target = _references().get((table, column))
    if target is not None and type(value) is int:
        name = (names or {}).get((target, value))
        return f"{name} (n° {value})" if name else f"n° {value}"
    return coded_value(table, column, value) or readable_value(column, value)


def _line(entry: AuditEntry, labels: dict[str, str], names: Names | None = None) -> AuditLine:
    entity = entry.entity
    label = ", ".join(labels.get(name, name) for name in entity.split(","))
    return AuditLine(
        id=entry.id,
        at=_local(entry.at),
        action=entry.action,
        operation=entry.operation,
        operation_label=OPERATIONS.get(entry.operation, entry.operation),
        entity=entity,
        entity_label=label,
        record_id=entry.record_id,
        summary=entry.summary,
        changes=_changes(entry, names),
    )


def _where(chosen: AuditFilter, *, paged: bool = False) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    # The pages are read newest first by id (the table's own order, a range read from the
    # cursor); the dates filter the rows read, so « + » keeps SQLite from reading by the
    # date index instead and sorting the whole window by id (a count still uses it).
    at: Any = AuditEntry.at
    if paged:
        column = AuditEntry.at.expression
        at = UnaryExpression(column, operator=custom_op("+"), type_=column.type)
    if chosen.since is not None:
        where.append(at >= _utc(chosen.since))
    if chosen.until is not None:
        where.append(at < _utc(chosen.until + dt.timedelta(days=1)))
    if chosen.entity:
        where.append(AuditEntry.entity == chosen.entity)
    if chosen.record_id is not None:
        where.append(AuditEntry.record_id == chosen.record_id)
    if chosen.operation:
        where.append(AuditEntry.operation == chosen.operation)
    if chosen.text:
        pattern = f"%{chosen.text.strip()}%"
        where.append(AuditEntry.summary.ilike(pattern) | AuditEntry.action.ilike(pattern))
    return where


class AuditTrailService:
    """Read the audit trail, newest first."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def page(
        self, chosen: AuditFilter | None = None, *, limit: int = 200, before_id: int | None = None
    ) -> AuditPage:
        """One page of entries matching ``chosen``, older than ``before_id`` when given."""
        if limit < 1:
            raise PtceError("invalid_value", "limit", field_label="limit", value=limit)
        where = _where(chosen or AuditFilter(), paged=True)
        if before_id is not None:
            where.append(AuditEntry.id < before_id)
        labels = entity_labels()
        with self.uow.read() as session:
            rows = session.scalars(
                select(AuditEntry).where(*where).order_by(AuditEntry.id.desc()).limit(limit + 1)
            ).all()
            shown = rows[:limit]
            names = _referred_names(session, shown)
            lines = tuple(_line(row, labels, names) for row in shown)
        more = len(rows) > limit
        return AuditPage(lines, lines[-1].id if more and lines else None)

    def entries(self, chosen: AuditFilter | None = None) -> list[AuditLine]:
        """Every entry matching ``chosen``, newest first (the command line's listing)."""
        found: list[AuditLine] = []
        before: int | None = None
        while True:
            page = self.page(chosen, limit=500, before_id=before)
            found.extend(page.lines)
            if page.next_before_id is None:
                return found
            before = page.next_before_id

    def history(self, entity: str, record_id: int) -> list[AuditLine]:
        """Every change of one record, newest first (a detail panel's « Historique »)."""
        return self.entries(AuditFilter(entity=entity, record_id=record_id))

    def kinds(self) -> list[tuple[str, str]]:
        """The kinds of record present in the trail: (table name, French label), by label."""
        labels = entity_labels()
        with self.uow.read() as session:
            names = session.scalars(select(AuditEntry.entity).group_by(AuditEntry.entity)).all()
        found = {(name, labels.get(name, name)) for name in names if "," not in name}
        return sorted(found, key=lambda item: item[1].casefold())

    def count(self, chosen: AuditFilter | None = None) -> int:
        with self.uow.read() as session:
            total = session.scalar(
                select(func.count()).select_from(AuditEntry).where(*_where(chosen or AuditFilter()))
            )
        return int(total or 0)
