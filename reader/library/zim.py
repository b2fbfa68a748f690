"""Open a ZIM archive (the format of the Kiwix offline libraries) as a pack.

The archive is read with libzim, the reference implementation's binding, imported only when a
``.zim`` is opened. Nothing proportional to the archive runs when it is opened: the articles
are the archive's own title-ordered list of front articles (``listing/titleOrdered/v1``, four
bytes per article, kept as libzim's buffer), each built as an :class:`Article` when first asked
for; the A–Z groups of the sidebar are ranges of that list found by bisection. Archives without
that list (the old namespace layout, or writers that marked no front article) are scanned once,
when the articles are first needed.

An entry's body is the HTML stored in the archive (``Article.body_format == "html"``);
:mod:`reader.page.zimpage` sanitises it. This module never imports Qt.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from reader.library.files import MAX_ARTICLE_BYTES
from reader.library.pack import Article, ArticleTable, Category, LazySequence, Pack, PackError

if TYPE_CHECKING:
    from libzim.reader import Archive, Entry

__all__ = [
    "ZIM_SUFFIX",
    "ZimArticle",
    "ZimArticles",
    "ZimPack",
    "html_to_text",
    "is_zim",
    "open_zim",
]

logger = logging.getLogger(__name__)

ZIM_SUFFIX = ".zim"
#: With more articles than this, the sidebar groups them by first letter; fewer are one list.
GROUP_BY_LETTER_OVER = 200
#: Category id of the single list of a small archive, and of titles not starting with a letter.
ALL_ARTICLES = "all"
OTHER_TITLES = "#"
#: Redirects followed before an entry is given up on (a loop in a hostile archive).
MAX_REDIRECTS = 16
#: Decompressed clusters libzim keeps (bytes; process-wide).
CLUSTER_CACHE_BYTES = 4 * 1024 * 1024
#: Articles kept built (with their bodies, once read) for turning back and forth.
ARTICLE_CACHE_SIZE = 64
HTML_MIMETYPES = ("text/html", "application/xhtml+xml")
_TITLE_LISTING = "listing/titleOrdered/v1"
_LISTING_MIMETYPE = "application/octet-stream+zimlisting"
#: ISO 639-3 codes of ZIM metadata → the two-letter codes the search index knows.
_LANGUAGES = {
    "ara": "ar", "ben": "bn", "bel": "be", "deu": "de", "eng": "en", "fas": "fa", "fra": "fr",
    "hin": "hi", "ind": "id", "ita": "it", "jpn": "ja", "kor": "ko", "nld": "nl", "pol": "pl",
    "por": "pt", "rus": "ru", "spa": "es", "swa": "sw", "tur": "tr", "ukr": "uk", "urd": "ur",
    "vie": "vi", "zho": "zh",
}  # fmt: skip
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")
_DROPPED = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


class ZimError(PackError):
    """The archive cannot be opened: libzim's reason, with the file's name."""


def is_zim(path: Path) -> bool:
    """Return True if ``path`` is to be opened as a ZIM archive rather than as a pack folder:
    any file (libzim then says clearly what it is not), or a missing ``.zim``."""
    return path.is_file() or (path.suffix.lower() == ZIM_SUFFIX and not path.is_dir())


def open_zim(path: Path, cluster_cache: int = CLUSTER_CACHE_BYTES) -> ZimPack:
    """Open the archive at ``path``; raise :class:`ZimError` with a clear reason if it is bad.

    ``cluster_cache``: at most this many bytes of decompressed clusters are kept (for the whole
    process, every archive it opens)."""
    try:
        from libzim import reader  # only when an archive is opened
    except ImportError as exc:  # pragma: no cover - libzim is a dependency
        raise ZimError(
            f"{path.name}: reading ZIM archives needs the libzim package ({exc})"
        ) from exc
    # libzim keeps 16 MiB of decompressed clusters, which grows RSS by ~60 MB within a hundred
    # pages; the next page in title order is rarely in a cached cluster anyway, so a small cache
    # loses little (benchmarks/bench_zim.py).
    if reader.get_cluster_cache_max_size() > cluster_cache:  # bytes since libzim 9
        reader.set_cluster_cache_max_size(cluster_cache)
    if not path.is_file():
        raise ZimError(f"{path.name}: no such file")
    try:
        archive = reader.Archive(path)
        pack = ZimPack(path.resolve(), archive)
    except ZimError:
        raise
    except Exception as exc:  # libzim reports every kind of damage as RuntimeError
        raise ZimError(f"{path.name}: not a readable ZIM archive: {reason(exc)}") from exc
    return pack


def reason(exc: BaseException) -> str:
    """Return libzim's message for ``exc`` on one line."""
    return _SPACE.sub(" ", str(exc)).strip() or exc.__class__.__name__


