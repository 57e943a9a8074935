"""The Rapports page at a laptop's size: choosing the Cerfa (whose form has one more option)
no longer widens the form so much that the preview's own buttons are cut (« Pleine lar »,
« registrer sous » at 1200 × 760 on the demo)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QPushButton
from support.ui import page_at, settle

from ptce_desktop.ui.pages.reports.form import KIND_ROLE
from ptce_desktop.ui.pages.reports.page import ReportsPage
from ptce_desktop.ui.shell.main_window import MainWindow

SIZES = (QSize(1200, 760), QSize(1366, 768))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize("kind", ["redistribution", "cerfa-15059", "crf-bundle"])
def test_the_preview_bar_is_whole_whatever_the_document(
    demo_window: MainWindow, size: QSize, kind: str
) -> None:
    page = page_at(demo_window, "reports", size, ReportsPage)
    kinds = page.form.kind_list
    row = next(r for r in range(kinds.count()) if kinds.item(r).data(KIND_ROLE) == kind)
    kinds.setCurrentRow(row)
    settle()
    bar = [page.save_button, page.print_button, page.preview.zoom_combo]
    where = f"{kind} at {size.width()}×{size.height()}"
    for widget in bar:
        assert isinstance(widget, QPushButton | QComboBox)
        assert widget.width() >= widget.minimumSizeHint().width(), where
    assert page.save_button.width() >= page.save_button.sizeHint().width(), where
    right = page.print_button.mapTo(page, page.print_button.rect().topRight()).x()
    assert right <= page.width(), where
