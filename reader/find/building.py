"""Building the search index: the schema, filling it, key terms, stop words (no Qt).

Runs only in the worker thread that :meth:`reader.find.index.SearchIndex.open` runs in; the
connection it fills is handed to the index when it is done.
"""

from __future__ import annotations

import math
import re
import sqlite3
from array import array
from collections import Counter
from collections.abc import Callable, Sequence

from reader.find.query import CONTROL_RE
from reader.library.pack import Pack
from reader.library.zim import html_to_text

#: Bump when the tables or the way text is indexed change; older cache files are rebuilt.
SCHEMA_VERSION = 3
#: bm25() weights, in column order: title, tags, category, summary, body.
WEIGHTS = (10.0, 5.0, 3.0, 2.0, 1.0)
WORD_TOKENIZER = "porter unicode61 remove_diacritics 2"
TRIGRAM_TOKENIZER = "trigram"
#: Languages written without spaces between words get substring (trigram) search.
TRIGRAM_LANGUAGES = ("zh", "ja", "ko")
PROGRESS_EVERY = 500
#: Prefix indexes make "th*" one doclist instead of a merge of hundreds (costs index size).
PREFIX_INDEX = ", prefix='2 3'"
#: Term counts above this are counted as this (tf is damped by a logarithm anyway).
_MAX_COUNT = 1000
#: Words seen fewer times than this (and not in a title, tag or summary) are not suggested.
SUGGEST_MIN_COUNT = 2
#: Each article keeps this many of its most distinctive terms (tf-idf) for related articles.
KEY_TERMS = 12
#: A term in more than this share of the articles (and more than KEY_TERM_MIN_DF_CAP of them)
#: is too common to say what an article is about; a term in one article relates nothing.
KEY_TERM_MAX_SHARE = 0.1
KEY_TERM_MIN_DF_CAP = 5
#: Field weights for key terms: a word in the title counts as this many words of the body.
KEY_TERM_FIELDS = (3, 3, 2, 1)  # title, tags, summary, body
#: Words never taken as key terms in English packs (most are also too common anyway).
_STOP_WORDS = """
    about above after again against all also although always among and another any are
    around aside because been before being below between both but can cannot could did does
    doing done down during each either else even ever every few for from further had has have
    having her here hers herself him himself his how however into its itself just less like
    made make many may might more most much must near neither never nor not now off often once
    one only other others our ours ourselves out over own per quite rather really same shall
    she should since some still such than that the their theirs them themselves then there
    these they this those though through thus too under until upon very was way were what
    whatever when where whether which while who whom whose why will with within without would
    yet you your yours yourself yourselves usually sometimes something someone anything
    everything nothing get gets got getting use used using uses two three first well back
    see seen need needs want wants know known take takes taken give given good better best
    let lets non
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

VOCAB_WORD_RE = re.compile(r"[^\W\d_]{3,30}")

# Markdown to plain text, cheaply: good enough for an index, not for display.
_MARKUP_SUBS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->", re.DOTALL), " "),
    (re.compile(r"<[^>\n]+>"), " "),
    (re.compile(r"^\s*(```|~~~).*$", re.MULTILINE), " "),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep alt text
    (re.compile(r"\[\^[^\]]*\]:?"), " "),  # footnote references and definitions
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: keep their text
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE), " "),  # reference link definitions
    (
        re.compile(r'^\s*[!?]{3}\+?\s*[\w-]+(?:\s+"([^"]*)")?.*$', re.MULTILINE),
        r"\1",
    ),  # admonitions
    (
        re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.MULTILINE),
        " ",
    ),  # table rules
    (re.compile(r"^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)]|:)\s+", re.MULTILINE), " "),  # block markers
    (re.compile(r"\{[:#.][^}]*\}"), " "),  # attribute lists
    (re.compile(r"[*_`|~]+"), " "),
    (re.compile(r"&[a-zA-Z]+;|&#\d+;"), " "),
)


class SearchCancelled(Exception):  # noqa: N818 - the name the GUI and brief use
    """Building the index was cancelled by the caller."""


def uses_trigrams(language: str) -> bool:
    """Return True if text in ``language`` should be searched as substrings."""
    return language.strip().lower().startswith(TRIGRAM_LANGUAGES)


def markdown_to_text(markdown: str) -> str:
    """Strip Markdown markup from ``markdown`` with regexes, leaving words for the index."""
    text = markdown
    for pattern, replacement in _MARKUP_SUBS:
        text = pattern.sub(replacement, text)
    return CONTROL_RE.sub(" ", text)


SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    rel_path TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    category TEXT NOT NULL,
    tags TEXT NOT NULL,
    ord INTEGER,
    reviewed TEXT
);
CREATE TABLE words(
    word TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    meta INTEGER NOT NULL,
    len INTEGER NOT NULL
) WITHOUT ROWID;
-- Each article's most distinctive terms (space-separated, best first): term ids, the word
-- shown for each (as written in the pack) and tf-idf weights (the vector has length 1).
CREATE TABLE key_terms(
    id INTEGER PRIMARY KEY,
    terms TEXT NOT NULL,
    words TEXT NOT NULL,
    weights TEXT NOT NULL
);
-- The same, inverted: the articles having a term among their key terms, heaviest first.
CREATE TABLE term_articles(
    term INTEGER NOT NULL,
    weight REAL NOT NULL,
    id INTEGER NOT NULL,
    PRIMARY KEY(term, weight DESC, id)
) WITHOUT ROWID;
"""