def html_to_text(html: str) -> str:
    """Return the words of an HTML page (no head, scripts or styles) for the search index."""
    from html import unescape

    return _SPACE.sub(" ", unescape(_TAG.sub(" ", _DROPPED.sub(" ", html)))).strip()


def _entry(archive: Archive, entry_id: int) -> Entry:
    # The binding has no public way to reach an entry by its number (python-libzim 3.x); the
    # title listing holds numbers, so this one call is the bridge.
    return archive._get_entry_by_id(entry_id)


def _is_html(entry: Entry) -> bool:
    return entry.get_item().mimetype.split(";", 1)[0].strip().lower() in HTML_MIMETYPES


def _follow(entry: Entry) -> Entry | None:
    """Return the entry a chain of redirects ends at, or None for a loop."""
    for _ in range(MAX_REDIRECTS):
        if not entry.is_redirect:
            return entry
        entry = entry.get_redirect_entry()
    return None


class ZimArticle(Article):
    """An archive entry as an article; its HTML is read from the archive when first asked for."""

    __slots__ = ("_archive", "read_error")
    body_format = "html"

    def __init__(self, archive: Archive, path: str, title: str, category: str, index: int) -> None:
        super().__init__(
            slug=path,
            title=title or path,
            path=str(archive.filename),
            rel_path=path,
            body=None,
            category=category,
            index=index,
        )
        self._archive = archive
        #: Why the entry's content could not be read ("" if it could, or was not read yet).
        self.read_error = ""

    def _read_body(self) -> str:
        """The entry's HTML ("" if it cannot be read: ``read_error`` then says why)."""
        try:
            item = self._archive.get_entry_by_path(self.slug).get_item()
            data = item.content
            self.truncated = len(data) > MAX_ARTICLE_BYTES
            raw = bytes(data[:MAX_ARTICLE_BYTES]) if self.truncated else bytes(data)
            body = raw.decode("utf-8", errors="replace")
        except Exception as exc:  # a damaged cluster, a bad offset …
            logger.warning("cannot read %s from %s: %s", self.slug, self._archive, exc)
            self.read_error = reason(exc)
            body = ""
        self._body = body
        return body

    @property
    def body_loaded(self) -> bool:
        return True  # nothing to verify against files: the archive is read-only

    @property
    def word_count(self) -> int:
        words = self._words
        if words is None:
            words = self._words = len(html_to_text(self.body).split())
        return words


def _letter(title: str) -> str:
    first = title[:1].upper()
    return first if first.isalpha() else OTHER_TITLES


class _Ranges(LazySequence[int]):
    """Consecutive ranges of positions as one sorted sequence (the titles under one letter)."""

    __slots__ = ("_ends", "_ranges")

    def __init__(self, ranges: list[range]) -> None:
        self._ranges = ranges
        self._ends: list[int] = []
        total = 0
        for r in ranges:
            total += len(r)
            self._ends.append(total)

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def _item(self, i: int) -> int:
        part = bisect.bisect_right(self._ends, i)
        start = self._ends[part - 1] if part else 0
        return self._ranges[part][i - start]


