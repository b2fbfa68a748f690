"""The Markdown extensions of reader/page/mdext.py that are not about links or call-outs."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.inlinepatterns import SimpleTagInlineProcessor
from markdown.util import AtomicString

from reader.page.mdext import PlainTextExtension


def test_plain_text_is_left_to_no_inline_pattern_and_markup_still_is_read() -> None:
    md = Markdown(extensions=[PlainTextExtension()])
    seen: list[str] = []
    original = md.treeprocessors["inline"].run

    def inline(root: ET.Element) -> ET.Element | None:
        seen.extend(
            str(e.text) for e in root.iter() if e.text and not isinstance(e.text, AtomicString)
        )
        return original(root)

    md.treeprocessors["inline"].run = inline  # type: ignore[method-assign]
    html = md.convert("Just words here.\n\nSome *stress* and a [link](b.md) & more.")
    assert html == (
        '<p>Just words here.</p>\n<p>Some <em>stress</em> and a <a href="b.md">link</a> '
        "&amp; more.</p>"
    )
    assert seen == ["Some *stress* and a [link](b.md) & more."]  # the plain one was skipped


def test_an_unknown_inline_pattern_still_sees_plain_text() -> None:
    md = Markdown(extensions=[PlainTextExtension()])
    md.inlinePatterns.register(SimpleTagInlineProcessor(r"()%%(.+?)%%", "mark"), "mark", 5)
    assert md.convert("A %%marked%% word") == "<p>A <mark>marked</mark> word</p>"


def test_a_line_break_and_the_stash_count_as_markup() -> None:
    md = Markdown(extensions=[PlainTextExtension()])
    assert md.convert("one  \ntwo") == "<p>one<br />\ntwo</p>"
    assert md.convert("a <b>bold</b> word") == "<p>a <b>bold</b> word</p>"
