"""The Charges list's service names and the selected cost's panel at a laptop's width
(1200 × 760, 1366 × 768): a service readable past its first words, the panel's fields in
aligned rows wrapped at word boundaries, the shares' names given the room their amounts leave
(amounts whole), and nothing in the panel scrolling sideways — on the demo, and on a cost
whose texts hold « & < ' € », accents and a very long member name."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from support.ui import page_at, settle

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.costs.detail import CostDetailPanel
from ptce_desktop.ui.pages.costs.model import MEMBER_SHARE, SERVICE
from ptce_desktop.ui.pages.costs.page import CostsPage
from ptce_desktop.ui.pages.costs.parts import detail_html, keep_together
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.shell.main_window import MainWindow

SIZES = (QSize(1200, 760), QSize(1366, 768))
SIZE_IDS = [f"{s.width()}x{s.height()}" for s in SIZES]
#: the demo's services share their first words: this many letters tell them apart
SERVICE_LETTERS = 20

LONG_NAME = (
    "Association intercommunale « L'Élan » pour l'accompagnement & l'insertion <pro> des "
    "habitants de la vallée de la Drôme, du Diois et du Vercors — 5 € l'heure"
)
MEMBERS = ("Atelier Bois & Co", "Coopérative L'Éclair <Fils>", LONG_NAME)
KEY = "Heures « d'accueil » & <salle>"
LABEL = "Loyer « été » & <charges> d'août — 5 €"


def costs_at(window: MainWindow, size: QSize) -> CostsPage:
    page = page_at(window, "costs", size, CostsPage)
    assert page.view.isVisible() and page.model.rowCount() > 0
    page.view.selectRow(0)
    settle()
    assert page.detail.cost_id() is not None
    return page


def shown_letters(view: QTableView, text: str, width: int) -> int:
    """How many letters of ``text`` a cell ``width`` px wide shows before its ellipsis."""
    room = width - 2 * (view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 1)
    elided = view.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)
    return len(elided.removesuffix("…"))


def assert_panel_reads_whole(panel: CostDetailPanel, where: str) -> None:
    """Nothing scrolls sideways, the shares' amounts are whole and their names get the room."""
    body = panel.widget()
    assert body.width() <= panel.viewport().width(), where
    assert panel.fields.geometry().right() < body.width(), where
    for table in (panel.shares, panel.files):
        assert table.horizontalScrollBar().maximum() == 0, (table.objectName(), where)
        header = table.horizontalHeader()
        assert header.length() <= table.viewport().width(), (table.objectName(), where)
    shares, model = panel.shares, panel.shares_model
    metrics, header = shares.fontMetrics(), shares.horizontalHeader()
    amounts = [str(model.index(r, 1).data()) for r in range(model.rowCount())]
    assert amounts, where
    widest = max(metrics.horizontalAdvance(text) for text in amounts)
    assert shares.columnWidth(1) >= widest + 6, (amounts, where)  # never « 698,4… »
    title = header.fontMetrics().horizontalAdvance(
        str(model.headerData(1, Qt.Orientation.Horizontal))
    )
    # the amount as wide as its figures or its title, no more: the rest goes to the names
    # (Qt's own fitting kept ~40 px for a sort arrow: « Chantier d'insertion « … » at 1200)
    least_name = shares.viewport().width() - (max(widest, title) + 24)
    assert shares.columnWidth(0) >= least_name, (shares.columnWidth(0), least_name, where)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_service_reads_past_its_first_words(demo_window: MainWindow, size: QSize) -> None:
    page = costs_at(demo_window, size)
    view, header = page.view, page.view.horizontalHeader()
    where = f"at {size.width()}×{size.height()}"
    assert not header.isSectionHidden(SERVICE), where
    assert view.horizontalScrollBar().maximum() == 0, where
    width = header.sectionSize(SERVICE)
    names = {str(page.model.index(r, SERVICE).data()) for r in range(page.model.rowCount())}
    assert len(names) >= 8  # the demo's services, all in the year's costs
    for name in names:
        letters = shown_letters(view, name, width)
        assert letters >= min(len(name), SERVICE_LETTERS), (name, letters, width, where)


