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

__all__ = ["body_of", "render_html_body"]

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
    cleaned = sanitizer.clean(body_of(article.body), missing_image)
    first = _FIRST_H1.search(cleaned, 0, TITLE_WITHIN)
    if first and _words(first.group(1)) == _words(article.title):
        cleaned = cleaned[: first.start()] + cleaned[first.end() :]
    return cleaned


def _words(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", text))).strip().casefold()
