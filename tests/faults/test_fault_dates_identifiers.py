"""Dates and identifiers as typed, and dates across time zones (§5, items 17–19 and 42)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import validate_iban, validate_siret
from ptce_desktop.domain.periods import fiscal_year_of, format_date, parse_date
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleDraft, PoleService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

POLE = "Pôle Sud & Drôme <test> — l'€"


@pytest.mark.parametrize(
    ("typed", "code"),
    [("31/02/2026", "impossible_date"), ("5/3/26", "invalid_date"), ("2026-3-5", "invalid_date")],
)
def test_item17_impossible_or_two_digit_year_dates_are_refused(typed: str, code: str) -> None:
    with pytest.raises(PtceError) as caught:
        parse_date(typed, field="joined_on")
    assert caught.value.code == code
    assert f"« {typed} »" in caught.value.message("fr")


def test_item17_iso_and_short_french_dates_are_normalised(uow: UnitOfWork) -> None:
    assert parse_date("2026-03-05") == parse_date("5/3/2026") == dt.date(2026, 3, 5)
    PoleService(uow).create_pole(POLE)
    members = MemberService(uow)
    member = members.create(
        MemberDraft(name="Épicerie & <co>", joined_on=parse_date(" 2026-03-05 "))
    )
    assert members.get(member.id).joined_on == dt.date(2026, 3, 5)
    assert format_date(dt.date(2026, 3, 5)) == "05/03/2026"


def test_item18_siret_spaces_checksum_and_la_poste(uow: UnitOfWork) -> None:
    assert validate_siret("732 829 320 00074") == "73282932000074"
    assert validate_siret("732.829.320.00074") == "73282932000074"
    with pytest.raises(PtceError) as caught:
        validate_siret("732 829 320 00075")
    assert caught.value.code == "identifier_checksum"
    assert "SIRET invalide" in caught.value.message("fr")
    # La Poste's establishments fail the Luhn key; INSEE's own rule accepts them.
    assert validate_siret("356 000 000 00001") == "35600000000001"
    PoleService(uow).create_pole(POLE)
    members = MemberService(uow)
    member = members.create(MemberDraft(name="La Poste & <Crest>", siret="356 000 000 00001"))
    assert members.get(member.id).siret == "35600000000001"
    with pytest.raises(PtceError) as refused:
        members.create(MemberDraft(name="Mauvais SIRET l'€", siret="732 829 320 00075"))
    assert refused.value.code == "identifier_checksum" and refused.value.field == "siret"


def test_item19_iban_lowercase_spaces_accepted_bad_key_refused(uow: UnitOfWork) -> None:
    assert validate_iban("fr76 3000 6000 0112 3456 7890 189") == "FR7630006000011234567890189"
    with pytest.raises(PtceError) as caught:
        validate_iban("FR77 3000 6000 0112 3456 7890 189")
    assert caught.value.code == "identifier_checksum"
    PoleService(uow).create_pole(POLE)
    pole = PoleService(uow)
    updated = pole.update(PoleDraft(name=POLE, iban=" fr76 3000 6000 0112 3456 7890 189 "))
    assert updated.iban == "FR7630006000011234567890189"
    with pytest.raises(PtceError) as refused:
        pole.update(PoleDraft(name=POLE, iban="FR77 3000 6000 0112 3456 7890 189"))
    assert refused.value.field == "iban"


WRITER = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from ptce_desktop.services.members.members import MemberDraft, MemberService
    from ptce_desktop.services.pole.pole import PoleService
    from ptce_desktop.store.database import open_database
    from ptce_desktop.store.unit_of_work import UnitOfWork

    assert time.localtime().tm_gmtoff == 14 * 3600, time.tzname
    db = open_database(sys.argv[1])
    uow = UnitOfWork(db)
    PoleService(uow).create_pole("Pôle des fuseaux & <co>")
    MemberService(uow).create(MemberDraft(
        name="Membre du 29 mars l'€", joined_on=dt.date(2026, 3, 29), left_on=dt.date(2026, 10, 25)
    ))
    db.close()
    """
)


def test_item42_dates_stay_dates_across_time_zones_and_dst_days(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written at UTC+14 on Europe's DST-change days, read back at UTC-10: same days."""
    path = db_path  # already migrated: the child only writes
    env = dict(os.environ, TZ="Pacific/Kiritimati")
    subprocess.run([sys.executable, "-c", WRITER, str(path)], env=env, check=True, timeout=60)

    monkeypatch.setenv("TZ", "Pacific/Honolulu")
    time.tzset()
    try:
        assert time.localtime().tm_gmtoff == -10 * 3600
        connection = sqlite3.connect(path)
        try:
            raw = connection.execute(
                "SELECT joined_on, typeof(joined_on), left_on FROM members"
            ).fetchone()
        finally:
            connection.close()
        assert raw == ("2026-03-29", "text", "2026-10-25")  # a date, no time, no zone
        database = open_database(path)
        try:
            view = MemberService(UnitOfWork(database)).list_members(year=2026)[0]
        finally:
            database.close()
        assert (view.joined_on, view.left_on) == (dt.date(2026, 3, 29), dt.date(2026, 10, 25))
        assert view.joined_on is not None
        assert fiscal_year_of(view.joined_on).quarters()[0].label == "T1 2026"
    finally:
        monkeypatch.undo()
        time.tzset()
