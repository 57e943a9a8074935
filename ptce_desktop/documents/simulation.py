"""Read model of « Simulation — Et si… ? », the comparison printed for a meeting.

Plain frozen data classes importing only ``domain`` and the standard library; filled by
:func:`ptce_desktop.documents.builders.simulation.build_simulation_data`, printed by
:mod:`ptce_desktop.reports.simulation` (PDF) and written by :mod:`ptce_desktop.exchange.simulation`
(XLSX). The figures are the comparison's own (:class:`~ptce_desktop.domain.scenarios.Comparison`):
nothing is recomputed on the way to paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from ptce_desktop.domain.scenarios import Basis, Comparison

__all__ = ["SimulationData"]


@dataclass(frozen=True)
class SimulationData:
    pole_name: str
    logo_path: str | None
    comparison: Comparison

    @property
    def basis_text(self) -> str:
        if self.comparison.basis is Basis.COSTS:
            return "charges réelles de l'exercice"
        return "budgets de l'exercice"

    @property
    def services_text(self) -> str:
        return ", ".join(f"« {name} »" for _sid, name in self.comparison.services)
