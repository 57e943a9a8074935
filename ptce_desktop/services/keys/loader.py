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

from collections.abc import Iterable, Mapping
from datetime import date

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.allocation import MemberRoster, split_cost
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
from ptce_desktop.domain.weights import members_read
from ptce_desktop.store.models import AllocationKey, KeyMixPart, KeyVersionUnit, Member
from ptce_desktop.store.models import KeyVersion as KeyVersionRow
from ptce_desktop.store.models import UsageRecord as UsageRow

__all__ = ["MemberPresences", "load_key_spec", "member_presences", "split_for"]


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


# Built once (a statement's construction and cache key cost more than running it on a small
# key): each is executed with its parameters.

#: A key, its versions and their members' values, with each listed member's dates.
_KEY_QUERY = (
    select(
        AllocationKey.name,
        AllocationKey.method,
        AllocationKey.unit,
        KeyVersionRow.id,
        KeyVersionRow.valid_from,
        KeyVersionUnit.member_id,
        KeyVersionUnit.units_milli,
        KeyVersionUnit.percent_bp,
        Member.id,
        Member.joined_on,
        Member.left_on,
    )
    .select_from(AllocationKey)
    .outerjoin(KeyVersionRow, KeyVersionRow.key_id == AllocationKey.id)
    .outerjoin(KeyVersionUnit, KeyVersionUnit.version_id == KeyVersionRow.id)
    .outerjoin(Member, Member.id == KeyVersionUnit.member_id)
    .where(AllocationKey.id == bindparam("key_id"))
    .order_by(KeyVersionRow.valid_from, KeyVersionRow.id, KeyVersionUnit.id)
)
_MIX_QUERY = (
    select(KeyMixPart.version_id, KeyMixPart.part_key_id, KeyMixPart.weight_bp)
    .join(KeyVersionRow, KeyVersionRow.id == KeyMixPart.version_id)
    .where(KeyVersionRow.key_id == bindparam("key_id"))
    .order_by(KeyMixPart.part_key_id)
)
_USAGE_QUERY = (
    select(UsageRow.member_id, UsageRow.date, UsageRow.quantity_milli)
    .where(UsageRow.key_id == bindparam("key_id"))
    .order_by(UsageRow.date, UsageRow.id)
)
_PRESENCE_COLUMNS = select(Member.id, Member.joined_on, Member.left_on)
_ALL_PRESENCES = _PRESENCE_COLUMNS.order_by(Member.id)
_SOME_PRESENCES = _PRESENCE_COLUMNS.where(Member.id.in_(bindparam("ids", expanding=True))).order_by(
    Member.id
)


