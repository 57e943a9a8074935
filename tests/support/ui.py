"""Sample data for the UI tests of the members and settings pages, through the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QLocale, QSize, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.ui import i18n
from ptce_desktop.ui.compat import pin_singletons
from ptce_desktop.ui.errors import ErrorPresenter
from ptce_desktop.ui.shell.context import AppContext, open_context
from ptce_desktop.ui.worker import Runner

# These page tests make thousands of PySide6 calls; on Python 3.11 PySide6 6.12 drops a
# reference to None on each void call (ptce_desktop/ui/compat.py). The app pins the
# singletons in create_application(); tests/ui/conftest.py should do it for every UI test.
pin_singletons()

LONG_NAME = "Société coopérative d'intérêt collectif « L'Œuvre & Cœur <Drôme> » " + "é" * 120
VALID_SIRET = "73282932000074"


class RecordingPresenter(ErrorPresenter):
    """Keeps the errors instead of showing a modal box."""

    def __init__(self) -> None:
        super().__init__(None)
        self.errors: list[BaseException] = []

    def present(self, error: BaseException, parent: Any = None) -> None:
        self.errors.append(error)

    def codes(self) -> list[str]:
        return [getattr(error, "code", type(error).__name__) for error in self.errors]


def make_context(db_path: Path, pole: str = "Pôle Sud & <Drôme>") -> AppContext:
    ctx = open_context(db_path, runner=Runner(inline=True), presenter=RecordingPresenter())
    ctx.pole.create_pole(pole, "Drôme")
    return ctx


@dataclass(frozen=True)
class Money:
    service_id: int
    cost_id: int


def give_shares(ctx: AppContext, member_ids: list[int], amount_cents: int = 120_000) -> Money:
    """An equal key over ``member_ids``, a shared service and one 2025 cost split by it."""
    keys = ctx.service(KeyService)
    key_id = keys.create_key(KeyDraft(name="Parts égales « bureau » & co", method="equal"))
    keys.add_version(
        key_id, VersionDraft(dt.date(2025, 1, 1), {member: 1000 for member in member_ids})
    )
    service_id = ctx.service(SharedServiceService).create_service(
        ServiceDraft(name="Accueil & secrétariat <partagé>", key_id=key_id)
    )
    cost_id = ctx.service(CostService).create_cost(
        CostDraft(
            service_id=service_id,
            invoice_date=dt.date(2025, 3, 15),
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 3, 31),
            label="Loyer « bureau » T1 — l'€",
            ht_cents=amount_cents,
            vat_cents=0,
            ttc_cents=amount_cents,
            supplier="SCI L'Étoile",
            cerfa_code="613",
        )
    )
    return Money(service_id, cost_id)


def raises_code(code: str, action: Any) -> bool:
    try:
        action()
    except PtceError as error:
        return error.code == code
    return False


def settle() -> None:
    """A few turns of the event loop: layouts, deferred fits and queued signals done."""
    for _ in range(5):
        QApplication.processEvents()


_Page = TypeVar("_Page", bound=QWidget)


def page_at(window: Any, key: str, size: QSize, kind: type[_Page]) -> _Page:
    """The window at ``size`` showing its page ``key`` (of class ``kind``), laid out."""
    window.resize(size)
    window.show_page(key)
    settle()
    page = window.page(key)
    assert isinstance(page, kind)
    return page


def to_mapping(wizard: Any, path: Path, kind: str = "members") -> None:
    """The import wizard past its first page with ``path`` chosen as a ``kind`` import, on its
    mapping page, laid out."""
    wizard.choose.kind.setCurrentIndex(wizard.choose.kind.findData(kind))
    wizard.choose.path.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    QApplication.processEvents()


@contextmanager
def ui_language(qapp: QApplication, lang: str) -> Iterator[None]:
    """The UI in ``lang`` (its catalogues installed), back to no translator after."""
    default_locale = QLocale()
    assert i18n.install_translators(qapp, lang) == lang
    try:
        yield
    finally:
        for translator in qapp.findChildren(QTranslator, "ptce-translator"):
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(default_locale)
        i18n._language = "fr"
