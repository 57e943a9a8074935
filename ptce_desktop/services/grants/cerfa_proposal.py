"""The Cerfa line proposed for a cost that has none — one rule for the Cerfa 15059 builder
(which lists such costs before building) and the window (which offers the line on the cost).

The proposal reads words of the cost's service category, then its service's name, then the
cost's own label (:func:`~ptce_desktop.domain.cerfa.proposed_line`); it is only a proposal:
the user accepts it on the cost (an ordinary, undoable edit of the cost).
"""

from __future__ import annotations

from dataclasses import dataclass

from ptce_desktop.domain.cerfa import cerfa_line, proposed_line
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.services.common import get_or_error
from ptce_desktop.store.models import Cost, SharedService
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["CerfaProposal", "CerfaProposalService", "proposal_for"]


@dataclass(frozen=True)
class CerfaProposal:
    """An account of the grid (``613``) and its label in the form (« 613 – Locations »)."""

    code: str
    label: str


def proposal_for(
    category: str | None, service_name: str | None, cost_label: str | None
) -> CerfaProposal | None:
    """The line proposed for a cost of that service and label; None when no word matches."""
    code = proposed_line(category, service_name, cost_label)
    return CerfaProposal(code, cerfa_line(code).label_fr) if code else None


class CerfaProposalService:
    """Reads what the proposal needs for one cost, in one short read."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def for_cost(self, cost_id: int) -> CerfaProposal | None:
        """The proposal for cost ``cost_id``; None when it already has a Cerfa line or no word
        matches. Raises ``not_found`` for a cost that does not exist."""
        with self.uow.read() as session:
            cost = get_or_error(session, Cost, cost_id, Entity.COST)
            if cost.cerfa_code:
                return None
            return proposal_for(cost.service.category, cost.service.name, cost.label)

    def for_service(self, service_id: int, cost_label: str | None) -> CerfaProposal | None:
        """The proposal for a cost being typed: its service ``service_id`` and its label."""
        with self.uow.read() as session:
            service = get_or_error(session, SharedService, service_id, Entity.SHARED_SERVICE)
            return proposal_for(service.category, service.name, cost_label)
