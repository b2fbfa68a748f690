"""Pages converted ahead in a second process: found by the window, and never a wrong page."""

from __future__ import annotations

import os
import pickle
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.library.catalog import Catalog
from reader.page import ahead as ahead_module
from reader.page.ahead import PackLayout, ReadAhead
from reader.page.bodycache import BodyCache
from reader.page.render import Renderer
from tests.conftest import PackBuilder, article
from tests.locations import ROOT
from tests.page.test_bodycache import fresh_renderer

#: Long enough for a child process to start on a slow, busy machine; the tests never time
#: anything, they wait for a result.
PATIENCE_S = 120


def wait_until(condition: Callable[[], bool], patience: float = PATIENCE_S) -> bool:
    end = time.monotonic() + patience
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def readers_of(pack: PackBuilder) -> Path:
    """Six articles in reading order; each links to the next and cites a source."""
    files = {}
    for n in range(1, 7):
        body = f"Page {n} says [more](a{n + 1}.md) with a source.[^s]\n\n## Part\n\nText {n}."
        files[f"a{n}.md"] = article(f"Article {n}", body, order=n) + (
            "\n[^s]: A note.\n" if n % 2 else ""
        )
    return pack(files)


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead_module, "cores", lambda: 2)


@pytest.fixture
def ahead() -> Iterator[ReadAhead]:
    worker = ReadAhead()
    worker.enabled = True  # as the window does after its first paint
    yield worker
    worker.close()


def none_left(root: Path, cache: Path, slugs: list[str]) -> Callable[[], bool]:
    """True once every one of ``slugs`` is in the body cache a new session would look in."""

    def check() -> bool:
        renderer, _ = fresh_renderer(root, cache)
        assert renderer.disk_folder is not None
        stored = BodyCache(renderer.disk_folder, renderer.pack.fingerprint)
        found = [renderer.pack.get(slug) for slug in slugs]
        return all(a is not None and stored.get(stored.key(a.slug, a.body)) for a in found)

    return check


def shown_first(pack: PackBuilder, cache: Path, ahead: ReadAhead) -> tuple[Path, Renderer]:
    """Write the pack, show its first article on a cold cache (the window converts it), and
    tell ``ahead``; return the pack's folder and the window's renderer."""
    root = readers_of(pack)
    window, converted = fresh_renderer(root, cache)
    first = window.pack.articles[0]
    window.article_page(first)
    assert converted == ["a1"]
    ahead.follow(window, first)
    return root, window


@pytest.mark.usefixtures("two_cores")
def test_the_pages_after_the_one_shown_are_converted_by_another_process(
    make_pack: PackBuilder, tmp_path: Path, ahead: ReadAhead
) -> None:
    cache = tmp_path / "cache"
    root, _ = shown_first(make_pack, cache, ahead)
    assert ahead.running
    later = ["a2", "a3", "a4", "a5", "a6"]
    assert wait_until(none_left(root, cache, later))
    # What the other process stored is what the window would have shown.
    plain = Renderer(Catalog(tmp_path / "other").load(root))
    found, converted = fresh_renderer(root, cache)
    for slug in later:
        a, b = found.pack.get(slug), plain.pack.get(slug)
        assert a is not None and b is not None
        assert found.render_body(a) == plain.render_body(b)
        assert f"Page {slug[1]} says" in found.render_body(a).html
    assert converted == []
    # A library this small is converted whole: then the process ends, sooner than it would
    # with nothing to do.
    assert wait_until(lambda: not ahead.running, ahead_module.IDLE_EXIT_S - 5)


@pytest.mark.usefixtures("two_cores")
def test_the_window_never_shows_a_body_converted_from_another_text(
    make_pack: PackBuilder, tmp_path: Path, ahead: ReadAhead
) -> None:
    cache = tmp_path / "cache"
    root, window = shown_first(make_pack, cache, ahead)
    second = window.pack.articles[1]
    second.body = "Changed since the file was read."  # the other process reads the file
    assert wait_until(none_left(root, cache, ["a2", "a3"]))
    shown = window.render_body(second).html
    assert "Changed since the file was read." in shown and "Page 2 says" not in shown


