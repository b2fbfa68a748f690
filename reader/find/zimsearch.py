"""Search a ZIM archive with the indexes it carries: Xapian full text and title suggestions.

:class:`ArchiveSearch` answers the questions the sidebar and ``offline-reader search`` ask of
:class:`reader.find.index.SearchIndex` (``search``, ``suggest``, ``terms``, ``key_terms``,
``term_articles``), with libzim's ``SuggestionSearcher`` for titles as they are typed and its
``Searcher`` for the text. Snippets are cut from the article's text around the first word found.
Recommendations need the reader's own key terms: :func:`open_indexes` builds the reader's
index in the background too and hands over a second search that has both.

An archive without a full-text index is searched with the reader's own index, as a pack is.
This module never imports Qt.
"""

from __future__ import annotations

import difflib
import html
import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from reader.find.index import (
    ClosedOnExit,
    KeyTerm,
    SearchIndex,
    SearchResult,
    TermMatch,
    parse_query,
)
from reader.library.pack import Pack
from reader.library.zim import ZimPack, html_to_text

__all__ = ["ArchiveSearch", "open_indexes"]

logger = logging.getLogger(__name__)

#: Results given a snippet: each needs its article's text from the archive, which means
#: decompressing a cluster (1–4 ms each). Snippets are cut while the search has taken less
#: than ``SNIPPET_BUDGET_S``; later results show their title alone, so a search as you type
#: stays under 25 ms (docs/performance.md, "ZIM archives").
SNIPPETS = 20
SNIPPET_BUDGET_S = 0.008
SNIPPET_CHARS = 180


