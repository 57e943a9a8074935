"""The PySide6 6.12 / Python 3.11 reference bug cannot abort the application."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QLineEdit
from ptce_desktop.ui.compat import pin_singletons
pin_singletons()
app = QApplication([])
edit = QLineEdit()
for _ in range(50_000):
    edit.update()
    edit.setText("x")
print("survived")
"""


def test_many_void_qt_calls_do_not_abort_the_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "survived"