@pytest.mark.usefixtures("two_cores")
def test_a_warm_cache_starts_no_process(
    make_pack: PackBuilder, tmp_path: Path, ahead: ReadAhead
) -> None:
    root = readers_of(make_pack)
    cache = tmp_path / "cache"
    earlier, _ = fresh_renderer(root, cache)
    for a in earlier.pack.articles:
        earlier.render_body(a)
    window, converted = fresh_renderer(root, cache)
    first = window.pack.articles[0]
    window.article_page(first)
    ahead.follow(window, first)
    assert converted == [] and not ahead.running


@pytest.mark.parametrize("cores, enabled", [(1, True), (2, False)], ids=["one core", "not yet"])
def test_no_process_on_one_core_or_before_the_first_paint(
    make_pack: PackBuilder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cores: int,
    enabled: bool,
) -> None:
    monkeypatch.setattr(ahead_module, "cores", lambda: cores)
    ahead = ReadAhead()
    ahead.enabled = enabled
    shown_first(make_pack, tmp_path / "cache", ahead)
    assert not ahead.running


@pytest.mark.usefixtures("two_cores")
def test_closing_ends_the_process(
    make_pack: PackBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ahead_module, "WHOLE_PACK", 2)  # not a small library: it stays on
    ahead = ReadAhead()
    ahead.enabled = True
    shown_first(make_pack, tmp_path / "cache", ahead)
    pid = ahead.pid
    assert pid is not None
    ahead.close()
    # Sooner than it would end by itself, idle; and collected, not left a zombie.
    assert wait_until(lambda: not Path(f"/proc/{pid}").exists(), ahead_module.IDLE_EXIT_S - 5)


def test_the_layout_keeps_what_links_need(make_pack: PackBuilder, tmp_path: Path) -> None:
    root = readers_of(make_pack)
    pack = Catalog(tmp_path / "cache").load(root)
    pack.hidden = frozenset({"secret"})
    pack.redirects = {"old": "a2"}
    copy = PackLayout.of(pack).pack()
    assert [a.slug for a in copy.articles] == [a.slug for a in pack.articles]
    assert copy.hidden == {"secret"} and copy.redirects == {"old": "a2"}
    a3 = copy.get("a3")
    assert a3 is not None and a3.rel_path == "a3.md"


def test_following_wraps_round_to_the_first_article(make_pack: PackBuilder, tmp_path: Path) -> None:
    pack = Catalog(tmp_path / "cache").load(readers_of(make_pack))
    assert [a.slug for a in pack.following("a4", 3)] == ["a5", "a6", "a1"]
    assert [a.slug for a in pack.following("a4", 10)] == ["a5", "a6", "a1", "a2", "a3"]
    assert [a.slug for a in pack.following("a1", 2)] == ["a2", "a3"]
    assert pack.following("nowhere", 3) == []


def test_the_worker_reads_whole_messages_however_the_pipe_cuts_them() -> None:
    read_end, write_end = os.pipe()
    inbox = ahead_module._Inbox(read_end)
    data = b"".join(
        ahead_module._LENGTH.pack(len(p)) + p
        for p in (pickle.dumps(["a", 1]), pickle.dumps(None), pickle.dumps("é" * 70_000))
    )
    try:
        os.write(write_end, data[:3])  # not even the length yet
        assert inbox.ready(0) and not inbox.buffer
        writer = threading.Thread(target=lambda: os.write(write_end, data[3:]))
        writer.start()
        assert inbox.read() == ["a", 1]
        assert inbox.read() is None
        assert inbox.read() == "é" * 70_000
        writer.join()
        os.close(write_end)
        with pytest.raises(EOFError):
            inbox.read()
    finally:
        os.close(read_end)


def test_the_standalone_build_starts_the_worker_by_its_flag() -> None:
    main = (ROOT / "reader" / "__main__.py").read_text(encoding="utf-8")
    assert f'sys.argv[1:2] == ["{ahead_module.WORKER_FLAG}"]' in main


