"""One door to every printable document: what a document needs, and building it.

The page "Rapports" and the command line ask the same two questions::

    available_targets(uow, "cerfa-15059", 2025)   # which grants can I print a Cerfa for?
    build_report(uow, ReportRequest("cerfa-15059", 2025, grant_id=3), "crf.pdf")

:func:`build_report` checks the ids of the request against :func:`available_targets`, reads the
document's read model (``documents/builders/*``) and lays it out (``reports/*``). A missing or
unknown id is a :class:`PtceError` whose text lists the ids that exist, e.g. « Indiquez --grant
parmi : 1 (Animation du pôle 2025 — Région), 2 (…) ». Nothing here knows about Qt.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.common import fiscal_year
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.unit_of_work import UnitOfWork

if TYPE_CHECKING:  # ReportLab is imported when a report is made, not when the app starts
    from ptce_desktop.reports.base import Target

__all__ = [
    "KINDS",
    "Choice",
    "ReportKind",
    "ReportRequest",
    "TargetField",
    "available_targets",
    "build_report",
    "checked_ids",
    "choices_text",
    "kind_of",
    "suggested_file_name",
]

Progress = Callable[[int, int], None]

#: How many choices an error message lists before it says how many more there are.
MAX_LISTED = 15


@dataclass(frozen=True)
class ReportKind:
    """A printable document: its key (``--kind`` on the command line) and its file name."""

    key: str
    title: str  # French, as printed on the document
    file_stem: str
    #: The ids it needs, in the order they are asked for (see :class:`TargetField`).
    fields: tuple[str, ...] = ()


KINDS: tuple[ReportKind, ...] = (
    ReportKind("activity", "Rapport d'activité", "rapport-activite"),
    ReportKind(
        "redistribution", "Rapport de redistribution", "rapport-redistribution", ("funder",)
    ),
    ReportKind(
        "cost-sharing", "Rapport de répartition des charges", "repartition-charges", ("service",)
    ),
    ReportKind("statement", "Appel de fonds / relevé", "releve", ("member", "call")),
    ReportKind(
        "cerfa-15059", "Compte rendu financier (Cerfa 15059)", "compte-rendu-financier", ("grant",)
    ),
    ReportKind(
        "crf-bundle",
        "Compte rendu financier et rapport d'activité",
        "compte-rendu-financier-et-rapport-activite",
        ("grant",),
    ),
)

_OPTIONAL = {"funder", "service", "call"}


@dataclass(frozen=True)
class ReportRequest:
    """What to print: the kind, the fiscal year (its start year) and the ids the kind needs."""

    kind: str
    year: int
    grant_id: int | None = None
    member_id: int | None = None
    funder_id: int | None = None
    service_id: int | None = None
    call_id: int | None = None
    #: Cerfa only: print the group rows of the grid, not the sub-lines.
    group_rows_only: bool = False
    #: Cerfa only: report the part of the grant's period inside fiscal ``year`` (the whole
    #: grant period otherwise; the grant need not meet ``year`` then).
    cerfa_year_only: bool = False
    #: Cerfa only: refuse a grant that is not voted (the CLI; the window previews a draft).
    refuse_draft: bool = False
    #: Cerfa only: refuse when costs of the period have no Cerfa line (the CLI, unless
    #: ``--allow-unclassified``).
    refuse_unclassified: bool = False


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


@dataclass(frozen=True)
class TargetField:
    """One id a kind needs: ``name`` is the request field without ``_id`` (``grant``…)."""

    name: str
    required: bool
    choices: tuple[Choice, ...] = field(default=())

    @property
    def option(self) -> str:
        return f"--{self.name}"

    def label_of(self, record_id: int | None) -> str | None:
        return next((c.label for c in self.choices if c.id == record_id), None)


def kind_of(key: str) -> ReportKind:
    for kind in KINDS:
        if kind.key == key:
            return kind
    raise PtceError(
        "report_kind_unknown", "kind", kind=key, choices=", ".join(k.key for k in KINDS)
    )


# --- what a kind needs ----------------------------------------------------------------------------


def available_targets(
    uow: UnitOfWork, kind: str, year: int, *, member_id: int | None = None
) -> tuple[TargetField, ...]:
    """The ids ``kind`` needs for fiscal ``year``, each with the records to choose from.

    Grants are those of the year (their period meets it); funders, those of these grants;
    services, those of the year; members, those present in the year or called in it; calls,
    those of ``member_id`` in the year (none without a member).
    """
    return tuple(_field(uow, name, year, member_id) for name in kind_of(kind).fields)


def _field(uow: UnitOfWork, name: str, year: int, member_id: int | None) -> TargetField:
    choices: list[Choice]
    if name == "grant":
        choices = [
            Choice(g.id, f"{g.title} — {g.funder_name}")
            for g in GrantService(uow).list_grants(year)
        ]
    elif name == "funder":
        funders = {g.funder_id: g.funder_name for g in GrantService(uow).list_grants(year)}
        choices = [Choice(i, n) for i, n in sorted(funders.items(), key=lambda f: _fold(f[1]))]
    elif name == "service":
        services = SharedServiceService(uow).list_services(year)
        choices = [Choice(s.service_id, s.name) for s in services]
    elif name == "member":
        called = {c.member_id for c in CallService(uow).list_calls(year)}
        rows = MemberService(uow).list_members(include_archived=True, year=year)
        choices = [Choice(m.id, m.name) for m in rows if m.active or m.id in called]
    elif name == "call":
        calls = CallService(uow).list_calls(year, member_id=member_id) if member_id else []
        choices = [Choice(c.id, f"{c.number} — {c.period_label}") for c in calls]
    else:  # pragma: no cover - KINDS only names the fields above
        raise ValueError(name)
    return TargetField(name, name not in _OPTIONAL, tuple(choices))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def choices_text(choices: Sequence[Choice]) -> str:
    """``1 (Animation du pôle 2025), 2 (…)``, cut after :data:`MAX_LISTED` choices."""
    if not choices:
        return "—"
    shown = ", ".join(f"{c.id} ({c.label})" for c in choices[:MAX_LISTED])
    more = len(choices) - MAX_LISTED
    return f"{shown}, … (+{more})" if more > 0 else shown


def _year_label(uow: UnitOfWork, year: int) -> str:
    with uow.read() as session:
        return fiscal_year(session, year).label


def _check(uow: UnitOfWork, request: ReportRequest, target: TargetField) -> int | None:
    """The request's id for ``target`` once checked against the existing choices."""
    chosen: int | None = getattr(request, f"{target.name}_id")
    if chosen is None and not target.required:
        return None
    if chosen is not None and any(c.id == chosen for c in target.choices):
        return chosen
    label = _year_label(uow, request.year)
    if not target.choices and target.name in ("grant", "member", "call"):
        raise PtceError(f"report_no_{target.name}", f"{target.name}_id", year_label=label)
    values = {"option": target.option, "choices": choices_text(target.choices)}
    if chosen is None:
        raise PtceError("report_target_missing", f"{target.name}_id", **values)
    raise PtceError(
        "report_target_unknown", f"{target.name}_id", id=chosen, year_label=label, **values
    )


