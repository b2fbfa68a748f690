"""Turn an HTML body (an entry of a ZIM archive) into the reader's safe article HTML.

The page is not converted from Markdown: its ``<body>`` is cleaned with the same nh3
allow-list as raw HTML in articles (:class:`reader.page.sanitize.Sanitizer`: scripts, styles,
event handlers, forms, video and remote images go), and every link and image address goes
through the one resolver (:func:`reader.page.sanitize.safe_url`, which asks the archive through
:meth:`reader.library.pack.Pack.find_entry`). The archive's own heading that repeats the title
is dropped: the reader's page header shows it. This module never imports Qt.
"""

from __future__ import annotations

import html
import re

from reader.library.pack import Article, Pack
from reader.page.sanitize import Sanitizer, safe_url

__all__ = ["body_of", "defuse", "render_html_body"]

#: Qt lays out nested tables in time exponential in their depth (15 levels: 0.6 s, 20: 22 s), so
#: tables deeper than this lose their table tags (their text stays); real pages nest 3 or 4.
MAX_TABLE_DEPTH = 6
#: Elements nested deeper than this lose their tags (their text stays): 5,000 nested blocks take
#: Qt seconds to lay out.
MAX_DEPTH = 48
#: Qt lays out a line without a break opportunity in quadratic time (300,000 characters: 8 s).
LONGEST_WORD = 1_000
_LONG_WORD = re.compile(f"[^\\s<&]{{{LONGEST_WORD}}}")
_TABLE_PARTS = frozenset(
    {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col"}
)
_VOID = frozenset({"br", "img", "hr", "wbr", "col"})
#: A tag of the sanitizer's output: attribute values are double-quoted and may contain '>'.
_ANY_TAG = re.compile(r'<(/?)([A-Za-z][A-Za-z0-9]*)(?:"[^"]*"|[^">])*>')

_BODY = re.compile(r"<body\b[^>]*>(.*?)(?:</body\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_HEAD = re.compile(r"<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)
_FIRST_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
#: A first heading this far into the page is not the page's title.
TITLE_WITHIN = 4_000
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def body_of(page: str) -> str:
    """Return the inside of ``page``'s ``<body>`` (without one: the page minus its head)."""
    match = _BODY.search(page)
    return match.group(1) if match else _HEAD.sub("", page)


def render_html_body(pack: Pack, article: Article, missing_image: str = "image") -> str:
    """Return the sanitised body HTML of ``article``, links resolved in ``pack``."""
    sanitizer = Sanitizer(lambda raw, image: safe_url(pack, article, raw, image))
    cleaned = defuse(sanitizer.clean(body_of(article.body), missing_image))
    first = _FIRST_H1.search(cleaned, 0, TITLE_WITHIN)
    if first and _words(first.group(1)) == _words(article.title):
        cleaned = cleaned[: first.start()] + cleaned[first.end() :]
    return cleaned


def defuse(html: str) -> str:
    """Return ``html`` (the sanitizer's balanced output) quick for Qt to lay out.

    Tables nested deeper than :data:`MAX_TABLE_DEPTH` and elements nested deeper than
    :data:`MAX_DEPTH` lose their tags (not their text); a run of more than :data:`LONGEST_WORD`
    characters without a space gets a zero-width space, where a line may break.
    """
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: name, whether its tags are kept
    tables = 0
    pos = 0
    for match in _ANY_TAG.finditer(html):
        text = html[pos : match.start()]
        out.append(_LONG_WORD.sub(_break, text) if len(text) > LONGEST_WORD else text)
        pos = match.end()
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID:
            if not (name == "col" and tables > MAX_TABLE_DEPTH):
                out.append(match.group(0))
            continue
        if not closing:
            tables += name == "table"
            keep = len(stack) < MAX_DEPTH and not (
                name in _TABLE_PARTS and tables > MAX_TABLE_DEPTH
            )
            stack.append((name, keep))
            out.append(match.group(0) if keep else " ")
            continue
        while stack:  # the sanitizer's output is balanced: this pops one element
            opened, kept = stack.pop()
            tables -= opened == "table"
            out.append(f"</{opened}>" if kept else " ")
            if opened == name:
                break
    text = html[pos:]
    out.append(_LONG_WORD.sub(_break, text) if len(text) > LONGEST_WORD else text)
    return "".join(out)


def _break(match: re.Match[str]) -> str:
    return match.group(0) + "\u200b"


def _words(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", text))).strip().casefold()
