"""Fixtures of the CLI tests: the log file of each run stays in the test's own folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ptce_desktop.logs import stop_logging


@pytest.fixture(autouse=True)
def _log_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """The CLI logs to the user's log folder: here a fresh one per test (XDG_STATE_HOME)."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    yield state
    stop_logging()  # close the log file the run opened
