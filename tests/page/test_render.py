"""Rendering articles and the home page to HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.find.recommend import TagRecommender
from reader.library.loading import load_pack
from reader.library.pack import Pack
from reader.page.render import Renderer
from tests.conftest import PackBuilder, article


@pytest.fixture
def pack(small_pack: Path) -> Pack:
    return load_pack(small_pack)


def page(pack: Pack, slug: str) -> str:
    a = pack.get(slug)
    assert a is not None
    return Renderer(pack).article_page(a, TagRecommender(pack).recommend(slug))


def test_article_page_has_header_body_and_footer(pack: Pack) -> None:
    html = page(pack, "alpha")
    assert '<h1 class="title">Alpha</h1>' in html
    assert '<p class="lede">About alpha.</p>' in html
    assert "Category One · 1 min read" in html
    assert "Reviewed 15 January 2026 by Dr Ada Lee, general practitioner · " in html
    assert "Next review due 15 January 2029" in html
    assert '<a href="article:beta">Beta</a>' in html
    assert '<a href="article:gamma#details">the gamma part</a>' in html
    assert 'src="pack:one/square.png"' in html
    assert '<span class="missing-image">[Lost picture]</span>' in html
    assert "nowhere.png" not in html


def test_previous_and_next_are_absent_at_the_ends(pack: Pack) -> None:
    first = page(pack, "alpha")
    assert "Previous:" not in first
    assert '<a href="article:beta">Next: Beta ›</a>' in first
    last = page(pack, "epsilon")
    assert '<a href="article:delta">‹ Previous: Delta</a>' in last
    assert "Next:" not in last


def test_recommended_lists_explicit_related_first(pack: Pack) -> None:
    html = page(pack, "alpha")
    section = html.split('class="recommended">Recommended</h2>')[1]
    assert section.index("article:delta") < section.index("article:beta")
    assert "Suggested by the editors" in section
    assert "About beta." in section


def test_external_links_are_marked(pack: Pack) -> None:
    assert '<a class="external" href="https://example.org/page">site</a>' in page(pack, "epsilon")


def test_markdown_features(make_pack: PackBuilder) -> None:
    body = """
    | A | B |
    |---|---|
    | 1 | 2 |

    Term
    : Definition

    Footnote here.[^1]

    [^1]: The note.

    !!! warning "When to see a doctor"
        If it gets worse.

    ## One {: #custom-id }
    """
    root = make_pack({"x.md": article("X", body)})
    pack = load_pack(root)
    html = page(pack, "x")
    assert "<table>" in html and "<td>1</td>" in html
    assert "<dt>Term</dt>" in html and "<dd>Definition</dd>" in html
    assert 'class="footnote"' in html
    assert 'class="callout warning"' in html and "When to see a doctor" in html
    assert '<a name="custom-id"></a>One' in html


def test_long_articles_get_an_on_this_page_line(make_pack: PackBuilder) -> None:
    body = "\n\n".join(f"## Part {i}\n\n" + "word " * 200 for i in range(5))
    root = make_pack({"long.md": article("Long", body), "short.md": article("Short")})
    pack = load_pack(root)
    long_html = page(pack, "long")
    assert 'class="toc"' in long_html and '<a href="#part-3">Part 3</a>' in long_html
    assert 'class="toc"' not in page(pack, "short")


def test_broken_article_link_becomes_plain_text(make_pack: PackBuilder) -> None:
    root = make_pack({"a.md": article("A", "See [gone](gone.md) or [out](../../x.md).")})
    html = page(load_pack(root), "a")
    assert '<span class="broken-link"' in html and ">gone</span>" in html
    assert 'href="gone.md"' not in html and 'href="../../x.md"' not in html


def test_home_page(pack: Pack) -> None:
    html = Renderer(pack).home_page()
    assert '<h1 class="title">Test Pack</h1>' in html
    assert "General information only." in html
    assert "Start here" in html and "article:alpha" in html
    assert 'href="category:one"><b>Category One</b></a>' in html
    assert "2 articles" in html and "3 articles" in html
    assert "Recently reviewed" in html


def test_touch_home_page_puts_start_here_and_topics_in_tiles_first(pack: Pack) -> None:
    renderer = Renderer(pack)
    renderer.touch, renderer.tile_columns = True, 2
    html = renderer.home_page()
    start = html.index('<table class="tiles start"')
    assert start < html.index('<table class="tiles"') < html.index('class="callout disclaimer"')
    assert html[start:].index('href="article:alpha"') < html[start:].index("</table>")
    assert html[start : html.index("</table>", start)].count("<tr>") == 1  # 1 featured, 2 a row
    desktop = Renderer(pack).home_page()
    assert desktop.index("callout disclaimer") < desktop.index("Start here")
    assert 'class="tiles start"' not in desktop


def test_renderer_is_reusable_without_leaking_state(pack: Pack) -> None:
    renderer = Renderer(pack)
    alpha = pack.get("alpha")
    gamma = pack.get("gamma")
    assert alpha is not None and gamma is not None
    first = renderer.article_page(alpha)
    renderer.article_page(gamma)
    assert renderer.article_page(alpha) == first


def test_overdue_review_shows_a_gentle_note(make_pack: PackBuilder) -> None:
    import datetime as dt

    root = make_pack(
        {
            "old.md": article("Old", reviewed="2020-03-01", reviewed_by="Dr A, GP"),
            "new.md": article("New", reviewed="2026-01-01", reviewed_by="Dr A, GP"),
        }
    )
    pack = load_pack(root)
    renderer = Renderer(pack, today=dt.date(2026, 11, 27))
    old, new = pack.get("old"), pack.get("new")
    assert old is not None and new is not None
    assert "last reviewed on 1 March 2020" in renderer.article_page(old)
    assert "Review overdue since 1 March 2023" in renderer.article_page(old)
    assert "last reviewed on" not in renderer.article_page(new)
    assert "Next review due 1 January 2029" in renderer.article_page(new)


def test_a_paragraph_that_is_only_a_picture_is_a_figure(make_pack: PackBuilder) -> None:
    body = "![Alone](pic.png)\n\nText with ![inline](pic.png) inside.\n\n![Lost](gone.png)\n"
    root = make_pack({"one/a.md": article("A", body, category="one"), "one/pic.png": b"x"})
    pack = load_pack(root)
    body_html = Renderer(pack).render_body(pack.articles[0]).html
    assert '<p class="figure"><img alt="Alone" src="pack:one/pic.png"' in body_html
    assert "<p>Text with <img" in body_html  # a picture inside text keeps the line height
    assert '<p><span class="missing-image">[Lost]</span></p>' in body_html
