"""Convert the pages a reader is likely to open next, in a second process (no Qt).

A page's first visit converts its Markdown: 6–9 ms for an article of the bundled pack, about
as long again as Qt takes to lay the page out. The window converts the next page in its idle
moments, but pages turned back to back (a held key, quick clicks) leave none, and Python runs
one thread at a time. With two or more processor cores, :class:`ReadAhead` hands the next
pages to a second process, which converts them into the rendered-body cache on disk
(:mod:`reader.page.bodycache`), where the window finds them.

- The process starts only after the window converted a page itself (the cache is cold there),
  runs at a low priority, and ends when it has converted a small library whole
  (:data:`WHOLE_PACK`), after :data:`IDLE_EXIT_S` seconds with nothing to do, or with the
  window. A warm cache never starts it. If it cannot be started, or fails, the session goes on
  without it (one line in the log), not trying again on every page turn.
- It is told only where each page's file is, and reads the text itself. A body is stored
  under a key made from the very text it was converted from (and the pack's fingerprint), so
  the window can only find a body for the text it is showing: the worker cannot put a wrong
  page on screen, only fail to be quicker.
- Whenever the window gets to a page first, it converts the page itself, as without it. Text
  that needs the time-limited child process (long or risky, :mod:`reader.page.guard`) is left
  to the window, as in idle moments.
- For a ZIM archive the worker opens the archive itself and reads, decompresses and cleans the
  next entries (:mod:`reader.page.zimpage`); their bodies are keyed by the entry, as an
  archive does not change while its fingerprint (UUID, size, modification time) stays the same,
  so the window finds a page without reading the entry. libzim keeps Python's interpreter lock
  while it decompresses, so a thread could not do this without holding the window up.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from reader.library.pack import Article, Pack, Source

if TYPE_CHECKING:
    from queue import SimpleQueue

    from reader.page.render import Renderer

logger = logging.getLogger(__name__)

#: How many pages after the one shown are converted ahead.
AHEAD = 12
#: A library of at most this many articles is converted whole, in reading order from the page
#: shown (the A–Z list or a topic leads anywhere in it); a bigger one only :data:`AHEAD`.
WHOLE_PACK = 300
#: Seconds the worker waits for something to do before it ends.
IDLE_EXIT_S = 30.0
#: The worker's niceness: the window, and whatever else the machine does, go first.
NICENESS = 10
#: What the standalone build (no Python to run ``-m`` with) is started with to be the worker.
WORKER_FLAG = "--read-ahead-worker"
#: Seconds a worker gets to end after its input is closed, before it is killed.
END_TIMEOUT_S = 10.0
#: Bytes of decompressed ZIM clusters the worker keeps (reader.library.zim).
WORKER_CLUSTER_CACHE = 1024 * 1024
_LENGTH = struct.Struct(">I")  # each message: its length, then the pickled message


def cores() -> int:
    """Return how many processor cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


class PackLayout(NamedTuple):
    """What converting a body needs of its pack: where the articles are, for its links."""

    root: Path
    entries: tuple[tuple[str, str], ...]  # (slug, pack-relative path) of every article
    redirects: tuple[tuple[str, str], ...] = ()
    hidden: frozenset[str] = frozenset()

    @classmethod
    def of(cls, pack: Pack) -> PackLayout:
        entries = tuple(zip(pack.column("slug"), pack.column("rel_path"), strict=True))
        return cls(pack.root, entries, tuple(pack.redirects.items()), pack.hidden)

    def pack(self) -> Pack:
        """Return a pack with these articles (no text: only their slugs and paths)."""
        root = self.root
        pack = Pack(root=root, redirects=dict(self.redirects))
        pack.articles = [
            Article(slug, slug, root / rel_path, rel_path, "") for slug, rel_path in self.entries
        ]
        pack.hidden = self.hidden
        pack.reindex()
        return pack


