"""How hard an article is to read: the Flesch–Kincaid grade of its text and of its summary.

The grade is counted by textstat, an optional dependency (``pip install
'offline-reader[readability]'``), pinned to 0.7.3: it counts syllables with pyphen, offline;
later releases load NLTK's CMU dictionary at run time, which is fetched from the internet.
This module never imports Qt.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.library.pack import Article

#: The highest grade the bundled articles may have (tests/library/test_readability.py).
BODY_MAX_GRADE = 8.0
SUMMARY_MAX_GRADE = 10.0
INSTALL_HINT = "pip install 'offline-reader[readability]'  (textstat 0.7.3)"

_FENCED = re.compile(r"^\s{0,3}(`{3,}|~{3,}).*?^\s{0,3}\1\s*$", re.MULTILINE | re.DOTALL)
_CALLOUT = re.compile(r"^\s{0,3}!!!.*$", re.MULTILINE)
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^[^\]]+\]:.*$", re.MULTILINE)
_REFERENCE = re.compile(r"\[\^[^\]\s]+\]")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_ATTRS = re.compile(r"\s*\{[#.:][^}]*\}")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|[\s:|-]*$", re.MULTILINE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$", re.MULTILINE)
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)
_EMPHASIS = re.compile(r"[*_`]+")
_HTML = re.compile(r"<[^<>]+>")


def plain_text(body: str) -> str:
    """Return the words of a Markdown body: no call-out lines, links as their text,
    no references, table pipes, heading marks, list marks or emphasis.

    A heading, a table cell and a list item each end a sentence, as a reader hears them.
    """
    text = _FENCED.sub("", body)
    text = _CALLOUT.sub("", text)
    text = _FOOTNOTE_DEF.sub("", text)
    text = _REFERENCE.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _ATTRS.sub("", text)
    text = _TABLE_RULE.sub("", text)
    text = _HEADING.sub("\n\n\\1\n\n", text)
    text = _LIST_MARK.sub("\n\n", text)
    text = _HTML.sub("", text)
    text = _EMPHASIS.sub("", text)
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        if "|" in line:  # a table row: each cell a sentence
            cells = [c.strip() for c in line.strip("|").split("|") if c.strip()]
            line = " ".join(_sentence(c) for c in cells)
        lines.append(line)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", "\n".join(lines))]
    return "\n\n".join(_sentence(p) for p in paragraphs if p)


def _sentence(text: str) -> str:
    """End ``text`` with a full stop unless it ends with punctuation already."""
    return text if text[-1:] in ".!?:;" else f"{text}."


class Grades(NamedTuple):
    """Flesch–Kincaid grades of an article's body and summary (None without a summary)."""

    body: float
    summary: float | None


def grade(text: str) -> float:
    """Return the Flesch–Kincaid grade of plain ``text``; ImportError without textstat."""
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


def article_grades(article: Article) -> Grades:
    """Return the grades of ``article``'s body (markup removed) and summary."""
    return Grades(
        grade(plain_text(article.body)), grade(article.summary) if article.summary else None
    )
