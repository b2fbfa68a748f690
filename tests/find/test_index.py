"""Full-text search: relevance on the bundled pack, odd input, CJK, and the on-disk cache."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.find import index as search
from reader.find.building import SearchCancelled, markdown_to_text
from reader.find.index import SearchIndex, SearchResult, cache_file_name
from reader.find.query import MAX_QUERY_TOKENS, parse_query
from reader.library.loading import load_pack
from reader.library.pack import Pack
from reader.paths import bundled_dir
from tests.conftest import PackBuilder, article
from tests.locations import FIXTURES, ROOT


@pytest.fixture(scope="module")
def bundled() -> Iterator[SearchIndex]:
    """An in-memory index of the bundled pack, shared by the module's tests."""
    index = SearchIndex.open(load_pack(bundled_dir("content")), None)
    yield index
    index.close()


@pytest.fixture(scope="module")
def cjk() -> Iterator[SearchIndex]:
    index = SearchIndex.open(load_pack(FIXTURES / "cjk-pack"), None)
    yield index
    index.close()


def slugs(results: list[SearchResult]) -> list[str]:
    return [r.slug for r in results]


# ------------------------------------------------------------------ relevance (bundled pack)


def test_spread_during_treatment_ranks_its_article_first(bundled: SearchIndex) -> None:
    assert slugs(bundled.search("spread during treatment"))[0] == "npc-spread-during-treatment"


def test_blood_test_in_top_three(bundled: SearchIndex) -> None:
    assert "npc-blood-test" in slugs(bundled.search("blood test"))[:3]


def test_stemming_finds_cancer_for_cancers(bundled: SearchIndex) -> None:
    found = slugs(bundled.search("cancers"))
    for slug in (
        "liver-cancer-primary-secondary",
        "stomach-cancer-warning-signs",
        "npc-prevention",
    ):
        assert slug in found


def test_last_word_is_a_prefix_while_typing(bundled: SearchIndex) -> None:
    assert "stomach-cancer-warning-signs" in slugs(bundled.search("stomach canc"))
    # A finished word (trailing space) is not a prefix any more.
    assert bundled.search("stomach canc ") == []


def test_case_and_accents_do_not_matter(bundled: SearchIndex) -> None:
    assert slugs(bundled.search("RINGWORM"))[0] == "ringworm"
    assert slugs(bundled.search("ríngwörm"))[0] == "ringworm"


def test_title_outranks_body(bundled: SearchIndex) -> None:
    assert slugs(bundled.search("ringworm"))[0] == "ringworm"
    assert slugs(bundled.search("itching"))[0] == "itching-all-over"


def test_limit_is_respected(bundled: SearchIndex) -> None:
    assert len(bundled.search("the", limit=3)) == 3
    assert bundled.search("cancer", limit=0) == []


@pytest.mark.parametrize("query", ["blood test", "Blood Test", "blood te"])
def test_the_title_most_about_the_query_wins(bundled: SearchIndex, query: str) -> None:
    # Both titles hold both words; "Understanding your blood test results" is about them.
    slugs = [r.slug for r in bundled.search(query, 5)]
    assert slugs[:2] == ["understanding-blood-test-results", "npc-blood-test"]


def test_titles_first_keeps_the_order_of_the_rest() -> None:
    def hit(slug: str, title: str) -> SearchResult:
        return SearchResult(slug, title, "c", 1.0, "")

    found = [hit("a", "Cough"), hit("b", "Blood in urine"), hit("c", "Rash"), hit("d", "Blood")]
    assert [r.slug for r in search.titles_first(found, ["blood"])] == ["d", "b", "a", "c"]


def test_results_carry_title_category_and_score(bundled: SearchIndex) -> None:
    first, second = bundled.search("ringworm")[:2]
    assert first.title.startswith("Ringworm")
    assert first.category == "skin-bones"
    assert first.score > second.score


def test_snippet_highlights_matches(bundled: SearchIndex) -> None:
    snippet = bundled.search("ringworm")[0].snippet
    assert "<b>Ringworm</b>" in snippet or "<b>ringworm</b>" in snippet
    assert 5 <= len(snippet.split()) <= 30


def test_nasophryngeal_suggests_nasopharyngeal(bundled: SearchIndex) -> None:
    assert bundled.search("nasophryngeal") == []
    assert bundled.suggest("nasophryngeal")[0] == "nasopharyngeal"


