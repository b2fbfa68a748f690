"""Readability is measured: the Flesch–Kincaid grade of every bundled article (textstat)."""

from __future__ import annotations

import pytest

from reader.library.loading import load_pack
from reader.library.pack import Pack
from reader.library.readability import (
    BODY_MAX_GRADE,
    SUMMARY_MAX_GRADE,
    article_grades,
    grade,
    plain_text,
)
from reader.paths import bundled_dir


@pytest.fixture(scope="module")
def bundled() -> Pack:
    return load_pack(bundled_dir("content"))


def test_every_bundled_body_is_grade_8_or_below(bundled: Pack) -> None:
    # Flesch–Kincaid counts English syllables and words: the grade does not apply to Chinese.
    english = [a for a in bundled.articles if (a.language or "en").split("-")[0].lower() == "en"]
    grades = {a.slug: article_grades(a).body for a in english}
    assert {slug: g for slug, g in grades.items() if g > BODY_MAX_GRADE} == {}
    assert len(grades) == len(english) >= 20


def test_every_bundled_summary_is_grade_10_or_below(bundled: Pack) -> None:
    grades = {a.slug: article_grades(a).summary for a in bundled.articles}
    assert None not in grades.values()
    assert {s: g for s, g in grades.items() if g is not None and g > SUMMARY_MAX_GRADE} == {}


def test_the_grade_tells_hard_text_from_plain_text() -> None:
    """The measure itself can fail: a dense sentence scores far above the limit."""
    plain = "Drink water. Rest at home. See a doctor if you feel worse."
    dense = (
        "Pharmacological interventions targeting gastro-oesophageal reflux symptomatology "
        "necessitate individualised consideration of comorbidities, concomitant medications "
        "and contraindications, particularly in elderly populations with cardiovascular disease."
    )
    assert grade(plain) < 4 < BODY_MAX_GRADE < grade(dense)


def test_plain_text_drops_markup_but_keeps_words() -> None:
    body = (
        "## Easing the pain {#pain}\n\n"
        "!!! emergency\n"
        "    Call now if you **cannot breathe**[^nhs].\n\n"
        "| What | How |\n|---|---|\n| Drinks | Sip [water](https://x.org) often |\n\n"
        "- first item\n- second item\n\n"
        "[^note]: A footnote.\n"
    )
    text = plain_text(body)
    for gone in ("#", "!!!", "emergency", "**", "[^", "|", "https", "{", "---", "footnote"):
        assert gone not in text, gone
    assert "Easing the pain." in text
    assert "Call now if you cannot breathe." in text
    assert "Drinks. Sip water often." in text
    assert "first item." in text and "second item." in text


def test_textstat_counts_syllables_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """textstat 0.7.3 uses pyphen's bundled dictionaries; no socket is ever opened."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("textstat tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert grade("Cardiovascular disease is common. It can often be prevented.") > 5
