"""A QTableView set up the way every list of the app wants it, with a remembered layout.

Rows are selected whole, sorting is on, lines alternate colours; right-clicking the header
chooses the visible columns; widths, order, hidden columns and sort order are remembered under
``settings_key`` (UI state only). ``rowActivated`` gives the row object on double-click/Enter.

Right-clicking the table offers « Copier » and « Exporter… » (the table as shown — filtered,
sorted, the visible columns — to XLSX, ODS or CSV); Ctrl+C copies the selected rows as
tab-separated cells with French numbers (:mod:`ptce_desktop.ui.exports.table_export`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QMessageBox,
    QTableView,
    QWidget,
)

from ptce_desktop.ui.state import ui_settings
from ptce_desktop.ui.widgets.table_model import ROW_ROLE


class TableView(QTableView):
    rowActivated = Signal(object)

    def __init__(
        self,
        settings_key: str,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings_key = settings_key
        # the name an export suggests (pages may set a translated title)
        self.export_title = settings_key.replace("/", " ").replace("_", " ").strip()
        self._settings = settings if settings is not None else ui_settings()
        self._restoring = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(300)
        self._save_timer.timeout.connect(self.save_state)
        # Not a hideEvent override: Qt may call that while Python is shutting down.
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self._flush_pending_save)

        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab enters and leaves the table (to its buttons, the detail pane); arrows move within
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        header.sectionResized.connect(self._schedule_save)
        header.sectionMoved.connect(self._schedule_save)
        header.sortIndicatorChanged.connect(self._schedule_save)
        self.activated.connect(self._emit_row_activated)

    # --- model and state ---------------------------------------------------------------------
    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
            self.restore_state()

    def restore_state(self) -> bool:
        """Apply the saved header layout if it fits the current columns."""
        state = self._settings.value(self._state_key())
        if not isinstance(state, QByteArray | bytes) or self.model() is None:
            return False
        self._restoring = True
        try:
            header = self.horizontalHeader()
            restored = header.restoreState(QByteArray(state))
            if not restored or header.count() != self.model().columnCount():
                return False
            if header.hiddenSectionCount() >= header.count() > 0:
                header.showSection(header.logicalIndex(0))
            self.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
            return True
        finally:
            self._restoring = False

    def save_state(self) -> None:
        if self.model() is None:
            return
        self._save_timer.stop()
        self._settings.setValue(self._state_key(), self.horizontalHeader().saveState())

    def _state_key(self) -> str:
        return f"tables/{self._settings_key}/header"

    def _schedule_save(self, *_args: Any) -> None:
        if not self._restoring:
            self._save_timer.start()

    def _flush_pending_save(self) -> None:
        """Write a layout change still waiting on the timer (the window is closing)."""
        if self._save_timer.isActive():
            self.save_state()

    # --- rows --------------------------------------------------------------------------------
    def current_row(self) -> Any:
        """The row object under the cursor, or None."""
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def selected_rows(self) -> list[Any]:
        """The selected row objects, in display order."""
        selection = self.selectionModel()
        if selection is None:
            return []
        indexes = sorted(selection.selectedRows(), key=lambda index: index.row())
        return [index.data(ROW_ROLE) for index in indexes]

    def _emit_row_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.rowActivated.emit(row)

    # --- column chooser ----------------------------------------------------------------------
    def column_menu(self) -> QMenu:
        """The header menu: one checkable entry per column (the last visible one stays on)."""
        menu = QMenu(self)
        header = self.horizontalHeader()
        model = self.model()
        visible = header.count() - header.hiddenSectionCount()
        for logical in range(header.count()):
            title = model.headerData(logical, Qt.Orientation.Horizontal) if model else ""
            action = QAction(str(title or ""), menu)
            action.setCheckable(True)
            shown = not header.isSectionHidden(logical)
            action.setChecked(shown)
            action.setEnabled(not (shown and visible <= 1))
            action.toggled.connect(
                lambda checked, section=logical: self.set_column_visible(section, checked)
            )
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(QCoreApplication.translate("TableView", "Show all columns"))
        reset.triggered.connect(self.show_all_columns)
        return menu

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.horizontalHeader().setSectionHidden(column, not visible)
        self._schedule_save()

    def show_all_columns(self) -> None:
        header = self.horizontalHeader()
        for logical in range(header.count()):
            header.showSection(logical)
        self._schedule_save()

    def _show_header_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def fit_columns(self) -> None:
        """Size columns to their contents once (e.g. after the first rows arrive)."""
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for logical in range(header.count()):
            header.resizeSection(logical, min(header.sectionSize(logical) + 16, 420))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    # --- copy and export -------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def copy_selection(self) -> str:
        """Put the selected rows on the clipboard (tab-separated, French numbers)."""
        from ptce_desktop.ui.exports.table_export import clipboard_text

        text = clipboard_text(self)
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        copy = menu.addAction(QCoreApplication.translate("TableView", "&Copy"))
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setEnabled(bool(self.selectionModel() and self.selectionModel().hasSelection()))
        copy.triggered.connect(self.copy_selection)
        export = menu.addAction(QCoreApplication.translate("TableView", "&Export…"))
        export.setEnabled(self.model() is not None)
        export.triggered.connect(lambda: self.export_table())
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def export_table(self, path: Any = None) -> Any:
        """Ask where (unless ``path``), then write the table as shown; the path written."""
        from ptce_desktop.domain.errors import PtceError
        from ptce_desktop.ui.exports.table_export import ask_path, export_view
        from ptce_desktop.ui.i18n import current_language

        target = path if path is not None else ask_path(self, self.export_title)
        if target is None:
            return None
        try:
            export_view(self, self.export_title, target)
        except PtceError as error:
            QMessageBox.warning(self, "PTCE Desktop", error.message(current_language()))
            return None
        return target