def test_suggest_corrects_each_word(bundled: SearchIndex) -> None:
    assert bundled.suggest("stomack cancr")[0] == "stomach cancer"


def test_suggest_nothing_for_known_words(bundled: SearchIndex) -> None:
    assert bundled.suggest("blood test") == []
    assert bundled.suggest("") == []


def test_terms_are_the_plain_words(bundled: SearchIndex) -> None:
    assert bundled.terms('"Blood TEST" canc* blood NEAR(x') == [
        "blood",
        "test",
        "canc",
        "near",
        "x",
    ]


# ------------------------------------------------------------------ query building


def test_quoted_phrase_must_be_in_order(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "one/a.md": article("A", "The blue whale song carries far.", category="one"),
            "one/b.md": article("B", "A song sung by the blue whale.", category="one"),
        }
    )
    with SearchIndex.open(load_pack(root), None) as index:
        assert slugs(index.search('"blue whale song"')) == ["a"]
        assert sorted(slugs(index.search("blue whale song"))) == ["a", "b"]
        # An unclosed quote still searches the phrase.
        assert slugs(index.search('"blue whale song')) == ["a"]


@pytest.mark.parametrize(
    "query",
    [
        "NEAR(cancer blood)",
        "cancer AND blood",
        "cancer OR",
        "NOT",
        "-cancer",
        "*",
        "canc*er",
        "^cancer",
        "title:cancer",
        "(cancer",
        'cancer"',
        '""',
        "'",
        "%_\\",
        "cancer\x00blood",
        "\ud800cancer",
        "🙂 cancer 🙂",
        "x" * 10_000,
        "cancer " * 2_000,
    ],
)
def test_fts_syntax_in_user_input_is_harmless(bundled: SearchIndex, query: str) -> None:
    results = bundled._search(query, 20)  # the inner path, without the catch-all
    assert isinstance(results, list)
    bundled._suggest(query, 3)


def test_operators_are_plain_words(bundled: SearchIndex) -> None:
    # "AND" is a word to look for, not an operator; "cancer AND blood" equals all three words.
    assert bundled.search("cancer AND blood") == bundled.search('cancer "and" blood')


def test_parse_query_caps_tokens() -> None:
    parts = parse_query("word " * 500)
    assert len(parts) == MAX_QUERY_TOKENS


_ODD = st.sampled_from(
    [
        '"',
        "*",
        "-",
        "+",
        "^",
        ":",
        "(",
        ")",
        "NEAR(",
        "AND",
        "OR",
        "NOT",
        "{",
        "}",
        "\x00",
        "\ud800",
        "\udfff",
        "\ue000",
        "\ue001",
        "'",
        "%",
        "_",
        "\\",
        "\n",
        "\t",
        "🙂",
        "鼻咽癌",
        "cancer",
        "canc",
        "blood",
        "c",
        "é",
        "ß",
        "İ",
        "\u0301",
    ]
)
_QUERIES = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None), max_size=300),
    st.lists(_ODD, max_size=25).map("".join),
    st.lists(_ODD, max_size=25).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(_QUERIES)
def test_any_text_never_raises(bundled: SearchIndex, query: str) -> None:
    results = bundled._search(query, 5)
    assert all(isinstance(r, SearchResult) for r in results)
    assert isinstance(bundled._suggest(query, 3), list)
    assert isinstance(bundled.terms(query), list)


@settings(max_examples=150, deadline=None)
@given(_QUERIES)
def test_any_text_never_raises_cjk(cjk: SearchIndex, query: str) -> None:
    assert isinstance(cjk._search(query, 5), list)
    assert isinstance(cjk._suggest(query, 3), list)


def test_snippet_is_escaped_html(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "one/a.md": article(
                "A", "Fish & chips <script>alert(1)</script> tasty fish.", category="one"
            )
        }
    )
    with SearchIndex.open(load_pack(root), None) as index:
        snippet = index.search("fish")[0].snippet
    assert "<script>" not in snippet
    assert "&amp;" in snippet
    assert snippet.count("<b>") == snippet.count("</b>") == 2


def test_markdown_is_stripped_for_the_index() -> None:
    text = markdown_to_text(
        "## Heading\n\nSee [the liver page](liver.md) and ![a plate](plate.png).[^1]\n\n"
        '!!! warning "When to see a doctor"\n    Soon.\n\n| a | b |\n|---|---|\n| **x** | y |\n'
    )
    assert " ".join(text.split()) == (
        "Heading See the liver page and a plate. When to see a doctor Soon. a b x y"
    )