def trigram_for(pack: Pack) -> bool:
    return uses_trigrams(pack.language)


def fill(
    conn: sqlite3.Connection,
    pack: Pack,
    fingerprint: str,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    """Create the tables in ``conn`` and index every article of ``pack``."""
    trigram = trigram_for(pack)
    tokenizer = TRIGRAM_TOKENIZER if trigram else WORD_TOKENIZER
    conn.executescript(SCHEMA)
    conn.execute(
        f"CREATE VIRTUAL TABLE fts USING fts5(title, tags, category, summary, body,"
        f" tokenize='{tokenizer}'{'' if trigram else PREFIX_INDEX})"
    )
    # Titles and tags again, alone: their small doclists rank quickly for common words.
    conn.execute(
        f"CREATE VIRTUAL TABLE head USING fts5(title, tags,"
        f" tokenize='{tokenizer}'{'' if trigram else PREFIX_INDEX})"
    )
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO fts(fts, rank) VALUES('rank', ?)",
        ("bm25(" + ", ".join(str(w) for w in WEIGHTS) + ")",),
    )
    conn.execute(
        "INSERT INTO head(head, rank) VALUES('rank', ?)",
        ("bm25(" + ", ".join(str(w) for w in WEIGHTS[:2]) + ")",),
    )
    names = {c.id: c.name for c in pack.categories}
    total = len(pack.articles)
    words: Counter[str] = Counter()
    meta_words: set[str] = set()
    batch_a: list[tuple[object, ...]] = []
    batch_f: list[tuple[object, ...]] = []
    keys = None if trigram else KeyTermBuilder(conn, total, pack.language)

    def flush() -> None:
        conn.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch_a)
        conn.executemany(
            "INSERT INTO fts(rowid, title, tags, category, summary, body)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            batch_f,
        )
        conn.executemany(
            "INSERT INTO head(rowid, title, tags) VALUES (?, ?, ?)", (f[:3] for f in batch_f)
        )
        batch_a.clear()
        batch_f.clear()
        if keys is not None:
            keys.flush(words)

    if progress is not None:
        progress(0, total)
    for i, article in enumerate(pack.articles, 1):
        name = names.get(article.category, article.category)
        category = name
        if article.category.casefold() not in name.casefold():
            category += " " + article.category.replace("-", " ")
        body = (
            html_to_text(article.body)  # an entry of a ZIM archive
            if article.body_format == "html"
            else markdown_to_text(article.body)
        )
        tags = "\n".join(article.tags)
        reviewed = article.reviewed.isoformat() if article.reviewed else None
        batch_a.append(
            (
                i,
                article.slug,
                article.rel_path,
                article.title,
                article.summary,
                article.category,
                tags,
                article.order,
                reviewed,
            )
        )
        batch_f.append((i, article.title, ", ".join(article.tags), category, article.summary, body))
        if not trigram:
            fields = [
                VOCAB_WORD_RE.findall(text.casefold())
                for text in (article.title, " ".join(article.tags), article.summary, body)
            ]
            found = fields[0] + fields[1] + fields[2]
            meta_words.update(found)
            if keys is None:
                # Document frequency: phrase ranking decisions and suggestions use it.
                words.update({*found, *fields[3]})
            else:
                words.update(keys.add(i, fields))
        if i % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise SearchCancelled()
            flush()
            if progress is not None:
                progress(i, total)
    flush()
    if cancelled is not None and cancelled():
        raise SearchCancelled()
    if keys is not None:
        keys.finish(words)
    conn.executemany(
        "INSERT INTO words VALUES (?, ?, ?, ?)",
        (
            (w, c, int(w in meta_words), len(w))
            for w, c in words.items()
            if c >= SUGGEST_MIN_COUNT or w in meta_words
        ),
    )
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("schema", str(SCHEMA_VERSION)),
            ("fingerprint", fingerprint),
            ("trigram", str(int(trigram))),
            ("language", pack.language),
            ("root", str(pack.root)),
        ],
    )
    conn.execute("INSERT INTO fts(fts) VALUES('optimize')")
    conn.execute("INSERT INTO head(head) VALUES('optimize')")
    conn.execute("COMMIT")
    if progress is not None:
        progress(total, total)


