"""``check`` (CLI verb and Fichier ▸ Vérifier): a negative « reste à reverser » is a warning —
the same sentence as the window, « À faire » and ``summary`` — and the file stays sound."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ptce_desktop.app import main
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.redistributions import RedistributionService
from ptce_desktop.services.grants.views import GrantDraft, InstalmentDraft, overpaid_warning
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.integrity import check_database
from ptce_desktop.store.unit_of_work import UnitOfWork

TITLE = "Légumerie « solidaire » & <co> — l'€ " + "équipement d'une très longue action " * 4
MEMBER = "Coopérative L'Éclair & <Fils> " + "très " * 30 + "longue"


def grant_with(uow: UnitOfWork, passed_cents: int) -> int:
    """A grant of 2025 with 1 000 € received, no plan, and ``passed_cents`` passed on to a
    member anyway (consent given: nothing was due, so any amount makes it negative)."""
    member = MemberService(uow).create(MemberDraft(name=MEMBER)).id
    funder = FunderService(uow).create_funder(FunderDraft("Région & <Drôme>", "region")).id
    grants = GrantService(uow)
    draft = GrantDraft(
        funder_id=funder,
        title=TITLE,
        amount_voted_cents=1_000_000,
        status="votee",
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
    )
    grant = grants.create_grant(draft).id
    grants.add_instalment(grant, InstalmentDraft(dt.date(2025, 2, 1), 100_000))
    if passed_cents:
        RedistributionService(uow).record_redistribution(
            grant, member, dt.date(2025, 2, 10), passed_cents, None, force=True
        )
    return grant


def test_a_negative_remaining_is_a_warning_with_the_one_sentence(
    uow: UnitOfWork, capsys: pytest.CaptureFixture[str]
) -> None:
    grant_with(uow, 25_000)
    path = Path(uow.db.path)
    report = check_database(path)
    sentence = overpaid_warning(TITLE.strip(), -25_000)  # (the service trims the title)
    assert sentence is not None and "250,00" in sentence
    (item,) = [i for i in report.items if i.text == f"Attention : {sentence}"]
    assert item.ok and item.warning
    # the member line, as before, and nothing failed: `check` exits 0
    (members,) = [i for i in report.items if "reversé au-delà du plan" in i.text]
    assert members.warning and MEMBER in members.text
    assert report.ok and not [i for i in report.items if not i.ok]
    assert main(["--db", str(path), "check"]) == 0
    out = capsys.readouterr().out
    warned = [line for line in out.splitlines() if "Reste à reverser négatif" in line]
    assert len(warned) == 1 and warned[0].lstrip().startswith("avert")
    assert "Le fichier est sain." in out and "ÉCHEC" not in out


def test_no_warning_when_nothing_is_over(uow: UnitOfWork) -> None:
    grant_with(uow, 0)
    report = check_database(Path(uow.db.path))
    assert not any(i.warning for i in report.items)
    assert not any("Reste à reverser négatif" in i.text for i in report.items)
    assert "Subventions : aucun reste à reverser négatif." in [i.text for i in report.items]
