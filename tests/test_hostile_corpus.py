"""The regression corpus of hostile Markdown loads, checks and renders (timing: benchmarks/)."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from reader.library.check import check_pack
from reader.library.loading import load_pack
from reader.page.render import Renderer
from tests.locations import CORPUS

#: ``*.bin`` files are articles that are not valid UTF-8 (kept out of ruff's Markdown reader).
FILES = sorted(p.with_suffix(".md").name for p in [*CORPUS.glob("*.md"), *CORPUS.glob("*.bin")])
FILES.remove("README.md")


def big_article() -> bytes:
    """A 3 MB article (over the 2 MB limit): prose, links and emphasis, ending in nonsense."""
    paragraph = b"Wash *hands* often, see [the nurse](nurse.md) and drink `water`.\n\n"
    body = paragraph * (2_500_000 // len(paragraph)) + b"[" * 600_000
    return b"---\ntitle: Three megabytes\n---\n\n" + body


@pytest.fixture
def corpus_pack(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    for raw in root.glob("*.bin"):
        raw.rename(raw.with_suffix(".md"))
    (root / "pack.toml").write_text('title = "Corpus"\n', encoding="utf-8")
    (root / "three-megabytes.md").write_bytes(big_article())
    return root


def test_corpus_files_exist() -> None:
    assert len(FILES) >= 9
    assert (CORPUS / "mixed-encodings.bin").read_bytes().count(b"\xe9") >= 1  # really not UTF-8


@pytest.mark.parametrize("name", [*FILES, "three-megabytes.md"])
def test_corpus_file_loads_checks_and_renders(corpus_pack: Path, name: str) -> None:
    keep_only(corpus_pack, name)
    pack = load_pack(corpus_pack)
    [article] = pack.articles
    assert article.title.strip()
    check_pack(corpus_pack)
    page = Renderer(pack).article_page(article)
    assert f'<h1 class="title">{html.escape(article.title)}</h1>' in page
    assert "<script" not in page and "javascript:" not in page.lower()


def keep_only(root: Path, *names: str) -> Path:
    for other in root.glob("*.md"):
        if other.name not in (*names, "README.md"):
            other.unlink()
    return root


def test_three_megabytes_are_cut_with_a_notice(corpus_pack: Path) -> None:
    keep_only(corpus_pack, "three-megabytes.md")
    pack = load_pack(corpus_pack)
    big = pack.get("three-megabytes")
    assert big is not None and big.truncated
    assert len(big.body.encode()) <= 2 * 1024 * 1024
    assert "only the first part is shown" in Renderer(pack).article_page(big)
    _, problems = check_pack(corpus_pack)
    assert any(p.path == "three-megabytes.md" and "larger than 2 MB" in p.message for p in problems)


def test_whole_corpus_pack_checks_with_located_problems(corpus_pack: Path) -> None:
    (corpus_pack / "three-megabytes.md").unlink()
    _, problems = check_pack(corpus_pack)
    by_file = {p.path for p in problems}
    for name in ("mixed-encodings.md", "billion-laughs.md", "deep-yaml.md", "yaml-types.md"):
        assert name in by_file, name
    assert all(p.line is None or p.line >= 1 for p in problems)


def test_alias_bomb_is_not_expanded(corpus_pack: Path) -> None:
    pack = load_pack(corpus_pack)
    bomb = pack.get("billion-laughs")
    assert bomb is not None
    assert bomb.title == "Billion Laughs" and bomb.tags == () and bomb.related == ()


def test_mixed_encodings_are_shown_with_replacement_characters(corpus_pack: Path) -> None:
    pack = load_pack(corpus_pack)
    mixed = pack.get("mixed-encodings")
    assert mixed is not None
    assert mixed.title == "Café mixed encodings"
    assert "\ufffd" in mixed.body and "\x00" not in mixed.body and "\r" not in mixed.body
