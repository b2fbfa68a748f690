"""Full-text search over a pack with SQLite FTS5, cached on disk between runs.

The index lives in one SQLite file per pack, in the user's cache folder, named from a hash of
the pack's path. It records a fingerprint of the pack's files and is rebuilt when any file
changes, when the schema changes, or when the file is damaged. If the cache folder cannot be
written (a read-only kiosk) the index is built in memory instead.

:meth:`SearchIndex.open` may run in a worker thread; the returned index can then be used from
any thread (queries are serialised by a lock). Nothing here raises on odd user input: any text
typed in the search box gives a list of results, possibly empty. This module never imports Qt.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import html
import logging
import math
import os
import re
import shutil
import sqlite3
import struct
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from reader.find.building import (
    SCHEMA_VERSION,
    SUGGEST_MIN_COUNT,
    SearchCancelled,
    fill,
    trigram_for,
)
from reader.find.query import (
    TOKEN_RE,
    Part,
    clean_query,
    fts_query,
    parse_query,
    plain_query,
    quote,
)
from reader.library.catalog import scan
from reader.library.languages import cjk_characters
from reader.library.pack import Pack

__all__ = ["SearchCancelled", "SearchIndex", "SearchResult", "clean_query", "parse_query"]

logger = logging.getLogger(__name__)

#: Queries matching more articles than this are ranked in windows; see SearchIndex._match.
RANK_ALL_MAX = 2000
#: A phrase whose rarest word is in more articles than this is not ranked with bm25.
PHRASE_RANK_MAX_DF = 5000
#: In packs of at least this many articles, words found in more than this share of them are
#: left out of a query that has other words (see SearchIndex._plan).
DROP_COMMON_MIN_ARTICLES = 5000
COMMON_WORD_SHARE = 0.5
_MAX_ROWID = (1 << 63) - 1
_ONCE = 1
#: Caps that keep a pasted novel from turning into a huge query.
SNIPPET_TOKENS = 14
SNIPPET_TRIGRAMS = 40
#: Cache files smaller than this get a full ``PRAGMA quick_check`` when opened.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
SUGGEST_CUTOFF = 0.75
#: Above this many candidates of similar length, only words with the same first letter are
#: compared first (typos rarely change the first letter), which keeps suggest() fast.
SUGGEST_BUCKET_LIMIT = 4000
# Private-use characters mark matches inside snippet() output before HTML escaping.
_OPEN = "\ue000"
_CLOSE = "\ue001"
_ELLIPSIS = "…"
#: Columns and weights of the LIKE search used for 1-2 character CJK queries.
_LIKE_COLUMNS = ("title", "tags", "summary", "body")
_LIKE_WEIGHTS = (8, 4, 2, 1)
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One search hit. ``score`` is higher for better matches; ``category`` is the id.

    ``snippet`` is HTML: escaped text with the matched words wrapped in ``<b>…</b>``.
    """

    slug: str
    title: str
    category: str
    score: float
    snippet: str


def _adopt_seed(root: Path, path: Path) -> None:
    """Copy the search index shipped with the pack (reader.library.archive) to ``path``.

    It is used only if it passes the same checks as any cache file (schema, fingerprint).
    """
    from reader.library.prebuilt import seed_index

    seed = seed_index(root)
    if seed is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seed, path)
        logger.info("using the search index shipped with the pack in %s", root)
    except OSError as exc:
        logger.warning("cannot copy the shipped search index to %s: %s", path, exc)


def cache_file_name(root: Path) -> str:
    """Return the cache file name for the pack in ``root``."""
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return f"search-{digest[:20]}.sqlite3"


def pack_fingerprint(root: Path) -> str:
    """Return a hash over the path, size and modification time of every pack file."""
    return scan(root.resolve())[0]


def index_file_name(pack: Pack) -> str:
    """Return the cache file name of ``pack``'s index: by a ZIM archive's UUID (the same
    archive copied to another disk keeps its index), else by the pack's folder."""
    uuid = getattr(pack, "uuid", "")  # reader.library.zim.ZimPack
    return f"search-zim-{uuid}.sqlite3" if uuid else cache_file_name(pack.root)


