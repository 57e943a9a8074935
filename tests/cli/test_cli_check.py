"""``ptce-desktop check`` and ``backup``: French lines, exit codes, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ptce_desktop.app import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_on_a_sound_file(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "check")
    assert code == 0, err
    assert "Intégrité SQLite : ok." in out
    assert "Le fichier est sain." in out
    assert err == ""


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"hello, not a database\n", "n'est pas une base PTCE Desktop"),
        (b"", "n'est pas une base PTCE Desktop"),
    ],
)
def test_check_refuses_foreign_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    path = tmp_path / "autre & <fichier>.db"
    path.write_bytes(content)
    code, _out, err = run(capsys, "--db", str(path), "check")
    assert code == 2
    assert expected in err
    assert "Traceback" not in err
    assert err.count("\n") == 1


def test_check_refuses_a_foreign_sqlite_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tableur.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    code, _out, err = run(capsys, "--db", str(path), "check")
    assert code == 2
    assert "n'est pas une base PTCE Desktop" in err


def test_check_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--db", str(tmp_path / "absent.db"), "check")
    assert code == 2
    assert err.startswith("ptce-desktop : Le fichier ") and "introuvable" in err


def test_check_finds_a_broken_share_total(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    connection = sqlite3.connect(db_path)
    connection.executescript(
        """
        INSERT INTO poles (id, name, vat_registered, fiscal_year_start_month)
            VALUES (1, 'Pôle', 0, 1);
        INSERT INTO members (id, name, category, qpv) VALUES (1, 'A & <B>', 'ess_enterprise', 0);
        INSERT INTO allocation_keys (id, name, method) VALUES (1, 'Égal', 'equal');
        INSERT INTO shared_services (id, name, vat_regime, vat_rate_bp, key_id)
            VALUES (1, 'Locaux', 'exempt_261b', 0, 1);
        INSERT INTO costs (id, service_id, invoice_date, period_start, period_end, label,
                           ht_cents, vat_cents, ttc_cents, is_adjustment)
            VALUES (1, 1, '2025-01-10', '2025-01-01', '2025-01-31', 'Loyer', 1000, 0, 1000, 0);
        INSERT INTO shares (cost_id, member_id, cents) VALUES (1, 1, 999);
        """
    )
    connection.commit()
    connection.close()
    code, out, _err = run(capsys, "--db", str(db_path), "check")
    assert code == 1
    assert "Quotes-parts fausses" in out
    assert "Des problèmes ont été trouvés." in out


def test_backup_writes_a_verified_copy(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "backup")
    assert code == 0, err
    copy = Path(out.split(" : ", 1)[1].strip())
    assert copy.exists() and copy.parent.name.endswith("-sauvegardes")


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert "ptce-desktop" in capsys.readouterr().out
