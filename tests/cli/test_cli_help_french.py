"""``ptce-desktop --help`` and each command's help read in French: argparse wrote « usage: »,
« positional arguments » and « show this help message and exit » whatever the language."""

from __future__ import annotations

import argparse

from ptce_desktop.cli.main import build_parser

ENGLISH = ("usage:", "positional arguments", "optional arguments", "show this help", "program's")


def every_parser(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found += every_parser(child)
    return found


def test_every_help_is_french() -> None:
    parsers = every_parser(build_parser())
    assert len(parsers) > 15  # the program, its commands and the calls' actions
    for parser in parsers:
        text = parser.format_help()
        assert text.startswith("utilisation : "), text[:80]
        assert "afficher cette aide et quitter" in text, parser.prog
        for english in ENGLISH:
            assert english not in text, (parser.prog, english)


def test_the_report_help_lists_the_documents() -> None:
    report = next(p for p in every_parser(build_parser()) if p.prog.endswith(" report"))
    text = " ".join(report.format_help().split())
    assert "le document : activity, redistribution" in text and "cerfa-15059" in text
