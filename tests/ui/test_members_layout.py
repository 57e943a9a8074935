"""The Membres page at a laptop's width (1200 × 760, 1366 × 768), on the demo and on awkward data:
the list keeps the SIRET whole (a cut identifier reads as another one) and the two firm
categories apart, without a horizontal scroll bar; the detail beside it shows the member's year
without sideways scrolling — its tables stacked when the panel is too narrow for them — with every
figure, the total, and the share links that still ask « Pourquoi ce montant ? »."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from support.ui import LONG_NAME, VALID_SIRET, give_shares, page_at, settle

from ptce_desktop.domain.categories import MemberCategory
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.pages.members import detail as detail_module
from ptce_desktop.ui.pages.members.detail import MemberDetailPanel, detail_html, parse_share_link
from ptce_desktop.ui.pages.members.page import CATEGORY, NAME, SIRET, MembersPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.widgets.table_view import NAME_MIN_WIDTH

SIZES = (QSize(1200, 760), QSize(1366, 768))
SIZE_IDS = [f"{s.width()}x{s.height()}" for s in SIZES]


def members_at(window: MainWindow, size: QSize, row: int = 0) -> MembersPage:
    page = page_at(window, "members", size, MembersPage)
    assert page.view.isVisible() and page.model.rowCount() > 0
    page.view.selectRow(row)
    settle()
    return page


def shown(page: MembersPage) -> dict[int, int]:
    header = page.view.horizontalHeader()
    columns = range(header.count())
    return {c: header.sectionSize(c) for c in columns if not header.isSectionHidden(c)}


def share_links(panel: MemberDetailPanel) -> dict[str, int]:
    """Each share link of the panel's text and the position of its first character."""
    links: dict[str, int] = {}
    block = panel.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if parse_share_link(href) is not None:
                links.setdefault(href, fragment.position())
            it += 1
        block = block.next()
    return links


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_list_keeps_the_siret_whole_and_the_categories_apart(
    demo_window: MainWindow, size: QSize
) -> None:
    page = members_at(demo_window, size)
    view, widths = page.view, shown(page)
    where = f"at {size.width()} px: columns {widths} in {view.viewport().width()} px"
    assert view.horizontalScrollBar().maximum() == 0, f"the list scrolls sideways {where}"
    metrics = view.fontMetrics()
    assert SIRET in widths, f"the SIRET folded {where}"
    sirets = [row.siret_display for row in page.model.rows() if row.siret_display]
    assert sirets, "the demo has SIRET numbers"
    widest = max(metrics.horizontalAdvance(s) for s in sirets)
    assert widths[SIRET] >= widest + 8, f"a SIRET is cut {where}"
    firms = [MemberCategory.ESS_ENTERPRISE.label("fr"), MemberCategory.NON_ESS_ENTERPRISE.label()]
    assert CATEGORY in widths, where
    assert widths[CATEGORY] >= max(metrics.horizontalAdvance(t) for t in firms) + 8, where
    # the name keeps some thirty letters and takes the spare width
    assert widths[NAME] >= max(NAME_MIN_WIDTH, metrics.averageCharWidth() * 30), where
    assert sum(widths.values()) >= view.viewport().width() - 1, where


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_detail_of_a_member_needs_no_sideways_scrolling(
    demo_window: MainWindow, size: QSize
) -> None:
    page = members_at(demo_window, size)
    panel = page.detail
    assert panel.detail is not None and len(panel.detail.shares) > 1
    assert panel.horizontalScrollBar().maximum() == 0, (
        f"the detail scrolls sideways at {size.width()} px "
        f"({panel.document().size().width():.0f} px of text in {panel.viewport().width()} px)"
    )
    text = plain(panel.toPlainText())
    for line in panel.detail.shares:  # every figure of the shares, and their total
        for cents in (*line.quarters, line.total_cents):
            if cents:
                assert plain(money_text(cents, symbol=False)) in text
    assert plain(money_text(panel.detail.shares_total_cents, symbol=False)) in text
    # the buttons under it are whole
    for button in (page.why_button, page.history_button):
        assert button.isVisible() and button.width() >= button.sizeHint().width()
        assert button.geometry().right() <= page.width()


def test_the_demo_detail_at_its_narrowest_stacks_one_amount_a_line(
    demo_window: MainWindow,
) -> None:
    page = members_at(demo_window, SIZES[0])
    page.splitter.setSizes([5000, 1])
    settle()
    panel = page.detail
    assert panel.width() < 300 and panel.stacked == 1
    assert panel.horizontalScrollBar().maximum() == 0, (
        f"{panel.document().size().width():.0f} px of text in {panel.viewport().width()} px"
    )
    for line in panel.detail.shares:
        assert_on_one_line(panel, money_text(line.total_cents))


