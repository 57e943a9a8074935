"""The Rapports page opens without blocking the window (issue #18): its module imports no
ReportLab (so it is imported ahead with the other pages'), and the form reads the years and a
document's choices on a worker — « Chargement… » and no « Générer » meanwhile."""

from __future__ import annotations

import subprocess
import sys
import threading

from pytestqt.qtbot import QtBot
from test_reports_page import Seeded, seed

from ptce_desktop.printing import jobs
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.ui.pages.reports.page import ReportsPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.worker import Runner


def test_the_reports_page_does_not_import_reportlab() -> None:
    code = (
        "import sys\n"
        "import ptce_desktop.ui.pages.reports.page\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab'"
        " or m.startswith('ptce_desktop.reports')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]", done.stdout


def test_the_choices_are_read_on_a_worker(
    qtbot: QtBot, ctx: AppContext, monkeypatch: object
) -> None:
    seeded: Seeded = seed(ctx)
    threads: list[str] = []
    real = jobs.available_targets

    def spied(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    import ptce_desktop.ui.pages.reports.form as form_module

    monkeypatch.setattr(form_module, "available_targets", spied)  # type: ignore[attr-defined]
    runner = Runner(inline=False)
    ctx.runner = runner
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    form = page.form
    page.set_fiscal_year(2025)
    assert form.loading and not page.generate_button.isEnabled()
    assert page.generate() is None  # nothing generated from choices not read yet
    qtbot.waitUntil(lambda: not form.loading, timeout=10_000)
    assert form.year() == 2025 and page.generate_button.isEnabled()
    form.select_kind("statement")
    assert form.loading and not page.generate_button.isEnabled()
    qtbot.waitUntil(lambda: not form.loading, timeout=10_000)
    members = form.combos["member"]
    assert {members.itemData(i) for i in range(members.count())} == set(seeded.members)
    long_one = members.findData(seeded.members[1])
    assert "Œuvre & Cœur <Drôme>" in members.itemText(long_one)
    members.setCurrentIndex(long_one)  # that member's calls, read again on the worker
    qtbot.waitUntil(lambda: not form.loading, timeout=10_000)
    call = CallService(ctx.uow).list_calls(2025, member_id=seeded.members[1])[0]
    assert form.combos["call"].findData(call.id) == 1
    assert threads and threading.main_thread().name not in threads
    assert runner.wait()
