"""A whole pole set up from files gives the same year summary as the same pole entered by hand
through the services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ptce_desktop.cli.summary import summary_lines
from ptce_desktop.domain.money import format_money
from ptce_desktop.exchange.apply import run_import
from ptce_desktop.exchange.prepare import ImportOptions
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.summary import SummaryService
from ptce_desktop.store.unit_of_work import UnitOfWork
from tests.exchange.conftest import (
    CAFE,
    EPICERIE,
    LONG_NAME,
    SIRET_1,
    SIRET_2,
    write_csv,
    write_ods,
    write_xlsx,
)

LOCAUX = "Locaux partagés & salle <A>"
COMPTA = "Comptabilité l'€"
MEMBERS = [
    (EPICERIE, SIRET_1, "ess_enterprise", dt.date(2024, 1, 1)),
    (CAFE, SIRET_2, "non_ess_enterprise", dt.date(2025, 4, 1)),
    (LONG_NAME, None, "local_authority", None),
]
SURFACE = {EPICERIE: 120_500, CAFE: 30_000, LONG_NAME: 49_500}
PERCENT = {EPICERIE: 5000, CAFE: 2500, LONG_NAME: 2500}
COSTS = [
    (LOCAUX, dt.date(2025, 1, 31), "Loyer janvier & charges", 150_000),
    (LOCAUX, dt.date(2025, 5, 31), "Loyer mai <révisé>", 157_733),
    (COMPTA, dt.date(2025, 6, 30), "Expert-comptable S1", 90_001),
]


def _by_hand(uow: UnitOfWork) -> None:
    members = MemberService(uow)
    ids = {
        name: members.create(
            MemberDraft(name=name, siret=siret, category=category, joined_on=joined)
        ).id
        for name, siret, category, joined in MEMBERS
    }
    keys = KeyService(uow)
    surface = keys.create_key(KeyDraft(name="Surface m²", method="units"))
    keys.add_version(
        surface,
        VersionDraft(dt.date(2024, 1, 1), {ids[n]: v for n, v in SURFACE.items()}, note="Import"),
    )
    share = keys.create_key(KeyDraft(name="Répartition fixe", method="percent"))
    keys.add_version(
        share,
        VersionDraft(dt.date(2024, 1, 1), {ids[n]: v for n, v in PERCENT.items()}, note="Import"),
    )
    services = SharedServiceService(uow)
    service_ids = {
        LOCAUX: services.create_service(ServiceDraft(name=LOCAUX, key_id=surface)),
        COMPTA: services.create_service(
            ServiceDraft(name=COMPTA, key_id=share, vat_regime="taxable", vat_rate_bp=2000)
        ),
    }
    services.set_budget(service_ids[LOCAUX], 2025, 1_800_000)
    services.set_budget(service_ids[COMPTA], 2025, 180_000)
    costs = CostService(uow)
    for service, day, label, ttc in COSTS:
        costs.create_cost(CostDraft(service_ids[service], day, day, day, label, ttc, 0, ttc))
    PaymentService(uow).record_payment(
        ids[EPICERIE], dt.date(2025, 2, 3), 50_000, "cheque", "Chq 12", None
    )


def _from_files(uow: UnitOfWork, folder: Path) -> None:
    def check(kind: str, path: Path, **options: object) -> None:
        result = run_import(uow, kind, path, ImportOptions(**options))  # type: ignore[arg-type]
        assert result.errors == (), [e.text() for e in result.errors]
        assert result.written

    check(
        "members",
        write_csv(
            folder / "membres.csv",
            [["Nom", "SIRET", "Catégorie", "Adhésion"]]
            + [[n, s or "", c, j.strftime("%d/%m/%Y") if j else ""] for n, s, c, j in MEMBERS],
            encoding="cp1252",
        ),
    )
    check(
        "keys",
        write_xlsx(
            folder / "surface.xlsx",
            [["Membre", "m²"]] + [[n, v / 1000] for n, v in SURFACE.items()],
        ),
        key="Surface m²",
        valid_from=dt.date(2024, 1, 1),
    )
    check(
        "keys",
        write_ods(
            folder / "fixe.ods",
            [["Clé", "Valable à partir du", "SIRET", "Membre", "Pourcentage"]]
            + [
                ["Répartition fixe", dt.date(2024, 1, 1), s or "", n, f"{PERCENT[n] / 100:g} %"]
                for n, s, _c, _j in MEMBERS
            ],
        ),
    )
    check(
        "services",
        write_csv(
            folder / "services.csv",
            [
                ["Service", "Clé de répartition", "Régime de TVA", "Taux de TVA"],
                [LOCAUX, "Surface m²", "261 B", ""],
                [COMPTA, "répartition FIXE", "taxable", "20 %"],
            ],
            sep=",",
        ),
    )
    check(
        "budgets",
        write_csv(
            folder / "budgets.csv",
            [
                ["Service", "Exercice", "Budget"],
                [LOCAUX, "2025", "18 000,00 €"],
                [COMPTA, "2025/2026", "1800"],
            ],
        ),
    )
    check(
        "costs",
        write_csv(
            folder / "charges.csv",
            [["Service", "Date de facture", "Libellé", "Montant TTC"]]
            + [
                [s, d.strftime("%d/%m/%y"), label, f"{ttc / 100:.2f}".replace(".", ",")]
                for s, d, label, ttc in COSTS
            ],
            encoding="utf-8-sig",
        ),
    )
    check(
        "payments",
        write_csv(
            folder / "banque.csv",
            [["Date", "SIRET", "Crédit", "Mode de règlement", "Libellé"],
             ["03/02/2025", "732 829 320 00074", "500,00", "Chèque", "Chq 12"]],
        ),
    )  # fmt: skip


def test_pole_from_files_matches_the_pole_entered_by_hand(tmp_path: Path) -> None:
    from ptce_desktop.services.pole.pole import PoleService
    from ptce_desktop.store.database import open_database

    lines = []
    for name, fill in (("main", _by_hand), ("fichiers", None)):
        db = open_database(tmp_path / f"{name}.sqlite3", create=True)
        try:
            uow = UnitOfWork(db)
            PoleService(uow).create_pole("Pôle Sud & Drôme <test> — l'€", None, 1)
            if fill is not None:
                fill(uow)
            else:
                folder = tmp_path / "fichiers"
                folder.mkdir()
                _from_files(uow, folder)
            lines.append(summary_lines(SummaryService(uow).year_summary(2025)))
        finally:
            db.close()
    by_hand, from_files = lines
    assert from_files == by_hand
    text = "\n".join(by_hand)
    assert format_money(sum(c[3] for c in COSTS)) in text  # the three costs, once each
    assert LOCAUX in text and format_money(50_000) in text