def test_queries_matching_many_articles_rank_title_matches_first(
    make_pack: PackBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        f"one/a{i:02d}.md": article(f"Article {i}", "A common word. " * (1 + i % 3), order=i)
        for i in range(30)
    }
    files["two/z.md"] = article("Common questions", "Once: common.", category="two")
    root = make_pack(files)
    monkeypatch.setattr(search, "RANK_ALL_MAX", 5)
    with SearchIndex.open(load_pack(root), None) as index:
        results = index.search("common", limit=10)
    assert results[0].slug == "z"  # last in pack order, but the only title match
    assert len(results) == 10 and len(set(slugs(results))) == 10
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)


def test_big_packs_leave_out_words_found_in_most_articles(
    make_pack: PackBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"one/a{i}.md": article(f"Article {i}", "A common word.") for i in range(5)}
    files["one/b.md"] = article("Other", "Only a rare word here.")
    root = make_pack(files)
    with SearchIndex.open(load_pack(root), None) as index:
        assert index.search("common rare") == []  # a small pack matches every word
        monkeypatch.setattr(search, "DROP_COMMON_MIN_ARTICLES", 1)
        assert slugs(index.search("common rare")) == ["b"]
        assert len(index.search("common")) == 5  # alone, a common word still matches


# ------------------------------------------------------------------ CJK packs


def test_cjk_substring_search(cjk: SearchIndex) -> None:
    assert cjk.trigram
    assert slugs(cjk.search("鼻咽癌"))[0] == "npc-early-signs"
    assert "<b>鼻咽癌</b>" in cjk.search("鼻咽癌")[0].snippet


def test_cjk_two_character_words_use_like(cjk: SearchIndex) -> None:
    assert slugs(cjk.search("咸鱼")) == ["healthy-eating"]
    assert slugs(cjk.search("鼻咽"))[0] == "npc-early-signs"
    assert cjk.search("癌 运动") == []


def test_cjk_latin_words(cjk: SearchIndex) -> None:
    assert slugs(cjk.search("EBV DNA")) == ["ebv-blood-test"]


# ------------------------------------------------------------------ the cache


@pytest.fixture
def pack_root(make_pack: PackBuilder) -> Path:
    return make_pack(
        {
            "one/alpha.md": article("Alpha", "Apples and pears.", category="one", tags=["fruit"]),
            "two/beta.md": article("Beta", "Bananas.", category="two", summary="Yellow fruit."),
        }
    )


def open_index(root: Path, cache: Path) -> SearchIndex:
    return SearchIndex.open(load_pack(root), cache)


def cache_file(root: Path, cache: Path) -> Path:
    return cache / cache_file_name(root)


