"""Undo follows records by reference: a re-used SQLite id never confuses two records."""

from __future__ import annotations

from dataclasses import dataclass

from ptce_desktop.ui.commands import UndoHistory


@dataclass(frozen=True)
class View:
    id: int


class FakeTable:
    """Hands out ids like SQLite without AUTOINCREMENT: max(rowid) + 1, so ids are re-used."""

    def __init__(self) -> None:
        self.rows: dict[int, str] = {}

    def create(self, name: str) -> View:
        new_id = max(self.rows, default=0) + 1
        self.rows[new_id] = name
        return View(new_id)

    def delete(self, record_id: int) -> None:
        del self.rows[record_id]

    def rename(self, record_id: int, name: str) -> View:
        assert record_id in self.rows
        self.rows[record_id] = name
        return View(record_id)


def test_a_reused_id_is_not_taken_for_the_deleted_record(qapp: object) -> None:
    table = FakeTable()
    history = UndoHistory()
    a = history.create("créer A", "key", lambda: table.create("A"), table.delete)
    b = history.create("créer B", "key", lambda: table.create("B"), table.delete)
    history.delete("supprimer B", "key", b.id, table.delete, lambda: table.create("B"))
    # A new record takes B's old id (2): edits of it must not touch B when B comes back.
    c = history.create("créer C", "key", lambda: table.create("C & <co>"), table.delete)
    assert c.id == b.id
    history.update("renommer C", "key", c.id, table.rename, "C & <co>", "Cé")
    history.undo()  # rename C back
    history.undo()  # C deleted: id 2 free again
    history.undo()  # B re-created (takes id 2 again here)
    assert sorted(table.rows.values()) == ["A", "B"]
    history.redo()  # delete B again — the record B, wherever it is
    history.redo()  # C re-created
    history.redo()  # rename C
    assert sorted(table.rows.values()) == ["A", "Cé"]
    assert table.rows[a.id] == "A"
    for _ in range(4):
        history.undo()
    assert table.rows == {a.id: "A"}
