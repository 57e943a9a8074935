"""French spacing for text set on a page or in a window: the spaces inside « » and before
« : ; ! ? » become no-break spaces, so a line never ends on « nor starts with » or a sign. And
French counts (:func:`counted`): « 1 charge », « 3 charges », never « charge(s) ».

Printed documents apply it to every text (``reports.flowables.clean_text``); the window to the
messages it shows in a box. Typed values and exports keep their spaces as typed.
"""

from __future__ import annotations

import re

# French quotation marks keep their inner spaces unbreakable: « mot » never splits at a line end.
_GUILLEMETS = re.compile(r"(«)[ \u202f]+|[ \u202f]+»")
#: A space before « : ; ! ? » (French typography): made no-break, so a line never starts
#: with the sign (« Clé « Pourcentages » » then « : 15 % » on the next line).
_HIGH_PUNCTUATION = re.compile(r"(?<=\S) +(?=[:;!?](?:\s|$))")


def french_spacing(text: str) -> str:
    """``text`` with no-break spaces inside « » and before « : ; ! ? »."""
    text = _GUILLEMETS.sub(lambda m: "«\u00a0" if m.group(1) else "\u00a0»", text)
    return _HIGH_PUNCTUATION.sub("\u00a0", text)


def singular(count: int, lang: str = "fr") -> bool:
    """Whether a noun counted ``count`` times takes the singular: French below two
    (« 0 charge », « 1 charge »), English for one only (« 0 costs », « 1 cost »)."""
    return abs(count) < 2 if lang != "en" else abs(count) == 1


def counted(count: int, one: str, many: str) -> str:
    """« 0 charge », « 1 charge », « 3 charges »: French takes the singular below two."""
    return f"{count} {one if singular(count) else many}"
