"""Make the imports that follow PySide6's as cheap as without it (PySide6 6.12, measured).

Once ``PySide6.QtCore`` is imported, every later import of the process goes through PySide's
``__feature__`` hook, which asks of each new module whether its source mentions "PySide6"
(``shibokensupport.feature._mod_uses_pyside``) with ``inspect.getsource``: every module's
source is read, split into lines and kept for good in ``linecache``. For the ~500 modules the
window imports after Qt (SQLAlchemy, the store, the services, the pages) that was ~20 MB of the
start's peak memory (SQLAlchemy + its ORM + our models after Qt: +51 MB with the check, +31 MB
without; measured 2026-12-06) and about a third of their import time.

:func:`lighten_pyside_imports` gives PySide the same answer (the bytes of the module's file
contain ``PySide6``) without the line cache. The answer only matters to modules that use
``from __feature__ import …`` (this program does not). A PySide6 without that function is left
alone.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

_FEATURE_MODULE = "PySide6.support.feature"


def mentions_pyside(module: ModuleType) -> bool:
    """Whether the source file of ``module`` contains "PySide6" (False without a ``.py``)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lighten_pyside_imports() -> bool:
    """Replace PySide's per-import source check by :func:`mentions_pyside` (once PySide6 is
    imported); True when done, False when this PySide6 has no such check."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[attr-defined]
    # what the check read until now (the modules imported since PySide6): freed for what follows
    linecache.clearcache()
    return True
