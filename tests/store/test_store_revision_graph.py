"""The revision graph read from the scripts' headers (no Alembic at open) is Alembic's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from ptce_desktop.store import migrate


def test_the_headers_give_alembics_revision_graph() -> None:
    scripts = migrate.script_directory()
    expected = {
        script.revision: script.down_revision  # type: ignore[misc]
        for script in scripts.walk_revisions()
    }
    assert migrate._revision_graph() == expected
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == frozenset(expected)


def test_a_revision_written_after_a_function_or_in_an_odd_script_is_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = migrate.head_revision()
    extra = tmp_path / "versions « l'été » & <co>"
    extra.mkdir()
    # The usual header, with a long docstring mentioning « def » and a decorator-like line.
    (extra / "9001_usual.py").write_text(
        '"""Un script « l\'Éclair » & <co> — 12 € ; def upgrade() in the text:\n'
        + "très long libellé " * 200
        + '\n"""\nfrom __future__ import annotations\n\n'
        'revision: str = "9001"\n'
        f"down_revision: str | None = {head!r}\n\n\n"
        "def upgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )
    # An unusual script: its revision assigned after a function.
    (extra / "9002_odd.py").write_text(
        'def helper() -> int:\n    return 1\n\nrevision = "9002"\ndown_revision = "9001"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "EXTRA_VERSION_LOCATIONS", [extra])
    graph = migrate._revision_graph()
    assert graph["9001"] == head and graph["9002"] == "9001"
    assert migrate.head_revision() == "9002"