class PageFile(NamedTuple):
    """Where one article's text is, and the ids of its sources (their numbers in the text)."""

    slug: str
    path: str
    rel_path: str
    body_line: int
    max_bytes: int
    source_ids: tuple[str, ...]

    @classmethod
    def of(cls, article: Article) -> PageFile:
        return cls(
            article.slug,
            str(article.path),
            article.rel_path,
            article.body_line,
            article.max_bytes,
            tuple(source.id for source in article.sources),
        )

    def article(self, pack: Pack) -> Article | None:
        """Return the article, its body read from the file when it is asked for (``pack``
        is not asked: the text is in the file)."""
        article = Article(
            self.slug,
            self.slug,
            self.path,
            self.rel_path,
            None,
            body_line=self.body_line,
            word_count=0,
            max_bytes=self.max_bytes,
        )
        article.sources = tuple(Source(i, id=i) for i in self.source_ids)
        return article


class ArchiveLayout(NamedTuple):
    """A ZIM archive, which the worker opens itself (reader.library.zim)."""

    path: Path

    def pack(self) -> Pack:
        from reader.library.zim import open_zim

        # It reads each entry once, in title order, which rarely returns to a cluster: a
        # smaller cache than the window's (100 entries of a 100,000-entry archive: 46 → 36 MB
        # of RSS, at the same speed).
        return open_zim(self.path, cluster_cache=WORKER_CLUSTER_CACHE)


class ArchivePage(NamedTuple):
    """An entry of a ZIM archive: the worker reads it from its own copy of the archive."""

    slug: str

    def article(self, pack: Pack) -> Article | None:
        found = pack.get(self.slug)
        return found if found is not None and found.body_format == "html" else None


def layout_of(pack: Pack) -> PackLayout | ArchiveLayout:
    """Return what the worker needs to open its own copy of ``pack``."""
    from reader.library.zim import ZimPack  # imports no libzim

    return ArchiveLayout(pack.root) if isinstance(pack, ZimPack) else PackLayout.of(pack)


def page_of(article: Article) -> PageFile | ArchivePage:
    """Return what the worker needs to find ``article``'s text itself."""
    return ArchivePage(article.slug) if article.body_format == "html" else PageFile.of(article)


class ReadAhead:
    """The window's side: say which page is shown; the next ones are converted elsewhere."""

    def __init__(self) -> None:
        #: Set once the first page is painted: nothing of this runs before.
        self.enabled = False
        self._process: subprocess.Popen[bytes] | None = None
        self._feed: SimpleQueue[Any] | None = None
        self._for: tuple[Pack, Path] | None = None  # what the worker converts for
        self._sent: set[str] = set()  # slugs the worker was told about and may still convert
        self._conversions = 0  # the renderer's count when the worker was last started

    @property
    def running(self) -> bool:
        """True while the worker process is alive."""
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs, else None."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def follow(self, renderer: Renderer, article: Article) -> None:
        """``article`` is shown now: have the pages after it converted before they are asked
        for. Costs the window well under a millisecond; never raises."""
        if not self.enabled:
            return
        try:
            self._follow(renderer, article)
        except Exception:  # only an optimisation: it must never disturb the reader
            logger.exception("pages are not prepared ahead in this session")
            self.close()
            self.enabled = False  # once: not a failed start on every page turn

    def _follow(self, renderer: Renderer, article: Article) -> None:
        folder = renderer.disk_folder
        if folder is None:
            return
        pack = renderer.pack
        if self._for != (pack, folder):  # another pack, language or cache: a new worker
            self.close()
        starting = not self.running
        if starting:
            ended = self._process.returncode if self._process is not None else 0
            if ended:  # it failed (a broken installation?): not started again on every turn
                raise ChildProcessError(f"the read-ahead process ended with status {ended}")
            if renderer.conversions <= self._conversions or cores() < 2:
                return  # nothing was converted here since the last worker: the cache is warm
        count = len(pack.articles)
        whole = count <= WHOLE_PACK
        following = pack.following(article.slug, count if whole else AHEAD)
        window = [a.slug for a in following]
        self._sent &= set(window)
        files = [page_of(a) for a in following if a.slug not in self._sent]
        if starting:
            if not files:
                return
            self._start(pack, folder, renderer.conversions)
        assert self._feed is not None
        self._feed.put((window, files, whole))
        self._sent.update(f.slug for f in files)

    def _start(self, pack: Pack, folder: Path, conversions: int) -> None:
        from queue import SimpleQueue  # only here: a warm cache never needs it

        self.close()
        process = subprocess.Popen(
            [*worker_command(), str(folder), pack.fingerprint],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            cwd=_PACKAGE_PARENT,  # ``-m reader.page.ahead`` finds this reader, not another
        )
        feed: SimpleQueue[Any] = SimpleQueue()
        # Writes wait while the worker starts (0.2 s or more): a thread waits, not the window.
        threading.Thread(
            target=_send, args=(feed, process, pack), daemon=True, name="read-ahead-feed"
        ).start()
        self._process, self._feed, self._for = process, feed, (pack, folder)
        self._sent = set()
        self._conversions = conversions

    def close(self) -> None:
        """End the worker (it also ends by itself when the window's process goes)."""
        if self._feed is not None:
            self._feed.put(None)
        self._process = self._feed = self._for = None
        self._sent = set()


