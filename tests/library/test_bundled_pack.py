"""The bundled starter pack is complete, clean and renders without a broken link."""

from __future__ import annotations

import re

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
        assert a.summary and a.tags and a.updated and a.related and a.sources, a.slug
        assert 400 <= a.word_count <= 1300, (a.slug, a.word_count)
        assert "!!! " in a.body, a.slug  # every article has at least one call-out
        if a.category != "healthy-living":
            assert "!!! urgent" in a.body or "!!! routine" in a.body, a.slug
        assert all(source.checkable for source in a.sources), a.slug


def test_no_article_claims_a_review_that_did_not_happen(checked: tuple[Pack, list[str]]) -> None:
    """The bundled articles have not been reviewed by a clinician, and say so."""
    pack = checked[0]
    assert [a.slug for a in pack.articles if a.reviewed or a.reviewed_by] == []
    assert "not yet been reviewed by a clinician" in " ".join(pack.disclaimer.split())
    renderer = Renderer(pack)
    for a in pack.articles:
        html = renderer.article_page(a)
        assert "Not yet reviewed by a clinician" in html, a.slug
        assert "Reviewed " not in html, a.slug
    assert "Recently updated" in renderer.home_page()
    assert "Recently reviewed" not in renderer.home_page()


def test_the_pack_names_no_emergency_number_or_contact_it_cannot_know(
    checked: tuple[Pack, list[str]],
) -> None:
    pack = checked[0]
    assert (pack.emergency_number, pack.contact) == ("", "")
    html = Renderer(pack).article_page(pack.articles[0])
    assert "Emergency: call your local emergency number now" in html
    assert "In an emergency call your local emergency number." in html


def test_emergency_boxes_come_first(checked: tuple[Pack, list[str]]) -> None:
    """An article's first urgency box, if it has an emergency box, is that box."""
    for a in checked[0].articles:
        kinds = [line.split()[1] for line in a.body.split("\n") if line.startswith("!!! ")]
        urgency = [k for k in kinds if k in {"emergency", "urgent", "routine"}]
        if "emergency" in urgency:
            assert urgency[0] == "emergency", a.slug


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
        for n in range(1, len(a.sources) + 1):
            assert f'<a name="source-{n}"></a>' in html, a.slug
        for ref in re.findall(r"\[\^([\w-]+)\]", a.body):  # every reference is a link
            assert f'href="#source-{a.source_numbers[ref]}"' in html, (a.slug, ref)


def test_the_image_is_in_the_pack(checked: tuple[Pack, list[str]]) -> None:
    pack = checked[0]
    eating = pack.get("healthy-eating")
    assert eating is not None
    assert 'src="pack:healthy-living/healthy-plate.png"' in Renderer(pack).article_page(eating)
