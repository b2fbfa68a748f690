"""Clean an article's HTML with an allow-list, and send every raw link through the resolver.

Markdown lets authors write raw HTML, which Python-Markdown passes through untouched and
which never meets :class:`reader.page.mdext.PackLinksProcessor`. The :class:`Sanitizer` cleans
the finished body HTML, after conversion, with `nh3 <https://nh3.readthedocs.io>`_ (ammonia, a
maintained HTML sanitizer) to keep only the tags and attributes articles need. Every
``a/@href`` and ``img/@src`` goes through :func:`safe_url`, which accepts our own internal
URLs only when they point at something real in the pack and resolves anything else with
:func:`reader.page.links.resolve`; what does not resolve is dropped, and a link left without
an address is shown as plain text. Before nh3 sees the HTML, text that only looks like a tag
(``<your name>``) is escaped (:mod:`reader.page.rawhtml`), so it is shown, not deleted.
This module never imports Qt.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from urllib.parse import unquote

import nh3

from reader.library.pack import Article, Pack
from reader.page.links import (
    ARTICLE_SCHEME,
    CATEGORY_SCHEME,
    HOME_URL,
    PACK_SCHEME,
    Kind,
    Target,
    confined_file,
    resolve,
)
from reader.page.rawhtml import escape_text_tags

logger = logging.getLogger(__name__)

UrlFilter = Callable[[str, bool], str | None]

#: Tags an article may contain; everything else is removed (its text kept).
ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
        "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr",
    }
)  # fmt: skip
#: Tags removed together with everything inside them.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "iframe", "object", "embed", "applet", "template", "noscript",
        "textarea", "select", "svg", "math", "frame", "frameset", "noembed", "noframes",
    }
)  # fmt: skip
_TABLE_CELL = {"width", "colspan", "rowspan", "valign", "style", "nowrap"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "align", "dir", "lang"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "table": {"width", "cellpadding", "cellspacing", "border", "summary"},
    "td": _TABLE_CELL,
    "th": _TABLE_CELL | {"scope"},
    "col": {"width", "span"},
    "colgroup": {"width", "span"},
    "ol": {"start", "type"},
    "li": {"value"},
    "details": {"open"},
}
#: Schemes nh3 lets through to :func:`safe_url` (relative URLs always reach it).
URL_SCHEMES = frozenset(
    {"http", "https", "mailto", "tel", ARTICLE_SCHEME, PACK_SCHEME, CATEGORY_SCHEME, "home"}
)
_IMG_WITHOUT_SRC = re.compile(r"<img\b(?![^>]*\ssrc=)([^>]*)>")
_ALT = re.compile(r'\salt="([^"]*)"')
_LINK_TAG = re.compile(r"<a(\s[^>]*)?>|</a>")
_HREF_OR_NAME = re.compile(r"\s(?:href|name)=")


def resolve_safely(pack: Pack, article: Article, raw: str) -> Target:
    """Like :func:`~reader.page.links.resolve`, but refuse an unusable path instead of raising."""
    try:
        return resolve(pack, article, raw)
    except (OSError, ValueError) as exc:
        return Target(Kind.REFUSED, f"the path cannot be used ({exc.__class__.__name__})")


def safe_url(pack: Pack, article: Article, value: str, image: bool) -> str | None:
    """Return the URL to keep for a link (or image) target in ``article``, or None to drop it."""
    value = value.strip()
    if not value:
        return None
    scheme, colon, rest = value.partition(":")
    scheme = scheme.lower() if colon else ""
    if scheme == ARTICLE_SCHEME:
        slug = rest.split("#", 1)[0]
        return value if not image and pack.get(unquote(slug)) is not None else None
    if scheme == PACK_SCHEME:
        return value if confined_file(pack.root, unquote(rest)) is not None else None
    if scheme == CATEGORY_SCHEME or value == HOME_URL:
        return None if image else value
    target = resolve_safely(pack, article, value)
    if image:
        return target.href() if target.kind is Kind.FILE else None
    if target.kind in (Kind.ARTICLE, Kind.ANCHOR, Kind.FILE, Kind.EXTERNAL):
        return target.href() or None
    return None


class Sanitizer:
    """One configured nh3 cleaner; ``url_filter`` decides every link and image address.

    Without a ``url_filter`` every link and image address is dropped.
    """

    def __init__(self, url_filter: UrlFilter | None = None) -> None:
        self.url_filter = url_filter
        self._cleaner = nh3.Cleaner(
            tags=set(ALLOWED_TAGS),
            clean_content_tags=set(DROPPED_WITH_CONTENT),
            attributes=ALLOWED_ATTRIBUTES,
            attribute_filter=self._attribute,
            strip_comments=True,
            link_rel=None,
            url_schemes=set(URL_SCHEMES),
            filter_style_properties={"text-align"},
        )

    def _attribute(self, tag: str, name: str, value: str) -> str | None:
        if (tag, name) == ("a", "href"):
            return self.url_filter(value, False) if self.url_filter else None
        if (tag, name) == ("img", "src"):
            return self.url_filter(value, True) if self.url_filter else None
        return value

    def clean(self, body: str, missing_image: str = "image") -> str:
        """Return ``body`` with only allowed tags and attributes, and only resolvable URLs."""
        cleaned = _dead_links_as_text(self._cleaner.clean(escape_text_tags(body)))

        def missing(match: re.Match[str]) -> str:
            alt = _ALT.search(match.group(1))
            text = html.unescape(alt.group(1)) if alt and alt.group(1) else missing_image
            return f'<span class="missing-image">[{html.escape(text)}]</span>'

        return _IMG_WITHOUT_SRC.sub(missing, cleaned)


def _dead_links_as_text(html_text: str) -> str:
    """Turn ``<a>`` elements left with no address (and no anchor name) into grey text.

    A raw HTML link whose address was refused would otherwise still look like a link.
    """
    if "<a" not in html_text:
        return html_text
    dead = False  # inside an <a> made a span (nh3's output never nests links)

    def replace(match: re.Match[str]) -> str:
        nonlocal dead
        if match.group(0) == "</a>":
            closing = "</span>" if dead else "</a>"
            dead = False
            return closing
        if _HREF_OR_NAME.search(match.group(1) or ""):
            dead = False
            return match.group(0)
        dead = True
        return '<span class="broken-link" title="the link address cannot be used">'

    return _LINK_TAG.sub(replace, html_text)
