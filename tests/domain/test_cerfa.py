"""The Cerfa 15059*02 grid as data: row order, shaded rows, lookups, mappings."""

from __future__ import annotations

import pytest

from ptce_desktop.domain.categories import FunderType
from ptce_desktop.domain.cerfa import (
    ACCOUNT_LINES,
    CERFA_GRID,
    CHARGE_SUBLINES,
    CHARGES_GRID,
    FUNDER_TYPE_TO_CERFA,
    IN_KIND_NATURE_TO_CERFA,
    PRODUITS_GRID,
    cerfa_line,
    children,
    grid,
    proposed_line,
)
from ptce_desktop.domain.errors import PtceError


def test_grid_has_the_rows_of_the_research_in_order() -> None:
    # docs/research/cerfa-and-reports.md §1.3: 37 charges rows + 26 produits rows, plus our
    # « Sous-traitance, charges locatives, autres » under 61 so that 61 = Σ its sub-rows.
    assert (len(CHARGES_GRID), len(PRODUITS_GRID), len(CERFA_GRID)) == (38, 26, 64)
    assert [line.code for line in CHARGES_GRID[:6]] == [
        "charges_directes",
        "60",
        "604",
        "601",
        "60x",
        "61",
    ]
    assert [line.code for line in grid("charges", in_kind=False) if line.group] == [
        "60", "61", "62", "63", "64", "65", "66", "67", "68",
    ]  # fmt: skip
    assert [line.code for line in children("74")] == [
        "74_etat", "74_region", "74_departement", "74_epci", "74_commune",
        "74_organisme_social", "74_fonds_europeen", "74_asp", "74_autre_public", "74_prive",
    ]  # fmt: skip
    assert CHARGES_GRID[-1].code == "total_general_charges"
    assert PRODUITS_GRID[-1].code == "total_general_produits"


def test_codes_are_unique_and_parents_exist() -> None:
    codes = [line.code for line in CERFA_GRID + ACCOUNT_LINES]
    assert len(codes) == len(set(codes))
    printed = {line.code for line in CERFA_GRID}
    for line in CERFA_GRID + ACCOUNT_LINES:
        assert line.parent is None or line.parent in printed, line
        assert line.target in printed, line
        assert line.label_fr.strip() == line.label_fr and line.label_fr


def test_group_rows_are_shaded_and_labelled_with_their_code() -> None:
    assert cerfa_line("60").label_fr == "60 – Achats"
    assert cerfa_line("60").group and cerfa_line("60").level == "group"
    assert not cerfa_line("613").group
    assert cerfa_line("613").label_fr == "Locations"


@pytest.mark.parametrize(
    ("code", "target"),
    [("613", "613"), ("606", "60x"), ("614", "61x"), ("611", "61x"), ("626", "62x"),
     ("657", "65"), ("756", "75_dont"), ("706", "70"), ("69", "635"),
     ("79", "ressources_propres")],
)  # fmt: skip
def test_accounts_roll_into_a_printed_row(code: str, target: str) -> None:
    assert cerfa_line(code).target == target


def test_in_kind_block() -> None:
    assert [line.code for line in grid("charges", in_kind=True)] == [
        "86",
        "860",
        "861",
        "862",
        "864",
    ]
    assert [line.code for line in grid("produits", in_kind=True)] == ["87", "870", "871", "875"]
    assert cerfa_line("870").label_fr == "870 – Bénévolat"
    assert cerfa_line("875").label_fr == "875 – Dons en nature"
    assert IN_KIND_NATURE_TO_CERFA["volunteering"] == ("864", "870")
    for charge, product in IN_KIND_NATURE_TO_CERFA.values():
        assert cerfa_line(charge).in_kind and cerfa_line(product).in_kind


def test_charge_sublines() -> None:
    for code in ("601", "602", "604", "606", "613", "616", "622", "641", "645", "657", "66", "681"):
        assert code in CHARGE_SUBLINES
    for code in ("60", "60x", "61x", "62x", "ci_fixes", "864", "706", "total_charges"):
        assert code not in CHARGE_SUBLINES
    assert list(CHARGE_SUBLINES) == sorted(CHARGE_SUBLINES)
    assert all(cerfa_line(code).side == "charges" for code in CHARGE_SUBLINES)


def test_every_account_of_a_group_with_sub_rows_lands_on_a_sub_row() -> None:
    # The page adds up as printed: nothing is booked on a shaded row that has sub-rows.
    for line in ACCOUNT_LINES:
        target = cerfa_line(line.target)
        if target.group:
            assert not children(target.code), line
    for code in ("611", "612", "614", "617", "69"):  # the ones that used to land on a group
        assert not cerfa_line(cerfa_line(code).target).group


@pytest.mark.parametrize(
    ("texts", "code"),
    [(("Locaux", "Loyer du tiers-lieu"), "613"), (("Communication", None), "623"),
     (("Mobilité",), "625"), (("Informatique & <réseau>",), "626"), (("Divers",), None),
     ((None, ""), None)],
)  # fmt: skip
def test_proposed_line_from_the_service_category(
    texts: tuple[str | None, ...], code: str | None
) -> None:
    assert proposed_line(*texts) == code
    if code is not None:
        assert code in CHARGE_SUBLINES


def test_every_funder_type_has_its_row_under_74() -> None:
    assert set(FUNDER_TYPE_TO_CERFA) == {funder.value for funder in FunderType}
    for row in FUNDER_TYPE_TO_CERFA.values():
        assert cerfa_line(row).parent == "74"


def test_unknown_line() -> None:
    with pytest.raises(PtceError) as info:
        cerfa_line("999")
    assert info.value.code == "unknown_cerfa_line"
    assert "999" in info.value.message()
