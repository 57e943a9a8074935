"""The .ptce archive (#14): the demo archived and recreated gives the same summary for every
year, the same rows with the same ids and the same attachments; every table of the schema is
in it (by reflection); a file in place, a newer archive and a bad checksum are refused."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from support.factories.demo import ServiceDemo, service_demo

from ptce_desktop.cli.summary import summary_lines
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange.archive import (
    ARCHIVE_VERSION,
    MANIFEST,
    archive_tables,
    export_archive,
    import_archive,
)
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.services.summary import SummaryService
from ptce_desktop.store.base import Base
from ptce_desktop.store.database import open_database
from ptce_desktop.store.paths import attachments_dir
from ptce_desktop.store.unit_of_work import UnitOfWork


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> ServiceDemo:
    return service_demo(tmp_path_factory)


@pytest.fixture(scope="module")
def archived(demo: ServiceDemo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive l'€ & <x>")
    database = open_database(demo.path, read_only=True)
    try:
        result = export_archive(UnitOfWork(database), demo.path, folder / "pôle démo")
    finally:
        database.close()
    assert result.path.name == "pôle démo.ptce" and result.table_count > 30
    return result.path


def _everything(path: Path) -> tuple[dict[int, list[str]], dict[str, dict[str, object]]]:
    database = open_database(path, read_only=True)
    try:
        uow = UnitOfWork(database)
        years = [y.start_year for y in FiscalYearService(uow).list_years()]
        summaries = {y: summary_lines(SummaryService(uow).year_summary(y)) for y in years}
        return summaries, archive_tables(uow)
    finally:
        database.close()


def test_archive_recreates_the_pole_exactly(
    demo: ServiceDemo, archived: Path, tmp_path: Path
) -> None:
    target = tmp_path / "successeur l'€" / "pôle recréé.sqlite3"
    result = import_archive(archived, target)
    assert result.path == target and target.is_file() and result.row_count > 1000
    before, before_rows = _everything(demo.path)
    after, after_rows = _everything(target)
    assert len(before) >= 2 and after == before  # the same summary for every year
    assert after_rows == before_rows  # every row of every table, same ids
    source_files = sorted(p.name for p in attachments_dir(demo.path).iterdir())
    assert source_files and sorted(p.name for p in attachments_dir(target).iterdir()) == (
        source_files
    )
    for name in source_files:
        assert (attachments_dir(target) / name).read_bytes() == (
            attachments_dir(demo.path) / name
        ).read_bytes()
    assert not list(target.parent.glob(".*import*"))


def test_every_table_of_the_schema_is_archived(archived: Path, db_path: Path) -> None:
    with zipfile.ZipFile(archived) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    archived_tables = set(manifest["tables"])
    assert archived_tables == set(Base.metadata.tables)
    database = open_database(db_path)
    try:
        reflected = set(archive_tables(UnitOfWork(database))) - {"__revision__"}
    finally:
        database.close()
    assert reflected == archived_tables
    assert manifest["format_version"] == ARCHIVE_VERSION and manifest["schema_revision"]


def _rewrite(source: Path, target: Path, change: str) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if change == "version" and item.filename == MANIFEST:
                manifest = json.loads(data)
                manifest["format_version"] = ARCHIVE_VERSION + 1
                data = json.dumps(manifest).encode()
            if change == "checksum" and item.filename == "tables/members.json":
                data = data.replace(b"Archipel", b"Archipe1", 1)
            new.writestr(item, data)
    return target


def test_refusals(archived: Path, tmp_path: Path) -> None:
    existing = tmp_path / "déjà là.sqlite3"
    existing.write_bytes(b"un p\xc3\xb4le")
    with pytest.raises(PtceError) as error:
        import_archive(archived, existing)
    assert error.value.code == "archive_target_exists"
    assert existing.read_bytes() == b"un p\xc3\xb4le"

    newer = _rewrite(archived, tmp_path / "newer.ptce", "version")
    with pytest.raises(PtceError) as error:
        import_archive(newer, tmp_path / "a.sqlite3")
    assert error.value.code == "archive_too_new"
    assert "mettez PTCE Desktop à jour" in error.value.message("fr")

    damaged = _rewrite(archived, tmp_path / "damaged.ptce", "checksum")
    with pytest.raises(PtceError) as error:
        import_archive(damaged, tmp_path / "b.sqlite3")
    assert error.value.code == "archive_bad_checksum"
    assert "tables/members.json" in error.value.message("fr")

    garbage = tmp_path / "garbage.ptce"
    garbage.write_bytes(b"PK\x03\x04 pas une archive & <x>")
    with pytest.raises(PtceError) as error:
        import_archive(garbage, tmp_path / "c.sqlite3")
    assert error.value.code == "archive_unreadable"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "damaged.ptce", "déjà là.sqlite3", "garbage.ptce", "newer.ptce",
    ]  # fmt: skip


def test_recreated_pole_prints_the_same_reports(
    demo: ServiceDemo, archived: Path, tmp_path: Path
) -> None:
    import datetime as dt
    import io

    from pypdf import PdfReader

    from ptce_desktop.printing.jobs import ReportRequest, build_report

    target = tmp_path / "recréé.sqlite3"
    import_archive(archived, target)
    texts: list[dict[str, str]] = []
    for path in (demo.path, target):
        database = open_database(path, read_only=True)
        try:
            found = {}
            for kind in ("activity", "cost-sharing", "redistribution"):
                out = io.BytesIO()
                request = ReportRequest(kind, 2025)
                build_report(UnitOfWork(database), request, out, generated_on=dt.date(2026, 1, 5))
                pages = PdfReader(io.BytesIO(out.getvalue())).pages
                found[kind] = "\n".join(page.extract_text() or "" for page in pages)
            texts.append(found)
        finally:
            database.close()
    before, after = texts
    assert all(len(text) > 500 for text in before.values())
    assert after == before
