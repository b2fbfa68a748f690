"""What a content pack is: its articles, categories and problems (the model only).

How a pack is read from a folder is :mod:`reader.library.loading`; how it is cached is
:mod:`reader.library.catalog`. This module imports neither, and never imports Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, TypeVar, overload

from reader.library.files import MAX_ARTICLE_BYTES, lazy_body

__all__ = [
    "MAX_ARTICLE_BYTES",
    "OTHER_CATEGORY",
    "PACK_FILE",
    "Article",
    "ArticleTable",
    "Category",
    "Pack",
    "PackError",
    "Problem",
    "Source",
    "contact_address",
    "next_review_due",
    "review_overdue",
    "reviewed_only",
]

PACK_FILE = "pack.toml"
OTHER_CATEGORY = "other"
#: Months between clinical reviews when ``pack.toml`` does not say.
DEFAULT_REVIEW_MONTHS = 36


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


class Source(NamedTuple):
    """One entry of an article's ``sources``: a plain text (old packs) or a named reference.

    A plain-text entry has only ``title``. ``published`` and ``accessed`` are kept as
    written (ISO dates for YAML dates, else the text).
    """

    title: str
    id: str = ""
    publisher: str = ""
    url: str = ""
    published: str = ""
    accessed: str = ""

    @property
    def checkable(self) -> bool:
        """True if a reader can find the source again: it names a publisher or an address."""
        return bool(self.url or self.publisher)


class Category(NamedTuple):
    """A category of articles, in the order the pack gives."""

    id: str
    name: str


@dataclass(slots=True, init=False)
class Article:
    """One article: front matter plus the body (Markdown; HTML for a ZIM archive's entries).

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
    sources: tuple[Source, ...]
    url: str
    #: Language of the text (BCP 47, e.g. ``es``); empty means the pack's language.
    language: str
    index: int  # position in pack order, set by the pack
    truncated: bool  # the file was longer than the size limit; only its start is here
    key_lines: dict[str, int] = field(repr=False, compare=False)
    _words: int | None = field(repr=False, compare=False)
    #: Size limit the body is read with when it is loaded lazily.
    _max_bytes: int = field(repr=False, compare=False)
    #: When the text last changed (``updated``); says nothing about a clinical review.
    updated: dt.date | None
    #: Name and role of the clinician who reviewed it on ``reviewed`` ("" when unreviewed).
    reviewed_by: str
    #: Slug of the article this one translates (``translation_of``); "" for an original.
    translation_of: str
    #: What ``body`` is written in: "markdown", or "html" for an entry of a ZIM archive
    #: (:mod:`reader.library.zim`), which the renderer sanitises instead of converting.
    body_format: ClassVar[str] = "markdown"

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
        sources: tuple[Source, ...] = (),
        url: str = "",
        index: int = 0,
        truncated: bool = False,
        key_lines: dict[str, int] | None = None,
        word_count: int | None = None,
        max_bytes: int = MAX_ARTICLE_BYTES,
        updated: dt.date | None = None,
        reviewed_by: str = "",
        language: str = "",
        translation_of: str = "",
    ) -> None:
        """``body=None`` means "read it from ``path`` on first use" (``word_count`` given)."""
        self.slug = slug
        self.title = title
        self.rel_path = rel_path
        self.body_line = body_line
        self.summary = summary
        self.category = category
        self.tags = tags
        self.order = order
        self.reviewed = reviewed
        self.related = related
        self.sources = sources
        self.url = url
        self.language = language
        self.index = index
        self.truncated = truncated
        self.key_lines = key_lines if key_lines is not None else {}
        self.updated = updated
        self.reviewed_by = reviewed_by
        self.translation_of = translation_of
        # The body, or where to read it on first use (``path``, ``body``, ``_read_body``).
        self._path = path
        self._body = body
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
        return body if body is not None else self._read_body()

    @body.setter
    def body(self, value: str) -> None:
        self._body = value
        self._words = None

    def _read_body(self) -> str:
        """Read the body that is not in memory (kept in a small cache of read bodies)."""
        return lazy_body(self, self.path, self.rel_path, self._max_bytes, self.body_line)

    @property
    def max_bytes(self) -> int:
        """The size limit the article was (or will be) read with."""
        return self._max_bytes

    @property
    def body_loaded(self) -> bool:
        """True if the body is held in memory (a full load), False if it is read on demand."""
        return self._body is not None

    @property
    def source_numbers(self) -> dict[str, int]:
        """Return the number (from 1) of every source that has an ``id``, by its id."""
        return {s.id: n for n, s in enumerate(self.sources, 1) if s.id}

    @property
    def word_count(self) -> int:
        words = self._words
        if words is None:
            words = self._words = len(self.body.split())
        return words


