"""An archive's HTML shown as the reader's own page: sanitised, links through the one resolver."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.library.zim import ZimPack, open_zim
from reader.page import zimpage
from reader.page.links import Kind, resolve
from reader.page.render import Renderer
from reader.page.zimpage import body_of
from tests.zimfiles import CORNER_CASES, WIKIBOOKS, WIKIPEDIA, png, write_zim

HOSTILE = """<!DOCTYPE html><html><head><title>Hostile</title>
<style>body { display: none }</style><script>alert('head')</script>
<link rel="stylesheet" href="style.css"></head>
<body onload="steal()"><h1>Hostile page</h1>
<p onclick="steal()">Text <a href="javascript:steal()">js</a> <a href="other.html#part">other</a>
<a href="sub/deep.html">deep</a> <a href="what%3F.html">question</a>
<a href="../../../etc/passwd">escape</a> <a href="https://example.org/x">outside</a>
<img src="pic.png" alt="picture"> <img src="https://tracker.example/p.gif" alt="tracker">
<img src="data:image/png;base64,AAAA" alt="inline"></p>
<script>alert('body')</script><iframe src="https://example.org"></iframe>
<video src="film.webm"></video><form action="https://example.org"><input name="q"></form>
</body></html>"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> ZimPack:
    folder = tmp_path_factory.mktemp("hostile")
    pages = {
        "hostile.html": ("Hostile page", HOSTILE),
        "other.html": ("Other", '<p id="part">Other page</p>'),
        "sub/deep.html": ("Deep", '<p><a href="../hostile.html">back up</a></p>'),
        "what?.html": ("What?", "<p>A question mark in the path</p>"),
    }
    files = {"pic.png": ("image/png", png()), "style.css": ("text/css", b"p{}")}
    return open_zim(write_zim(folder / "hostile.zim", pages, files, main="hostile.html"))


def _page(pack: ZimPack, slug: str) -> str:
    article = pack.get(slug)
    assert article is not None
    return Renderer(pack).render_body(article).html


def test_scripts_styles_handlers_and_forms_are_removed(hostile: ZimPack) -> None:
    body = _page(hostile, "hostile.html")
    for gone in ("<script", "alert(", "<style", "display: none", "onload", "onclick", "steal",
                 "<iframe", "<video", "<form", "<input", "javascript:", "<title"):  # fmt: skip
        assert gone not in body, gone


def test_remote_and_inline_images_are_not_loaded(hostile: ZimPack) -> None:
    body = _page(hostile, "hostile.html")
    assert "tracker.example" not in body and "data:image" not in body
    assert '<span class="missing-image">[tracker]</span>' in body
    assert '<span class="missing-image">[inline]</span>' in body


def test_an_image_in_the_archive_becomes_a_pack_url(hostile: ZimPack) -> None:
    assert '<img src="pack:pic.png" alt="picture">' in _page(hostile, "hostile.html")


def test_links_between_entries_become_article_urls(hostile: ZimPack) -> None:
    body = _page(hostile, "hostile.html")
    assert 'href="article:other.html#part"' in body
    assert 'href="article:sub/deep.html"' in body
    assert 'href="article:what%3F.html"' in body  # '?' in a path stays part of the path
    assert 'href="https://example.org/x"' in body
    assert "passwd" not in body


def test_a_link_up_a_folder_resolves_from_the_entrys_folder(hostile: ZimPack) -> None:
    assert 'href="article:hostile.html"' in _page(hostile, "sub/deep.html")


def test_the_archives_title_heading_is_not_repeated(hostile: ZimPack) -> None:
    article = hostile.get("hostile.html")
    assert article is not None
    page = Renderer(hostile).article_page(article)
    assert page.count("Hostile page") == 1
    assert '<h1 class="title">Hostile page</h1>' in page


def test_body_of_takes_the_body_or_drops_the_head() -> None:
    assert body_of("<html><head><title>x</title></head><body class=a><p>y</p></body>") == "<p>y</p>"
    assert body_of("<head><title>x</title></head><p>y</p>") == "<p>y</p>"


