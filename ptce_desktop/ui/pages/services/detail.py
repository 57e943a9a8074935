"""The list and detail of the Services mutualisés page: table columns, the panel beside them
(the service, its users in the fiscal year, its budgets by year). Widgets and models only."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.money import format_percent
from ptce_desktop.domain.percentages import share_percent_bp
from ptce_desktop.services.costs.shared_services import ServiceTotals, ServiceUser, ServiceView
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.pages.keys.models import date_text
from ptce_desktop.ui.pages.scaffold import (
    detail_header,
    detail_table,
    fit_figures,
    section_title,
)
from ptce_desktop.ui.pages.services.dialogs import vat_text
from ptce_desktop.ui.widgets.table_model import RIGHT, Column, RowTableModel

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ServiceRow:
    """One line of the list: the service and its figures of the fiscal year shown."""

    totals: ServiceTotals
    view: ServiceView

    @property
    def id(self) -> int:
        return self.view.id


def _costs_tooltip(row: ServiceRow) -> str:
    t = row.totals
    return (
        translate("ServicesPage", "%n cost(s): %1 excl. VAT + %2 VAT = %3", "", t.cost_count)
        .replace("%1", money_text(t.ht_cents))
        .replace("%2", money_text(t.vat_cents))
        .replace("%3", money_text(t.ttc_cents))
    )


def _active_text(view: ServiceView) -> str:
    if view.active_from and view.active_to:
        return (
            translate("ServicesPage", "from %1 to %2")
            .replace("%1", date_text(view.active_from))
            .replace("%2", date_text(view.active_to))
        )
    if view.active_from:
        return translate("ServicesPage", "since %1").replace("%1", date_text(view.active_from))
    if view.active_to:
        return translate("ServicesPage", "until %1").replace("%1", date_text(view.active_to))
    return ""


def service_columns() -> list[Column]:
    return [
        Column(translate("ServicesPage", "Name"), lambda r: r.view.name),
        Column(translate("ServicesPage", "Category"), lambda r: r.view.category),
        Column(
            translate("ServicesPage", "VAT"),
            lambda r: vat_text(r.view.vat_regime, r.view.vat_rate_bp),
        ),
        Column(
            translate("ServicesPage", "Budget"),
            lambda r: r.totals.budget_cents,
            display=money_text,
            align=RIGHT,
            header_tooltip=translate("ServicesPage", "Budget of the fiscal year shown"),
        ),
        Column(
            translate("ServicesPage", "Costs"),
            lambda r: r.totals.ttc_cents,
            display=money_text,
            align=RIGHT,
            tooltip=_costs_tooltip,
            header_tooltip=translate(
                "ServicesPage", "Costs of the fiscal year shown, VAT included"
            ),
        ),
        Column(
            translate("ServicesPage", "Shared"),
            lambda r: r.totals.shared_cents,
            display=money_text,
            align=RIGHT,
            header_tooltip=translate(
                "ServicesPage",
                "Split between the members: VAT included for a service exempt under art. 261 B "
                "or when the pole is not VAT-registered, excluding VAT otherwise",
            ),
        ),
        Column(translate("ServicesPage", "Key"), lambda r: r.view.key_name),
        Column(translate("ServicesPage", "Carrying member"), lambda r: r.view.carrier_name),
        Column(
            translate("ServicesPage", "Active"),
            lambda r: r.view,
            display=_active_text,
            sort_key=lambda r: r.view.active_from,
        ),
    ]


def user_columns() -> list[Column]:
    return [
        Column(translate("ServiceDetailPanel", "Member"), lambda u: u.member_name),
        Column(
            translate("ServiceDetailPanel", "Weight"),
            lambda u: u.weight,
            display=lambda weight: format_percent(
                share_percent_bp(weight), lang=current_language(), fixed=True
            ),
            align=RIGHT,
            header_tooltip=translate(
                "ServiceDetailPanel", "Share of the key on the first day of the fiscal year"
            ),
        ),
        Column(
            translate("ServiceDetailPanel", "Shares"),
            lambda u: u.shares_cents,
            display=money_text,
            align=RIGHT,
            header_tooltip=translate(
                "ServiceDetailPanel", "Shares of the costs of the fiscal year"
            ),
        ),
    ]


def budget_columns(year_label: Callable[[int], str]) -> list[Column]:
    return [
        Column(translate("ServiceDetailPanel", "Fiscal year"), lambda b: b[0], display=year_label),
        Column(
            translate("ServiceDetailPanel", "Budget"),
            lambda b: b[1],
            display=money_text,
            align=RIGHT,
        ),
    ]


class ServiceDetailPanel(QWidget):
    def __init__(self, year_label: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ServiceDetailPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.setSpacing(6)
        self.header = detail_header("serviceHeader")
        layout.addWidget(self.header)
        self.users_title = section_title("")
        layout.addWidget(self.users_title)
        self.users_model = RowTableModel(user_columns(), parent=self)
        self.users_view, self.users_proxy = detail_table(
            "service-users", self.users_model, translate("ServiceDetailPanel", "Users")
        )
        layout.addWidget(self.users_view, 3)
        self.users_total = QLabel()
        self.users_total.setObjectName("usersTotal")
        layout.addWidget(self.users_total)
        layout.addWidget(section_title(translate("ServiceDetailPanel", "Budgets")))
        # one above the other, right-aligned: side by side they kept the panel 310 px wide,
        # which the list's key and VAT columns need at 1366 px
        bar = QVBoxLayout()
        bar.setSpacing(4)
        self.set_budget_button = QPushButton()
        self.set_budget_button.setObjectName("setBudget")
        self.remove_budget_button = QPushButton()
        self.remove_budget_button.setObjectName("removeBudget")
        for button in (self.set_budget_button, self.remove_budget_button):
            bar.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(bar)
        self.budgets_model = RowTableModel(budget_columns(year_label), parent=self)
        self.budgets_view, self.budgets_proxy = detail_table(
            "service-budgets", self.budgets_model, translate("ServiceDetailPanel", "Budgets")
        )
        # three years without scrolling (the one shown, the one before, the one after): the
        # users' list above scrolls rather than this one
        rows = self.budgets_view.verticalHeader().defaultSectionSize()
        header = self.budgets_view.horizontalHeader().sizeHint().height()
        self.budgets_view.setMinimumHeight(header + 3 * rows + 2 * self.budgets_view.frameWidth())
        layout.addWidget(self.budgets_view, 1)
        self.set_year_label("")
        self.show_service(None)

    def set_year_label(self, label: str) -> None:
        self.set_budget_button.setText(
            translate("ServiceDetailPanel", "Set the &budget %1…").replace("%1", label)
        )
        self.remove_budget_button.setText(
            translate("ServiceDetailPanel", "Remove the budget %1").replace("%1", label)
        )
        self.users_title.setText(
            translate("ServiceDetailPanel", "Users in %1").replace("%1", label)
        )

    def show_service(self, view: ServiceView | None, users: Sequence[ServiceUser] = ()) -> None:
        if view is None:
            self.header.setText(
                "<p style='color:#52606d'>"
                + html.escape(translate("ServiceDetailPanel", "Select a service to see its users."))
                + "</p>"
            )
            self.users_model.set_rows([])
            self.budgets_model.set_rows([])
            self.users_total.setText("")
            return
        e = html.escape
        about = [view.category or "", vat_text(view.vat_regime, view.vat_rate_bp)]
        lines = [" · ".join(e(part) for part in about if part)]
        key = view.key_name or translate("ServiceDetailPanel", "no allocation key yet")
        lines.append(e(translate("ServiceDetailPanel", "Key: %1").replace("%1", key)))
        if view.carrier_name:
            lines.append(
                e(translate("ServiceDetailPanel", "Carried by %1").replace("%1", view.carrier_name))
            )
        active = _active_text(view)
        if active:
            lines.append(e(translate("ServiceDetailPanel", "Active %1").replace("%1", active)))
        if view.description:
            lines.append(e(view.description).replace("\n", "<br>"))
        self.header.setText(
            f"<h3 style='margin:0'>{e(view.name)}</h3>"
            f"<p style='color:#52606d'>{'<br>'.join(lines)}</p>"
        )
        self.users_model.set_rows(list(users))
        self.budgets_model.set_rows(list(view.budgets))
        # the figures (all but the names) as wide as their numbers and titles
        fit_figures(self.users_view, range(1, self.users_view.horizontalHeader().count()))
        total = sum(user.shares_cents for user in users)
        self.users_total.setText(
            translate("ServiceDetailPanel", "%n member(s) · shares %1", "", len(users)).replace(
                "%1", money_text(total)
            )
        )
