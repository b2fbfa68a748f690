"""Property: whatever Markdown an author writes, every word they can see is on the page.

The generator builds Markdown from pieces whose visible words are known (plain words,
emphasis, code, links, autolinks, text in angle brackets, template tags, HTML blocks,
lists, quotes, call-outs, tables, code blocks). The renderer may add words, never drop one.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.library.pack import Article, Pack
from reader.page.rawhtml import HTML_ELEMENTS
from reader.page.render import Renderer
from tests.page.words import visible_text, words

SETTINGS = settings(
    max_examples=80,
    deadline=None,  # a watchdog (the test timeout) only, never a time limit
    suppress_health_check=[HealthCheck.too_slow],
)

word = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789", min_size=2, max_size=8
).filter(lambda w: w.lower() not in HTML_ELEMENTS)


def piece(w: str, w2: str, kind: int) -> tuple[str, str]:
    """Return (Markdown, the text a reader sees) for one inline piece."""
    return [
        (w, w),
        (f"*{w}*", w),
        (f"**{w}**", w),
        (f"`{w}`", w),
        (f"[{w}](other.md)", w),
        (f"[{w}](https://example.org/x)", w),
        (f"<{w} {w2}>", f"<{w} {w2}>"),  # text in angle brackets, not a tag
        (f"<{w}>", f"<{w}>"),
        (f"a<b {w} c>d", f"a<b {w} c>d"),
        (f"<{w}@example.org>", f"{w}@example.org"),
        (f"<tel:{w}>", w),
        (f"{{{{ site.{w} }}}}", ""),  # a template tag is left out
        (f"{{% include {w}.html %}}", ""),
        (f"<kbd>{w}</kbd>", w),
        (f"{w}<br>{w2}", f"{w} {w2}"),
    ][kind]


pieces = st.builds(piece, word, word, st.integers(min_value=0, max_value=14))
lines = st.lists(pieces, min_size=1, max_size=6).map(
    lambda ps: (" ".join(p[0] for p in ps), " ".join(p[1] for p in ps))
)


def block(line: tuple[str, str], kind: int) -> tuple[str, str]:
    """Return (Markdown, visible text) of a block around one line."""
    md, seen = line
    return [
        (md, seen),
        (f"# {md}", seen),
        (f"## {md}", seen),
        (f"- {md}", seen),
        (f"1. {md}", f"1. {seen}"),
        (f"> {md}", seen),
        (f"<div>\n{md}\n</div>", seen),
        (f'<div markdown="1">\n{md}\n</div>', seen),
        (f"<details>\n<summary>More</summary>\n\n{md}\n</details>", f"More {seen}"),
        (f"!!! note\n    {md}", f"Note {seen}"),
        (f"| Head |\n|---|\n| {md} |", f"Head {seen}"),
        (f"```\n{md}\n```", md),  # code shows exactly what was typed
    ][kind]


blocks = st.builds(block, lines, st.integers(min_value=0, max_value=11))
documents = st.lists(blocks, min_size=1, max_size=8)


@SETTINGS
@given(documents)
def test_every_visible_word_is_rendered(document: list[tuple[str, str]]) -> None:
    markdown = "\n\n".join(md for md, _seen in document)
    expected = words(" ".join(seen for _md, seen in document))
    renderer = Renderer(Pack(root=Path("/nonexistent-pack"), articles=[]))
    renderer.timeout = 30.0  # risky text goes to a child process: a watchdog, not a limit
    article = Article("x", "X", Path("/nonexistent-pack/x.md"), "x.md", markdown)
    body = renderer.render_body(article)
    assert not body.failure
    shown = words(visible_text(body.html))
    assert expected - shown == set(), body.html