def test_the_member_share_fits_beside_a_narrower_service(demo_window: MainWindow) -> None:
    """Filtering by a member adds its share: the service gives way to sixteen letters rather
    than an amount being cut or the list scrolling sideways; it is wide again after."""
    page = costs_at(demo_window, SIZES[0])
    view, header = page.view, page.view.horizontalHeader()
    wide = header.sectionSize(SERVICE)
    page.member_filter.setCurrentIndex(1)
    page.apply_filters()
    settle()
    assert not header.isSectionHidden(MEMBER_SHARE) and page.model.rowCount() > 0
    assert view.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(SERVICE) >= view.min_widths.get(SERVICE, 0) > 0
    page.member_filter.setCurrentIndex(0)
    page.apply_filters()
    settle()
    assert header.isSectionHidden(MEMBER_SHARE)
    assert header.sectionSize(SERVICE) >= wide
    assert view.horizontalScrollBar().maximum() == 0
    # no blank gap where the share was (its width had stayed in the header: 92 px)
    assert header.length() == sum(header.sectionSize(c) for c in range(header.count()))


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_demo_cost_panel_reads_whole(demo_window: MainWindow, size: QSize) -> None:
    page = costs_at(demo_window, size)
    panel = page.detail
    where = f"at {size.width()}×{size.height()}"
    assert panel.shares_model.rowCount() > 1, where
    assert_panel_reads_whole(panel, where)
    text = panel.fields.text()
    # field names never wrap; the amount split is whole and the key on its own row
    assert text.count("white-space: nowrap") >= 10, where
    assert "<th" in text and ">Clé</th>" in text, where
    assert not re.search("« | »", text), where  # guillemets kept with their word
    panel.shares.selectRow(0)
    panel.explain_selected()
    settle()
    assert "Quote-part" in panel.explanation.body.text(), where
    assert panel.why_button.isEnabled()
    right = panel.why_button.mapTo(panel.viewport(), panel.why_button.rect().topRight()).x()
    assert right <= panel.viewport().width(), where


def test_keep_together_glues_french_signs_to_their_words() -> None:
    assert keep_together("clé « Heures » : 5 € ?") == "clé «\u00a0Heures\u00a0»\u00a0: 5 €\u00a0?"
    assert keep_together("L'Éclair & <Fils>") == "L'Éclair & <Fils>"


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> CostsPage:
    members = [ctx.members.create(MemberDraft(name=name)).id for name in MEMBERS]
    keys = ctx.service(KeyService)
    key = keys.create_key(KeyDraft(name=KEY, method="equal"))
    keys.add_version(key, VersionDraft(dt.date(2024, 1, 1), {m: 1000 for m in members}))
    service = ctx.service(SharedServiceService).create_service(
        ServiceDraft(name="Accueil & <secrétariat> d'été", key_id=key)
    )
    ctx.service(CostService).create_cost(
        CostDraft(
            service_id=service,
            label=LABEL,
            ht_cents=1_234_567,
            vat_cents=0,
            ttc_cents=1_234_567,
            invoice_date=dt.date(2025, 3, 15),
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 3, 31),
            supplier="SCI L'Étoile & <Fils>",
            cerfa_code="613",
        )
    )
    widget = CostsPage(ctx)
    qtbot.addWidget(widget)
    widget.set_fiscal_year(2025)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    settle()
    widget.view.selectRow(0)
    settle()
    return widget