_T = TypeVar("_T")


class LazySequence(Sequence[_T]):
    """A sequence whose items are made when asked for: a subclass gives ``__len__`` and
    ``_item(i)`` for ``0 <= i < len``; negative positions and slices are handled here."""

    __slots__ = ()

    @overload
    def __getitem__(self, i: int) -> _T: ...
    @overload
    def __getitem__(self, i: slice) -> list[_T]: ...
    def __getitem__(self, i: int | slice) -> _T | list[_T]:
        n = len(self)
        if isinstance(i, slice):
            return [self._item(j) for j in range(*i.indices(n))]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        return self._item(i)

    def _item(self, i: int) -> _T:
        raise NotImplementedError


class ArticleTable(LazySequence[Article]):
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
        "_by_key",
        "_by_path",
        "_by_slug",
        "_members",
        "_tagged",
        "articles",
        "categories",
        "contact",
        "description",
        "disclaimer",
        "emergency_number",
        "featured",
        "fingerprint",
        "hidden",
        "home_article",
        "language",
        "problems",
        "redirects",
        "review_every_months",
        "root",
        "title",
        "translations",
    )

    def __init__(
        self,
        root: Path,
        title: str = "Health Library",
        language: str = "en",
        description: str = "",
        disclaimer: str = "",
        featured: tuple[str, ...] = (),
        review_every_months: int = DEFAULT_REVIEW_MONTHS,
        categories: list[Category] | None = None,
        articles: Sequence[Article] | None = None,
        problems: list[Problem] | None = None,
        fingerprint: str = "",
        emergency_number: str = "",
        contact: str = "",
        redirects: dict[str, str] | None = None,
        translations: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        self.root = root
        self.categories: list[Category] = categories if categories is not None else []
        self.articles: Sequence[Article] = articles if articles is not None else []
        self.problems: list[Problem] = problems if problems is not None else []
        #: Slugs of articles left out of this pack on purpose (see :func:`reviewed_only`).
        self.hidden: frozenset[str] = frozenset()
        # What pack.toml says about the pack.
        self.title = title
        self.language = language
        self.description = description
        self.disclaimer = disclaimer
        self.featured = featured
        #: Months after a review by which the next one is due.
        self.review_every_months = review_every_months
        #: The number to call in an emergency ("999", "112"); "" when the pack cannot know it.
        self.emergency_number = emergency_number
        #: Where readers report a problem with a page (an email, phone number or address).
        self.contact = contact
        #: Fingerprint of the files the pack was loaded from, when it came from or went into
        #: a catalog (:mod:`reader.library.catalog`); empty for a plain load.
        self.fingerprint = fingerprint
        #: Old addresses of pages (path slugs, see :mod:`reader.library.naming`) and where
        #: they lead now: an article's slug, or a web address.
        self.redirects: dict[str, str] = redirects if redirects is not None else {}
        #: ``[translations.<language>]`` of pack.toml: title, description, disclaimer,
        #: featured and category names in another language (reader.library.languages).
        self.translations: dict[str, dict[str, Any]] = translations or {}
        #: The article a reader starts on when none is asked for (a ZIM archive's main page);
        #: empty for a pack, which starts on its generated home page.
        self.home_article = ""
        self._by_slug: dict[str, int] = {}
        # Built on first use (links, recommendations, the tree): none is needed by every page.
        self._by_path: dict[str, int] | None = None
        self._by_key: dict[str, int] | None = None
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

    @property
    def slug_count(self) -> int:
        """How many different slugs the pack's articles have (its length, if all are unique)."""
        return len(self._by_slug)

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

    def by_site_path(self, path: str) -> Article | str | None:
        """Return the article a site path names (``/benefits/``, ``es/foo.html``), following
        redirects; a web address if a redirect leads out of the pack; None if nothing."""
        from reader.library.naming import site_path_key

        if self._by_key is None:
            by_key: dict[str, int] = {}
            for position, rel in enumerate(self.column("rel_path")):
                by_key.setdefault(site_path_key(rel), position)
            self._by_key = by_key
        key = site_path_key(path)
        i = self._by_key.get(key)
        if i is not None:
            return self.articles[i]
        target = self.redirects.get(key)
        if target is None:
            return None
        if target.startswith(("https://", "http://")):
            return target
        return self.get(target)

    def find_entry(self, rel_path: str) -> tuple[str, str] | None:
        """Return what ``rel_path`` names in a pack that is not a folder, or None for a folder.

        A ZIM archive (:mod:`reader.library.zim`) answers ``("article", slug)``,
        ``("file", path)`` or ``("missing", "")``; :func:`reader.page.links.resolve` asks.
        """
        return None

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

    def recently_updated(self, count: int) -> list[Article]:
        """Return the ``count`` articles whose text changed most recently (``updated``)."""
        import heapq  # only for the home page

        dates = self.column("updated")
        latest = heapq.nlargest(count, (i for i, day in enumerate(dates) if day), dates.__getitem__)
        return [self.articles[i] for i in latest]

    def has_reviews(self) -> bool:
        """True if at least one article has a clinical review."""
        return any(self.column("reviewed"))

    def position(self, slug: str) -> int | None:
        """Return the position of the article ``slug`` in pack order, or None."""
        return self._by_slug.get(slug)

    def neighbours(self, slug: str) -> tuple[Article | None, Article | None]:
        """Return the previous and next article in pack order."""
        i = self.position(slug)
        if i is None:
            return None, None
        articles = self.articles
        prev = articles[i - 1] if i > 0 else None
        nxt = articles[i + 1] if i + 1 < len(articles) else None
        return prev, nxt

    def following(self, slug: str, count: int) -> list[Article]:
        """Return up to ``count`` articles after ``slug`` in pack order (Next, Next, …), then
        from the first article on, up to the one before ``slug``."""
        i = self.position(slug)
        if i is None:
            return []
        articles = self.articles
        after = list(articles[i + 1 : i + 1 + count])
        return after + list(articles[: min(i, count - len(after))])

    def reindex(self, positions_set: bool = False) -> None:
        """Build the slug table (and number the articles unless ``positions_set``)."""
        articles = self.articles
        if isinstance(articles, ArticleTable):
            self._by_slug = articles.slug_positions()
        else:
            self._by_slug = {a.slug: i for i, a in enumerate(articles)}
            if not positions_set:
                for i, article in enumerate(articles):
                    article.index = i
        self._by_path = self._by_key = self._members = self._tagged = None


def review_overdue(reviewed: dt.date, years: int, today: dt.date) -> bool:
    """Return True if ``reviewed`` lies more than ``years`` years before ``today``."""
    if reviewed.year + years > dt.MAXYEAR:
        return False
    try:
        due = reviewed.replace(year=reviewed.year + years)
    except ValueError:  # 29 February
        due = reviewed.replace(year=reviewed.year + years, day=28)
    return due < today


def contact_address(contact: str) -> str:
    """Return ``contact`` as an address a phone can open (``mailto:``, ``tel:``, ``https:``),
    or "" when it is neither (a postal address): for a QR code of the pack's contact."""
    import re  # kiosks with QR codes only

    text = contact.strip()
    if text.startswith(("https://", "http://", "mailto:", "tel:")):
        return text
    if re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", text):
        return f"mailto:{text}"
    if re.fullmatch(r"\+?[\d\s().-]{6,}", text) and sum(c.isdigit() for c in text) >= 6:
        return "tel:" + ("+" if text.startswith("+") else "") + re.sub(r"\D", "", text)
    return ""


def next_review_due(reviewed: dt.date, months: int) -> dt.date:
    """Return the day ``months`` months after ``reviewed`` (the month's last day if shorter)."""
    import calendar

    total = reviewed.year * 12 + reviewed.month - 1 + months
    year, month = divmod(total, 12)
    if year > dt.MAXYEAR:
        return dt.date.max
    day = min(reviewed.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def reviewed_only(pack: Pack) -> Pack:
    """Return a pack holding only the reviewed articles of ``pack`` (the others ``hidden``).

    For terminals that must show nothing a clinician has not checked: the article list,
    search, links and recommendations then never reach an unreviewed article.
    """
    import copy  # kiosks with only_reviewed only

    # Copies: the pack's own articles (and the catalog written from them) stay as they are.
    kept = [copy.copy(article) for article in pack.articles if article.reviewed is not None]
    hidden = frozenset(pack.column("slug")) - {a.slug for a in kept}
    narrowed = Pack(
        pack.root,
        pack.title,
        pack.language,
        pack.description,
        pack.disclaimer,
        tuple(slug for slug in pack.featured if slug not in hidden),
        pack.review_every_months,
        list(pack.categories),
        kept,
        list(pack.problems),
        pack.fingerprint,
        pack.emergency_number,
        pack.contact,
    )
    narrowed.hidden = hidden
    for article in kept:
        article.related = tuple(slug for slug in article.related if slug not in hidden)
    narrowed.reindex()
    return narrowed


class PackError(Exception):
    """The pack cannot be opened at all (its folder is missing or unreadable)."""
