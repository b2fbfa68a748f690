"""The cached catalog: reused while the pack is unchanged, rebuilt when it changes, lazy bodies."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

import pytest

from reader.library import catalog
from reader.library.catalog import Catalog
from reader.library.loading import load_pack
from reader.library.pack import Pack
from tests.conftest import PackBuilder, article

FILES: dict[str, str | bytes] = {
    "one/alpha.md": article("Alpha", "Alpha body with [a link](beta.md).", category="one"),
    "one/beta.md": article("Beta", "Beta body.", category="one", tags=["x", "y"], order=2),
    "two/gamma.md": article(
        "Gamma",
        "# Gamma\n\nGamma body.",
        category="two",
        reviewed="2025-02-03",
        reviewed_by="Dr Ada Lee, nurse",
        updated="2025-01-30",
    ),
    "two/no-front-matter.md": "# Bare\n\nNo front matter at all.\n",
    "two/broken.md": "---\ntitle: [unclosed\n---\n\nBroken YAML body.\n",
    "two/latin1.md": "---\ntitle: Café\n---\n\nCaf\xe9 body.\n".encode("latin-1"),
    "two/crlf.md": b"---\r\ntitle: Windows\r\n---\r\n\r\nLine one.\r\nLine two.\r\n",
    "elsewhere/stray.md": article("Stray", "Unknown category.", category="nowhere"),
}


@pytest.fixture
def root(make_pack: PackBuilder) -> Path:
    return make_pack(FILES)


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "catalog-cache"


def _from_catalog(pack: Pack) -> bool:
    return bool(pack.articles) and not any(a.body_loaded for a in pack.articles)


def _bump_mtime(path: Path) -> None:
    """Move a modification time a second on, as a later edit would (timestamps are coarse)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_first_load_writes_the_catalog_and_the_second_reuses_it(root: Path, cache: Path) -> None:
    first = Catalog(cache).load(root)
    assert all(a.body_loaded for a in first.articles)  # a full load
    assert catalog.catalog_path(root, cache).is_file()
    second = Catalog(cache).load(root)
    assert _from_catalog(second)
    assert [a.slug for a in second.articles] == [a.slug for a in first.articles]


@pytest.mark.parametrize("full_check", [True, False])
def test_catalog_pack_equals_a_full_load(root: Path, cache: Path, full_check: bool) -> None:
    eager = load_pack(root)
    Catalog(cache).load(root)
    lazy = Catalog(cache).load(root, full_check=full_check)
    assert _from_catalog(lazy)
    assert list(lazy.articles) == eager.articles  # every front-matter field, the order, the index
    assert [a.body for a in lazy.articles] == [a.body for a in eager.articles]
    assert [a.word_count for a in lazy.articles] == [a.word_count for a in eager.articles]
    assert lazy.problems == eager.problems
    assert (lazy.title, lazy.categories, lazy.featured) == (
        eager.title,
        eager.categories,
        eager.featured,
    )


