"""Fill :class:`~ptce_desktop.documents.simulation.SimulationData`: the pole's name and logo
around a comparison already computed (the page and the CLI hand it over as shown)."""

from __future__ import annotations

from ptce_desktop.documents.simulation import SimulationData
from ptce_desktop.domain.scenarios import Comparison
from ptce_desktop.services.common import pole_row
from ptce_desktop.services.pole.pole import attachment_file
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["build_simulation_data"]


def build_simulation_data(uow: UnitOfWork, comparison: Comparison) -> SimulationData:
    with uow.read() as session:
        pole = pole_row(session)
        logo = pole.logo if pole is not None else None
        return SimulationData(
            pole_name=pole.name if pole is not None else "",
            logo_path=(
                str(attachment_file(uow.db.attachments_dir, logo.sha256, logo.original_name))
                if logo is not None
                else None
            ),
            comparison=comparison,
        )
