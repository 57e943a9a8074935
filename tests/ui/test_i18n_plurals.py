"""The French catalogue's counts read as French: « 4 projets », « 1 sauvegarde », never
« projet(s) » (each numerus entry had the same « (s) » text for one and for many)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ptce_desktop.resources import resources_dir


def numerus_entries() -> list[tuple[str, list[str]]]:
    tree = ET.parse(resources_dir() / "translations" / "ptce_fr.ts")
    entries = []
    for message in tree.iter("message"):
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in message.iter("numerusform")]
            entries.append((message.findtext("source") or "", forms))
    return entries


def test_every_count_has_a_singular_and_a_plural_without_parentheses() -> None:
    entries = numerus_entries()
    assert len(entries) >= 10
    for source, forms in entries:
        assert len(forms) == 2, source
        assert not any("(s)" in form for form in forms), (source, forms)


def test_no_french_text_counts_with_parentheses() -> None:
    """Texts filled with a count but not declared as counts say it without « (s) » too
    (« Erreurs : 3. », « Affichage : 2 sur 16 membres »)."""
    tree = ET.parse(resources_dir() / "translations" / "ptce_fr.ts")
    texts = [t.text or "" for t in tree.iter("translation")] + [
        f.text or "" for f in tree.iter("numerusform")
    ]
    assert len(texts) > 500
    assert [t for t in texts if "(s)" in t] == []
