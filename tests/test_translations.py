"""The interface's translation catalogues are complete and hold every string of the code.

When one of these fails after a merge, run ``python -m scripts.translations update``,
translate what the failure lists (the .ts files in resources/translations/), and run it again.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scripts import translations

LANGUAGES = translations.LANGUAGES


def entries(ts: Path) -> set[tuple[str, str]]:
    """(context, source text) of every message of a .ts file."""
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated(language: str) -> None:
    assert translations.unfinished(translations.ts_file(language)) == []


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, str]]]:
    """What lupdate finds in the code now, per language (English: plural forms only)."""
    folder = tmp_path_factory.mktemp("ts")
    found = {}
    for language in LANGUAGES:
        ts = folder / f"offline_reader_{language}.ts"
        translations.update(ts, language)
        found[language] = entries(ts)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_holds_every_string_of_the_code(
    language: str, extracted: dict[str, set[tuple[str, str]]]
) -> None:
    committed = entries(translations.ts_file(language))
    missing = sorted(extracted[language] - committed)
    assert missing == [], "not in the catalogue: run python -m scripts.translations update"
    assert sorted(committed - extracted[language]) == [], "no longer in the code"


def test_the_catalogues_agree() -> None:
    zh, es = (entries(translations.ts_file(lang)) for lang in ("zh_CN", "es"))
    assert zh == es
    assert len(zh) > 150


def test_unfinished_names_each_entry(tmp_path: Path) -> None:
    ts = tmp_path / "offline_reader_xx.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="xx">'
        "<context><name>MainWindow</name>"
        "<message><source>Done</source><translation>Fait</translation></message>"
        '<message><source>New</source><translation type="unfinished"></translation></message>'
        "<message><source>Empty</source><translation></translation></message>"
        '<message numerus="yes"><source>%n article(s)</source><translation>'
        "<numerusform>%n article</numerusform><numerusform></numerusform>"
        "</translation></message></context></TS>",
        encoding="utf-8",
    )
    assert translations.unfinished(ts) == [
        "offline_reader_xx.ts: MainWindow: 'New'",
        "offline_reader_xx.ts: MainWindow: 'Empty'",
        "offline_reader_xx.ts: MainWindow: '%n article(s)'",
    ]


def test_the_build_compiles_every_catalogue(tmp_path: Path) -> None:
    written = translations.compile_all(tmp_path)
    assert sorted(p.name for p in written) == sorted(
        f"offline_reader_{language}.qm" for language in LANGUAGES
    )
    assert all(p.stat().st_size > 0 for p in written)
