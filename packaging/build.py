"""Build the one-folder bundle: ``dist/ptce-desktop-<version>/ptce-desktop`` (``.exe`` on Windows).

    uv run python packaging/build.py            # build, then print the size and the time
    uv run python packaging/build.py --smoke    # ... and run the bundle's --smoke

Runs PyInstaller on ``packaging/pyinstaller/ptce-desktop.spec`` (name and version read from
``pyproject.toml``), work files in ``build/``, the result in ``dist/`` (both ignored by git).
On Windows it first writes the version resource the spec names (``build/windows-version-
info.txt``). Exit status: PyInstaller's, or the smoke's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pyinstaller" / "ptce-desktop.spec"


def project() -> tuple[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return data["name"], data["version"]


def bundle_dir(name: str, version: str) -> Path:
    return ROOT / "dist" / f"{name}-{version}"


def executable(name: str, version: str) -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return bundle_dir(name, version) / f"{name}{suffix}"


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under ``folder``."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def windows_version_info(version: str) -> str:
    """A PyInstaller version resource (Properties ▸ Details of the .exe on Windows)."""
    numbers = [int(part) for part in version.split(".")[:3] if part.isdigit()]
    four = tuple([*numbers, 0, 0, 0, 0][:4])
    strings = {
        "CompanyName": "PTCE Desktop",
        "FileDescription": "PTCE Desktop",
        "FileVersion": version,
        "InternalName": "ptce-desktop",
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": "ptce-desktop.exe",
        "ProductName": "PTCE Desktop",
        "ProductVersion": version,
    }
    entries = ",\n            ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040C04B0', [
            {entries}])]),
    VarFileInfo([VarStruct('Translation', [0x040C, 1200, 0x0409, 1200])])
  ]
)
"""


def build() -> int:
    name, version = project()
    if sys.platform == "win32":
        info = ROOT / "build" / "windows-version-info.txt"
        info.parent.mkdir(parents=True, exist_ok=True)
        info.write_text(windows_version_info(version), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(ROOT / "dist"),
        "--workpath",
        str(ROOT / "build" / "pyinstaller"),
        str(SPEC),
    ]
    print(f"build: {name} {version} with PyInstaller", flush=True)
    started = time.perf_counter()
    status = subprocess.run(command, cwd=ROOT).returncode
    seconds = time.perf_counter() - started
    if status != 0:
        print(f"build: PyInstaller failed (exit {status}) after {seconds:.0f} s", file=sys.stderr)
        return status
    program = executable(name, version)
    if not program.is_file():
        print(f"build: {program} was not produced", file=sys.stderr)
        return 1
    size, files = folder_size(bundle_dir(name, version))
    print(f"build: {program.relative_to(ROOT)}")
    print(f"build: {size / 1_000_000:.0f} MB in {files} files, built in {seconds:.0f} s")
    return 0


def smoke() -> int:
    program = executable(*project())
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    print(f"build: {program.relative_to(ROOT)} --smoke", flush=True)
    return subprocess.run([str(program), "--smoke"], env=env, cwd=tempfile.gettempdir()).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="run the bundle's --smoke after")
    args = parser.parse_args(argv)
    status = build()
    if status == 0 and args.smoke:
        status = smoke()
    return status


if __name__ == "__main__":
    sys.exit(main())