def test_cache_is_reused_when_nothing_changed(pack_root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache-dir"
    with open_index(pack_root, cache) as first:
        assert first.built and first.path == cache_file(pack_root, cache)
    before = os.stat(cache_file(pack_root, cache))
    with open_index(pack_root, cache) as second:
        assert not second.built
        assert slugs(second.search("bananas")) == ["beta"]
    after = os.stat(cache_file(pack_root, cache))
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert list(cache.iterdir()) == [cache_file(pack_root, cache)]  # no temp files left


def test_cache_is_rebuilt_when_a_file_changes(pack_root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache-dir"
    open_index(pack_root, cache).close()
    (pack_root / "two" / "beta.md").write_text(article("Beta", "Cherries now."), encoding="utf-8")
    with open_index(pack_root, cache) as index:
        assert index.built
        assert slugs(index.search("cherries")) == ["beta"]
        assert index.search("bananas") == []


def test_cache_is_rebuilt_when_a_file_is_added(pack_root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache-dir"
    open_index(pack_root, cache).close()
    (pack_root / "one" / "gamma.md").write_text(article("Gamma", "Grapes."), encoding="utf-8")
    with open_index(pack_root, cache) as index:
        assert index.built
        assert slugs(index.search("grapes")) == ["gamma"]


def test_cache_is_rebuilt_when_the_schema_changes(
    pack_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache-dir"
    open_index(pack_root, cache).close()
    monkeypatch.setattr(search, "SCHEMA_VERSION", search.SCHEMA_VERSION + 1)
    with open_index(pack_root, cache) as index:
        assert index.built


@pytest.mark.parametrize("damage", ["garbage", "truncate", "zero-length", "garbage-tail"])
def test_damaged_cache_is_rebuilt(
    pack_root: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    cache = tmp_path / "cache-dir"
    open_index(pack_root, cache).close()
    path = cache_file(pack_root, cache)
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "zero-length":
        path.write_bytes(b"")
    else:  # keep the header, spoil every page after the first
        path.write_bytes(data[:4096] + os.urandom(len(data) - 4096))
    with (
        caplog.at_level(logging.WARNING, logger="reader.find.index"),
        open_index(pack_root, cache) as index,
    ):
        assert index.built
        assert slugs(index.search("bananas")) == ["beta"]
    assert any("damaged" in r.getMessage() for r in caplog.records)
    with open_index(pack_root, cache) as again:
        assert not again.built


def test_unwritable_cache_dir_builds_in_memory(
    pack_root: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A folder under a regular file can never be created, even by root.
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with (
        caplog.at_level(logging.WARNING, logger="reader.find.index"),
        open_index(pack_root, blocker / "cache") as index,
    ):
        assert index.path is None and index.built
        assert slugs(index.search("bananas")) == ["beta"]
    assert any("in memory" in r.getMessage() for r in caplog.records)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_read_only_cache_dir_builds_in_memory(pack_root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "read-only"
    cache.mkdir()
    cache.chmod(0o500)
    try:
        with open_index(pack_root, cache) as index:
            assert index.path is None
            assert slugs(index.search("bananas")) == ["beta"]
    finally:
        cache.chmod(0o700)


def test_progress_and_cancel(make_pack: PackBuilder, tmp_path: Path) -> None:
    root = make_pack({f"one/a{i}.md": article(f"Article {i}", f"Word{i}.") for i in range(1100)})
    pack = load_pack(root)
    calls: list[tuple[int, int]] = []
    with SearchIndex.open(pack, tmp_path / "c1", progress=lambda d, t: calls.append((d, t))):
        pass
    assert calls == [(0, 1100), (500, 1100), (1000, 1100), (1100, 1100)]

    cache = tmp_path / "c2"
    with pytest.raises(SearchCancelled):
        SearchIndex.open(pack, cache, cancelled=lambda: True)
    assert list(cache.iterdir()) == []  # neither a cache file nor a temp file


def test_open_in_a_thread_then_query_from_another(pack_root: Path, tmp_path: Path) -> None:
    pack = load_pack(pack_root)
    box: list[SearchIndex] = []
    worker = threading.Thread(target=lambda: box.append(SearchIndex.open(pack, tmp_path / "c")))
    worker.start()
    worker.join()
    with box[0] as index:
        assert slugs(index.search("apples")) == ["alpha"]


def test_articles_table_is_in_pack_order(pack_root: Path) -> None:
    pack: Pack = load_pack(pack_root)
    with SearchIndex.open(pack, None) as index:
        rows = list(index.articles())
        assert len(index) == 2
    assert [r[0] for r in rows] == [a.slug for a in pack.articles]
    assert rows[0] == ("alpha", "one/alpha.md", "Alpha", "", "one", ("fruit",))


def test_closed_index_returns_nothing(pack_root: Path) -> None:
    index = SearchIndex.open(load_pack(pack_root), None)
    index.close()
    assert index.search("apples") == []
    index.close()  # twice is fine


# ------------------------------------------------------------------ platform bits


def test_search_modules_never_import_qt() -> None:
    code = (
        "import sys, reader.find.index, reader.commands.search; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_a_word_in_the_title_outweighs_the_same_word_three_times_in_a_body(
    make_pack: PackBuilder,
) -> None:
    """Depends on the column weights: with every weight 1.0, the body's three win."""
    filler = " ".join(f"word{i}" for i in range(40))
    root = make_pack(
        {
            "in-title.md": article("Zebra care", filler),
            "in-body.md": article("Other animals", f"zebra {filler} zebra {filler} zebra"),
            "in-tags.md": article("Stripes", f"zebra {filler}", tags=["zebra"]),
        }
    )
    with SearchIndex.open(load_pack(root), None) as index:
        assert slugs(index.search("zebra")) == ["in-title", "in-tags", "in-body"]
