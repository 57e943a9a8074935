"""QA of the printed reports: figures that must reconcile on the page."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from test_report_redistribution import grant, model, render


def test_redistribution_key_figures_reconcile_received(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    """Received = passed on + kept + still to pass on, in the key figures as in the table:
    the kept tile counts the received the plan does not assign, like the « Conservé » column."""
    data, _ = render(
        model(
            grants=(
                grant(
                    received_cents=30_000_00,
                    passed_cents=15_000_00,
                    coordination_cents=3_000_00,
                    unplanned_cents=2_000_00,
                    remaining_cents=10_000_00,
                ),
            )
        )
    )
    first = page_texts(data)[0]
    flat = " ".join(first.split())
    assert (
        "Reversé aux membres à la date du rapport 15 000,00 € Conservé par le pôle à la date du "
        "rapport 5 000,00 € Reste à reverser à la date du rapport 10 000,00 €"
    ) in flat


def test_cerfa_fee_years_read_as_french(page_texts: Callable[[bytes], list[str]]) -> None:
    """« l'exercice 2025 » for one year, « les exercices 2024 et 2025 » for two, never
    « l'exercice 2024, 2025 »."""
    from dataclasses import replace

    from test_report_cerfa import make_report
    from test_report_cerfa import render as render_cerfa

    report = make_report({}, {})
    report = replace(report, method=replace(report.method, project_name=None))  # pole-wide
    two = replace(report, method=replace(report.method, fee_years=("2024", "2025")))
    text = " ".join(" ".join(page_texts(render_cerfa(two))).split())
    assert "cotisations dues pour les exercices 2024 et 2025," in text
    one = " ".join(" ".join(page_texts(render_cerfa(report))).split())
    assert "cotisations dues pour l'exercice 2025," in one
