"""French typography shared by the window, the command line and the printed documents."""

from __future__ import annotations

from ptce_desktop.domain.typography import counted, french_spacing


def test_counts_take_the_singular_below_two() -> None:
    assert counted(0, "charge", "charges") == "0 charge"
    assert counted(1, "ligne illisible", "lignes illisibles") == "1 ligne illisible"
    assert counted(2, "entreprise de l'ESS", "entreprises de l'ESS") == "2 entreprises de l'ESS"
    assert counted(1_234, "règlement « réparti » & <x>", "règlements") == "1234 règlements"


def test_spaces_inside_guillemets_and_before_high_signs_do_not_break() -> None:
    spaced = french_spacing("Clé « Surface & <m²> » : 15 %")
    assert spaced == "Clé «\u00a0Surface & <m²>\u00a0»\u00a0: 15 %"