def test_problems_are_kept_and_logged_from_the_catalog(
    root: Path, cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    eager = load_pack(root)
    assert any("invalid YAML" in p.message for p in eager.problems)
    assert any("not UTF-8" in p.message for p in eager.problems)
    Catalog(cache).load(root)
    with caplog.at_level(logging.DEBUG, logger="reader.library.loading"):
        lazy = Catalog(cache).load(root)
    assert _from_catalog(lazy)
    assert lazy.problems == eager.problems
    debug = {r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG}
    assert debug == {str(p) for p in eager.problems}
    summary = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(summary) == 1 and "in the content pack (see 'check')" in summary[0]


def test_an_article_too_long_is_cut_the_same_way_lazily(
    make_pack: PackBuilder, cache: Path
) -> None:
    long_body = "\n".join(f"Line {i} of a long article." for i in range(200))
    root = make_pack({"one/long.md": article("Long", long_body, category="one")})
    eager = load_pack(root, max_article_bytes=1000)
    Catalog(cache).load(root, max_article_bytes=1000)
    lazy = Catalog(cache).load(root, max_article_bytes=1000)
    assert _from_catalog(lazy)
    assert lazy.articles[0].truncated and eager.articles[0].truncated
    assert lazy.articles[0].body == eager.articles[0].body
    assert lazy.problems == eager.problems
    # Another size limit is another catalog: never a body cut at the wrong place.
    assert not _from_catalog(Catalog(cache).load(root))


@pytest.mark.parametrize("change", ["added", "changed", "removed", "pack.toml"])
def test_catalog_is_rebuilt_when_the_pack_changes(root: Path, cache: Path, change: str) -> None:
    Catalog(cache).load(root)
    if change == "added":
        (root / "one" / "new.md").write_text(article("New", category="one"), encoding="utf-8")
    elif change == "changed":  # edited in place: same folder, different size
        (root / "one" / "beta.md").write_text(
            article("Beta renamed", "Beta body.", category="one"), encoding="utf-8"
        )
    elif change == "removed":
        (root / "one" / "alpha.md").unlink()
    else:
        (root / "pack.toml").write_text('title = "Renamed pack"\n', encoding="utf-8")
    pack = Catalog(cache).load(root)
    assert not _from_catalog(pack)
    expected = load_pack(root)
    assert pack.articles == expected.articles
    assert pack.title == expected.title
    assert _from_catalog(Catalog(cache).load(root))  # and the new catalog is reused


@pytest.mark.parametrize("change", ["added", "removed", "renamed"])
def test_quick_check_notices_files_added_removed_or_renamed(
    root: Path, cache: Path, change: str
) -> None:
    Catalog(cache).load(root)
    folder = root / "two"
    if change == "added":
        (folder / "new.md").write_text(article("New", category="two"), encoding="utf-8")
    elif change == "removed":
        (folder / "gamma.md").unlink()
    else:
        (folder / "gamma.md").rename(folder / "gamma-2.md")
    _bump_mtime(folder)
    pack = Catalog(cache).load(root, full_check=False)
    assert not _from_catalog(pack)
    assert [a.slug for a in pack.articles] == [a.slug for a in load_pack(root).articles]


def test_verify_notices_an_edit_in_place_and_rebuilds(root: Path, cache: Path) -> None:
    Catalog(cache).load(root)
    pack = Catalog(cache).load(root, full_check=False)
    assert Catalog(cache).verify(pack, pack.articles[0].max_bytes)
    path = root / "one" / "beta.md"
    path.write_text(
        "---\ntitle: Beta edited\ncategory: one\nsummary: Longer front matter now.\n---\n\n"
        "Edited beta body.\n",
        encoding="utf-8",
    )
    # The quick check cannot see an edit in place, but the body is read from the file and
    # still starts in the right place although the front matter grew.
    stale = Catalog(cache).load(root, full_check=False)
    assert _from_catalog(stale)
    beta = stale.get("beta")
    assert beta is not None
    assert beta.body.strip() == "Edited beta body."
    assert not Catalog(cache).verify(stale, beta.max_bytes)
    fresh = Catalog(cache).load(root, full_check=False)
    assert _from_catalog(fresh)
    assert fresh.get("beta") is not None and fresh.get("beta").title == "Beta edited"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json at all",
        b'{"version": 1}\n',
        b'{"version": 1, "root": "R", "max_bytes": 2097152, "fingerprint": "F", "folders": []}\n'
        b'{"meta": {}}',
        b"\xff\xfe garbage \x00\x01",
    ],
)
def test_a_damaged_catalog_is_ignored_with_a_log_line(
    root: Path, cache: Path, caplog: pytest.LogCaptureFixture, damage: bytes
) -> None:
    Catalog(cache).load(root)
    path = catalog.catalog_path(root, cache)
    if b'"root": "R"' in damage:  # a good header over a broken catalog
        header = path.read_bytes().split(b"\n", 1)[0]
        damage = header + b"\n" + damage.split(b"\n", 1)[1]
    path.write_bytes(damage)
    with caplog.at_level(logging.INFO, logger="reader.library.catalog"):
        pack = Catalog(cache).load(root)
    assert not _from_catalog(pack)
    assert list(pack.articles) == load_pack(root).articles
    assert any(
        "damaged" in r.getMessage() or "old format" in r.getMessage() for r in caplog.records
    )
    assert _from_catalog(Catalog(cache).load(root))  # rewritten


