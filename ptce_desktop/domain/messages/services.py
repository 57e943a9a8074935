"""Texts of the errors shared by every service (see ``services/common.py``)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "end_before_start": (
        "La date de fin ({end}) est antérieure à la date de début ({start}).",
        "The end date ({end}) is before the start date ({start}).",
    ),
}