def test_long_names_and_signs_read_in_a_narrow_panel(page: CostsPage) -> None:
    panel = page.detail
    detail = panel.detail
    assert detail is not None
    sizes = page.splitter.sizes()
    page.splitter.setSizes([sizes[0] + sizes[1] - panel.minimumSizeHint().width(), 1])
    settle()
    assert panel.width() <= panel.minimumSizeHint().width() + 2  # at its narrowest
    assert_panel_reads_whole(panel, f"at {panel.width()} px")
    model = panel.shares_model
    names = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    assert LONG_NAME in names
    row = names.index(LONG_NAME)
    assert model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == LONG_NAME  # cut: whole here
    # the fields, escaped, the guillemets kept with their word, the key on its own row
    text = detail_html(detail, None)
    assert "Loyer «\u00a0été\u00a0» &amp; &lt;charges&gt; d&#x27;août — 5 €" in text
    assert "Heures «\u00a0d&#x27;accueil\u00a0» &amp; &lt;salle&gt;" in text
    assert "Accueil &amp; &lt;secrétariat&gt; d&#x27;été" in text
    assert "SCI L&#x27;Étoile &amp; &lt;Fils&gt;" in text
    assert "<salle>" not in text and "<charges>" not in text
    assert re.search(r"white-space: nowrap\">12\s345,67\s€ TTC</span>", text), text


def test_a_layout_saved_narrower_gets_the_readable_service(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    """A layout saved before the service was readable (« Personnel mutu… », 112 px) is
    restored with the service widened to its readable width, and a member's share still fits
    at 1200 px without a scroll bar (no first fit there to tell the widths their view)."""
    first = costs_at(demo_window, SIZES[0])
    header = first.view.horizontalHeader()
    header.resizeSection(SERVICE, 112)  # as an older version left it
    first.view.save_state()
    size = first.size()
    page = CostsPage(first.ctx)
    qtbot.addWidget(page)
    page.resize(size)
    page.show()
    qtbot.waitExposed(page)
    page.set_fiscal_year(2025)
    settle()
    view, header = page.view, page.view.horizontalHeader()
    listed = first.splitter.sizes()[0]  # the list as wide as in the window, the panel the rest
    page.splitter.setSizes([listed, sum(page.splitter.sizes()) - listed])
    settle()
    assert abs(view.viewport().width() - first.view.viewport().width()) <= 2
    assert page.model.rowCount() > 0 and view.viewport().width() < 600
    readable = view.min_widths.get(SERVICE, 0)
    assert readable > 112 and header.sectionSize(SERVICE) >= readable
    assert view.horizontalScrollBar().maximum() == 0
    page.member_filter.setCurrentIndex(1)
    page.apply_filters()
    settle()
    assert not header.isSectionHidden(MEMBER_SHARE)
    assert view.horizontalScrollBar().maximum() == 0


def test_the_proposed_cerfa_line_and_its_button_fit_a_narrow_panel(
    page: CostsPage, ctx: AppContext
) -> None:
    panel = page.detail
    detail = panel.detail
    assert detail is not None
    costs = ctx.service(CostService)
    draft = costs.get_cost(detail.cost.id).cost
    unclassified = costs.create_cost(
        CostDraft(
            service_id=draft.service_id,
            label="Frais « divers » & <autres> sans ligne Cerfa — l'été",
            ht_cents=12_345,
            vat_cents=0,
            ttc_cents=12_345,
            invoice_date=dt.date(2025, 4, 2),
            period_start=dt.date(2025, 4, 1),
            period_end=dt.date(2025, 4, 30),
        )
    )
    sizes = page.splitter.sizes()
    page.splitter.setSizes([sizes[0] + sizes[1] - panel.minimumSizeHint().width(), 1])
    panel.show_cost(unclassified)
    settle()
    assert not panel.proposal_box.isHidden()
    button = panel.use_proposal_button
    assert not button.isHidden()  # a line proposed from the service (622 – honoraires)
    assert button.width() >= button.sizeHint().width()  # « Utiliser cette ligne » whole
    right = button.mapTo(panel.viewport(), button.rect().topRight()).x()
    assert right <= panel.viewport().width()
    label = panel.proposal_label
    assert label.width() >= panel.fields.width() - 2  # the text the panel's width, above it
    assert_panel_reads_whole(panel, f"at {panel.width()} px")
