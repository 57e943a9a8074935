"""Redistributions (reversements): a grant's money passed on to members, by hand or by its plan.

**Reste à reverser** (DESIGN §3) = the plan applied to what was *received so far*, minus what was
already passed on (the plan and its exact split: :mod:`.grant_plan`), per member and in total.

**Over-redistributing.** Passing on more than a member's reste à reverser is refused
(``redistribution_exceeds``) unless the caller passes ``force=True`` (the UI asks the user to
confirm first); a member outside the plan has nothing due, so paying it needs ``force``. Deleting
an instalment can leave a negative reste à reverser: it is shown as it is, never hidden.
:meth:`RedistributionService.redistribute_by_plan` passes on every positive reste à reverser of
the plan's members in one action; the coordination share and what the plan does not cover stay.

**Closed years.** A redistribution (or an instalment) dated in a closed fiscal year cannot be
created, changed or deleted (``closed_year``). The store's guard does not mark these tables as
dated records, so the services check it themselves (:func:`check_open_date`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.money import format_money, format_percent
from ptce_desktop.services.common import fiscal_year_for, get_or_error, is_closed
from ptce_desktop.services.grants.plan import PlanLine, apply_plan, check_amount, money_values
from ptce_desktop.store.models import Grant, GrantPlanLine, Instalment, Member, Redistribution
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = [
    "MemberPlanView",
    "PlanState",
    "RedistributionService",
    "RedistributionView",
    "check_open_date",
    "member_names",
    "passed_by_member",
    "plan_lines",
    "plan_state",
    "received_cents",
    "redistribution_views",
]


# --- the plan against the database ------------------------------------------------------------


@dataclass(frozen=True)
class MemberPlanView:
    """One member of a grant's plan (or paid outside it): due, passed on, still to pass on."""

    member_id: int
    member_name: str
    amount_cents: int | None
    share_bp: int | None
    due_cents: int
    passed_cents: int
    remaining_cents: int


@dataclass(frozen=True)
class PlanState:
    received_cents: int
    passed_cents: int
    coordination_cents: int
    unplanned_cents: int
    remaining_cents: int
    members: tuple[MemberPlanView, ...]


@dataclass(frozen=True)
class RedistributionView:
    id: int
    grant_id: int
    member_id: int
    member_name: str
    date: dt.date
    amount_cents: int
    basis: str | None


def received_cents(session: Session, grant_id: int) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(Instalment.amount_cents), 0)).where(
            Instalment.grant_id == grant_id
        )
    )
    return int(total or 0)


def passed_by_member(
    session: Session, grant_id: int, *, exclude_id: int | None = None
) -> dict[int, int]:
    query = (
        select(Redistribution.member_id, func.sum(Redistribution.amount_cents))
        .where(Redistribution.grant_id == grant_id)
        .group_by(Redistribution.member_id)
    )
    if exclude_id is not None:
        query = query.where(Redistribution.id != exclude_id)
    return {member: int(total) for member, total in session.execute(query)}


def plan_lines(session: Session, grant_id: int) -> list[PlanLine]:
    rows = session.scalars(
        select(GrantPlanLine).where(GrantPlanLine.grant_id == grant_id).order_by(GrantPlanLine.id)
    )
    return [PlanLine(row.member_id, row.amount_cents, row.share_bp) for row in rows]


def member_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    return dict(session.execute(select(Member.id, Member.name).where(Member.id.in_(wanted))).all())


def plan_state(session: Session, grant: Grant, *, exclude_id: int | None = None) -> PlanState:
    """The plan of ``grant`` applied to its instalments, against its redistributions."""
    lines = plan_lines(session, grant.id)
    received = received_cents(session, grant.id)
    split = apply_plan(received, grant.amount_voted_cents, lines, grant.coordination_share_bp)
    passed = passed_by_member(session, grant.id, exclude_id=exclude_id)
    by_member = {line.member_id: line for line in lines}
    order = [line.member_id for line in lines] + sorted(set(passed) - set(by_member))
    names = member_names(session, order)
    members = []
    for member_id in order:
        line = by_member.get(member_id)
        due = split.due.get(member_id, 0)
        paid = passed.get(member_id, 0)
        members.append(
            MemberPlanView(
                member_id=member_id,
                member_name=names.get(member_id, ""),
                amount_cents=line.amount_cents if line else None,
                share_bp=line.share_bp if line else None,
                due_cents=due,
                passed_cents=paid,
                remaining_cents=due - paid,
            )
        )
    passed_total = sum(passed.values())
    return PlanState(
        received_cents=received,
        passed_cents=passed_total,
        coordination_cents=split.coordination_cents,
        unplanned_cents=split.unplanned_cents,
        remaining_cents=sum(split.due.values()) - passed_total,
        members=tuple(members),
    )


def check_open_date(session: Session, day: dt.date, what: str) -> None:
    """Refuse (``closed_year``) a money movement dated in a closed fiscal year."""
    year = fiscal_year_for(session, day)
    if is_closed(session, year.start_year):
        raise PtceError("closed_year", "date", year=year.label, what=what)


