"""A cached catalog of a pack: every article's front matter, the problems, no bodies.

Parsing the front matter of every file is most of the cost of opening a big pack (100,000
articles: about 12 s, half of it YAML). After a full load the catalog is written to one file in
the cache folder, ``catalog-<hash of the pack path>.catalog``; the next start builds the
:class:`~reader.library.pack.Pack` from it without opening any article file, and each article's body
is read from its file the first time it is asked for (``Article.body``).

The file holds no pickle (a cache file must never be able to run code), and is read only as far
as the first page needs:

1. a JSON line, the header: format version, pack path, size limit, the **fingerprint** (a hash
   of the path, size and modification time of every ``.md`` file and ``pack.toml``) and the
   **folder stamps** (modification time of every folder and of ``pack.toml``);
2. a JSON line, the index: pack metadata, categories, problems, each category's span of
   articles (the pack keeps a category's articles together) and where each section below is;
3. the sections: the slugs (read at start: ``pack.get`` needs them), the byte offset of every
   row, one JSON row per article, the titles, paths, review and update dates as columns, and
   one list of article positions per tag.

A pack from its catalog holds a :class:`CatalogArticles` table: an article is built from its
row the first time it is asked for, so a 100,000-article pack opens in milliseconds instead of
0.4 s. Walking every article reads all the rows at once.

Two checks decide whether the catalog is still right:

- ``full_check`` recomputes the fingerprint (one ``scandir`` walk with a ``stat`` of every
  file: about 0.5 s for 100,000 files). Anything added, removed, renamed or edited is noticed.
- the quick check compares only the folder stamps: adding, removing or renaming a file changes
  its folder's modification time, so those are noticed by a dozen ``stat`` calls. A file edited
  in place is not; the window therefore runs :func:`verify` in a background thread after the
  first page is painted, which rebuilds the catalog when the fingerprint differs and tells the
  reader that the changes show after a restart. Bodies are read from the files, so edited text
  shows at once; only titles, summaries, tags and order can be stale until then.

A damaged or unreadable catalog is logged and ignored (the pack is loaded in full and the
catalog rewritten). This module never imports Qt.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import struct
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from hashlib import sha256
from pathlib import Path
from typing import Any

from reader.library.files import MAX_ARTICLE_BYTES
from reader.library.loading import load_files, log_problems, pack_root
from reader.library.pack import PACK_FILE, Article, ArticleTable, Category, Pack, Problem, Source

logger = logging.getLogger(__name__)

#: Bump when the file's layout or what a row holds changes; older files are rebuilt.
FORMAT_VERSION = 5  # 5: review fields, language and translation_of in each row
_SKIP_DIRS = frozenset({"__pycache__", "node_modules"})
#: Shared by every catalog-built article: line numbers of front-matter keys are only needed
#: by ``check``, which always does a full load.
_NO_KEY_LINES: dict[str, int] = {}
#: The columns kept apart from the rows, so that a question about every article (a link by
#: path, the most recently reviewed, A to Z) reads one list instead of every row.
COLUMNS = ("title", "rel_path", "reviewed", "updated", "language", "translation_of")


#: Rows built per hold of the table's lock when every article is built.
_BATCH = 2000
#: Reading at an offset without moving a shared file position (not on Windows).
_pread: Callable[[int, int, int], bytes] | None = getattr(os, "pread", None)
_seek_lock = threading.Lock()


def _unpack_offsets(raw: bytes) -> Sequence[int]:
    """Return the row offsets stored in ``raw`` (little-endian, 4 bytes each)."""
    if len(raw) % 4:
        raise CatalogError("the row offsets are cut short")
    view = memoryview(raw)
    if sys.byteorder == "little" and view.cast("I").itemsize == 4:
        return view.cast("I")  # no copy, no int objects until one is read
    return struct.unpack(f"<{len(raw) // 4}I", raw)


class CatalogError(ValueError):
    """The catalog file does not hold what its index says."""


def catalog_path(root: Path, cache_dir: Path) -> Path:
    """Return where the catalog of the pack in ``root`` is kept in ``cache_dir``."""
    digest = sha256(str(root.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return cache_dir / f"catalog-{digest[:20]}.catalog"


def scan(root: Path) -> tuple[str, list[list[Any]]]:
    """Return the fingerprint of the pack's files and the folder stamps (one walk)."""
    entries: list[tuple[str, int, int]] = []
    folders: list[list[Any]] = []

    def walk(folder: str, prefix: str) -> None:
        try:
            folders.append([prefix, os.stat(folder).st_mtime_ns])
            with os.scandir(folder) as it:
                found = list(it)
        except OSError:
            return
        for entry in found:
            if entry.name.startswith(".") or entry.name in _SKIP_DIRS:
                continue
            rel = prefix + entry.name
            try:
                if entry.is_dir():
                    walk(entry.path, rel + "/")
                elif entry.name.endswith(".md") or rel == PACK_FILE:
                    st = entry.stat()
                    entries.append((rel, st.st_size, st.st_mtime_ns))
            except OSError:
                continue

    walk(str(root), "")
    entries.sort()
    digest = sha256()
    for rel, size, mtime in entries:
        digest.update(f"{rel}\0{size}\0{mtime}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest(), folders


def _stamps_match(root: Path, folders: list[list[Any]]) -> bool:
    """Return True if every recorded folder and ``pack.toml`` still has its recorded stamp."""
    try:
        for rel, mtime in folders:
            if os.stat(root / rel if rel else root).st_mtime_ns != mtime:
                return False
    except (OSError, TypeError, ValueError):
        return False
    return True


def _pack_toml_stamp(root: Path) -> list[int] | None:
    try:
        st = os.stat(root / PACK_FILE)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


class Catalog:
    """The catalogs kept in one cache folder: open a pack from its catalog, write it, check it.

    Built once by the program (the window's :func:`~reader.gui.app.run`, or a sub-command) and
    passed to whoever needs it; the pack itself carries no cache state.
    """

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        #: A catalog still to write: the pack, its fingerprint, folder stamps and size limit.
        self._pending: tuple[Pack, str, list[list[Any]], int] | None = None
        self._lock = threading.Lock()

    def path(self, root: Path) -> Path:
        """Return where the catalog of the pack in ``root`` is kept."""
        return catalog_path(root, self.cache_dir)

    def load(
        self,
        root: Path | str,
        max_article_bytes: int = MAX_ARTICLE_BYTES,
        full_check: bool = True,
        defer_save: bool = False,
        progress: Callable[[int, int], object] | None = None,
    ) -> Pack:
        """Return the pack in ``root`` from its catalog if still valid, else read its files and
        save a catalog (or, with ``defer_save``, leave that to :meth:`save_pending`).

        ``full_check=False`` trusts the catalog if no folder and not ``pack.toml`` changed
        (files added, removed or renamed); the caller should then run :meth:`verify` later,
        which also notices files edited in place. ``progress`` is as for
        :func:`~reader.library.loading.load_pack`. Raises :class:`PackError` if ``root`` is
        not a folder.
        """
        root = pack_root(root)
        max_bytes = max_article_bytes
        path = self.path(root)
        header = _read_header(path) or _adopt_seed(root, path)
        scanned: tuple[str, list[list[Any]]] | None = None
        if header is not None and header["root"] == str(root) and header["max_bytes"] == max_bytes:
            if full_check:
                scanned = scan(root)
                valid = header["fingerprint"] == scanned[0]
            else:
                valid = _stamps_match(root, header["folders"]) and header.get("pack_toml") == (
                    _pack_toml_stamp(root)
                )
            if not valid:
                logger.info("the pack in %s changed; rebuilding its catalog", root)
            elif (pack := _read_catalog(root, path, header)) is not None:
                log_problems(pack)
                return pack
        # Fingerprint before reading: a file changed during the load then fails the next check.
        fingerprint, folders = scanned or scan(root)
        pack = load_files(root, max_bytes, progress)
        if defer_save:
            pack.fingerprint = fingerprint
            with self._lock:
                self._pending = (pack, fingerprint, folders, max_bytes)
        else:
            save(pack, self.cache_dir, fingerprint, folders, max_bytes)
        return pack

    def save_pending(self) -> Path | None:
        """Write the catalog that ``load(..., defer_save=True)`` left to write, if any."""
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is None:
            return None
        pack, fingerprint, folders, max_bytes = pending
        return save(pack, self.cache_dir, fingerprint, folders, max_bytes)

    @property
    def has_pending(self) -> bool:
        """True while a deferred catalog is still to be written."""
        return self._pending is not None

    def verify(self, pack: Pack, max_bytes: int = MAX_ARTICLE_BYTES) -> bool:
        """Return True if ``pack`` still matches its files; if not, rebuild its catalog.

        Meant for a worker thread after a quick check: it walks every file, and a rebuild
        reads every file. The ``pack`` given is not changed.
        """
        fingerprint, folders = scan(pack.root)
        if pack.fingerprint and fingerprint == pack.fingerprint:
            return True
        logger.info("the pack in %s changed since its catalog was written", pack.root)
        fresh = load_files(pack.root, max_bytes)
        save(fresh, self.cache_dir, fingerprint, folders, max_bytes)
        return False


def restamp_catalog(path: Path, root: Path) -> None:
    """Rewrite the header of the catalog file at ``path`` for the pack as it is in ``root``.

    For a catalog shipped in a pack archive (reader.library.archive): its rows were verified
    against the manifest; only where and when the files were unpacked changed.
    """
    with path.open("rb") as file:
        header = json.loads(file.readline())
        rest = file.read()
    fingerprint, folders = scan(root)
    header.update(
        root=str(root),
        fingerprint=fingerprint,
        folders=folders,
        pack_toml=_pack_toml_stamp(root),
    )
    fd, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "wb") as file:
        file.write(_dump(header) + b"\n")
        file.write(rest)
    os.chmod(temp, 0o644)  # shipped with the pack: every user of the terminal reads it
    os.replace(temp, path)


