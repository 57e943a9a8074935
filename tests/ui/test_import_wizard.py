"""The import wizard: kind and file → mapping with preview → every error listed → import."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard
from support.ui import to_mapping

from ptce_desktop.services.members.members import MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.ui.imports.wizard import ImportWizard
from ptce_desktop.ui.shell.context import AppContext, open_context
from ptce_desktop.ui.worker import Runner
from tests.exchange.conftest import CAFE, EPICERIE, LONG_NAME, SIRET_1, write_csv
from tests.exchange.test_protected_workbook import protected_copy

HEADER = ["Raison sociale", "N° SIRET", "Catégorie", "CP", "Couleur"]


@pytest.fixture
def ctx(db_path: Path) -> Iterator[AppContext]:
    context = open_context(db_path, runner=Runner(inline=True))
    PoleService(context.uow).create_pole("Pôle Sud & Drôme <test> — l'€", None, 1)
    yield context
    context.close()


@pytest.fixture
def wizard(ctx: AppContext, qtbot: Any, ui_settings: QSettings) -> ImportWizard:
    widget = ImportWizard(ctx, settings=ui_settings)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_mapping_preview_then_errors_then_nothing_written(
    wizard: ImportWizard, ctx: AppContext, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "membres.csv",
        [
            HEADER,
            [EPICERIE, "732 829 320 00074", "ESS", "26000", "vert"],
            [CAFE, "123", "Réseau", "260", ""],
            [LONG_NAME, "", "Marsien", "", ""],
        ],
        encoding="cp1252",
    )
    to_mapping(wizard, path)
    page = wizard.mapping_page
    assert page.mapping() == {"name": 0, "category": 2, "siret": 1, "postcode": 3}
    assert "Couleur" in page.ignored.text()
    model = page.preview_model
    assert model.rowCount() == 3
    assert model.index(0, 1).data() == EPICERIE
    siret_column = next(
        c for c in range(model.columnCount()) if model.headerData(c, _horizontal()) == "SIRET"
    )
    assert model.index(0, siret_column).data() == SIRET_1
    assert model.index(1, siret_column).data().startswith("⚠ SIRET invalide")
    _screenshot(wizard, "import-mapping")
    wizard.next()
    assert wizard.currentPage() is wizard.check
    rows = wizard.check.errors_model.rows()
    # row 3's postcode « 260 » is checked by the service only once its cells are read
    assert [(e.row, e.column, e.value) for e in rows] == [
        (3, "N° SIRET", "123"),
        (4, "Catégorie", "Marsien"),
    ]
    assert not wizard.check.isComplete()  # the Import button stays disabled
    assert "nothing will be imported" in wizard.check.status.text()
    _screenshot(wizard, "import-errors")
    assert MemberService(ctx.uow).list_members() == []


def test_a_good_file_is_imported_and_the_mapping_remembered(
    wizard: ImportWizard, ctx: AppContext, tmp_path: Path, ui_settings: QSettings, qtbot: Any
) -> None:
    path = write_csv(
        tmp_path / "membres.csv",
        [["Structure", "Ville", "Inutile"], [EPICERIE, "Valence", "x"], [CAFE, "Die", ""]],
    )
    to_mapping(wizard, path)
    page = wizard.mapping_page
    # « Structure » maps to the name by itself; map « Inutile » to nothing, keep « Ville »
    assert page.mapping() == {"name": 0, "city": 1}
    wizard.next()
    assert wizard.check.isComplete()
    assert "2 membres créés" in wizard.check.status.text()
    assert MemberService(ctx.uow).list_members() == []  # the check wrote nothing
    ctx.history.run("avant", do=lambda: None, undo=lambda: None)
    assert ctx.history.count() == 1
    wizard.next()
    assert wizard.currentPage() is wizard.summary
    assert wizard.imported is not None and wizard.imported.written
    assert sorted(m.name for m in MemberService(ctx.uow).list_members()) == sorted([EPICERIE, CAFE])
    assert ctx.history.count() == 2  # one more step: the import (tests/ui/test_import_undo.py)
    assert "Valence" not in ui_settings.value("imports/mapping/members", "")
    assert "Ville" in str(ui_settings.value("imports/mapping/members"))


def test_a_remembered_mapping_is_used_next_time(
    ctx: AppContext, qtbot: Any, ui_settings: QSettings, tmp_path: Path
) -> None:
    ui_settings.setValue("imports/mapping/members", '{"name": "Colonne B"}')
    path = write_csv(tmp_path / "m.csv", [["Colonne A", "Colonne B"], ["x", EPICERIE]])
    widget = ImportWizard(ctx, settings=ui_settings)
    qtbot.addWidget(widget)
    widget.show()
    to_mapping(widget, path)
    assert widget.mapping_page.mapping() == {"name": 1}


def test_an_unreadable_file_shows_its_reason(wizard: ImportWizard, tmp_path: Path) -> None:
    path = tmp_path / "membres.xlsx"
    path.write_bytes(b"pas un classeur" * 50)
    to_mapping(wizard, path)
    assert "ne peut pas être lu" in wizard.mapping_page.problem.text() or "cannot be read" in (
        wizard.mapping_page.problem.text()
    )
    assert not wizard.mapping_page.isComplete()


def test_a_password_protected_workbook_says_so(
    wizard: ImportWizard, tmp_path: Path, french: None
) -> None:
    to_mapping(wizard, protected_copy(tmp_path))
    problem = wizard.mapping_page.problem.text()
    assert problem.startswith(
        "Le classeur « membres & <co> l'€.xlsx » est protégé par un mot de passe"
    )
    assert not wizard.mapping_page.isComplete()
    assert not wizard.mapping_page.busy.isVisible()


def test_cancel_during_the_import_writes_nothing(
    wizard: ImportWizard, ctx: AppContext, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "m.csv", [["Nom"], *([f"Membre {i} & <co>"] for i in range(5))])
    to_mapping(wizard, path)
    wizard.next()
    summary = wizard.summary
    original = summary.initializePage

    def cancel_first() -> None:
        # the task is cancelled as soon as it reports progress
        runner = ctx.runner
        run = runner.run

        def run_and_cancel(work: Any, **kwargs: Any) -> Any:
            def cancelling(progress: Any) -> Any:
                summary.task = None

                def stop(done: int, total: int) -> None:
                    from ptce_desktop.ui.worker import TaskCancelled

                    raise TaskCancelled

                return work(stop)

            return run(cancelling, **kwargs)

        runner.run = run_and_cancel  # type: ignore[method-assign]
        try:
            original()
        finally:
            runner.run = run  # type: ignore[method-assign]

    summary.initializePage = cancel_first  # type: ignore[method-assign]
    wizard.next()
    assert "nothing was imported" in summary.status.text()
    assert MemberService(ctx.uow).list_members() == []
    assert wizard.imported is None


def _horizontal() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _screenshot(wizard: QWizard, name: str) -> None:
    folder = os.environ.get("PTCE_SCREENSHOTS")
    if folder:
        wizard.grab().save(str(Path(folder) / f"{name}.png"))
