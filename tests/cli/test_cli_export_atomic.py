"""Exports are atomic (#12): every export verb writes a temporary file beside the target and
renames it over the target only when complete, so a writer failing midway (disk full, an error,
Ctrl+C) leaves the previous file intact and nothing else in the folder."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ptce_desktop.app import main
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange import archive as archive_module
from ptce_desktop.exchange.export import atomic, formats
from ptce_desktop.exchange.export.sheet import Column, ColumnType, Sheet
from tests.cli.test_cli_export import pole_db  # noqa: F401  (fixture)

OLD = "ancien export « complet » & <l'€>\n".encode()


def disk_full() -> OSError:
    return OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "exports & <l'€>"
    out.mkdir()
    return out


def previous(folder: Path, name: str) -> Path:
    target = folder / name
    target.write_bytes(OLD)
    return target


def assert_untouched(folder: Path, target: Path) -> None:
    assert target.read_bytes() == OLD  # the previous export, whole
    assert sorted(p.name for p in folder.iterdir()) == [target.name]  # no temporary left


def half_then(real: Callable[[Sheet, Path], None], error: BaseException) -> Callable[..., None]:
    """A writer that writes the whole file, cuts it in half, then fails."""

    def writer(sheet: Sheet, path: Path) -> None:
        real(sheet, path)
        data = path.read_bytes()
        assert len(data) > 100
        path.write_bytes(data[: len(data) // 2])
        raise error

    return writer


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".csv"])
def test_export_verb_failing_midway_keeps_the_previous_file(
    pole_db: Path,  # noqa: F811
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
) -> None:
    target = previous(folder, f"membres & <l'€>{suffix}")
    name = formats.format_of(target)
    monkeypatch.setitem(formats._WRITERS, name, half_then(formats._WRITERS[name], disk_full()))
    assert main(["--db", str(pole_db), "export", "members", str(target)]) != 0
    said = capsys.readouterr()
    assert "n'a pas pu être écrit" in said.out + said.err
    assert_untouched(folder, target)
    monkeypatch.undo()  # the same export, whole this time
    assert main(["--db", str(pole_db), "export", "members", str(target)]) == 0
    assert target.read_bytes() != OLD and sorted(p.name for p in folder.iterdir()) == [target.name]


@pytest.mark.parametrize("error", [RuntimeError("bogue du rédacteur"), KeyboardInterrupt()])
def test_any_failure_midway_keeps_the_previous_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    sheet = Sheet.of(
        "Membres",
        (Column("Nom", ColumnType.TEXT), Column("Montant", ColumnType.MONEY)),
        [(f"Épicerie & <co> n° {i} — l'€", i * 100) for i in range(200)],
    )
    target = previous(folder, "membres.xlsx")
    monkeypatch.setitem(formats._WRITERS, "XLSX", half_then(formats._WRITERS["XLSX"], error))
    with pytest.raises(type(error)):
        formats.write_sheet(sheet, target)
    assert_untouched(folder, target)


def test_fec_failing_midway_keeps_the_previous_file(
    pole_db: Path,  # noqa: F811
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = previous(folder, "FEC & <l'€>.txt")
    real = Path.write_bytes

    def half(path: Path, data: Any) -> int:
        if path.parent == folder:  # the export's own temporary file
            real(path, bytes(data)[: len(data) // 2])
            raise disk_full()
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", half)
    assert main(["--db", str(pole_db), "export", "fec", str(target), "--year", "2025"]) != 0
    assert "n'a pas pu être écrit" in "".join(capsys.readouterr())
    assert_untouched(folder, target)


@pytest.mark.parametrize(
    ("error", "said"),
    [(disk_full(), "n'a pas pu être écrit"), (KeyboardInterrupt(), "interrompu")],
)
def test_archive_failing_midway_keeps_the_previous_file(
    pole_db: Path,  # noqa: F811
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: BaseException,
    said: str,
) -> None:
    target = previous(folder, "pôle & <l'€>.ptce")
    real, calls = archive_module._sha256, []

    def sha256(data: bytes) -> str:
        calls.append(data)
        if len(calls) == 5:  # a few tables already in the zip
            raise error
        return real(data)

    monkeypatch.setattr(archive_module, "_sha256", sha256)
    assert main(["--db", str(pole_db), "export-archive", str(target)]) != 0
    assert said in "".join(capsys.readouterr())
    assert len(calls) == 5
    assert_untouched(folder, target)


def test_replacing_names_the_target_and_cleans_up(folder: Path) -> None:
    target = previous(folder, "relevé & <l'€>.csv")
    with pytest.raises(PtceError) as caught, atomic.replacing(target) as temporary:
        assert temporary.parent == folder and temporary != target
        temporary.write_bytes(b"moiti")
        raise disk_full()
    assert caught.value.code == "export_write_failed"
    assert caught.value.values["path"] == str(target)
    assert_untouched(folder, target)
    assert atomic.write_bytes_atomically(target, b"nouveau") == target
    assert target.read_bytes() == b"nouveau"
    assert sorted(p.name for p in folder.iterdir()) == [target.name]