def _adopt_seed(root: Path, path: Path) -> dict[str, Any] | None:
    """Copy the catalog shipped with the pack (if any) to ``path``; return its header.

    A pack installed from an archive carries the catalog its publisher built, so a terminal's
    very first start does not read every file.
    """
    from reader.library.prebuilt import seed_catalog

    seed = seed_catalog(root)
    if seed is None:
        return None
    header = _read_header(seed)
    if header is None or header["root"] != str(root):
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seed, path)
    except OSError as exc:
        logger.warning("cannot copy the shipped catalog to %s: %s", path, exc)
        return None
    logger.info("using the catalog shipped with the pack in %s", root)
    return header


def _read_header(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as file:
            line = file.readline()
    except FileNotFoundError:
        return None
    except OSError as exc:
        logger.warning("ignored the pack catalog %s: %s", path, exc)
        return None
    try:
        header = json.loads(line)
        if not isinstance(header, dict) or header.get("version") != FORMAT_VERSION:
            logger.info("the pack catalog %s has an old format; rebuilding it", path)
            return None
        for key, kind in (
            ("root", str),
            ("max_bytes", int),
            ("fingerprint", str),
            ("folders", list),
        ):
            if not isinstance(header.get(key), kind):
                raise ValueError(f"bad header field {key!r}")
    except ValueError as exc:  # json.JSONDecodeError and UnicodeDecodeError included
        logger.warning("ignored a damaged pack catalog %s: %s", path, exc)
        return None
    return header


def _read_catalog(root: Path, path: Path, header: dict[str, Any]) -> Pack | None:
    """Build the pack from the catalog's index; None (logged) if it is damaged."""
    fd = -1  # the table owns it once built
    try:
        with path.open("rb") as file:
            file.readline()
            index = json.loads(file.readline())
            data_start = file.tell()
            # The table keeps the file open: a catalog rebuilt meanwhile replaces the file,
            # and this one goes on reading the rows its index describes.
            fd = os.dup(file.fileno())
        owned, fd = fd, -1
        table = CatalogArticles(root, owned, data_start, index, header["max_bytes"], path)
        return _pack_from(root, index, header["fingerprint"], table)
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        if fd >= 0:
            os.close(fd)
        logger.warning("ignored a damaged pack catalog %s: %s", path, exc)
        return None


def _pack_from(root: Path, index: dict[str, Any], fingerprint: str, table: ArticleTable) -> Pack:
    meta = index["meta"]
    pack = Pack(
        root=root,
        title=str(meta["title"]),
        language=str(meta["language"]),
        description=str(meta["description"]),
        disclaimer=str(meta["disclaimer"]),
        featured=tuple(str(s) for s in meta["featured"]),
        review_every_months=int(meta["review_every_months"]),
        categories=[Category(str(i), str(n)) for i, n in meta["categories"]],
        articles=table,
        problems=[Problem(str(p), ln, str(m), str(s)) for p, ln, m, s in index["problems"]],
        fingerprint=fingerprint,
        emergency_number=str(meta["emergency_number"]),
        contact=str(meta["contact"]),
        redirects={str(k): str(v) for k, v in meta["redirects"].items()},
        translations=meta["translations"],
    )
    pack.reindex(positions_set=True)
    if pack.slug_count != len(table):
        raise CatalogError("duplicate slugs")
    return pack


class CatalogArticles(ArticleTable):
    """The articles of a pack, built from their catalog rows when first asked for.

    Safe to use from several threads (the search index is built in one). If a row cannot be
    read any more (the file was damaged after it was opened), the pack's files are read
    instead, once, and the articles come from there.
    """

    __slots__ = (
        "_all_built",
        "_built",
        "_columns",
        "_fd",
        "_lock",
        "_max_bytes",
        "_offsets",
        "_path",
        "_root",
        "_runs",
        "_sections",
        "_shared",
        "_slugs",
        "_start",
        "_tag_cache",
        "_tags",
    )

    def __init__(
        self,
        root: Path,
        fd: int,
        data_start: int,
        index: dict[str, Any],
        max_bytes: int,
        path: Path,
    ) -> None:
        self._fd = fd  # closed with the table, also if this raises
        self._root = str(root) + os.sep
        self._start = data_start
        self._path = path
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._sections: dict[str, tuple[int, int]] = {
            str(name): (int(at), int(size)) for name, (at, size) in index["sections"].items()
        }
        self._tags: dict[str, tuple[int, int]] = {
            str(tag): (int(at), int(size)) for tag, (at, size) in index["tags"].items()
        }
        slugs = json.loads(self._read("slugs"))
        offsets = _unpack_offsets(self._read("offsets"))
        count = len(slugs)
        rows_end = self._sections["rows"][1] + 1 if count else 0
        if len(offsets) != count + 1 or offsets[-1] != rows_end:
            raise CatalogError("the row offsets do not match the rows")
        runs: dict[str, range] = {}
        end = 0
        for category, first, last in index["runs"]:
            if first != end or last < first:
                raise CatalogError("the category spans do not follow each other")
            runs[str(category)] = range(first, last)
            end = last
        if end != count:
            raise CatalogError("the category spans do not cover every article")
        self._slugs: list[str] = slugs
        self._offsets = offsets
        self._runs = runs
        self._built: list[Article | None] = [None] * count
        self._all_built = count == 0
        self._columns: dict[str, list[Any]] = {"slug": slugs}
        # Categories, tag lists and dates repeat across thousands of articles: one object each.
        self._shared: dict[Any, Any] = {category: category for category in runs}
        self._tag_cache: dict[str, list[int]] = {}

    def __del__(self) -> None:
        fd = getattr(self, "_fd", -1)
        self._fd = -1
        if fd >= 0:
            os.close(fd)

    # --- the Sequence ------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._built)

    def _item(self, i: int) -> Article:
        article = self._built[i]
        if article is None:
            with self._lock:
                article = self._built[i]
                if article is None:
                    article = self._build_one(i)
        return article

    def __iter__(self) -> Iterator[Article]:
        if not self._all_built:
            self._build_all()
        for article in self._built:
            assert article is not None
            yield article

    # --- what the pack asks without building articles ------------------------------------
    def column(self, name: str) -> Sequence[Any]:
        if name not in self._columns:
            if name not in COLUMNS:
                return super().column(name)
            with self._lock:
                if name not in self._columns:
                    self._columns[name] = self._read_column(name)
        return self._columns[name]

    def slug_positions(self) -> dict[str, int]:
        return dict(zip(self._slugs, range(len(self._slugs)), strict=True))

    def category_members(self) -> dict[str, Sequence[int]]:
        return dict(self._runs)

    def tagged(self, tag: str) -> Sequence[int]:
        known = self._tag_cache.get(tag)
        if known is not None:
            return known
        place = self._tags.get(tag)
        if place is None:
            return ()
        with self._lock:
            try:
                positions = json.loads(self._read_at(*place))
                if not all(isinstance(i, int) and 0 <= i < len(self._built) for i in positions):
                    raise CatalogError(f"bad article positions for the tag {tag!r}")
            except (OSError, ValueError) as exc:
                self._damaged(exc)  # the articles now come from the files: ask them, once
                positions = list(super().tagged(tag))
        self._tag_cache[tag] = positions
        return positions  # type: ignore[no-any-return]

    # --- reading -----------------------------------------------------------------------
    def _read(self, section: str) -> bytes:
        return self._read_at(*self._sections[section])

    def _read_at(self, at: int, size: int) -> bytes:
        """Read ``size`` bytes at ``at`` in the sections (safe from any thread)."""
        at += self._start
        data = b""
        while len(data) < size:  # a read may return less than asked
            if _pread is not None:
                more = _pread(self._fd, size - len(data), at + len(data))
            else:
                with _seek_lock:
                    os.lseek(self._fd, at + len(data), os.SEEK_SET)
                    more = os.read(self._fd, size - len(data))
            if not more:
                break
            data += more
        if len(data) != size:
            raise CatalogError("the catalog file is shorter than its index says")
        return data

    def _read_column(self, name: str) -> list[Any]:
        try:
            values = json.loads(self._read(name))
            if not isinstance(values, list) or len(values) != len(self._built):
                raise CatalogError(f"the {name} column does not match the articles")
        except (OSError, ValueError) as exc:
            self._damaged(exc)
            return [getattr(article, name) for article in self._built]
        if name in ("reviewed", "updated"):
            values = [self._date(day) if day else None for day in values]
        return values

    def _build_one(self, i: int) -> Article:
        """Build article ``i`` from its row (the lock is held)."""
        at, _ = self._sections["rows"]
        first, end = self._offsets[i], self._offsets[i + 1] - 1
        try:
            row = json.loads(self._read_at(at + first, end - first))
            article = self._article(i, row)
        except (OSError, ValueError, TypeError, IndexError) as exc:
            self._damaged(exc)
            rebuilt = self._built[i]
            assert rebuilt is not None
            return rebuilt
        self._built[i] = article
        return article

    def _build_all(self) -> None:
        """Build every article not built yet from one read of all rows.

        The rows are read and parsed without the lock and built in batches, so a page turn
        waits for one batch at most while a worker thread (the search index) walks them.
        """
        try:
            rows = json.loads(b"[" + self._read("rows").replace(b"\n", b",") + b"]")
            if len(rows) != len(self._built):
                raise CatalogError("the rows do not match the slugs")
        except (OSError, ValueError) as exc:
            with self._lock:
                self._damaged(exc)
            return
        built = self._built
        for start in range(0, len(rows), _BATCH):
            with self._lock:
                try:
                    for i in range(start, min(start + _BATCH, len(rows))):
                        if built[i] is None:
                            built[i] = self._article(i, rows[i])
                except (ValueError, TypeError, IndexError) as exc:
                    self._damaged(exc)
                    return
        self._all_built = True

    def _article(self, i: int, row: list[Any]) -> Article:
        (
            slug,
            title,
            rel,
            body_line,
            summary,
            category,
            tags,
            order,
            reviewed,
            related,
            sources,
            url,
            truncated,
            words,
            updated,
            reviewed_by,
            language,
            translation_of,
        ) = row
        if slug != self._slugs[i]:
            raise CatalogError(f"row {i} is not the article {self._slugs[i]!r}")
        share = self._shared.setdefault
        tag_key = tuple([share(t, t) for t in tags])
        source_key = tuple(Source(*source) for source in sources)
        return Article(
            slug,
            title,
            self._root + rel,  # a str: Path objects cost 5 µs and ~0.3 KB each
            rel,
            None,  # read on first use
            body_line,
            summary,
            share(category, category),
            share(tag_key, tag_key) if tag_key else (),
            order,
            self._date(reviewed) if reviewed else None,
            tuple(related) if related else (),
            share(source_key, source_key) if source_key else (),
            url,
            i,
            truncated,
            _NO_KEY_LINES,
            words,
            self._max_bytes,
            self._date(updated) if updated else None,
            reviewed_by,
            language,
            translation_of,
        )

    def _date(self, iso: str) -> dt.date:
        day = self._shared.get(("date", iso))
        if day is None:
            day = self._shared[("date", iso)] = dt.date.fromisoformat(iso)
        return day

    def _damaged(self, exc: Exception) -> None:
        """Read the pack's files instead of a catalog that broke after it was opened (the
        lock is held)."""
        if self._all_built:  # built already, or another thread read the files
            return
        logger.error(
            "the pack catalog %s is damaged (%s); reading every file of the pack instead",
            self._path,
            exc,
        )
        fresh = load_files(Path(self._root), self._max_bytes)
        by_slug = {article.slug: article for article in fresh.articles}
        for i, slug in enumerate(self._slugs):
            if self._built[i] is None:
                article = by_slug.get(slug)
                if article is None:  # gone from the pack since: an empty page, not a crash
                    article = Article(slug, slug, self._root + slug + ".md", slug + ".md", "")
                article.index = i
                self._built[i] = article
        self._all_built = True


def _rows(pack: Pack) -> Iterator[list[Any]]:
    for a in pack.articles:
        yield [
            a.slug,
            a.title,
            a.rel_path,
            a.body_line,
            a.summary,
            a.category,
            list(a.tags),
            a.order,
            a.reviewed.isoformat() if a.reviewed else None,
            list(a.related),
            [list(source) for source in a.sources],
            a.url,
            a.truncated,
            a.word_count,
            a.updated.isoformat() if a.updated else None,
            a.reviewed_by,
            a.language,
            a.translation_of,
        ]


def save(
    pack: Pack, cache_dir: Path, fingerprint: str, folders: list[list[Any]], max_bytes: int
) -> Path | None:
    """Write the catalog of ``pack`` (atomically); return its path, or None if not writable."""
    # The garbage collector is left alone: this runs in a worker thread, and switching the
    # process-wide collector off here could leave it off for the window (see gc in app.run).
    return _save(pack, cache_dir, fingerprint, folders, max_bytes)


def _dump(value: Any) -> bytes:
    # ASCII output: names with lone surrogates (undecodable file names) survive, and a row
    # never holds a raw line break.
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _encode(pack: Pack) -> tuple[dict[str, Any], list[bytes]]:
    """Return the index and the sections of the catalog of ``pack``."""
    rows = [_dump(row) for row in _rows(pack)]
    offsets = [0]
    for row in rows:
        offsets.append(offsets[-1] + len(row) + 1)  # each row and its line break
    runs: list[list[Any]] = []
    for i, article in enumerate(pack.articles):
        if runs and runs[-1][0] == article.category:
            runs[-1][2] = i + 1
        elif any(run[0] == article.category for run in runs):
            raise CatalogError(f"the articles of {article.category!r} are not together")
        else:
            runs.append([article.category, i, i + 1])
    tagged: dict[str, list[int]] = {}
    for i, article in enumerate(pack.articles):
        for tag in {tag.casefold() for tag in article.tags}:
            tagged.setdefault(tag, []).append(i)
    named = [
        ("slugs", _dump(list(pack.column("slug")))),
        ("offsets", struct.pack(f"<{len(offsets)}I", *offsets)),
        ("rows", b"\n".join(rows)),
        *((name, _dump([_plain(v) for v in pack.column(name)])) for name in COLUMNS),
    ]
    sections: dict[str, list[int]] = {}
    blobs: list[bytes] = []
    at = 0
    for name, blob in named:
        sections[name] = [at, len(blob)]
        blobs.append(blob)
        at += len(blob)
    tags: dict[str, list[int]] = {}
    for tag, positions in tagged.items():
        blob = _dump(positions)
        tags[tag] = [at, len(blob)]
        blobs.append(blob)
        at += len(blob)
    index = {
        "meta": {
            "title": pack.title,
            "language": pack.language,
            "description": pack.description,
            "disclaimer": pack.disclaimer,
            "featured": list(pack.featured),
            "review_every_months": pack.review_every_months,
            "emergency_number": pack.emergency_number,
            "contact": pack.contact,
            "categories": [[c.id, c.name] for c in pack.categories],
            "redirects": pack.redirects,
            "translations": pack.translations,
        },
        "problems": [[p.path, p.line, p.message, p.severity] for p in pack.problems],
        "runs": runs,
        "sections": sections,
        "tags": tags,
    }
    return index, blobs


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _save(
    pack: Pack, cache_dir: Path, fingerprint: str, folders: list[list[Any]], max_bytes: int
) -> Path | None:
    header = {
        "version": FORMAT_VERSION,
        "root": str(pack.root),
        "max_bytes": max_bytes,
        "fingerprint": fingerprint,
        "folders": folders,
        "pack_toml": _pack_toml_stamp(pack.root),
    }
    path = catalog_path(pack.root, cache_dir)
    try:
        index, blobs = _encode(pack)
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=cache_dir)
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(_dump(header) + b"\n")
                file.write(_dump(index) + b"\n")
                file.writelines(blobs)
            os.replace(temp, path)
            path.with_suffix(".json").unlink(missing_ok=True)  # the first format's file
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (OSError, UnicodeError, ValueError) as exc:
        logger.warning("cannot write the pack catalog in %s: %s", cache_dir, exc)
        return None
    pack.fingerprint = fingerprint
    return path