def checked_ids(uow: UnitOfWork, request: ReportRequest) -> dict[str, int | None]:
    """``{"grant": 3, …}`` for the fields of the request's kind; raises as told above."""
    ids: dict[str, int | None] = {}
    for name in kind_of(request.kind).fields:
        target = _field(uow, name, request.year, ids.get("member", request.member_id))
        ids[name] = _check(uow, request, target)
    return ids


# --- building -------------------------------------------------------------------------------------


def build_report(
    uow: UnitOfWork,
    request: ReportRequest,
    target: Target,
    *,
    generated_on: dt.date | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the document of ``request`` to ``target`` (a path or a binary file); returns its
    number of pages. ``progress(done, total)`` gets ``(0, 0)`` while the figures are read, then
    ``(page, 0)`` as each page is laid out (the total is only known at the end)."""
    if request.kind in ("cerfa-15059", "crf-bundle") and request.grant_id is not None:
        ids: dict[str, int | None] = {"grant": request.grant_id}  # the Cerfa builder checks it
    else:
        ids = checked_ids(uow, request)
    if progress is not None:
        progress(0, 0)

    def page_done(page: int) -> None:
        if progress is not None:
            progress(page, 0)

    if request.kind == "activity":
        from ptce_desktop.documents.builders.activity import build_activity_data
        from ptce_desktop.reports.activity import build_activity_report

        activity = build_activity_data(uow, request.year, refuse_empty=True)
        return build_activity_report(
            activity, target, generated_on=generated_on, progress=page_done
        )
    if request.kind == "redistribution":
        from ptce_desktop.documents.builders.redistribution import build_redistribution_data
        from ptce_desktop.reports.redistribution import build_redistribution_report

        data = build_redistribution_data(uow, request.year, funder_id=ids["funder"])
        return build_redistribution_report(
            data, target, generated_on=generated_on, progress=page_done
        )
    if request.kind == "cost-sharing":
        from ptce_desktop.documents.builders.cost_sharing import build_cost_sharing_data
        from ptce_desktop.reports.cost_sharing import build_cost_sharing_report

        sharing = build_cost_sharing_data(uow, request.year, service_id=ids["service"])
        return build_cost_sharing_report(
            sharing, target, generated_on=generated_on, progress=page_done
        )
    if request.kind == "statement":
        from ptce_desktop.documents.builders.statement import build_statement_data
        from ptce_desktop.reports.statement import build_statement

        member = ids["member"]
        assert member is not None  # a required field, checked above
        statement = build_statement_data(uow, member, request.year, call_id=ids["call"])
        return build_statement(statement, target, generated_on=generated_on, progress=page_done)
    grant = ids["grant"]
    assert grant is not None  # the Cerfa kinds need a grant, checked above
    return _build_cerfa(uow, request, grant, target, generated_on, page_done)


def _build_cerfa(
    uow: UnitOfWork,
    request: ReportRequest,
    grant_id: int,
    target: Target,
    generated_on: dt.date | None,
    page_done: Callable[[int], None],
) -> int:
    from ptce_desktop.documents.builders.activity import build_activity_reports
    from ptce_desktop.documents.builders.cerfa import build_cerfa_report
    from ptce_desktop.reports.bundle import build_crf_with_activity_report
    from ptce_desktop.reports.cerfa15059 import build_cerfa15059

    cerfa = build_cerfa_report(
        uow,
        grant_id,
        year=request.year if request.cerfa_year_only else None,
        refuse_draft=request.refuse_draft,
        refuse_unclassified=request.refuse_unclassified,
    )
    if request.kind == "cerfa-15059":
        return build_cerfa15059(
            cerfa,
            target,
            group_rows_only=request.group_rows_only,
            generated_on=generated_on,
            progress=page_done,
        )
    # the activity reports that go with the compte rendu: each year of the grant's period that
    # has activity (issue 10), or the year asked for
    years = cerfa.grant.exercise_years
    chosen = list(years) if years and not request.cerfa_year_only else [request.year]
    activities = build_activity_reports(uow, chosen)
    return build_crf_with_activity_report(
        cerfa,
        activities,
        target,
        group_rows_only=request.group_rows_only,
        generated_on=generated_on,
        progress=page_done,
    )


# --- file names -----------------------------------------------------------------------------------


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def slug(text: str, limit: int = 50) -> str:
    """« Région & <Drôme> » → ``region-drome`` (a file name any system accepts)."""
    spelled = text.translate(_LIGATURES)
    ascii_text = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")


def suggested_file_name(kind: str, year_label: str, target_label: str | None = None) -> str:
    """``rapport-activite-2025.pdf``, ``releve-2025-epicerie-solidaire.pdf``…

    ``year_label`` is the fiscal year as shown ("2025" or "2025/2026"); ``target_label`` the
    chosen grant, member, funder, service or call, when there is one.
    """
    parts = [kind_of(kind).file_stem, slug(year_label)]
    if target_label:
        parts.append(slug(target_label))
    return "-".join(part for part in parts if part) + ".pdf"
