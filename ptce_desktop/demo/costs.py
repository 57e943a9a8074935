"""The demo pole's costs (see :mod:`.demo`): about two hundred lines a year, entered one by one.

Monthly lines (rent, salaries, fuel, electricity…), quarterly and yearly ones, a few repairs
drawn at random, costs of the cooperation projects and a credit note. Amounts are integer
cents: a yearly indexation and a jitter in basis points (electricity follows the seasons), VAT
rounded half up by :func:`~ptce_desktop.domain.vat.vat_cents`. Costs are entered in
invoice-date order through :meth:`CostService.create_cost`, each with its shares (no batch
entry exists, on purpose: the demo takes the user's path).
"""

from __future__ import annotations

import datetime as dt
import random

from ptce_desktop.demo import data
from ptce_desktop.demo.data import DEMO_TODAY, DEMO_YEARS, Ticks, month_end
from ptce_desktop.domain.vat import vat_cents
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
_INDEX_BP = {2024: 10_000, 2025: 10_250, 2026: 10_450}
_SEASON_PCT = (140, 135, 115, 95, 80, 70, 65, 70, 85, 105, 125, 140)  # electricity by month

#: What a cost line is about: (service tag, supplier, Cerfa line, VAT rate in basis points).
Line = tuple[str, str, str, int]


def _cents(rng: random.Random, base: int, year: int, jitter_pct: int, season: int = 100) -> int:
    cents = base * 100 * _INDEX_BP[year] // 10_000 * season // 100
    if jitter_pct:
        cents = cents * (10_000 + rng.randint(-jitter_pct * 100, jitter_pct * 100)) // 10_000
    return cents


