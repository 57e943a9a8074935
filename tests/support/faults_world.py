"""A small pole filled through the real services, with hostile texts, and every report of it.

Used by the report fault tests (docs/research/ecosystem-reliability.md §5, items 1–11): the texts
travel the whole way (service → database → read model → ReportLab) before being read back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from pypdf import PdfReader

from ptce_desktop.documents.builders.activity import build_activity_data
from ptce_desktop.documents.builders.cerfa import build_cerfa_report
from ptce_desktop.documents.builders.cost_sharing import build_cost_sharing_data
from ptce_desktop.documents.builders.redistribution import build_redistribution_data
from ptce_desktop.documents.builders.statement import build_statement_data
from ptce_desktop.reports.activity import build_activity_report
from ptce_desktop.reports.cerfa15059 import build_cerfa15059
from ptce_desktop.reports.cost_sharing import build_cost_sharing_report
from ptce_desktop.reports.redistribution import build_redistribution_report
from ptce_desktop.reports.statement import build_statement
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.plan import PlanLine
from ptce_desktop.services.grants.redistributions import RedistributionService
from ptce_desktop.services.grants.views import GrantDraft, InstalmentDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
YEAR = 2026
GENERATED = D(2027, 1, 20)
POLE_NAME = "Pôle Sud & Drôme <PTCE> — l'€"
LONG_NAME = ("Coopérative l'Éclair « Œuvre & Cœur <Drôme> » " + "très " * 40)[:200].strip()
CATEGORIES = ("ess_enterprise", "non_ess_enterprise", "local_authority")


@dataclass(frozen=True)
class World:
    members: tuple[int, ...]
    grant: int


def build_world(
    uow: UnitOfWork,
    names: Sequence[str],
    *,
    label: str = "Loyer & charges <T1> l'€",
    grant_title: str = "Animation du pôle & <coopération>",
    bases: Sequence[str] = (),
) -> World:
    """Pole, ``names`` as members (units 3, 2, 1, 1…), one service split by m², costs of
    2026, provisional calls of T1 and T2, one payment, a grant passed on by plan and by hand
    (one hand-made redistribution per text of ``bases``, printed in a table cell)."""
    PoleService(uow).create_pole(POLE_NAME, territory="Drôme & Ardèche")
    member_service = MemberService(uow)
    members = tuple(
        member_service.create(MemberDraft(name=name, category=CATEGORIES[i % 3])).id
        for i, name in enumerate(names)
    )
    keys = KeyService(uow)
    surface = keys.create_key(KeyDraft("Surface (m²) & <co>", "units", "m²"))
    units = {
        member: (3 if i == 0 else 2 if i == 1 else 1) * 1000 for i, member in enumerate(members)
    }
    keys.add_version(surface, VersionDraft(D(2025, 1, 1), units))
    shared = SharedServiceService(uow)
    premises = shared.create_service(ServiceDraft("Locaux & accueil <RDC>", key_id=surface))
    shared.set_budget(premises, YEAR, 12_000_00)
    costs = CostService(uow)
    for start, end, amount in (
        (D(2026, 1, 1), D(2026, 3, 31), 3_000_01),
        (D(2026, 4, 1), D(2026, 6, 30), 3_000_02),
    ):
        costs.create_cost(CostDraft(premises, start, start, end, label, amount, 0, amount))
    calls = CallService(uow)
    for quarter in (1, 2):
        issue = D(2026, 3 * quarter - 2, 5)
        calls.issue_provisional_calls(
            YEAR, quarter, issue_date=issue, due_date=issue.replace(day=28)
        )
    PaymentService(uow).record_payment(
        members[0], D(2026, 6, 1), 1_000_00, "virement", "VIR & <1>", None
    )
    funder = FunderService(uow).create_funder(FunderDraft(name="Région & <Drôme>", type="region"))
    grants = GrantService(uow)
    grant = grants.create_grant(
        GrantDraft(
            funder_id=funder.id,
            title=grant_title,
            amount_voted_cents=30_000_00,
            status="votee",
            decision_ref="CP-2026/04 & <12>",
            decision_date=D(2026, 3, 20),
            period_start=D(2026, 1, 1),
            period_end=D(2026, 12, 31),
        )
    ).id
    grants.set_plan(grant, [PlanLine(members[0], share_bp=4000)], 1000)
    grants.add_instalment(grant, InstalmentDraft(D(2026, 4, 10), 20_000_00, "V1"))
    redistributions = RedistributionService(uow)
    redistributions.redistribute_by_plan(grant, D(2026, 5, 1))
    for day, basis in enumerate(bases, start=1):
        redistributions.record_redistribution(
            grant, members[-1], D(2026, 9, day), 10_00, basis, force=True
        )
    return World(members, grant)


def render_all(uow: UnitOfWork, world: World | None = None, year: int = YEAR) -> dict[str, bytes]:
    """Every report of ``year``: activity, redistribution, cost sharing, and — when there is a
    world — each member's relevé and the grant's Cerfa 15059."""
    documents: dict[str, bytes] = {}

    def render(name: str, builder: object, model: object) -> None:
        buffer = BytesIO()
        builder(model, buffer, generated_on=GENERATED)  # type: ignore[operator]
        documents[name] = buffer.getvalue()

    render("activité", build_activity_report, build_activity_data(uow, year))
    render("redistribution", build_redistribution_report, build_redistribution_data(uow, year))
    render("répartition", build_cost_sharing_report, build_cost_sharing_data(uow, year))
    if world is not None:
        for member in world.members:
            render(f"relevé {member}", build_statement, build_statement_data(uow, member, year))
        render("cerfa", build_cerfa15059, build_cerfa_report(uow, world.grant))
    return documents


def pdf_text(data: bytes) -> str:
    """The text of every page, whitespace runs (line breaks, U+00A0) collapsed to one space."""
    reader = PdfReader(BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def squeezed(data: bytes) -> str:
    """The text with all whitespace removed: wrapped long names read back whole."""
    return "".join(pdf_text(data).split())


def font_names(data: bytes) -> set[str]:
    """BaseFont names of every font used on any page."""
    reader = PdfReader(BytesIO(data))
    names: set[str] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            names.add(str(ref.get_object().get("/BaseFont")))
    return names


def image_count(data: bytes) -> int:
    reader = PdfReader(BytesIO(data))
    return sum(len(page.images) for page in reader.pages)
