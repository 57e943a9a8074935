"""The money side of the demo pole (see :mod:`.demo`): costs, calls, payments, grants, in-kind.

Amounts are integer cents drawn from the demo's one random generator; indexation and jitter
are integer basis points, never floats. Payments follow each member's habit (``payer`` in
:data:`~.demo_data.MEMBERS`): prompt, direct debit, public body (mandat administratif, paid
weeks late, the slow one still owing at the demo's "today"), late (a firm that has stopped
paying in 2026) and partial (an association paying 70 % of its 2025–2026 calls). Credit notes
of the true-up are refunded on their due date. Every write goes through its service.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ptce_desktop.demo import data
from ptce_desktop.demo.data import DEMO_TODAY, DEMO_YEARS, Ticks
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.exceptional import ExceptionalDraft, ExceptionalService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.calls.views import CallView
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.in_kind import InKindDraft, InKindService
from ptce_desktop.services.grants.plan import PlanLine
from ptce_desktop.services.grants.redistributions import RedistributionService
from ptce_desktop.services.grants.report_sheet import (
    Indicator,
    PublicCount,
    ReportSheet,
    ReportSheetService,
)
from ptce_desktop.services.grants.views import GrantDraft, GrantReportTexts, InstalmentDraft
from ptce_desktop.services.pole.attachments import AttachmentService, AttachmentTarget
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


@dataclass(frozen=True)
class MoneyTotals:
    costs: int
    costs_by_year: tuple[tuple[int, int, int], ...]
    calls: int
    payments: int
    called_cents: int
    paid_cents: int
    outstanding_cents: int
    funders: int
    grants: int
    instalments: int
    redistributions: int
    voted_cents: int
    received_cents: int
    passed_cents: int
    remaining_cents: int
    in_kind: int
    attachments: int
    closed_years: tuple[int, ...]


class MoneyBuilder:
    def __init__(
        self,
        uow: UnitOfWork,
        rng: random.Random,
        ticks: Ticks,
        *,
        members: dict[str, int],
        keys: dict[str, int],
        services: dict[str, int],
    ) -> None:
        self.services = services
        self.uow = uow
        self.rng = rng
        self.ticks = ticks
        self.members = members
        self.keys = keys
        self.payments = 0
        self.instalments = 0
        self.redistributions = 0
        self.in_kind = 0
        self.attachments = 0

    # --- calls and payments -------------------------------------------------------------------

    def calls_and_payments(self) -> None:
        calls = CallService(self.uow)
        issued: list[CallView] = []

        def quarter(year: int, q: int) -> None:
            issue = D(year, 3 * q - 2, 10)
            issued.extend(
                calls.issue_provisional_calls(
                    year, q, issue_date=issue, due_date=issue + dt.timedelta(days=31)
                )
            )

        def true_up(year: int) -> None:
            issued.extend(
                calls.issue_true_up(
                    year, issue_date=D(year + 1, 2, 20), due_date=D(year + 1, 3, 31)
                )
            )

        for q in (1, 2, 3, 4):
            quarter(2024, q)
        quarter(2025, 1)
        true_up(2024)
        quarter(2025, 2)
        self._exceptional_line()  # called on T3 2025, the next quarterly call
        for q in (3, 4):
            quarter(2025, q)
        quarter(2026, 1)
        true_up(2025)
        quarter(2026, 2)
        self.ticks.advance(60)
        payers = {self.members[m.tag]: m.payer for m in data.MEMBERS}
        planned = []
        for call in issued:
            payment = self._payment_for(payers[call.member_id], call)
            if payment is not None:
                planned.append((payment[0], call.number, call.member_id, *payment[1:]))
        planned.sort()
        service = PaymentService(self.uow)
        step = max(1, len(planned) // 20)
        for index, (day, number, member_id, amount, method) in enumerate(planned):
            note = "Remboursement de l'avoir" if amount < 0 else None
            service.record_payment(member_id, day, amount, method, number, note)
            self.payments += 1
            if index % step == 0:
                self.ticks.advance(6)
        service.record_payment(
            self.members["archipel"],
            D(2026, 6, 25),
            200_000,
            "virement",
            "AVANCE-T3-2026",
            "Avance sur l'appel du T3 2026 (non affectée)",
            matches={},
        )
        self.payments += 1

    def _exceptional_line(self) -> None:
        service, label, day, amount, *_invoice = data.EXCEPTIONAL
        ExceptionalService(self.uow).add_charge(
            ExceptionalDraft(
                label=label,
                amount_cents=amount,
                service_id=self.services[service],
                date=day,
                note="Voté par le conseil d'administration du 10 juin 2025 ; facture saisie "
                "en charge, déduite à la régularisation.",
            )
        )

    def _payment_for(self, payer: str, call: CallView) -> tuple[dt.date, int, str] | None:
        amount, due, rng = call.total_cents, call.due_date, self.rng
        if amount == 0:
            return None
        if amount < 0:
            return (due, amount, "virement") if due <= DEMO_TODAY else None
        method = "virement"
        if payer == "debit":
            day, method = due, "prelevement"
        elif payer == "late":
            if call.issue_date.year >= 2026:
                return None
            day = due + dt.timedelta(days=rng.randint(35, 75))
        elif payer == "partial":
            day, method = due + dt.timedelta(days=rng.randint(5, 20)), "cheque"
            if call.year >= 2025:
                amount = max(100, amount * 70 // 100 // 100 * 100)
        elif payer == "public":
            day = due + dt.timedelta(days=rng.randint(20, 40))
        elif payer == "public_slow":
            day = due + dt.timedelta(days=rng.randint(55, 90))
        else:
            day = due - dt.timedelta(days=rng.randint(0, 10))
        return (day, amount, method) if day <= DEMO_TODAY else None

    # --- grants, redistributions, in-kind ------------------------------------------------------

    def grants_and_in_kind(self, projects: dict[str, int], rent_cost_id: int | None) -> None:
        """Funders, five grants across their life cycle, instalments, plans and
        redistributions, in-kind contributions and two attachments (about 80 ticks)."""
        funders = FunderService(self.uow)
        funder = {
            tag: funders.create_funder(FunderDraft(name, kind, contact)).id
            for tag, name, kind, contact in data.FUNDERS
        }
        grants = GrantService(self.uow)
        spread = RedistributionService(self.uow)
        m = self.members

        def create(tag: str, draft: GrantDraft) -> int:
            grant_id = grants.create_grant(draft).id
            budget = {code: euros * 100 for code, euros in data.GRANT_BUDGETS[tag].items()}
            grants.set_budget_lines(grant_id, budget)
            return grant_id

        def instalment(grant_id: int, day: dt.date, euros: int, ref: str) -> None:
            grants.add_instalment(grant_id, InstalmentDraft(day, euros * 100, ref))
            self.instalments += 1

        def by_plan(grant_id: int, day: dt.date) -> None:
            self.redistributions += len(spread.redistribute_by_plan(grant_id, day))

        region = GrantDraft(
            funder["region"], "Animation et développement du PTCE 2024-2025",
            amount_requested_cents=7_000_000, period_start=D(2024, 1, 1),
            period_end=D(2025, 12, 31), report_due=D(2026, 6, 30), staged=True,
            overhead_method="flat_rate", overhead_rate_bp=1500,
            overhead_note="Forfait de 15 % des charges directes (frais de structure du pôle).",
        )  # fmt: skip
        region_id = create("region", region)
        grants.update_grant(
            region_id,
            replace(
                region, status="votee", amount_voted_cents=6_000_000,
                decision_ref="CP-2024-03-112", decision_date=D(2024, 3, 28),
                convention_ref="CONV-AURA-24-0457", convention_date=D(2024, 4, 15),
            ),
        )  # fmt: skip
        grants.set_plan(
            region_id,
            [
                PlanLine(m["recyclerie"], share_bp=2000),
                PlanLine(m["epicerie"], share_bp=1500),
                PlanLine(m["energies"], share_bp=1500),
                PlanLine(m["labo"], share_bp=1000),
            ],
            coordination_share_bp=4000,
        )
        instalment(region_id, D(2024, 5, 20), 30_000, "Avance 50 %")
        grants.set_status(region_id, "versee_partiellement")
        by_plan(region_id, D(2024, 6, 20))
        instalment(region_id, D(2025, 4, 10), 18_000, "Acompte 30 %")
        by_plan(region_id, D(2025, 5, 5))
        instalment(region_id, D(2026, 3, 12), 12_000, "Solde sur compte rendu")
        grants.set_status(region_id, "soldee")
        remaining = spread.remaining_by_member(region_id)
        recyclerie = next(x for x in remaining.members if x.member_id == m["recyclerie"])
        spread.record_redistribution(
            region_id, m["recyclerie"], D(2026, 4, 2), recyclerie.remaining_cents, "Solde 2026"
        )
        self.redistributions += 1
        grants.set_report_texts(
            region_id,
            GrantReportTexts(
                bilan_qualitatif="Animation de 15 structures, 3 projets de coopération lancés.",
                beneficiaires="Structures membres & 420 personnes accompagnées.",
                dates_lieux="Du 01/01/2024 au 31/12/2025, Crest, Die et Valence.",
                ecarts="Recrutement du chargé de mission décalé de deux mois.",
                cvn_note="Bénévolat des administrateurs valorisé au SMIC horaire.",
            ),
        )
        etat = GrantDraft(
            funder["etat"], "AMI PTCE émergents – phase 2 (consolidation)",
            amount_requested_cents=10_000_000, amount_voted_cents=10_000_000, status="votee",
            decision_ref="DREETS-ESS-2025-018", decision_date=D(2025, 2, 14),
            convention_date=D(2025, 3, 3), period_start=D(2025, 1, 1), period_end=D(2026, 12, 31),
            report_due=D(2027, 6, 30), staged=True, overhead_method="key",
            overhead_key_id=self.keys["m2"], coordination_share_bp=5000,
            overhead_note="Charges indirectes réparties au m² occupé (clé « Surface occupée »).",
        )  # fmt: skip
        etat_id = create("etat", etat)
        grants.set_plan(
            etat_id,
            [
                PlanLine(m["aiims"], amount_cents=2_000_000),
                PlanLine(m["mobilethique"], amount_cents=1_000_000),
                PlanLine(m["formation"], amount_cents=800_000),
            ],
        )
        instalment(etat_id, D(2025, 3, 20), 50_000, "Première tranche")
        grants.set_status(etat_id, "versee_partiellement")
        by_plan(etat_id, D(2025, 4, 15))
        instalment(etat_id, D(2026, 3, 2), 20_000, "Deuxième tranche")
        depart = GrantDraft(
            funder["departement"], "Légumerie solidaire – équipement et démarrage",
            project_id=projects["legumerie"], amount_requested_cents=3_000_000,
            amount_voted_cents=2_500_000, status="votee", decision_ref="CP-26-2025-11-07",
            decision_date=D(2025, 11, 20), period_start=D(2025, 9, 1), period_end=D(2026, 8, 31),
            coordination_share_bp=1000,
        )  # fmt: skip
        depart_id = create("departement", depart)
        grants.set_plan(depart_id, [PlanLine(m["recyclerie"], share_bp=8000)])
        create(
            "fondation",
            GrantDraft(
                funder["fondation"], "Plateforme mobilité – étude de faisabilité",
                project_id=projects["mobilite"], amount_requested_cents=1_500_000,
                period_start=D(2026, 9, 1), period_end=D(2027, 6, 30),
            ),
        )  # fmt: skip
        fse = GrantDraft(
            funder["fse"], "Parcours d'insertion vers les métiers de la mobilité",
            project_id=projects["mobilite"], amount_requested_cents=8_000_000,
            period_start=D(2025, 9, 1), period_end=D(2027, 8, 31),
        )  # fmt: skip
        fse_id = create("fse", fse)
        grants.update_grant(
            fse_id, replace(fse, decision_ref="FSE-2025-REJ-044", decision_date=D(2025, 6, 30))
        )
        grants.set_status(fse_id, "refusee")
        for tag, grant_id in (("region", region_id), ("etat", etat_id), ("departement", depart_id)):
            self._sheet(grant_id, data.GRANT_SHEETS[tag])
        self.ticks.advance(40)
        self._in_kind(projects, region_id, etat_id)
        self._attachments(rent_cost_id, region_id)
        self.ticks.advance(40)

    def _sheet(self, grant_id: int, sheet: dict[str, Any]) -> None:
        """Feuillet 1 of a voted grant's compte rendu (:data:`.data.GRANT_SHEETS`)."""
        ReportSheetService(self.uow).set_sheet(
            grant_id,
            ReportSheet(
                objectives=sheet["objectives"],
                indicators=tuple(Indicator(*row) for row in sheet["indicators"]),
                beneficiaries_count=sheet["beneficiaries"],
                publics=tuple(PublicCount(*row) for row in sheet["publics"]),
                action_dates=sheet["dates"],
                action_places=sheet["places"],
            ),
        )

    def _in_kind(self, p: dict[str, int], region_id: int, etat_id: int) -> None:
        service, m = InKindService(self.uow), self.members
        smic = {2024: 1165, 2025: 1188, 2026: 1202}  # cents per hour, fictional
        for year, hours in ((2024, 320), (2025, 410), (2026, 180)):
            for member, label, project, grant, share in (
                ("epicerie", "Bénévolat – distribution à l'épicerie", None, None, 50),
                ("velodrome", "Bénévolat – ateliers vélo", "mobilite", None, 20),
                ("archipel", "Bénévolat des administrateurs du pôle", None, region_id, 30),
            ):
                if member == "velodrome" and year == 2026:
                    continue
                quantity = hours * share // 100
                service.create_contribution(
                    InKindDraft(
                        D(year, 6 if year == 2026 else 12, 15), "benevolat",
                        f"{label} {year}", quantity * smic[year], member_id=m[member],
                        project_id=p[project] if project else None, grant_id=grant,
                        hours_milli=quantity * 1000,
                    )
                )  # fmt: skip
                self.in_kind += 1
        for day, kind, label, cents, member, project, grant in (
            (D(2024, 11, 14), "mise_a_disposition_biens", "Salle prêtée pour le forum de l'ESS",
             65_000, "commune", None, None),
            (D(2025, 3, 1), "mise_a_disposition_biens", "Local de stockage prêté (2025)",
             240_000, "ccdv", "reemploi", None),
            (D(2025, 9, 30), "mise_a_disposition_personnel",
             "Chargée de mission mise à disposition", 480_000, "ccdv", None, etat_id),
            (D(2025, 10, 10), "don_en_nature", "Dons de légumes invendus & de cagettes",
             135_000, "dupont", "legumerie", None),
        ):  # fmt: skip
            service.create_contribution(
                InKindDraft(
                    day, kind, label, cents, member_id=m[member],
                    project_id=p[project] if project else None, grant_id=grant,
                )
            )  # fmt: skip
            self.in_kind += 1

    def _attachments(self, rent_cost_id: int | None, region_id: int) -> None:
        service = AttachmentService(self.uow)
        with tempfile.TemporaryDirectory() as folder:
            invoice = Path(folder) / "facture-loyer-janvier-2025.txt"
            invoice.write_text(
                "SCI Les Remparts de Crest — Facture de loyer, janvier 2025 (document fictif).\n",
                encoding="utf-8",
            )
            convention = Path(folder) / "convention-région-2024.txt"
            convention.write_text(
                "Convention Région Auvergne-Rhône-Alpes n° CONV-AURA-24-0457 (document fictif).\n",
                encoding="utf-8",
            )
            if rent_cost_id is not None:
                service.attach(AttachmentTarget("cost", rent_cost_id), invoice)
                self.attachments += 1
            service.attach(AttachmentTarget("grant", region_id), convention)
            self.attachments += 1

    def close(self, year: int) -> None:
        FiscalYearService(self.uow, today=lambda: DEMO_TODAY).close(year)

    # --- totals -------------------------------------------------------------------------------

    def totals(self) -> MoneyTotals:
        costs, calls = CostService(self.uow), CallService(self.uow)
        payments = PaymentService(self.uow)
        by_year, count, call_count = [], 0, 0
        called = paid = outstanding = 0
        for year in DEMO_YEARS:
            services = costs.totals_per_service(year)
            count += sum(s.cost_count for s in services)
            by_year.append(
                (year, sum(s.ttc_cents for s in services), sum(s.shared_cents for s in services))
            )
            call_count += len(calls.list_calls(year))
            for balance in payments.balances(year):
                called += balance.called_cents
                paid += balance.paid_cents
                outstanding += balance.outstanding_cents
        grants = GrantService(self.uow).list_grants()
        years = FiscalYearService(self.uow, today=lambda: DEMO_TODAY).list_years()
        return MoneyTotals(
            costs=count,
            costs_by_year=tuple(by_year),
            calls=call_count,
            payments=self.payments,
            called_cents=called,
            paid_cents=paid,
            outstanding_cents=outstanding,
            funders=len(FunderService(self.uow).list_funders()),
            grants=len(grants),
            instalments=self.instalments,
            redistributions=self.redistributions,
            voted_cents=sum(g.voted_cents or 0 for g in grants),
            received_cents=sum(g.received_cents for g in grants),
            passed_cents=sum(g.passed_cents for g in grants),
            remaining_cents=sum(g.remaining_cents for g in grants),
            in_kind=self.in_kind,
            attachments=self.attachments,
            closed_years=tuple(sorted(y.start_year for y in years if y.closed)),
        )
