"""``ptce-desktop --smoke`` from source, and the PDF check it relies on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from ptce_desktop.ui.smoke import check_pdf, pdf_page_count


def three_pages(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    for number in range(3):
        canvas.drawString(72, 720, f"Page {number + 1} — Pôle « Sud » & <co> l'€")
        canvas.showPage()
    canvas.save()
    return path


def test_the_pdf_check_counts_pages_and_refuses_broken_files(tmp_path: Path) -> None:
    pdf = three_pages(tmp_path / "trois pages « é ».pdf")
    data = pdf.read_bytes()
    assert pdf_page_count(data) == 3
    assert check_pdf(pdf, 3) is None
    assert check_pdf(pdf, 2) == "3 page objects, 2 laid out"
    assert check_pdf(pdf, 0) is not None
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    assert check_pdf(cut, 3) == "PDF cut short (no %%EOF)"
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"<html>%%EOF</html>")
    assert check_pdf(fake, 1) == "not a PDF"


@pytest.mark.slow
def test_smoke_from_source_passes(tmp_path: Path) -> None:
    """The whole smoke in a fresh process (~20 s: most of it builds the demo)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "ptce_desktop.app", "--smoke"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=180,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert lines[-1] == "smoke: all steps passed"
    assert not [line for line in lines if line.startswith("FAILED")]
    for step in ("every page", "« Pourquoi ce montant ? »", "document cerfa-15059"):
        assert any(line.startswith("ok") and step in line for line in lines), step
    assert sum(line.startswith("ok     document ") for line in lines) == 6
    assert not list(tmp_path.iterdir())  # nothing left behind in the working folder
