"""Where the bundled resources (fonts, icons, translations) are, installed or from source."""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a source tree, inside it when installed."""
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "resources", package / "_resources"):
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError(f"resources folder not found near {package}")


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / name