class KeyTermBuilder:
    """Count words while articles are indexed; then store each article's key terms.

    Words are weighed with tf-idf over the pack (document frequencies are only known at the
    end, so each article keeps its word counts until then, minus words already too common).
    The chosen words are then reduced to the FTS tokenizer's own stems (SQLite stems them,
    through a temporary FTS5 table), so key terms and the full-text index agree on what a term
    is. Work and storage are linear in the pack: nothing is computed for pairs of articles.
    """

    def __init__(self, conn: sqlite3.Connection, total: int, language: str) -> None:
        self.conn = conn
        self.total = max(1, total)
        self.max_df = max(KEY_TERM_MAX_SHARE * total, KEY_TERM_MIN_DF_CAP)
        english = language.strip().lower().startswith("en")
        #: Words whose counts are not kept: stop words, then words found too common.
        self.common: set[str] = set(STOP_WORDS if english else ())
        self.word_ids: dict[str, int] = {}
        self.batch: set[str] = set()
        self.counts: list[tuple[int, array[int], array[int]]] = []

    def add(self, rowid: int, fields: Sequence[list[str]]) -> set[str]:
        """Count an article's casefolded words (title, tags, summary, body); return them."""
        tf: Counter[str] = Counter()
        for found, weight in zip(fields, KEY_TERM_FIELDS, strict=True):
            for _ in range(weight):
                tf.update(found)
        ids = array("I")
        counts = array("L")
        word_ids = self.word_ids
        for word, n in tf.items():
            # A key term is said at least twice (a title, tag or summary word counts as
            # more), and is not known to be too common yet.
            if n < 2 or word in self.common:
                continue
            self.batch.add(word)
            wid = word_ids.get(word)
            if wid is None:  # only a word never seen before takes a new id
                wid = word_ids[word] = len(word_ids) + 1
            ids.append(wid)
            counts.append(min(n, _MAX_COUNT))
        self.counts.append((rowid, ids, counts))
        return set(tf)

    def flush(self, doc_counts: Counter[str]) -> None:
        """Stop keeping counts of words now in too many articles (they can only gain more)."""
        self.common.update(w for w in self.batch if doc_counts[w] > self.max_df)
        self.batch.clear()

    def finish(self, doc_counts: Counter[str]) -> None:
        """Pick and store every article's key terms; ``doc_counts`` is the df of each word."""
        total = self.total
        idf = [0.0] * (len(self.word_ids) + 1)
        for word, wid in self.word_ids.items():
            df = doc_counts[word]
            if 2 <= df <= self.max_df and df < total:
                idf[wid] = math.log(total / df)
        log_tf = [0.0] + [1.0 + math.log(n) for n in range(1, _MAX_COUNT + 1)]
        words = {i: w for w, i in self.word_ids.items() if idf[i]}
        term_of = [0] * len(idf)
        for wid, term in self._stems(words).items():
            term_of[wid] = term
        # The word shown for a term: its most frequent spelling in the pack, then the shortest.
        best_spelling: dict[int, tuple[int, int, str]] = {}
        for wid, word in words.items():
            key = (-doc_counts[word], len(word), word)
            term = term_of[wid]
            if term and (term not in best_spelling or key < best_spelling[term]):
                best_spelling[term] = key
        shown = {term: key[2] for term, key in best_spelling.items()}
        rows = []
        postings: list[tuple[int, float, int]] = []
        for rowid, ids, counts in self.counts:
            # Two spellings of one stem ("cancer", "cancers") merge: the heavier one stays.
            merged: dict[int, float] = {}
            for wid, n in zip(ids, counts, strict=True):
                term = term_of[wid]
                if not term:  # not a key term (too common, too rare, or split by the stemmer)
                    continue
                weight = log_tf[n] * idf[wid]
                if weight > merged.get(term, 0.0):
                    merged[term] = weight
            if not merged:
                continue
            top = sorted(merged.items(), key=lambda item: (-item[1], item[0]))[:KEY_TERMS]
            norm = math.hypot(*(weight for _, weight in top))
            top = [(term, weight / norm) for term, weight in top]
            rows.append(
                (
                    rowid,
                    " ".join(str(term) for term, _ in top),
                    " ".join(shown[term] for term, _ in top),
                    " ".join(str(weight) for _, weight in top),
                )
            )
            postings.extend((term, -weight, rowid) for term, weight in top)
        self.counts.clear()
        self.conn.executemany("INSERT INTO key_terms VALUES (?, ?, ?, ?)", rows)
        postings.sort()  # (term, -weight, id): the table's key order, so inserts append
        self.conn.executemany("INSERT INTO term_articles VALUES (?1, -?2, ?3)", postings)

    def _stems(self, words: dict[int, str]) -> dict[int, int]:
        """Return a term id for each word id, words with the same FTS stem sharing one."""
        conn = self.conn
        conn.execute(
            f"CREATE VIRTUAL TABLE temp.stemmer USING fts5(w, tokenize='{WORD_TOKENIZER}')"
        )
        conn.execute("CREATE VIRTUAL TABLE temp.stems USING fts5vocab(temp, stemmer, instance)")
        conn.executemany("INSERT INTO temp.stemmer(rowid, w) VALUES (?, ?)", words.items())
        stems: dict[int, str] = {}
        split: set[int] = set()
        for wid, stem in conn.execute("SELECT doc, term FROM temp.stems"):
            if wid in stems:  # a word the tokenizer splits in two is not a key term
                split.add(wid)
            stems[wid] = stem
        conn.execute("DROP TABLE temp.stems")
        conn.execute("DROP TABLE temp.stemmer")
        term_ids: dict[str, int] = {}
        for stem in sorted(set(stems.values())):
            term_ids[stem] = len(term_ids) + 1
        return {wid: term_ids[stem] for wid, stem in stems.items() if wid not in split}
