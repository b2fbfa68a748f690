"""The bundled Chinese articles: their originals, call-outs, search and recommendations."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.find.index import SearchIndex
from reader.find.recommend import TagRecommender
from reader.library.languages import language_view, translation_in
from reader.library.loading import load_pack
from reader.library.pack import Pack
from reader.page.render import Renderer, reading_words
from reader.paths import bundled_dir

CHINESE = {
    "npc-prevention-zh": "npc-prevention",
    "npc-early-detection-zh": "npc-early-detection",
    "npc-blood-test-zh": "npc-blood-test",
    "npc-spread-during-treatment-zh": "npc-spread-during-treatment",
    "chest-tightness-back-pain-zh": "chest-tightness-back-pain",
    "pink-or-red-urine-zh": "pink-or-red-urine",
    "cough-with-phlegm-zh": "cough-with-phlegm",
}


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(bundled_dir("content"))


def test_the_chinese_articles_translate_their_originals(pack: Pack) -> None:
    # Every article has a language (the pack's, "en", when it names none): pick the Chinese.
    chinese = {a.slug: a for a in pack.articles if a.language.startswith("zh")}
    assert {slug: a.translation_of for slug, a in chinese.items()} == CHINESE
    for slug, a in chinese.items():
        original = pack.get(CHINESE[slug])
        assert original is not None
        assert a.language == "zh-CN" and a.rel_path.startswith("zh/"), slug
        assert a.category == original.category, slug
        assert a.sources == original.sources, slug  # the same sources, as named there
        assert a.updated == dt.date(2026, 12, 1), slug
        assert a.reviewed is None, slug  # no clinician has reviewed the Chinese text yet
        assert a.summary and a.tags, slug
        assert 250 <= reading_words(a, a.language) <= 1300, slug
        # The same urgency call-outs as the original, untitled: the reader writes their
        # translated headings.
        for kind in ("emergency", "urgent", "routine"):
            assert (f"!!! {kind}\n" in a.body) == (f"!!! {kind}\n" in original.body), (slug, kind)
        assert "!!! danger" not in a.body and "!!! warning" not in a.body, slug
        assert translation_in(pack, CHINESE[slug], "zh") == slug


def test_the_chinese_library_has_its_own_home_page(pack: Pack) -> None:
    zh = language_view(pack, "zh_CN")
    assert {a.slug for a in zh.articles} == set(CHINESE)
    html = Renderer(zh).home_page()
    assert "健康图书馆" in html and "不是诊断" in html and "急救电话" in html
    assert "鼻咽癌" in html and "症状" in html
    assert "Symptoms" not in html and "Nasopharyngeal" not in html
    assert zh.featured == (
        "chest-tightness-back-pain-zh",
        "npc-early-detection-zh",
        "pink-or-red-urine-zh",
    )


def test_chinese_pages_link_only_to_chinese_pages(pack: Pack) -> None:
    zh = language_view(pack, "zh")
    renderer = Renderer(zh)
    recommender = TagRecommender(zh)
    for a in zh.articles:
        recommendations = recommender.recommend(a.slug)
        assert all(r.slug in CHINESE for r in recommendations), a.slug
        html = renderer.article_page(a, recommendations)
        assert 'class="broken-link"' not in html, a.slug
        for slug in pack.column("slug"):
            if slug not in CHINESE and f'href="article:{slug}"' in html:
                pytest.fail(f"{a.slug} links to {slug}")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("鼻咽癌", "npc-spread-during-treatment-zh"),
        ("血尿", "pink-or-red-urine-zh"),
        ("咳嗽", "cough-with-phlegm-zh"),
    ],
)
def test_search_finds_the_chinese_articles(pack: Pack, query: str, expected: str) -> None:
    index = SearchIndex.open(pack, None)
    found = [r.slug for r in index.search(query, 10)]
    assert expected in found
    assert set(found) <= set(CHINESE)


def test_chinese_reading_time_counts_characters(pack: Pack) -> None:
    article = pack.get("cough-with-phlegm-zh")
    assert article is not None
    assert article.word_count < 150  # hardly any spaces in Chinese
    # About 1,100 characters at 300 a minute; counted by spaces it would be "1 min read".
    assert 700 <= reading_words(article, "zh-CN") <= 800
    assert Renderer(pack).meta_line(article).endswith(" · 4 min read")


def test_the_chinese_a_to_z_is_one_list_without_letters(pack: Pack) -> None:
    html = Renderer(language_view(pack, "zh")).home_page(a_to_z=True)
    a_to_z = html[html.index('class="a-to-z"') :]
    assert a_to_z.count('<p class="letter">') == 1
    assert "<b>" not in a_to_z.split("</h2>", 1)[1]
    assert a_to_z.count('href="article:') == len(CHINESE)
