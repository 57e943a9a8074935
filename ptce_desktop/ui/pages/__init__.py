"""The pages of the main window: their order, what a page may offer, the frame around each.

A page is any QWidget. It *may* also implement these methods; the window calls those present:

- ``focus_search() -> None``   Ctrl+F: put the cursor in the page's search field;
- ``new_item() -> None``       Ctrl+N: start creating a new item of the page;
- ``refresh(changes) -> None`` something changed in the file (``changes`` comes from the store's
  change bus; a page reloads only if it cares);
- ``set_fiscal_year(year: int) -> None`` the fiscal year chosen in the toolbar changed.

Plugging a page in: write ``ptce_desktop/ui/pages/<key>.py`` (``<key>`` as in
:func:`navigation_entries`, e.g. ``costs``) with a module-level ``create_page(ctx) -> QWidget``
taking the :class:`~ptce_desktop.ui.context.AppContext`. The composition root finds it with
:func:`page_factory`; no shared file needs editing. Until the module exists, the placeholder
stays.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ptce_desktop.ui.icons import icon
from ptce_desktop.ui.style import title_font


@runtime_checkable
class SearchablePage(Protocol):
    def focus_search(self) -> None: ...


@runtime_checkable
class CreatingPage(Protocol):
    def new_item(self) -> None: ...


@runtime_checkable
class RefreshingPage(Protocol):
    def refresh(self, changes: Any) -> None: ...


@runtime_checkable
class YearAwarePage(Protocol):
    def set_fiscal_year(self, year: int) -> None: ...


@dataclass(frozen=True)
class NavEntry:
    key: str
    title: str
    icon: str
    description: str


def navigation_entries() -> list[NavEntry]:
    """The pages in their navigation order (texts translated at call time)."""

    translate = QCoreApplication.translate
    return [
        NavEntry(
            "dashboard",
            translate("Navigation", "Dashboard"),
            "dashboard",
            translate(
                "Navigation", "Key figures of the year, what is due and what needs attention."
            ),
        ),
        NavEntry(
            "members",
            translate("Navigation", "Members"),
            "members",
            translate(
                "Navigation", "The register of member organisations, their figures and dates."
            ),
        ),
        NavEntry(
            "services",
            translate("Navigation", "Shared services"),
            "services",
            translate("Navigation", "The pooled services, their budgets and who uses them."),
        ),
        NavEntry(
            "keys",
            translate("Navigation", "Allocation keys"),
            "keys",
            translate("Navigation", "How each service's costs are split between members."),
        ),
        NavEntry(
            "costs",
            translate("Navigation", "Costs"),
            "costs",
            translate("Navigation", "The expenses of the shared services and each member's share."),
        ),
        NavEntry(
            "calls",
            translate("Navigation", "Calls and payments"),
            "calls",
            translate("Navigation", "Calls for funds, true-ups, payments received and balances."),
        ),
        NavEntry(
            "funding",
            translate("Navigation", "Funding"),
            "funding",
            translate("Navigation", "Funders, grants, instalments and redistributions to members."),
        ),
        NavEntry(
            "in_kind",
            translate("Navigation", "In-kind contributions"),
            "in_kind",
            translate(
                "Navigation", "Volunteering, premises lent free of charge and gifts in kind."
            ),
        ),
        NavEntry(
            "activity",
            translate("Navigation", "Activity"),
            "activity",
            translate("Navigation", "Projects, governance bodies, meetings and events."),
        ),
        NavEntry(
            "reports",
            translate("Navigation", "Reports"),
            "reports",
            translate("Navigation", "The documents funders ask for, as PDF."),
        ),
        NavEntry(
            "settings",
            translate("Navigation", "Settings"),
            "settings",
            translate("Navigation", "The pole's identity, fiscal years, backups and preferences."),
        ),
    ]


class PageFrame(QWidget):
    """The title of a page above its content; the window stacks these."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.title_label.setFont(title_font(self))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(24, 18, 24, 12)
        self._layout.setSpacing(12)
        self._layout.addWidget(self.title_label)
        self.content = content
        self._layout.addWidget(content, 1)

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)

    def replace_content(self, content: QWidget) -> QWidget:
        """Swap the content widget; returns the old one (now without parent)."""
        old = self.content
        self._layout.replaceWidget(old, content)
        old.setParent(None)
        self.content = content
        content.show()
        return old


class PlaceholderPage(QWidget):
    """What a page shows until its module plugs in: what it will hold, calmly."""

    def __init__(self, entry: NavEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"placeholder-{entry.key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(2)
        picture = QLabel()
        picture.setPixmap(icon(entry.icon).pixmap(56, 56, QIcon.Mode.Disabled))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(picture)
        self.description = QLabel(entry.description)
        self.description.setObjectName("pageSubtitle")
        self.description.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.description.setWordWrap(True)
        layout.addWidget(self.description)
        soon = QLabel(QCoreApplication.translate("PlaceholderPage", "Coming in a later version."))
        soon.setObjectName("hint")
        soon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(soon)
        layout.addStretch(3)


def page_factory(key: str) -> Callable[[Any], QWidget] | None:
    """``create_page`` of ``ptce_desktop.ui.pages.<key>``, or None while that module is absent.

    Only the page module itself being absent counts as "not written yet": an import error
    inside it (a bug) is raised, not hidden behind a placeholder.
    """
    name = f"{__name__}.{key}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name == name:
            return None
        raise
    factory = getattr(module, "create_page", None)
    return factory if callable(factory) else None
