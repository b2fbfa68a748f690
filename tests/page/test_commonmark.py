"""The CommonMark spec's 655 examples: no crash, no hang, no lost text (not conformance).

Python-Markdown is a different dialect, so the HTML differs; what must hold is that every word
a browser would show for the spec's HTML is shown by the reader too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.library.pack import Article, Pack
from reader.page.render import Renderer
from tests.page.words import lost_words

SPEC = Path(__file__).parents[1] / "data" / "commonmark" / "spec.txt"
_EXAMPLE = re.compile(r"^`{32} example\n(.*?)^\.\n(.*?)^`{32}$", re.MULTILINE | re.DOTALL)


def examples() -> list[tuple[str, str]]:
    """Return (Markdown, expected HTML) of every example, tabs restored."""
    text = SPEC.read_text(encoding="utf-8")
    return [
        (m.group(1).replace("→", "\t"), m.group(2).replace("→", "\t"))
        for m in _EXAMPLE.finditer(text)
    ]


EXAMPLES = examples()

_LINK = "Python-Markdown reads a link (or reference) here; the words are its address"
#: Examples where Python-Markdown, read as its own dialect, shows fewer words than CommonMark,
#: with exactly those words and why. Any other lost word fails.
DIALECT: dict[int, tuple[set[str], str]] = {
    14: ({"br", "ouml"}, "'\\<' and '\\&' are no escapes: <br/> is a tag, &ouml; is ö"),
    28: ({"87654321"}, "a character reference out of range is shown as �"),
    41: ({"url", "tit"}, _LINK),
    161: ({"c"}, "the fence after an HTML block is code; 'c' names its language"),
    193: ({"td"}, "indented HTML is HTML, not a code block"),
    203: ({"baz"}, _LINK),
    215: ({"baz"}, _LINK),
    285: ({"3"}, "'2.' with no text continues item 1, so the list has two items"),
    490: ({"my", "uri"}, _LINK),
    492: ({"foo", "bar"}, _LINK),
    495: ({"foo"}, _LINK),
    496: ({"b"}, _LINK),
    510: ({"url", "title", "and"}, _LINK),
    528: ({"uri"}, _LINK),
    534: ({"ref"}, _LINK),
    540: ({"ref"}, _LINK),
    544: ({"bar"}, _LINK),
    545: ({"bar"}, _LINK),
    553: ({"uri"}, _LINK),
    554: ({"uri"}, _LINK),
    570: ({"not", "a", "link"}, _LINK),
}


def test_the_spec_has_all_its_examples() -> None:
    assert len(EXAMPLES) == 655


@pytest.fixture(scope="module")
def renderer(tmp_path_factory: pytest.TempPathFactory) -> Renderer:
    root = tmp_path_factory.mktemp("commonmark")
    renderer = Renderer(Pack(root=root, articles=[]))
    renderer.timeout = 30.0  # a watchdog for risky text in a child process, not a time limit
    return renderer


@pytest.mark.timeout(60)  # a generous watchdog for the whole example, never a time limit
@pytest.mark.parametrize("number", range(1, len(EXAMPLES) + 1))
def test_example_renders_without_losing_text(renderer: Renderer, number: int) -> None:
    markdown, expected = EXAMPLES[number - 1]
    article = Article(f"example-{number}", "Example", renderer.pack.root / "x.md", "x.md", markdown)
    body = renderer.render_body(article)
    assert not body.failure
    lost, _why = DIALECT.get(number, (set(), ""))
    assert lost_words(expected, body.html) == lost, body.html


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("<a+b+c:d>", "&lt;a+b+c:d&gt;"),  # example 600: was an empty page
        ("<localhost:5001/foo>", "&lt;localhost:5001/foo&gt;"),  # 603
        ("<m:abc>", "&lt;m:abc&gt;"),  # 611
        ("<foo.bar.baz>", "&lt;foo.bar.baz&gt;"),  # 612
        ('<a h*#ref="hi">', '&lt;a h*#ref="hi"&gt;'),  # 621
        ('</a href="foo">', '&lt;/a href="foo"&gt;'),  # 626
    ],
)
def test_examples_that_were_empty_pages_show_their_text(
    renderer: Renderer, markdown: str, shown: str
) -> None:
    article = Article("empty", "Example", renderer.pack.root / "x.md", "x.md", markdown)
    assert renderer.render_body(article).html == f"<p>{shown}</p>"
