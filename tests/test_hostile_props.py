"""Property tests: any front matter, any bytes, any Markdown — a readable page, no exception."""

from __future__ import annotations

import datetime as dt
import html
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.library.check import check_pack
from reader.library.loading import KNOWN_KEYS, load_pack
from reader.page.guard import guard
from reader.page.render import Renderer

# Examples are cheap (~20 ms) except those the guard sends to a child process (~0.2 s).
SETTINGS = settings(
    max_examples=40,
    deadline=None,  # the child process start varies; time bounds are asserted elsewhere
    suppress_health_check=[HealthCheck.too_slow],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
keys = st.sampled_from(sorted(KNOWN_KEYS)) | st.text(min_size=1, max_size=10)
front_matter = st.dictionaries(keys, values, max_size=10)

MARKDOWN_BITS = [
    "# ", "## ", "> ", "- ", "1. ", "    ", "\n", "\n\n", "*", "**", "_", "`", "```", "[", "]",
    "(", ")", "![", "](", "<", ">", "<a href='", "<img src='", "<script>", "&", "&#", "|", "---",
    "!!! note", ":", "{: #x}", "[^1]", "\\", "\u200b", "\u202e", "\u0645", "é", "\t", "\x00",
    "text ", "word ", "beta.md", "../../etc/passwd", "http://x", "javascript:",
]  # fmt: skip
markdown = st.lists(st.sampled_from(MARKDOWN_BITS) | st.text(max_size=6), max_size=200).map("".join)


def write_pack(files: dict[str, bytes]) -> Path:
    root = Path(tempfile.mkdtemp(prefix="hostile-"))
    (root / "pack.toml").write_text('title = "Props"\n', encoding="utf-8")
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


def assert_readable(root: Path) -> None:
    pack = load_pack(root)
    renderer = Renderer(pack, today=dt.date(2026, 1, 1))
    for a in pack.articles:
        page = renderer.article_page(a)
        assert f'<h1 class="title">{html.escape(a.title)}</h1>' in page
        assert a.title.strip()
    assert html.escape(pack.title) in renderer.home_page()


def run(files: dict[str, bytes]) -> None:
    root = write_pack(files)
    try:
        assert_readable(root)
    finally:
        shutil.rmtree(root)


def dump(meta: dict[str, Any]) -> str:
    return yaml.safe_dump(meta, allow_unicode=True, default_flow_style=None)


@SETTINGS
@given(meta=front_matter, body=markdown)
def test_any_front_matter_gives_a_readable_page(meta: dict[str, Any], body: str) -> None:
    text = f"---\n{dump(meta)}---\n{body}\n"
    run({"a.md": text.encode("utf-8", "surrogatepass"), "b.md": b"# Beta\n\nok\n"})


@SETTINGS
@given(data=st.binary(max_size=600), prefix=st.sampled_from([b"", b"---\n", b"---\ntitle: "]))
def test_any_bytes_give_a_readable_page(data: bytes, prefix: bytes) -> None:
    run({"x.md": prefix + data, "y.md": b"---\n" + data[:50] + b"\n---\n" + data})


@SETTINGS
@given(body=markdown, depth=st.integers(0, 400), opener=st.sampled_from(["> ", "- ", "[", "*_"]))
def test_deep_nesting_gives_a_readable_page(body: str, depth: int, opener: str) -> None:
    run({"deep.md": f"---\ntitle: Deep\n---\n{opener * depth}{body}\n".encode()})


@settings(max_examples=60, deadline=None)
@given(body=markdown)
def test_guard_never_loses_a_line_it_did_not_need_to_split(body: str) -> None:
    guarded = guard(body)
    split = any("split" in c.message or "wrapped" in c.message for c in guarded.changes)
    if not split:
        assert guarded.text.count("\n") == body.count("\n")


@settings(max_examples=15, deadline=None)
@given(meta=front_matter, body=markdown)
def test_check_never_raises(meta: dict[str, Any], body: str) -> None:
    root = write_pack({"c.md": f"---\n{dump(meta)}---\n{body}\n".encode("utf-8", "surrogatepass")})
    try:
        _, problems = check_pack(root, today=dt.date(2026, 1, 1))
        assert all(p.path for p in problems)
    finally:
        shutil.rmtree(root)
