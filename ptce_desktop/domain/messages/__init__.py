"""The error texts of every area, one module per area (code -> (French, English)).

Listed here by plain imports so that a frozen bundle, which follows imports, ships them all;
a new area adds its module below and to ``CATALOGUES``.
"""

from __future__ import annotations

from ptce_desktop.domain.messages.backups import MESSAGES as BACKUPS
from ptce_desktop.domain.messages.calls import MESSAGES as CALLS
from ptce_desktop.domain.messages.cerfa import MESSAGES as CERFA
from ptce_desktop.domain.messages.cli import MESSAGES as CLI
from ptce_desktop.domain.messages.closing import MESSAGES as CLOSING
from ptce_desktop.domain.messages.costs import MESSAGES as COSTS
from ptce_desktop.domain.messages.demo import MESSAGES as DEMO
from ptce_desktop.domain.messages.domain import MESSAGES as DOMAIN
from ptce_desktop.domain.messages.grants import MESSAGES as GRANTS
from ptce_desktop.domain.messages.imports import MESSAGES as IMPORTS
from ptce_desktop.domain.messages.members import MESSAGES as MEMBERS
from ptce_desktop.domain.messages.report_jobs import MESSAGES as REPORT_JOBS
from ptce_desktop.domain.messages.reports import MESSAGES as REPORTS
from ptce_desktop.domain.messages.safety import MESSAGES as SAFETY
from ptce_desktop.domain.messages.services import MESSAGES as SERVICES
from ptce_desktop.domain.messages.settings import MESSAGES as SETTINGS
from ptce_desktop.domain.messages.simulation import MESSAGES as SIMULATION
from ptce_desktop.domain.messages.store import MESSAGES as STORE

CATALOGUES: tuple[dict[str, tuple[str, str]], ...] = (
    BACKUPS,
    CALLS,
    CERFA,
    CLI,
    CLOSING,
    COSTS,
    DEMO,
    DOMAIN,
    GRANTS,
    IMPORTS,
    MEMBERS,
    REPORT_JOBS,
    REPORTS,
    SAFETY,
    SERVICES,
    SETTINGS,
    SIMULATION,
    STORE,
)
