"""« Pourquoi ce montant ? » of a closed year after a later VAT change (#12): the amount split
of each cost is the one in force on its period start (HT while the pole was VAT-registered),
as its shares were computed, not today's."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from pytestqt.qtbot import QtBot

from ptce_desktop.domain.vat import SplitBasis
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.explain_dialog import MemberSharesDialog

D = dt.date
PRINTING = "Reprographie « couleur » & <A3>"
NAME = "Atelier L'Éclair & <Fils> — " + "très long nom " * 10


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_a_closed_year_keeps_its_split_basis(ctx: AppContext, qtbot: QtBot, french: None) -> None:
    pole = ctx.pole.get()
    assert pole is not None
    ctx.pole.update(replace(pole.to_draft(), vat_registered=True))
    members = [ctx.members.create(MemberDraft(name=n, joined_on=D(2020, 1, 1))).id
               for n in (NAME, "Mairie de Valence")]  # fmt: skip
    keys = ctx.service(KeyService)
    key = keys.create_key(KeyDraft(name="Parts égales & co", method="equal"))
    keys.add_version(key, VersionDraft(D(2024, 1, 1), {m: 1000 for m in members}))
    services = ctx.service(SharedServiceService)
    printing = services.create_service(
        ServiceDraft(name=PRINTING, key_id=key, vat_regime="taxable", vat_rate_bp=2_000)
    )
    costs = ctx.service(CostService)
    for start, ht in ((D(2024, 3, 1), 100_000), (D(2025, 3, 1), 50_000)):
        costs.create_cost(
            CostDraft(service_id=printing, invoice_date=start, period_start=start,
                      period_end=start + dt.timedelta(days=27), label=f"Copies l'€ {start.year}",
                      ht_cents=ht, vat_cents=ht // 5, ttc_cents=ht + ht // 5)
        )  # fmt: skip
    ctx.fiscal_years.close(2024)
    pole = ctx.pole.get()
    assert pole is not None
    ctx.pole.update(replace(pole.to_draft(), vat_registered=False))  # from 2025 on

    def dialog(year: int) -> MemberSharesDialog:
        shown = MemberSharesDialog(
            ctx, member_id=members[0], member_name=NAME, year=year,
            services=[(printing, PRINTING)], service_id=printing,
        )  # fmt: skip
        qtbot.addWidget(shown)
        return shown

    closed = dialog(2024)
    (row,) = closed.rows
    assert closed.basis_of(row) is SplitBasis.HT
    assert plain(closed.model.index(0, 3).data()) == "1 000,00 €"  # the HT, as split in 2024
    assert row.member_cents == 50_000 == closed.total_cents()
    assert "HT" in plain(closed.total_label.text())
    assert costs.explain_share(row.id, members[0]).basis is SplitBasis.HT  # the panel agrees
    current = dialog(2025)
    (row,) = current.rows
    assert current.basis_of(row) is SplitBasis.TTC  # not registered any more: TTC
    assert plain(current.model.index(0, 3).data()) == "600,00 €"
    assert row.member_cents == 30_000
    assert "TTC" in plain(current.total_label.text())
