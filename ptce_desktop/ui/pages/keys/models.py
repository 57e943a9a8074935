"""Table models of the Clés de répartition page: the key list, versions, members, usage, and
the editable members × units table of the version dialog.

Everything here reads the frozen views of :mod:`ptce_desktop.services.keys.keys`; nothing queries
the database. :class:`VersionValuesModel` parses what is typed in a cell with the domain's own
parsers (``12,5`` → 12500 thousandths, ``25`` → 2500 basis points) and keeps the text typed
even when it is wrong, so the dialog can point at it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.money import format_percent, format_units
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import (
    KeyView,
    UsageView,
    VersionDetail,
    VersionSummary,
)
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.widgets.table_model import RIGHT, Column, RowTableModel

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex


def method_label(method: Method | str) -> str:
    """The method as the user reads it (égal, unités, usage relevé, pourcentages fixes, mixte)."""
    labels = {
        Method.EQUAL: translate("KeysPage", "Equal shares"),
        Method.UNITS: translate("KeysPage", "Units per member"),
        Method.USAGE: translate("KeysPage", "Recorded usage"),
        Method.PERCENT: translate("KeysPage", "Fixed percentages"),
        Method.MIXED: translate("KeysPage", "Mixed"),
    }
    try:
        return labels[Method(method)]
    except ValueError:
        return str(method)


def bp_text(basis_points: int) -> str:
    """A percentage already rounded (a column's, see :func:`percent_column`): ``33,34 %``."""
    return format_percent(basis_points, lang=current_language())


def units_text(value: int, unit: str | None) -> str:
    return f"{format_units(value, lang=current_language())} {unit or ''}".strip()


def date_text(day: dt.date | None) -> str:
    return format_date(day) if day else ""


# --- the key list ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyRow:
    """One line of the key list: the key, its version in force and how many take part."""

    key: KeyView
    in_force: VersionSummary | None
    members: int | None  # members of the version in force (usage: members with usage)
    parts: int | None  # keys combined by a mixed key

    @property
    def id(self) -> int:
        return self.key.id

    @property
    def name(self) -> str:
        return self.key.name


def load_key_rows(service: KeyService, on: dt.date, start: dt.date, end: dt.date) -> list[KeyRow]:
    """The keys with their version in force ``on``; usage keys count the members with usage
    recorded between ``start`` and ``end`` (the fiscal year shown)."""
    rows = []
    keys = service.list_keys(on)
    # the versions' members and parts counted in SQL: building each version's shares (the
    # names of every member of the pole, each time) took seconds on a large pole
    counts = service.version_counts(
        [key.current_version.id for key in keys if key.current_version is not None]
    )
    for key in keys:
        members: int | None = None
        parts: int | None = None
        if key.method is Method.USAGE:
            members = len({u.member_id for u in service.list_usage(key.id, start, end)})
        elif key.current_version is not None:
            units, weighed = counts.get(key.current_version.id, (0, 0))
            if key.method is Method.MIXED:
                parts = weighed
            elif units or key.method is not Method.EQUAL:
                members = units
            else:  # an equal key without rows: every member present, as the version says
                members = len(service.get_version(key.current_version.id).members)
        rows.append(KeyRow(key, key.current_version, members, parts))
    return rows


def _members_display(row: KeyRow) -> str:
    if row.parts is not None:
        return translate("KeysPage", "%n key(s)", "", row.parts)
    return "" if row.members is None else str(row.members)


def key_columns() -> list[Column]:
    return [
        Column(translate("KeysPage", "Name"), lambda r: r.key.name),
        Column(translate("KeysPage", "Method"), lambda r: method_label(r.key.method)),
        Column(translate("KeysPage", "Unit"), lambda r: r.key.unit),
        Column(
            translate("KeysPage", "In force since"),
            lambda r: r.in_force.valid_from if r.in_force else None,
            display=date_text,
            header_tooltip=translate("KeysPage", "Date of the version in force"),
        ),
        Column(
            translate("KeysPage", "Members"),
            lambda r: r,
            display=_members_display,
            sort_key=lambda r: (r.members if r.parts is None else r.parts) or 0,
            align=RIGHT,
            header_tooltip=translate(
                "KeysPage",
                "Members taking part in the version in force (usage keys: members with usage "
                "recorded in the fiscal year; mixed keys: the keys combined)",
            ),
        ),
        Column(translate("KeysPage", "Versions"), lambda r: len(r.key.versions), align=RIGHT),
        Column(translate("KeysPage", "Description"), lambda r: r.key.description),
    ]


# --- the detail tables -------------------------------------------------------------------------


def version_columns(in_force_id: Callable[[], int | None]) -> list[Column]:
    def status(version: VersionSummary) -> str:
        if version.id == in_force_id():
            return translate("KeysPage", "In force")
        return ""

    return [
        Column(translate("KeysPage", "Valid from"), lambda v: v.valid_from, display=date_text),
        Column(translate("KeysPage", "Status"), status),
        Column(translate("KeysPage", "Note"), lambda v: v.note),
    ]


@dataclass(frozen=True)
class MemberLine:
    """One member of a version: its units as the key's method reads them, and its share."""

    member_id: int
    member_name: str
    value: int
    shown: str
    share: Fraction
    #: The share in the version's column of percentages (adds up to 100,00 %).
    percent_bp: int


def value_text(method: Method, value: int, unit: str | None) -> str:
    if method is Method.PERCENT:
        return format_percent(value, lang=current_language())
    if method is Method.EQUAL:
        return translate("KeysPage", "1 share")
    return units_text(value, unit)


def member_lines(detail: VersionDetail) -> list[MemberLine]:
    return [
        MemberLine(
            row.member_id,
            row.member_name,
            row.units,
            value_text(detail.method, row.units, detail.unit),
            row.share,
            row.percent_bp,
        )
        for row in detail.members
    ]


def total_text(detail: VersionDetail) -> str:
    """ "Total: 630 m² · 10 members" for the version shown."""
    count = translate("KeysPage", "%n member(s)", "", len(detail.members))
    if detail.method is Method.MIXED:
        weights = sum(part.weight_bp for part in detail.parts)
        total = format_percent(weights, lang=current_language())
        count = translate("KeysPage", "%n key(s)", "", len(detail.parts))
    elif detail.method is Method.EQUAL:
        total = translate("KeysPage", "%n share(s)", "", len(detail.members))
    else:
        total = value_text(detail.method, detail.total_units, detail.unit)
    return translate("KeysPage", "Total: %1 · %2").replace("%1", total).replace("%2", count)


class MemberLinesModel(RowTableModel):
    """The members of the version shown; the units column is named after the key's method."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(translate("KeysPage", "Member"), lambda r: r.member_name),
                Column(
                    translate("KeysPage", "Units"),
                    lambda r: r.value,
                    display=None,
                    sort_key=lambda r: r.value,
                    align=RIGHT,
                ),
                Column(
                    translate("KeysPage", "Share"),
                    lambda r: r.percent_bp,
                    display=bp_text,
                    align=RIGHT,
                ),
            ],
            parent=parent,
        )
        self._value_header = translate("KeysPage", "Units")

    def set_detail(self, detail: VersionDetail | None) -> None:
        header = translate("KeysPage", "Units")
        if detail is not None:
            header = value_header(detail.method, detail.unit)
        if header != self._value_header:
            self._value_header = header
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, 1)
        self.set_rows(member_lines(detail) if detail is not None else [])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.isValid()
            and index.column() == 1
            and index.row() < self.rowCount()
        ):
            return self.row_at(index.row()).shown
        return super().data(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            section == 1
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return self._value_header
        return super().headerData(section, orientation, role)


def value_header(method: Method, unit: str | None) -> str:
    if method is Method.PERCENT:
        return translate("KeysPage", "Percentage")
    if method is Method.EQUAL:
        return translate("KeysPage", "Takes part")
    if method is Method.USAGE:
        return translate("KeysPage", "Quantity")
    if unit:
        return translate("KeysPage", "Units (%1)").replace("%1", unit)
    return translate("KeysPage", "Units")


def part_columns() -> list[Column]:
    return [
        Column(translate("KeysPage", "Key"), lambda p: p.key_name),
        Column(
            translate("KeysPage", "Weight"),
            lambda p: p.weight_bp,
            display=lambda bp: format_percent(bp, lang=current_language()),
            align=RIGHT,
        ),
        Column(
            translate("KeysPage", "Share"), lambda p: p.percent_bp, display=bp_text, align=RIGHT
        ),
    ]


def usage_columns(unit: Callable[[], str | None]) -> list[Column]:
    return [
        Column(translate("KeysPage", "Date"), lambda u: u.on, display=date_text),
        Column(translate("KeysPage", "Member"), lambda u: u.member_name),
        Column(
            translate("KeysPage", "Quantity"),
            lambda u: u.quantity_milli,
            display=lambda value: units_text(value, unit()),
            align=RIGHT,
        ),
        Column(translate("KeysPage", "Note"), lambda u: u.note),
    ]


def usage_total(rows: Sequence[UsageView]) -> int:
    return sum(row.quantity_milli for row in rows)