class ZimArticles(ArticleTable):
    """The archive's front articles in title order, built one by one when asked for."""

    __slots__ = ("_archive", "_built", "_ids", "_letters")

    def __init__(self, archive: Archive, ids: Sequence[int]) -> None:
        self._archive = archive
        self._ids = ids
        self._built: dict[int, ZimArticle] = {}
        self._letters: dict[str, Sequence[int]] | None = None

    def __len__(self) -> int:
        return len(self._ids)

    def _item(self, i: int) -> Article:
        article = self._built.get(i)
        if article is None:
            entry_id = self._ids[i]
            article = self._make(i, entry_id)
            if len(self._built) >= ARTICLE_CACHE_SIZE:
                self._built.pop(next(iter(self._built)))
            self._built[i] = article
        return article

    def _make(self, position: int, entry_id: int) -> ZimArticle:
        try:
            entry = _entry(self._archive, entry_id)
            path, title = entry.path, entry.title
        except Exception as exc:  # a title list pointing past the end
            logger.warning("unreadable entry %d in %s: %s", entry_id, self._archive, exc)
            path, title = f"#entry-{entry_id}", f"#{entry_id}"
        return ZimArticle(self._archive, path, title, self.category_of(title), position)

    def title_at(self, position: int) -> str:
        """Return the title at ``position`` without building its article."""
        built = self._built.get(position)
        if built is not None:
            return built.title
        try:
            return str(_entry(self._archive, self._ids[position]).title)
        except Exception:
            return ""

    def position_of(self, path: str, title: str) -> int:
        """Return the position of the entry at ``path`` titled ``title``, or -1 (bisection)."""
        ids = self._ids
        lo = bisect.bisect_left(range(len(ids)), title, key=self.title_at)
        for position in range(lo, min(lo + 64, len(ids))):
            built = self._built.get(position)
            try:
                found = built.slug if built else _entry(self._archive, ids[position]).path
            except Exception:
                return -1
            if found == path:
                return position
            if self.title_at(position) != title:
                break
        return -1

    def grouped(self) -> bool:
        return len(self._ids) > GROUP_BY_LETTER_OVER

    def category_of(self, title: str) -> str:
        return _letter(title) if self.grouped() else ALL_ARTICLES

    def category_members(self) -> dict[str, Sequence[int]]:
        if self._letters is None:
            self._letters = self._group() if self.grouped() else {ALL_ARTICLES: range(len(self))}
        return self._letters

    def _group(self) -> dict[str, Sequence[int]]:
        """Split the title-ordered list into runs of one first character, by bisection."""
        runs: dict[str, list[range]] = {}
        start, count = 0, len(self._ids)
        while start < count:
            first = self.title_at(start)[:1]
            if not first:
                end = start + 1
            else:
                after = chr(ord(first) + 1) if ord(first) < 0x10FFFF else first
                end = bisect.bisect_left(range(count), after, lo=start + 1, key=self.title_at)
                end = max(end, start + 1)
            runs.setdefault(_letter(first), []).append(range(start, end))
            start = end
        return {letter: r[0] if len(r) == 1 else _Ranges(r) for letter, r in sorted(runs.items())}

    def column(self, name: str) -> Sequence[Any]:
        if name == "title":
            return [self.title_at(i) for i in range(len(self))]
        if name == "language":
            # Every entry is in the archive's language (an article's own is "": the pack's).
            # Asked at every start (reader.library.languages.pack_languages), twice: building
            # every article for it cost ~1.4 s at 100,000 entries (first paint 1.9 → 0.5 s).
            return [""] * len(self)
        return super().column(name)

    def tagged(self, tag: str) -> Sequence[int]:
        return ()

    def slug_positions(self) -> dict[str, int]:
        return {}  # ZimPack looks slugs up in the archive instead


