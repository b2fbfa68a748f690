"""Searching an archive: its Xapian index and titles, or the reader's own index without one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.find import zimsearch
from reader.find.index import SearchIndex
from reader.find.related import ContentRecommender
from reader.find.zimsearch import ArchiveSearch, open_indexes
from reader.library.zim import ZimPack, open_zim
from tests.zimfiles import WIKIPEDIA, write_zim


@pytest.fixture(scope="module")
def wikipedia() -> ZimPack:
    return open_zim(WIKIPEDIA)


@pytest.fixture(scope="module")
def search(wikipedia: ZimPack) -> ArchiveSearch:
    return ArchiveSearch(wikipedia)


@pytest.fixture
def unhurried(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snippets for every result, however slow the machine is today."""
    monkeypatch.setattr(zimsearch, "SNIPPET_BUDGET_S", 60.0)


@pytest.mark.usefixtures("unhurried")
def test_a_word_in_the_text_finds_its_article_with_a_snippet(search: ArchiveSearch) -> None:
    hits = search.search("glaucoma", 10)
    assert hits[0].slug == "A/Ray_Charles"
    assert "due to <b>glaucoma</b>" in hits[0].snippet
    assert hits[0].score > hits[-1].score or len(hits) == 1


def test_snippets_stop_when_the_time_for_them_is_spent(
    search: ArchiveSearch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zimsearch, "SNIPPET_BUDGET_S", 0.0)
    hits = search.search("glaucoma", 10)
    assert hits[0].slug == "A/Ray_Charles" and hits[0].snippet == ""


def test_titles_are_suggested_as_they_are_typed(search: ArchiveSearch) -> None:
    hits = search.search("Rare Gen", 10)
    assert hits[0].title == "Rare Genius"


def test_titles_starting_with_the_words_come_first(search: ArchiveSearch) -> None:
    hits = search.search("country", 5)
    assert hits[0].title == "Love Country Style"  # Xapian ranks another article first


def test_a_phrase_is_searched_as_a_phrase(search: ArchiveSearch) -> None:
    hits = search.search('"brother ray"', 5)
    assert hits[0].slug == "A/I_Remember_Brother_Ray"


def test_a_misspelt_word_gets_did_you_mean_from_titles(search: ArchiveSearch) -> None:
    assert search.search("bluse", 10) == []
    assert search.suggest("bluse") == ["blues"]


@pytest.mark.parametrize("query", ["", "   ", '"', "AND OR NOT (", "\x00", "*" * 500])
def test_odd_queries_never_raise(search: ArchiveSearch, query: str) -> None:
    assert isinstance(search.search(query, 10), list)
    assert isinstance(search.suggest(query), list)


def test_results_are_articles_of_the_pack(search: ArchiveSearch, wikipedia: ZimPack) -> None:
    for hit in search.search("album", 20):
        article = wikipedia.get(hit.slug)
        assert article is not None and article.title == hit.title


def test_an_archive_with_a_full_text_index_is_searchable_before_the_readers_index(
    wikipedia: ZimPack, tmp_path: Path
) -> None:
    indexes = open_indexes(wikipedia, tmp_path)
    first = next(indexes)
    assert isinstance(first, ArchiveSearch) and first.own is None
    assert first.key_terms("A/Ray_Charles") == []
    second = next(indexes)
    assert isinstance(second, ArchiveSearch) and isinstance(second.own, SearchIndex)
    assert second.key_terms("A/Ray_Charles")  # recommendations can explain themselves
    assert list((tmp_path).glob("search-*.sqlite3"))  # cached on disk
    second.close()


def test_recommendations_for_an_archive_say_why(wikipedia: ZimPack, tmp_path: Path) -> None:
    *_, index = open_indexes(wikipedia, tmp_path)
    found = ContentRecommender(wikipedia, index).recommend("A/Ray_Charles")
    assert found and all(r.reason.startswith("Also about:") for r in found[:3])
    assert "A/Ray_Charles" not in {r.slug for r in found}
    index.close()


def test_the_cached_index_is_found_by_the_archives_uuid(wikipedia: ZimPack, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    *_, first = open_indexes(wikipedia, cache)
    first.close()
    copy = tmp_path / "elsewhere.zim"
    copy.write_bytes(WIKIPEDIA.read_bytes())
    os.utime(copy, ns=(WIKIPEDIA.stat().st_atime_ns, WIKIPEDIA.stat().st_mtime_ns))
    *_, again = open_indexes(open_zim(copy), cache)
    assert isinstance(again, ArchiveSearch) and again.own is not None
    assert not again.own.built  # reused, not built again
    assert [p.name for p in cache.glob("search-*")] == [f"search-zim-{wikipedia.uuid}.sqlite3"]
    again.close()


def test_the_cached_index_is_rebuilt_for_another_archive_at_the_same_path(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.zim"
    cache = tmp_path / "cache"
    write_zim(path, {"a": ("Alpha", "<p>pumpkin soup</p>")}, index=False)
    with next(open_indexes(open_zim(path), cache)) as index:
        assert [h.slug for h in index.search("pumpkin")] == ["a"]
    write_zim(path, {"b": ("Beta", "<p>carrot cake</p>")}, index=False)
    with next(open_indexes(open_zim(path), cache)) as index:
        assert index.search("pumpkin") == []
        assert [h.slug for h in index.search("carrot")] == ["b"]


def test_without_a_full_text_index_the_readers_own_index_is_used(tmp_path: Path) -> None:
    path = write_zim(
        tmp_path / "plain.zim",
        {"a": ("Alpha", "<p>Boil <b>water</b> before drinking.</p><script>hidden()</script>")},
        index=False,
    )
    pack = open_zim(path)
    indexes = list(open_indexes(pack, None))
    assert len(indexes) == 1 and isinstance(indexes[0], SearchIndex)
    hits = indexes[0].search("water")
    assert [h.slug for h in hits] == ["a"]
    assert "<b>water</b>" in hits[0].snippet and "&lt;b&gt;" not in hits[0].snippet
    assert indexes[0].search("hidden") == []  # scripts are not text
    indexes[0].close()
