"""Rendered bodies on disk: found again only while nothing they depend on has changed."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from reader.library.catalog import Catalog
from reader.library.pack import Article
from reader.page.bodycache import BodyCache
from reader.page.render import Renderer
from tests.conftest import PackBuilder, article


def fresh_renderer(root: Path, cache: Path) -> tuple[Renderer, list[str]]:
    """A renderer as a new session makes one, recording which bodies it had to convert."""
    pack = Catalog(cache).load(root)
    renderer = Renderer(pack)
    renderer.use_disk_cache(cache)
    converted: list[str] = []
    convert = renderer.convert

    def record(a: Article, text: str) -> object:
        converted.append(a.slug)
        return convert(a, text)

    renderer.convert = record  # type: ignore[method-assign,assignment]
    return renderer, converted


def test_a_body_seen_in_an_earlier_session_is_not_converted_again(
    make_pack: PackBuilder, tmp_path: Path
) -> None:
    root = make_pack(
        {"a.md": article("A", "Go to [B](b.md).\n\n## One\n\nx"), "b.md": article("B")}
    )
    first, converted = fresh_renderer(root, tmp_path / "cache")
    a = first.pack.get("a")
    assert a is not None
    page = first.article_page(a)
    assert converted == ["a"]
    second, converted = fresh_renderer(root, tmp_path / "cache")
    a = second.pack.get("a")
    assert a is not None
    assert second.article_page(a) == page and converted == []


def test_adding_the_link_target_invalidates_the_stored_body(
    make_pack: PackBuilder, tmp_path: Path
) -> None:
    root = make_pack({"a.md": article("A", "Go to [B](b.md).")})
    first, _ = fresh_renderer(root, tmp_path / "cache")
    a = first.pack.get("a")
    assert a is not None
    assert 'href="article:b"' not in first.render_body(a).html  # no such article yet
    (root / "b.md").write_text(article("B"), encoding="utf-8")
    second, converted = fresh_renderer(root, tmp_path / "cache")
    a = second.pack.get("a")
    assert a is not None
    assert 'href="article:b"' in second.render_body(a).html and converted == ["a"]


def test_an_edited_body_another_article_or_pack_are_new_keys(tmp_path: Path) -> None:
    cache = BodyCache(tmp_path, "fingerprint")
    key = cache.key("a", "text")
    assert key == BodyCache(tmp_path, "fingerprint").key("a", "text")
    others = {
        cache.key("a", "text!"),
        cache.key("b", "text"),
        BodyCache(tmp_path, "other fingerprint").key("a", "text"),
    }
    assert key not in others and len(others) == 3


@pytest.mark.parametrize("content", [b"", b"\xff\xfe", b'{"html": 1}', b'["x", "y", "3"]', b"[1,2"])
def test_a_damaged_file_is_a_miss_said_once_and_removed(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    cache = BodyCache(tmp_path, "f")
    key = cache.key("a", "text")
    (tmp_path / f"{key}.json").write_bytes(content)
    with caplog.at_level(logging.WARNING):
        assert cache.get(key) is None
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "damaged" in caplog.records[0].getMessage()
    assert not (tmp_path / f"{key}.json").exists()
    cache.put(key, "<p>x</p>", "", 0)
    assert cache.get(key) == ("<p>x</p>", "", 0)


def test_a_folder_that_cannot_be_written_costs_only_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = BodyCache(blocker / "bodies", "f")
    cache.put("k", "<p>x</p>", "", 0)  # no exception
    assert cache.get("k") is None


def test_the_least_recently_used_bodies_are_trimmed(tmp_path: Path) -> None:
    cache = BodyCache(tmp_path, "f")
    for i in range(6):
        cache.put(f"k{i}", f"<p>{i}</p>", "", 0)
        os.utime(tmp_path / f"k{i}.json", ns=(i * 10**9, i * 10**9))
    assert cache.get("k0") is not None  # read just now: the most recently used
    cache.trim(keep=3)
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == ["k0", "k4", "k5"]


def test_an_upgraded_markdown_or_sanitizer_is_a_new_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.page import bodycache

    before = BodyCache(tmp_path, "pack").key("a", "Body")
    assert BodyCache(tmp_path, "pack").key("a", "Body") == before
    monkeypatch.setattr(bodycache, "shaping_versions", lambda: ["markdown=1", "nh3=2"])
    assert BodyCache(tmp_path, "pack").key("a", "Body") != before


def test_the_installed_markdown_and_nh3_are_both_stamped() -> None:
    from reader.page.bodycache import shaping_versions

    stamps = shaping_versions()
    assert [s.split("=")[0] for s in stamps] == ["markdown", "nh3"]
    assert all(not s.endswith("=?") for s in stamps)


def test_one_stored_body_serves_every_language_with_its_own_words(
    make_pack: PackBuilder, tmp_path: Path
) -> None:
    from reader.page.render import PageText

    body = "![](missing.png)\n\n!!! emergency\n    Call now.\n"
    root = make_pack({"a.md": article("A", body)})
    first, converted = fresh_renderer(root, tmp_path / "cache")
    a = first.pack.get("a")
    assert a is not None
    english = first.render_body(a).html
    assert "Emergency: call your local emergency number now" in english
    assert "\ue000" not in english and converted == ["a"]
    second, converted = fresh_renderer(root, tmp_path / "cache")
    second.text = PageText(
        image="图片", emergency_heading="紧急：立即拨打 {number}", local_number="急救电话"
    )
    a = second.pack.get("a")
    assert a is not None
    chinese = second.render_body(a).html
    assert converted == []  # from the disk, rendered once for both
    assert "紧急：立即拨打 急救电话" in chinese and "图片" in chinese
    assert "Emergency" not in chinese