#: The folder that holds the ``reader`` package.
_PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent.parent)


def worker_command() -> list[str]:
    """Return the command that starts a worker (the standalone build has no ``-m``)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "reader.page.ahead"]


def _send(feed: SimpleQueue[Any], process: subprocess.Popen[bytes], pack: Pack) -> None:
    """Send the pack's layout, then what the window asks for, until it says stop; then end
    the worker (closing its input ends it) and collect its exit."""
    pipe = process.stdin
    assert pipe is not None
    try:
        _write(pipe, layout_of(pack))
        while (message := feed.get()) is not None:
            _write(pipe, message)
    except (OSError, ValueError):  # the worker has ended
        pass
    finally:
        with contextlib.suppress(OSError):
            pipe.close()
        try:
            process.wait(END_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _write(pipe: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    pipe.write(_LENGTH.pack(len(data)) + data)
    pipe.flush()


class _Inbox:
    """The worker's side of the pipe: whole messages from its parent, waiting or not."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = b""

    def ready(self, timeout: float) -> bool:
        """True if something (a message or the end) can be read within ``timeout`` s."""
        return bool(self.buffer) or bool(select.select([self.fd], [], [], timeout)[0])

    def read(self) -> Any:
        """Return the next message; raise EOFError when the parent closed the pipe."""
        while True:
            if len(self.buffer) >= _LENGTH.size:
                (size,) = _LENGTH.unpack_from(self.buffer)
                end = _LENGTH.size + size
                if len(self.buffer) >= end:
                    data, self.buffer = self.buffer[_LENGTH.size : end], self.buffer[end:]
                    # From the parent process only, which is the same program: not untrusted.
                    return pickle.loads(data)  # noqa: S301
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                raise EOFError
            self.buffer += chunk


def main(argv: list[str] | None = None) -> int:
    """The worker process: convert the pages it is told about into the body cache.

    ``argv``: the cache folder and the pack's fingerprint. Messages come on standard input.
    """
    folder, fingerprint = (argv if argv is not None else sys.argv[1:])[-2:]
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    from reader.page.bodycache import BodyCache
    from reader.page.render import Renderer

    inbox = _Inbox(sys.stdin.fileno())
    try:
        pack = inbox.read().pack()
    except EOFError:
        return 0
    renderer = Renderer(pack)  # the words of the reader's language are slots (see slot())
    renderer.keep_bodies_in(BodyCache(Path(folder), fingerprint))
    pending: dict[str, PageFile | ArchivePage] = {}  # nearest first
    whole = False  # the window asked for the whole library: once it is done, nothing is left
    while True:
        try:
            if not pending and (whole or not inbox.ready(IDLE_EXIT_S)):
                return 0
            while inbox.ready(0):
                window, files, whole = inbox.read()
                pending.update((f.slug, f) for f in files)
                # The reader's order from the page shown; nothing the reader has left behind.
                pending = {slug: pending[slug] for slug in window if slug in pending}
        except EOFError:  # the window closed the pipe, or its process has ended
            return 0
        if pending:
            page = pending.pop(next(iter(pending)))
            try:
                article = page.article(pack)
                if article is not None:
                    renderer.prefetch(article)
            except Exception:  # one page must not stop the others
                logger.exception("could not convert %s ahead", page.slug)


if __name__ == "__main__":
    sys.exit(main())
