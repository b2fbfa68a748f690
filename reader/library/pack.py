"""Load a content pack: ``pack.toml`` plus one Markdown file per article.

Loading never stops on a bad file. Every problem becomes a :class:`Problem` that names the
file (and line where known); the article is kept with sensible fallbacks or skipped.
This module never imports Qt.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

logger = logging.getLogger(__name__)

PACK_FILE = "pack.toml"
OTHER_CATEGORY = "other"
#: Front-matter keys the reader understands; others are reported as warnings.
KNOWN_KEYS = frozenset(
    {"title", "summary", "category", "tags", "order", "reviewed", "related", "sources", "url"}
)
#: Only this much of an article file is read and shown (a longer file gets a notice).
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
_HEADING_RE = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_SKIP_DIRS = frozenset({".git", "__pycache__", "node_modules"})


class Problem(NamedTuple):
    """One thing wrong with a pack, located as precisely as we can."""

    path: str
    line: int | None
    message: str
    severity: str = "error"  # "error" or "warning"

    def format(self, root: Path | str | None = None) -> str:
        """Return ``path:line: severity: message``, the path joined to ``root`` if given."""
        path = Path(root, self.path).as_posix() if root is not None else self.path
        return f"{path}:{self.line or 1}: {self.severity}: {self.message}"

    def __str__(self) -> str:
        return self.format()


class Category(NamedTuple):
    """A category of articles, in the order the pack gives."""

    id: str
    name: str


@dataclass(slots=True, init=False)
class Article:
    """One article: front matter plus the Markdown body.

    An article built from a cached catalog (:mod:`reader.library.catalog`) has no body in memory: it
    is read from the file when ``body`` is first asked for, and only the most recently read
    bodies are kept (see :func:`_lazy_body`). ``word_count`` then comes from the catalog.
    """

    slug: str
    title: str
    _path: Path | str = field(repr=False, compare=False)  # a str from a catalog: cheaper
    rel_path: str
    _body: str | None = field(repr=False, compare=False)
    body_line: int  # line number of the body's first line in the file
    summary: str
    category: str
    tags: tuple[str, ...]
    order: int | None
    reviewed: dt.date | None
    related: tuple[str, ...]
    sources: tuple[str, ...]
    url: str
    index: int  # position in pack order, set by the pack
    truncated: bool  # the file was longer than the size limit; only its start is here
    key_lines: dict[str, int] = field(repr=False, compare=False)
    _words: int | None = field(repr=False, compare=False)
    #: Size limit the body is read with when it is loaded lazily.
    _max_bytes: int = field(repr=False, compare=False)

    def __init__(
        self,
        slug: str,
        title: str,
        path: Path | str,
        rel_path: str,
        body: str | None,
        body_line: int = 1,
        summary: str = "",
        category: str = OTHER_CATEGORY,
        tags: tuple[str, ...] = (),
        order: int | None = None,
        reviewed: dt.date | None = None,
        related: tuple[str, ...] = (),
        sources: tuple[str, ...] = (),
        url: str = "",
        index: int = 0,
        truncated: bool = False,
        key_lines: dict[str, int] | None = None,
        word_count: int | None = None,
        max_bytes: int = MAX_ARTICLE_BYTES,
    ) -> None:
        """``body=None`` means "read it from ``path`` on first use" (``word_count`` given)."""
        self.slug = slug
        self.title = title
        self._path = path
        self.rel_path = rel_path
        self._body = body
        self.body_line = body_line
        self.summary = summary
        self.category = category
        self.tags = tags
        self.order = order
        self.reviewed = reviewed
        self.related = related
        self.sources = sources
        self.url = url
        self.index = index
        self.truncated = truncated
        self.key_lines = key_lines if key_lines is not None else {}
        self._words = word_count
        self._max_bytes = max_bytes

    @property
    def path(self) -> Path:
        """The article's file."""
        path = self._path
        return path if isinstance(path, Path) else Path(path)

    @path.setter
    def path(self, value: Path) -> None:
        self._path = value

    @property
    def body(self) -> str:
        """The Markdown body (without front matter), read from the file if not in memory."""
        body = self._body
        return body if body is not None else _lazy_body(self)

    @body.setter
    def body(self, value: str) -> None:
        self._body = value
        self._words = None

    @property
    def max_bytes(self) -> int:
        """The size limit the article was (or will be) read with."""
        return self._max_bytes

    @property
    def body_loaded(self) -> bool:
        """True if the body is held in memory (a full load), False if it is read on demand."""
        return self._body is not None

    @property
    def word_count(self) -> int:
        words = self._words
        if words is None:
            words = self._words = len(self.body.split())
        return words


