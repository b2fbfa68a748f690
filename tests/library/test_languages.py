"""Packs in several languages: the reader's view, translations, and what check reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.catalog import Catalog
from reader.library.check import check_pack
from reader.library.languages import (
    language_view,
    library_language,
    pack_languages,
    same_language,
    translation_in,
)
from reader.library.loading import load_pack
from tests.conftest import PackBuilder, article

PACK_TOML = """title = "Library"
language = "en"
featured = ["cough"]

[[categories]]
id = "symptoms"
name = "Symptoms"

[translations.zh-CN]
title = "健康图书馆"
featured = ["cough-zh"]
categories = { symptoms = "症状" }
"""
PLAIN = 'title = "Library"\n'


@pytest.fixture
def two_languages(make_pack: PackBuilder) -> Path:
    return make_pack(
        {
            "symptoms/cough.md": article("Cough", category="symptoms", updated="2026-01-10"),
            "symptoms/fever.md": article("Fever", category="symptoms"),
            "zh/symptoms/cough-zh.md": article(
                "咳嗽",
                "咳嗽很常见。",
                category="symptoms",
                language="zh-CN",
                translation_of="cough",
                updated="2026-02-01",
            ),
        },
        PACK_TOML,
    )


def test_a_view_holds_one_language_with_its_names(two_languages: Path) -> None:
    pack = load_pack(two_languages)
    assert pack_languages(pack) == ["en", "zh"]
    zh = language_view(pack, "zh_CN")
    assert [a.slug for a in zh.articles] == ["cough-zh"]
    assert zh.title == "健康图书馆"
    assert zh.category_name("symptoms") == "症状"
    assert zh.featured == ("cough-zh",)
    assert zh.neighbours("cough-zh") == (None, None)
    en = language_view(pack, "en_GB")
    assert [a.slug for a in en.articles] == ["cough", "fever"]
    assert en.title == "Library" and en.featured == ("cough",)
    assert pack.get("cough-zh") is not None  # hidden from a view, not lost


def test_a_language_the_pack_lacks_reads_the_packs_own(two_languages: Path) -> None:
    pack = load_pack(two_languages)
    assert library_language(pack, "es") == "en"
    assert [a.slug for a in language_view(pack, "es").articles] == ["cough", "fever"]


def test_a_pack_in_one_language_is_its_own_view(small_pack: Path) -> None:
    pack = load_pack(small_pack)
    assert language_view(pack, "zh_CN") is pack


def test_translation_in_finds_the_original_and_back(two_languages: Path) -> None:
    pack = load_pack(two_languages)
    assert translation_in(pack, "cough-zh", "en") == "cough"
    assert translation_in(pack, "cough", "zh") == "cough-zh"
    assert translation_in(pack, "fever", "zh") is None


def test_codes_compare_by_language() -> None:
    assert same_language("zh-CN", "zh_CN") and same_language("ZH", "zh-Hans")
    assert not same_language("en", "es")


def test_the_catalog_keeps_languages(two_languages: Path, tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "cache")
    catalog.load(two_languages)  # writes the catalog
    again = Catalog(tmp_path / "cache").load(two_languages)
    cough = again.get("cough-zh")
    assert cough is not None and not cough.body_loaded  # built from the catalog
    assert (cough.language, cough.translation_of) == ("zh-CN", "cough")
    assert cough.updated is not None and cough.updated.isoformat() == "2026-02-01"
    assert language_view(again, "zh").title == "健康图书馆"


def test_check_reports_a_translation_of_nothing(make_pack: PackBuilder) -> None:
    root = make_pack(
        {"a.md": article("A"), "a-es.md": article("A", language="es", translation_of="gone")},
        PLAIN,
    )
    _, problems = check_pack(root)
    assert [(p.path, p.line, p.severity) for p in problems] == [("a-es.md", 4, "error")]
    assert "'translation_of' names unknown article 'gone'" in problems[0].message


def test_check_warns_when_the_original_changed_since(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "a.md": article("A", updated="2026-03-01"),
            "a-es.md": article("A", language="es", translation_of="a", updated="2026-02-01"),
            "b.md": article("B", updated="2026-03-01"),
            "b-es.md": article("B", language="es", translation_of="b", updated="2026-03-01"),
        },
        PLAIN,
    )
    _, problems = check_pack(root)
    assert [(p.path, p.severity) for p in problems] == [("a-es.md", "warning")]
    assert "older than its original 'a' (updated 2026-03-01)" in problems[0].message


def test_check_reports_a_translation_in_its_originals_language(make_pack: PackBuilder) -> None:
    root = make_pack({"a.md": article("A"), "a2.md": article("A", translation_of="a")}, PLAIN)
    _, problems = check_pack(root)
    assert ["same language" in p.message for p in problems] == [True]


def test_bad_translation_tables_are_reported(make_pack: PackBuilder) -> None:
    root = make_pack({"a.md": article("A")}, '[translations.es]\ntitle = 3\nname = "x"\n')
    pack = load_pack(root)
    assert pack.translations == {"es": {}}
    assert [p.message.split(":")[0] for p in pack.problems] == ["[translations.es]"] * 2


def test_a_one_language_catalog_is_not_walked(small_pack: Path, tmp_path: Path) -> None:
    Catalog(tmp_path / "cache").load(small_pack)
    pack = Catalog(tmp_path / "cache").load(small_pack)
    assert language_view(pack, "zh") is pack
    assert not any(pack.articles._built)  # type: ignore[attr-defined]  # no article was built
