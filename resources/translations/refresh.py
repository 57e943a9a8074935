"""Refresh the French and English catalogues from the UI sources, fill them, compile them.

    uv run python resources/translations/refresh.py              # lupdate + lrelease + report
    uv run python resources/translations/refresh.py --todo       # unfinished French entries
    uv run python resources/translations/refresh.py --fill f.json  # write French, compile
    uv run python resources/translations/refresh.py --lang en --todo        # English counts
    uv run python resources/translations/refresh.py --lang en --fill f.json

``--todo`` prints ``{"Context": {"English source": ""}}`` for every entry without a French
translation; fill the empty strings and pass the file to ``--fill``. ``ptce_en.ts`` holds only
the counts (``tr("%n member(s)", "", n)``, found by ``lupdate -pluralonly``): with
``--lang en`` the todo is ``{"Context": {"%n member(s)": ["", ""]}}``, to fill with the
singular and the plural (``["%n member", "%n members"]``). Exit status 1 while any entry of
either catalogue is unfinished. See README.md beside this file.
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
#: English is the source language; its catalogue only gives the counts their singular and
#: plural (« 1 member », « 3 members » instead of the source's « %n member(s) »).
TS_EN = HERE / "ptce_en.ts"
QM_EN = HERE / "ptce_en.qm"
SOURCES = ROOT / "ptce_desktop" / "ui"
LUPDATE_OPTIONS = ["-extensions", "py", "-no-obsolete", "-locations", "none", "-silent"]
ENGLISH_OPTIONS = ["-pluralonly", "-source-language", "en", "-target-language", "en"]
#: language -> (catalogue, compiled catalogue, extra lupdate options)
CATALOGUES = {"fr": (TS, QM, []), "en": (TS_EN, QM_EN, ENGLISH_OPTIONS)}


def lupdate(sources: Path, ts: Path, options: list[str] | None = None) -> None:
    """Merge the source strings of ``sources`` into ``ts`` (created if missing)."""
    extra = options or []
    command = ["pyside6-lupdate", *LUPDATE_OPTIONS, *extra, str(sources), "-ts", str(ts)]
    subprocess.run(command, check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path, *, forms: bool = False) -> dict[str, dict[str, str | list[str]]]:
    """Entries without a finished translation, by context; with ``forms``, a count's blank
    is one empty string per plural form (``["", ""]``)."""
    todo: dict[str, dict[str, str | list[str]]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or not _text(translation):
                blank: str | list[str] = ""
                if forms and translation is not None and translation.findall("numerusform"):
                    blank = ["" for _ in translation.findall("numerusform")]
                todo.setdefault(name, {})[message.findtext("source", "")] = blank
    return todo


def _text(translation: ET.Element) -> str:
    forms = translation.findall("numerusform")
    if forms:
        return "" if any(not (form.text or "") for form in forms) else "x"
    return translation.text or ""


def fill(ts: Path, translations: dict[str, dict[str, str | list[str]]]) -> int:
    """Write the given translations into ``ts`` and mark them finished; returns how many."""
    tree = ET.parse(ts)
    count = 0
    for context in tree.getroot().iter("context"):
        wanted = translations.get(context.findtext("name", ""), {})
        for message in context.iter("message"):
            text = wanted.get(message.findtext("source", ""))
            if not text or (isinstance(text, list) and not all(text)):
                continue  # left blank in the JSON: stays unfinished
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            forms = translation.findall("numerusform")
            if forms:  # plurals: one text for every form, or a list of the forms
                for index, form in enumerate(forms):
                    form.text = text[min(index, len(text) - 1)] if isinstance(text, list) else text
            else:
                translation.text = text if isinstance(text, str) else text[0]
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--todo", action="store_true", help="print unfinished entries as JSON")
    parser.add_argument("--fill", type=Path, help="JSON file of translations to write")
    parser.add_argument(
        "--lang",
        choices=sorted(CATALOGUES),
        default="fr",
        help="the catalogue --todo and --fill are about (default fr; en: the English counts)",
    )
    args = parser.parse_args(argv)
    for ts, _qm, options in CATALOGUES.values():
        lupdate(SOURCES, ts, options)
    chosen_ts, _chosen_qm, chosen_options = CATALOGUES[args.lang]
    if args.fill:
        data = json.loads(args.fill.read_text(encoding="utf-8"))
        print(f"{fill(chosen_ts, data)} translation(s) written", file=sys.stderr)
        lupdate(SOURCES, chosen_ts, chosen_options)  # back to lupdate's layout: small diffs
    status = 0
    for lang, (ts, qm, _options) in CATALOGUES.items():
        todo = unfinished(ts, forms=lang == "en")
        if args.todo and lang == args.lang:
            print(json.dumps(todo, ensure_ascii=False, indent=1))
        lrelease(ts, qm)
        missing = sum(len(entries) for entries in todo.values())
        if missing:
            hint = "" if lang == "fr" else " (--lang en --todo lists them)"
            print(f"{missing} unfinished translation(s) in {ts.name}{hint}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
