"""The import wizard on a laptop screen (1200×760, 1366×768), with files as a coordinator
brings them: every field's column chooser and the preview fit, a workbook whose table is on
another sheet is said so and its sheet chosen there, the refused values are readable whole."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from support.ui import to_mapping

from ptce_desktop.exchange.apply import run_import
from ptce_desktop.ui.imports.wizard import ImportWizard
from ptce_desktop.ui.shell.context import AppContext
from tests.exchange.conftest import CAFE, EPICERIE, LONG_NAME, write_csv, write_workbook

SCREENS = [(1200, 760), (1366, 768)]


def _wizard(ctx: AppContext, qtbot: Any, settings: QSettings, size: tuple[int, int]) -> Any:
    widget = ImportWizard(ctx, settings=settings)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    return widget


def _shot(wizard: ImportWizard, name: str) -> None:
    folder = os.environ.get("PTCE_SCREENSHOTS")
    if folder:
        wizard.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.mark.parametrize("size", SCREENS)
def test_the_members_mapping_fits_a_laptop_screen(
    ctx: AppContext, qtbot: Any, ui_settings: QSettings, tmp_path: Path, size: tuple[int, int]
) -> None:
    # 19 fields, one chooser each: stacked in one column they pushed the wizard to 802 px
    path = write_csv(
        tmp_path / "membres.csv",
        [["Nom", "SIRET", "Ville"], [EPICERIE, "", "Valence"], [LONG_NAME, "", "Die"]],
    )
    wizard = _wizard(ctx, qtbot, ui_settings, size)
    to_mapping(wizard, path)
    _shot(wizard, f"import-mapping-{size[0]}")
    assert wizard.height() <= size[1]
    assert wizard.minimumSizeHint().height() <= size[1]
    page = wizard.mapping_page
    assert len(page.combos) == 19
    assert all(combo.isVisible() for combo in page.combos.values())
    assert page.preview_view.height() >= 150  # the preview's rows can be read
    for combo in page.combos.values():
        assert combo.width() >= combo.minimumSizeHint().width()


def _two_sheets(path: Path) -> Path:
    members = [["Liste 2025"], ["Nom", "Code postal"], [EPICERIE, 7000], [CAFE, 26000]]
    return write_workbook(
        path, {"Notes & <idées>": [["Réunion du 3 mars"]], "Adhérents l'€": members}
    )


def test_a_table_on_the_second_sheet_is_said_and_chosen_on_the_mapping_page(
    ctx: AppContext, qtbot: Any, ui_settings: QSettings, tmp_path: Path, french: None
) -> None:
    wizard = _wizard(ctx, qtbot, ui_settings, SCREENS[0])
    to_mapping(wizard, _two_sheets(tmp_path / "classeur & co.xlsx"))
    page = wizard.mapping_page
    # before: an empty mapping, the Next button greyed, and not a word
    assert "feuille « Notes & <idées> »" in page.problem.text()
    assert "« Adhérents l'€ »" in page.problem.text()
    assert not page.isComplete()
    assert page.sheet.isVisibleTo(wizard)
    assert [page.sheet.itemText(i) for i in range(page.sheet.count())] == [
        "Notes & <idées>",
        "Adhérents l'€",
    ]
    _shot(wizard, "import-wrong-sheet")
    page.sheet.setCurrentIndex(1)
    QApplication.processEvents()
    assert page.problem.text() == ""
    assert page.mapping() == {"name": 0, "postcode": 1}
    assert page.isComplete()
    assert page.preview_model.rowCount() == 2
    wizard.next()
    assert wizard.check.isComplete(), wizard.check.status.text()
    assert wizard.state.options.sheet == "Adhérents l'€"


def test_a_csv_has_no_sheet_chooser(
    ctx: AppContext, qtbot: Any, ui_settings: QSettings, tmp_path: Path
) -> None:
    wizard = _wizard(ctx, qtbot, ui_settings, SCREENS[0])
    to_mapping(wizard, write_csv(tmp_path / "m.csv", [["Nom"], [EPICERIE]]))
    assert not wizard.mapping_page.sheet.isVisibleTo(wizard)


@pytest.mark.parametrize("size", SCREENS)
def test_the_refused_values_are_readable_whole(
    ctx: AppContext, qtbot: Any, ui_settings: QSettings, tmp_path: Path, size: tuple[int, int]
) -> None:
    path = write_csv(
        tmp_path / "membres.csv",
        [
            ["Nom", "SIRET", "Date d'adhésion"],
            [EPICERIE, "0123457410009", "31/02/2020"],
            [CAFE, "7,32829E+13", ""],
        ],
    )
    wizard = _wizard(ctx, qtbot, ui_settings, size)
    to_mapping(wizard, path)
    wizard.next()
    QApplication.processEvents()
    check = wizard.check
    assert [e.value for e in check.errors_model.rows()] == [
        "0123457410009",
        "31/02/2020",
        "7,32829E+13",
    ]
    _shot(wizard, f"import-errors-{size[0]}")
    view = check.errors_view
    for column in (1, 2):  # « Date d'adhésion », « 0123457410009 » whole, with the cell's margins
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), column
    # rows as high as their reason wraps (sized before the layout, they were 225 px high)
    for row in range(check.errors_model.rowCount()):
        assert view.rowHeight(row) <= 4 * view.fontMetrics().lineSpacing()
    # the reason keeps most of the width
    assert view.columnWidth(3) >= view.viewport().width() // 2


def test_the_preview_shows_the_values_whole(
    ctx: AppContext, qtbot: Any, ui_settings: QSettings, tmp_path: Path
) -> None:
    # 100 px a column cut « Accueil et secrétariat … » while half the table stood empty
    path = write_csv(
        tmp_path / "membres.csv",
        [["Nom", "Ville"], [EPICERIE, "Saint-Paul-Trois-Châteaux"], [LONG_NAME, "Die"]],
    )
    wizard = _wizard(ctx, qtbot, ui_settings, SCREENS[0])
    to_mapping(wizard, path)
    view = wizard.mapping_page.preview_view
    model = wizard.mapping_page.preview_model
    city = next(c for c in range(model.columnCount()) if model.headerData(c, _h()) == "Ville")
    name = next(c for c in range(model.columnCount()) if model.headerData(c, _h()) == "Nom")
    assert view.columnWidth(city) >= view.sizeHintForColumn(city)
    assert view.columnWidth(name) >= view.fontMetrics().horizontalAdvance(EPICERIE)
    # the very long name is cut, not the table stretched sideways for it
    assert view.columnWidth(name) < view.fontMetrics().horizontalAdvance(LONG_NAME)


def _h() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_after_the_import_no_empty_error_table_and_no_way_back(
    ctx: AppContext, qtbot: Any, ui_settings: QSettings, tmp_path: Path, french: None
) -> None:
    path = write_csv(tmp_path / "m.csv", [["Nom"], [EPICERIE], [LONG_NAME]])
    wizard = _wizard(ctx, qtbot, ui_settings, SCREENS[1])
    to_mapping(wizard, path)
    wizard.next()
    assert not wizard.check.errors_view.isVisibleTo(wizard)  # « Aucune erreur » says it all
    assert wizard.button(wizard.WizardButton.NextButton).text() == "&Importer"
    wizard.next()
    assert wizard.currentPage() is wizard.summary
    assert wizard.imported is not None and wizard.imported.written
    assert not wizard.summary.errors_view.isVisibleTo(wizard)
    # « Précédent » would check the same file again against what it just wrote: duplicates
    assert not wizard.button(wizard.WizardButton.BackButton).isEnabled()
    _shot(wizard, "import-summary")


def test_errors_keep_their_table(
    ctx: AppContext, qtbot: Any, ui_settings: QSettings, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "m.csv", [["Nom", "SIRET"], [CAFE, "123"]])
    wizard = _wizard(ctx, qtbot, ui_settings, SCREENS[0])
    to_mapping(wizard, path)
    wizard.next()
    assert wizard.check.errors_view.isVisibleTo(wizard)
    assert wizard.check.errors_model.rowCount() == 1


def test_a_refused_import_keeps_the_way_back(
    ctx: AppContext, qtbot: Any, ui_settings: QSettings, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "m.csv", [["Nom"], [EPICERIE]])
    wizard = _wizard(ctx, qtbot, ui_settings, SCREENS[0])
    to_mapping(wizard, path)
    wizard.next()
    # the member is created by someone else between the check and the import
    run_import(ctx.uow, "members", path)
    wizard.next()
    assert wizard.currentPage() is wizard.summary
    assert wizard.imported is None
    assert wizard.summary.errors_view.isVisibleTo(wizard)
    assert wizard.button(wizard.WizardButton.BackButton).isEnabled()
