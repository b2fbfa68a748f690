"""Urgency call-outs with one wording, numbered sources, the review line and the page notice."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from reader.library.loading import load_pack
from reader.library.pack import Pack
from reader.page.render import PageText, Renderer
from tests.conftest import PACK_TOML, PackBuilder, article

BOXES = """\
Intro.

!!! emergency
    Chest pain that spreads to the arm.

!!! urgent "Ignored title"
    Pain that keeps coming back.

!!! routine
    Pain after a week.

!!! warning "When to see a doctor"
    An ordinary call-out keeps its title.
"""

CITED = """\
---
title: Cited
updated: 2026-12-01
sources:
  - id: nhs
    title: Chest pain
    publisher: NHS
    url: https://www.nhs.uk/conditions/chest-pain/
    accessed: 2026-11-30
  - id: aha
    title: Warning signs
    publisher: American Heart Association
    published: 2019
  - "A plain & old source"
---

Pain may spread to the arm.[^aha] Get help fast.[^nhs] A real footnote.[^1] Unknown.[^zzz]

[^1]: The footnote's text.
"""


def pack_of(make_pack: PackBuilder, files: dict[str, str | bytes], toml: str = "") -> Pack:
    return load_pack(make_pack(files, toml + PACK_TOML))


def page(pack: Pack, slug: str, text: PageText | None = None, **kwargs: object) -> str:
    a = pack.get(slug)
    assert a is not None
    return Renderer(pack, text, today=dt.date(2026, 12, 1)).article_page(a, **kwargs)  # type: ignore[arg-type]


def headings(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", h).strip()
        for h in re.findall(r'<p class="admonition-title">(.*?)</p>', html)
    ]


def test_urgency_boxes_get_the_fixed_headings_and_icons(make_pack: PackBuilder) -> None:
    html = page(pack_of(make_pack, {"a.md": article("A", BOXES)}), "a")
    assert headings(html) == [
        "☎ Emergency: call your local emergency number now",
        "◷ Urgent: get medical advice today",
        "⚕ See a doctor: make an appointment",
        "When to see a doctor",
    ]
    assert "Ignored title" not in html
    for kind in ("emergency", "urgent", "routine"):
        assert f'<table cellpadding="12" cellspacing="0" class="callout {kind}"' in html
        assert f'<td class="{kind}">' in html


def test_the_emergency_box_names_the_packs_number(make_pack: PackBuilder) -> None:
    pack = pack_of(make_pack, {"a.md": article("A", BOXES)}, 'emergency_number = "999"\n')
    html = page(pack, "a")
    assert "Emergency: call 999 now" in headings(html)[0]
    assert "General information, not medical advice. In an emergency call 999." in html


def test_headings_and_notice_come_from_the_page_text(make_pack: PackBuilder) -> None:
    text = PageText(
        emergency_heading="Notfall: {number} anrufen",
        urgent_heading="Dringend: heute",
        routine_heading="Termin machen",
        local_number="die örtliche Notrufnummer",
        notice="Allgemeine Informationen. Im Notfall {number} anrufen.",
    )
    html = page(pack_of(make_pack, {"a.md": article("A", BOXES)}), "a", text)
    assert headings(html)[:3] == [
        "☎ Notfall: die örtliche Notrufnummer anrufen",
        "◷ Dringend: heute",
        "⚕ Termin machen",
    ]
    assert "Im Notfall die örtliche Notrufnummer anrufen." in html
    assert "Emergency" not in html and "Urgent" not in html


def test_sources_are_numbered_and_references_link_to_them(make_pack: PackBuilder) -> None:
    html = page(pack_of(make_pack, {"cited.md": CITED}), "cited")
    assert 'arm.<sup class="source-ref"><a href="#source-2">[2]</a></sup>' in html
    assert 'fast.<sup class="source-ref"><a href="#source-1">[1]</a></sup>' in html
    assert "Unknown.[^zzz]" in html  # left as written (and reported by check)
    assert 'class="footnote-ref"' in html  # a real footnote still works
    sources = html.split('<ol class="sources">')[1].split("</ol>")[0]
    assert sources == (
        '<li><a name="source-1"></a>Chest pain. NHS. Accessed 30 November 2026. '
        '<a class="external" href="https://www.nhs.uk/conditions/chest-pain/">'
        "https://www.nhs.uk/conditions/chest-pain/</a></li>"
        '<li><a name="source-2"></a>Warning signs. American Heart Association. '
        "Published 2019.</li>"
        '<li><a name="source-3"></a>A plain &amp; old source.</li>'
    )


def test_a_long_article_links_its_sources_from_the_child_process(
    make_pack: PackBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Risky text is converted in a child process: references and headings survive it."""
    from reader.page import guard

    monkeypatch.setattr(guard, "INLINE_LIMIT", 10)  # every body goes to the child
    html = page(pack_of(make_pack, {"cited.md": CITED.replace("Unknown", BOXES)}), "cited")
    assert '<a href="#source-2">[2]</a>' in html
    assert "Emergency: call your local emergency number now" in html