class ZimPack(Pack):
    """A ZIM archive behind the :class:`Pack` interface; entries are looked up in the archive."""

    __slots__ = (
        "_recent",
        "_table",
        "_table_maker",
        "archive",
        "creator",
        "date",
        "publisher",
        "uuid",
    )

    def __init__(self, path: Path, archive: Archive) -> None:
        meta = _metadata(archive)
        description = meta.get("Description", "") or meta.get("LongDescription", "")
        super().__init__(
            root=path,
            title=meta.get("Title", "") or path.stem,
            language=_language(meta.get("Language", "")),
            description=description,
        )
        self.archive = archive
        self.creator = meta.get("Creator", "")
        self.publisher = meta.get("Publisher", "")
        self.date = meta.get("Date", "")
        self.uuid = str(archive.uuid)
        stat = path.stat()
        self.fingerprint = f"zim:{self.uuid}:{stat.st_size}:{stat.st_mtime_ns}"
        credit = " · ".join(x for x in (self.creator, self.publisher, self.date) if x)
        if credit:
            self.description = f"{description} ({credit})" if description else credit
        self._table: ZimArticles | None = None
        self._recent: dict[str, Article] = {}
        self._table_maker: Callable[[], Sequence[int]] = lambda: _article_ids(archive)
        self.home_article = ""
        try:
            if archive.has_main_entry:
                main = _follow(archive.main_entry)
                if main is not None and _is_html(main):
                    self.home_article = main.path
        except Exception as exc:
            logger.warning("cannot read the main page of %s: %s", path.name, reason(exc))
        self.categories = []  # known once the articles are (see ``articles``)

    def __repr__(self) -> str:
        return f"ZimPack({str(self.root)!r}, {self.title!r})"

    # The articles and their groups are made on first use, not when the archive is opened.
    @property
    def articles(self) -> ZimArticles:
        table = self._table
        if table is None:
            try:
                ids = self._table_maker()
            except Exception as exc:
                logger.warning("cannot list the articles of %s: %s", self.root.name, reason(exc))
                ids = []
            table = self._table = ZimArticles(self.archive, ids)
        return table

    @articles.setter
    def articles(self, value: Sequence[Article]) -> None:
        pass  # Pack.__init__ sets an empty list; the archive decides

    @property
    def categories(self) -> list[Category]:
        members = self.articles.category_members()
        if ALL_ARTICLES in members:
            return [Category(ALL_ARTICLES, "All articles")]
        return [Category(letter, letter) for letter in members]

    @categories.setter
    def categories(self, value: list[Category]) -> None:
        pass

    def entry(self, slug: str) -> Entry | None:
        """Return the archive's entry at path ``slug`` (redirects followed), or None."""
        archive = self.archive
        for path in dict.fromkeys(self._candidates(slug)):
            try:
                if archive.has_entry_by_path(path):
                    return _follow(archive.get_entry_by_path(path))
            except Exception as exc:
                logger.debug("cannot look up %r: %s", path, exc)
        return None

    def get(self, slug: str) -> Article | None:
        # A page turn asks for the same few slugs several times (page, neighbours, sidebar,
        # status line); each look-up in the archive is a bisection over its titles.
        recent = self._recent
        article = recent.get(slug)
        if article is None:
            article = self._look_up(slug)
            if article is not None:
                if len(recent) >= ARTICLE_CACHE_SIZE:
                    recent.pop(next(iter(recent)))
                recent[slug] = article
        return article

    def _look_up(self, slug: str) -> Article | None:
        entry = self.entry(slug)
        try:
            if entry is None or not _is_html(entry):
                return None
            path, title = entry.path, entry.title
        except Exception as exc:
            logger.warning("cannot read entry %r: %s", slug, reason(exc))
            return None
        table = self.articles
        position = table.position_of(path, title)
        if position >= 0:
            return table[position]
        # An HTML page that is not a front article (or not in the list): shown, not listed.
        return ZimArticle(self.archive, path, title, "", -1)

    def heading(self, slug: str) -> tuple[str, str, str] | None:
        """Return ``(slug, title, category)`` of the article at ``slug`` (redirects followed)
        without finding its place in the title list: what a search result shows."""
        known = self._recent.get(slug)
        if known is not None:
            return known.slug, known.title, known.category
        entry = self.entry(slug)
        try:
            if entry is None or not _is_html(entry):
                return None
            path, title = entry.path, entry.title
        except Exception:
            return None
        return path, title, self.articles.category_of(title)

    def __contains__(self, slug: str) -> bool:
        return self.get(slug) is not None

    @property
    def slug_count(self) -> int:
        return len(self.articles)

    def by_rel_path(self, rel_path: str) -> Article | None:
        return self.get(rel_path)

    def category_name(self, category_id: str) -> str:
        return "All articles" if category_id == ALL_ARTICLES else category_id

    def category_members(self, category_id: str) -> Sequence[int]:
        return self.articles.category_members().get(category_id, ())

    def tagged(self, tag: str) -> Sequence[int]:
        return ()

    def recently_reviewed(self, count: int) -> list[Article]:
        return []  # an archive has no review dates

    def position(self, slug: str) -> int | None:
        article = self.get(slug)
        return None if article is None or article.index < 0 else article.index

    def reindex(self, positions_set: bool = False) -> None:
        pass  # positions come from the archive's title list

    def find_entry(self, rel_path: str) -> tuple[str, str] | None:
        """Resolve a path found in an entry: an article, a file, or missing."""
        entry = self.entry(rel_path)
        if entry is None:
            return "missing", ""
        try:
            return ("article" if _is_html(entry) else "file"), entry.path
        except Exception:
            return "missing", ""

    def _candidates(self, path: str) -> Iterator[str]:
        """The path as written, then percent-decoded. (libzim finds a path written for the
        other namespace layout itself: ``Foo`` in an old archive, ``A/Foo`` in a new one.)"""
        yield path
        yield unquote(path)

    def read_resource(self, rel_path: str) -> bytes | None:
        """Return the content of the file entry at ``rel_path`` (an image), or None."""
        entry = self.entry(rel_path)
        if entry is None:
            return None
        try:
            item = entry.get_item()
            if item.size > MAX_ARTICLE_BYTES * 4:
                return None
            return bytes(item.content)
        except Exception as exc:
            logger.warning("cannot read %s from %s: %s", rel_path, self.root.name, reason(exc))
            return None