class ArticleTable(Sequence[Article]):
    """Articles in pack order that are made only when asked for (see :mod:`reader.library.catalog`).

    A big pack's catalog holds 100,000 rows; building them all costs more than the rest of
    start-up together. A table answers the questions the first page asks (an article by its
    slug, the members of a category, the articles with a tag) without building the others.
    """

    __slots__ = ()

    def column(self, name: str) -> Sequence[Any]:
        """Return one field (``slug``, ``title``, ``rel_path``, ``reviewed``) of every article."""
        return [getattr(article, name) for article in self]

    def slug_positions(self) -> dict[str, int]:
        """Return the position of every article by its slug."""
        return {slug: i for i, slug in enumerate(self.column("slug"))}

    def category_members(self) -> dict[str, Sequence[int]]:
        """Return the positions of every category's articles, in pack order."""
        return _members_of(self)

    def tagged(self, tag: str) -> Sequence[int]:
        """Return the positions of the articles carrying ``tag`` (case-folded)."""
        return _tagged_in(self).get(tag, ())


def _members_of(articles: Iterable[Article]) -> dict[str, Sequence[int]]:
    members: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        members.setdefault(article.category, []).append(i)
    return dict(members)


def _tagged_in(articles: Iterable[Article]) -> dict[str, list[int]]:
    tagged: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        for tag in {tag.casefold() for tag in article.tags}:
            tagged.setdefault(tag, []).append(i)
    return tagged


