"""Writes ``classeur_protégé.xlsx``: what Excel or LibreOffice saves when a workbook is given a
password to open — not a ZIP but an OLE compound file (CFB) holding the streams
``EncryptionInfo`` and ``EncryptedPackage`` (MS-OFFCRYPTO §2.3.4). The payload is random
bytes: no reader can decrypt it, which is the point of the fixture.

Run ``uv run python tests/exchange/data/make_protected_xlsx.py`` to write it again.
"""

from __future__ import annotations

import struct
from pathlib import Path

SECTOR = 512
FREE, END, FAT_SECTOR, NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
STREAM_SECTORS = 8  # 4 096 bytes: at the mini-stream cutoff, so stored in normal sectors


def _entry(name: str, kind: int, *, right: int = NONE, child: int = NONE, start: int = END,
           size: int = 0) -> bytes:  # fmt: skip
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded, len(encoded), kind, 1 if name else 0, NONE, right, child, b"", 0, 0, 0,
        start, size,
    )  # fmt: skip


def protected_workbook() -> bytes:
    info, package = 2, 2 + STREAM_SECTORS  # first sectors of the two streams
    sectors = 2 + 2 * STREAM_SECTORS
    fat = [FAT_SECTOR, END]
    for first in (info, package):
        fat += [first + i + 1 for i in range(STREAM_SECTORS - 1)] + [END]
    fat += [FREE] * (SECTOR // 4 - len(fat))
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("D0CF11E0A1B11AE1"), b"", 0x3E, 3, 0xFFFE, 9, 6, b"",
        0, 1, 1, 0, 4096, END, 0, END, 0,
    )  # fmt: skip
    header += struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    directory = (
        _entry("Root Entry", 5, child=1)
        + _entry("EncryptionInfo", 2, right=2, start=info, size=STREAM_SECTORS * SECTOR)
        + _entry("EncryptedPackage", 2, start=package, size=STREAM_SECTORS * SECTOR)
        + _entry("", 0)
    )
    # a version 4.4 (agile) EncryptionInfo header, then filler; the package: size + noise
    info_stream = struct.pack("<HHI", 4, 4, 0x40).ljust(STREAM_SECTORS * SECTOR, b"\0")
    noise = bytes((i * 151 + 7) % 256 for i in range(STREAM_SECTORS * SECTOR - 8))
    package_stream = struct.pack("<Q", 1234) + noise
    body = struct.pack(f"<{SECTOR // 4}I", *fat) + directory + info_stream + package_stream
    assert len(body) == sectors * SECTOR
    return header + body


if __name__ == "__main__":
    target = Path(__file__).with_name("classeur_protégé.xlsx")
    target.write_bytes(protected_workbook())
    print(target, target.stat().st_size)
