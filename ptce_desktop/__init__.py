"""PTCE Desktop: the coordinator's tool for a pôle territorial de coopération économique."""

import os
import sys


def _installed_version() -> str:
    """The installed distribution's version, read from its ``.dist-info/METADATA`` on
    ``sys.path`` (a source tree, a wheel or a frozen bundle with its metadata); else as
    ``importlib.metadata`` finds it (importing that module costs a tenth of the window's start,
    so only when the plain look-up found nothing); "0.0.0" when not installed."""
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except OSError:  # a zip file, a folder gone
            continue
        for name in names:
            if name.startswith("ptce_desktop-") and name.endswith(".dist-info"):
                try:
                    with open(os.path.join(folder, name, "METADATA"), encoding="utf-8") as meta:
                        for line in meta:
                            if line.startswith("Version:"):
                                return line.split(":", 1)[1].strip()
                            if not line.strip():  # the end of the headers
                                break
                except OSError:
                    continue
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ptce-desktop")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0.0.0"


__version__ = _installed_version()
