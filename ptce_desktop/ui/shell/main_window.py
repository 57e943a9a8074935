"""The main window: navigation on the left, one page at a time, menus, year selector, status.

The window knows no service and no database. The composition root fills it::

    window = MainWindow()
    window.set_page("members", MembersPage(members_service, runner, presenter))
    window.set_fiscal_years([("2025", 2025), ("2026", 2026)], current=2026)
    window.fiscalYearChanged.connect(...)
    window.open_action.triggered.connect(...)
    window.bind_undo_stack(undo_stack)
    change_bus.subscribe(window.refresh_pages)
    window.set_document("Pôle Sud", path, read_only=False)

Pages are plain QWidgets; what they may offer the window (Ctrl+F, Ctrl+N, refresh, year) is
described in :mod:`ptce_desktop.ui.pages`.

Only the page on screen works at once: the changes published while one event is handled are
merged and told to that page once, after the event (:meth:`MainWindow.refresh_pages`); the other
pages keep what they missed (changes, a new fiscal year) and are told when they are next shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.ui.icons import icon
from ptce_desktop.ui.pages import (
    CreatingPage,
    LoadingPage,
    PageFrame,
    PendingPage,
    RefreshingPage,
    SearchablePage,
    YearAwarePage,
    import_pages_ahead,
    navigation_entries,
)
from ptce_desktop.ui.state import ui_settings
from ptce_desktop.ui.undo import UndoActions
from ptce_desktop.ui.widgets.year_selector import YearSelector

log = logging.getLogger(__name__)

APP_NAME = "PTCE Desktop"

#: Once a file is open, the pages' modules are imported in the background after this delay.
IMPORT_PAGES_AFTER_MS = 300


def page_shortcut(position: int) -> str | None:
    """The shortcut of the page at ``position`` (from 1) in the sidebar: Ctrl+1…Ctrl+9 for the
    first nine, Alt+1…Alt+9 for the next nine."""
    if 1 <= position <= 9:
        return f"Ctrl+{position}"
    if 10 <= position <= 18:
        return f"Alt+{position - 9}"
    return None


class MainWindow(QMainWindow):
    """Not meant to be subclassed (``self.tr`` looks texts up under "MainWindow")."""

    fiscalYearChanged = Signal(int)
    pageChanged = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self._settings = settings if settings is not None else ui_settings()
        self._keys: list[str] = []
        self._frames: dict[str, PageFrame] = {}
        self.read_only = False
        self.setWindowIcon(icon("app"))
        self.setUnifiedTitleAndToolBarOnMac(True)

        self._build_actions()
        self._build_toolbar()
        self._build_central()
        self._build_status_bar()
        self._entries = {entry.key: entry for entry in navigation_entries()}
        self._pending: dict[str, Callable[[], QWidget | None]] = {}
        # what the hidden pages missed: the changes (merged) and whether the year moved
        self._missed: dict[str, Any] = {}
        self._year_missed: set[str] = set()
        self._queued: list[Any] = []  # changes published during the current event
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.flush_refreshes)
        self._importing_ahead = False
        for entry in self._entries.values():
            self._append_page(entry.key, entry.title, PendingPage(entry), entry.icon)
        self._build_menus()
        self._fit_sidebar()
        self.navigation.setCurrentRow(0)
        self.set_document(None, None, read_only=False)
        self.restore_ui_state()

    # --- building ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(text: str, shortcut: Any = None, slot: Any = None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            if slot is not None:
                act.triggered.connect(slot)
            self.addAction(act)  # shortcuts work even when the menu bar is hidden
            return act

        self.new_pole_action = action(self.tr("&New pole…"))
        self.open_action = action(self.tr("&Open…"), QKeySequence.StandardKey.Open)
        self.demo_action = action(self.tr("&Explore the demo"))
        self.save_copy_action = action(self.tr("&Save a copy…"), QKeySequence.StandardKey.SaveAs)
        self.backups_action = action(self.tr("&Backups and restore…"))
        self.check_action = action(self.tr("&Check the database"))
        self.repair_action = action(self.tr("&Repair a damaged file…"))
        self.import_action = action(self.tr("&Import…"))
        self.export_archive_action = action(self.tr("E&xport the archive…"))
        self.import_archive_action = action(self.tr("Import an a&rchive…"))
        self.quit_action = action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self._undo_actions = UndoActions(self)
        self.undo_action = self._undo_actions.undo
        self.redo_action = self._undo_actions.redo
        self.addActions([self.undo_action, self.redo_action])
        self.new_item_action = action(self.tr("&Add…"), QKeySequence.StandardKey.New)
        self.new_item_action.triggered.connect(self._new_item)
        self.search_action = action(self.tr("&Find"), QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self._focus_search)
        self.search_action.setIcon(icon("search"))

        self.toggle_navigation_action = action(self.tr("Show the &navigation"))
        self.toggle_navigation_action.setCheckable(True)
        self.toggle_navigation_action.setChecked(True)
        # Help menu: F1 opens the current page's topic, Guide the contents, About the facts.
        self.help_action = action(self.tr("&Help on this page"), "F1", self._show_page_help)
        self.guide_action = action(self.tr("&Guide"), None, self.show_guide)
        self.shortcuts_action = action(
            self.tr("&Keyboard shortcuts"), "Ctrl+F1", self.show_shortcuts
        )
        self.about_action = action(self.tr("&About PTCE Desktop"), None, self._show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.help_window: Any = None  # built on first use (ptce_desktop.ui.help)
        self.about_dialog: Any = None
        self._page_group = QActionGroup(self)
        self._page_group.setExclusive(True)
        self.page_actions: dict[str, QAction] = {}

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_pole_action, self.open_action, self.demo_action])
        file_menu.addAction(self.import_action)
        file_menu.addActions([self.export_archive_action, self.import_archive_action])
        file_menu.addSeparator()
        file_menu.addActions(
            [self.save_copy_action, self.backups_action, self.check_action, self.repair_action]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.new_item_action, self.search_action])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.toggle_navigation_action)
        view_menu.addSeparator()
        view_menu.addActions(list(self.page_actions.values()))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.help_action, self.guide_action, self.shortcuts_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self.menus = {"file": file_menu, "edit": edit_menu, "view": view_menu, "help": help_menu}

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.year_selector = YearSelector()
        self.year_selector.yearChanged.connect(self._year_changed)
        self.year_combo = self.year_selector.combo
        bar.addWidget(self.year_selector)
        bar.addSeparator()
        bar.addActions([self.undo_action, self.redo_action])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _build_central(self) -> None:
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        self.pole_label = QLabel()
        self.pole_label.setObjectName("sidebarTitle")
        self.pole_label.setWordWrap(True)
        side.addWidget(self.pole_label)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setUniformItemSizes(True)
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.currentRowChanged.connect(self._row_changed)
        side.addWidget(self.navigation, 1)
        sidebar.setMinimumWidth(180)
        self.stack = QStackedWidget()
        # The window never grows to fit a page (a hint appearing, a preview): the pages' own
        # minimum sizes are not the window's; each page fits 1200 × 760 on its own.
        self.stack.setMinimumSize(QSize(400, 300))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 970])
        self.setCentralWidget(self.splitter)
        self.toggle_navigation_action.toggled.connect(sidebar.setVisible)
        self.sidebar = sidebar

    def _fit_sidebar(self) -> None:
        """Wide enough for the longest page title (icon, paddings and a little air included)."""
        metrics = self.navigation.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.navigation.item(row).text()))
            for row in range(self.navigation.count())
        )
        width = widest + self.navigation.iconSize().width() + 72
        self.splitter.setSizes([width, max(self.width() - width, 700)])

    def _build_status_bar(self) -> None:
        self.read_only_badge = QLabel(self.tr("Read-only"))
        self.read_only_badge.setObjectName("readOnlyBadge")
        self.read_only_badge.setToolTip(self.tr("The file was opened read-only."))
        self.read_only_badge.hide()
        self.statusBar().addPermanentWidget(self.read_only_badge)

    # --- pages -------------------------------------------------------------------------------
    def _append_page(self, key: str, title: str, widget: QWidget, icon_name: str | None) -> None:
        frame = PageFrame(title, widget)
        self._keys.append(key)
        self._frames[key] = frame
        self.stack.addWidget(frame)
        item = QListWidgetItem(icon(icon_name) if icon_name else icon("placeholder"), title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(0, 34))
        self.navigation.addItem(item)
        act = QAction(title, self)
        act.setCheckable(True)
        act.setActionGroup(self._page_group)
        shortcut = page_shortcut(len(self._keys))
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
        self.addAction(act)
        self.page_actions[key] = act
        if hasattr(self, "menus"):
            self.menus["view"].addAction(act)

    def add_page(self, key: str, title: str, widget: QWidget, icon_name: str | None = None) -> None:
        """Add a page at the end of the navigation, or replace the page ``key`` and its title."""
        if key in self._frames:
            self.set_page(key, widget)
            self._frames[key].set_title(title)
            self.navigation.item(self._keys.index(key)).setText(title)
            self.page_actions[key].setText(title)
            return
        self._append_page(key, title, widget, icon_name)

    def set_page(self, key: str, widget: QWidget) -> None:
        """Put ``widget`` in place of the page ``key`` (e.g. its placeholder)."""
        if key not in self._frames:
            raise KeyError(f"no page {key!r}; known pages: {', '.join(self._keys)}")
        old = self._frames[key].replace_content(widget)
        old.deleteLater()
        self._missed.pop(key, None)  # a new page reads everything itself
        self._year_missed.discard(key)
        requested = getattr(widget, "pageRequested", None)  # a page linking to another
        if requested is not None:
            requested.connect(self.go_to)
        year = self.current_fiscal_year()
        if isinstance(widget, YearAwarePage) and year is not None:
            widget.set_fiscal_year(year)
        if key == self.current_page_key():
            self._update_page_actions()

    def set_page_factory(self, key: str, build: Callable[[], QWidget | None]) -> None:
        """Build the page ``key`` only when it is first shown or asked for (a fast start).

        Until then the page is its placeholder; ``build`` may return None (it failed and said
        so), and the placeholder stays.
        """
        self.set_page(key, PendingPage(self._entries[key]))
        self._pending[key] = build
        if not self._importing_ahead:  # the modules of the pages not shown yet, meanwhile
            self._importing_ahead = True
            QTimer.singleShot(IMPORT_PAGES_AFTER_MS, import_pages_ahead)

    def set_loading(self, loading: bool) -> None:
        """« Chargement… » in place of the page on screen, while a file opens (the actions that
        need the file's shell wait too); False puts the page's placeholder back if it is still
        showing « Chargement… » (a page built meanwhile stays)."""
        for file_action in (
            self.new_pole_action, self.open_action, self.demo_action, self.import_action,
            self.import_archive_action, self.repair_action,
        ):  # fmt: skip
            file_action.setEnabled(not loading)
        key = self.current_page_key()
        if not key:
            return
        showing = isinstance(self._frames[key].content, LoadingPage)
        if loading and not showing:
            self.set_page(key, LoadingPage())
        elif not loading and showing:
            self.set_page(key, PendingPage(self._entries[key]))

    def is_loading(self) -> bool:
        key = self.current_page_key()
        return bool(key) and isinstance(self._frames[key].content, LoadingPage)

    def _ensure(self, key: str) -> None:
        build = self._pending.pop(key, None)
        if build is not None and (widget := build()) is not None:
            self.set_page(key, widget)

    def page(self, key: str) -> QWidget:
        self._ensure(key)
        return self._frames[key].content

    def page_title(self, key: str) -> str:
        return self._frames[key].title_label.text()

    def page_keys(self) -> list[str]:
        return list(self._keys)

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(self._keys.index(key))

    def go_to(self, target: str) -> None:
        """Show the page ``target`` (``"settings:years"``: the page, then its section if it
        has ``show_section``), or open the backups dialog for ``"backups"``."""
        key, _, section = target.partition(":")
        if key in self._keys:
            self.show_page(key)
            page = self.page(key)
            if section and hasattr(page, "show_section"):
                page.show_section(section)
        elif target == "backups" and self.backups_action.isEnabled():
            self.backups_action.trigger()

    def current_page_key(self) -> str:
        row = self.navigation.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else ""

    def current_page(self) -> QWidget | None:
        key = self.current_page_key()
        return self.page(key) if key else None

    def _row_changed(self, row: int) -> None:
        if not 0 <= row < len(self._keys):
            return
        key = self._keys[row]
        self._ensure(key)
        self.stack.setCurrentWidget(self._frames[key])
        self._catch_up(key)
        self.page_actions[key].setChecked(True)
        self._update_page_actions()
        self.pageChanged.emit(key)

    def _update_page_actions(self) -> None:
        page = self.current_page()
        self.search_action.setEnabled(isinstance(page, SearchablePage))
        self.new_item_action.setEnabled(isinstance(page, CreatingPage) and not self.read_only)

    def _focus_search(self) -> None:
        page = self.current_page()
        if isinstance(page, SearchablePage):
            page.focus_search()

    def _new_item(self) -> None:
        page = self.current_page()
        if isinstance(page, CreatingPage) and not self.read_only:
            page.new_item()

    def refresh_pages(self, changes: Any) -> None:
        """Note what changed in the file; the page on screen is told once the current event is
        handled (several changes in one event make one refresh), the others when shown.

        ``changes`` is a :class:`Change`, or anything else meaning "everything changed"."""
        self._queued.append(changes)
        self._refresh_timer.start()

    def flush_refreshes(self) -> None:
        """Tell the pages now what :meth:`refresh_pages` noted (the timer does it otherwise)."""
        self._refresh_timer.stop()
        if not self._queued:
            return
        changes = merge_changes(self._queued)
        self._queued = []
        current = self.current_page_key()
        for key, frame in self._frames.items():
            if not isinstance(frame.content, RefreshingPage):
                continue
            if key == current:
                self._refresh(key, changes)
            else:
                before = [self._missed[key]] if key in self._missed else []
                self._missed[key] = merge_changes([*before, changes])

    def _refresh(self, key: str, changes: Any) -> None:
        page = self._frames[key].content
        if isinstance(page, RefreshingPage):
            page.refresh(changes)  # from the timer, a failure reaches the error presenter hook

    def _catch_up(self, key: str) -> None:
        """The page ``key`` is now on screen: tell it the year and the changes it missed."""
        page = self._frames[key].content
        year = self.current_fiscal_year()
        if key in self._year_missed:
            self._year_missed.discard(key)
            if isinstance(page, YearAwarePage) and year is not None:
                page.set_fiscal_year(year)
        if key in self._missed:
            self._refresh(key, self._missed.pop(key))

    # --- fiscal year -------------------------------------------------------------------------
    def set_fiscal_years(self, years: Sequence[tuple[str, int]], current: int | None) -> None:
        """Fill the selector with ``(label, year)`` pairs and select ``current`` (no signal)."""
        self.year_selector.set_years(years, current)
        self._tell_pages_the_year()

    def current_fiscal_year(self) -> int | None:
        return self.year_selector.current_year()

    def _year_changed(self, year: int) -> None:
        self._tell_pages_the_year()
        self.fiscalYearChanged.emit(year)

    def _tell_pages_the_year(self) -> None:
        """The page on screen reloads for the year now; the others when next shown."""
        year = self.current_fiscal_year()
        if year is None:
            return
        current = self.current_page_key()
        for key, frame in self._frames.items():
            if not isinstance(frame.content, YearAwarePage):
                continue
            if key == current:
                self._year_missed.discard(key)
                frame.content.set_fiscal_year(year)
            else:
                self._year_missed.add(key)

    # --- document, undo, status --------------------------------------------------------------
    def set_document(self, pole_name: str | None, path: Path | str | None, read_only: bool) -> None:
        """Title "PTCE Desktop — <pole> — <file>", and the read-only badge."""
        parts = [APP_NAME]
        if pole_name:
            parts.append(pole_name)
        if path:
            parts.append(str(path))
        title = " — ".join(parts)
        if read_only:
            title += " " + self.tr("(read-only)")
        self.setWindowTitle(title)
        self.setWindowFilePath(str(path) if path else "")
        self.pole_label.setText(pole_name or APP_NAME)
        self.pole_label.setToolTip(str(path) if path else "")
        self.read_only = read_only
        self.read_only_badge.setVisible(read_only)
        for file_action in (
            self.save_copy_action, self.backups_action, self.check_action,
            self.export_archive_action,
        ):  # fmt: skip
            file_action.setEnabled(path is not None)
        self._update_page_actions()
        self._undo_actions.set_read_only(read_only)

    def bind_undo_stack(self, stack: Any) -> None:
        """Follow a QUndoStack-like object (see :mod:`ptce_desktop.ui.undo`)."""
        self._undo_actions.bind(stack)

    def show_message(self, text: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    # --- help menu -----------------------------------------------------------------------------
    def show_help(self, topic: str) -> None:
        """Show ``topic`` of the guide (resources/help) in the one help window."""
        from ptce_desktop.ui.help import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self.help_window.show_topic(topic)

    def _show_page_help(self) -> None:
        from ptce_desktop.ui.help import topic_for_page

        self.show_help(topic_for_page(self.current_page_key()))

    def show_guide(self) -> None:
        from ptce_desktop.ui.help import INDEX

        self.show_help(INDEX)

    def show_shortcuts(self) -> None:
        """Aide ▸ Raccourcis clavier: every shortcut of the window, read from its actions."""
        from ptce_desktop.ui.shell.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _show_about(self) -> None:
        from ptce_desktop.ui.about import AboutDialog

        if self.about_dialog is not None:
            self.about_dialog.deleteLater()
        self.about_dialog = AboutDialog(self.windowFilePath() or None, self)
        self.about_dialog.open()  # window-modal, does not block the event loop

    # --- remembered UI state -----------------------------------------------------------------
    def restore_ui_state(self) -> None:
        s = self._settings
        geometry = s.value("main_window/geometry")
        if isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(QByteArray(geometry)):
            pass
        else:
            self.resize(1200, 760)
        state = s.value("main_window/state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        splitter = s.value("main_window/splitter")
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(QByteArray(splitter))
        navigation = s.value("main_window/navigation_visible")
        if navigation is not None:
            self.toggle_navigation_action.setChecked(str(navigation).lower() != "false")

    def save_ui_state(self) -> None:
        s = self._settings
        s.setValue("main_window/geometry", self.saveGeometry())
        s.setValue("main_window/state", self.saveState())
        s.setValue("main_window/splitter", self.splitter.saveState())
        s.setValue("main_window/navigation_visible", self.toggle_navigation_action.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_ui_state()
        super().closeEvent(event)


def merge_changes(changes: Sequence[Any]) -> Any:
    """One change standing for ``changes``: the union of their tables, or the single one as is;
    anything that is not a :class:`Change` (None: "everything") wins."""
    if len(changes) == 1:
        return changes[0]
    # Changes exist only once a file is open: the store is imported by then (not before the
    # window's first paint, which must not wait for SQLAlchemy).
    from ptce_desktop.store.unit_of_work import Change

    if not all(isinstance(change, Change) for change in changes):
        return next(change for change in changes if not isinstance(change, Change))
    tables: frozenset[str] = frozenset().union(*(change.entities for change in changes))
    return Change(changes[-1].action, tables)
