"""Allocation keys (clés de répartition): the keys, their dated versions, recorded usage.

A version's ``values`` mean, by the key's method: thousandths of the unit per member
(``units``), basis points per member that must total 100 % (``percent``), the participating
members (``equal``: any value > 0; none listed = every member present). A ``mixed`` version
has ``parts`` (key id -> weight in basis points) instead; a ``usage`` key reads its recorded
usage and needs no values.

Adding, editing or deleting a version recomputes the shares of the costs it affects — those
whose period starts on/after its ``valid_from`` and before the next version, for services of
this key or of a mixed key containing it — in open fiscal years only; costs of closed years
keep their frozen shares and are skipped (see :mod:`.shares`). Recording usage recomputes the
open-year costs whose period contains the day. Deleting a version that explains shares of a
closed year is refused (``version_frozen``): the frozen figures would lose their explanation;
add a newer version instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.money import format_percent
from ptce_desktop.domain.percentages import percent_column
from ptce_desktop.domain.periods import fiscal_year_of, format_date
from ptce_desktop.domain.weights import effective_weights, versions_in
from ptce_desktop.services.common import clean_text, get_or_error, required_text, start_month
from ptce_desktop.services.costs.shares import RecomputeResult, cost_frozen, recompute_key_costs
from ptce_desktop.services.keys.loader import MemberPresences, load_key_spec
from ptce_desktop.services.keys.views import (
    KeyDraft,
    KeyView,
    UsageDraft,
    UsageView,
    VersionChange,
    VersionDetail,
    VersionDraft,
    VersionMemberRow,
    VersionPartRow,
    VersionSummary,
)
from ptce_desktop.store.base import BP_MAX, LEN_LABEL, LEN_NAME, LEN_SHORT, UNITS_MAX
from ptce_desktop.store.models import (
    AllocationKey,
    Cost,
    FiscalYear,
    KeyMixPart,
    KeyVersion,
    KeyVersionUnit,
    Member,
    Share,
    SharedService,
    UsageRecord,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = [
    "KeyDraft",
    "KeyService",
    "KeyView",
    "UsageDraft",
    "UsageView",
    "VersionChange",
    "VersionDetail",
    "VersionDraft",
    "VersionMemberRow",
    "VersionPartRow",
    "VersionSummary",
]

KEY = Entity.ALLOCATION_KEY
VERSION = Entity.KEY_VERSION


def _effective_shares(
    session: Session, key_id: int, version: KeyVersion, period: tuple[date, date] | None
) -> dict[int, Fraction]:
    """Each participant's share of the key's effective weights over the days ``version``
    governs inside ``period`` (its first day when none); empty when no one takes part."""
    spec = load_key_spec(session, key_id)
    start = end = version.valid_from
    if period is not None:
        for governing, first, last in versions_in(spec, *period):
            if governing.id == version.id:
                start, end = first, last
    try:
        members = MemberPresences(session).for_key(spec, start, end)  # only those it weighs
        return effective_weights(spec, start, end, members).shares()
    except PtceError:
        return {}


def _method(value: str) -> Method:
    try:
        return Method(value)
    except ValueError:
        raise PtceError("unknown_key_method", "method", value=value) from None


def _summary(row: KeyVersion) -> VersionSummary:
    return VersionSummary(row.id, row.valid_from, row.note)


def _key_view(row: AllocationKey, on: date) -> KeyView:
    versions = tuple(_summary(v) for v in sorted(row.versions, key=lambda v: v.valid_from))
    current = [v for v in versions if v.valid_from <= on]
    return KeyView(
        row.id,
        row.name,
        row.method,
        row.unit,
        row.description,
        current[-1] if current else None,
        versions,
    )


class KeyService:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    # --- keys ---------------------------------------------------------------------------

    def list_keys(self, on: date | None = None) -> list[KeyView]:
        """Every key by name, with the version in force ``on`` (default today)."""
        day = on or date.today()
        with self.uow.read() as session:
            rows = session.scalars(
                select(AllocationKey)
                .options(selectinload(AllocationKey.versions))
                .order_by(AllocationKey.name)
            )
            return [_key_view(row, day) for row in rows]

    def version_counts(self, version_ids: list[int]) -> dict[int, tuple[int, int]]:
        """Per version: (its member rows, its parts weighing more than 0) — what the keys'
        list shows, counted by the database (:meth:`get_version` builds every share)."""
        counts = dict.fromkeys(version_ids, (0, 0))
        if not version_ids:
            return counts
        with self.uow.read() as session:
            for start in range(0, len(version_ids), 500):
                chunk = version_ids[start : start + 500]
                members = session.execute(
                    select(KeyVersionUnit.version_id, func.count())
                    .where(KeyVersionUnit.version_id.in_(chunk))
                    .group_by(KeyVersionUnit.version_id)
                ).all()
                parts = session.execute(
                    select(KeyMixPart.version_id, func.count())
                    .where(KeyMixPart.version_id.in_(chunk), KeyMixPart.weight_bp > 0)
                    .group_by(KeyMixPart.version_id)
                ).all()
                for version_id, count in members:
                    counts[version_id] = (int(count), counts[version_id][1])
                for version_id, count in parts:
                    counts[version_id] = (counts[version_id][0], int(count))
        return counts

    def get_key(self, key_id: int, on: date | None = None) -> KeyView:
        with self.uow.read() as session:
            return _key_view(get_or_error(session, AllocationKey, key_id, KEY), on or date.today())

    def create_key(self, draft: KeyDraft) -> int:
        with self.uow.write("Créer une clé de répartition") as session:
            row = AllocationKey()
            self._apply_key(session, row, draft)
            session.add(row)
            session.flush()
            return row.id

    def update_key(self, key_id: int, draft: KeyDraft) -> None:
        with self.uow.write("Modifier une clé de répartition") as session:
            row = get_or_error(session, AllocationKey, key_id, KEY)
            self._apply_key(session, row, draft)

    def _apply_key(self, session: Session, row: AllocationKey, draft: KeyDraft) -> None:
        name = required_text(draft.name, "name", max_length=LEN_NAME)
        method = _method(draft.method)
        clash = session.scalar(
            select(AllocationKey.id).where(AllocationKey.name == name, AllocationKey.id != row.id)
        )
        if clash is not None:
            raise PtceError("key_name_taken", "name", name=name)
        if row.id is not None and row.method != method and row.versions:
            raise PtceError("key_method_locked", "method", key=row.name)
        row.name = name
        row.method = method
        row.unit = clean_text(draft.unit, "unit", max_length=LEN_SHORT)
        row.description = clean_text(draft.description, "description", max_length=4000)

    def delete_key(self, key_id: int) -> None:
        """Refused (``key_in_use`` naming the user) while a service, a mixed key or stored
        shares use the key; its usage records go with it."""
        with self.uow.write("Supprimer une clé de répartition") as session:
            row = get_or_error(session, AllocationKey, key_id, KEY)
            service = session.scalar(
                select(SharedService.name).where(SharedService.key_id == key_id).limit(1)
            )
            if service is not None:
                raise PtceError("key_in_use", key=row.name, user=f"le service « {service} »")
            mixed = session.scalar(
                select(AllocationKey.name)
                .join(KeyVersion, KeyVersion.key_id == AllocationKey.id)
                .join(KeyMixPart, KeyMixPart.version_id == KeyVersion.id)
                .where(KeyMixPart.part_key_id == key_id)
                .limit(1)
            )
            if mixed is not None:
                raise PtceError("key_in_use", key=row.name, user=f"la clé mixte « {mixed} »")
            cost = session.scalar(
                select(Cost.label)
                .join(Share, Share.cost_id == Cost.id)
                .join(KeyVersion, Share.key_version_id == KeyVersion.id)
                .where(KeyVersion.key_id == key_id)
                .limit(1)
            )
            if cost is not None:
                raise PtceError("key_in_use", key=row.name, user=f"la charge « {cost} »")
            for usage in session.scalars(select(UsageRecord).where(UsageRecord.key_id == key_id)):
                session.delete(usage)
            session.delete(row)

    # --- versions -----------------------------------------------------------------------

    def get_version(
        self, version_id: int, period: tuple[date, date] | None = None
    ) -> VersionDetail:
        """A version with each member's units, the total and each member's share.

        Shares are the key's effective weights (:func:`~ptce_desktop.domain.allocation.
        effective_weights`, what the split uses) over the days the version governs inside
        ``period`` (the fiscal year shown), or over its first day when no period is given or
        it governs none of its days: a member absent all along shows 0, one present part of
        the time its prorated weight. ``percent_bp`` is the column of those shares by largest
        remainder (adds up to 100,00 %), as the cost-sharing report prints it.
        """
        with self.uow.read() as session:
            version = get_or_error(session, KeyVersion, version_id, VERSION)
            key = version.key
            method = key.method
            names = dict(session.execute(select(Member.id, Member.name)).all())
            if method is Method.EQUAL and not version.units:
                units = {
                    m: 1000
                    for (m,) in session.execute(
                        select(Member.id).where(
                            (Member.joined_on.is_(None)) | (Member.joined_on <= version.valid_from),
                            (Member.left_on.is_(None)) | (Member.left_on >= version.valid_from),
                        )
                    )
                }
            else:
                units = {
                    u.member_id: (
                        1000
                        if method is Method.EQUAL
                        else (u.percent_bp if method is Method.PERCENT else u.units_milli) or 0
                    )
                    for u in version.units
                }
            total = sum(units.values())
            if method in (Method.EQUAL, Method.UNITS, Method.PERCENT):
                shares = _effective_shares(session, key.id, version, period)
                if method is Method.EQUAL and not version.units:
                    units.update(dict.fromkeys(shares, 1000))
                    total = sum(units.values())
            else:
                shares = {m: Fraction(v, total) for m, v in units.items()} if total else {}
            column = percent_column({m: shares.get(m, Fraction(0)) for m in units})
            members = tuple(
                VersionMemberRow(m, names.get(m, ""), v, shares.get(m, Fraction(0)), column[m])
                for m, v in sorted(units.items(), key=lambda item: names.get(item[0], ""))
            )
            part_total = sum(p.weight_bp for p in version.mix_parts)
            part_column = percent_column({p.part_key_id: p.weight_bp for p in version.mix_parts})
            parts = tuple(
                VersionPartRow(
                    p.part_key_id,
                    p.part_key.name,
                    p.weight_bp,
                    Fraction(p.weight_bp, part_total) if part_total else Fraction(0),
                    part_column[p.part_key_id],
                )
                for p in sorted(version.mix_parts, key=lambda p: p.part_key.name)
            )
            return VersionDetail(
                version.id,
                key.id,
                key.name,
                method,
                key.unit,
                version.valid_from,
                version.note,
                members,
                total,
                parts,
            )

    def add_version(self, key_id: int, draft: VersionDraft) -> VersionChange:
        with self.uow.write("Ajouter une version de clé") as session:
            key = get_or_error(session, AllocationKey, key_id, KEY)
            version = KeyVersion(key_id=key.id)
            self._apply_version(session, key, version, draft)
            session.add(version)
            session.flush()
            result = self._recompute(session, key, version.valid_from, version.valid_from)
            return VersionChange(version.id, result.recomputed, result.skipped_closed)

    def update_version(self, version_id: int, draft: VersionDraft) -> VersionChange:
        with self.uow.write("Modifier une version de clé") as session:
            version = get_or_error(session, KeyVersion, version_id, VERSION)
            self._refuse_if_frozen(session, version, "version_frozen_edit")
            old_from = version.valid_from
            self._apply_version(session, version.key, version, draft)
            session.flush()
            result = self._recompute(session, version.key, old_from, version.valid_from)
            return VersionChange(version.id, result.recomputed, result.skipped_closed)

    def delete_version(self, version_id: int) -> VersionChange:
        with self.uow.write("Supprimer une version de clé") as session:
            version = get_or_error(session, KeyVersion, version_id, VERSION)
            key = version.key
            self._refuse_if_frozen(session, version)
            valid_from = version.valid_from
            # Open-year shares still point at the version: release them before the delete
            # (the foreign key is RESTRICT); the recomputation below sets their new version.
            for share in session.scalars(select(Share).where(Share.key_version_id == version.id)):
                share.key_version_id = None
            session.flush()
            session.delete(version)
            session.flush()
            session.expire(key, ["versions"])
            result = self._recompute(session, key, valid_from, valid_from)
            return VersionChange(version_id, result.recomputed, result.skipped_closed)

    def _refuse_if_frozen(
        self, session: Session, version: KeyVersion, code: str = "version_frozen"
    ) -> None:
        closed = set(
            session.scalars(select(FiscalYear.start_year).where(FiscalYear.closed_at.is_not(None)))
        )
        if not closed:
            return
        month = start_month(session)
        for invoice_date, period_start in session.execute(
            select(Cost.invoice_date, Cost.period_start)
            .join(Share, Share.cost_id == Cost.id)
            .where(Share.key_version_id == version.id)
            .distinct()
        ):
            if cost_frozen(invoice_date, period_start, closed, month):
                year = fiscal_year_of(period_start, month)
                raise PtceError(code, date=format_date(version.valid_from), year=year.label)

    def _recompute(
        self, session: Session, key: AllocationKey, old_from: date, new_from: date
    ) -> RecomputeResult:
        low, high = min(old_from, new_from), max(old_from, new_from)
        following = session.scalar(
            select(func.min(KeyVersion.valid_from)).where(
                KeyVersion.key_id == key.id, KeyVersion.valid_from > high
            )
        )
        load_key_spec(session, key.id)  # refuses a mixed key that now contains itself
        return recompute_key_costs(session, key.id, starts_from=low, starts_before=following)

    def _apply_version(
        self, session: Session, key: AllocationKey, version: KeyVersion, draft: VersionDraft
    ) -> None:
        clash = session.scalar(
            select(KeyVersion.id).where(
                KeyVersion.key_id == key.id,
                KeyVersion.valid_from == draft.valid_from,
                KeyVersion.id != version.id,
            )
        )
        if clash is not None:
            raise PtceError(
                "version_date_taken", "valid_from", key=key.name, date=format_date(draft.valid_from)
            )
        method = key.method
        version.valid_from = draft.valid_from
        version.note = clean_text(draft.note, "note", max_length=4000)
        if method is Method.MIXED:
            self._apply_parts(session, key, version, draft.parts)
            return
        values = {} if method is Method.USAGE else dict(draft.values)
        self._check_members(session, values)
        for value in values.values():
            limit = BP_MAX if method is Method.PERCENT else UNITS_MAX
            if not 0 <= value <= limit:
                raise PtceError("invalid_value", "values", field_label="values", value=value)
        if method is Method.PERCENT:
            total = sum(values.values())
            if total != BP_MAX:
                raise PtceError("percent_total", "values", total=format_percent(total))
        if method is Method.EQUAL:
            values = {m: v for m, v in values.items() if v > 0}
        existing = {u.member_id: u for u in version.units}
        for member, row in existing.items():
            if member not in values:
                version.units.remove(row)
        for member, value in values.items():
            unit = existing.get(member)
            if unit is None:
                unit = KeyVersionUnit(member_id=member)
                version.units.append(unit)
            unit.units_milli = value if method is Method.UNITS else None
            unit.percent_bp = value if method is Method.PERCENT else None

    def _apply_parts(
        self, session: Session, key: AllocationKey, version: KeyVersion, parts: Mapping[int, int]
    ) -> None:
        if not any(weight > 0 for weight in parts.values()):
            raise PtceError("version_needs_parts", "parts")
        for part_key_id, weight in parts.items():
            if part_key_id == key.id:
                raise PtceError("mixed_part_self", "parts", key=key.name)
            if not 0 <= weight <= BP_MAX:
                raise PtceError("invalid_value", "parts", field_label="parts", value=weight)
            get_or_error(session, AllocationKey, part_key_id, KEY)
        existing = {p.part_key_id: p for p in version.mix_parts}
        for part_key_id, row in existing.items():
            if part_key_id not in parts:
                version.mix_parts.remove(row)
        for part_key_id, weight in parts.items():
            part = existing.get(part_key_id)
            if part is None:
                version.mix_parts.append(KeyMixPart(part_key_id=part_key_id, weight_bp=weight))
            else:
                part.weight_bp = weight

    @staticmethod
    def _check_members(session: Session, member_ids: Mapping[int, int] | list[int]) -> None:
        wanted = set(member_ids)
        if not wanted:
            return
        found = set(session.scalars(select(Member.id).where(Member.id.in_(wanted))))
        for missing in sorted(wanted - found):
            raise PtceError("not_found", "values", entity=Entity.MEMBER, id=missing)

    # --- usage --------------------------------------------------------------------------

    def list_usage(self, key_id: int, start: date, end: date) -> list[UsageView]:
        with self.uow.read() as session:
            rows = session.execute(
                select(UsageRecord, Member.name)
                .join(Member, Member.id == UsageRecord.member_id)
                .where(
                    UsageRecord.key_id == key_id,
                    UsageRecord.date >= start,
                    UsageRecord.date <= end,
                )
                .order_by(UsageRecord.date, Member.name, UsageRecord.id)
            )
            return [
                UsageView(r.id, r.key_id, r.member_id, name, r.date, r.quantity_milli, r.note)
                for r, name in rows
            ]

    def add_usage(self, draft: UsageDraft) -> int:
        with self.uow.write("Saisir une utilisation") as session:
            row = UsageRecord()
            self._apply_usage(session, row, draft)
            session.add(row)
            session.flush()
            recompute_key_costs(session, row.key_id, covering=[row.date])
            return row.id

    def update_usage(self, usage_id: int, draft: UsageDraft) -> None:
        with self.uow.write("Modifier une utilisation") as session:
            row = get_or_error(session, UsageRecord, usage_id, Entity.USAGE_RECORD)
            old_key, old_date = row.key_id, row.date
            self._apply_usage(session, row, draft)
            session.flush()
            recompute_key_costs(session, old_key, covering=[old_date])
            recompute_key_costs(session, row.key_id, covering=[row.date])

    def delete_usage(self, usage_id: int) -> None:
        with self.uow.write("Supprimer une utilisation") as session:
            row = get_or_error(session, UsageRecord, usage_id, Entity.USAGE_RECORD)
            key_id, day = row.key_id, row.date
            session.delete(row)
            session.flush()
            recompute_key_costs(session, key_id, covering=[day])

    def _apply_usage(self, session: Session, row: UsageRecord, draft: UsageDraft) -> None:
        key = get_or_error(session, AllocationKey, draft.key_id, KEY)
        if key.method is not Method.USAGE:
            raise PtceError("not_usage_key", "key_id", key=key.name)
        get_or_error(session, Member, draft.member_id, Entity.MEMBER)
        if not 0 <= draft.quantity_milli <= UNITS_MAX:
            raise PtceError(
                "invalid_value",
                "quantity_milli",
                field_label="quantity_milli",
                value=draft.quantity_milli,
            )
        row.key_id = key.id
        row.member_id = draft.member_id
        row.date = draft.on
        row.quantity_milli = draft.quantity_milli
        row.note = clean_text(draft.note, "note", max_length=LEN_LABEL)
