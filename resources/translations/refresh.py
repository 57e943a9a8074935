"""Refresh the French catalogue from the UI sources, fill it, compile it.

    uv run python resources/translations/refresh.py              # lupdate + lrelease + report
    uv run python resources/translations/refresh.py --todo       # unfinished entries as JSON
    uv run python resources/translations/refresh.py --fill f.json  # write translations, compile

``--todo`` prints ``{"Context": {"English source": ""}}`` for every entry without a French
translation; fill the empty strings and pass the file to ``--fill``. Exit status 1 while any
entry is unfinished. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "ptce_fr.ts"
QM = HERE / "ptce_fr.qm"
SOURCES = ROOT / "ptce_desktop" / "ui"
LUPDATE_OPTIONS = ["-extensions", "py", "-no-obsolete", "-locations", "none", "-silent"]


def lupdate(sources: Path, ts: Path) -> None:
    """Merge the source strings of ``sources`` into ``ts`` (created if missing)."""
    command = ["pyside6-lupdate", *LUPDATE_OPTIONS, str(sources), "-ts", str(ts)]
    subprocess.run(command, check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> dict[str, dict[str, str]]:
    """Entries without a finished French translation, by context."""
    todo: dict[str, dict[str, str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or not _text(translation):
                todo.setdefault(name, {})[message.findtext("source", "")] = ""
    return todo


def _text(translation: ET.Element) -> str:
    forms = translation.findall("numerusform")
    if forms:
        return "" if any(not (form.text or "") for form in forms) else "x"
    return translation.text or ""


def fill(ts: Path, translations: dict[str, dict[str, str]]) -> int:
    """Write the given translations into ``ts`` and mark them finished; returns how many."""
    tree = ET.parse(ts)
    count = 0
    for context in tree.getroot().iter("context"):
        wanted = translations.get(context.findtext("name", ""), {})
        for message in context.iter("message"):
            text = wanted.get(message.findtext("source", ""))
            if not text:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            forms = translation.findall("numerusform")
            if forms:  # plurals: one text for every form, or a list of the forms
                for index, form in enumerate(forms):
                    form.text = text[min(index, len(text) - 1)] if isinstance(text, list) else text
            else:
                translation.text = text
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--todo", action="store_true", help="print unfinished entries as JSON")
    parser.add_argument("--fill", type=Path, help="JSON file of translations to write")
    args = parser.parse_args(argv)
    lupdate(SOURCES, TS)
    if args.fill:
        data = json.loads(args.fill.read_text(encoding="utf-8"))
        print(f"{fill(TS, data)} translation(s) written", file=sys.stderr)
        lupdate(SOURCES, TS)  # back to lupdate's own layout, so diffs stay small
    todo = unfinished(TS)
    if args.todo:
        print(json.dumps(todo, ensure_ascii=False, indent=1))
    lrelease(TS, QM)
    missing = sum(len(entries) for entries in todo.values())
    if missing:
        print(f"{missing} unfinished translation(s) in {TS.name}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
