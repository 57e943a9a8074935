"""A password-protected workbook (tests/exchange/data/classeur_protégé.xlsx, an OLE compound
file holding EncryptionInfo and EncryptedPackage as Excel writes it) gives a clear French
message, from the reader, the command line and the wizard (tests/ui/test_import_wizard.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange.readers import read_table
from tests.exchange.data.make_protected_xlsx import protected_workbook

PROTECTED = Path(__file__).with_name("data") / "classeur_protégé.xlsx"


def protected_copy(folder: Path, name: str = "membres & <co> l'€.xlsx") -> Path:
    target = folder / name
    shutil.copyfile(PROTECTED, target)
    return target


def test_the_fixture_is_what_its_script_writes() -> None:
    data = PROTECTED.read_bytes()
    assert data == protected_workbook()
    assert data.startswith(bytes.fromhex("D0CF11E0A1B11AE1"))  # a compound file, not a ZIP
    assert "EncryptedPackage".encode("utf-16-le") in data


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm"])
def test_a_protected_workbook_says_so(tmp_path: Path, suffix: str) -> None:
    path = protected_copy(tmp_path, f"membres & <co> l'€{suffix}")
    with pytest.raises(PtceError) as error:
        read_table(path)
    assert error.value.code == "import_encrypted"
    assert error.value.message("fr") == (
        f"Le classeur « membres & <co> l'€{suffix} » est protégé par un mot de passe : "
        "enregistrez-en une copie sans mot de passe, puis importez cette copie."
    )
