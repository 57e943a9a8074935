"""Every file an export writes appears whole or not at all.

:func:`replacing` gives the writer a temporary file in the target's folder (same file system,
so the rename is atomic); only when the writer has finished is it flushed to disk and renamed
over the target (``os.replace``). A writer that fails midway — an error, a full disk, Ctrl+C —
leaves the target as it was (absent, or the previous export) and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.durable import sync_file, sync_folder

__all__ = ["replacing", "write_bytes_atomically"]


@contextlib.contextmanager
def replacing(target: Path | str, *, prefix: str = ".export-") -> Iterator[Path]:
    """``with replacing(path) as temporary: write(temporary)``: ``path`` gets the file only
    when the block ends without an error. An ``OSError`` (read-only folder, disk full…)
    becomes ``PtceError("export_write_failed")`` naming the target."""
    final = Path(target)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=final.suffix, dir=final.parent)
        os.close(handle)
    except OSError as error:
        raise _failed(final, error) from None
    temporary = Path(name)
    try:
        yield temporary
        sync_file(temporary)
        os.replace(temporary, final)
    except OSError as error:
        raise _failed(final, error) from None
    finally:
        temporary.unlink(missing_ok=True)  # gone already after the rename
    sync_folder(final.parent)


def write_bytes_atomically(target: Path | str, data: bytes | Callable[[], bytes]) -> Path:
    """Write ``data`` (or what the callable returns) to ``target`` through :func:`replacing`."""
    final = Path(target)
    with replacing(final) as temporary:
        temporary.write_bytes(data() if callable(data) else data)
    return final


def _failed(target: Path, error: OSError) -> PtceError:
    return PtceError("export_write_failed", path=str(target), reason=error.strerror or str(error))
