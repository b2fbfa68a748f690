"""Template tags of static-site generators in article text (no Qt).

Site sources carry Liquid and Hugo tags (``{% include note.html %}``, ``{{ site.baseurl }}``)
that the site's generator replaces. The reader has no generator: it removes them, from text
and from link addresses, so readers never see them; ``check`` reports them once per file.
Tags inside code (fenced blocks, code spans) are left alone: there they are examples.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.library.fences import outside_code

#: ``{% … %}``, ``{{ … }}`` (Liquid, Hugo, Jinja) on one line.
TEMPLATE_TAG = re.compile(r"\{%.{0,2000}?%\}|\{\{.{0,2000}?\}\}")
_CODE_SPAN = re.compile(r"`[^`\n]*`")


class TemplateTags(NamedTuple):
    """The template tags of a text: how many, and the line (1-based) of the first."""

    times: int
    first_line: int


def strip_template_tags(text: str) -> str:
    """Return ``text`` without template tags (code blocks and code spans keep theirs)."""
    if "{%" not in text and "{{" not in text:
        return text
    out = [_strip_line(line) if plain else line for line, plain in outside_code(text.split("\n"))]
    return "\n".join(out)


def _strip_line(line: str) -> str:
    if "{%" not in line and "{{" not in line:
        return line
    parts: list[str] = []
    done = 0
    for span in _CODE_SPAN.finditer(line):
        parts.append(TEMPLATE_TAG.sub("", line[done : span.start()]))
        parts.append(span.group(0))
        done = span.end()
    parts.append(TEMPLATE_TAG.sub("", line[done:]))
    return "".join(parts)


def find_template_tags(text: str) -> TemplateTags | None:
    """Return how many template tags ``text`` has outside code and where the first is."""
    if "{%" not in text and "{{" not in text:
        return None
    stripped = strip_template_tags(text)
    if stripped == text:
        return None
    first = next(
        (
            i
            for i, (old, new) in enumerate(
                zip(text.split("\n"), stripped.split("\n"), strict=False), start=1
            )
            if old != new
        ),
        1,
    )
    count = sum(1 for _ in TEMPLATE_TAG.finditer(text)) - sum(
        1 for _ in TEMPLATE_TAG.finditer(stripped)
    )
    return TemplateTags(max(count, 1), first)
