"""« Exporter pour la réunion »: a comparison of scenarios as a PDF (the window and the CLI).

The comparison is the one shown (page) or printed (CLI); the read model adds the pole's name
and logo (:mod:`ptce_desktop.documents.builders.simulation`) and :mod:`ptce_desktop.reports.
simulation` lays it out. The XLSX of the same table is :mod:`ptce_desktop.exchange.simulation`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ptce_desktop.documents.builders.simulation import build_simulation_data
from ptce_desktop.domain.scenarios import Comparison
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["write_simulation_pdf"]


def write_simulation_pdf(
    uow: UnitOfWork, comparison: Comparison, path: Path, *, generated_on: date | None = None
) -> int:
    """Write the comparison's PDF to ``path`` (atomically); returns its number of pages."""
    from ptce_desktop.reports.simulation import build_simulation_report

    data = build_simulation_data(uow, comparison)
    return build_simulation_report(data, path, generated_on=generated_on)
