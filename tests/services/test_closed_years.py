"""A closed year stays closed (issue 12, item 2): every path that could change what its figures
and documents depend on is refused with a French message, and the VAT regime of a service and
the pole's VAT registration are dated values that spare the closed years.

Each test below fails on the code before issue 12 (the change went through and silently
rewrote the closed year).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import select
from support.factories.costs import LONG_NAME, draft, make_key, make_service, seed_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.keys.keys import KeyService, UsageDraft, VersionDraft
from ptce_desktop.services.members.fees import FeeService
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.services.pole.integrity import check_database
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.models import KeyVersionUnit, Member, ServiceVatPeriod, Share
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


def _today() -> dt.date:
    return D(2026, 3, 1)


@dataclass(frozen=True)
class Closed:
    members: tuple[int, ...]
    key: int
    version: int
    usage_key: int
    usage: int
    service: int
    usage_service: int
    old_cost: int
    new_cost: int


def _closed_2024(uow: UnitOfWork) -> Closed:
    """Three members, a units key in force since 2023, a usage key with usage in 2024, a
    taxable service with a 2024 and a 2025 cost, a 2024 budget, fee and figures; 2024 closed."""
    members = seed_world(uow, vat_registered=True).members
    a, b, c = members
    keys = KeyService(uow)
    key = make_key(
        uow, "units", {a: 1000, b: 2000, c: 3000}, name=LONG_NAME, valid_from=D(2023, 1, 1)
    )
    version = keys.get_key(key).versions[0].id
    usage_key = make_key(uow, "usage", name="Heures d'atelier « bois » & <co>")
    usage = keys.add_usage(UsageDraft(usage_key, a, D(2024, 6, 3), 5000, "Atelier l'€"))
    keys.add_usage(UsageDraft(usage_key, b, D(2024, 6, 4), 5000))
    service = make_service(uow, key, name="Locaux « Crest » & <co>", taxable=True)
    usage_service = make_service(uow, usage_key, name="Atelier partagé — 1 234,56 €")
    costs = CostService(uow)
    year = {"invoice": D(2024, 12, 31), "start": D(2024, 1, 1), "end": D(2024, 12, 31)}
    old_cost = costs.create_cost(draft(service, 600_00, 120_00, **year))  # type: ignore[arg-type]
    costs.create_cost(draft(usage_service, 100_00, **year))  # type: ignore[arg-type]
    new_cost = costs.create_cost(draft(service, 600_00, 120_00))
    services = SharedServiceService(uow)
    services.set_budget(service, 2024, 7_200_00)
    FeeService(uow).set_fee(2024, "ess_enterprise", 50_00)
    MemberService(uow).set_year_figures(a, 2024, headcount=3, turnover_cents=1_234_56)
    FiscalYearService(uow, today=_today).close(2024)
    return Closed(
        members, key, version, usage_key, usage, service, usage_service, old_cost, new_cost
    )


def _shares(uow: UnitOfWork, cost_id: int) -> dict[int, int]:
    with uow.read() as session:
        rows = session.execute(select(Share.member_id, Share.cents).where(Share.cost_id == cost_id))
        return dict(rows.all())


def _refused(call: object, *args: object, code: str = "closed_year") -> str:
    with pytest.raises(PtceError) as caught:
        call(*args)  # type: ignore[operator]
    assert caught.value.code == code, caught.value.message("fr")
    text = caught.value.message("fr")
    assert "2024" in text and "{" not in text
    return text


# --- keys ------------------------------------------------------------------------------------


def test_a_key_version_in_force_during_a_closed_year_cannot_be_edited(uow: UnitOfWork) -> None:
    world = _closed_2024(uow)
    a, b, c = world.members
    before = _shares(uow, world.old_cost)
    keys = KeyService(uow)
    text = _refused(
        keys.update_version,
        world.version,
        VersionDraft(D(2023, 1, 1), {a: 1000, b: 1000, c: 1000}),
        code="version_frozen_edit",
    )
    assert "ne peut pas être modifiée" in text
    # Around the service: the units changed straight through the ORM are refused as well.
    with pytest.raises(PtceError) as caught, uow.write("Outil") as session:
        unit = session.scalars(select(KeyVersionUnit).where(KeyVersionUnit.member_id == a)).one()
        unit.units_milli = 9000
    assert caught.value.code == "closed_year_key_version"
    assert "en vigueur pendant l'exercice clôturé 2024" in caught.value.message("fr")
    assert _shares(uow, world.old_cost) == before


def test_a_version_that_would_be_in_force_during_a_closed_year_cannot_be_added(
    uow: UnitOfWork,
) -> None:
    world = _closed_2024(uow)
    a, b, c = world.members
    keys = KeyService(uow)
    units = {a: 1, b: 1, c: 1}
    # Dated inside the closed year.
    _refused(
        keys.add_version,
        world.key,
        VersionDraft(D(2024, 7, 1), units),
        code="closed_year_key_version",
    )
    # Dated before it, but the next version is later: it would govern 2024 too.
    keys.add_version(world.key, VersionDraft(D(2026, 1, 1), units))
    _refused(
        keys.add_version,
        world.key,
        VersionDraft(D(2023, 6, 1), units),
        code="closed_year_key_version",
    )
    # After the closed year: allowed, and the open year follows it.
    change = keys.add_version(world.key, VersionDraft(D(2025, 1, 1), units))
    assert change.recomputed == 1
    assert sorted(_shares(uow, world.new_cost).values()) == [200_00, 200_00, 200_00]


def test_usage_dated_in_a_closed_year_cannot_be_added_changed_or_deleted(
    uow: UnitOfWork,
) -> None:
    world = _closed_2024(uow)
    a = world.members[0]
    keys = KeyService(uow)
    _refused(keys.add_usage, UsageDraft(world.usage_key, a, D(2024, 9, 1), 1000))
    _refused(keys.update_usage, world.usage, UsageDraft(world.usage_key, a, D(2024, 6, 3), 1))
    _refused(keys.update_usage, world.usage, UsageDraft(world.usage_key, a, D(2025, 6, 3), 5000))
    _refused(keys.delete_usage, world.usage)
    keys.add_usage(UsageDraft(world.usage_key, a, D(2025, 2, 1), 1000))  # an open year


def test_the_key_of_a_service_with_closed_year_costs_cannot_change(uow: UnitOfWork) -> None:
    world = _closed_2024(uow)
    services = SharedServiceService(uow)
    other = make_key(uow, "equal", name="Parts égales", valid_from=D(2025, 1, 1))
    view = services.get_service(world.service)
    text = _refused(
        services.update_service,
        world.service,
        ServiceDraft(name=view.name, vat_regime="taxable", vat_rate_bp=2000, key_id=other),
        code="closed_year_service_key",
    )
    assert "Locaux « Crest » & <co>" in text


# --- members, budgets, fees -------------------------------------------------------------


def test_member_figures_budgets_and_fees_of_a_closed_year_are_frozen(uow: UnitOfWork) -> None:
    world = _closed_2024(uow)
    a = world.members[0]
    members = MemberService(uow)
    _refused(members.set_year_figures, a, 2024, 4)
    _refused(SharedServiceService(uow).set_budget, world.service, 2024, 1_00)
    _refused(SharedServiceService(uow).remove_budget, world.service, 2024)
    _refused(FeeService(uow).set_fee, 2024, "ess_enterprise", 60_00)
    _refused(FeeService(uow).remove_fee, 2024, "ess_enterprise")
    # The open year is free.
    members.set_year_figures(a, 2025, headcount=4)
    SharedServiceService(uow).set_budget(world.service, 2025, 7_500_00)
    FeeService(uow).set_fee(2025, "ess_enterprise", 60_00)


def test_presence_during_a_closed_year_cannot_change(uow: UnitOfWork) -> None:
    world = _closed_2024(uow)
    a, b, _c = world.members
    members = MemberService(uow)
    current = members.get(b).to_draft()
    text = _refused(members.archive, b, D(2024, 6, 30), code="closed_year_presence")
    assert "Association L'Épicerie solidaire — 1 234,56 €" in text
    _refused(
        members.update, b, replace(current, joined_on=D(2024, 3, 1)), code="closed_year_presence"
    )
    # A member who joins now, with no date, would be present in 2024 too.
    _refused(
        members.create, MemberDraft(name="Nouveau « venu » & <co>"), code="closed_year_presence"
    )
    # Dates after the closed year are allowed.
    members.archive(a, D(2025, 6, 30))
    members.create(MemberDraft(name="Nouveau « venu » & <co>", joined_on=D(2025, 1, 1)))
    members.update(b, replace(current, name="Épicerie « renommée » & <co>"))  # identity: free
    with uow.read() as session:
        assert session.get(Member, b).name == "Épicerie « renommée » & <co>"  # type: ignore[union-attr]


# --- dated VAT --------------------------------------------------------------------------


def test_a_service_vat_regime_change_applies_after_the_closed_year(
    uow: UnitOfWork, db_path: object
) -> None:
    world = _closed_2024(uow)
    old_before, new_before = _shares(uow, world.old_cost), _shares(uow, world.new_cost)
    assert sum(old_before.values()) == 600_00  # HT: taxable, pole registered
    services = SharedServiceService(uow)
    view = services.get_service(world.service)
    services.update_service(
        world.service, ServiceDraft(name=view.name, vat_regime="exempt_261b", key_id=world.key)
    )
    assert _shares(uow, world.old_cost) == old_before  # the closed year keeps HT
    assert sum(_shares(uow, world.new_cost).values()) == 720_00  # 2025 on: TTC
    with uow.read() as session:
        dated = session.execute(
            select(ServiceVatPeriod.valid_from, ServiceVatPeriod.vat_regime).order_by(
                ServiceVatPeriod.valid_from
            )
        ).all()
    assert [(d, r.value) for d, r in dated] == [
        (D(1900, 1, 1), "taxable"),
        (D(2025, 1, 1), "exempt_261b"),
    ]
    del new_before


def test_the_pole_vat_registration_change_applies_after_the_closed_year(uow: UnitOfWork) -> None:
    world = _closed_2024(uow)
    old_before = _shares(uow, world.old_cost)
    poles = PoleService(uow)
    pole = poles.get()
    assert pole is not None
    poles.update(replace(pole.to_draft(), vat_registered=False))
    assert _shares(uow, world.old_cost) == old_before  # still HT in 2024
    assert sum(_shares(uow, world.new_cost).values()) == 720_00  # TTC from 2025 on
    # Registered again: the dated history keeps 2024 as it was.
    poles.update(replace(pole.to_draft(), vat_registered=True))
    assert sum(_shares(uow, world.new_cost).values()) == 600_00
    assert _shares(uow, world.old_cost) == old_before


def test_check_stays_sound_after_every_allowed_change(uow: UnitOfWork) -> None:
    world = _closed_2024(uow)
    services = SharedServiceService(uow)
    view = services.get_service(world.service)
    services.update_service(
        world.service, ServiceDraft(name=view.name, vat_regime="exempt_261b", key_id=world.key)
    )
    poles = PoleService(uow)
    pole = poles.get()
    assert pole is not None
    poles.update(replace(pole.to_draft(), vat_registered=False))
    report = check_database(uow.db.path)
    failed = [item.text for item in report.items if not item.ok]
    assert failed == []


def test_reopening_the_year_frees_it_again(uow: UnitOfWork) -> None:
    world = _closed_2024(uow)
    a = world.members[0]
    FiscalYearService(uow, today=_today).reopen(2024, reason="Erreur de saisie « loyer » & <co>")
    MemberService(uow).set_year_figures(a, 2024, headcount=4)
    KeyService(uow).delete_usage(world.usage)


# --- a closed year's documents reprint the same -----------------------------------------


def _documents(uow: UnitOfWork, year: int, folder: Path) -> dict[str, str]:
    """Every document of ``year`` (each kind, each target it offers) as extracted text."""
    from pypdf import PdfReader

    from ptce_desktop.printing.jobs import KINDS, ReportRequest, available_targets, build_report

    folder.mkdir()
    texts: dict[str, str] = {}
    for kind in KINDS:
        fields = available_targets(uow, kind.key, year)
        combos: list[dict[str, int | None]] = [{}]
        for target in fields:
            ids: list[int | None] = [c.id for c in target.choices]
            if not target.required:
                ids = [None, *ids]
            combos = [{**combo, f"{target.name}_id": i} for combo in combos for i in ids]
        for combo in combos:
            if kind.key == "statement" and combo.get("member_id") is None:
                continue
            if any(v is None for k, v in combo.items() if k != "service_id" and k != "call_id"):
                continue
            name = kind.key + "-" + "-".join(f"{k}{v}" for k, v in sorted(combo.items()))
            path = folder / f"{name}.pdf"
            # A grant's Cerfa spans its whole period unless asked for the part inside the year.
            year_only = kind.key in ("cerfa-15059", "crf-bundle")
            request = ReportRequest(kind.key, year, cerfa_year_only=year_only, **combo)  # type: ignore[arg-type]
            build_report(uow, request, path, generated_on=D(2026, 7, 1))
            # Without the running header and footer (two lines each): the header holds the
            # pole's name, an identity field, and shortens the title to fit it.
            pages = [page.extract_text().splitlines()[2:-2] for page in PdfReader(path).pages]
            texts[name] = "\n".join(line for page in pages for line in page)
    return texts


def _mask(text: str, values: tuple[str, ...]) -> str:
    flat = " ".join(text.split())
    for value in sorted(values, key=len, reverse=True):
        flat = flat.replace(" ".join(value.split()), "«identité»")
    return flat


def test_a_closed_year_documents_reprint_the_same_after_every_allowed_change(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    from support.factories.demo import copy_demo, service_demo

    from ptce_desktop.store.database import open_database

    demo = service_demo(tmp_path_factory)
    database = open_database(copy_demo(demo.path, tmp_path))
    try:
        uow = UnitOfWork(database)
        assert FiscalYearService(uow, today=_today).get(2024).closed  # the demo closes 2024
        before = _documents(uow, 2024, tmp_path / "avant")
        assert len(before) >= 5 and all(before.values())

        # Everything that is allowed: dated values, later versions, members, names…
        poles = PoleService(uow)
        pole = poles.get()
        assert pole is not None
        services = SharedServiceService(uow)
        keys = KeyService(uow)
        members = MemberService(uow, today=_today)
        old_identity = (pole.name, pole.address or "", pole.iban_display or "")
        poles.update(
            replace(
                pole.to_draft(),
                vat_registered=not pole.vat_registered,
                name="Pôle « renommé » & <co> — l'€",
                address="12 rue de l'Œuvre & <co>",
                iban="FR7630006000011234567890189",
            )
        )
        for view in services.service_views().values():
            regime = "taxable" if view.vat_regime.value == "exempt_261b" else "exempt_261b"
            services.update_service(
                view.id,
                ServiceDraft(
                    name=view.name,
                    vat_regime=regime,
                    vat_rate_bp=2000 if regime == "taxable" else 0,
                    key_id=view.key_id,
                    carrier_member_id=view.carrier_member_id,
                    category=view.category,
                    description=view.description,
                    active_from=view.active_from,
                    active_to=view.active_to,
                ),
            )
        for key in keys.list_keys():
            if key.method.value in ("units", "percent", "equal") and key.versions:
                last = keys.get_version(key.versions[-1].id)
                values = {m.member_id: m.units for m in last.members}
                if key.method.value == "percent" or not values:
                    continue
                later = max(D(2027, 1, 1), key.versions[-1].valid_from + dt.timedelta(days=1))
                keys.add_version(key.id, VersionDraft(later, {m: v + 1 for m, v in values.items()}))
        newcomer = members.create(
            MemberDraft(name="Arrivée 2026 « & <co> »", joined_on=D(2026, 7, 1))
        )
        first = members.list_members()[0]
        # Renamed with a glyph of the same width, so that the tables keep their page breaks.
        assert "e" in first.name
        new_name = first.name[::-1].replace("e", "é", 1)[::-1]
        members.update(first.id, replace(members.get(first.id).to_draft(), name=new_name))
        assert newcomer.id

        after = _documents(uow, 2024, tmp_path / "après")
        assert set(after) == set(before)
        new_identity = (
            "Pôle « renommé » & <co> — l'€",
            "12 rue de l'Œuvre & <co>",
            "FR76 3000 6000 0112 3456 7890 189",
            new_name,
        )
        masked = new_identity + old_identity + (first.name,)
        for name, text in before.items():
            was, now = _mask(text, masked), _mask(after[name], masked)
            at = next((i for i, (x, y) in enumerate(zip(was, now, strict=False)) if x != y), None)
            assert was == now, (
                f"{name}: …{was[(at or 0) - 80 :][:200]} ≠ …{now[(at or 0) - 80 :][:200]}"
            )
    finally:
        database.close()
