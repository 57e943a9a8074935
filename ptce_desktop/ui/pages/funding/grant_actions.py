"""Every change of the funding page as one service call pushed on the undo stack.

Commands hold refs (:meth:`UndoHistory.ref`) taken when they are recorded — the grant, its
funder, the members of a plan — so they find their records again after a delete was undone (a
re-created grant has a new id, and SQLite may hand its old id to another record). A status
change undoes through :meth:`GrantService.revert_status` (the forward rule does not allow going
back). Replaying a redistribution (undo of an edit or a delete) passes ``force``: it restores an
amount the user had already accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ptce_desktop.services.grants.funders import FunderDraft, FunderService, FunderView
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.plan import PlanLine
from ptce_desktop.services.grants.redistributions import RedistributionService, RedistributionView
from ptce_desktop.services.grants.report_sheet import ReportSheet, ReportSheetService
from ptce_desktop.services.grants.views import (
    GrantDetail,
    GrantDraft,
    GrantReportTexts,
    InstalmentDraft,
    InstalmentView,
)

if TYPE_CHECKING:
    from ptce_desktop.ui.shell.context import AppContext

translate = QCoreApplication.translate

GRANT = "grant"


def draft_of(detail: GrantDetail) -> GrantDraft:
    return GrantDraft(**{f.name: getattr(detail, f.name) for f in fields(GrantDraft)})


def plan_of(detail: GrantDetail) -> list[PlanLine]:
    """The plan lines (members paid outside the plan have neither amount nor share)."""
    return [
        PlanLine(m.member_id, m.amount_cents, m.share_bp)
        for m in detail.plan
        if m.amount_cents is not None or m.share_bp is not None
    ]


def budget_of(detail: GrantDetail) -> dict[str, int]:
    return {line.cerfa_code: line.amount_cents for line in detail.budget_lines}


def _named(text: str, name: str) -> str:
    """``text`` with ``%1`` replaced by ``name`` (cut at 40 characters for the Edit menu)."""
    return text.replace("%1", name if len(name) <= 40 else name[:39] + "…")


class GrantActions:
    """Funders, grants and their money, with undo."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.history = ctx.history
        self.grants: GrantService = ctx.service(GrantService)
        self.funders: FunderService = ctx.service(FunderService)
        self.redistributions: RedistributionService = ctx.service(RedistributionService)
        self.sheets: ReportSheetService = ctx.service(ReportSheetService)

    # Records named by a step are taken as refs when the step is recorded (a deleted funder or
    # member may come back under another id); these build the values at replay time.
    def _draft(self, draft: GrantDraft) -> Callable[[], GrantDraft]:
        funder = self.history.ref("funder", draft.funder_id)
        return lambda: replace(draft, funder_id=funder.id)

    def _lines(self, lines: list[PlanLine]) -> Callable[[], list[PlanLine]]:
        refs = [(self.history.ref("member", line.member_id), line) for line in lines]
        return lambda: [replace(line, member_id=ref.id) for ref, line in refs]

    # --- funders -----------------------------------------------------------------------------
    def create_funder(self, draft: FunderDraft) -> FunderView:
        return self.history.create(
            _named(translate("GrantActions", "Add funder “%1”"), draft.name),
            "funder",
            lambda: self.funders.create_funder(draft),
            self.funders.delete_funder,
        )

    def update_funder(self, funder: FunderView, draft: FunderDraft) -> FunderView:
        before = FunderDraft(funder.name, funder.type, funder.contact, funder.notes)
        return self.history.update(
            _named(translate("GrantActions", "Edit funder “%1”"), draft.name),
            "funder",
            funder.id,
            self.funders.update_funder,
            before,
            draft,
        )

    def delete_funder(self, funder: FunderView) -> None:
        before = FunderDraft(funder.name, funder.type, funder.contact, funder.notes)
        self.history.delete(
            _named(translate("GrantActions", "Delete funder “%1”"), funder.name),
            "funder",
            funder.id,
            self.funders.delete_funder,
            lambda: self.funders.create_funder(before),
        )

    # --- grants ------------------------------------------------------------------------------
    def create_grant(self, draft: GrantDraft) -> GrantDetail:
        make = self._draft(draft)
        return self.history.create(
            _named(translate("GrantActions", "Add grant “%1”"), draft.title),
            GRANT,
            lambda: self.grants.create_grant(make()),
            self.grants.delete_grant,
        )

    def _update_keeping_status(self, grant_id: int, make: Callable[[], GrantDraft]) -> GrantDetail:
        # the status has its own undoable command: an edit never moves it
        current = self.grants.grant_detail(grant_id).status
        return self.grants.update_grant(grant_id, replace(make(), status=current))

    def update_grant(self, grant: GrantDetail, draft: GrantDraft, text: str = "") -> GrantDetail:
        return self.history.update(
            text or _named(translate("GrantActions", "Edit grant “%1”"), draft.title),
            GRANT,
            grant.id,
            self._update_keeping_status,
            self._draft(draft_of(grant)),
            self._draft(draft),
        )

    def delete_grant(self, grant: GrantDetail) -> None:
        draft, budget, plan = draft_of(grant), budget_of(grant), plan_of(grant)
        texts, sheet = grant.report_texts, grant.report_sheet
        make_draft, make_plan = self._draft(draft), self._lines(plan)

        def recreate() -> GrantDetail:
            view = self.grants.create_grant(make_draft())
            if budget:
                self.grants.set_budget_lines(view.id, budget)
            if plan:
                self.grants.set_plan(view.id, make_plan(), draft.coordination_share_bp)
            if texts != GrantReportTexts():
                self.grants.set_report_texts(view.id, texts)
            if sheet != ReportSheet():
                self.sheets.set_sheet(view.id, sheet)
            return view

        self.history.delete(
            _named(translate("GrantActions", "Delete grant “%1”"), grant.title),
            GRANT,
            grant.id,
            self.grants.delete_grant,
            recreate,
        )

    def set_status(self, grant: GrantDetail, status: str) -> GrantDetail:
        old, ref = grant.status, self.history.ref(GRANT, grant.id)
        return self.history.run(
            _named(translate("GrantActions", "Change the status of “%1”"), grant.title),
            lambda: self.grants.set_status(ref.id, status),
            lambda: self.grants.revert_status(ref.id, old),
        )

    def set_budget(self, grant: GrantDetail, amounts: dict[str, int]) -> GrantDetail:
        return self.history.update(
            _named(translate("GrantActions", "Forecast budget of “%1”"), grant.title),
            GRANT,
            grant.id,
            self.grants.set_budget_lines,
            budget_of(grant),
            amounts,
        )

    def set_plan(self, grant: GrantDetail, lines: list[PlanLine], coordination_bp: int) -> Any:
        def apply(grant_id: int, state: tuple[Callable[[], list[PlanLine]], int]) -> GrantDetail:
            return self.grants.set_plan(grant_id, state[0](), state[1])

        return self.history.update(
            _named(translate("GrantActions", "Redistribution plan of “%1”"), grant.title),
            GRANT,
            grant.id,
            apply,
            (self._lines(plan_of(grant)), grant.coordination_share_bp),
            (self._lines(lines), coordination_bp),
        )

    def set_report_texts(self, grant: GrantDetail, texts: GrantReportTexts) -> GrantReportTexts:
        return self.history.update(
            _named(translate("GrantActions", "Report texts of “%1”"), grant.title),
            GRANT,
            grant.id,
            self.grants.set_report_texts,
            grant.report_texts,
            texts,
        )

    def set_report_sheet(self, grant: GrantDetail, sheet: ReportSheet) -> ReportSheet:
        """Feuillet 1 (objectives, indicators, beneficiaries, dates, places) in one step."""
        return self.history.update(
            _named(translate("GrantActions", "Report sheet 1 of “%1”"), grant.title),
            GRANT,
            grant.id,
            self.sheets.set_sheet,
            grant.report_sheet,
            sheet,
        )

    # --- instalments -------------------------------------------------------------------------
    def add_instalment(self, grant: GrantDetail, draft: InstalmentDraft) -> InstalmentView:
        ref = self.history.ref(GRANT, grant.id)
        return self.history.create(
            _named(translate("GrantActions", "Instalment of “%1”"), grant.title),
            "instalment",
            lambda: self.grants.add_instalment(ref.id, draft),
            self.grants.delete_instalment,
        )

    def update_instalment(self, instalment: InstalmentView, draft: InstalmentDraft) -> Any:
        before = InstalmentDraft(instalment.date, instalment.amount_cents, instalment.reference)
        return self.history.update(
            translate("GrantActions", "Change an instalment"),
            "instalment",
            instalment.id,
            self.grants.update_instalment,
            before,
            draft,
        )

    def delete_instalment(self, instalment: InstalmentView) -> None:
        before = InstalmentDraft(instalment.date, instalment.amount_cents, instalment.reference)
        ref = self.history.ref(GRANT, instalment.grant_id)
        self.history.delete(
            translate("GrantActions", "Delete an instalment"),
            "instalment",
            instalment.id,
            self.grants.delete_instalment,
            lambda: self.grants.add_instalment(ref.id, before),
        )

    # --- redistributions ---------------------------------------------------------------------
    def record_redistribution(
        self,
        grant: GrantDetail,
        member_id: int,
        day: dt.date,
        cents: int,
        basis: str | None,
        force: bool,
    ) -> RedistributionView:
        ref, member = self.history.ref(GRANT, grant.id), self.history.ref("member", member_id)
        return self.history.create(
            _named(translate("GrantActions", "Redistribution of “%1”"), grant.title),
            "redistribution",
            lambda: self.redistributions.record_redistribution(
                ref.id, member.id, day, cents, basis, force=force
            ),
            self.redistributions.delete_redistribution,
        )

    def update_redistribution(
        self,
        view: RedistributionView,
        member_id: int,
        day: dt.date,
        cents: int,
        basis: str | None,
        force: bool,
    ) -> RedistributionView:
        service, history = self.redistributions, self.history
        ref = history.ref("redistribution", view.id)
        after, before = history.ref("member", member_id), history.ref("member", view.member_id)
        return history.run(
            translate("GrantActions", "Change a redistribution"),
            lambda: service.update_redistribution(ref.id, after.id, day, cents, basis, force=force),
            # the previous values were accepted once: restoring them needs no new consent
            lambda: service.update_redistribution(
                ref.id, before.id, view.date, view.amount_cents, view.basis, force=True
            ),
        )

    def delete_redistribution(self, view: RedistributionView) -> None:
        ref, member = (
            self.history.ref(GRANT, view.grant_id),
            self.history.ref("member", view.member_id),
        )
        self.history.delete(
            translate("GrantActions", "Delete a redistribution"),
            "redistribution",
            view.id,
            self.redistributions.delete_redistribution,
            lambda: self.redistributions.record_redistribution(
                ref.id, member.id, view.date, view.amount_cents, view.basis, force=True
            ),
        )

    def redistribute_by_plan(self, grant: GrantDetail, day: dt.date) -> list[RedistributionView]:
        ref = self.history.ref(GRANT, grant.id)
        made: list[int] = []

        def do() -> list[RedistributionView]:
            views = self.redistributions.redistribute_by_plan(ref.id, day)
            made[:] = [view.id for view in views]
            return views

        def undo() -> None:
            for record_id in made:
                self.redistributions.delete_redistribution(record_id)

        return self.history.run(
            _named(translate("GrantActions", "Pass on “%1” by its plan"), grant.title), do, undo
        )
