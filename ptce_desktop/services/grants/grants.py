"""Grants (subventions): their fields, status, forecast budget, plan, report texts, instalments.

Decisions where DESIGN.md leaves room:

* **Status stays a user decision**, with a suggestion on every view (see
  :func:`~.grant_views.suggested_status`). A new grant may start in any status (history is
  entered late); later changes follow the forward transitions, and
  :meth:`GrantService.revert_status` is the undo's inverse command, the only way back.
* **Forecast budget** lines go on printed rows of the Cerfa grid that take an amount: sub-rows,
  and group rows without sub-rows (65–68, 70, 73, 76–78); never a group with sub-rows, a
  heading or a total. A finer account (606) is refused with the row it prints on. A zero
  amount removes the line.
* **Fiscal year of a grant**: see :func:`~.grant_views.grant_in_year`.
* **Overhead rule** "key": the key must rest on physical units (units, usage or mixed keys);
  equal shares and fixed percentages are refused (EU funds, docs/research/domain.md b.5).
* A grant that has instalments or redistributions cannot be deleted (``grant_has_money``);
  an instalment on a refused grant is refused; instalments dated in a closed year are frozen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.categories import (
    GrantNature,
    GrantStatus,
    OverheadMethod,
    check_grant_transition,
)
from ptce_desktop.domain.cerfa import cerfa_line, children
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.services.common import check_date_order, get_or_error, parse_code
from ptce_desktop.services.grants.funders import labelled_text
from ptce_desktop.services.grants.plan import PlanLine, check_amount, check_bp, check_plan
from ptce_desktop.services.grants.redistributions import check_open_date, member_names, plan_lines
from ptce_desktop.services.grants.views import (
    VOTED_STATUSES,
    FunderTypeTotal,
    GrantDetail,
    GrantDraft,
    GrantReportTexts,
    GrantSummaryView,
    InstalmentDraft,
    InstalmentView,
    funder_type_totals,
    grant_detail_view,
    grant_summaries,
    instalment_view,
    report_texts_view,
)
from ptce_desktop.store.base import LEN_LABEL, LEN_REF
from ptce_desktop.store.models import (
    AllocationKey,
    Funder,
    Grant,
    GrantBudgetLine,
    GrantPlanLine,
    GrantReportText,
    Instalment,
    Project,
    Redistribution,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["GrantService"]

_PHYSICAL_KEYS = (Method.UNITS, Method.USAGE, Method.MIXED)
_TEXT_MAX = 20_000


def _budget_code(code: str) -> str:
    try:
        line = cerfa_line(code)
    except PtceError:
        raise PtceError("unknown_cerfa_line", "budget", value=code) from None
    if not line.printed:
        raise PtceError("budget_line_not_printed", "budget", account=code, target=line.target)
    if line.level in ("section", "total"):
        raise PtceError("budget_line_not_row", "budget", label=line.label_fr)
    if line.group and children(code):
        raise PtceError("budget_line_group", "budget", label=line.label_fr)
    return code


class GrantService:
    """Everything about one grant except passing its money on (see ``redistributions``)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    # --- the grant --------------------------------------------------------------------------

    def create_grant(self, draft: GrantDraft) -> GrantDetail:
        with self.uow.write("Créer une subvention") as session:
            row = Grant()
            self._apply(session, row, draft)
            session.add(row)
            session.flush()
            return self._detail(session, row)

    def update_grant(self, grant_id: int, draft: GrantDraft) -> GrantDetail:
        """Change every field; a status change must follow the forward transitions."""
        with self.uow.write("Modifier une subvention") as session:
            row = get_or_error(session, Grant, grant_id, Entity.GRANT)
            old_status = row.status
            self._apply(session, row, draft)
            check_grant_transition(old_status, row.status)
            session.flush()
            return self._detail(session, row)

    def set_status(self, grant_id: int, status: str) -> GrantDetail:
        with self.uow.write("Changer le statut d'une subvention") as session:
            row = get_or_error(session, Grant, grant_id, Entity.GRANT)
            new = _status(status)
            check_grant_transition(row.status, new)
            _check_voted(new, row.amount_voted_cents)
            row.status = new
            session.flush()
            return self._detail(session, row)

    def revert_status(self, grant_id: int, status: str) -> GrantDetail:
        """Undo of a status change: any status back, still with a voted amount when needed."""
        with self.uow.write("Rétablir le statut d'une subvention") as session:
            row = get_or_error(session, Grant, grant_id, Entity.GRANT)
            new = _status(status)
            _check_voted(new, row.amount_voted_cents)
            row.status = new
            session.flush()
            return self._detail(session, row)

    def delete_grant(self, grant_id: int) -> None:
        with self.uow.write("Supprimer une subvention") as session:
            row = get_or_error(session, Grant, grant_id, Entity.GRANT)
            instalments = _count(session, Instalment, grant_id)
            redistributions = _count(session, Redistribution, grant_id)
            if instalments or redistributions:
                raise PtceError(
                    "grant_has_money",
                    grant=row.title,
                    instalments=instalments,
                    redistributions=redistributions,
                )
            session.delete(row)

    # --- budget, plan, report texts ---------------------------------------------------------

    def set_budget_lines(self, grant_id: int, amounts: Mapping[str, int]) -> GrantDetail:
        """Replace the forecast budget: Cerfa row code -> cents (0 removes the row)."""
        with self.uow.write("Modifier le budget prévisionnel d'une subvention") as session:
            grant = get_or_error(session, Grant, grant_id, Entity.GRANT)
            wanted: dict[str, int] = {}
            for code, cents in amounts.items():
                check_amount(cents, "budget", "budget prévisionnel")
                if cents:
                    wanted[_budget_code(code)] = cents
            existing = {line.cerfa_code: line for line in grant.budget_lines}
            for code, line in existing.items():
                if code not in wanted:
                    session.delete(line)
                elif line.amount_cents != wanted[code]:
                    line.amount_cents = wanted[code]
            for code, cents in wanted.items():
                if code not in existing:
                    session.add(
                        GrantBudgetLine(grant_id=grant.id, cerfa_code=code, amount_cents=cents)
                    )
            session.flush()
            session.expire(grant)
            return self._detail(session, grant)

    def set_plan(
        self,
        grant_id: int,
        lines: Sequence[PlanLine],
        coordination_share_bp: int | None = None,
    ) -> GrantDetail:
        """Replace the redistribution plan (and the coordination share, when given)."""
        with self.uow.write("Modifier le plan de reversement") as session:
            grant = get_or_error(session, Grant, grant_id, Entity.GRANT)
            coordination = (
                grant.coordination_share_bp
                if coordination_share_bp is None
                else coordination_share_bp
            )
            names = member_names(session, [line.member_id for line in lines])
            for line in lines:
                if line.member_id not in names:
                    raise PtceError("not_found", "plan", entity=Entity.MEMBER, id=line.member_id)
            check_plan(lines, coordination, grant.amount_voted_cents, names)
            grant.coordination_share_bp = coordination
            wanted = {line.member_id: line for line in lines}
            existing = {row.member_id: row for row in grant.plan_lines}
            for member_id, row in existing.items():
                if member_id not in wanted:
                    session.delete(row)
                else:
                    row.amount_cents = wanted[member_id].amount_cents
                    row.share_bp = wanted[member_id].share_bp
            for member_id, line in wanted.items():
                if member_id not in existing:
                    session.add(
                        GrantPlanLine(
                            grant_id=grant.id,
                            member_id=member_id,
                            amount_cents=line.amount_cents,
                            share_bp=line.share_bp,
                        )
                    )
            session.flush()
            session.expire(grant)
            return self._detail(session, grant)

    def set_report_texts(self, grant_id: int, texts: GrantReportTexts) -> GrantReportTexts:
        with self.uow.write("Modifier le compte rendu d'une subvention") as session:
            grant = get_or_error(session, Grant, grant_id, Entity.GRANT)
            row = grant.report_text or GrantReportText(grant_id=grant.id)
            for field in fields(GrantReportTexts):
                value = getattr(texts, field.name)
                setattr(row, field.name, (value or "").strip() or None)
            session.add(row)
            session.flush()
            return report_texts_view(row)

    # --- instalments ------------------------------------------------------------------------

    def add_instalment(self, grant_id: int, draft: InstalmentDraft) -> InstalmentView:
        with self.uow.write("Enregistrer un versement") as session:
            grant = get_or_error(session, Grant, grant_id, Entity.GRANT)
            row = Instalment(grant_id=grant.id)
            _apply_instalment(session, grant, row, draft)
            session.add(row)
            session.flush()
            return instalment_view(row)

    def update_instalment(self, instalment_id: int, draft: InstalmentDraft) -> InstalmentView:
        with self.uow.write("Modifier un versement") as session:
            row = get_or_error(session, Instalment, instalment_id, Entity.INSTALMENT)
            check_open_date(session, row.date, "le versement")
            _apply_instalment(session, row.grant, row, draft)
            session.flush()
            return instalment_view(row)

    def delete_instalment(self, instalment_id: int) -> None:
        with self.uow.write("Supprimer un versement") as session:
            row = get_or_error(session, Instalment, instalment_id, Entity.INSTALMENT)
            check_open_date(session, row.date, "le versement")
            session.delete(row)

    # --- reads ------------------------------------------------------------------------------

    def grant_detail(self, grant_id: int) -> GrantDetail:
        with self.uow.read() as session:
            return self._detail(session, get_or_error(session, Grant, grant_id, Entity.GRANT))

    def suggested_status(self, grant_id: int) -> str:
        """The status the money received suggests (the user decides; see grant_views)."""
        return self.grant_detail(grant_id).suggested_status

    def list_grants(
        self,
        year: int | None = None,
        funder_id: int | None = None,
        project_id: int | None = None,
    ) -> list[GrantSummaryView]:
        """Grants (of a fiscal year, a funder, a project), with their money in SQL sums and
        the plan applied to it."""
        with self.uow.read() as session:
            return grant_summaries(session, year, funder_id, project_id)

    def totals_by_funder_type(
        self, year: int, project_id: int | None = None
    ) -> list[FunderTypeTotal]:
        """Per funder type, the grants of the fiscal year (see :func:`funder_type_totals`)."""
        with self.uow.read() as session:
            return funder_type_totals(session, year, project_id)

    # --- helpers ----------------------------------------------------------------------------

    def _apply(self, session: Session, row: Grant, draft: GrantDraft) -> None:
        funder = get_or_error(session, Funder, draft.funder_id, Entity.FUNDER)
        if draft.project_id is not None:
            get_or_error(session, Project, draft.project_id, Entity.PROJECT)
        title = labelled_text(draft.title, "title", "intitulé", required=True, max_length=LEN_LABEL)
        status = _status(draft.status)
        nature = parse_code(GrantNature, draft.nature, "grant_nature_unknown", "nature")
        for name, label in (
            ("amount_requested_cents", "montant demandé"),
            ("amount_voted_cents", "montant voté"),
            ("amount_to_repay_cents", "montant à reverser au financeur"),
        ):
            check_amount(getattr(draft, name), name, label)
        _check_voted(status, draft.amount_voted_cents)
        check_date_order(draft.period_start, draft.period_end, "period_end")
        check_bp(draft.coordination_share_bp, "coordination_share_bp", "part de coordination")
        refs = {
            name: labelled_text(getattr(draft, name), name, label, max_length=LEN_REF)
            for name, label in (
                ("decision_ref", "référence de la décision"),
                ("convention_ref", "référence de la convention"),
            )
        }
        overhead = self._overhead(session, draft)
        if row.id is not None:
            lines = plan_lines(session, row.id)
            names = member_names(session, [line.member_id for line in lines])
            check_plan(lines, draft.coordination_share_bp, draft.amount_voted_cents, names)
        row.funder_id = funder.id
        row.project_id = draft.project_id
        row.title = title or ""
        row.status = status
        row.nature = nature
        row.staged = draft.staged
        row.decision_ref = refs["decision_ref"]
        row.convention_ref = refs["convention_ref"]
        for name in (
            "amount_requested_cents",
            "amount_voted_cents",
            "decision_date",
            "convention_date",
            "period_start",
            "period_end",
            "report_due",
            "coordination_share_bp",
        ):
            setattr(row, name, getattr(draft, name))
        row.amount_to_repay_cents = draft.amount_to_repay_cents or 0
        for name, value in overhead.items():
            setattr(row, name, value)

    def _overhead(self, session: Session, draft: GrantDraft) -> dict[str, object]:
        """The checked overhead columns (assigned by the caller after every query, so one
        action leaves one audit entry per record)."""
        method = parse_code(
            OverheadMethod, draft.overhead_method, "overhead_method_unknown", "overhead_method"
        )
        rate: int | None = None
        key_id: int | None = None
        if method is OverheadMethod.FLAT_RATE:
            check_bp(draft.overhead_rate_bp, "overhead_rate_bp", "taux forfaitaire")
            if not draft.overhead_rate_bp:
                raise PtceError("overhead_rate_required", "overhead_rate_bp")
            rate = draft.overhead_rate_bp
        elif method is OverheadMethod.KEY:
            if draft.overhead_key_id is None:
                raise PtceError("overhead_key_required", "overhead_key_id")
            key = get_or_error(session, AllocationKey, draft.overhead_key_id, Entity.ALLOCATION_KEY)
            if key.method not in _PHYSICAL_KEYS:
                raise PtceError("overhead_key_not_physical", "overhead_key_id", key=key.name)
            key_id = key.id
        return {
            "overhead_method": method,
            "overhead_rate_bp": rate,
            "overhead_key_id": key_id,
            "overhead_note": labelled_text(
                draft.overhead_note, "overhead_note", "note", max_length=_TEXT_MAX
            ),
        }

    def _detail(self, session: Session, row: Grant) -> GrantDetail:
        return grant_detail_view(session, row)


def _status(value: str) -> GrantStatus:
    return parse_code(GrantStatus, value, "grant_status_unknown", "status")


def _check_voted(status: GrantStatus, voted_cents: int | None) -> None:
    if voted_cents is None and status in VOTED_STATUSES:
        raise PtceError(
            "grant_voted_required",
            "amount_voted_cents",
            status_fr=status.label("fr"),
            status_en=status.label("en"),
        )


def _count(session: Session, model: type[Instalment] | type[Redistribution], grant_id: int) -> int:
    return int(session.scalar(select(func.count(model.id)).where(model.grant_id == grant_id)) or 0)


def _apply_instalment(
    session: Session, grant: Grant, row: Instalment, draft: InstalmentDraft
) -> None:
    if grant.status is GrantStatus.REFUSEE:
        raise PtceError("grant_refused_no_instalment", "grant_id", grant=grant.title)
    if draft.date is None:
        raise PtceError("required", "date", field_label="date")
    check_amount(draft.amount_cents, "amount_cents", "montant", positive=True)
    check_open_date(session, draft.date, "le versement")
    row.date = draft.date
    row.amount_cents = draft.amount_cents
    row.reference = labelled_text(draft.reference, "reference", "référence", max_length=LEN_REF)
