"""Where the data lives: the platformdirs user data folder, or ``PTCE_DATA_DIR``.

Nothing is created at import time; :func:`ensure_dir` is called by whoever writes.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "ptce-desktop"
DB_FILENAME = "ptce.sqlite3"
ENV_DATA_DIR = "PTCE_DATA_DIR"


def default_data_dir() -> Path:
    """The data folder: ``$PTCE_DATA_DIR`` if set, else the platform's user data folder."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return default_data_dir() / DB_FILENAME


def attachments_dir(db_path: Path) -> Path:
    """Attachments live beside the database file (``<name>-justificatifs/``), by content hash.

    Named after the file so two databases in one folder (the default one and a demo) never
    mix their documents or their backups.
    """
    return db_path.parent / f"{db_path.stem}-justificatifs"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-sauvegardes"


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
