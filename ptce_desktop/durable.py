"""Make a written file, and the rename that put it in place, survive a power cut.

Every writer that replaces a file atomically (the pole file's creation, backups, reports,
exports) writes a temporary, syncs it with :func:`sync_file`, renames it over the target and
syncs the folder with :func:`sync_folder`. Standard library only: any layer may import it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def sync_file(path: Path | str) -> None:
    """Flush ``path``'s data to the disk (``fsync``; opened for writing, as Windows wants)."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path | str) -> None:
    """Make a rename in ``folder`` durable (POSIX); not possible, nor needed, on Windows."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