@pytest.mark.usefixtures("two_cores")
def test_an_archive_s_next_entries_are_read_and_cleaned_by_the_other_process(
    tmp_path: Path, ahead: ReadAhead, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library.zim import ZimArticle, open_zim
    from tests.zimfiles import write_zim

    pages = {
        f"p{n}": (f"Page {n}", f"<p>Entry {n} text.</p><script>x()</script>") for n in range(6)
    }
    archive = write_zim(tmp_path / "a.zim", pages, index=False)
    cache = tmp_path / "cache"
    window = Renderer(open_zim(archive))
    window.use_disk_cache(cache)
    first = window.pack.articles[0]
    window.article_page(first)  # read from the archive and cleaned here: the cache is cold
    ahead.follow(window, first)
    assert ahead.running
    later = [a.slug for a in window.pack.following(first.slug, 10)]
    assert len(later) == 5
    # A new session finds each page without reading the entry from the archive again.
    read: list[str] = []
    read_body = ZimArticle._read_body

    def counting(self: ZimArticle) -> str:
        read.append(self.slug)
        return read_body(self)

    monkeypatch.setattr(ZimArticle, "_read_body", counting)

    def all_stored() -> bool:
        session = Renderer(open_zim(archive))
        session.use_disk_cache(cache)
        for slug in later:
            page = session.pack.get(slug)
            assert page is not None
            session.prefetch(page)
        return session.conversions == 0

    assert wait_until(all_stored)
    read.clear()
    session = Renderer(open_zim(archive))
    session.use_disk_cache(cache)
    for slug in later:
        page = session.pack.get(slug)
        assert page is not None
        shown = session.article_page(page)
        assert f"Entry {slug[1]} text." in shown and "x()" not in shown and "1 min read" in shown
    assert read == [] and session.conversions == 0


def test_the_worker_keeps_a_smaller_cluster_cache_than_the_window(tmp_path: Path) -> None:
    from libzim import reader as libzim_reader

    from reader.library.zim import CLUSTER_CACHE_BYTES
    from tests.zimfiles import write_zim

    archive = write_zim(tmp_path / "a.zim", {"p": ("P", "<p>Text.</p>")}, index=False)
    before = libzim_reader.get_cluster_cache_max_size()
    try:
        pack = ahead_module.ArchiveLayout(archive).pack()
        assert pack.get("p") is not None
        assert libzim_reader.get_cluster_cache_max_size() == ahead_module.WORKER_CLUSTER_CACHE
        assert ahead_module.WORKER_CLUSTER_CACHE < CLUSTER_CACHE_BYTES
    finally:
        libzim_reader.set_cluster_cache_max_size(before)


@pytest.mark.usefixtures("two_cores")
def test_a_process_that_cannot_start_is_tried_once_and_the_reader_goes_on(
    make_pack: PackBuilder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> object:
        raise PermissionError("not allowed to run programs")

    monkeypatch.setattr(ahead_module.subprocess, "Popen", refuse)
    ahead = ReadAhead()
    ahead.enabled = True
    _, window = shown_first(make_pack, tmp_path / "cache", ahead)  # no exception
    for a in window.pack.articles[1:]:
        window.article_page(a)  # the window converts each page itself, as without it
        ahead.follow(window, a)
    assert not ahead.running
    assert [r.message for r in caplog.records] == ["pages are not prepared ahead in this session"]


@pytest.mark.usefixtures("two_cores")
def test_a_process_that_fails_is_not_started_again(
    make_pack: PackBuilder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    failing = [sys.executable, "-c", "import sys; sys.exit(3)"]
    monkeypatch.setattr(ahead_module, "worker_command", lambda: failing)
    ahead = ReadAhead()
    ahead.enabled = True
    _, window = shown_first(make_pack, tmp_path / "cache", ahead)
    assert wait_until(lambda: not ahead.running)
    for a in window.pack.articles[1:]:
        window.article_page(a)
        ahead.follow(window, a)
    assert not ahead.running and not ahead.enabled
    assert [r.message for r in caplog.records] == ["pages are not prepared ahead in this session"]
    assert "status 3" in caplog.text