def _load(
    session: Session,
    key_id: int,
    visiting: tuple[int, ...],
    presences: MemberPresences | None = None,
) -> KeySpec:
    """Read with column selects (no ORM objects: a 300-member key is 300 plain tuples), after
    the session's autoflush, so changes made earlier in the same action are seen.

    One query reads the key, its versions and their members' values, with each listed
    member's dates (recorded in ``presences`` when given: a split then reads nobody again);
    a mixed key adds its parts' query, a usage key its records' query.
    """
    if key_id in visiting:
        names = {
            row_id: name
            for row_id, name in session.execute(
                select(AllocationKey.id, AllocationKey.name).where(AllocationKey.id.in_(visiting))
            )
        }
        raise PtceError("key_cycle", key=names.get(key_id, str(key_id)))
    rows = session.execute(_KEY_QUERY, {"key_id": key_id}).all()
    if not rows:
        raise PtceError("not_found", entity=Entity.ALLOCATION_KEY, id=key_id)
    name, method, unit = rows[0][:3]
    version_rows: dict[int, date] = {}
    units: dict[int, list[tuple[int, int | None, int | None]]] = {}
    listed: dict[int, MemberPresence | None] = {}
    takes_units = method in (Method.UNITS, Method.PERCENT, Method.EQUAL)
    for row in rows:
        version_id, valid_from, member_id = row[3], row[4], row[5]
        if version_id is None:
            continue
        version_rows.setdefault(version_id, valid_from)
        if member_id is not None and takes_units:
            units.setdefault(version_id, []).append((member_id, row[6], row[7]))
            found, joined, left = row[8], row[9], row[10]
            listed[member_id] = None if found is None else MemberPresence(found, joined, left)
    if presences is not None and listed:
        presences.record(listed)
    mix: dict[int, list[tuple[int, int]]] = {}
    if method is Method.MIXED and version_rows:
        for version_id, part_key_id, weight_bp in session.execute(_MIX_QUERY, {"key_id": key_id}):
            mix.setdefault(version_id, []).append((part_key_id, weight_bp))
    versions: list[KeyVersion] = []
    for version_id, valid_from in version_rows.items():
        parts = tuple(
            MixedPart(_load(session, part_key_id, (*visiting, key_id), presences), weight_bp)
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
            for member_id, on, units in session.execute(_USAGE_QUERY, {"key_id": key_id})
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


def load_key_spec(
    session: Session, key_id: int, *, presences: MemberPresences | None = None
) -> KeySpec:
    """The key ``key_id`` as a domain :class:`KeySpec` with all its versions (and usage).

    Mixed parts are resolved recursively; a mixed key that reaches itself raises
    ``PtceError("key_cycle")``; an unknown id raises ``not_found``. With ``presences``, the
    dates of the members the key's versions list are recorded there (read by the same query).
    """
    return _load(session, key_id, (), presences)


#: Ids per ``IN (…)`` query (under SQLite's oldest bound-parameter limit, 999).
_IN_CHUNK = 900


def member_presences(
    session: Session, member_ids: Iterable[int] | None = None
) -> list[MemberPresence]:
    """Members with their joined/left dates (``left_on`` is its last day), by id: every member,
    or only those of ``member_ids`` that exist (one indexed ``IN`` query per 900 ids)."""
    if member_ids is None:
        rows = session.execute(_ALL_PRESENCES).all()
    else:
        ids = sorted(set(member_ids))
        rows = []
        for first in range(0, len(ids), _IN_CHUNK):
            chunk = ids[first : first + _IN_CHUNK]
            rows.extend(session.execute(_SOME_PRESENCES, {"ids": chunk}).all())
    return [MemberPresence(member_id, joined, left) for member_id, joined, left in rows]


class MemberPresences:
    """The members' presences one action's splits read, loaded as they are asked for.

    A split reads only the members its key can give a weight to
    (:func:`~ptce_desktop.domain.weights.members_read`): a 5-50 member key on a 5 000-member
    pole reads 5-50 rows by primary key, not the whole table. Every member is read (once)
    only for a key that takes everyone (EQUAL listing nobody), or once the members asked for
    one by one pass :attr:`LOAD_ALL_AFTER` (a recomputation over many keys). Splits over a
    restricted roster are exactly those over the whole pole (nobody else has a weight).

    Made for one action and dropped with it, as the split context that holds it: rows are
    read after the session's autoflush when first asked for, then kept. (A cost's save keeps
    its context between writes that change no member: :meth:`bind` gives it the session of
    each write.)
    """

    #: Members asked for one by one after which the whole table is read at once.
    LOAD_ALL_AFTER = 1000

    def __init__(self, session: Session) -> None:
        self._session = session
        self._known: dict[int, MemberPresence] = {}
        self._asked: set[int] = set()  # ids looked up (found or not)
        self._all: list[MemberPresence] | None = None
        self._rosters: dict[frozenset[int] | None, MemberRoster] = {}

    def bind(self, session: Session) -> None:
        """Read what is still missing through ``session`` from now on."""
        self._session = session

    def record(self, presences: Mapping[int, MemberPresence | None]) -> None:
        """Keep members read elsewhere in this action (None: no such member)."""
        if self._all is None:
            self._asked.update(presences)
            for member_id, presence in presences.items():
                if presence is not None:
                    self._known[member_id] = presence

    def everyone(self) -> list[MemberPresence]:
        """Every member of the pole, by id (read once)."""
        if self._all is None:
            self._all = member_presences(self._session)
            self._known = {p.member_id: p for p in self._all}
        return self._all

    def of(self, member_ids: Iterable[int]) -> list[MemberPresence]:
        """The members of ``member_ids`` that exist, by id (each read at most once)."""
        wanted = set(member_ids)
        if self._all is None:
            missing = wanted - self._asked
            if missing:
                if len(self._asked) + len(missing) > self.LOAD_ALL_AFTER:
                    self.everyone()
                else:
                    for presence in member_presences(self._session, missing):
                        self._known[presence.member_id] = presence
                    self._asked |= missing
        known = self._known
        return [known[m] for m in sorted(wanted) if m in known]

    def for_key(self, key: KeySpec, start: date, end: date) -> list[MemberPresence]:
        """What a split of ``key`` over [start, end] reads (:func:`split_cost`'s members)."""
        needed = members_read(key, start, end)
        return self.everyone() if needed is None else self.of(needed)

    def roster_for(self, key: KeySpec, start: date, end: date) -> MemberRoster:
        """The same as a :class:`MemberRoster` (:func:`split_cost_cents`'s members), kept per
        set of members."""
        needed = members_read(key, start, end)
        roster = self._rosters.get(needed)
        if roster is None:
            members = self.everyone() if needed is None else self.of(needed)
            roster = self._rosters[needed] = MemberRoster(members)
        return roster


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
        MemberPresences(session).for_key(spec, period_start, period_end),
        cost_label=label,
    )