def content_fingerprint(pack: Pack) -> str:
    """Return what the index of ``pack`` depends on: its files, or a ZIM archive's UUID, size
    and time (``pack.fingerprint``, :mod:`reader.library.zim`)."""
    return pack.fingerprint if pack.root.is_file() else pack_fingerprint(pack.root)


def _first_words(text: str, count: int) -> str:
    words = text.split()
    return " ".join(words[:count]) + (_ELLIPSIS if len(words) > count else "")


def _best(summary: str, body: str) -> str:
    """Return the snippet with more matches; the summary wins a tie."""
    in_summary = summary.count(_OPEN)
    if (in_summary and in_summary >= body.count(_OPEN)) or not body.strip():
        return summary
    return body


def _highlight(snippet: str) -> str:
    escaped = html.escape(_SPACE_RE.sub(" ", snippet).strip(), quote=False)
    return escaped.replace(_OPEN, "<b>").replace(_CLOSE, "</b>")


def titles_first(results: list[SearchResult], words: Sequence[str]) -> list[SearchResult]:
    """Put the results whose title holds every query word first, the closest titles first.

    bm25 scores two articles with the query in their title almost alike ("blood test":
    4.28e-06 for "Can a blood test detect nasopharyngeal cancer?" and 4.27e-06 for
    "Understanding your blood test results"); the title made of fewer other words is the one
    about it. Title matches are ordered by the share of their words the query holds; the rest
    keep their order. A word matches a title word it begins ("test" → "tests").
    """
    wanted = [w for w in dict.fromkeys(words) if w]
    if not wanted or len(results) < 2:
        return results

    def title_share(result: SearchResult) -> float:
        title = TOKEN_RE.findall(result.title.casefold())
        if not title or not all(any(t.startswith(w) for t in title) for w in wanted):
            return 0.0
        return sum(any(t.startswith(w) for w in wanted) for t in title) / len(title)

    shares = [title_share(r) for r in results]
    order = sorted(range(len(results)), key=lambda i: (-shares[i], i))
    return [results[i] for i in order]


def _header_ok(path: Path) -> bool:
    """Return True if the file is as long as its SQLite header says (catches truncation)."""
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        return False
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", header[28:32])[0]
    return bool(pages > 0 and pages * page_size == path.stat().st_size)


class _StaleCacheError(Exception):
    """A cache file exists but cannot be used (the message says why)."""


@dataclass(frozen=True, slots=True)
class KeyTerm:
    """One of an article's distinctive terms: its id, the word shown, its tf-idf weight."""

    term: int
    word: str
    weight: float


@dataclass(frozen=True, slots=True)
class TermMatch:
    """An article that has ``term`` among its key terms, with that term's weight there."""

    term: int
    slug: str
    weight: float