class Pack:
    """A loaded content pack: metadata, categories and articles in pack order.

    ``articles`` is a list after a full load, or an :class:`ArticleTable` when the pack comes
    from its catalog. Ask the pack (``get``, ``category_members``, ``tagged``, ``column``)
    rather than walking ``articles``: on a table a walk builds every article.

    (A plain class, not a dataclass: it is on the start-up path, where generating one costs
    about 1 ms.)
    """

    __slots__ = (
        "_by_path",
        "_by_slug",
        "_members",
        "_tagged",
        "articles",
        "categories",
        "description",
        "disclaimer",
        "featured",
        "fingerprint",
        "language",
        "pending_catalog",
        "problems",
        "review_period_years",
        "root",
        "title",
    )

    def __init__(
        self,
        root: Path,
        title: str = "Health Library",
        language: str = "en",
        description: str = "",
        disclaimer: str = "",
        featured: tuple[str, ...] = (),
        review_period_years: int = 3,
        categories: list[Category] | None = None,
        articles: Sequence[Article] | None = None,
        problems: list[Problem] | None = None,
        fingerprint: str = "",
    ) -> None:
        self.root = root
        self.title = title
        self.language = language
        self.description = description
        self.disclaimer = disclaimer
        self.featured = featured
        self.review_period_years = review_period_years
        self.categories: list[Category] = categories if categories is not None else []
        self.articles: Sequence[Article] = articles if articles is not None else []
        self.problems: list[Problem] = problems if problems is not None else []
        #: Fingerprint of the files the pack was loaded from, when it came from or went into
        #: a catalog (:mod:`reader.library.catalog`); empty for a plain load.
        self.fingerprint = fingerprint
        #: A catalog still to write (see ``load_pack(defer_save=True)``), else None.
        self.pending_catalog: Any = None
        self._by_slug: dict[str, int] = {}
        # Built on first use (links, recommendations, the tree): none is needed by every page.
        self._by_path: dict[str, int] | None = None
        self._members: dict[str, Sequence[int]] | None = None
        self._tagged: dict[str, list[int]] | None = None

    def __repr__(self) -> str:
        return f"Pack({str(self.root)!r}, {self.title!r}, {len(self.articles)} articles)"

    def get(self, slug: str) -> Article | None:
        """Return the article with this slug, or None."""
        i = self._by_slug.get(slug)
        return None if i is None else self.articles[i]

    def __contains__(self, slug: str) -> bool:
        return slug in self._by_slug

    def column(self, name: str) -> Sequence[Any]:
        """Return one field (``slug``, ``title``, ``rel_path``, ``reviewed``) of every article,
        in pack order, without building the articles of a catalog."""
        articles = self.articles
        if isinstance(articles, ArticleTable):
            return articles.column(name)
        return [getattr(article, name) for article in articles]

    def by_rel_path(self, rel_path: str) -> Article | None:
        """Return the article stored at this pack-relative path (``cat/slug.md``)."""
        if self._by_path is None:
            self._by_path = {path: i for i, path in enumerate(self.column("rel_path"))}
        i = self._by_path.get(rel_path)
        return None if i is None else self.articles[i]

    def category_name(self, category_id: str) -> str:
        for category in self.categories:
            if category.id == category_id:
                return category.name
        return category_id.replace("-", " ").capitalize()

    def category_members(self, category_id: str) -> Sequence[int]:
        """Return the positions of the articles in ``category_id``, in pack order."""
        if self._members is None:
            articles = self.articles
            if isinstance(articles, ArticleTable):
                self._members = articles.category_members()
            else:
                self._members = _members_of(articles)
        return self._members.get(category_id, ())

    def articles_in(self, category_id: str) -> list[Article]:
        articles = self.articles
        return [articles[i] for i in self.category_members(category_id)]

    def tagged(self, tag: str) -> Sequence[int]:
        """Return the positions of the articles carrying ``tag`` (any case), in pack order."""
        articles = self.articles
        if isinstance(articles, ArticleTable):
            return articles.tagged(tag.casefold())
        if self._tagged is None:
            self._tagged = _tagged_in(articles)
        return self._tagged.get(tag.casefold(), ())

    def recently_reviewed(self, count: int) -> list[Article]:
        """Return the ``count`` articles reviewed most recently (pack order among equals)."""
        import heapq  # only for the home page

        dates = self.column("reviewed")
        latest = heapq.nlargest(count, (i for i, day in enumerate(dates) if day), dates.__getitem__)
        return [self.articles[i] for i in latest]

    def neighbours(self, slug: str) -> tuple[Article | None, Article | None]:
        """Return the previous and next article in pack order."""
        i = self._by_slug.get(slug)
        if i is None:
            return None, None
        articles = self.articles
        prev = articles[i - 1] if i > 0 else None
        nxt = articles[i + 1] if i + 1 < len(articles) else None
        return prev, nxt

    def _index(self, positions_set: bool = False) -> None:
        """Build the slug table (and number the articles unless ``positions_set``)."""
        articles = self.articles
        if isinstance(articles, ArticleTable):
            self._by_slug = articles.slug_positions()
        else:
            self._by_slug = {a.slug: i for i, a in enumerate(articles)}
            if not positions_set:
                for i, article in enumerate(articles):
                    article.index = i
        self._by_path = self._members = self._tagged = None


def review_overdue(reviewed: dt.date, years: int, today: dt.date) -> bool:
    """Return True if ``reviewed`` lies more than ``years`` years before ``today``."""
    if reviewed.year + years > dt.MAXYEAR:
        return False
    try:
        due = reviewed.replace(year=reviewed.year + years)
    except ValueError:  # 29 February
        due = reviewed.replace(year=reviewed.year + years, day=28)
    return due < today


class PackError(Exception):
    """The pack cannot be opened at all (its folder is missing or unreadable)."""