def test_review_line(make_pack: PackBuilder) -> None:
    done = {"reviewed": "2023-12-01", "reviewed_by": "Dr Ada Lee, GP"}
    pack = pack_of(
        make_pack,
        {
            "new.md": article("New", updated="2026-11-30"),
            "bare.md": article("Bare"),
            "due.md": article("Due", **done),
            "late.md": article("Late", reviewed="2023-11-30", reviewed_by="Dr Ada Lee, GP"),
            "ok.md": article("Ok", reviewed="2026-06-01", reviewed_by="Dr Ada Lee, GP"),
        },
    )

    def line(slug: str) -> str:
        return page(pack, slug).split('<span class="review">')[1].split("</span>")[0]

    assert line("new") == "Updated 30 November 2026 · Not yet reviewed by a clinician"
    assert line("bare") == "Not yet reviewed by a clinician"
    assert line("due") == "Reviewed 1 December 2023 by Dr Ada Lee, GP · Next review due today"
    assert line("late") == (
        "Reviewed 30 November 2023 by Dr Ada Lee, GP · Review overdue since 30 November 2026"
    )
    assert line("ok") == "Reviewed 1 June 2026 by Dr Ada Lee, GP · Next review due 1 June 2029"


def test_notice_and_contact_are_on_screen_and_in_print(make_pack: PackBuilder) -> None:
    pack = pack_of(
        make_pack, {"a.md": article("A")}, 'contact = "Reception <desk@clinic.example>"\n'
    )
    for html in (page(pack, "a"), page(pack, "a", for_print=True)):
        notice = html.split('<p class="page-notice">')[1].split("</p>")[0]
        assert notice == (
            "General information, not medical advice. In an emergency call your local "
            'emergency number.<br/><span class="report">Report a problem with this page: '
            "Reception &lt;desk@clinic.example&gt;</span>"
        )
    assert "Report a problem" not in page(pack_of(make_pack, {"a.md": article("A")}), "a")


def test_home_page_says_recently_updated_until_reviews_exist(make_pack: PackBuilder) -> None:
    files: dict[str, str | bytes] = {
        "old.md": article("Old", updated="2025-01-01"),
        "new.md": article("New", updated="2026-11-01"),
    }
    home = Renderer(pack_of(make_pack, files)).home_page()
    assert "<h2>Recently updated</h2>" in home and "Recently reviewed" not in home
    assert home.index("Updated 1 November 2026") < home.index("Updated 1 January 2025")
    files["checked.md"] = article("Checked", reviewed="2026-10-01", reviewed_by="Dr A, GP")
    home = Renderer(pack_of(make_pack, files)).home_page()
    assert "<h2>Recently reviewed</h2>" in home and "Recently updated" not in home
    assert "Reviewed 1 October 2026" in home and "article:old" not in home


def test_disk_cache_keeps_pages_apart_by_emergency_number(
    make_pack: PackBuilder, tmp_path: Path
) -> None:
    """A kiosk that overrides the number must not be served a page cached with another."""
    pack = pack_of(make_pack, {"a.md": article("A", BOXES)})
    pack.fingerprint = "fixed"
    a = pack.get("a")
    assert a is not None
    first = Renderer(pack)
    first.use_disk_cache(tmp_path / "cache")
    assert "call your local emergency number" in first.render_body(a).html
    pack.emergency_number = "112"
    second = Renderer(pack)
    second.use_disk_cache(tmp_path / "cache")
    assert "Emergency: call 112 now" in second.render_body(a).html