def _snippet(page: str, words: Sequence[str]) -> str:
    """Return escaped text around the first of ``words`` in ``page``, words in ``<b>``."""
    text = html_to_text(page)
    folded = text.casefold()
    found = [i for w in words if (i := folded.find(w)) >= 0]
    start = max(0, min(found) - SNIPPET_CHARS // 3) if found else 0
    if start:
        start = text.find(" ", start) + 1 or start
    piece = text[start : start + SNIPPET_CHARS]
    escaped = html.escape(piece)
    for word in sorted(set(words), key=len, reverse=True):
        pattern = f"(?<!\\w)({re.escape(html.escape(word))})"
        escaped = re.sub(pattern, r"<b>\1</b>", escaped, flags=re.IGNORECASE)
    return ("…" if start else "") + escaped + ("…" if start + SNIPPET_CHARS < len(text) else "")


#: Title suggestions put before the full-text results (titles that start with what is typed).
TITLE_HITS = 3
#: Completions of a word still being typed, when nothing else matches.
PREFIX_TITLES = 20
#: Titles read for "Did you mean": those starting like the misspelt word.
SUGGEST_POOL = 60
_WORD = re.compile(r"\w+")


class ArchiveSearch(ClosedOnExit):
    """Search an archive with its own Xapian indexes; ``own`` (the reader's index, once built)
    supplies the key terms of recommendations."""

    trigram = False
    path: Path | None = None
    built = False

    def __init__(self, pack: ZimPack, own: SearchIndex | None = None) -> None:
        self.pack = pack
        self.own = own
        self._searcher: Any = None
        self._suggester: Any = None

    @staticmethod
    def usable(pack: Pack) -> bool:
        """Return True if ``pack`` is an archive with a full-text index to search."""
        try:
            return isinstance(pack, ZimPack) and bool(pack.archive.has_fulltext_index)
        except Exception:
            return False

    def close(self) -> None:
        if self.own is not None:
            self.own.close()

    def __len__(self) -> int:
        return len(self.pack.articles)

    def terms(self, query: str) -> list[str]:
        """Return the plain words of ``query`` (lower case, no duplicates) for highlighting."""
        return list(dict.fromkeys(t for part in parse_query(query) for t in part.tokens))

    def search(self, query: str, limit: int = 20) -> list[SearchResult]:
        """Return up to ``limit`` articles matching ``query``, best first. Never raises."""
        try:
            return self._search(query, limit)
        except Exception:  # the search box must never crash the reader
            logger.exception("archive search failed for %r", query[:200])
            return []

    def _search(self, query: str, limit: int) -> list[SearchResult]:
        started = time.perf_counter()
        parts = parse_query(query)
        if not parts or limit <= 0:
            return []
        words = [t for part in parts for t in part.tokens]
        text = " ".join('"' + " ".join(p.tokens) + '"' if p.phrase else p.tokens[0] for p in parts)
        first = self._searcher is None
        paths = list(self._titles(" ".join(words), TITLE_HITS))
        paths += self._fulltext(text, limit)
        if first:  # opening the Xapian databases happens once, not in every search
            started = time.perf_counter()
        if not paths and parts[-1].prefix:  # a word still being typed: its completions
            paths = self._titles(" ".join(words), min(limit, PREFIX_TITLES))
        results: list[SearchResult] = []
        seen: set[str] = set()
        for path in paths:
            # The title and letter only: finding each result's place in the title list (a
            # bisection) is left for the few whose text is read for a snippet.
            found = self.pack.heading(path)
            if found is None or found[0] in seen:
                continue
            slug, title, category = found
            seen.add(slug)
            rank = len(results)
            snippet = ""
            if rank < SNIPPETS and time.perf_counter() - started < SNIPPET_BUDGET_S:
                article = self.pack.get(slug)
                snippet = _snippet(article.body, words) if article is not None else ""
            results.append(SearchResult(slug, title, category, limit - rank, snippet))
            if len(results) >= limit:
                break
        return results

    def _titles(self, text: str, count: int) -> list[str]:
        if self._suggester is None:
            from libzim.suggestion import SuggestionSearcher

            self._suggester = SuggestionSearcher(self.pack.archive)
        found = self._suggester.suggest(text)
        return list(found.getResults(0, count))

    def _fulltext(self, text: str, count: int) -> list[str]:
        from libzim.search import Query, Searcher

        if self._searcher is None:
            self._searcher = Searcher(self.pack.archive)
        found = self._searcher.search(Query().set_query(text))
        return list(found.getResults(0, count))

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Return words from the archive's titles close to the words of ``query``."""
        try:
            out: list[str] = []
            for word in self.terms(query):
                if len(word) < 3:
                    continue
                pool: set[str] = set()
                for path in self._titles(word[:2], SUGGEST_POOL):
                    article = self.pack.get(path)
                    if article is not None:
                        pool.update(w.casefold() for w in _WORD.findall(article.title))
                pool.discard(word)
                out += difflib.get_close_matches(word, sorted(pool), n=limit, cutoff=0.7)
            return list(dict.fromkeys(out))[:limit]
        except Exception:
            logger.exception("suggestions failed for %r", query[:200])
            return []

    def key_terms(self, slug: str) -> list[KeyTerm]:
        return self.own.key_terms(slug) if self.own is not None else []

    def term_articles(self, terms: Sequence[int], per_term: int) -> list[TermMatch]:
        return self.own.term_articles(terms, per_term) if self.own is not None else []


def open_indexes(
    pack: Pack,
    cache_dir: Path | None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    fingerprint: str = "",
) -> Iterator[Any]:
    """Yield the search of ``pack``, quickest first.

    An archive with a full-text index is searchable at once (:class:`ArchiveSearch`); the
    reader's own index is built next for its key terms, cached on disk, and a second search
    that has both follows. Anything else gets :meth:`SearchIndex.open` alone.
    """
    if not ArchiveSearch.usable(pack):
        yield SearchIndex.open(pack, cache_dir, progress, cancelled, fingerprint)
        return
    assert isinstance(pack, ZimPack)
    yield ArchiveSearch(pack)
    # No progress: search already works; this only prepares recommendations.
    yield ArchiveSearch(pack, SearchIndex.open(pack, cache_dir, None, cancelled))
