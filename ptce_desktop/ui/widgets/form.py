"""Forms with inline validation: an error shows under its field, what was typed stays.

:class:`FieldSet` maps field names (the service draft's attribute names, as carried by
``PtceError.field``) to their cells; :meth:`FieldSet.show_error` marks the right one, or shows
the message in the form's banner when the error names no known field. :class:`FormDialog`
is a dialog built on it whose OK calls :meth:`FormDialog.submit` (the service call) and closes
only when that succeeded::

    class MemberDialog(FormDialog):
        def submit(self):
            return self.service.create(self.draft())   # a PtceError keeps the dialog open
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.style import ERROR, mark_invalid, title_font
from ptce_desktop.ui.widgets.fields import CheckedEdit

translate = QCoreApplication.translate


class FieldCell(QWidget):
    """An input with its error line below it (hidden while there is nothing to say)."""

    def __init__(self, editor: QWidget, hint: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.hint_label: QLabel | None = None
        if hint:
            self.hint_label = QLabel(hint)
            self.hint_label.setObjectName("hint")
            self.hint_label.setWordWrap(True)
            layout.addWidget(self.hint_label)
        if isinstance(editor, CheckedEdit):
            editor.problemChanged.connect(self._editor_problem)

    def set_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        if isinstance(self.editor, CheckedEdit):
            self.editor.show_problem(message)
        else:
            mark_invalid(self.editor, bool(message))

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _editor_problem(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))


class FieldSet:
    """Named cells of one form, and where a form-wide message goes."""

    def __init__(self, banner: QLabel) -> None:
        self.cells: dict[str, FieldCell] = {}
        self.captions: list[QLabel] = []
        self.aliases: dict[str, str] = {}
        self.banner = banner

    def add(
        self,
        form: QFormLayout,
        name: str,
        label: str,
        editor: QWidget,
        hint: str | None = None,
    ) -> QWidget:
        """Add a row "label: editor" to ``form``, with its error line; returns ``editor``."""
        editor.setObjectName(name)
        policy = editor.sizePolicy()
        if isinstance(editor, QComboBox) and policy.horizontalPolicy() == (
            QSizePolicy.Policy.Preferred  # Qt's default, not a width the dialog chose
        ):  # as wide as the line edits: long names stay whole
            policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
            editor.setSizePolicy(policy)
        cell = FieldCell(editor, hint)
        caption = QLabel(label)
        caption.setBuddy(editor)
        form.addRow(caption, cell)
        self.cells[name] = cell
        self.captions.append(caption)
        return editor

    def align_labels(self) -> None:
        """One label width for every section, so the inputs line up down the form."""
        width = max((caption.sizeHint().width() for caption in self.captions), default=0)
        for caption in self.captions:
            caption.setMinimumWidth(width)

    def alias(self, error_field: str, name: str) -> None:
        """Show errors about ``error_field`` under the cell ``name``."""
        self.aliases[error_field] = name

    def editor(self, name: str) -> QWidget:
        return self.cells[name].editor

    def clear(self) -> None:
        for cell in self.cells.values():
            cell.set_error("")
        self.banner.clear()
        self.banner.hide()

    def check_inputs(self) -> bool:
        """Run every input's own check; focus the first bad one. True when all are fine."""
        first: QWidget | None = None
        for cell in self.cells.values():
            editor = cell.editor
            if isinstance(editor, CheckedEdit) and not editor.check() and first is None:
                first = editor
        if first is not None:
            first.setFocus()
        return first is None

    def show_error(self, error: PtceError) -> str | None:
        """Mark the field the error names and focus it; returns that field's name, or None
        when the error names no field of this form (then the banner shows it)."""
        message = error.message(current_language())
        name = self.aliases.get(error.field or "", error.field)
        cell = self.cells.get(name or "")
        if cell is None:
            self.banner.setText(message)
            self.banner.show()
            return None
        cell.set_error(message)
        cell.editor.setFocus()
        return name

    def errors(self) -> dict[str, str]:
        """The messages shown, by field (for tests and screen readers)."""
        return {name: cell.error() for name, cell in self.cells.items() if cell.error()}


def error_banner() -> QLabel:
    banner = QLabel()
    banner.setObjectName("formError")
    banner.setStyleSheet(
        f"QLabel#formError {{ color: {ERROR}; background: #fff6f5; border: 1px solid {ERROR};"
        " border-radius: 4px; padding: 6px 8px; }"
    )
    banner.setWordWrap(True)
    banner.setTextFormat(Qt.TextFormat.PlainText)
    banner.hide()
    return banner


#: Room left on the screen for the window frame and a task bar or panel.
SCREEN_MARGIN = 80


def fit_to_screen(dialog: QWidget) -> None:
    """Shrink ``dialog`` to the screen's free area (a 768-px laptop: at most 688 px high); its
    body scrolls, so nothing is out of reach."""
    screen = dialog.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    width = min(dialog.width(), room.width() - SCREEN_MARGIN // 2)
    height = min(dialog.height(), room.height() - SCREEN_MARGIN)
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(width, height)


class FormDialog(QDialog):
    """OK runs :meth:`submit`; a :class:`PtceError` marks its field and keeps the dialog open.

    Subclasses build their rows with ``self.fields.add(form, name, label, editor)`` on a
    ``QFormLayout`` from :meth:`new_form`, and implement :meth:`submit`. ``result_value``
    holds what ``submit`` returned. (Texts here use ``translate("FormDialog", …)``, since
    ``self.tr`` would look under the subclass's name.)
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value: Any = None
        self.banner = error_banner()
        self.fields = FieldSet(self.banner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 14)
        outer.setSpacing(10)
        outer.addWidget(self.banner)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 8, 0)
        self.body_layout.setSpacing(14)
        scroll = QScrollArea()
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # not a tab stop of its own: the dialog opens on its first field, not on the frame
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def new_form(self, heading: str | None = None) -> QFormLayout:
        if heading:
            title = QLabel(heading)
            title.setObjectName("sectionTitle")
            title.setFont(title_font(title, 1.1))
            self.body_layout.addWidget(title)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        self.body_layout.addLayout(form)
        return form

    def showEvent(self, event: Any) -> None:
        self.fields.align_labels()
        fit_to_screen(self)
        self._focus_first_field()
        super().showEvent(event)

    def _focus_first_field(self) -> None:
        """Open on the first field one can type in, unless the dialog chose one (else Qt would
        focus OK, or the scroll area, and typing would go nowhere)."""
        chosen = self.focusWidget()
        if (
            chosen is not None
            and chosen.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not self.buttons.isAncestorOf(chosen)
        ):
            return
        for cell in self.fields.cells.values():
            editor = cell.editor
            if (
                editor.isVisibleTo(self)
                and editor.isEnabled()
                and editor.focusPolicy() != (Qt.FocusPolicy.NoFocus)
            ):
                editor.setFocus()
                return

    def submit(self) -> Any:
        """Do the action (a service call); raise :class:`PtceError` to keep the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        self.fields.clear()
        if not self.fields.check_inputs():
            return
        try:
            self.result_value = self.submit()
        except PtceError as error:
            self.fields.show_error(error)
            return
        super().accept()
