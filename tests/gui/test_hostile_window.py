"""The window shows huge or pathological articles and stays usable (timing: benchmarks/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PackBuilder, article
from tests.gui.conftest import WindowFactory

PARAGRAPH = "Wash *hands* often, see [the nurse](b.md) and drink `water`.\n\n"
ARTICLES = {
    "three-megabytes": PARAGRAPH * (3_000_000 // len(PARAGRAPH)),
    "brackets": "[" * 2_000_000,  # one 2 MB line: the plain-text fallback must break it up
    "unclosed-tags": "<a " * 700_000,
}


@pytest.mark.parametrize("slug", ARTICLES)
def test_huge_article_opens_and_the_window_goes_on(
    make_window: WindowFactory, make_pack: PackBuilder, slug: str
) -> None:
    root: Path = make_pack({f"{slug}.md": article(slug, ARTICLES[slug]), "b.md": article("B")})
    window = make_window(root)
    window.show_home()
    assert window.open_article(slug)
    window.view.viewport().repaint()
    text = window.view.toPlainText()
    assert text.startswith(slug)
    assert "only the first part is shown" in text or "could not be displayed" in text
    window.open_article("b")  # and the window goes on working
    assert window.current == "b"
