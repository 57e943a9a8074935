"""Load allocation keys and member presences from the database into the domain engine.

The one bridge between the stored keys (``allocation_keys``, ``key_versions``,
``key_version_units``, ``key_mix_parts``, ``usage_records``) and
:mod:`ptce_desktop.domain.allocation`. Every service that splits money (costs, calls, true-up,
reports) goes through :func:`load_key_spec` and :func:`split_for`, inside its own session.

Mapping of stored rows to :class:`~ptce_desktop.domain.keys.KeyVersion` values:

* ``units``: ``units_milli`` per member (thousandths);
* ``percent``: ``percent_bp`` per member (basis points);
* ``equal``: the listed members take part (value 1); no row at all = every member present;
* ``usage``: the key's usage records; a usage key needs no version of its own, so when it has
  none a neutral version valid since ``date.min`` (id None) is supplied to the engine;
* ``mixed``: each part's key is loaded recursively; a key reaching itself again is refused
  (``key_cycle``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptce_desktop.domain.allocation import split_cost
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import (
    KeySpec,
    KeyVersion,
    MemberPresence,
    Method,
    MixedPart,
    ShareExplanation,
    UsageRecord,
)
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.store.models import AllocationKey, KeyMixPart, KeyVersionUnit, Member
from ptce_desktop.store.models import KeyVersion as KeyVersionRow
from ptce_desktop.store.models import UsageRecord as UsageRow

__all__ = ["load_key_spec", "member_presences", "split_for"]


def _version_values(
    method: Method, rows: list[tuple[int, int | None, int | None]]
) -> dict[int, int]:
    """The engine's values of one version from its (member, units_milli, percent_bp) rows."""
    if method is Method.UNITS:
        return {member: units or 0 for member, units, _percent in rows}
    if method is Method.PERCENT:
        return {member: percent or 0 for member, _units, percent in rows}
    if method is Method.EQUAL:
        return {member: 1 for member, _units, _percent in rows}
    return {}


def _load(session: Session, key_id: int, visiting: tuple[int, ...]) -> KeySpec:
    """Read with column selects (no ORM objects: a 300-member key is 300 plain tuples), after
    the session's autoflush, so changes made earlier in the same action are seen."""
    if key_id in visiting:
        names = {
            row_id: name
            for row_id, name in session.execute(
                select(AllocationKey.id, AllocationKey.name).where(AllocationKey.id.in_(visiting))
            )
        }
        raise PtceError("key_cycle", key=names.get(key_id, str(key_id)))
    key = session.execute(
        select(AllocationKey.name, AllocationKey.method, AllocationKey.unit).where(
            AllocationKey.id == key_id
        )
    ).one_or_none()
    if key is None:
        raise PtceError("not_found", entity=Entity.ALLOCATION_KEY, id=key_id)
    name, method, unit = key
    version_rows = session.execute(
        select(KeyVersionRow.id, KeyVersionRow.valid_from)
        .where(KeyVersionRow.key_id == key_id)
        .order_by(KeyVersionRow.valid_from)
    ).all()
    units: dict[int, list[tuple[int, int | None, int | None]]] = {}
    if method in (Method.UNITS, Method.PERCENT, Method.EQUAL) and version_rows:
        for version_id, member_id, units_milli, percent_bp in session.execute(
            select(
                KeyVersionUnit.version_id,
                KeyVersionUnit.member_id,
                KeyVersionUnit.units_milli,
                KeyVersionUnit.percent_bp,
            )
            .join(KeyVersionRow, KeyVersionRow.id == KeyVersionUnit.version_id)
            .where(KeyVersionRow.key_id == key_id)
            .order_by(KeyVersionUnit.id)
        ):
            units.setdefault(version_id, []).append((member_id, units_milli, percent_bp))
    mix: dict[int, list[tuple[int, int]]] = {}
    if method is Method.MIXED and version_rows:
        for version_id, part_key_id, weight_bp in session.execute(
            select(KeyMixPart.version_id, KeyMixPart.part_key_id, KeyMixPart.weight_bp)
            .join(KeyVersionRow, KeyVersionRow.id == KeyMixPart.version_id)
            .where(KeyVersionRow.key_id == key_id)
            .order_by(KeyMixPart.part_key_id)
        ):
            mix.setdefault(version_id, []).append((part_key_id, weight_bp))
    versions: list[KeyVersion] = []
    for version_id, valid_from in version_rows:
        parts = tuple(
            MixedPart(_load(session, part_key_id, (*visiting, key_id)), weight_bp)
            for part_key_id, weight_bp in mix.get(version_id, ())
        )
        versions.append(
            KeyVersion(
                id=version_id,
                valid_from=valid_from,
                values=_version_values(method, units.get(version_id, [])),
                parts=parts,
            )
        )
    usage: tuple[UsageRecord, ...] = ()
    if method is Method.USAGE:
        usage = tuple(
            UsageRecord(member_id, on, units)
            for member_id, on, units in session.execute(
                select(UsageRow.member_id, UsageRow.date, UsageRow.quantity_milli)
                .where(UsageRow.key_id == key_id)
                .order_by(UsageRow.date, UsageRow.id)
            )
        )
        if not versions:
            versions.append(KeyVersion(id=None, valid_from=date.min))
    return KeySpec(
        name=name,
        method=method,
        versions=tuple(versions),
        id=key_id,
        unit=unit or "",
        usage=usage,
    )


def load_key_spec(session: Session, key_id: int) -> KeySpec:
    """The key ``key_id`` as a domain :class:`KeySpec` with all its versions (and usage).

    Mixed parts are resolved recursively; a mixed key that reaches itself raises
    ``PtceError("key_cycle")``; an unknown id raises ``not_found``.
    """
    return _load(session, key_id, ())


def member_presences(session: Session) -> list[MemberPresence]:
    """Every member with its joined/left dates (``left_on`` is its last day), by id."""
    return [
        MemberPresence(member_id, joined, left)
        for member_id, joined, left in session.execute(
            select(Member.id, Member.joined_on, Member.left_on).order_by(Member.id)
        )
    ]


def split_for(
    session: Session,
    *,
    total_cents: int,
    key_id: int,
    period_start: date,
    period_end: date,
    label: str,
) -> list[ShareExplanation]:
    """Split ``total_cents`` over the members with key ``key_id`` for the period covered.

    One explanation per participating member, sorted by member id, summing to
    ``total_cents``; engine errors name ``label`` and the key.
    """
    spec = load_key_spec(session, key_id)
    return split_cost(
        total_cents,
        spec,
        period_start,
        period_end,
        member_presences(session),
        cost_label=label,
    )
