"""Scenarios of the simulator (« Et si… ? »), saved with the pole.

A saved scenario is a name and the scenario's JSON (:mod:`ptce_desktop.domain.scenario_json`):
it describes hypotheses only and no figure of the pole depends on it, so it belongs to no
fiscal year (a scenario over a closed year can be saved, changed and deleted).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ptce_desktop.store.base import LEN_NAME, Base, pk


class SavedScenario(Base):
    __tablename__ = "saved_scenarios"
    entity_label = "le scénario"

    id: Mapped[int] = pk()
    name: Mapped[str] = mapped_column(String(LEN_NAME), unique=True)
    #: The scenario as JSON (the format of the CLI's scenario files).
    body: Mapped[str] = mapped_column(Text)
    #: When it was last saved (UTC, naive).
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime)
