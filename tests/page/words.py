"""The words a reader sees in an HTML page, for tests that no text is lost."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reader.page.sanitize import DROPPED_WITH_CONTENT

WORD = re.compile(r"[^\W_]+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # inside an element whose content is never shown
        self.numbers: list[int] = []  # the next item number of each open list (-1: bullets)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.hidden += 1
        self.parts.append(" ")
        if tag in {"ol", "ul"}:
            start = dict(attrs).get("start") or "1"
            self.numbers.append(int(start) if tag == "ol" and start.isdigit() else -1)
        elif tag == "li" and self.numbers and self.numbers[-1] >= 0:
            self.parts.append(f"{self.numbers[-1]}. ")  # a browser shows the item's number
            self.numbers[-1] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_WITH_CONTENT and self.hidden:
            self.hidden -= 1
        if tag in {"ol", "ul"} and self.numbers:
            self.numbers.pop()
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """Return the text of ``html`` a browser would show (no comments, scripts or styles)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def words(text: str) -> set[str]:
    """Return the words (runs of letters and digits) of ``text``, case-folded."""
    return {w.casefold() for w in WORD.findall(text)}


def lost_words(expected_html: str, shown_html: str) -> set[str]:
    """Return the words visible in ``expected_html`` that ``shown_html`` does not show."""
    return words(visible_text(expected_html)) - words(visible_text(shown_html))