def load_pack(
    root: Path | str,
    max_article_bytes: int = MAX_ARTICLE_BYTES,
    cache_dir: Path | None = None,
    full_check: bool = True,
    defer_save: bool = False,
    progress: Callable[[int, int], object] | None = None,
) -> Pack:
    """Load the pack in ``root``; raise :class:`PackError` only if the folder is unusable.

    Of an article file longer than ``max_article_bytes`` only the start is read (cut at a
    line break), the article is marked ``truncated`` and a warning is recorded.

    With ``cache_dir``, a catalog of every article's front matter and the pack's problems is
    kept there (:mod:`reader.library.catalog`): when it is still valid the pack is built from it
    without opening any article file, and bodies are read on first use. ``full_check=False``
    trusts the catalog if no folder and not ``pack.toml`` changed (files added, removed or
    renamed); the caller should then run :func:`reader.library.catalog.verify` later, which also
    notices files edited in place. ``defer_save=True`` leaves a missing catalog to
    :func:`reader.library.catalog.save_pending` (e.g. in a thread after the first page is shown).
    ``progress(done, total)`` is called every few hundred files while files are read (not
    when the pack comes from its catalog), so a window can say how far a long load is.
    """
    root = Path(root).expanduser()
    if not root.is_dir():
        raise PackError(f"content folder not found: {root}")
    root = root.resolve()
    if cache_dir is not None:
        from reader.library import catalog  # only callers with a cache pay for it

        return catalog.load_cached(
            root, cache_dir, max_article_bytes, full_check, defer_save, progress
        )
    return _load_files(root, max_article_bytes, progress)


#: Files read between two calls of a ``progress`` callback.
PROGRESS_EVERY = 200


def _load_files(
    root: Path, max_article_bytes: int, progress: Callable[[int, int], object] | None = None
) -> Pack:
    """Read every file of the pack in the (resolved) ``root``."""
    articles: list[Article] = []
    pack = Pack(root=root, articles=articles)
    _load_meta(pack)
    files = _article_files(root, pack.problems)
    by_slug: dict[str, Article] = {}
    for done, path in enumerate(files):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(files))
        article = _load_article(pack, path, max_article_bytes)
        if article is None:
            continue
        existing = by_slug.get(article.slug)
        if existing is not None:
            pack.problems.append(
                Problem(
                    article.rel_path,
                    1,
                    f"duplicate slug '{article.slug}' (already used by {existing.rel_path});"
                    " this file is skipped",
                )
            )
            continue
        by_slug[article.slug] = article
        articles.append(article)
    _check_categories(pack)
    _check_related(pack, by_slug)
    articles.sort(key=_sort_key(pack))
    pack._index()
    pack.featured = tuple(s for s in pack.featured if _known_featured(pack, s))
    log_problems(pack)
    return pack


def log_problems(pack: Pack) -> None:
    """Log every problem of ``pack`` (errors as errors, the rest as warnings)."""
    for problem in pack.problems:
        log = logger.error if problem.severity == "error" else logger.warning
        log("%s", problem)


def _article_files(root: Path, problems: list[Problem]) -> list[Path]:
    found: list[Path] = []
    try:
        for path in sorted(root.rglob("*.md")):
            rel_parts = path.relative_to(root).parts
            if any(p in _SKIP_DIRS or p.startswith(".") for p in rel_parts):
                continue
            if path.name.lower() in {"readme.md", "license.md"} and len(rel_parts) == 1:
                continue
            if path.is_file():
                found.append(path)
    except OSError as exc:
        problems.append(Problem(".", None, f"cannot list the content folder: {exc}"))
    return found


