"""The log file of PTCE Desktop, shared by the window and the command line (no Qt here).

:func:`setup_logging` sends every record of the process to one rotating file,
``ptce-desktop.log`` in the user's log folder (:func:`default_log_dir`, from ``platformdirs``),
so a run of the CLI and a session of the window write the same file. Tracebacks go to that file
only: the optional console handler prints one line per warning or error, never a traceback.
The Qt-specific hooks (the dialog for an unexpected error, the exception hook) stay in
``ptce_desktop.ui.errors``.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from platformdirs import user_log_dir

from ptce_desktop.store.paths import APP_NAME

LOG_FILE_NAME = "ptce-desktop.log"
FILE_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

#: Attribute marking the handlers installed here, so a second setup replaces them.
_MARK = "ptce_log_file"


def default_log_dir() -> Path:
    """The user's log folder (``~/.local/state/ptce-desktop/log`` on Linux)."""
    return Path(user_log_dir(APP_NAME, appauthor=False))


class _OneLine(logging.Formatter):
    """``LEVEL name: message`` on one line; the traceback is left to the log file."""

    def format(self, record: logging.LogRecord) -> str:
        message = " ".join(record.getMessage().split())
        return f"ptce-desktop [{record.levelname.lower()}] {record.name} : {message}"


def setup_logging(
    log_dir: Path | None = None, *, console: bool = False, level: int = logging.INFO
) -> Path:
    """Log to a rotating file in ``log_dir`` (default: :func:`default_log_dir`); its path.

    ``console`` also prints warnings and errors on stderr, one line each and without their
    traceback (for someone running the window from a terminal). Calling it again replaces the
    handlers of the previous call. Raises ``OSError`` if the folder cannot be written.
    """
    folder = log_dir if log_dir is not None else default_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    stop_logging()
    handler: logging.Handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FILE_FORMAT))
    handlers = [handler]
    if console:
        echo = logging.StreamHandler(sys.stderr)
        echo.setLevel(logging.WARNING)
        echo.setFormatter(_OneLine())
        handlers.append(echo)
    root = logging.getLogger()
    for added in handlers:
        setattr(added, _MARK, True)
        root.addHandler(added)
    root.setLevel(min(root.level or level, level))
    return path


def stop_logging() -> None:
    """Remove and close the handlers :func:`setup_logging` installed (none: nothing happens)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _MARK, False):
            root.removeHandler(handler)
            handler.close()