def test_a_share_link_of_the_narrow_detail_still_asks_why(
    demo_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = members_at(demo_window, SIZES[0])
    asked: list[tuple[int, int | None]] = []
    monkeypatch.setattr(page, "explain_shares", lambda sid, q: asked.append((sid, q)))
    panel = page.detail
    assert panel.stacked > 0  # at 1200 px the quarter table does not fit side by side
    line = panel.detail.shares[0]
    quarter = next(n for n, cents in enumerate(line.quarters, 1) if cents)
    href = f"share:{line.service_id}:{quarter}"
    links = share_links(panel)
    assert href in links, sorted(links)
    cursor = QTextCursor(panel.document())
    cursor.setPosition(links[href] + 1)
    panel.setTextCursor(cursor)
    panel.ensureCursorVisible()
    settle()
    point = panel.cursorRect(cursor).center() - QPoint(3, 0)
    with qtbot.waitSignal(panel.shareRequested, timeout=2000) as signal:
        QTest.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [line.service_id, quarter]
    assert asked == [(line.service_id, quarter)]


@pytest.fixture
def awkward(qtbot: QtBot, ctx: AppContext, french: None) -> MembersPage:
    """Two members sharing a service; the first with a very long name full of « & < ' »."""
    first = ctx.members.create(
        MemberDraft(
            name=LONG_NAME,
            college="Collège « A & B <c> »",
            email="comptabilite.generale.et.paie@une-association-au-nom-tres-long.example",
            address="12 rue de l'Œuvre & du Cœur <bâtiment B>, " + "très loin " * 10,
            siret=VALID_SIRET,
        )
    )
    other = ctx.members.create(MemberDraft(name="L'Atelier d'Éloïse & Cie"))
    give_shares(ctx, [first.id, other.id], amount_cents=2_469_135_80)
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2025)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    page.select_id(first.id)
    settle()
    return page


@pytest.mark.parametrize("width", [900, 620, 480])
def test_awkward_data_reads_without_sideways_scrolling(awkward: MembersPage, width: int) -> None:
    page = awkward
    page.resize(width + 500, 600)
    page.splitter.setSizes([500, width - 500 + 300])  # the panel from 700 px down to 280
    settle()
    panel = page.detail
    assert panel.detail is not None and panel.detail.shares
    assert panel.horizontalScrollBar().maximum() == 0, (
        f"{panel.document().size().width():.0f} px of text in {panel.viewport().width()} px"
    )
    text = plain(panel.toPlainText())
    assert "« L'Œuvre & Cœur <Drôme> »" in text  # escaped, shown as is
    assert "Accueil & secrétariat <partagé>" in text
    assert "12 rue de l'Œuvre & du Cœur <bâtiment B>" in text
    line = panel.detail.shares[0]
    assert line.total_cents == 1_234_567_90
    assert "1 234 567,90" in text  # whole, once it is the member's half
    links = share_links(panel)
    assert f"share:{line.service_id}:0" in links  # the service and its total
    for cents in (line.total_cents, panel.detail.shares_total_cents):
        assert_on_one_line(panel, money_text(cents, symbol=False))


def assert_on_one_line(panel: MemberDetailPanel, figure: str) -> None:
    """Every occurrence of ``figure`` in the panel is laid out on a single line."""
    found = panel.document().find(plain(figure))  # find() sees no-break spaces as spaces
    assert not found.isNull(), figure
    while not found.isNull():
        start = QTextCursor(found)
        start.setPosition(found.selectionStart())
        end = QTextCursor(found)
        end.setPosition(found.selectionEnd())
        assert panel.cursorRect(start).top() == panel.cursorRect(end).top(), f"{figure} wraps"
        found = panel.document().find(plain(figure), found)


def test_the_panel_dragged_to_its_narrowest_still_fits(awkward: MembersPage) -> None:
    page = awkward
    page.resize(1000, 600)
    page.splitter.setSizes([5000, 1])  # the user drags the handle all the way right
    settle()
    panel = page.detail
    assert panel.width() >= panel.minimumWidth() > 0
    assert panel.stacked > 0
    assert panel.horizontalScrollBar().maximum() == 0, (
        f"{panel.document().size().width():.0f} px of text in {panel.viewport().width()} px"
    )
    assert_on_one_line(panel, money_text(panel.detail.shares[0].total_cents))


def test_every_layout_keeps_every_figure_and_link(awkward: MembersPage) -> None:
    detail = awkward.detail.detail
    figures = [c for line in detail.shares for c in (*line.quarters, line.total_cents) if c]
    seen = []
    for stacked in (0, 2, 1):
        html = detail_html(detail, stacked=stacked)
        text = plain(re.sub(r"<[^>]+>", "", html))
        for cents in figures:
            assert plain(money_text(cents, symbol=False)) in text, (stacked, cents)
        hrefs = set(re.findall(r'href="(share:[0-9]+:[0-9])"', html))
        seen.append(hrefs)
        # amounts never wrap: every amount cell keeps its figure on one line
        assert 'class="num" style="white-space: nowrap"' in html
    assert seen[0] == seen[1] == seen[2] and len(seen[0]) >= 2


def test_a_splitter_drag_lays_the_member_out_again_without_rebuilding_it(
    awkward: MembersPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = awkward
    built: list[int] = []
    real = detail_module.detail_html

    def counting(detail: object, *, stacked: int = 0) -> str:
        built.append(stacked)
        return real(detail, stacked=stacked)

    monkeypatch.setattr(detail_module, "detail_html", counting)
    page.detail.show_detail(page.detail.detail)  # a member shown: its forms built as needed
    for handle in (900, 300, 700, 200, 820, 450):  # the user drags the handle to and fro
        page.splitter.setSizes([handle, 1000 - handle])
        settle()
        assert page.detail.horizontalScrollBar().maximum() == 0, handle
    assert len(built) == len(set(built)) <= 3, built  # each layout built once for the member
    assert page.detail.stacked in (0, 1, 2)


def test_a_wide_panel_shows_the_quarters_side_by_side_at_every_width(
    awkward: MembersPage,
) -> None:
    """On a large screen the member's year reads as one table (T1-T4, total), whatever the
    exact width: never the stacked form at one width and the table at the next."""
    page = awkward
    page.resize(1900, 700)
    settle()
    panel = page.detail
    for width in range(760, 800, 3):
        page.splitter.setSizes([1900 - width, width])
        settle()
        assert panel.stacked == 0, (panel.width(), panel.stacked)
        assert panel.horizontalScrollBar().maximum() == 0, panel.width()