def _load_meta(pack: Pack) -> None:
    import tomllib  # only when pack.toml is read: a pack from its catalog does not need it

    meta_path = pack.root / PACK_FILE
    try:
        data = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        pack.problems.append(
            Problem(PACK_FILE, None, "pack.toml is missing; using default title and settings")
        )
        return
    except UnicodeDecodeError as exc:
        pack.problems.append(Problem(PACK_FILE, None, f"pack.toml is not UTF-8 text ({exc})"))
        return
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(exc)
        pack.problems.append(
            Problem(PACK_FILE, line, f"pack.toml is not valid TOML: {exc}; using defaults")
        )
        return
    except OSError as exc:
        pack.problems.append(Problem(PACK_FILE, None, f"cannot read pack.toml: {exc}"))
        return

    def text(key: str, default: str) -> str:
        value = data.get(key, default)
        if isinstance(value, str):
            return value.strip()
        pack.problems.append(Problem(PACK_FILE, None, f"'{key}' should be text", "warning"))
        return default

    pack.title = text("title", pack.title) or pack.title
    pack.language = text("language", pack.language) or pack.language
    pack.description = text("description", "")
    pack.disclaimer = text("disclaimer", "")
    featured = data.get("featured", [])
    if isinstance(featured, list) and all(isinstance(s, str) for s in featured):
        pack.featured = tuple(featured)
    else:
        pack.problems.append(
            Problem(PACK_FILE, None, "'featured' should be a list of article slugs", "warning")
        )
    period = data.get("review_period_years", pack.review_period_years)
    if isinstance(period, int) and not isinstance(period, bool) and period > 0:
        pack.review_period_years = period
    else:
        pack.problems.append(
            Problem(PACK_FILE, None, "'review_period_years' should be a positive whole number")
        )
    categories = data.get("categories", [])
    if not isinstance(categories, list):
        categories = []
        pack.problems.append(Problem(PACK_FILE, None, "'categories' should be a list of tables"))
    for entry in categories:
        if (
            isinstance(entry, dict)
            and isinstance(entry.get("id"), str)
            and isinstance(entry.get("name", ""), str)
        ):
            cid = entry["id"].strip()
            pack.categories.append(Category(cid, entry.get("name", "").strip() or cid))
        else:
            pack.problems.append(
                Problem(PACK_FILE, None, f"category entry needs 'id' and 'name': {entry!r}")
            )


def _toml_error_line(exc: ValueError) -> int | None:
    lineno = getattr(exc, "lineno", None)  # Python 3.14+
    if isinstance(lineno, int):
        return lineno
    match = re.search(r"\(at line (\d+)", str(exc))
    return int(match.group(1)) if match else None


