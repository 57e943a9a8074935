"""Work around a reference-count bug of PySide6 6.12.0 on Python 3.11.

Measured here (PySide6/shiboken6 6.12.0, CPython 3.11.7): every call of a Qt method that
returns ``void`` (``widget.update()``, ``setText()``, ``style().polish()``…) gives back ``None``
without taking a reference to it, and some ``bool`` results do the same with ``True``/``False``.
From Python 3.12 these singletons are immortal (PEP 683) and nothing happens; on 3.11 their
count drops by one per call, and after a few thousand calls the interpreter aborts with
"Fatal Python error: none_dealloc" (or ``bool_dealloc``) — in the middle of a session.

:func:`pin_singletons` adds a very large number of references to ``None``, ``True`` and
``False`` once, which is what 3.12 does for good. It is a no-op from Python 3.12 on. Remove
this module when the project requires Python ≥ 3.12 or PySide6 fixes the binding.
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = False
_BOOST = 1 << 40  # far more void calls than any session or test run makes


def pin_singletons() -> bool:
    """Make ``None``/``True``/``False`` practically immortal on Python < 3.12 (once)."""
    global _PINNED
    if _PINNED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t)
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BOOST
    _PINNED = True
    return True
