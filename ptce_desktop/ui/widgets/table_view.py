"""A QTableView set up the way every list of the app wants it, with a remembered layout.

Rows are selected whole, sorting is on, lines alternate colours; right-clicking the header
chooses the visible columns; widths, order, hidden columns and sort order are remembered under
``settings_key`` (UI state only). ``rowActivated`` gives the row object on double-click/Enter.

Right-clicking the table offers « Copier » and « Exporter… » (the table as shown — filtered,
sorted, the visible columns — to XLSX, ODS or CSV); Ctrl+C copies the selected rows as
tab-separated cells with French numbers (:mod:`ptce_desktop.ui.exports.table_export`).
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QEvent,
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
    QToolTip,
    QWidget,
)

from ptce_desktop.ui.state import ui_settings
from ptce_desktop.ui.widgets.table_model import ROW_ROLE

#: The name column never shrinks below this to make room for the others.
NAME_MIN_WIDTH = 160
#: Other text columns narrow down to this to bring the amounts into view.
TEXT_MIN_WIDTH = 90
#: Text columns this narrow or less (numbers, dates, periods) are narrowed after the names.
SHORT_TEXT_WIDTH = 130
#: A remembered name width counts as the column's own up to this much (the rest was spare).
NAME_RESTORED_MAX = 320


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
        header.sectionResized.connect(self._section_resized)
        self._fitting = False
        self._name_width: int | None = None
        #: Each other column's own width (fitted, or set by the user): what a column narrowed
        #: to make room gets back when the view widens again.
        self._own_widths: dict[int, int] = {}
        self._expand: int | None = None
        #: columns the page lets go, in this order, when even narrowed they do not fit the view
        #: (no horizontal scroll bar): hidden while too narrow, back when there is room
        self.foldable: tuple[int, ...] = ()
        #: the narrowest a column may be made to bring the others into view (a page's readable
        #: width; default :data:`TEXT_MIN_WIDTH`): below it the foldable columns go first
        self.min_widths: dict[int, int] = {}
        self._folded: list[int] = []
        header.sectionMoved.connect(self._schedule_save)
        header.sortIndicatorChanged.connect(self._schedule_save)
        self.activated.connect(self._emit_row_activated)

    # --- model and state ---------------------------------------------------------------------
    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
            self.restore_state()
            if self.expand_column() is not None:  # the name column, not the last, takes spare
                self.horizontalHeader().setStretchLastSection(False)

    def restore_state(self) -> bool:
        """Apply the saved header layout if it fits the current columns."""
        state = self._settings.value(self._state_key())
        if not isinstance(state, QByteArray | bytes) or self.model() is None:
            return False
        self._restoring = True
        try:
            header = self.horizontalHeader()
            # the page's sampling of rows, not the one saved with an older layout (Qt's 1 000
            # rows measured, in Python calls, when the name column is chosen below)
            precision = header.resizeContentsPrecision()
            restored = header.restoreState(QByteArray(state))
            header.setResizeContentsPrecision(precision)
            if not restored or header.count() != self.model().columnCount():
                return False
            if header.hiddenSectionCount() >= header.count() > 0:
                header.showSection(header.logicalIndex(0))
            self.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
            if (column := self.expand_column()) is not None:
                header.setStretchLastSection(False)  # a layout saved before names took spare
                # what was saved may include a wider window's spare width: not all of it is owed
                owned = min(header.sectionSize(column), NAME_RESTORED_MAX)
                self._name_width = max(owned, NAME_MIN_WIDTH)
            return True
        finally:
            self._restoring = False
            self.fit_width()

    def save_state(self) -> None:
        if self.model() is None:
            return
        self._save_timer.stop()
        folded = self._unfold()  # a column folded for a narrow window is not the user's choice
        self._settings.setValue(self._state_key(), self.horizontalHeader().saveState())
        self._fold_again(folded)

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
        if column in self._folded or column in self.foldable:  # the user's choice wins
            self._folded = [c for c in self._folded if c != column]
            self.foldable = tuple(c for c in self.foldable if c != column)
        self.horizontalHeader().setSectionHidden(column, not visible)
        self._schedule_save()

    def show_all_columns(self) -> None:
        """Every column shown, as the user asked: none folds again for a narrow window (a
        horizontal scroll bar then, rather than columns vanishing as they come back), and a
        column that was hidden comes back at least as wide as its title and readable width."""
        self._unfold()
        self.foldable = ()
        header = self.horizontalHeader()
        for logical in range(header.count()):
            if not header.isSectionHidden(logical):
                continue
            header.showSection(logical)
            least = max(header.sectionSizeHint(logical), self.min_widths.get(logical, 0))
            if header.sectionSize(logical) < least:
                header.resizeSection(logical, least)
        self._schedule_save()

    def _show_header_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def fit_columns(self) -> None:
        """Size columns to their contents once (e.g. after the first rows arrive)."""
        header = self.horizontalHeader()
        self._expand = None  # measured again on these rows
        self._unfold()  # a folded column measures 0 wide: it is folded again by fit_width
        self._fitting = True  # sized here, not taken as the user's widths
        try:
            self.resizeColumnsToContents()
            names = self.expand_column()  # the names may be longer than other texts
            for logical in range(header.count()):
                most = 640 if logical == names else 420
                header.resizeSection(logical, min(header.sectionSize(logical) + 16, most))
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self._own_widths = {c: header.sectionSize(c) for c in range(header.count())}
        finally:
            self._fitting = False
        column = self.expand_column()  # its fitted width is its own width again
        self._name_width = (
            None if column is None else max(header.sectionSize(column), NAME_MIN_WIDTH)
        )
        self.fit_width()

    # --- the name column takes the spare width ---------------------------------------------------
    def expand_column(self) -> int | None:
        """The column that takes the spare width (and gives some back so the amounts stay in
        view): among the visible left-aligned ones (names, titles, labels — not amounts), the one
        with the longest text once rows are there, then kept; None when all are numbers."""
        model, header = self.model(), self.horizontalHeader()
        if model is None:
            return None
        chosen = self._expand
        if chosen is not None and chosen < header.count() and not header.isSectionHidden(chosen):
            return chosen
        candidates = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if header.isSectionHidden(logical):
                continue
            align = model.headerData(
                logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole
            )
            if align is None or not int(align) & int(Qt.AlignmentFlag.AlignRight):
                candidates.append(logical)
        if not candidates:
            return None
        # a column the page lets go when narrow is not the one that takes the spare width
        candidates = [c for c in candidates if c not in self.foldable] or candidates
        if model.rowCount() == 0:
            return candidates[0]  # decided once there are rows to measure
        self._expand = max(candidates, key=self.sizeHintForColumn)  # first of equals wins
        return self._expand

    def fit_width(self, keep: int | None = None) -> None:
        """Give the viewport's spare width to :meth:`expand_column`; when the view narrows, take
        it back, down to the column's own width (fitted to the names, remembered or set by the
        user, and at least :data:`NAME_MIN_WIDTH`): a name is never cut to make room."""
        column = self.expand_column()
        header = self.horizontalHeader()
        if (
            self._fitting
            or column is None
            or header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive
            or header.stretchLastSection()
        ):
            return
        self._fitting = True
        try:
            self._unfold()
            column = self.expand_column()
            assert column is not None
            self._give_spare(column)
            self._make_room(column, keep)
            self._fold(column, keep)
        finally:
            self._fitting = False

    def _give_spare(self, column: int) -> None:
        header = self.horizontalHeader()
        spare = self.viewport().width() - header.length()
        current = header.sectionSize(column)
        if self._name_width is None:
            self._name_width = max(current, NAME_MIN_WIDTH)
        width = max(current + spare, self._name_width)
        if width != current:
            header.resizeSection(column, width)

    # --- folding: the last resort before a horizontal scroll bar -------------------------------
    def _unfold(self) -> list[int]:
        folded, self._folded = self._folded, []
        # neither a layout change to save nor one to fit the other columns to
        quiet = self._restoring, self._fitting
        self._restoring = self._fitting = True
        try:
            header = self.horizontalHeader()
            for logical in folded:
                if header.isSectionHidden(logical):
                    header.showSection(logical)
        finally:
            self._restoring, self._fitting = quiet
        return folded

    def _fold_again(self, folded: list[int]) -> None:
        quiet = self._restoring, self._fitting
        self._restoring = self._fitting = True
        try:
            header = self.horizontalHeader()
            for logical in folded:
                if not header.isSectionHidden(logical):  # hiding twice would forget its width
                    header.hideSection(logical)
        finally:
            self._restoring, self._fitting = quiet
        self._folded = folded

    def _fold(self, name_column: int, keep: int | None) -> None:
        """Still wider than the view once every text column is narrowed: hide the page's
        :attr:`foldable` columns one by one (they come back when the view widens), then give
        the width they leave to the name column."""
        header = self.horizontalHeader()
        if self.viewport().width() < 200:
            return  # not laid out yet
        for logical in self.foldable:
            if header.length() <= self.viewport().width():
                break
            if logical in (name_column, keep) or header.isSectionHidden(logical):
                continue
            self._fold_again([*self._folded, logical])
        spare = self.viewport().width() - header.length()
        if self._folded and spare > 0:  # what the folded columns leave goes to the names
            header.resizeSection(name_column, header.sectionSize(name_column) + spare)

    def _make_room(self, name_column: int, keep: int | None = None) -> None:
        """Still too wide: narrow the long text columns (down to :data:`TEXT_MIN_WIDTH`, their
        whole text in the tooltip), then the name column (down to :data:`NAME_MIN_WIDTH`),
        and only then the short ones (a call number, a date, a period: cut last, as a cut
        identifier reads as another one), so the amounts on the right come into view."""
        header, model = self.horizontalHeader(), self.model()
        if model is None or self.viewport().width() < 200:
            return  # not laid out yet: nothing to judge by
        texts = []
        for logical in range(header.count()):
            align = model.headerData(
                logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole
            )
            right = align is not None and int(align) & int(Qt.AlignmentFlag.AlignRight)
            shown = not header.isSectionHidden(logical)
            if logical not in (name_column, keep) and shown and not right:
                texts.append(logical)
        for logical in texts:  # narrowed while the view was narrower: its own width back
            own = self._own_widths.get(logical, 0)
            if header.sectionSize(logical) < own:
                header.resizeSection(logical, own)
        short = [c for c in texts if header.sectionSize(c) <= SHORT_TEXT_WIDTH]
        self._narrow([c for c in texts if c not in short], TEXT_MIN_WIDTH)
        if keep != name_column:
            self._narrow([name_column], NAME_MIN_WIDTH)
        self._narrow(short, TEXT_MIN_WIDTH)

    def _narrow(self, columns: list[int], floor: int) -> None:
        """Take the view's excess width from ``columns``, each in proportion to what it has
        above ``floor``, none below it."""
        header = self.horizontalHeader()
        deficit = header.length() - self.viewport().width()
        floors = {c: max(floor, self.min_widths.get(c, 0)) for c in columns}
        room = sum(max(header.sectionSize(c) - floors[c], 0) for c in columns)
        if deficit <= 0 or room <= 0:
            return
        share = min(deficit / room, 1.0)
        for logical in columns:
            size = header.sectionSize(logical)
            give = min(math.ceil(max(size - floors[logical], 0) * share), size - floors[logical])
            header.resizeSection(logical, size - max(give, 0))

    def _section_resized(self, logical: int, _old: int, new: int) -> None:
        # another column widened or narrowed: the name column absorbs it (not when the user
        # sizes the name column itself, nor while this view sizes it)
        if self._fitting:
            return
        if logical == self.expand_column():
            self._name_width = max(new, NAME_MIN_WIDTH)  # the user's width is its own
        else:  # the column the user just sized (a double-click fits it) keeps its width
            self._own_widths[logical] = new
            self.fit_width(keep=logical)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_width()

    def viewportEvent(self, event: Any) -> bool:
        # a cell cut by its column shows its whole text as a tooltip
        if event.type() == QEvent.Type.ToolTip:
            index = self.indexAt(event.pos())
            if index.isValid() and index.data(Qt.ItemDataRole.ToolTipRole) is None:
                text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                room = self.visualRect(index).width() - 8
                if text and self.fontMetrics().horizontalAdvance(text) > room:
                    QToolTip.showText(event.globalPos(), text, self.viewport())
                    return True
        return super().viewportEvent(event)

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