class CostPlan:
    """The demo's cost drafts, year by year, drawn from ``rng``."""

    def __init__(
        self, rng: random.Random, services: dict[str, int], projects: dict[str, int]
    ) -> None:
        self.rng = rng
        self.services = services
        self.projects = projects
        self._refs = 0

    def draft(
        self,
        line: Line,
        label: str,
        ht: int,
        period: tuple[dt.date, dt.date],
        invoice: dt.date,
        project: str | None = None,
    ) -> CostDraft:
        service, supplier, cerfa, rate_bp = line
        vat = vat_cents(ht, rate_bp) if rate_bp else 0
        paid = invoice + dt.timedelta(days=self.rng.randint(5, 30))
        self._refs += 1
        return CostDraft(
            service_id=self.services[service],
            invoice_date=invoice,
            period_start=period[0],
            period_end=period[1],
            label=label,
            ht_cents=ht,
            vat_cents=vat,
            ttc_cents=ht + vat,
            payment_date=paid if paid <= DEMO_TODAY else None,
            supplier=supplier,
            cerfa_code=cerfa,
            project_id=self.projects[project] if project else None,
            invoice_ref=f"F{invoice.year}-{self._refs:04d}",
        )

    def year(self, year: int) -> list[CostDraft]:
        """Every cost of ``year`` (up to the demo's "today"), by invoice date."""
        last_month = 12 if year < DEMO_TODAY.year else DEMO_TODAY.month
        drafts = self._recurring(year, last_month)
        drafts += self._occasional(year, last_month)
        if year == 2025:
            drafts.append(
                self.draft(
                    ("premises", "SCI Les Remparts de Crest", "614", 2000),
                    "Avoir – régularisation des charges locatives 2024",
                    -118_000,
                    (D(2025, 2, 1), D(2025, 2, 28)),
                    D(2025, 2, 14),
                )
            )
            drafts.append(self._exceptional_invoice())
        drafts.sort(key=lambda d: (d.invoice_date, d.invoice_ref or ""))
        return drafts

    def _exceptional_invoice(self) -> CostDraft:
        """The invoice of the exceptional call line (``data.EXCEPTIONAL``), its supplier's own
        number, paid on a fixed day (no draw: the other costs stay as they were)."""
        service, label, _day, _amount, supplier, invoice, ref, ht, vat = data.EXCEPTIONAL
        return CostDraft(
            service_id=self.services[service],
            invoice_date=invoice,
            period_start=invoice,
            period_end=invoice,
            label=label,
            ht_cents=ht,
            vat_cents=vat,
            ttc_cents=ht + vat,
            payment_date=D(2025, 7, 15),
            supplier=supplier,
            cerfa_code="615",
            invoice_ref=ref,
        )

    def _recurring(self, year: int, last_month: int) -> list[CostDraft]:
        rng, drafts = self.rng, []
        for month in range(1, last_month + 1):
            start, end = D(year, month, 1), month_end(year, month)
            name = f"{data.MONTHS_FR[month - 1]} {year}"
            for service, label, supplier, cerfa, base, rate, jitter in data.MONTHLY_COSTS:
                season = _SEASON_PCT[month - 1] if label == "Électricité" else 100
                ht = _cents(rng, base, year, jitter, season)
                invoice = end if cerfa in ("641", "645") else start + dt.timedelta(days=4)
                line = (service, supplier, cerfa, rate)
                drafts.append(self.draft(line, f"{label} – {name}", ht, (start, end), invoice))
            if month % 3 != 1:
                continue
            quarter = (start, month_end(year, month + 2))
            for service, label, supplier, cerfa, base, rate, jitter in data.QUARTERLY_COSTS:
                ht = _cents(rng, base, year, jitter)
                invoice = start + dt.timedelta(days=rng.randint(3, 20))
                line = (service, supplier, cerfa, rate)
                label_q = f"{label} – T{month // 3 + 1} {year}"
                drafts.append(self.draft(line, label_q, ht, quarter, invoice))
        whole_year = (D(year, 1, 1), D(year, 12, 31))
        for month, service, label, supplier, cerfa, base, rate in data.YEARLY_COSTS:
            if month <= last_month:
                invoice = D(year, month, rng.randint(2, 25))
                line = (service, supplier, cerfa, rate)
                ht = _cents(rng, base, year, 0)
                drafts.append(self.draft(line, f"{label} {year}", ht, whole_year, invoice))
        return drafts

    def _occasional(self, year: int, last_month: int) -> list[CostDraft]:
        rng, drafts = self.rng, []
        for service, label, supplier, cerfa in rng.sample(data.REPAIRS, 3):
            month = rng.randint(1, last_month)
            day = D(year, month, rng.randint(1, 28))
            period = (D(year, month, 1), month_end(year, month))
            line = (service, supplier, cerfa, 2000)
            ht = rng.randint(150, 1_800) * 100
            drafts.append(self.draft(line, f"{label} ({day:%d/%m/%Y})", ht, period, day))
        spans = {tag: (start, end) for tag, _, _, start, end, *_ in data.PROJECTS}
        for project, service, label, supplier, cerfa, base in data.PROJECT_COSTS:
            first, last = spans[project]
            low = first.month if first.year == year else 1
            if first.year > year or (last is not None and last.year < year) or low > last_month:
                continue
            month = rng.randint(low, last_month)
            day = D(year, month, rng.randint(1, 28))
            period = (D(year, month, 1), month_end(year, month))
            line = (service, supplier, cerfa, 2000)
            ht = _cents(rng, base, year, 15)
            drafts.append(self.draft(line, f"{label} {year}", ht, period, day, project))
        return drafts


def record_costs(
    uow: UnitOfWork,
    rng: random.Random,
    ticks: Ticks,
    services: dict[str, int],
    projects: dict[str, int],
) -> int | None:
    """Enter the demo's costs (about 360 ticks of progress); returns the id of the January
    2025 rent, which gets an attachment."""
    plan, costs, rent = CostPlan(rng, services, projects), CostService(uow), None
    for year in DEMO_YEARS:
        drafts = plan.year(year)
        step = max(1, len(drafts) // 40)
        for index, draft in enumerate(drafts):
            cost_id = costs.create_cost(draft)
            if draft.period_start == D(2025, 1, 1) and draft.label.startswith("Loyer"):
                rent = cost_id
            if index % step == 0:
                ticks.advance(3)
    return rent
