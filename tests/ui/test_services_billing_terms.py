"""The service dialog's « Coefficient et frais »: the latest term with its « à partir du »
date, and the history of the terms; saving a new coefficient from a later date keeps the
earlier terms (undo removes it again); a date inside a closed year is refused under the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from support.factories.calls import set_closed

from ptce_desktop.domain.billing import Billing
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.ui.pages.services.dialogs import ServiceDialog
from ptce_desktop.ui.pages.services.page import ServicesPage
from ptce_desktop.ui.shell.context import AppContext

D = dt.date
NAME = "Personnel « mutualisé » & <GE> — l'€ " + "très long nom " * 6


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def services(ctx: AppContext) -> SharedServiceService:
    return ctx.service(SharedServiceService)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> ServicesPage:
    widget = ServicesPage(ctx)
    qtbot.addWidget(widget)
    widget.set_fiscal_year(2026)
    return widget


def _service(services: SharedServiceService) -> int:
    service = services.create_service(
        ServiceDraft(
            name=NAME,
            vat_regime="taxable",  # a 261 B service would warn in a message box on saving
            vat_rate_bp=2000,
            billing_coefficient_e4=17_500,
            fee_rate_bp=600,
        )
    )
    services.set_budget(service, 2025, 1_200_000)
    services.set_billing_term(service, D(2026, 1, 1), Billing(20_000, 800))
    return service


def _history(dialog: ServiceDialog) -> list[list[str]]:
    model = dialog.terms_model
    return [
        [plain(model.index(row, c, QModelIndex()).data() or "") for c in range(3)]
        for row in range(model.rowCount())
    ]


def test_the_dialog_shows_the_latest_term_and_the_history(
    page: ServicesPage, services: SharedServiceService, qtbot: QtBot, qtmodeltester: Any
) -> None:
    service = _service(services)
    dialog = ServiceDialog(page.edits, services.get_service(service), [], [], [], page)
    qtbot.addWidget(dialog)
    editor: Any = dialog.fields.editor
    assert plain(editor("billing_coefficient_e4").text()) == "2"
    assert plain(editor("fee_rate_bp").text()) == "8"
    assert editor("billing_from").date() == D(2026, 1, 1)
    history = _history(dialog)
    assert history[0][0] == "01/01/2026"  # the latest first
    assert [row[1:] for row in history] == [["2", "8 %"], ["1,75", "6 %"]]
    assert history[1][0]  # « the beginning », in the interface's language
    assert dialog.terms_model.headerData(1, Qt.Orientation.Horizontal)
    qtmodeltester.check(dialog.terms_model)


def test_a_new_coefficient_from_a_later_date_keeps_the_earlier_terms(
    page: ServicesPage, ctx: AppContext, services: SharedServiceService, qtbot: QtBot
) -> None:
    service = _service(services)
    dialog = ServiceDialog(page.edits, services.get_service(service), [], [], [], page)
    qtbot.addWidget(dialog)
    editor: Any = dialog.fields.editor
    editor("billing_coefficient_e4").setText("2,25")
    editor("billing_from").setText("01/01/2027")
    dialog.accept()
    assert dialog.fields.errors() == {}
    terms = services.get_service(service).billing_terms
    assert [(t.valid_from, t.coefficient_e4, t.fee_rate_bp) for t in terms] == [
        (None, 17_500, 600),
        (D(2026, 1, 1), 20_000, 800),
        (D(2027, 1, 1), 22_500, 800),
    ]
    ctx.history.undo()
    assert len(services.get_service(service).billing_terms) == 2


def test_a_date_inside_a_closed_year_is_refused_under_its_field(
    page: ServicesPage, ctx: AppContext, services: SharedServiceService, qtbot: QtBot
) -> None:
    service = _service(services)
    set_closed(ctx.uow, 2025)
    dialog = ServiceDialog(page.edits, services.get_service(service), [], [], [], page)
    qtbot.addWidget(dialog)
    editor: Any = dialog.fields.editor
    editor("billing_coefficient_e4").setText("1,9")
    editor("billing_from").setText("01/07/2025")
    dialog.accept()
    error = dialog.fields.errors()["billing_from"]
    assert "2025 est clôturé" in error and NAME.strip() in error
    assert len(services.get_service(service).billing_terms) == 2
    assert ctx.history.count() == 0
