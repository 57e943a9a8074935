"""Entry point: the command line when a verb is given, else the window.

Both open pole files through ``store.opening.open_pole_file`` and log to the same file
(``ptce_desktop.logs``). Nothing is created at import time; ``main()`` does it all. Qt is
imported only when the window is asked for, so the command-line verbs start fast and run on
machines without a display.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ptce_desktop.cli import main as cli


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``ptce-desktop``: a verb runs the CLI, no verb opens the window."""
    args = cli.build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if getattr(args, "smoke", False):  # prove the program (or its bundle) works, then quit
        from ptce_desktop.ui.smoke import run_smoke

        return run_smoke()
    if getattr(args, "command", None):
        return cli.run(args)
    from ptce_desktop.ui.shell.launch import launch_gui

    return launch_gui(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
