"""What the paged lists' searches share (the calls list, the payments list): the search is part
of the SQL query, so the words are folded here and turned into conditions SQLite can test.

SQLite has no accent folding: the member names (a pole's few thousand) are folded in Python
and a word becomes ``member_id IN (…)``; a free text column is matched by :func:`folded_like`
(``LIKE``, escaped; a value with accents folded by the same :func:`fold`, registered on the
session's SQLite connection).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import parse_money
from ptce_desktop.store.models import Member

#: The French ligatures Unicode does not decompose: « Œuvre » is found by « oeuvre ».
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def fold(text: str) -> str:
    """Lower-case without accents (« Éclair » → « eclair »), as the lists' search matches."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return plain.translate(_LIGATURES)


def _fold_or_none(text: str | None) -> str | None:
    return None if text is None else fold(text)


def folded_like(session: Session, column: Any, word: str) -> ColumnElement[bool]:
    """``column`` holds the folded ``word``, accents and case ignored as :func:`fold` does: an
    ASCII value by SQLite's ``lower`` (the same fold for ASCII), any other by ``ptce_fold``, the
    Python :func:`fold` registered on the session's SQLite connection (again on each call: a
    connection from the pool may be new) — so Python runs only for the values with accents."""
    raw = session.connection().connection.driver_connection
    assert raw is not None, "a session's connection is open"
    raw.create_function("ptce_fold", 1, _fold_or_none, deterministic=True)
    pattern = like_pattern(word)
    return or_(
        func.lower(column).like(pattern, escape="\\"),
        and_(column.op("GLOB")("*[^ -~]*"), func.ptce_fold(column).like(pattern, escape="\\")),
    )


def like_pattern(word: str) -> str:
    """``%word%`` for ``LIKE … ESCAPE '\\'``: « 100% » and « a_b » match as typed."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


#: A name folded once per process (a search folds the pole's names on every page it reads:
#: 5 000 names are ~50 ms of Python, a scroll step on the GUI thread).
_fold_name = lru_cache(maxsize=1 << 16)(fold)


def folded_member_names(session: Session) -> list[tuple[int, str]]:
    """Every member's id with its folded name (read once per search)."""
    return [
        (member_id, _fold_name(name))
        for member_id, name in session.execute(select(Member.id, Member.name))
    ]


def members_matching(folded: Sequence[tuple[int, str]], word: str) -> list[int] | None:
    """The ids of the members whose folded name holds ``word``; None when every member's does
    (the word then says nothing about the member)."""
    found = [member_id for member_id, name in folded if word in name]
    return None if found and len(found) == len(folded) else found


def typed_amount(text: str) -> int | None:
    """The amount ``text`` reads as (« 1234,5 », « 1 234,50 € », « 1234.5 »), or None."""
    if not any(char.isdigit() for char in text):
        return None
    try:
        return parse_money(text)
    except PtceError:
        return None
