"""Render resources/icons/app.svg into the icon files the packages need, and commit them.

    uv run python packaging/make_icons.py

- Linux (hicolor theme, named after the desktop entry): ``linux/icons/hicolor/scalable/apps/
  fr.ptce.Desktop.svg`` and PNGs at 16, 24, 32, 48, 64, 128, 256 and 512 px;
- Windows: ``windows/ptce-desktop.ico`` (16 to 256 px, PNG-compressed entries);
- macOS: ``macos/ptce-desktop.icns`` (128 to 1024 px, PNG entries ic07 to ic10).

Run it again after changing ``app.svg``. Qt's SVG renderer draws the pixels; the ICO and ICNS
containers are written here (a few headers around PNG data).
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "resources" / "icons" / "app.svg"
APP_ID = "fr.ptce.Desktop"
LINUX_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = ((128, b"ic07"), (256, b"ic08"), (512, b"ic09"), (1024, b"ic10"))


def png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns(images: dict[bytes, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in images.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage painting needs it)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    hicolor = HERE / "linux" / "icons" / "hicolor"
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable / f"{APP_ID}.svg")
    for size in LINUX_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{APP_ID}.png").write_bytes(png(renderer, size))
    (HERE / "windows" / "ptce-desktop.ico").write_bytes(
        ico({size: png(renderer, size) for size in ICO_SIZES})
    )
    (HERE / "macos").mkdir(exist_ok=True)
    (HERE / "macos" / "ptce-desktop.icns").write_bytes(
        icns({kind: png(renderer, size) for size, kind in ICNS_TYPES})
    )
    print(f"icons written under {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
