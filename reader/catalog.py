"""A cached catalog of a pack: every article's front matter, the problems, no bodies.

Parsing the front matter of every file is most of the cost of opening a big pack (100,000
articles: about 12 s, half of it YAML). After a full load the catalog is written to one file in
the cache folder, ``catalog-<hash of the pack path>.json``; the next start builds the
:class:`~reader.pack.Pack` from it without opening any article file, and each article's body
is read from its file the first time it is asked for (``Article.body``).

The file holds two lines of JSON (no pickle: a cache file must never be able to run code):

1. a header: format version, pack path, size limit, the **fingerprint** (a hash of the path,
   size and modification time of every ``.md`` file and ``pack.toml``) and the **folder
   stamps** (modification time of every folder and of ``pack.toml``);
2. the catalog: pack metadata, categories, problems and one row per article, in pack order.

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
import gc
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reader.pack import PACK_FILE, Article, Category, Pack, Problem, _load_files, log_problems

logger = logging.getLogger(__name__)

#: Bump when the file's layout or what a row holds changes; older files are rebuilt.
FORMAT_VERSION = 1
_SKIP_DIRS = frozenset({"__pycache__", "node_modules"})
#: Shared by every catalog-built article: line numbers of front-matter keys are only needed
#: by ``check``, which always does a full load.
_NO_KEY_LINES: dict[str, int] = {}


def catalog_path(root: Path, cache_dir: Path) -> Path:
    """Return where the catalog of the pack in ``root`` is kept in ``cache_dir``."""
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return cache_dir / f"catalog-{digest[:20]}.json"


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
    digest = hashlib.sha256()
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


def load_cached(
    root: Path,
    cache_dir: Path,
    max_bytes: int,
    full_check: bool = True,
    defer_save: bool = False,
    progress: Callable[[int, int], object] | None = None,
) -> Pack:
    """Return the pack in ``root`` from its catalog if still valid, else load it and save one
    (or, with ``defer_save``, leave that to :func:`save_pending`)."""
    path = catalog_path(root, cache_dir)
    header = _read_header(path)
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
    pack = _load_files(root, max_bytes, progress)
    if defer_save:
        pack.fingerprint = fingerprint
        pack.pending_catalog = (cache_dir, fingerprint, folders, max_bytes)
    else:
        save(pack, cache_dir, fingerprint, folders, max_bytes)
    return pack


def save_pending(pack: Pack) -> Path | None:
    """Write the catalog that ``load_pack(..., defer_save=True)`` left to write, if any."""
    pending, pack.pending_catalog = pack.pending_catalog, None
    if pending is None:
        return None
    cache_dir, fingerprint, folders, max_bytes = pending
    return save(pack, cache_dir, fingerprint, folders, max_bytes)


def verify(pack: Pack, cache_dir: Path, max_bytes: int) -> bool:
    """Return True if ``pack`` still matches its files; if not, rebuild its catalog.

    Meant for a worker thread after a quick check: it walks every file, and a rebuild reads
    every file. The ``pack`` given is not changed.
    """
    fingerprint, folders = scan(pack.root)
    if pack.fingerprint and fingerprint == pack.fingerprint:
        return True
    logger.info("the pack in %s changed since its catalog was written", pack.root)
    fresh = _load_files(pack.root, max_bytes)
    save(fresh, cache_dir, fingerprint, folders, max_bytes)
    return False


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
    """Build the pack from the catalog's second line; None (logged) if it is damaged."""
    # Creating hundreds of thousands of objects triggers full collections that find nothing
    # to free: without them, 100,000 articles load in 0.4 s instead of 0.9 s.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as file:
            file.readline()
            data = json.loads(file.read())
        return _build(root, data, header)
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        logger.warning("ignored a damaged pack catalog %s: %s", path, exc)
        return None
    finally:
        if collecting:
            gc.enable()


def _build(root: Path, data: dict[str, Any], header: dict[str, Any]) -> Pack:
    meta = data["meta"]
    pack = Pack(
        root=root,
        title=str(meta["title"]),
        language=str(meta["language"]),
        description=str(meta["description"]),
        disclaimer=str(meta["disclaimer"]),
        featured=tuple(str(s) for s in meta["featured"]),
        review_period_years=int(meta["review_period_years"]),
        categories=[Category(str(i), str(n)) for i, n in meta["categories"]],
        problems=[Problem(str(p), ln, str(m), str(s)) for p, ln, m, s in data["problems"]],
        fingerprint=header["fingerprint"],
    )
    max_bytes = header["max_bytes"]
    base = str(root) + os.sep
    articles = pack.articles
    # Categories, tag lists and dates repeat across thousands of articles: share one object
    # each (this loop runs 100,000 times for a big pack, so no helper functions in it).
    shared: dict[Any, Any] = {}
    share = shared.setdefault
    dates: dict[str, dt.date] = {}
    from_iso = dt.date.fromisoformat

    for index, row in enumerate(data["articles"]):
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
        ) = row
        if reviewed:
            day = dates.get(reviewed)
            if day is None:
                day = dates[reviewed] = from_iso(reviewed)
        else:
            day = None
        articles.append(
            Article(
                slug,
                title,
                base + rel,  # a str: Path objects cost 5 µs and ~0.3 KB each
                rel,
                None,  # read on first use
                body_line,
                summary,
                share(category, category),
                share(key, key) if (key := tuple([share(t, t) for t in tags])) else (),
                order,
                day,
                tuple(related) if related else (),
                share(key, key) if (key := tuple(sources)) else (),
                url,
                index,
                truncated,
                _NO_KEY_LINES,
                words,
                max_bytes,
            )
        )
    pack._index(positions_set=True)
    if len(pack._by_slug) != len(articles):
        raise ValueError("duplicate slugs")
    return pack


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
            list(a.sources),
            a.url,
            a.truncated,
            a.word_count,
        ]


def save(
    pack: Pack, cache_dir: Path, fingerprint: str, folders: list[list[Any]], max_bytes: int
) -> Path | None:
    """Write the catalog of ``pack`` (atomically); return its path, or None if not writable."""
    collecting = gc.isenabled()  # see _read_catalog: 100,000 rows make useless collections
    gc.disable()
    try:
        return _save(pack, cache_dir, fingerprint, folders, max_bytes)
    finally:
        if collecting:
            gc.enable()


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
    data = {
        "meta": {
            "title": pack.title,
            "language": pack.language,
            "description": pack.description,
            "disclaimer": pack.disclaimer,
            "featured": list(pack.featured),
            "review_period_years": pack.review_period_years,
            "categories": [[c.id, c.name] for c in pack.categories],
        },
        "problems": [[p.path, p.line, p.message, p.severity] for p in pack.problems],
        "articles": list(_rows(pack)),
    }
    import tempfile  # only when writing: ~3 ms of imports

    path = catalog_path(pack.root, cache_dir)
    compact = (",", ":")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=cache_dir)
        try:
            # ASCII output: names with lone surrogates (undecodable file names) survive.
            with os.fdopen(fd, "w", encoding="ascii") as file:
                file.write(json.dumps(header, separators=compact))
                file.write("\n")
                file.write(json.dumps(data, separators=compact))
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (OSError, UnicodeError, ValueError) as exc:
        logger.warning("cannot write the pack catalog in %s: %s", cache_dir, exc)
        return None
    pack.fingerprint = fingerprint
    return path