def _plan_basis(line: PlanLine, received: int, voted: int | None, member: MemberPlanView) -> str:
    """Why this amount, checkable on the page: the member's due under the plan and what it
    was already passed (« 40 % des 30 000,00 € reçus, soit 12 000,00 € ; déjà reversé
    2 000,00 € » next to a payment of 10 000,00 €)."""
    if line.share_bp is not None:
        rule = f"{format_percent(line.share_bp)} des {format_money(received)} reçus"
    else:
        voted_text = f" sur {format_money(voted)} votés" if voted else ""
        rule = (
            f"{format_money(line.amount_cents or 0)}{voted_text}, "
            f"au prorata des {format_money(received)} reçus"
        )
    text = f"Plan de reversement : {rule}, soit {format_money(member.due_cents)}"
    if member.passed_cents:
        text += f" ; déjà reversé {format_money(member.passed_cents)}"
    return text


# --- the service --------------------------------------------------------------------------------


class RedistributionService:
    """Pass a grant's money on to members, by hand or by the plan."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def record_redistribution(
        self,
        grant_id: int,
        member_id: int,
        date: dt.date,
        amount_cents: int,
        basis: str | None = None,
        *,
        force: bool = False,
    ) -> RedistributionView:
        """Record money passed on by hand; beyond the member's reste à reverser only if
        ``force``."""
        with self.uow.write("Enregistrer un reversement") as session:
            grant = get_or_error(session, Grant, grant_id, Entity.GRANT)
            row = Redistribution(grant_id=grant.id)
            self._apply(session, grant, row, member_id, date, amount_cents, basis, force)
            session.add(row)
            session.flush()
            return self._view(session, row)

    def update_redistribution(
        self,
        redistribution_id: int,
        member_id: int,
        date: dt.date,
        amount_cents: int,
        basis: str | None = None,
        *,
        force: bool = False,
    ) -> RedistributionView:
        with self.uow.write("Modifier un reversement") as session:
            row = get_or_error(session, Redistribution, redistribution_id, Entity.REDISTRIBUTION)
            check_open_date(session, row.date, "le reversement")
            self._apply(session, row.grant, row, member_id, date, amount_cents, basis, force)
            session.flush()
            return self._view(session, row)

    def delete_redistribution(self, redistribution_id: int) -> None:
        with self.uow.write("Supprimer un reversement") as session:
            row = get_or_error(session, Redistribution, redistribution_id, Entity.REDISTRIBUTION)
            check_open_date(session, row.date, "le reversement")
            session.delete(row)

    def redistribute_by_plan(self, grant_id: int, date: dt.date) -> list[RedistributionView]:
        """Pass on to each member of the plan its whole reste à reverser (when positive), in
        one action; returns the redistributions made (empty when nothing is due)."""
        with self.uow.write("Reverser selon le plan") as session:
            grant = get_or_error(session, Grant, grant_id, Entity.GRANT)
            check_open_date(session, date, "le reversement")
            state = plan_state(session, grant)
            lines = {line.member_id: line for line in plan_lines(session, grant.id)}
            rows = [
                Redistribution(
                    grant_id=grant.id,
                    member_id=member.member_id,
                    date=date,
                    amount_cents=member.remaining_cents,
                    basis=_plan_basis(
                        lines[member.member_id],
                        state.received_cents,
                        grant.amount_voted_cents,
                        member,
                    ),
                )
                for member in state.members
                if member.remaining_cents > 0 and member.member_id in lines
            ]
            session.add_all(rows)
            session.flush()
            names = {m.member_id: m.member_name for m in state.members}
            return [_to_view(row, names[row.member_id]) for row in rows]

    def list_redistributions(self, grant_id: int) -> list[RedistributionView]:
        with self.uow.read() as session:
            return redistribution_views(session, grant_id)

    def remaining_by_member(self, grant_id: int) -> PlanState:
        """The plan applied to what was received: due, passed on, remaining per member."""
        with self.uow.read() as session:
            return plan_state(session, get_or_error(session, Grant, grant_id, Entity.GRANT))

    # --- helpers ----------------------------------------------------------------------------

    def _apply(
        self,
        session: Session,
        grant: Grant,
        row: Redistribution,
        member_id: int,
        date: dt.date,
        amount_cents: int,
        basis: str | None,
        force: bool,
    ) -> None:
        if date is None:
            raise PtceError("required", "date", field_label="date")
        check_amount(amount_cents, "amount_cents", "montant", positive=True)
        member = get_or_error(session, Member, member_id, Entity.MEMBER)
        check_open_date(session, date, "le reversement")
        if not force:
            state = plan_state(session, grant, exclude_id=row.id)
            remaining = next(
                (m.remaining_cents for m in state.members if m.member_id == member_id), 0
            )
            if amount_cents > remaining:
                raise PtceError(
                    "redistribution_exceeds",
                    "amount_cents",
                    member=member.name,
                    **money_values("amount", amount_cents),
                    **money_values("remaining", remaining),
                )
        row.member_id = member.id
        row.date = date
        row.amount_cents = amount_cents
        row.basis = (basis or "").strip() or None

    def _view(self, session: Session, row: Redistribution) -> RedistributionView:
        return _to_view(row, member_names(session, [row.member_id]).get(row.member_id, ""))


def redistribution_views(session: Session, grant_id: int) -> list[RedistributionView]:
    rows = session.execute(
        select(Redistribution, Member.name)
        .join(Member, Member.id == Redistribution.member_id)
        .where(Redistribution.grant_id == grant_id)
        .order_by(Redistribution.date, Redistribution.id)
    )
    return [_to_view(row, name) for row, name in rows]


def _to_view(row: Redistribution, member_name: str) -> RedistributionView:
    return RedistributionView(
        id=row.id,
        grant_id=row.grant_id,
        member_id=row.member_id,
        member_name=member_name,
        date=row.date,
        amount_cents=row.amount_cents,
        basis=row.basis,
    )
