"""The packaging files agree with pyproject.toml and with each other; the Linux ones validate."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "fr.ptce.Desktop"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
ISS = PACKAGING / "windows" / "ptce-desktop.iss"


def project() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return data["project"]


def test_the_app_sets_the_desktop_file_name_of_the_entry() -> None:
    launch = (ROOT / "ptce_desktop" / "ui" / "shell" / "launch.py").read_text(encoding="utf-8")
    assert f'APP_ID = "{APP_ID}"' in launch and "setDesktopFileName(APP_ID)" in launch
    entry = DESKTOP.read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in entry and "Exec=ptce-desktop" in entry
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name


def test_icons_in_the_sizes_the_entry_needs() -> None:
    hicolor = PACKAGING / "linux" / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256):
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == (size, size), png
    ico = (PACKAGING / "windows" / "ptce-desktop.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and int.from_bytes(ico[4:6], "little") >= 5
    assert (PACKAGING / "macos" / "ptce-desktop.icns").read_bytes()[:4] == b"icns"


def test_versions_agree_with_pyproject() -> None:
    version = project()["version"]
    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases is not None and releases[0].get("version") == version
    iss = ISS.read_text(encoding="utf-8")
    assert f'#define AppVersion "{version}"' in iss


def test_metainfo_screenshots_are_kept_in_the_repository() -> None:
    root = ET.parse(METAINFO).getroot()
    images = [image.text or "" for image in root.iter("image")]
    assert len(images) == 3
    for url in images:
        name = url.rsplit("/", 1)[-1]
        assert (PACKAGING / "screenshots" / name).is_file(), name
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for url in images:
        assert f"packaging/screenshots/{url.rsplit('/', 1)[-1]}" in readme


def test_the_inno_setup_script_names_files_that_exist() -> None:
    """Paths relative to the .iss (icon, bundle folder) exist; per-user; data kept."""
    iss = ISS.read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss and "{localappdata}" in iss
    assert "UninstallDelete" not in iss.split("[Setup]", 1)[1].split("; No [Uninstall")[0]
    assert {"fr", "en"} == set(re.findall(r'^Name: "(\w+)"; MessagesFile', iss, re.M))
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.M)
    assert icon is not None and (ISS.parent / icon[1].strip()).is_file()
    bundle = ROOT / "dist" / f"{project()['name']}-{project()['version']}"
    if not bundle.is_dir():
        pytest.skip("no built bundle (uv run python packaging/build.py)")
    assert (bundle / "ptce-desktop").is_file() or (bundle / "ptce-desktop.exe").is_file()


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_the_desktop_entry_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_the_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_build_script_version_resource_is_well_formed() -> None:
    spec = importlib.util.spec_from_file_location("ptce_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    text = build.windows_version_info("1.2.3")
    assert "filevers=(1, 2, 3, 0)" in text and "StringStruct('ProductVersion', '1.2.3')" in text
    compile(text, "version-info", "eval")  # PyInstaller evaluates it as a Python expression
