"""Tell HTML tags from text in angle brackets, so no text is ever taken for a tag.

Markdown passes anything that looks like a tag (``<your name>``, ``<VA Form 10-10EZ>``,
``a<b and c>d``) through as raw HTML, and a sanitizer then deletes it as an unknown tag, or
worse, reads ``<b and c>`` as bold with two odd attributes. Authors mean text. Here a tag is
HTML only if its name is an HTML element, its attributes are well formed, and any attribute
without a value is one HTML defines without one; a comment only if it is closed. Everything
else gets its ``<`` escaped and is shown as typed. The sanitizer (on the finished HTML) and
``check`` (on the Markdown, to report it) use the same test. This module never imports Qt.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

#: Every element of HTML (living standard) plus the obsolete ones old sites still use.
HTML_ELEMENTS = frozenset(
    {
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b",
        "base", "basefont", "bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data",
        "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em",
        "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset",
        "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe",
        "image", "img", "input", "ins", "isindex", "kbd", "keygen", "label", "legend", "li", "link",
        "listing", "main", "map", "mark", "marquee", "math", "menu", "menuitem", "meta", "meter",
        "multicol", "nav", "nextid", "nobr", "noembed", "noframes", "noscript", "object", "ol",
        "optgroup", "option", "output", "p", "param", "picture", "plaintext", "pre", "progress",
        "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "script", "search", "section", "select",
        "slot", "small", "source", "spacer", "span", "strike", "strong", "style", "sub", "summary",
        "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
        "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp"
    }
)  # fmt: skip
#: Attributes HTML allows without a value (``<details open>``, ``<td nowrap>``).
VALUELESS_ATTRIBUTES = frozenset(
    {
        "allowfullscreen", "async", "autofocus", "autoplay", "checked", "compact", "controls",
        "declare", "default", "defer", "disabled", "download", "formnovalidate", "hidden", "inert",
        "ismap", "itemscope", "loop", "markdown", "multiple", "muted", "nohref", "noresize",
        "noshade", "novalidate", "nowrap", "open", "playsinline", "readonly", "required",
        "reversed", "scoped", "seamless", "selected", "truespeed"
    }
)  # fmt: skip

_ATTRIBUTE = re.compile(
    r"""\s+([A-Za-z_:][A-Za-z0-9_.:-]*)(\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
)
_OPEN_TAG = re.compile(
    r"""<([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*"""
    r"""(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*)\s*/?>"""
)
_CLOSE_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: What could start a tag: ``<`` before a letter, ``/``, ``!`` or ``?``.
_OPENER = re.compile(r"<(?=[A-Za-z/!?])")


def html_tag_at(text: str, start: int) -> int:
    """Return the end of the HTML tag or comment starting at ``text[start]`` (a ``<``), or -1
    if what starts there is text that only looks like one."""
    if text.startswith("<!--", start):
        comment = _COMMENT.match(text, start)
        return comment.end() if comment else -1
    limit = start + MAX_TAG_CHARS
    close = _CLOSE_TAG.match(text, start, limit)
    if close:
        return close.end() if close.group(1).lower() in HTML_ELEMENTS else -1
    tag = _OPEN_TAG.match(text, start, limit)
    if tag is None or tag.group(1).lower() not in HTML_ELEMENTS:
        return -1
    for attribute in _ATTRIBUTE.finditer(tag.group(2)):
        name = attribute.group(1).lower()
        if attribute.group(2) is None and name not in VALUELESS_ATTRIBUTES:
            return -1
    return tag.end()


class _Scanner:
    """:func:`html_tag_at` over one text, front to back, in linear time on text full of
    ``<a a a`` (it remembers where the next ``>`` is)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.next_gt = -2  # not looked for yet; -1: there is none

    def tag_end(self, start: int) -> int:
        text = self.text
        if self.next_gt != -1 and self.next_gt < start:
            self.next_gt = text.find(">", start)
        if self.next_gt < 0:
            return -1
        following = text.find("<", start + 1, self.next_gt)
        if following >= 0 and '"' not in text[start:following] and "'" not in text[start:following]:
            return -1  # another '<' before the '>', with no quoted value around it
        return html_tag_at(text, start)


def escape_text_tags(html: str) -> str:
    """Return ``html`` with the ``<`` of everything that is not an HTML tag escaped."""
    if "<" not in html:
        return html
    parts: list[str] = []
    done = 0
    scanner = _Scanner(html)
    position = html.find("<")
    while position >= 0:
        end = scanner.tag_end(position)
        if end < 0:
            parts.append(html[done:position])
            parts.append("&lt;")
            done = position + 1
            position = html.find("<", done)
        else:
            position = html.find("<", end)
    parts.append(html[done:])
    return "".join(parts)


class TextTag(NamedTuple):
    """Angle brackets in Markdown that are shown as text: where, and what they hold."""

    offset: int
    text: str


#: Autolinks Markdown turns into links: ``<https://…>``, ``<tel:…>``, ``<name@host>``.
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*$", re.MULTILINE)
_BACKTICKS = re.compile(r"`+")
#: A tag longer than this is taken for text: it bounds the work on text full of ``<a b="``.
MAX_TAG_CHARS = 2_048


def text_tags(markdown: str) -> Iterator[TextTag]:
    """Yield every ``<…>`` in ``markdown`` that will be shown as text, not read as a tag.

    Code (fenced blocks and code spans) and autolinks are not reported.
    """
    text = _blank(markdown, _code_blocks(markdown))
    text = _blank(text, _code_spans(text))
    scanner = _Scanner(text)
    for opener in _OPENER.finditer(text):
        start = opener.start()
        if _AUTOLINK.match(text, start) or scanner.tag_end(start) >= 0:
            continue
        close = text.find(">", start, start + 80)
        newline = text.find("\n", start, start + 80)
        if 0 <= newline < close or close < 0:
            end = newline if newline >= 0 else min(len(text), start + 40)
        else:
            end = close + 1
        yield TextTag(start, markdown[start:end].strip())


def _code_blocks(text: str) -> Iterator[tuple[int, int]]:
    fence: str | None = None
    begin = 0
    for match in _CODE_FENCE.finditer(text):
        marker = match.group(1)
        if fence is None:
            fence, begin = marker, match.start()
        elif marker[0] == fence[0] and len(marker) >= len(fence):
            yield begin, match.end()
            fence = None
    if fence is not None:
        yield begin, len(text)


def _code_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield the spans of code in backticks, in linear time (a regex is quadratic on text
    full of unmatched backticks)."""
    runs = [m.span() for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for i, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(i)
    i = 0
    while i < len(runs):
        start, end = runs[i]
        same = by_length[end - start]
        k = bisect.bisect_right(same, i)
        if k < len(same):
            closing = same[k]
            yield start, runs[closing][1]
            i = closing + 1
        else:
            i += 1


def _blank(text: str, spans: Iterator[tuple[int, int]]) -> str:
    """Return ``text`` with each span replaced by spaces (newlines kept, so offsets hold)."""
    found = list(spans)
    if not found:
        return text
    chars = list(text)
    for start, end in found:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