def _metadata(archive: Archive) -> dict[str, str]:
    """Return the archive's text metadata; a missing or unreadable key is simply absent."""
    meta: dict[str, str] = {}
    try:
        keys = archive.metadata_keys
    except Exception:
        return meta
    for key in keys:
        if key.startswith("Illustration") or key in {"Counter"}:
            continue
        try:
            value = bytes(archive.get_metadata(key)).decode("utf-8", errors="replace").strip()
        except Exception as exc:
            logger.debug("metadata %s unreadable: %s", key, exc)
            continue
        if value.upper() not in {"", "N/A"}:  # writers fill keys they have no value for so
            meta[key] = value
    return meta


def _language(value: str) -> str:
    code = value.split(",", 1)[0].strip().lower()
    return _LANGUAGES.get(code, code[:2] if len(code) == 2 else code) or "en"


def _article_ids(archive: Archive) -> Sequence[int]:
    """Return the entry numbers of the archive's articles, in title order.

    The title listing is libzim's buffer cast to 32-bit numbers: no Python object per
    article. Without one, the HTML entries of the article namespace are scanned once.
    """
    count = archive.all_entry_count
    if archive.has_new_namespace_scheme and archive.article_count:
        for entry_id in range(count - 1, max(-1, count - 16), -1):
            entry = _entry(archive, entry_id)
            if entry.path == _TITLE_LISTING and not entry.is_redirect:
                item = entry.get_item()
                if item.mimetype != _LISTING_MIMETYPE:
                    continue
                data = memoryview(item.content)
                ids = data[: len(data) - len(data) % 4].cast("I")
                if len(ids) and max(ids) >= count:  # one pass in C, not in Python
                    raise ValueError("the title list points past the last entry")
                return ids
    return _scan(archive)


def _scan(archive: Archive) -> list[int]:
    """Find the HTML entries of the article namespace and sort them by title."""
    found: list[tuple[str, int]] = []
    new_scheme = archive.has_new_namespace_scheme
    last = archive.entry_count if new_scheme else archive.all_entry_count
    for entry_id in range(last):
        entry = _entry(archive, entry_id)
        if entry.is_redirect or (not new_scheme and not entry.path.startswith("A/")):
            continue
        try:
            if _is_html(entry):
                found.append((entry.title, entry_id))
        except Exception as exc:  # one bad entry does not hide the others
            logger.warning("skipped entry %d of %s: %s", entry_id, archive.filename, reason(exc))
    found.sort()
    return [entry_id for _, entry_id in found]