def _read_text(
    path: Path, rel: str, max_bytes: int, problems: list[Problem] | None
) -> tuple[str, bool]:
    """Return the file's text (decoded, newlines normalised, cut at ``max_bytes``) and whether
    it was cut. Problems are appended to ``problems`` if given. Raises OSError."""
    with path.open("rb") as file:
        raw = file.read(max_bytes + 1)
    truncated = len(raw) > max_bytes
    if truncated:
        raw = _cut(raw, max_bytes)
        if problems is not None:
            problems.append(
                Problem(
                    rel,
                    raw.count(b"\n") + 1,
                    f"file is larger than {_size(max_bytes)}; only the first part is shown",
                    "warning",
                )
            )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if problems is not None:
            line = raw.count(b"\n", 0, exc.start) + 1
            problems.append(
                Problem(
                    rel,
                    line,
                    "file is not UTF-8 text; undecodable bytes are shown as \ufffd",
                )
            )
        text = raw.decode("utf-8-sig", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd"), truncated


#: How many lazily read bodies are kept (the page shown, its neighbours, a search build batch).
LAZY_BODIES_KEPT = 32
_lazy_cache: OrderedDict[int, tuple[Article, str]] = OrderedDict()
_lazy_lock = threading.Lock()


def _lazy_body(article: Article) -> str:
    """Read the body of a catalog-built article from its file, keeping the last few read.

    Bodies are not kept on the article itself, so reading every article (building the search
    index in a worker thread) does not bring back the memory lazy loading saves.
    """
    key = id(article)
    with _lazy_lock:
        hit = _lazy_cache.get(key)
        if hit is not None and hit[0] is article:
            _lazy_cache.move_to_end(key)
            return hit[1]
    try:
        text, _ = _read_text(article.path, article.rel_path, article._max_bytes, None)
    except OSError as exc:
        logger.warning("cannot read %s: %s", article.rel_path, exc)
        return ""
    body = _body_from(text, article.body_line)
    with _lazy_lock:
        _lazy_cache[key] = (article, body)
        _lazy_cache.move_to_end(key)
        while len(_lazy_cache) > LAZY_BODIES_KEPT:
            _lazy_cache.popitem(last=False)
    return body


def _body_from(text: str, body_line: int) -> str:
    """Return the body of ``text`` that starts at ``body_line``, without parsing YAML.

    If the line before it is not the closing fence any more (the file was edited since the
    catalog was written) the front matter is split again.
    """
    if body_line <= 1:
        return text
    start = 0
    for _ in range(body_line - 2):  # the start of the closing fence's line
        start = text.find("\n", start) + 1
        if start == 0:
            break
    else:
        end = text.find("\n", start)
        if end >= 0 and text[start:end].rstrip() in ("---", "..."):
            return text[end + 1 :]
    from reader.library.frontmatter import FrontMatterError, split_front_matter

    try:
        return split_front_matter(text).body
    except FrontMatterError as exc:
        return exc.fallback.body


def _load_article(pack: Pack, path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Article | None:
    rel = path.relative_to(pack.root).as_posix()
    problems = pack.problems
    try:
        text, truncated = _read_text(path, rel, max_bytes, problems)
    except OSError as exc:
        problems.append(Problem(rel, None, f"cannot read file: {exc}; skipped"))
        return None
    if not text.strip():
        problems.append(Problem(rel, None, "file is empty; skipped"))
        return None

    # Imported here: a pack opened from its catalog never parses YAML (PyYAML costs ~10 ms).
    from reader.library.frontmatter import FrontMatterError, split_front_matter

    try:
        fm = split_front_matter(text)
    except FrontMatterError as exc:
        problems.append(Problem(rel, exc.line, f"{exc.message}; front matter ignored"))
        fm = exc.fallback
    meta, body, body_line = fm.meta, fm.body, fm.body_line

    slug = path.stem
    article = Article(
        slug=slug,
        title="",
        path=path,
        rel_path=rel,
        body=body,
        body_line=body_line,
        key_lines=fm.key_lines,
        truncated=truncated,
        max_bytes=max_bytes,
    )
    unknown = sorted(str(k) for k in meta if k not in KNOWN_KEYS)
    if unknown:
        problems.append(
            Problem(
                rel,
                fm.key_lines.get(unknown[0], 1),
                f"unknown front matter keys: {', '.join(unknown)}",
                "warning",
            )
        )

    def line_of(key: str) -> int:
        return fm.key_lines.get(key, 1)

    def bad(key: str, expected: str) -> None:
        problems.append(Problem(rel, line_of(key), f"'{key}' should be {expected}", "warning"))

    title = meta.get("title")
    if isinstance(title, (str, int, float)) and not isinstance(title, bool) and str(title).strip():
        article.title = str(title).strip()
    else:
        if title is not None:
            bad("title", "text")
        heading = _first_heading(body)
        if heading:
            article.title = heading
            problems.append(
                Problem(rel, 1, "no 'title' in front matter; using the first heading", "warning")
            )
        else:
            article.title = slug.replace("-", " ").replace("_", " ").capitalize()
            problems.append(
                Problem(rel, 1, "no 'title' and no '# ' heading; using the file name", "warning")
            )

    summary = meta.get("summary")
    if isinstance(summary, str):
        article.summary = " ".join(summary.split())
    elif summary is not None:
        bad("summary", "text")

    category = meta.get("category")
    if isinstance(category, str) and category.strip():
        article.category = category.strip()
    elif category is not None:
        bad("category", "a category id from pack.toml")
    elif len(Path(rel).parts) > 1:
        article.category = Path(rel).parts[0]

    article.tags = _str_list(meta.get("tags"), "tags", bad)
    article.related = _str_list(meta.get("related"), "related", bad)
    article.sources = _str_list(meta.get("sources"), "sources", bad)

    order = meta.get("order")
    if isinstance(order, int) and not isinstance(order, bool):
        article.order = order
    elif order is not None:
        bad("order", "a whole number")

    reviewed = meta.get("reviewed")
    if isinstance(reviewed, dt.datetime):
        article.reviewed = reviewed.date()
    elif isinstance(reviewed, dt.date):
        article.reviewed = reviewed
    elif isinstance(reviewed, str):
        try:
            article.reviewed = dt.date.fromisoformat(reviewed.strip())
        except ValueError:
            bad("reviewed", "a date like 2026-03-31")
    elif reviewed is not None:
        bad("reviewed", "a date like 2026-03-31")

    url = meta.get("url")
    if isinstance(url, str) and url.startswith(("https://", "http://")):
        article.url = url.strip()
    elif url is not None:
        bad("url", "a web address starting with https://")
    return article


def _cut(raw: bytes, limit: int) -> bytes:
    """Return at most ``limit`` bytes of ``raw``, ending at a line break near the limit if there
    is one, else after a whole UTF-8 character."""
    end = raw.rfind(b"\n", max(0, limit - min(64 * 1024, limit // 8)), limit + 1)
    if end > 0:
        return raw[:end]
    end = limit
    while end > 0 and raw[end] & 0xC0 == 0x80:  # not inside a UTF-8 sequence
        end -= 1
    return raw[:end]


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _str_list(value: Any, key: str, bad: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        bad(key, "a list")
        return ()
    items: list[str] = []
    for item in value:
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            text = " ".join(str(item).split())
            if text and text not in items:
                items.append(text)
        else:
            bad(key, "a list of text items")
    return tuple(items)


def _first_heading(body: str) -> str:
    for line in body.splitlines():
        match = _HEADING_RE.match(line)
        if match:
            return match.group(1).strip()
    return ""


def _check_categories(pack: Pack) -> None:
    known = {c.id for c in pack.categories}
    used_unknown: list[str] = []
    for article in pack.articles:
        if article.category in known:
            continue
        if article.category == OTHER_CATEGORY:
            if pack.categories:
                pack.problems.append(
                    Problem(article.rel_path, 1, "no 'category'; listed under 'Other'", "warning")
                )
        else:
            pack.problems.append(
                Problem(
                    article.rel_path,
                    article.key_lines.get("category", 1),
                    f"unknown category '{article.category}' (not in pack.toml); "
                    "listed under its own heading at the end",
                    "warning",
                )
            )
        if article.category not in used_unknown:
            used_unknown.append(article.category)
    for cid in sorted(used_unknown, key=lambda c: (c == OTHER_CATEGORY, c)):
        name = "Other" if cid == OTHER_CATEGORY else cid.replace("-", " ").capitalize()
        pack.categories.append(Category(cid, name))


def _check_related(pack: Pack, by_slug: dict[str, Article]) -> None:
    for article in pack.articles:
        kept: list[str] = []
        for slug in article.related:
            if slug == article.slug:
                continue
            if slug in by_slug:
                kept.append(slug)
            else:
                pack.problems.append(
                    Problem(
                        article.rel_path,
                        article.key_lines.get("related", 1),
                        f"'related' names unknown article '{slug}'",
                        "warning",
                    )
                )
        article.related = tuple(kept)


def _known_featured(pack: Pack, slug: str) -> bool:
    if slug in pack._by_slug:
        return True
    pack.problems.append(
        Problem(PACK_FILE, None, f"'featured' names unknown article '{slug}'", "warning")
    )
    return False


def _sort_key(pack: Pack) -> Any:
    rank = {c.id: i for i, c in enumerate(pack.categories)}

    def key(a: Article) -> tuple[int, int, str, str]:
        order = a.order if a.order is not None else 1 << 30
        return (rank.get(a.category, len(rank)), order, a.title.casefold(), a.slug)

    return key