class ClosedOnExit:
    """``with`` support for a search (closed when the block ends), for both kinds of search."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class SearchIndex(ClosedOnExit):
    """A full-text index of one pack's articles; see :meth:`open`."""

    def __init__(
        self, conn: sqlite3.Connection, *, path: Path | None, built: bool, trigram: bool
    ) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.Lock()
        #: The cache file in use, or None when the index is in memory.
        self.path = path
        #: True if the index was built by this open(), False if a cache file was reused.
        self.built = built
        self.trigram = trigram
        self._buckets: dict[int, list[str]] | None = None
        self._titles: dict[str, str] | None = None
        self._known: set[str] | None = None
        self._size: int | None = None

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(
        cls,
        pack: Pack,
        cache_dir: Path | None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        fingerprint: str = "",
    ) -> SearchIndex:
        """Return the index for ``pack``: reuse the cache file in ``cache_dir`` or build it.

        With ``cache_dir`` None, or not writable, the index is built in memory. ``progress``
        gets ``(done, total)`` every few hundred articles; if ``cancelled()`` returns True the
        build stops with :class:`SearchCancelled`. ``fingerprint`` is the pack files' current
        fingerprint if the caller has just computed it (a catalog's full check), which saves
        walking the pack again; by default it is computed here.
        """
        trigram = trigram_for(pack)
        fingerprint = fingerprint or content_fingerprint(pack)
        if cache_dir is None:
            return cls._build_in_memory(pack, fingerprint, progress, cancelled)
        path = Path(cache_dir) / index_file_name(pack)
        if not path.exists():
            _adopt_seed(pack.root, path)
        if path.exists():
            try:
                conn = cls._open_cached(path, fingerprint, trigram)
            except _StaleCacheError as exc:
                logger.info("search cache %s is out of date (%s); rebuilding", path, exc)
            except (sqlite3.DatabaseError, OSError) as exc:
                logger.warning("search cache %s is damaged (%s); rebuilding", path, exc)
            else:
                logger.debug("reusing search cache %s", path)
                return cls(conn, path=path, built=False, trigram=trigram)
        try:
            Path(cache_dir).mkdir(parents=True, exist_ok=True)
            return cls._build_file(pack, path, fingerprint, progress, cancelled)
        except (OSError, sqlite3.OperationalError) as exc:
            logger.warning(
                "cannot write the search cache in %s (%s); building the index in memory",
                cache_dir,
                exc,
            )
        return cls._build_in_memory(pack, fingerprint, progress, cancelled)

    @staticmethod
    def _connect(target: str) -> sqlite3.Connection:
        # The GUI opens the index in a worker thread and queries it from the GUI thread;
        # every use of the connection holds self._lock.
        conn = sqlite3.connect(target, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA cache_size=-32000")
        return conn

    @classmethod
    def _open_cached(cls, path: Path, fingerprint: str, trigram: bool) -> sqlite3.Connection:
        if not _header_ok(path):
            raise sqlite3.DatabaseError("file is truncated or not a database")
        conn = cls._connect(path.as_posix())
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("schema") != str(SCHEMA_VERSION):
                raise _StaleCacheError(f"schema {meta.get('schema')} != {SCHEMA_VERSION}")
            if meta.get("fingerprint") != fingerprint:
                raise _StaleCacheError("pack files changed")
            if meta.get("trigram") != str(int(trigram)):
                raise _StaleCacheError("pack language changed")
            if path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
                verdict = conn.execute("PRAGMA quick_check").fetchone()
                if verdict is None or verdict[0] != "ok":
                    raise sqlite3.DatabaseError(f"quick_check: {verdict}")
            # Touch the full-text index and the vocabulary so damage shows up now.
            conn.execute("SELECT rowid FROM fts WHERE fts MATCH '\"a\"' LIMIT 1").fetchall()
            conn.execute("SELECT count(*) FROM words").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    @classmethod
    def _build_file(
        cls,
        pack: Pack,
        path: Path,
        fingerprint: str,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> SearchIndex:
        tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
        tmp.unlink(missing_ok=True)
        conn = cls._connect(tmp.as_posix())
        try:
            # Nobody else sees the temp file until os.replace(): durability buys nothing.
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            fill(conn, pack, fingerprint, progress, cancelled)
        except BaseException:
            conn.close()
            tmp.unlink(missing_ok=True)
            raise
        conn.close()
        try:
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)
            raise
        logger.info("built search index %s (%d articles)", path, len(pack.articles))
        return cls(cls._connect(path.as_posix()), path=path, built=True, trigram=trigram_for(pack))

    @classmethod
    def _build_in_memory(
        cls,
        pack: Pack,
        fingerprint: str,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> SearchIndex:
        conn = cls._connect(":memory:")
        try:
            fill(conn, pack, fingerprint, progress, cancelled)
        except BaseException:
            conn.close()
            raise
        logger.info("built search index in memory (%d articles)", len(pack.articles))
        return cls(conn, path=None, built=True, trigram=trigram_for(pack))

    def close(self) -> None:
        """Close the database connection; later queries return nothing."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # ----------------------------------------------------------------- queries

    def __len__(self) -> int:
        rows = self._fetch("SELECT count(*) FROM articles", ())
        return int(rows[0][0]) if rows else 0

    def terms(self, query: str) -> list[str]:
        """Return the plain words of ``query`` (lower case, no duplicates) for highlighting."""
        seen: dict[str, None] = {}
        for part in parse_query(query):
            for token in part.tokens:
                seen.setdefault(token, None)
        return list(seen)

    def search(self, query: str, limit: int = 20) -> list[SearchResult]:
        """Return up to ``limit`` articles matching ``query``, best first. Never raises."""
        try:
            return self._search(query, limit)
        except sqlite3.DatabaseError as exc:
            if not isinstance(exc, sqlite3.OperationalError):
                self._discard_damaged_cache(exc)
            logger.exception("search failed for %r", query[:200])
            return []
        except Exception:  # the search box must never crash the reader
            logger.exception("search failed for %r", query[:200])
            return []

    def _discard_damaged_cache(self, exc: Exception) -> None:
        """Delete a cache file found damaged after opening, so the next start rebuilds it."""
        # Big cache files skip the full check when opened, so damage can surface here.
        if self.path is None:
            return
        logger.warning("search cache %s is damaged (%s); it will be rebuilt", self.path, exc)
        try:
            self.path.unlink()
        except OSError as error:
            logger.warning("cannot delete the damaged search cache %s: %s", self.path, error)

    def _search(self, query: str, limit: int) -> list[SearchResult]:
        limit = min(limit, 1000)
        parts = parse_query(query)
        if limit <= 0 or not parts:
            return []
        if self.trigram:
            return self._search_trigram(parts, limit)
        if any(cjk_characters().search(t) for p in parts for t in p.tokens):
            # Chinese in a pack indexed by words (its other articles are in a language with
            # spaces): the word index keeps whole runs of characters, so scan for substrings.
            return self._like(
                [" ".join(p.tokens) if p.phrase else p.tokens[0] for p in parts], limit
            )
        words = [t for part in parts for t in part.tokens]
        try:
            df = self._doc_frequencies(parts)
            planned, rank = self._plan(parts, df)
            return titles_first(self._match(fts_query(planned), limit, SNIPPET_TOKENS, rank), words)
        except sqlite3.OperationalError as exc:
            logger.debug("FTS query for %r failed (%s); trying plain words", query[:200], exc)
        try:
            return titles_first(self._match(plain_query(parts), limit, SNIPPET_TOKENS), words)
        except sqlite3.OperationalError as exc:
            logger.warning("search for %r failed: %s", query[:200], exc)
            return []

    def _match(
        self, match: str, limit: int, snippet_tokens: int, rank: bool = True
    ) -> list[SearchResult]:
        """Return the best ``limit`` articles for an FTS5 ``match`` expression."""
        cap = max(RANK_ALL_MAX, 2 * limit)
        ids = self._rowids("fts", match, cap + 1)
        if not ids:
            return []
        # bm25 costs about 1 µs a matching row plus one pass over each phrase's whole doclist
        # (with position checks for a phrase of several words).
        if len(ids) <= cap and rank:
            return self._ranked(match, limit, snippet_tokens)
        # Too many matches (common words, whose bm25 weight is small anyway) or a costly phrase:
        # rank title and tag matches first, using the small ``head`` table, then the rest
        # within the first ``cap`` matches in pack order.
        head_ids = self._rowids("head", match, cap + 1)
        head_window = head_ids[-1] if len(head_ids) > cap else _MAX_ROWID
        head = self._fetch(
            "SELECT rowid, -rank FROM head WHERE head MATCH ? AND rowid <= ? ORDER BY rank LIMIT ?",
            (match, head_window, limit),
        )
        results = self._from_summaries([(int(r), float(v)) for r, v in head], match)
        if len(results) < limit:
            seen = {r.slug for r in results}
            wanted = limit + len(results)
            if rank:
                more = self._ranked(match, wanted, snippet_tokens, ids[-1])
            else:  # the matches are all in ``ids`` already: keep pack order
                more = self._from_summaries([(rowid, 0.0) for rowid in ids[:wanted]], match)
            floor = results[-1].score if results else math.inf
            for result in more:
                if result.slug not in seen and len(results) < limit:
                    # Keep scores falling with the rank across the two passes.
                    floor = min(result.score, floor)
                    results.append(dataclasses.replace(result, score=floor))
        return results

    def _rowids(self, table: str, match: str, limit: int) -> list[int]:
        """Return the rowids of the first ``limit`` matches in ``table``, without ranking."""
        rows = self._fetch(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?",  # noqa: S608
            (match, limit),
        )
        return [int(r[0]) for r in rows]

    def _ranked(
        self, match: str, limit: int, snippet_tokens: int, max_rowid: int = _MAX_ROWID
    ) -> list[SearchResult]:
        """Return the ``limit`` best matches up to ``max_rowid``, ranked by bm25."""
        # ORDER BY rank with LIMIT lets FTS5 sort internally, so snippet() runs only for the
        # rows returned. Snippets come from the summary or the body: the title is shown anyway.
        rows = self._fetch(
            "SELECT a.slug, a.title, a.category, -fts.rank,"
            " snippet(fts, 3, ?1, ?2, ?3, ?4), snippet(fts, 4, ?1, ?2, ?3, ?4)"
            " FROM fts JOIN articles a ON a.id = fts.rowid"
            " WHERE fts MATCH ?5 AND fts.rowid <= ?7 ORDER BY fts.rank LIMIT ?6",
            (_OPEN, _CLOSE, _ELLIPSIS, snippet_tokens, match, limit, max_rowid),
        )
        return [
            SearchResult(slug, title, category, float(score), _highlight(_best(summary, body)))
            for slug, title, category, score, summary, body in rows
        ]

    def _from_summaries(self, order: Sequence[tuple[int, float]], match: str) -> list[SearchResult]:
        """Return results for ranked rowids with the summary as snippet (no FTS pass)."""
        if not order:
            return []
        marks = ", ".join("?" * len(order))
        rows = self._fetch(
            f"SELECT id, slug, title, category, summary FROM articles WHERE id IN ({marks})",  # noqa: S608
            [rowid for rowid, _ in order],
        )
        found = {int(row[0]): row[1:] for row in rows}
        # Highlight each query word and its endings ("cancer" in "cancers"), phrases whole.
        words = re.findall(r'"([^"]*)"', match)
        if self.trigram:  # substrings, and CJK text has no word boundaries
            pattern = "|".join(re.escape(w) for w in words if w)
        else:
            pattern = "|".join(r"\b" + re.escape(w) + r"\w*" for w in words if w)
        marker = re.compile(pattern, re.IGNORECASE) if pattern else None
        results = []
        for rowid, score in order:
            if rowid in found:
                slug, title, category, summary = found[rowid]
                text = _first_words(summary or title, SNIPPET_TOKENS + 4)
                if marker is not None:
                    text = marker.sub(lambda m: _OPEN + m.group(0) + _CLOSE, text)
                results.append(SearchResult(slug, title, category, score, _highlight(text)))
        return results

    def _doc_frequencies(self, parts: Sequence[Part]) -> dict[str, int]:
        """Return how many articles contain each (unstemmed) word of ``parts``."""
        words = sorted({t for p in parts for t in p.tokens})
        marks = ", ".join("?" * len(words))
        rows = self._fetch(f"SELECT word, count FROM words WHERE word IN ({marks})", words)  # noqa: S608
        return {str(w): int(c) for w, c in rows}

    def _plan(self, parts: list[Part], df: dict[str, int]) -> tuple[list[Part], bool]:
        """Return the parts worth matching, and whether bm25 ranking is worth its cost."""
        if self._size is None:
            self._size = len(self)
        common_at = self._size * COMMON_WORD_SHARE
        # A phrase's cost is a doclist pass with position checks over its rarest word.
        phrase_df = max(
            (min(df.get(t, 0) for t in p.tokens) for p in parts if p.phrase and len(p.tokens) > 1),
            default=0,
        )
        common = [
            p for p in parts if not p.phrase and not p.prefix and df.get(p.tokens[0], 0) > common_at
        ]
        if self._size >= DROP_COMMON_MIN_ARTICLES and common:
            if len(common) < len(parts):
                # Words in most articles barely change bm25 (idf is floored near zero) but each
                # costs a pass over a huge doclist: in a big pack, match the other words only.
                parts = [p for p in parts if p not in common]
            else:  # only common words: bm25 would order near-equal scores at a high price
                return parts, False
        return parts, phrase_df <= PHRASE_RANK_MAX_DF

    def _search_trigram(self, parts: Sequence[Part], limit: int) -> list[SearchResult]:
        # Trigram FTS finds substrings of 3+ characters; shorter ones need LIKE.
        tokens = [" ".join(p.tokens) if p.phrase else p.tokens[0] for p in parts]
        long = [t for t in tokens if len(t) >= 3]
        short = [t for t in tokens if len(t) < 3]
        if not short:
            try:
                return self._match(" ".join(quote((t,)) for t in long), limit, SNIPPET_TRIGRAMS)
            except sqlite3.OperationalError as exc:
                logger.warning("search for %r failed: %s", tokens, exc)
                return []
        return self._like(tokens, limit)

    def _like(self, tokens: Sequence[str], limit: int) -> list[SearchResult]:
        # A scan, but only for 1-2 character queries in substring-searched (CJK) packs, which
        # are small; most Chinese words are two characters, so the body is searched too.
        where = []
        score = []
        args: list[str] = []
        for token in tokens:
            pattern = "%" + re.sub(r"([%_\\])", r"\\\1", token) + "%"
            tests = [f"f.{col} LIKE ? ESCAPE '\\'" for col in _LIKE_COLUMNS]
            where.append("(" + " OR ".join(tests) + ")")
            score.append(
                " + ".join(f"{w} * ({t})" for w, t in zip(_LIKE_WEIGHTS, tests, strict=True))
            )
            args += [pattern] * len(tests)
        # Only constant fragments are joined; the user's words are bound as parameters.
        points = " + ".join(score)
        conditions = " AND ".join(where)
        sql = (
            f"SELECT a.slug, a.title, a.category, {points} AS s, f.summary, f.body"  # noqa: S608
            f" FROM fts f JOIN articles a ON a.id = f.rowid WHERE {conditions}"
            " ORDER BY s DESC, a.id LIMIT ?"
        )
        rows = self._fetch(sql, (*args, *args, limit))
        marked = re.compile("|".join(re.escape(t) for t in tokens), re.IGNORECASE)
        results = []
        for slug, title, category, points, summary, body in rows:
            found = marked.search(summary)
            text = summary
            if found is None and (found := marked.search(body)) is not None:
                start = max(0, found.start() - SNIPPET_TRIGRAMS // 2)
                text = body[start : start + SNIPPET_TRIGRAMS * 2]
                text = (_ELLIPSIS if start else "") + text + _ELLIPSIS
            text = marked.sub(lambda m: _OPEN + m.group(0) + _CLOSE, text or title)
            results.append(SearchResult(slug, title, category, float(points), _highlight(text)))
        return results

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Return up to ``limit`` close spellings of ``query`` from the pack's own words."""
        try:
            return self._suggest(query, limit)
        except Exception:
            logger.exception("suggest failed for %r", query[:200])
            return []

    def _suggest(self, query: str, limit: int) -> list[str]:
        tokens = [t for part in parse_query(query) for t in part.tokens]
        if limit <= 0 or not tokens:
            return []
        out: list[str] = []
        if not self.trigram:
            known = self._known_words()
            alternatives: list[list[str]] = []
            for token in tokens:
                if token in known or len(token) < 3 or not token.isalpha():
                    alternatives.append([token])
                else:
                    alternatives.append(self._close_words(token, limit) or [token])
            if any(alt != [tok] for alt, tok in zip(alternatives, tokens, strict=True)):
                for i in range(limit):
                    choice = [alt[min(i, len(alt) - 1)] for alt in alternatives]
                    candidate = " ".join(choice)
                    if candidate not in out:
                        out.append(candidate)
        text = " ".join(tokens)
        titles = self._title_list()
        lo, hi = len(text) * 0.7, len(text) * 1.4 + 1
        near = [t for t in titles if lo <= len(t) <= hi]
        for title in difflib.get_close_matches(text, near, n=limit, cutoff=0.7):
            original = titles[title]
            if original not in out:
                out.append(original)
        return out[:limit]

    def _known_words(self) -> set[str]:
        if self._known is None:
            self._load_vocabulary()
        assert self._known is not None
        return self._known

    def _load_vocabulary(self) -> None:
        rows = self._fetch(
            "SELECT word, len FROM words WHERE meta OR count >= ? ORDER BY meta DESC, count DESC",
            (SUGGEST_MIN_COUNT,),
        )
        buckets: dict[int, list[str]] = {}
        for word, length in rows:
            buckets.setdefault(int(length), []).append(word)
        all_words = self._fetch("SELECT word FROM words", ())
        self._known = {w for (w,) in all_words}
        self._buckets = buckets

    def _close_words(self, token: str, limit: int) -> list[str]:
        """Return known words close to ``token``, most frequent first among equals."""
        if self._buckets is None:
            self._load_vocabulary()
        assert self._buckets is not None
        n = len(token)
        near = [w for size in range(n - 2, n + 3) for w in self._buckets.get(size, ())]
        if len(near) > SUGGEST_BUCKET_LIMIT:
            same_start = [w for w in near if w[0] == token[0]]
            found = difflib.get_close_matches(token, same_start, n=limit, cutoff=SUGGEST_CUTOFF)
            if found:
                return found
        return difflib.get_close_matches(token, near, n=limit, cutoff=SUGGEST_CUTOFF)

    def _title_list(self) -> dict[str, str]:
        """Return the titles, case-folded to their original spelling."""
        if self._titles is None:
            rows = self._fetch("SELECT title FROM articles ORDER BY id DESC", ())
            self._titles = {str(t).casefold(): str(t) for (t,) in rows}
        return self._titles

    def key_terms(self, slug: str) -> list[KeyTerm]:
        """Return the article's most distinctive terms, heaviest first (none if unknown)."""
        try:
            rows = self._fetch(
                "SELECT k.terms, k.words, k.weights FROM key_terms k"
                " JOIN articles a ON a.id = k.id WHERE a.slug = ?",
                (slug,),
            )
        except sqlite3.Error as exc:
            logger.warning("cannot read the key terms of %r: %s", slug, exc)
            return []
        if not rows:
            return []
        terms, words, weights = rows[0]
        return [
            KeyTerm(int(t), w, float(x))
            for t, w, x in zip(terms.split(), words.split(), weights.split(), strict=True)
        ]

    def term_articles(self, terms: Sequence[int], per_term: int) -> list[TermMatch]:
        """Return, for each term, the ``per_term`` articles where it weighs most."""
        sql = (
            "SELECT t.term, a.slug, t.weight FROM term_articles t JOIN articles a ON a.id = t.id"
            " WHERE t.term = ? ORDER BY t.weight DESC, t.id LIMIT ?"
        )
        out: list[TermMatch] = []
        try:
            with self._lock:
                if self._conn is None:
                    return []
                for term in terms:
                    rows = self._conn.execute(sql, (term, per_term)).fetchall()
                    out += [TermMatch(int(t), str(s), float(w)) for t, s, w in rows]
        except sqlite3.Error as exc:
            logger.warning("cannot read related articles: %s", exc)
            return []
        return out

    def articles(self) -> Iterator[tuple[str, str, str, str, str, tuple[str, ...]]]:
        """Yield ``(slug, rel_path, title, summary, category, tags)`` in pack order."""
        rows = self._fetch(
            "SELECT slug, rel_path, title, summary, category, tags FROM articles ORDER BY id",
            (),
        )
        for slug, rel_path, title, summary, category, tags in rows:
            yield slug, rel_path, title, summary, category, tuple(filter(None, tags.split("\n")))

    def _fetch(self, sql: str, args: Sequence[object]) -> list[Any]:
        with self._lock:
            if self._conn is None:
                return []
            return self._conn.execute(sql, tuple(args)).fetchall()
