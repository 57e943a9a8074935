"""Seeded random poles: every Cerfa 15059 checks out as printed (whole period and each fiscal
year), and a project grant's products equal the SQL aggregate of :mod:`test_cerfa_demo`."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest
from cerfa_readback import check_arithmetic, pdf_text
from test_cerfa_demo import sql_products
from test_cerfa_document import POLE, add_cost, grant, seed

from ptce_desktop.documents.builders.cerfa import build_cerfa_report
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.in_kind import InKindDraft, InKindService
from ptce_desktop.services.grants.redistributions import RedistributionService
from ptce_desktop.services.members.fees import FeeService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
CODES = ("601", "604", "606", "611", "613", "614", "616", "617", "622", "623", "625", "626",
         "631", "635", "641", "645", "647", "651", "66", "67", "681", "69", None)  # fmt: skip
BUDGET = ("604", "613", "616", "622", "641", "645", "ci_fixes", "74_region", "74_etat",
          "74_commune", "70", "75_dont", "ressources_propres", "864", "870")  # fmt: skip
STATUSES = ("votee", "versee_partiellement", "soldee", "demandee", "refusee")
KINDS = ("benevolat", "don_en_nature", "mise_a_disposition_biens")


FIRST = D(2025, 1, 1)  # the key of the world is in force from that day


def day(rng: random.Random, first: dt.date = FIRST, span: int = 700) -> dt.date:
    return first + dt.timedelta(days=rng.randrange(span))


def random_pole(uow: UnitOfWork, rng: random.Random) -> list[int]:
    world = seed(uow)
    funders = FunderService(uow)
    commune = funders.create_funder(
        FunderDraft(name="Commune de Crest « centre »", type="commune")
    ).id
    funder_ids = (world.region, world.etat, commune)
    projects = (world.project, world.other_project, None)
    for _ in range(rng.randrange(15, 40)):
        start = day(rng)
        end = start + dt.timedelta(days=rng.choice((0, 30, 90, 364, 500)))
        ht = rng.randrange(1, 500_000)
        add_cost(
            uow, world, ht, rng.choice(CODES), start=start, end=end,
            project_id=rng.choice(projects), label=f"Charge n° {rng.randrange(999)} & <co>",
        )  # fmt: skip
    fees = FeeService(uow)
    for year in (2024, 2025, 2026):
        fees.set_fee(year, "ess_enterprise", rng.randrange(0, 50_000))
        fees.set_fee(year, "other", rng.randrange(0, 50_000))
    ids = []
    services = GrantService(uow)
    for index in range(rng.randrange(3, 7)):
        start = day(rng, span=500)
        end = start + dt.timedelta(days=rng.randrange(30, 800))
        status = STATUSES[0] if index == 0 else rng.choice(STATUSES)
        method = rng.choice(("none", "flat_rate", "key"))
        gid = grant(
            uow, world,
            title=f"Subvention {index} — l'€ & <test>",
            funder_id=rng.choice(funder_ids),
            project_id=world.project if index == 0 else rng.choice(projects),
            status=status,
            amount_voted_cents=None if status in ("demandee", "refusee")
            else rng.randrange(100_000, 9_000_000),
            period_start=start, period_end=end,
            overhead_method=method,
            overhead_rate_bp=rng.randrange(0, 2500) if method == "flat_rate" else None,
            overhead_key_id=world.key if method == "key" else None,
        )  # fmt: skip
        services.set_budget_lines(
            gid, {code: rng.randrange(0, 2_000_000) for code in rng.sample(BUDGET, 6)}
        )
        ids.append(gid)
        if status not in ("demandee", "refusee") and rng.random() < 0.6:
            RedistributionService(uow).record_redistribution(
                gid, rng.choice(world.members), day(rng, start, 300), rng.randrange(1, 300_000),
                "Décision & <co>", force=True,
            )  # fmt: skip
    kinds = InKindService(uow)
    for _ in range(rng.randrange(2, 8)):
        linked = rng.random() < 0.3
        kinds.create_contribution(
            InKindDraft(
                day(rng), rng.choice(KINDS), "Apport « nature » & <co>", rng.randrange(1, 90_000),
                project_id=None if linked else rng.choice(projects),
                grant_id=rng.choice(ids) if linked else None,
            )
        )  # fmt: skip
    return ids


@pytest.mark.parametrize("seed_value", [7, 2026, 424242])
def test_random_pole_cerfas_check_out(uow: UnitOfWork, tmp_path: Path, seed_value: int) -> None:
    rng = random.Random(seed_value)
    ids = random_pole(uow, rng)
    checked = 0
    for grant_id in ids:
        whole = build_cerfa_report(uow, grant_id)
        check_arithmetic(pdf_text(whole, header=(POLE,)))
        assert whole.period is not None
        for label in whole.period.valid_years:
            part = build_cerfa_report(uow, grant_id, year=int(label[:4]))
            check_arithmetic(pdf_text(part, header=(POLE,)))
            checked += 1
    assert checked >= len(ids)


@pytest.mark.parametrize("seed_value", [7, 2026, 424242])
def test_random_project_grant_products_equal_an_sql_aggregate(
    tmp_path: Path, seed_value: int
) -> None:
    path = tmp_path / f"aléatoire-{seed_value}.sqlite3"
    database = open_database(path)
    try:
        uow = UnitOfWork(database)
        main = random_pole(uow, random.Random(seed_value))[0]
        report = build_cerfa_report(uow, main)
    finally:
        database.close()
    with sqlite3.connect(path) as db:
        expected = sql_products(db, main)
    got = {row.code: row.actual_cents for row in report.produits + report.in_kind_produits}
    for row in report.produits + report.in_kind_produits:
        if row.level == "line" and row.code != "ressources_propres":
            assert got[row.code] == expected.get(row.code, 0), row.code
    assert got["70"] == got["75"] == 0
    assert expected