def test_an_unwritable_cache_folder_still_loads(root: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    pack = Catalog(blocker / "cache").load(root)
    assert list(pack.articles) == load_pack(root).articles


def test_a_file_gone_after_loading_reads_as_empty(root: Path, cache: Path) -> None:
    Catalog(cache).load(root)
    pack = Catalog(cache).load(root, full_check=False)
    (root / "one" / "alpha.md").unlink()
    alpha = pack.get("alpha")
    assert alpha is not None
    assert alpha.body == ""
    assert alpha.word_count > 0  # from the catalog


def test_a_deferred_catalog_is_written_by_save_pending(root: Path, cache: Path) -> None:
    service = Catalog(cache)
    pack = service.load(root, full_check=False, defer_save=True)
    assert all(a.body_loaded for a in pack.articles)
    assert not catalog.catalog_path(root, cache).exists()
    assert service.has_pending
    assert service.save_pending() == catalog.catalog_path(root, cache)
    assert service.save_pending() is None  # once
    assert not service.has_pending
    assert _from_catalog(Catalog(cache).load(root, full_check=False, defer_save=True))


def _table(pack: Pack) -> catalog.CatalogArticles:
    assert isinstance(pack.articles, catalog.CatalogArticles)
    return pack.articles


def _built(pack: Pack) -> set[str]:
    return {a.slug for a in _table(pack)._built if a is not None}


def test_opening_from_the_catalog_builds_only_the_articles_asked_for(
    root: Path, cache: Path
) -> None:
    Catalog(cache).load(root)
    pack = Catalog(cache).load(root, full_check=False)
    assert _built(pack) == set()
    assert len(pack.articles) == 8 and "beta" in pack and "nope" not in pack
    beta = pack.get("beta")
    assert beta is not None and beta.tags == ("x", "y") and beta.index == 0  # order: 2
    assert pack.get("beta") is beta  # built once
    assert [pack.articles[i].slug for i in pack.tagged("X")] == ["beta"]
    assert list(pack.category_members("two")) == [2, 3, 4, 5, 6]
    assert _built(pack) == {"beta"}
    prev, nxt = pack.neighbours("beta")
    assert (prev, nxt and nxt.slug) == (None, "alpha")
    assert pack.articles[-1].slug == "stray" and pack.articles[0:2] == [beta, pack.get("alpha")]


def test_questions_about_every_article_get_the_full_load_answers(root: Path, cache: Path) -> None:
    eager = load_pack(root)
    Catalog(cache).load(root)
    lazy = Catalog(cache).load(root)
    for name in ("slug", "title", "rel_path", "reviewed", "updated"):
        assert list(lazy.column(name)) == list(eager.column(name)), name
    assert lazy.by_rel_path("two/gamma.md") == eager.by_rel_path("two/gamma.md")
    assert lazy.by_rel_path("two/none.md") is None
    assert lazy.recently_reviewed(3) == eager.recently_reviewed(3)
    assert [a.slug for a in lazy.recently_reviewed(3)] == ["gamma"]
    assert [a.slug for a in lazy.recently_updated(3)] == ["gamma"]
    assert _built(lazy) == {"gamma"}  # columns answered the rest
    for category in eager.categories:
        assert list(lazy.category_members(category.id)) == list(eager.category_members(category.id))
        assert lazy.articles_in(category.id) == eager.articles_in(category.id)
    assert list(lazy.column("summary")) == list(eager.column("summary"))  # by building all


def test_a_catalog_damaged_while_open_falls_back_to_the_files(
    root: Path, cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    eager = load_pack(root)
    path = Catalog(cache).load(root) and catalog.catalog_path(root, cache)
    pack = Catalog(cache).load(root)
    assert pack.get("alpha") == eager.get("alpha")
    header, index = path.read_bytes().split(b"\n", 2)[:2]
    rows_at = len(header) + len(index) + 2 + json.loads(index)["sections"]["rows"][0]
    with path.open("r+b") as file:  # the same file, changed in place
        file.seek(rows_at + 10)
        file.write(b"\x00garbage")
    with caplog.at_level(logging.ERROR, logger="reader.library.catalog"):
        assert [a.slug for a in pack.articles] == [a.slug for a in eager.articles]
    assert list(pack.articles) == eager.articles
    assert any("is damaged" in r.getMessage() for r in caplog.records)


def test_a_catalog_rebuilt_while_open_does_not_disturb_the_open_pack(
    root: Path, cache: Path
) -> None:
    Catalog(cache).load(root)
    pack = Catalog(cache).load(root, full_check=False)
    (root / "one" / "aaa.md").write_text(article("Aaa", category="one"), encoding="utf-8")
    fresh = Catalog(cache).load(root)  # rebuilds and replaces the catalog file
    assert _from_catalog(Catalog(cache).load(root)) and "aaa" in fresh
    assert "aaa" not in pack and pack.get("alpha") is not None  # its own rows still
    assert [a.slug for a in pack.articles] == [a.slug for a in fresh.articles if a.slug != "aaa"]


def test_the_catalog_file_is_closed_with_its_pack(root: Path, cache: Path) -> None:
    Catalog(cache).load(root)
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("needs /proc")
    before = len(list(fds.iterdir()))
    for _ in range(20):
        Catalog(cache).load(root).get("alpha")
    import gc

    gc.collect()
    assert len(list(fds.iterdir())) <= before + 1


@pytest.mark.parametrize(
    "change",
    [
        lambda index: index["runs"].reverse(),
        lambda index: index["sections"]["offsets"].__setitem__(1, 8),
        lambda index: index["sections"]["slugs"].__setitem__(1, 10**9),
        lambda index: index.__setitem__("tags", []),
    ],
)
def test_an_index_that_does_not_match_its_sections_is_ignored(
    root: Path, cache: Path, caplog: pytest.LogCaptureFixture, change: Any
) -> None:
    Catalog(cache).load(root)
    path = catalog.catalog_path(root, cache)
    header, index_line, data = path.read_bytes().split(b"\n", 2)
    index = json.loads(index_line)
    change(index)
    path.write_bytes(header + b"\n" + json.dumps(index).encode() + b"\n" + data)
    with caplog.at_level(logging.WARNING, logger="reader.library.catalog"):
        pack = Catalog(cache).load(root)
    assert not _from_catalog(pack)
    assert any("damaged pack catalog" in r.getMessage() for r in caplog.records)


def test_walking_in_a_thread_and_asking_meanwhile_give_the_same_articles(
    make_pack: PackBuilder, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    files = {f"c{i % 3}/a{i}.md": article(f"A{i}", category=f"c{i % 3}") for i in range(300)}
    root = make_pack(files)
    Catalog(cache).load(root)
    pack = Catalog(cache).load(root)
    monkeypatch.setattr(catalog, "_BATCH", 7)  # many holds of the lock
    walked: list[list[object]] = []
    walker = threading.Thread(target=lambda: walked.append(list(pack.articles)))
    walker.start()
    asked = [pack.get(f"a{i}") for i in reversed(range(300))]
    walker.join()
    assert len(walked[0]) == 300
    by_slug = {a.slug: a for a in walked[0]}  # type: ignore[attr-defined]
    assert all(a is by_slug[a.slug] for a in asked if a is not None)
    assert [a.index for a in walked[0]] == list(range(300))  # type: ignore[attr-defined]


def test_a_catalog_of_the_first_format_is_replaced(root: Path, cache: Path) -> None:
    old = catalog.catalog_path(root, cache).with_suffix(".json")
    cache.mkdir()
    old.write_text('{"version": 1}\n{}', encoding="utf-8")
    Catalog(cache).load(root)
    assert catalog.catalog_path(root, cache).is_file() and not old.exists()


def test_an_empty_pack_comes_back_from_its_catalog(make_pack: PackBuilder, cache: Path) -> None:
    root = make_pack({})
    Catalog(cache).load(root)
    pack = Catalog(cache).load(root)
    assert isinstance(pack.articles, catalog.CatalogArticles)
    assert list(pack.articles) == [] and pack.get("x") is None
    assert pack.recently_reviewed(3) == [] and list(pack.column("title")) == []


def test_row_offsets_read_the_same_on_any_byte_order(monkeypatch: pytest.MonkeyPatch) -> None:
    import struct

    raw = struct.pack("<4I", 0, 7, 300, 70_000)
    assert list(catalog._unpack_offsets(raw)) == [0, 7, 300, 70_000]
    monkeypatch.setattr(catalog.sys, "byteorder", "big")  # the portable path
    assert list(catalog._unpack_offsets(raw)) == [0, 7, 300, 70_000]
    with pytest.raises(catalog.CatalogError):
        catalog._unpack_offsets(raw[:-1])


def test_a_tag_list_damaged_while_open_is_answered_from_the_files(
    root: Path, cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    Catalog(cache).load(root)
    path = catalog.catalog_path(root, cache)
    pack = Catalog(cache).load(root)
    header, index = path.read_bytes().split(b"\n", 2)[:2]
    tag_at = len(header) + len(index) + 2 + json.loads(index)["tags"]["x"][0]
    with path.open("r+b") as file:  # the same file, changed in place
        file.seek(tag_at)
        file.write(b"!")
    with caplog.at_level(logging.ERROR, logger="reader.library.catalog"):
        assert [pack.articles[i].slug for i in pack.tagged("X")] == ["beta"]
    assert any("is damaged" in r.getMessage() for r in caplog.records)
    assert [pack.articles[i].slug for i in pack.tagged("x")] == ["beta"]  # kept


def test_catalog_work_leaves_the_garbage_collector_alone(
    root: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers (save, verify, building every row) must not switch the process-wide collector:
    two of them interleaving could leave it off for the whole session."""
    import gc

    def refuse() -> None:
        raise AssertionError("gc.disable() called by catalog code")

    monkeypatch.setattr(gc, "disable", refuse)
    service = Catalog(cache)
    service.load(root)  # reads the files and saves the catalog
    pack = service.load(root)  # from the catalog
    assert len(list(pack.articles)) == len(load_pack(root).articles)  # builds every row
    assert service.verify(pack)