@pytest.mark.parametrize(
    ("raw", "kind", "value", "fragment"),
    [
        ("Ray_(film)", Kind.ARTICLE, "A/Ray_(film)", ""),
        ("./Ray_(film)#Plot", Kind.ARTICLE, "A/Ray_(film)", "Plot"),
        ("Ray_%28film%29", Kind.ARTICLE, "A/Ray_(film)", ""),
        ("../A/Ray_(film)", Kind.ARTICLE, "A/Ray_(film)", ""),
        ("../Ray_(film)", Kind.ARTICLE, "A/Ray_(film)", ""),  # written for the new layout
        ("../favicon.png", Kind.BROKEN, "no entry '../favicon.png' in this archive", ""),
        ("Charles,_Ray", Kind.ARTICLE, "A/Ray_Charles", ""),  # a redirect
        ("../-/favicon", Kind.FILE, "-/favicon", ""),
        ("No_such_page", Kind.BROKEN, "no entry 'No_such_page' in this archive", ""),
        ("../../outside", Kind.REFUSED, "the path leads outside the content pack", ""),
        ("#Early_life", Kind.ANCHOR, "", "Early_life"),
        ("https://en.wikipedia.org/wiki/X", Kind.EXTERNAL, "https://en.wikipedia.org/wiki/X", ""),
    ],
)
def test_old_layout_links(raw: str, kind: Kind, value: str, fragment: str) -> None:
    pack = open_zim(WIKIPEDIA)
    article = pack.get("A/Ray_Charles")
    assert article is not None
    assert tuple(resolve(pack, article, raw)) == (kind, value, fragment)


def test_new_layout_links_and_old_style_namespaces() -> None:
    pack = open_zim(WIKIBOOKS)
    article = pack.get("Wikibooks.html")
    assert article is not None
    assert resolve(pack, article, "Wikibooks.html").value == "Wikibooks.html"
    # A link written for the old layout still finds the entry.
    assert tuple(resolve(pack, article, "A/Wikibooks.html")) == (
        Kind.ARTICLE,
        "Wikibooks.html",
        "",
    )


def test_a_path_with_a_hash_is_encoded_in_the_page() -> None:
    pack = open_zim(CORNER_CASES)
    page = Renderer(pack).article_page(pack.articles[1])  # "empty.html": Previous is "C#"
    assert re.search(r'href="article:c%23\.html"', page)


def test_a_real_wikipedia_page_keeps_its_text_and_loses_its_scripts() -> None:
    pack = open_zim(WIKIPEDIA)
    article = pack.get("A/Ray_Charles")
    assert article is not None
    body = Renderer(pack).render_body(article).html
    assert "losing his vision at the age of 6 due to glaucoma" in body
    assert "<script" not in body and ".js" not in body and ".css" not in body
    assert 'href="article:A/The_Raelettes"' in body


def test_unreadable_image_path_is_dropped_not_loaded(tmp_path: Path) -> None:
    path = write_zim(tmp_path / "x.zim", {"a": ("A", '<img src="nothing.png" alt="gone">')})
    pack = open_zim(path)
    assert '<span class="missing-image">[gone]</span>' in _page(pack, "a")


@pytest.fixture(scope="module")
def deep(tmp_path_factory: pytest.TempPathFactory) -> ZimPack:
    folder = tmp_path_factory.mktemp("deep")
    pages = {
        "tables": ("Tables", "<table><tr><td>" * 40 + "core" + "</td></tr></table>" * 40),
        "divs": ("Divs", "<div>" * 3000 + "core" + "</div>" * 3000),
        "mixed": (
            "Mixed",
            "<table><tr><td><ul><li>" * 30 + "core" + "</li></ul></td></tr></table>" * 30,
        ),
    }
    return open_zim(write_zim(folder / "deep.zim", pages, index=False))


@pytest.mark.parametrize("slug", ["tables", "divs", "mixed"])
def test_deep_nesting_is_flattened_and_the_text_kept(deep: ZimPack, slug: str) -> None:
    body = _page(deep, slug)
    assert "core" in body
    assert body.count("<table") == body.count("</table>") <= zimpage.MAX_TABLE_DEPTH
    assert body.count("<div") == body.count("</div>") <= zimpage.MAX_DEPTH
    assert body.count("<ul") <= zimpage.MAX_DEPTH


def test_a_very_long_word_gets_places_to_break(tmp_path: Path) -> None:
    word = "x" * 250_000  # Qt takes seconds to lay out such a line with no place to break
    pack = open_zim(write_zim(tmp_path / "w.zim", {"w": ("W", f"<p>{word} &amp; more</p>")}))
    body = _page(pack, "w")
    assert body.replace("\u200b", "").count(word) == 1  # the text is all there
    pieces = body.split("\u200b")
    assert len(pieces) == 251 and max(map(len, pieces)) <= zimpage.LONGEST_WORD + 20
    assert "&amp; more" in body


def test_defusing_leaves_ordinary_pages_alone() -> None:
    html = '<table><tr><td><table><tr><td title="a&gt;b">x</td></tr></table></td></tr></table>'
    assert zimpage.defuse(html) == html
