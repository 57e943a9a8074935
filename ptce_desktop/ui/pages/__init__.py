"""The pages of the main window: their order, what a page may offer, the frame around each.

A page is any QWidget. It *may* also implement these methods; the window calls those present:

- ``focus_search() -> None``   Ctrl+F: put the cursor in the page's search field;
- ``new_item() -> None``       Ctrl+N: start creating a new item of the page;
- ``refresh(changes) -> None`` something changed in the file (``changes`` comes from the store's
  change bus; a page reloads only if it cares);
- ``set_fiscal_year(year: int) -> None`` the fiscal year chosen in the toolbar changed.

The window tells only the page on screen at once (the changes of one event merged into one
``refresh``, after the event); a hidden page is told the year and what it missed when next
shown. A page reads its data off the GUI thread with :class:`~.loading.PageLoads`.

Plugging a page in: write ``ptce_desktop/ui/pages/<key>.py`` (``<key>`` as in
:func:`navigation_entries`, e.g. ``costs``) with a module-level ``create_page(ctx) -> QWidget``
taking the :class:`~ptce_desktop.ui.shell.context.AppContext`. The composition root finds it with
:func:`page_factory`; no shared file needs editing. Until the module exists, the placeholder
stays.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ptce_desktop.ui.pages.loading import loading_text
from ptce_desktop.ui.style import title_font

log = logging.getLogger(__name__)


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
            "simulation",
            translate("Navigation", "Simulation"),
            "simulation",
            translate(
                "Navigation", "What if? Compare allocation keys and budgets before the vote."
            ),
        ),
        NavEntry(
            "journal",
            translate("Navigation", "Change log"),
            "journal",
            translate("Navigation", "Every change made to the file: when, what, before → after."),
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


class PendingPage(QWidget):
    """An empty frame for a page not built yet (built when first shown) or that failed to build.

    Blank on purpose: it stands for the split second before the real page, or for a page whose
    error was already shown in a dialog.
    """

    def __init__(self, entry: NavEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"pending-{entry.key}")


class LoadingPage(QWidget):
    """« Chargement… » in place of the first page while the window opens its file (the text of
    a page's own loads, :mod:`.loading`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loadingPage")
        layout = QVBoxLayout(self)
        self.label = QLabel(loading_text())
        self.label.setObjectName("loadingPageLabel")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setEnabled(False)  # greyed, as a hint
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addStretch(2)


# Each page's module is imported by a plain ``import`` inside its loader: lazy (a fast start,
# pages are built when first shown) and explicit (a frozen bundle follows these imports).
def _dashboard() -> Any:
    from ptce_desktop.ui.pages.dashboard import page

    return page


def _members() -> Any:
    from ptce_desktop.ui.pages.members import page

    return page


def _services() -> Any:
    from ptce_desktop.ui.pages.services import page

    return page


def _keys() -> Any:
    from ptce_desktop.ui.pages.keys import page

    return page


def _costs() -> Any:
    from ptce_desktop.ui.pages.costs import page

    return page


def _calls() -> Any:
    from ptce_desktop.ui.pages.calls import page

    return page


def _funding() -> Any:
    from ptce_desktop.ui.pages.funding import page

    return page


def _in_kind() -> Any:
    from ptce_desktop.ui.pages import in_kind

    return in_kind


def _activity() -> Any:
    from ptce_desktop.ui.pages.activity import page

    return page


def _reports() -> Any:
    from ptce_desktop.ui.pages.reports import page

    return page


def _simulation() -> Any:
    from ptce_desktop.ui.pages.simulation import page

    return page


def _journal() -> Any:
    from ptce_desktop.ui.pages import journal

    return journal


def _settings() -> Any:
    from ptce_desktop.ui.pages.settings import page

    return page


#: The module of each page (imported when called), with its ``create_page(ctx)``.
PAGE_MODULES: dict[str, Callable[[], Any]] = {
    "dashboard": _dashboard,
    "members": _members,
    "services": _services,
    "keys": _keys,
    "costs": _costs,
    "calls": _calls,
    "funding": _funding,
    "in_kind": _in_kind,
    "activity": _activity,
    "reports": _reports,
    "simulation": _simulation,
    "journal": _journal,
    "settings": _settings,
}


def _factory(load: Callable[[], Any]) -> Callable[[Any], QWidget]:
    def create(ctx: Any) -> QWidget:
        page: QWidget = load().create_page(ctx)
        return page

    return create


PAGE_FACTORIES: dict[str, Callable[[Any], QWidget]] = {
    key: _factory(load) for key, load in PAGE_MODULES.items()
}


def import_page(key: str) -> None:
    """Import the module of the page ``key`` without building the page (the first page's, on
    the worker that prepares the start); an unknown key is ignored."""
    load = PAGE_MODULES.get(key)
    if load is not None:
        load()


def page_factory(key: str) -> Callable[[Any], QWidget]:
    """The function that builds the page ``key`` for an open file (``KeyError`` if unknown)."""
    return PAGE_FACTORIES[key]


# --- importing the pages ahead of their first showing ---------------------------------------
_importing: threading.Thread | None = None


def _import_pages() -> None:
    """Import the pages' modules (explicitly: a frozen bundle follows these imports); ReportLab
    stays unloaded until a document is made (Appels and Rapports import it only when a PDF is
    asked for)."""
    try:
        import ptce_desktop.ui.pages.activity.page
        import ptce_desktop.ui.pages.calls.page
        import ptce_desktop.ui.pages.costs.page
        import ptce_desktop.ui.pages.funding.page
        import ptce_desktop.ui.pages.in_kind
        import ptce_desktop.ui.pages.journal
        import ptce_desktop.ui.pages.keys.page
        import ptce_desktop.ui.pages.members.page
        import ptce_desktop.ui.pages.reports.page
        import ptce_desktop.ui.pages.services.page
        import ptce_desktop.ui.pages.settings.page
        import ptce_desktop.ui.pages.simulation.page  # noqa: F401
    except Exception:  # the page's own showing will import it again and say what failed
        log.exception("importing the pages ahead failed")


def import_pages_ahead() -> threading.Thread:
    """Import the pages' modules on a background thread, once per process: a page's first
    showing then only builds its widgets (importing took up to a few hundred ms of it on the
    GUI thread). Returns the thread (``join()`` it to wait)."""
    global _importing
    if _importing is None:
        _importing = threading.Thread(target=_import_pages, name="import-pages", daemon=True)
        _importing.start()
    return _importing
