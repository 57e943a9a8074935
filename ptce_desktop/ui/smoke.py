"""``ptce-desktop --smoke``: prove that this program (from source or a frozen bundle) really works.

Offscreen and in a throw-away folder (removed at the end; the user's data and UI settings are
never touched), it:

1. starts Qt, installs the French catalogue and checks it translates, loads the icons;
2. builds the demo pole in a new file (migrations, services, the demo);
3. opens it in the main window through the composition root and visits every page;
4. opens « Pourquoi ce montant ? » on a cost of the Charges page and checks the explanation;
5. opens the help on every page's topic, and À propos;
6. builds one document of each kind (:data:`~ptce_desktop.printing.jobs.KINDS`) into the folder
   and checks each is a whole PDF whose page objects are as many as ReportLab laid out.

One line per step (``ok`` or ``FAILED``) on stdout; exit status 0 when every step passed, 1
otherwise. A module, resource or translation missing from a bundle fails a step (or the import
of this module, which exits non-zero too). ``.ci/run`` runs it on the built bundle.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

# A page object of a PDF (``/Type /Page``, not ``/Pages``), as ReportLab writes them.
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def pdf_page_count(data: bytes) -> int:
    """The page objects of an uncompressed-structure PDF (ReportLab writes no object streams)."""
    return len(PAGE_OBJECT.findall(data))


def check_pdf(path: Path, pages: int) -> str | None:
    """None when ``path`` is a whole PDF of ``pages`` pages, else what is wrong."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        return "not a PDF"
    if b"%%EOF" not in data[-1024:]:
        return "PDF cut short (no %%EOF)"
    found = pdf_page_count(data)
    if pages < 1 or found != pages:
        return f"{found} page {'object' if found == 1 else 'objects'}, {pages} laid out"
    return None


class SmokeFailed(Exception):
    pass


class _Recorder:
    """Stands for the error presenter (a dialog would block offscreen): keeps the errors."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []

    def present(self, error: BaseException, parent: Any = None) -> None:
        self.errors.append(error)

    def take(self) -> list[BaseException]:
        errors, self.errors = self.errors, []
        return errors


class Smoke:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.failures = 0
        self.recorder = _Recorder()

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    @contextmanager
    def step(self, name: str) -> Iterator[dict[str, str]]:
        """One line: ``ok   <name> (<detail>, 0.4 s)`` or ``FAILED <name>: <why>``."""
        note: dict[str, str] = {}
        started = time.perf_counter()
        try:
            yield note
            errors = self.recorder.take()
            if errors:
                raise SmokeFailed("; ".join(_describe(error) for error in errors))
        except Exception as error:
            self.failures += 1
            self.say(f"FAILED {name}: {_describe(error)}")
            if not isinstance(error, SmokeFailed):
                traceback.print_exc(file=sys.stderr)
            return
        seconds = time.perf_counter() - started
        detail = note.get("detail")
        self.say(f"ok     {name} ({detail + ', ' if detail else ''}{seconds:.1f} s)")


def _describe(error: BaseException) -> str:
    from ptce_desktop.domain.errors import PtceError

    if isinstance(error, PtceError):
        return f"{error.code}: {error.message('en')}"
    return f"{type(error).__name__}: {error}"


def run_smoke(out: TextIO | None = None) -> int:
    """Run every step; 0 when all passed, 1 otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PTCE_INLINE_WORKERS"] = "1"  # background work runs in line: steps in order
    smoke = Smoke(out or sys.stdout)
    folder = Path(tempfile.mkdtemp(prefix="ptce-smoke-"))
    hook = sys.excepthook

    def record(kind: type[BaseException], error: BaseException, tb: Any) -> None:
        smoke.recorder.present(error)  # an exception in a Qt slot fails the current step
        traceback.print_exception(kind, error, tb, file=sys.stderr)

    sys.excepthook = record
    try:
        _run(smoke, folder)
    except Exception as error:  # a step that others depend on failed: stop there
        smoke.failures += 1
        smoke.say(f"FAILED (stopped): {_describe(error)}")
        traceback.print_exc(file=sys.stderr)
    finally:
        sys.excepthook = hook
        shutil.rmtree(folder, ignore_errors=True)
    verdict = "smoke: all steps passed" if not smoke.failures else f"smoke: {smoke.failures} FAILED"
    smoke.say(verdict)
    return 0 if not smoke.failures else 1


