"""The pieces every list page is built from: a search field and a bar of buttons above a table
and its detail panel (a splitter the window remembers), a count line below; the detail panels'
header, section titles and small tables; a Yes / No question, the Delete key on a table,
finding a row again after a reload.

Helpers only take texts: each page passes its own ``self.tr(...)`` so the strings stay in the
page's translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.ui.style import title_font
from ptce_desktop.ui.widgets.table_model import ROW_ROLE, FilterProxy, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView

#: How many rows (besides those on screen) sizing a column to its contents looks at: Qt's
#: default (1 000) takes seconds on a long list, for widths a sample gives as well.
FIT_SAMPLE_ROWS = 30

V = TypeVar("V", bound=QTableView)


def sample_fit(view: V) -> V:
    """Columns of ``view`` sized to their contents on a sample of rows (see
    :data:`FIT_SAMPLE_ROWS`), not all of them; returns ``view``."""
    view.horizontalHeader().setResizeContentsPrecision(FIT_SAMPLE_ROWS)
    return view


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question, "no" by default (tests replace it where the page imports it)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def delete_shortcut(view: QWidget, slot: Callable[[], Any]) -> QShortcut:
    """The Delete key on ``view`` (only while it has the focus) calls ``slot``."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), view)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)
    return shortcut


def select_row(view: TableView, proxy: FilterProxy, match: Callable[[Any], bool]) -> bool:
    """Make the first row for which ``match(row)`` is true current; False (and no current row)
    when none."""
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if match(proxy.data(index, ROW_ROLE)):
            view.setCurrentIndex(index)
            view.selectRow(row)
            return True
    view.setCurrentIndex(QModelIndex())
    return False


def search_field(
    object_name: str, placeholder: str, accessible_name: str | None = None
) -> QLineEdit:
    """A search field with a clear button; ``accessible_name`` None leaves it unset."""
    search = QLineEdit()
    search.setObjectName(object_name)
    search.setPlaceholderText(placeholder)
    if accessible_name is not None:
        search.setAccessibleName(accessible_name)
    search.setClearButtonEnabled(True)
    return search


def action_bar(
    search: QWidget,
    *buttons: QWidget,
    search_stretch: int = 1,
    filters: Sequence[QWidget] = (),
    filter_stretch: int = 0,
) -> QHBoxLayout:
    """The search field (stretching), its filters, a gap, then the buttons."""
    bar = QHBoxLayout()
    bar.setSpacing(8)
    bar.addWidget(search, search_stretch)
    for widget in filters:
        bar.addWidget(widget, filter_stretch)
    bar.addSpacing(12)
    for button in buttons:
        bar.addWidget(button)
    return bar


def remembered_splitter(
    settings: QSettings,
    settings_key: str,
    object_name: str,
    widgets: Sequence[QWidget],
    default_sizes: Sequence[int],
    stretch: Sequence[int] = (3, 2),
    orientation: Qt.Orientation = Qt.Orientation.Horizontal,
) -> QSplitter:
    """A splitter whose handle position is kept under ``settings_key`` each time the user moves
    it, restored at the next start (``default_sizes`` the first time)."""
    splitter = QSplitter(orientation)
    splitter.setObjectName(object_name)
    for widget in widgets:
        splitter.addWidget(widget)
    for index, factor in enumerate(stretch):
        splitter.setStretchFactor(index, factor)
    splitter.setChildrenCollapsible(False)
    saved = settings.value(settings_key)
    if isinstance(saved, QByteArray | bytes):
        splitter.restoreState(QByteArray(saved))
    else:
        splitter.setSizes(list(default_sizes))
    splitter.splitterMoved.connect(lambda *_: settings.setValue(settings_key, splitter.saveState()))
    return splitter


def hint_label() -> QLabel:
    """The small grey line under a list (its count, its totals)."""
    label = QLabel()
    label.setObjectName("hint")
    return label


def page_layout(
    page: QWidget, bar: QLayout | None, body: QWidget, footer: QWidget | None
) -> QVBoxLayout:
    """``bar`` above, ``body`` taking the room, ``footer`` below; no margins (the window has
    them)."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    if bar is not None:
        layout.addLayout(bar)
    layout.addWidget(body, 1)
    if footer is not None:
        layout.addWidget(footer)
    return layout


def shown_of(template: str, shown: int, total: int, total_text: str) -> str:
    """``total_text`` ("12 clés"), or the page's translated ``template`` ("%1 affichées sur %2")
    filled in when the search hides some rows."""
    if shown == total:
        return total_text
    return template.replace("%1", str(shown)).replace("%2", total_text)


def section_title(text: str) -> QLabel:
    """A heading inside a panel or a dialog (a little larger, styled as ``sectionTitle``)."""
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    label.setFont(title_font(label, 1.1))
    return label


def detail_header(object_name: str) -> QLabel:
    """The rich-text summary at the top of a detail panel; its text can be selected and copied."""
    header = QLabel()
    header.setObjectName(object_name)
    header.setWordWrap(True)
    header.setTextFormat(Qt.TextFormat.RichText)
    header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return header


def detail_table(
    settings_key: str,
    model: RowTableModel,
    accessible: str,
    stretch: int = 0,
    interactive: tuple[int, ...] = (),
) -> tuple[TableView, FilterProxy]:
    """A small sortable table of a detail panel: the ``stretch`` column (names) takes the room,
    the figures keep theirs; ``interactive`` columns start at 140 px and the user sizes them."""
    proxy = FilterProxy(model)
    proxy.setSourceModel(model)
    view = TableView(settings_key)
    view.setModel(proxy)
    view.setSelectionMode(TableView.SelectionMode.SingleSelection)
    view.setAccessibleName(accessible)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(model.columnCount()):
        mode = QHeaderView.ResizeMode.ResizeToContents
        if column == stretch:
            mode = QHeaderView.ResizeMode.Stretch
        elif column in interactive:
            mode = QHeaderView.ResizeMode.Interactive
        header.setSectionResizeMode(column, mode)
        if column in interactive:
            header.resizeSection(column, 140)
    return view, proxy


#: A figure column's title gets its width and this much: its margins (a sort arrow, when
#: shown, cuts the title rather than a name).
FIGURE_TITLE_ROOM = 14


def fit_figures(
    view: QTableView, columns: Sequence[int], title_room: int = FIGURE_TITLE_ROOM
) -> None:
    """Size the figure ``columns`` of a small table to their figures and their title, and no
    wider: the name column (stretching) takes the rest. Qt's own fitting keeps room for a sort
    arrow in every title, which cut the members' names in the narrow panels (« Chantier
    d'insertion « … »)."""
    header, model = view.horizontalHeader(), view.model()
    metrics = header.fontMetrics()
    for column in columns:
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        heading = metrics.horizontalAdvance(title) + title_room
        width = max(view.sizeHintForColumn(column) + 8, heading)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, width)
