"""The bundled starter pack is complete, clean and renders without a broken link."""

from __future__ import annotations

import pytest

from reader.find.recommend import TagRecommender
from reader.library.check import check_pack
from reader.library.pack import Pack
from reader.page.render import Renderer
from reader.paths import bundled_dir


@pytest.fixture(scope="module")
def checked() -> tuple[Pack, list[str]]:
    pack, problems = check_pack(bundled_dir("content"))
    return pack, [str(p) for p in problems]


def test_check_is_clean(checked: tuple[Pack, list[str]]) -> None:
    assert checked[1] == []


def test_pack_shape(checked: tuple[Pack, list[str]]) -> None:
    pack = checked[0]
    assert len(pack.articles) >= 16
    assert len({a.category for a in pack.articles}) >= 4
    assert "not a diagnosis" in pack.disclaimer and "emergency" in pack.disclaimer
    for a in pack.articles:
        if a.translation_of:
            continue  # tests/library/test_bundled_translations.py
        assert a.summary and a.tags and a.reviewed and a.related and a.sources, a.slug
        assert 400 <= a.word_count <= 1300, (a.slug, a.word_count)
        assert "!!! " in a.body, a.slug  # every article has at least one call-out
        if a.category != "healthy-living":
            assert "When to see a doctor" in a.body, a.slug


def test_every_article_renders_with_working_links(checked: tuple[Pack, list[str]]) -> None:
    pack = checked[0]
    renderer = Renderer(pack)
    recommender = TagRecommender(pack)
    for a in pack.articles:
        html = renderer.article_page(a, recommender.recommend(a.slug))
        assert f'<h1 class="title">{a.title}' in html.replace("&quot;", '"')
        assert 'class="broken-link"' not in html, a.slug
        assert 'class="missing-image"' not in html, a.slug
        assert '.md"' not in html, a.slug  # every article link was rewritten
        assert 'class="callout' in html, a.slug


def test_the_image_is_in_the_pack(checked: tuple[Pack, list[str]]) -> None:
    pack = checked[0]
    eating = pack.get("healthy-eating")
    assert eating is not None
    assert 'src="pack:healthy-living/healthy-plate.png"' in Renderer(pack).article_page(eating)