def _run(smoke: Smoke, folder: Path) -> None:
    from ptce_desktop import __version__

    smoke.say(f"smoke: PTCE Desktop {__version__}, Python {sys.version.split()[0]}")
    if getattr(sys, "frozen", False):
        smoke.say(f"smoke: frozen bundle in {Path(sys.executable).parent}")

    from PySide6.QtCore import QCoreApplication, QSettings, qVersion

    # UI state (window geometry, columns) into the throw-away folder, not the user's config
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from ptce_desktop.ui.shell.launch import create_application

    app = create_application("fr")
    try:
        _steps(smoke, folder, app, __version__, qVersion())
    finally:
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, 0)


def _steps(smoke: Smoke, folder: Path, app: Any, version: str, qt: str) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings

    from ptce_desktop.ui.icons import icon
    from ptce_desktop.ui.pages import PendingPage, navigation_entries

    with smoke.step("Qt and the French catalogue") as note:
        if version == "0.0.0":
            raise SmokeFailed("version 0.0.0: the package metadata is missing")
        translated = QCoreApplication.translate("Navigation", "Members")
        if translated == "Members":
            raise SmokeFailed("the French catalogue is not loaded (ptce_fr.qm)")
        note["detail"] = f"Qt {qt}, {app.platformName()}, « {translated} »"

    with smoke.step("icons") as note:
        names = ["app", *(entry.icon for entry in navigation_entries())]
        missing = [name for name in names if icon(name).isNull()]
        if missing:
            raise SmokeFailed(f"missing icons: {', '.join(missing)}")
        note["detail"] = f"{len(names)} icons"

    path = folder / "démo « smoke » & co.sqlite3"
    with smoke.step("demo pole built") as note:
        from ptce_desktop.demo.build import build_demo
        from ptce_desktop.store.database import open_database
        from ptce_desktop.store.unit_of_work import UnitOfWork

        database = open_database(path)
        try:
            summary = build_demo(UnitOfWork(database))
        finally:
            database.close()
        note["detail"] = f"{summary.members} members, {summary.costs} costs, {summary.calls} calls"

    from ptce_desktop.ui.shell.launch import Shell
    from ptce_desktop.ui.shell.main_window import MainWindow
    from ptce_desktop.ui.worker import Runner

    window = MainWindow(settings=QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    shell = Shell(window, runner=Runner(inline=True), presenter=smoke.recorder)  # type: ignore[arg-type]
    try:
        with smoke.step("main window opens the demo") as note:
            if not shell.start(path):
                raise SmokeFailed("the file did not open")
            window.resize(1366, 768)
            window.show()
            _settle(app)
            note["detail"] = window.windowTitle()

        entries = navigation_entries()
        with smoke.step("every page") as note:
            broken = []
            for entry in entries:
                window.show_page(entry.key)
                _settle(app)
                page = window.current_page()
                if page is None or isinstance(page, PendingPage):
                    broken.append(entry.key)
                for error in smoke.recorder.take():
                    broken.append(f"{entry.key} ({_describe(error)})")
            if broken:
                raise SmokeFailed(f"pages not built: {', '.join(broken)}")
            note["detail"] = f"{len(entries)} pages"

        with smoke.step("« Pourquoi ce montant ? »") as note:
            note["detail"] = _explain_a_share(window, app)

        with smoke.step("help on every page, and À propos") as note:
            note["detail"] = _help_and_about(window, app, [e.key for e in entries], version)

        ctx = shell.ctx
        assert ctx is not None
        _documents(smoke, ctx.uow, folder / "documents")
    finally:
        shell.close_document()
        window.hide()
        window.deleteLater()
        _settle(app)


def _settle(app: Any) -> None:
    for _ in range(3):
        app.processEvents()


def _explain_a_share(window: Any, app: Any) -> str:
    window.show_page("costs")
    page = window.current_page()
    rows = page.model.rows()
    if not rows:
        raise SmokeFailed("the Costs page lists no cost")
    page.select_id(rows[0].id)
    _settle(app)
    detail = page.detail
    shares = detail.shares_model.rows()
    if not shares:
        raise SmokeFailed(f"cost {rows[0].id} shows no share")
    detail.shares.setCurrentIndex(detail.shares_model.index(0, 0))
    if not detail.why_button.isEnabled():
        raise SmokeFailed("« Why this amount? » is disabled with a share selected")
    detail.why_button.click()
    _settle(app)
    text = html.unescape(detail.explanation.text())
    if "€" not in text or rows[0].label not in text:  # the cost, its amount, the key…
        raise SmokeFailed(f"unexpected explanation: {text[:200]!r}")
    return f"{len(shares)} shares of « {rows[0].label} »"


def _help_and_about(window: Any, app: Any, keys: list[str], version: str) -> str:
    from ptce_desktop.ui.help import topic_for_page

    shown = set()
    for key in keys:
        window.show_page(key)
        window.help_action.trigger()
        _settle(app)
        help_window = window.help_window
        if help_window is None or not help_window.isVisible():
            raise SmokeFailed("F1 opened no help window")
        if help_window.current_topic() != topic_for_page(key) or len(help_window.text()) < 80:
            raise SmokeFailed(f"no help topic for the page {key}")
        shown.add(help_window.current_topic())
    window.guide_action.trigger()
    _settle(app)
    if window.help_window.current_topic() != "index":
        raise SmokeFailed("Aide ▸ Guide did not open the contents")
    window.help_window.close()
    window.about_action.trigger()
    _settle(app)
    about = window.about_dialog
    if about is None or version not in about.text() or window.windowFilePath() not in about.text():
        raise SmokeFailed("À propos lacks the version or the open file")
    about.close()
    return f"{len(shown)} topics, version {version}"


def _documents(smoke: Smoke, uow: Any, target: Path) -> None:
    from ptce_desktop.printing.jobs import KINDS, ReportRequest, available_targets, build_report
    from ptce_desktop.services.pole.fiscal_years import FiscalYearService

    target.mkdir(parents=True, exist_ok=True)
    years = [view.start_year for view in FiscalYearService(uow).list_years()]  # newest first
    for kind in KINDS:
        with smoke.step(f"document {kind.key}") as note:
            request = _request(uow, kind, years, available_targets, ReportRequest)
            path = target / f"{kind.file_stem}.pdf"
            pages = build_report(uow, request, path)
            problem = check_pdf(path, pages)
            if problem:
                raise SmokeFailed(f"{path.name}: {problem}")
            size = path.stat().st_size // 1024
            note["detail"] = (
                f"{request.year}, {pages} {'page' if pages == 1 else 'pages'}, {size} KB"
            )


def _request(
    uow: Any, kind: Any, years: list[int], available: Callable[..., Any], request: Any
) -> Any:
    """The newest year where every id ``kind`` needs has a choice; the first choice of each."""
    for year in years:
        ids: dict[str, int] = {}
        for field in kind.fields:
            targets = available(uow, kind.key, year, member_id=ids.get("member"))
            found = next(t for t in targets if t.name == field)
            if found.choices:
                ids[field] = found.choices[0].id
            elif found.required:
                break
        else:
            return request(kind.key, year, **{f"{name}_id": value for name, value in ids.items()})
    raise SmokeFailed(f"no year of the demo has what {kind.key} needs")
