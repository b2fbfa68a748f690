"""Golden pages: the rendered HTML of every bundled article, compared line by line.

A change to rendering or to an article shows here as a readable diff. When the change is
intended, write the new golden files and review them with git diff:

    UPDATE_GOLDEN=1 python -m pytest tests/page/test_golden.py
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re

import pytest

from reader.find.recommend import TagRecommender
from reader.library.languages import language_view
from reader.library.loading import load_pack
from reader.page.render import Renderer
from reader.paths import bundled_dir
from tests.locations import TESTS

GOLDEN = TESTS / "page" / "golden"
#: Rendering depends on the date only through review notices; pin it.
TODAY = dt.date(2026, 12, 1)
PACK = load_pack(bundled_dir("content"))
SLUGS = [a.slug for a in PACK.articles]


def page(slug: str) -> str:
    article = PACK.get(slug)
    assert article is not None
    # As a reader of the article's language sees it: its neighbours and recommendations are
    # articles in the same language (the window shows one language at a time).
    view = language_view(PACK, article.language)
    article = view.get(slug)
    assert article is not None
    html = Renderer(view, today=TODAY).article_page(article, TagRecommender(view).recommend(slug))
    # One tag per line, so a diff points at the paragraph that changed.
    return re.sub(r"(</(?:p|h\d|li|tr|table|ul|ol|div|blockquote|figure)>)", r"\1\n", html)


@pytest.mark.parametrize("slug", SLUGS)
def test_bundled_article_matches_its_golden_page(slug: str) -> None:
    path = GOLDEN / f"{slug}.html"
    got = page(slug)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
    want = path.read_text(encoding="utf-8") if path.exists() else ""
    if got != want:
        diff = "".join(
            difflib.unified_diff(
                want.splitlines(keepends=True),
                got.splitlines(keepends=True),
                f"golden/{slug}.html",
                "rendered now",
            )
        )
        pytest.fail(
            f"{slug} renders differently from its golden page (if intended: "
            f"UPDATE_GOLDEN=1 python -m pytest tests/page/test_golden.py):\n{diff[:6000]}"
        )


def test_every_golden_page_belongs_to_an_article() -> None:
    stale = sorted(p.stem for p in GOLDEN.glob("*.html") if p.stem not in SLUGS)
    assert stale == [], "golden pages for articles that no longer exist"
