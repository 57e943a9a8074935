"""The member register: identity, archiving, deletion, yearly figures, categories, eligibility.

Decisions (DESIGN §3 leaves them open):

* a member is **archived** when it has a leaving date (``left_on``); archiving keeps every
  record. ``include_archived=False`` hides members with a leaving date;
* a member is **active in a fiscal year** when it joined on or before the year's last day (or
  has no joining date) and left on or after its first day (or has not left);
* a member is **deleted** only when nothing of the money side refers to it: shares, calls,
  payments, redistributions, redistribution-plan lines, and also allocation-key units, usage
  records and in-kind contributions (the database refuses those deletions anyway). Otherwise
  ``member_in_use`` says what it has and suggests archiving. Yearly figures and project
  participations go with it;
* the postcode is French (5 digits): the register has no country field;
* yearly figures are declared, not frozen by a closed year (only shares, calls and payments
  freeze, DESIGN §4b); clearing every figure removes the year's row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.categories import Eligibility, MemberCategory, eligibility
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import (
    format_siret,
    siren_of_vat_number,
    validate_eu_vat_number,
    validate_rna,
    validate_siren,
    validate_siret,
    vat_number_of_siren,
)
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.services.common import fiscal_year, fiscal_year_for, get_or_error
from ptce_desktop.services.costs.shares import recompute_open_costs
from ptce_desktop.services.members.detail import MemberDetail, YearFigures, load_member_detail
from ptce_desktop.services.members.detail import active_condition as active_condition
from ptce_desktop.services.members.input import (
    COUNT_MAX,
    NOTES_MAX,
    check_year,
    email,
    figure,
    identifier,
    phone,
    postcode,
    text,
)
from ptce_desktop.services.members.lists import (
    CategoryCount,
    MemberRow,
    category_counts,
    member_rows,
)
from ptce_desktop.store.base import (
    LEN_SHORT,
    MONEY_MAX,
    UNITS_MAX,
)
from ptce_desktop.store.models import (
    Call,
    GrantPlanLine,
    InKindContribution,
    KeyVersionUnit,
    Member,
    MemberYearFigures,
    Payment,
    Redistribution,
    Share,
    UsageRecord,
)
from ptce_desktop.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class MemberDraft:
    """What the member form holds; identifiers may be typed with spaces or dots."""

    name: str
    category: str = MemberCategory.ESS_ENTERPRISE.value
    short_name: str | None = None
    legal_form: str | None = None
    siret: str | None = None
    siren: str | None = None
    rna: str | None = None
    #: intra-community VAT number, any EU country (printed on the invoices it receives)
    vat_number: str | None = None
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    contact_name: str | None = None
    email: str | None = None
    phone: str | None = None
    joined_on: dt.date | None = None
    left_on: dt.date | None = None
    college: str | None = None
    qpv: bool = False
    notes: str | None = None


_DRAFT_FIELDS = tuple(f.name for f in fields(MemberDraft))


@dataclass(frozen=True, kw_only=True)
class MemberView(MemberDraft):
    """A member as stored (identifiers compact), with display helpers."""

    id: int
    category_label: str
    siret_display: str | None

    @property
    def archived(self) -> bool:
        return self.left_on is not None

    def to_draft(self) -> MemberDraft:
        return MemberDraft(**{name: getattr(self, name) for name in _DRAFT_FIELDS})


def category_of(value: str) -> MemberCategory:
    try:
        return MemberCategory(value)
    except ValueError:
        raise PtceError("member_category_unknown", "category", value=value) from None


def _validated(draft: MemberDraft) -> dict[str, Any]:
    """Column values of a valid draft, or the first ``PtceError`` with its field."""
    siret = identifier(draft.siret, "siret", validate_siret)
    siren = identifier(draft.siren, "siren", validate_siren)
    if siret is not None:
        if siren is None:
            siren = siret[:9]
        elif siren != siret[:9]:
            raise PtceError("siren_mismatch", "siren", siren=siren, siret=siret)
    vat_number = identifier(draft.vat_number, "vat_number", validate_eu_vat_number)
    _check_vat_siren(vat_number, siren)
    if draft.joined_on and draft.left_on and draft.left_on < draft.joined_on:
        raise PtceError(
            "member_left_before_joined",
            "left_on",
            joined=draft.joined_on.strftime("%d/%m/%Y"),
            left=draft.left_on.strftime("%d/%m/%Y"),
        )
    return {
        "name": text(draft.name, "name", required=True),
        "short_name": text(draft.short_name, "short_name", max_length=LEN_SHORT),
        "category": category_of(draft.category),
        "legal_form": text(draft.legal_form, "legal_form", max_length=LEN_SHORT),
        "siret": siret,
        "siren": siren,
        "rna": identifier(draft.rna, "rna", validate_rna),
        "vat_number": vat_number,
        "address": text(draft.address, "address"),
        "postcode": postcode(draft.postcode),
        "city": text(draft.city, "city", max_length=LEN_SHORT * 2),
        "contact_name": text(draft.contact_name, "contact_name"),
        "email": email(draft.email),
        "phone": phone(draft.phone),
        "joined_on": draft.joined_on,
        "left_on": draft.left_on,
        "college": text(draft.college, "college", max_length=LEN_SHORT * 2),
        "qpv": bool(draft.qpv),
        "notes": text(draft.notes, "notes", max_length=NOTES_MAX),
    }


def _check_vat_siren(vat_number: str | None, siren: str | None) -> None:
    """A French VAT number holds the SIREN (FR, 2 key digits, SIREN): both must agree."""
    if vat_number is None or siren is None:
        return
    inside = siren_of_vat_number(vat_number)
    if inside is not None and inside != siren:
        raise PtceError(
            "vat_siren_mismatch",
            "vat_number",
            vat_number=vat_number,
            siren=siren,
            key=vat_number_of_siren(siren)[2:4],
        )


def member_view(row: Member) -> MemberView:
    values = {name: getattr(row, name) for name in _DRAFT_FIELDS}
    return MemberView(
        **values,
        id=row.id,
        category_label=row.category.label(),
        siret_display=format_siret(row.siret) if row.siret else None,
    )


_IN_USE: tuple[tuple[str, Any, tuple[str, str], tuple[str, str]], ...] = (
    ("shares", Share, ("quote-part", "quotes-parts"), ("cost share", "cost shares")),
    ("calls", Call, ("appel de fonds", "appels de fonds"), ("call for funds", "calls for funds")),
    ("payments", Payment, ("règlement", "règlements"), ("payment", "payments")),
    (
        "redistributions",
        Redistribution,
        ("reversement", "reversements"),
        ("redistribution", "redistributions"),
    ),
    (
        "plan_lines",
        GrantPlanLine,
        ("ligne de plan de reversement", "lignes de plan de reversement"),
        ("redistribution plan line", "redistribution plan lines"),
    ),
    (
        "key_units",
        KeyVersionUnit,
        ("ligne de clé de répartition", "lignes de clé de répartition"),
        ("allocation key entry", "allocation key entries"),
    ),
    (
        "usage_records",
        UsageRecord,
        ("relevé d'utilisation", "relevés d'utilisation"),
        ("usage record", "usage records"),
    ),
    (
        "in_kind",
        InKindContribution,
        ("contribution en nature", "contributions en nature"),
        ("in-kind contribution", "in-kind contributions"),
    ),
)


def _enumerate(parts: list[str], last_word: str) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {last_word} {parts[-1]}"


def _in_use(session: Session, row: Member) -> PtceError | None:
    """``member_in_use`` naming the money records of ``row``, or None when it has none."""
    counts = _usage_counts(session, row.id)
    used = [(name, fr, en) for name, _, fr, en in _IN_USE if counts[name]]
    if not used:
        return None
    fr = [f"{counts[n]} {f[0] if counts[n] == 1 else f[1]}" for n, f, _ in used]
    en = [f"{counts[n]} {e[0] if counts[n] == 1 else e[1]}" for n, _, e in used]
    return PtceError(
        "member_in_use",
        None,
        name=row.name,
        details=_enumerate(fr, "et"),
        details_en=_enumerate(en, "and"),
        **counts,
    )


def _usage_counts(session: Session, member_id: int) -> dict[str, int]:
    """How many money records name the member, in one statement."""
    subqueries = [
        select(func.count()).select_from(model).where(model.member_id == member_id)
        for _, model, _, _ in _IN_USE
    ]
    row = session.execute(select(*(q.scalar_subquery() for q in subqueries))).one()
    return {name: int(count) for (name, *_), count in zip(_IN_USE, row, strict=True)}


def _presence_change(
    row: Member, joined_on: dt.date | None, left_on: dt.date | None
) -> dt.date | None:
    """The earliest day whose splits a change of presence dates affects (None: no change).

    Shares of open years always reflect the members' current dates: costs whose period ends
    on or after that day are recomputed (closed years are never touched). A new member takes
    part in the costs entered, or recomputed, after its creation.
    """
    if (row.joined_on, row.left_on) == (joined_on, left_on):
        return None
    days = [d for d in (row.joined_on, joined_on, row.left_on, left_on) if d is not None]
    changed_joined = row.joined_on != joined_on and (row.joined_on is None or joined_on is None)
    return dt.date.min if changed_joined or not days else min(days)


class MemberService:
    """Use cases of the member register (one public method = one user action)."""

    def __init__(self, uow: UnitOfWork, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.uow = uow
        self._today = today

    # --- writes -------------------------------------------------------------------------------
    def create(self, draft: MemberDraft) -> MemberView:
        values = _validated(draft)
        with self.uow.write("Créer un membre") as session:
            row = Member(**values)
            session.add(row)
            session.flush()
            return member_view(row)

    def update(self, member_id: int, draft: MemberDraft) -> MemberView:
        values = _validated(draft)
        with self.uow.write("Modifier un membre") as session:
            row = get_or_error(session, Member, member_id, Entity.MEMBER)
            moved = _presence_change(row, values.get("joined_on"), values.get("left_on"))
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
            session.flush()
            if moved is not None:
                recompute_open_costs(session, ending_from=moved)
            return member_view(row)

    def archive(self, member_id: int, left_on: dt.date) -> MemberView:
        """Give the member a leaving date: it stays in every past figure and document."""
        with self.uow.write("Archiver un membre") as session:
            row = get_or_error(session, Member, member_id, Entity.MEMBER)
            if row.joined_on is not None and left_on < row.joined_on:
                raise PtceError(
                    "member_left_before_joined",
                    "left_on",
                    joined=row.joined_on.strftime("%d/%m/%Y"),
                    left=left_on.strftime("%d/%m/%Y"),
                )
            moved = _presence_change(row, row.joined_on, left_on)
            row.left_on = left_on
            session.flush()
            if moved is not None:
                recompute_open_costs(session, ending_from=moved)
            return member_view(row)

    def delete(self, member_id: int) -> None:
        """Delete a member that has no money record; otherwise ``member_in_use``."""
        with self.uow.write("Supprimer un membre") as session:
            row = get_or_error(session, Member, member_id, Entity.MEMBER)
            problem = _in_use(session, row)
            if problem is not None:
                raise problem
            session.delete(row)

    def delete_problem(self, member_id: int) -> PtceError | None:
        """Why :meth:`delete` would refuse (``member_in_use``), or None: checked before the
        window asks to confirm, so it never confirms a deletion that will be refused."""
        with self.uow.read() as session:
            return _in_use(session, get_or_error(session, Member, member_id, Entity.MEMBER))

    def set_year_figures(
        self,
        member_id: int,
        year: int,
        headcount: int | None = None,
        etp_milli: int | None = None,
        jobs_created: int | None = None,
        jobs_maintained: int | None = None,
        volunteers: int | None = None,
        turnover_cents: int | None = None,
    ) -> YearFigures | None:
        """Declare a member's figures for a fiscal year (None = not declared)."""
        check_year(year)
        values = {
            "headcount": figure(headcount, "headcount", COUNT_MAX),
            "etp_milli": figure(etp_milli, "etp_milli", UNITS_MAX),
            "jobs_created": figure(jobs_created, "jobs_created", COUNT_MAX),
            "jobs_maintained": figure(jobs_maintained, "jobs_maintained", COUNT_MAX),
            "volunteers": figure(volunteers, "volunteers", COUNT_MAX),
            "turnover_cents": figure(turnover_cents, "turnover_cents", MONEY_MAX),
        }
        with self.uow.write("Saisir les chiffres annuels d'un membre") as session:
            get_or_error(session, Member, member_id, Entity.MEMBER)
            row = session.scalars(
                select(MemberYearFigures).where(
                    MemberYearFigures.member_id == member_id, MemberYearFigures.year == year
                )
            ).one_or_none()
            if all(value is None for value in values.values()):
                if row is not None:
                    session.delete(row)
                return None
            if row is None:
                row = MemberYearFigures(member_id=member_id, year=year)
                session.add(row)
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
            return YearFigures(year=year, **values)

    # --- reads --------------------------------------------------------------------------------
    def get(self, member_id: int) -> MemberView:
        with self.uow.read() as session:
            return member_view(get_or_error(session, Member, member_id, Entity.MEMBER))

    def _year(self, session: Session, year: int | None) -> FiscalYear:
        if year is None:
            return fiscal_year_for(session, self._today())
        return fiscal_year(session, check_year(year))

    def list_members(
        self, *, include_archived: bool = True, year: int | None = None
    ) -> list[MemberRow]:
        """Every member with its activity flag and figures for ``year`` (default: the
        current fiscal year), in one query, sorted by name ignoring accents and case."""
        with self.uow.read() as session:
            fy = self._year(session, year)
            return member_rows(session, fy, include_archived=include_archived)

    def member_detail(self, member_id: int, year: int | None = None) -> MemberDetail:
        """Identity, figures, services used, shares by service and quarter, calls, payments
        and balance of one member for a fiscal year (default: the current one)."""
        with self.uow.read() as session:
            row = get_or_error(session, Member, member_id, Entity.MEMBER)
            return load_member_detail(session, member_view(row), self._year(session, year))

    def members_by_category(self, year: int) -> list[CategoryCount]:
        """One line per category (every category, in the domain's order), for the report."""
        with self.uow.read() as session:
            fy = self._year(session, year)

            return category_counts(session, fy)

    def eligibility(self, year: int) -> Eligibility:
        """The PTCE rule (≥ 1 ESS enterprise, ≥ 1 other enterprise, ≥ 1 other actor) over
        the members active in the fiscal year."""
        with self.uow.read() as session:
            fy = self._year(session, year)
            categories = session.scalars(select(Member.category).where(active_condition(fy)))
            return eligibility(list(categories))


__all__ = [
    "CategoryCount",
    "MemberDetail",
    "MemberDraft",
    "MemberRow",
    "MemberService",
    "MemberView",
    "YearFigures",
    "active_condition",
]
