"""Hostile content cannot run code, reach outside the pack, or hang the renderer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.library.check import check_pack
from reader.library.loading import load_pack
from reader.library.pack import next_review_due, review_overdue
from reader.page import guard as guard_module
from reader.page.guard import guard
from reader.page.render import Renderer
from tests.conftest import PackBuilder, article

SQUARE_PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def page_of(root: Path, slug: str, renderer: Renderer | None = None) -> str:
    pack = load_pack(root)
    a = pack.get(slug)
    assert a is not None
    return (renderer or Renderer(pack)).article_page(a)


HOSTILE_HTML = """
Before.

<script>alert('x')</script>
<style>body { background: url(file:///etc/passwd) }</style>
<iframe src="https://evil.example/"></iframe>
<object data="x.swf">fallback</object>
<form action="https://evil.example/"><input name="q"></form>

<p onclick="steal()" onmouseover="steal()">Click <b onload="x()">me</b></p>

<a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt&#x3a;alert(1)">js2</a>
<a href="data:text/html,<script>alert(1)</script>">data</a>
<a href="file:///etc/passwd">file</a> <a href="//evil.example/x">netloc</a>
<a href="../../outside.md">outside</a> <a href="C:\\Windows\\win.ini">win</a>

<img src="file:///etc/passwd" alt="passwd"> <img src="https://evil.example/t.gif" alt="tracker">
<img src="../../etc/passwd" alt="escape"> <img src="data:image/png;base64,AAAA" alt="inline">

Inline <kbd>Ctrl</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <b>b</b> <i>i</i> <em>e</em>
<strong>s</strong><br>next line.

<details><summary>More</summary>Hidden text.</details>

<table cellpadding="4" cellspacing="0" width="100%" class="dose"><tr>
<td align="right" width="50%">cell</td></tr></table>

<a name="here"></a><span id="there">anchor</span>
<a href="beta.md">raw article link</a> <img src="square.png" alt="raw image">
<a href="#there">in-page</a> <a href="https://example.org/">outside site</a>

Markdown [with attributes](beta.md){: onclick="x()" style="color:red" }
"""


@pytest.fixture
def hostile(make_pack: PackBuilder) -> str:
    root = make_pack(
        {
            "one/alpha.md": article("Alpha", HOSTILE_HTML, category="one"),
            "one/beta.md": article("Beta", category="one"),
        }
    )
    (root / "one" / "square.png").write_bytes(SQUARE_PNG)
    return page_of(root, "alpha")


@pytest.mark.parametrize(
    "forbidden",
    [
        "<script",
        "alert(",
        "<style",
        "background: url",
        "<iframe",
        "<object",
        "<form",
        "<input",
        "onclick",
        "onmouseover",
        "onload",
        "javascript:",
        "JaVaScRiPt",
        "data:",
        "file:",
        "evil.example",
        "../../",
        "win.ini",
        "color:red",
    ],
)
def test_raw_html_is_sanitized(hostile: str, forbidden: str) -> None:
    assert forbidden.lower() not in hostile.lower()


@pytest.mark.parametrize(
    "kept",
    [
        "<kbd>Ctrl</kbd>",
        "<sub>2</sub>",
        "<sup>2</sup>",
        "<b>b</b>",
        "<i>i</i>",
        "<em>e</em>",
        "<strong>s</strong>",
        "<br>",
        "<details>\n<summary>More</summary>",  # Markdown inside HTML blocks is rendered
        "<p>Hidden text.</p>\n</details>",
        'cellpadding="4"',
        'cellspacing="0"',
        'width="100%"',
        'align="right"',
        'class="dose"',
        '<a name="here"></a>',
        'id="there"',
        '<a href="article:beta">raw article link</a>',
        'src="pack:one/square.png"',
        '<a href="#there">in-page</a>',
        '<a href="https://example.org/">outside site</a>',
        '<a href="article:beta">with attributes</a>',
        "Click <b>me</b>",
        "Before.",
    ],
)
def test_formatting_and_internal_links_survive(hostile: str, kept: str) -> None:
    assert kept in hostile


def test_refused_raw_images_become_their_alt_text(hostile: str) -> None:
    for alt in ("passwd", "tracker", "escape", "inline"):
        assert f'<span class="missing-image">[{alt}]</span>' in hostile


def test_renderer_own_pages_keep_their_links(small_pack: Path) -> None:
    pack = load_pack(small_pack)
    renderer = Renderer(pack)
    alpha = pack.get("alpha")
    assert alpha is not None
    html = renderer.article_page(alpha)
    assert '<a href="article:beta">Beta</a>' in html
    assert 'src="pack:one/square.png"' in html
    assert 'href="category:one"' in renderer.home_page()


def test_check_reports_raw_html_targets_and_unsafe_tags(make_pack: PackBuilder) -> None:
    body = (
        "Intro.\n\n"  # on file line 5
        '<img src="../../etc/passwd">\n'
        "<a href=javascript:alert(1)>x</a>\n"
        "<IMG SRC='nowhere.png'>\n"
        "<script>alert(1)</script>\n"
        '<p onclick="x()">p</p>\n'
    )
    root = make_pack({"a.md": article("A", body)})
    _, problems = check_pack(root)
    lines = {(p.line, p.message.split(":")[0]) for p in problems if p.path == "a.md"}
    assert (7, "image '../../etc/passwd' refused") in lines
    assert (8, "link 'javascript") in lines
    assert any(line == 9 and msg.startswith("missing image 'nowhere.png'") for line, msg in lines)
    assert (10, "raw HTML <script> is removed when the article is shown") in lines
    assert (11, "raw HTML 'onclick' attribute is removed when the article is shown") in lines


def test_a_very_long_link_path_is_refused_not_raised(make_pack: PackBuilder) -> None:
    long_path = "a/" * 3000 + "x.png"
    root = make_pack({"a.md": article("A", f"[x]({long_path}) ![y]({long_path})")})
    html = page_of(root, "a")
    assert 'class="broken-link"' in html and "[y]" in html
    _, problems = check_pack(root)
    assert sum("refused" in p.message for p in problems) == 2


# --- size limit ---------------------------------------------------------------------------


def test_long_article_is_cut_at_a_line_with_a_notice(make_pack: PackBuilder) -> None:
    body = "\n".join(f"Line {i} " + "é" * 40 for i in range(400))
    root = make_pack({"long.md": article("Long", body), "short.md": article("Short")})
    pack = load_pack(root, max_article_bytes=4000)
    long, short = pack.get("long"), pack.get("short")
    assert long is not None and short is not None
    assert long.truncated and not short.truncated
    assert long.body.endswith("é" * 40) and "Line 0 " in long.body and "Line 399" not in long.body
    assert not any("UTF-8" in p.message for p in pack.problems)
    warning = next(p for p in pack.problems if p.path == "long.md")
    assert warning.severity == "warning" and "only the first part is shown" in warning.message
    html = Renderer(pack).article_page(long)
    assert html.index("only the first part is shown") < html.index("Line 0")
    assert "only the first part" not in Renderer(pack).article_page(short)
    _, problems = check_pack(root, max_article_bytes=4000)
    assert any(p.path == "long.md" and "larger than" in p.message for p in problems)


def test_default_limit_is_two_megabytes(make_pack: PackBuilder) -> None:
    root = make_pack({"big.md": article("Big", ("x" * 99 + "\n") * 21_000)})
    big = load_pack(root).get("big")
    assert big is not None and big.truncated and len(big.body) <= 2 * 1024 * 1024


# --- bounded rendering --------------------------------------------------------------------


def test_guard_leaves_ordinary_markdown_alone() -> None:
    text = (
        "# Title\n\nSome *text* with [a link](a.md) (and a smiley :) and `code`.\n\n"
        "> quote\n> > nested\n\n- one\n    - two\n\n```\n[[[[ <a ``` \n```\n\n***\n"
    )
    assert guard(text) == guard_module.Guarded(text)
    assert not guard(text).risky


def test_guard_says_what_it_changed_and_where() -> None:
    text = "fine\n\n" + "[" * 50 + "\n\n" + ">" * 50 + " deep\n"
    changed = guard(text)
    assert changed.risky
    by_message = {c.message: c.line for c in changed.changes}
    assert by_message["unclosed '[' were shown as written"] == 3
    assert by_message["block quotes or lists nested more than 8 levels were flattened"] == 5
    assert "\\[" * 50 in changed.text
    assert changed.text.count("\n") == text.count("\n")


def test_guard_keeps_fenced_code_as_written() -> None:
    code = "```\n" + "[" * 100 + "\n" + "> " * 50 + "\n```\n"
    assert guard(code).text == code


PATHOLOGICAL = {
    "open brackets": "[" * 50_000,
    "nested brackets": "[" * 20_000 + "x" + "]" * 20_000 + "(y)",
    "link openers": "[a](" * 20_000,
    "image openers": "![" * 30_000,
    "unclosed tags": "<a " * 50_000,
    "tags across paragraphs": "<a x\n\n" * 3_000,
    "backtick runs": "".join("`" * i + " " for i in range(1, 600)),
    "deep quotes": "".join(">" * i + " x\n" for i in range(1, 2_000)),
    "deep lists": "".join("    " * i + "- x\n" for i in range(1_500)),
    "nested ordered lists": "1. " * 16_000,
    "definition list": "Term\n: def\n" * 3_000,
    "same headings": "## Same\n\n" * 20_000,
    "setext headings": "a\n=\n" * 8_000,
    "rules": "***\n" * 8_000,
    "emphasis": "*_" * 20_000 + "x" + "_*" * 20_000,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_markdown_renders(make_pack: PackBuilder, name: str) -> None:
    """Each case finishes (pytest-timeout is the watchdog) with its title shown; how long it
    takes is measured by benchmarks/hostile.py."""
    root = make_pack({"evil.md": article("Evil One", PATHOLOGICAL[name])})
    html = page_of(root, "evil")
    assert '<h1 class="title">Evil One</h1>' in html


def test_guard_alone_makes_pathological_text_renderable(make_pack: PackBuilder) -> None:
    """Text the guard changed renders in this process, without the child-process limit."""
    root = make_pack({"evil.md": article("Evil", "[a](" * 5_000 + "\n\n" + "<a " * 5_000)})
    pack = load_pack(root)
    evil = pack.get("evil")
    assert evil is not None
    html = Renderer(pack).convert(evil, guard(evil.body).text)[0]
    assert html.count("a") >= 10_000  # every bracket and tag is still there, as text


def test_a_parser_crash_shows_plain_text_with_a_notice(
    make_pack: PackBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_pack({"a.md": article("Crash", "Some <b>text</b> & more.\n\nSecond paragraph.")})

    def explode(*_args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(Renderer, "convert", explode)
    html = page_of(root, "a")
    assert '<h1 class="title">Crash</h1>' in html
    assert "could not be displayed" in html
    assert "Some &lt;b&gt;text&lt;/b&gt; &amp; more." in html
    assert "Second paragraph." in html


def test_the_renderer_uses_the_guards_time_limit() -> None:
    assert Renderer.timeout == guard_module.RENDER_TIMEOUT


def test_a_slow_conversion_is_stopped(make_pack: PackBuilder) -> None:
    root = make_pack({"slow.md": article("Slow", "word " * 100_000)})  # over INLINE_LIMIT
    pack = load_pack(root)
    renderer = Renderer(pack)
    renderer.timeout = 0.01  # no child process starts that fast
    slow = pack.get("slow")
    assert slow is not None
    body = renderer.render_body(slow)
    assert body.failure.startswith("RenderTimeoutError")
    assert "could not be displayed" in renderer.article_page(slow)


def test_a_long_harmless_article_is_converted_without_a_child_process(
    make_pack: PackBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 10,000 words of ordinary prose: spawning a process would cost more than converting it.
    paragraph = "A plain sentence about **sleep** and [food](food.md). " * 10
    root = make_pack(
        {"long.md": article("Long", (paragraph + "\n\n") * 200), "food.md": article("Food")}
    )
    pack = load_pack(root)
    long = pack.get("long")
    assert long is not None and len(long.body) > 100_000

    def no_child(*args: object, **kwargs: object) -> None:
        raise AssertionError("a child process was started")

    monkeypatch.setattr("reader.page.guard.run_isolated", no_child)
    body = Renderer(pack).render_body(long)
    assert not body.failure
    assert body.html.count("<strong>sleep</strong>") == 2_000


def test_check_reports_guarded_and_failed_files(
    make_pack: PackBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_pack({"a.md": article("A", "ok\n\n" + "[" * 100), "b.md": article("B")})
    _, problems = check_pack(root)
    guarded = [p for p in problems if p.path == "a.md" and "simplified" in p.message]
    assert [(p.line, p.severity) for p in guarded] == [(7, "warning")]
    monkeypatch.setattr(guard_module, "INLINE_LIMIT", -1)
    monkeypatch.setattr(Renderer, "timeout", 0.01)
    _, problems = check_pack(root)
    assert any(p.path == "b.md" and "readers see plain text" in p.message for p in problems)


def test_review_far_in_the_future_does_not_overflow(make_pack: PackBuilder) -> None:
    assert not review_overdue(dt.date(9999, 12, 31), 3, dt.date(2026, 1, 1))
    assert next_review_due(dt.date(9999, 12, 31), 36) == dt.date.max
    root = make_pack({"a.md": article("Future", reviewed="9999-12-31", reviewed_by="Dr A, GP")})
    assert "Future" in page_of(root, "a")


def test_a_single_huge_line_is_cut_near_the_limit(make_pack: PackBuilder) -> None:
    root = make_pack({"one.md": article("One", "é" * 5_000)})
    one = load_pack(root, max_article_bytes=4_001).get("one")
    assert one is not None and one.truncated
    assert 1_900 < len(one.body) <= 2_000 and set(one.body.strip()) == {"é"}


def test_the_time_limit_starts_when_the_child_is_ready() -> None:
    """A child slow to start (a loaded machine) is not a slow render: only the work counts."""
    from tests.page.slow_start import SlowToUnpickle, echo

    assert guard_module.run_isolated(echo, SlowToUnpickle("kept"), timeout=0.5) == "kept"
