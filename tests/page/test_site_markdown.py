"""Markdown as health agencies' static sites write it: small cases, one issue item each.

Each case is a few lines written for this test (not copied from a site).
"""

from __future__ import annotations

import pytest

from reader.library.check import check_pack
from reader.library.loading import load_pack
from reader.page.render import Renderer
from tests.conftest import PackBuilder, article
from tests.page.words import visible_text

#: A pack with no categories, so an article without one is no problem.
SITE_TOML = 'title = "Site"\n'


def body_html(make_pack: PackBuilder, body: str) -> str:
    root = make_pack({"x.md": article("X", body), "other.md": article("Other")}, SITE_TOML)
    pack = load_pack(root)
    x = pack.get("x")
    assert x is not None
    return Renderer(pack).render_body(x).html


# 1. Text in angle brackets that is not HTML is shown, never deleted.
@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ("Send <VA Form 10-10EZ> by post.", "Send <VA Form 10-10EZ> by post."),
        ("Sign with <your name> here.", "Sign with <your name> here."),
        ("Press <Enter> to go on.", "Press <Enter> to go on."),
        ("See <www.example.org> for more.", "See <www.example.org> for more."),
        ("Text <sms:+15550100> to us.", "Text <sms:+15550100> to us."),
        ("If a<b and c>d then stop.", "If a<b and c>d then stop."),
        ("An <!-- unclosed comment hides the rest", "An <!-- unclosed comment hides the rest"),
        ('A <div class="x" tag with no end', 'A <div class="x" tag with no end'),
    ],
)
def test_text_in_angle_brackets_is_shown(make_pack: PackBuilder, body: str, shown: str) -> None:
    html = body_html(make_pack, body)
    assert visible_text(html).strip() == shown
    assert "<b>" not in html


def test_real_html_is_still_html(make_pack: PackBuilder) -> None:
    html = body_html(make_pack, "Some <b>bold</b>, <kbd>Ctrl</kbd> and <!-- a note --> text.")
    assert html == "<p>Some <b>bold</b>, <kbd>Ctrl</kbd> and  text.</p>"


def test_text_inside_an_html_block_is_kept(make_pack: PackBuilder) -> None:
    html = body_html(make_pack, "<div>\nWrite <your name> on <VA Form 10>.\n</div>")
    assert "Write <your name> on <VA Form 10>." in visible_text(html)


def test_check_warns_about_text_in_angle_brackets_with_its_line(make_pack: PackBuilder) -> None:
    body = (
        "Intro.\n\nSign with <your name>.\n\n`<code is fine>` and <b>bold</b> and <https://a.org>"
    )
    root = make_pack({"x.md": article("X", body)})
    _pack, problems = check_pack(root)
    found = [(p.line, p.message) for p in problems if "not HTML" in p.message]
    assert found == [(7, "'<your name>' is not HTML; it is shown as text (write &lt; to say so)")]


# 2. Email and tel: autolinks are links.
def test_email_autolink_is_a_mailto_link(make_pack: PackBuilder) -> None:
    html = body_html(make_pack, "Write to <help@example.org>.")
    assert '<a class="external" href="mailto:help@example.org">help@example.org</a>' in html
    assert "broken-link" not in html


def test_tel_autolink_is_a_link(make_pack: PackBuilder) -> None:
    html = body_html(make_pack, "Call <tel:+15550100>.")
    assert '<a class="external" href="tel:+15550100">+15550100</a>' in html


# 8. Raw-HTML links that lost their address read as text; comment idioms are not links.
def test_raw_link_with_a_refused_address_is_text(make_pack: PackBuilder) -> None:
    html = body_html(make_pack, 'Apply: <a href="/apply" class="button">Start Now</a>.')
    assert '<span class="broken-link" title="the link address cannot be used">Start Now</span>' in (
        html
    )
    assert "<a" not in html


def test_raw_link_that_resolves_stays_a_link(make_pack: PackBuilder) -> None:
    html = body_html(make_pack, 'Read <a href="other.md">the other one</a>.')
    assert '<a href="article:other">the other one</a>' in html


def test_comment_idiom_is_neither_shown_nor_a_broken_link(make_pack: PackBuilder) -> None:
    body = "[comment]: <> (a note for editors)\n\nText."
    root = make_pack({"x.md": article("X", body)}, SITE_TOML)
    pack, problems = check_pack(root)
    assert problems == []
    x = pack.get("x")
    assert x is not None
    assert Renderer(pack).render_body(x).html == "<p>Text.</p>"


# 4. Markdown inside HTML blocks is rendered.
def test_markdown_in_a_block_marked_markdown_1(make_pack: PackBuilder) -> None:
    html = body_html(
        make_pack, '<div markdown="1">\n### Apply\n\n**Bring** [this](other.md)\n</div>'
    )
    assert '<h3 id="apply"><a name="apply"></a>Apply</h3>' in html
    assert '<strong>Bring</strong> <a href="article:other">this</a>' in html


def test_markdown_in_an_unmarked_block(make_pack: PackBuilder) -> None:
    html = body_html(make_pack, '<div class="note">\n**Bring** your card\n\n- one\n</div>')
    assert "<p><strong>Bring</strong> your card</p>" in html
    assert "<li>one</li>" in html
    assert "**" not in html


def test_html_in_code_is_left_as_code(make_pack: PackBuilder) -> None:
    html = body_html(make_pack, "```\n<div>**x**</div>\n```")
    assert "<code>&lt;div&gt;**x**&lt;/div&gt;\n</code>" in html


# 7. Template tags are left out of text and links; examples in code keep them.
def test_template_tags_are_left_out(make_pack: PackBuilder) -> None:
    body = "{% include alert.html %}\n\nSee [other]({{ site.baseurl }}/other/) `{{ kept }}`."
    html = body_html(make_pack, body)
    assert html == ('<p>See <a href="article:other">other</a> <code>{{ kept }}</code>.</p>')
