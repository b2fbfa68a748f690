"""Read a content pack from a folder: ``pack.toml`` plus one Markdown file per article.

Loading never stops on a bad file. Every problem becomes a :class:`Problem` that names the
file (and line where known); the article is kept with sensible fallbacks or skipped.
A pack read from an archive file would be a second module beside this one, building the same
:class:`~reader.library.pack.Pack`. This module never imports Qt.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.library.files import MAX_ARTICLE_BYTES, ReadNote, read_text
from reader.library.naming import assign_slugs, natural_key, site_path_key, title_from_name
from reader.library.pack import (
    OTHER_CATEGORY,
    PACK_FILE,
    Article,
    Category,
    Pack,
    PackError,
    Problem,
    Source,
)
from reader.library.sitekeys import (
    SITE_KEYS,
    language_folder,
    read_language,
    read_redirects,
    read_slug,
)
from reader.library.templates import strip_template_tags

logger = logging.getLogger(__name__)

#: Front-matter keys the reader understands; others are reported as warnings.
KNOWN_KEYS = frozenset(
    {
        "title", "summary", "category", "tags", "order", "updated", "reviewed", "reviewed_by",
        "related", "sources", "url",
    }
    | {"language", "translation_of"}  # reader.library.languages
)  # fmt: skip
#: Keys a ``sources`` entry written as a mapping may have.
SOURCE_KEYS = frozenset({"id", "title", "publisher", "url", "published", "accessed"})
_HEADING_RE = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_SKIP_DIRS = frozenset({".git", "__pycache__", "node_modules"})


def pack_root(root: Path | str) -> Path:
    """Return the resolved pack folder; raise :class:`PackError` if it is not a folder."""
    path = Path(root).expanduser()
    if not path.is_dir():
        raise PackError(f"content folder not found: {path}")
    return path.resolve()


def load_pack(
    root: Path | str,
    max_article_bytes: int = MAX_ARTICLE_BYTES,
    progress: Callable[[int, int], object] | None = None,
) -> Pack:
    """Read every file of the pack in ``root``; raise :class:`PackError` only if the folder is
    unusable.

    Of an article file longer than ``max_article_bytes`` only the start is read (cut at a
    line break), the article is marked ``truncated`` and a warning is recorded.
    ``progress(done, total)`` is called every few hundred files, so a window can say how far a
    long load is. To open a pack from its cached catalog, use
    :class:`reader.library.catalog.Catalog`.
    """
    return load_files(pack_root(root), max_article_bytes, progress)


#: Files read between two calls of a ``progress`` callback.
PROGRESS_EVERY = 200


def load_files(
    root: Path, max_article_bytes: int, progress: Callable[[int, int], object] | None = None
) -> Pack:
    """Read every file of the pack in the (resolved) ``root``."""
    articles: list[Article] = []
    pack = Pack(root=root, articles=articles)
    _load_meta(pack)
    files = _article_files(root, pack.problems)
    site = _Site()
    loaded: list[Article] = []
    for done, path in enumerate(files):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(files))
        article = _load_article(pack, path, max_article_bytes, site)
        if article is not None:
            loaded.append(article)
    assign_slugs(loaded)
    by_slug: dict[str, Article] = {}
    for article in loaded:
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
    _add_redirects(pack, site, by_slug)
    _check_categories(pack)
    _check_related(pack, by_slug)
    articles.sort(key=_sort_key(pack))
    pack.reindex()
    pack.featured = tuple(s for s in pack.featured if _known_featured(pack, s))
    log_problems(pack)
    return pack


@dataclass
class _Site:
    """Redirects found while reading, resolved once every article has its slug."""

    #: (pack-relative path, line, target) of pages that only lead elsewhere (``redirect_to``).
    pages: list[tuple[str, int, str]] = field(default_factory=list)
    #: (article, old path slugs) from ``redirect_from``.
    old_paths: list[tuple[Article, list[str]]] = field(default_factory=list)


def _add_redirects(pack: Pack, site: _Site, by_slug: dict[str, Article]) -> None:
    by_key = {site_path_key(a.rel_path): a.slug for a in by_slug.values()}
    for article, keys in site.old_paths:
        if by_slug.get(article.slug) is article:
            for key in keys:
                if key not in by_key:
                    pack.redirects.setdefault(key, article.slug)
    for rel, line, target in site.pages:
        key = site_path_key(rel)
        if key in by_key:
            continue
        if target.startswith(("https://", "http://")):
            pack.redirects[key] = target
            continue
        slug = by_key.get(site_path_key(target)) or pack.redirects.get(site_path_key(target))
        if slug is None and target in by_slug:
            slug = target
        if slug is None:
            pack.problems.append(
                Problem(rel, line, f"'redirect_to' leads to '{target}', which is not in this pack")
            )
        else:
            pack.redirects[key] = slug


def log_problems(pack: Pack) -> None:
    """Log how many problems ``pack`` has, and (at debug level) each one.

    One line, not thousands: ``check`` and Help › Content problems list them.
    """
    if not pack.problems:
        return
    for problem in pack.problems:
        logger.debug("%s", problem)
    errors = sum(1 for p in pack.problems if p.severity == "error")
    logger.info(
        "%s: %d error(s), %d warning(s) in the content pack (see 'check')",
        pack.root,
        errors,
        len(pack.problems) - errors,
    )


def _article_files(root: Path, problems: list[Problem]) -> list[Path]:
    found: list[Path] = []
    try:
        for path in sorted(root.rglob("*.md")):
            rel_parts = path.relative_to(root).parts
            if any(p in _SKIP_DIRS or p.startswith(".") for p in rel_parts):
                continue
            if path.name.lower() in {"readme.md", "license.md"} and len(rel_parts) == 1:
                continue
            if not path.is_file():
                continue
            if not _inside(root, path):
                problems.append(
                    Problem(
                        path.relative_to(root).as_posix(),
                        None,
                        "file is a link to somewhere outside the content folder; skipped",
                    )
                )
                continue
            found.append(path)
    except OSError as exc:
        problems.append(Problem(".", None, f"cannot list the content folder: {exc}"))
    return found


def _inside(root: Path, path: Path) -> bool:
    """Return True if ``path``, with every link followed, is a file inside ``root``.

    A pack may be copied from anywhere; a link in it must not show a file from elsewhere on
    the terminal (the same rule as for pictures, reader.page.links.confined_file).
    """
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return False


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
    _load_review_meta(pack, data, text)
    from reader.library.languages import read_translations

    pack.translations = read_translations(data.get("translations", {}), pack.problems)
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


def _load_review_meta(pack: Pack, data: dict[str, Any], text: Callable[[str, str], str]) -> None:
    """Read the keys about reviews, emergencies and reports from ``pack.toml``'s ``data``."""
    pack.emergency_number = text("emergency_number", "")
    pack.contact = text("contact", "")
    for key, per_year in (("review_every_months", 1), ("review_period_years", 12)):
        if key not in data:
            continue
        value = data[key]
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            if key == "review_every_months" or "review_every_months" not in data:
                pack.review_every_months = value * per_year  # years: the older key
        else:
            pack.problems.append(Problem(PACK_FILE, None, f"'{key}' should be a whole number > 0"))


def _toml_error_line(exc: ValueError) -> int | None:
    lineno = getattr(exc, "lineno", None)  # Python 3.14+
    if isinstance(lineno, int):
        return lineno
    match = re.search(r"\(at line (\d+)", str(exc))
    return int(match.group(1)) if match else None


def _load_article(
    pack: Pack, path: Path, max_bytes: int = MAX_ARTICLE_BYTES, site: _Site | None = None
) -> Article | None:
    rel = path.relative_to(pack.root).as_posix()
    problems = pack.problems
    try:
        notes: list[ReadNote] = []
        text, truncated = read_text(path, max_bytes, notes)
        problems.extend(Problem(rel, note.line, note.message, note.severity) for note in notes)
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

    def line_of(key: str) -> int:
        return fm.key_lines.get(key, 1)

    def bad(key: str, expected: str) -> None:
        problems.append(Problem(rel, line_of(key), f"'{key}' should be {expected}", "warning"))

    redirect_to, old_paths = read_redirects(meta, bad)
    if not strip_template_tags(body).strip():
        if redirect_to:
            if site is not None:
                site.pages.append((rel, line_of("redirect_to"), redirect_to))
        else:
            problems.append(
                Problem(
                    rel,
                    body_line,
                    "the page has no text (front matter only); not listed",
                    "warning",
                )
            )
        return None

    article = Article(
        slug=read_slug(meta, bad),  # empty: given by naming.assign_slugs
        title="",
        path=path,
        rel_path=rel,
        body=body,
        body_line=body_line,
        key_lines=fm.key_lines,
        truncated=truncated,
        max_bytes=max_bytes,
    )
    if site is not None and old_paths:
        site.old_paths.append((article, old_paths))
    categories = {c.id for c in pack.categories}
    folder_language = language_folder(rel, categories)
    article.language = read_language(meta, bad) or folder_language or pack.language
    unknown = sorted(str(k) for k in meta if k not in KNOWN_KEYS and k not in SITE_KEYS)
    if unknown:
        problems.append(
            Problem(
                rel,
                fm.key_lines.get(unknown[0], 1),
                f"unknown front matter keys: {', '.join(unknown)}",
                "warning",
            )
        )

    title = meta.get("title")
    if isinstance(title, (str, int, float)) and not isinstance(title, bool) and str(title).strip():
        article.title = str(title).strip()
    else:
        if isinstance(title, str):
            problems.append(Problem(rel, line_of("title"), "'title' must not be empty", "warning"))
        elif title is not None:
            bad("title", "text")
        heading = _first_heading(body)
        if heading:
            article.title = heading
            problems.append(
                Problem(rel, 1, "no 'title' in front matter; using the first heading", "warning")
            )
        else:
            article.title = title_from_name(rel)
            problems.append(
                Problem(rel, 1, "no 'title' and no heading; using the file name", "warning")
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
    else:
        folders = Path(rel).parts[1 if folder_language else 0 : -1]
        if folders:
            article.category = folders[0]

    article.tags = _str_list(meta.get("tags"), "tags", bad)
    article.related = _str_list(meta.get("related"), "related", bad)
    article.sources = _sources(meta.get("sources"), bad)

    order = meta.get("order")
    if isinstance(order, int) and not isinstance(order, bool):
        article.order = order
    elif order is not None:
        bad("order", "a whole number")

    _load_review(article, meta, bad, problems)
    value = meta.get("translation_of")
    if isinstance(value, str) and value.strip():
        article.translation_of = value.strip()
    elif value is not None:
        bad("translation_of", "text")

    url = meta.get("url")
    if isinstance(url, str) and url.startswith(("https://", "http://")):
        article.url = url.strip()
    elif url is not None:
        bad("url", "a web address starting with https://")
    return article


def _date(meta: dict[Any, Any], key: str, bad: Any) -> dt.date | None:
    value = meta.get(key)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if value is not None:
        bad(key, "a date like 2026-03-31")
    return None


def _load_review(article: Article, meta: dict[Any, Any], bad: Any, problems: list[Problem]) -> None:
    """Read ``updated``, ``reviewed`` and ``reviewed_by``: a review date needs a reviewer."""
    article.updated = _date(meta, "updated", bad)
    reviewed = _date(meta, "reviewed", bad)
    by = meta.get("reviewed_by")
    if isinstance(by, str) and by.strip():
        article.reviewed_by = " ".join(by.split())
    elif by is not None:
        bad("reviewed_by", "the name and role of the clinician, as text")
    lines = article.key_lines
    if reviewed is not None and not article.reviewed_by:
        problems.append(
            Problem(
                article.rel_path,
                lines.get("reviewed", 1),
                "'reviewed' without 'reviewed_by' (the clinician's name and role): the article "
                "is shown as not reviewed",
            )
        )
    elif reviewed is None and article.reviewed_by:
        problems.append(
            Problem(
                article.rel_path,
                lines.get("reviewed_by", 1),
                "'reviewed_by' without a 'reviewed' date: the article is shown as not reviewed",
                "warning",
            )
        )
        article.reviewed_by = ""
    else:
        article.reviewed = reviewed


def _sources(value: Any, bad: Any) -> tuple[Source, ...]:
    """Read ``sources``: plain text entries, or mappings with a title and where to find it."""
    if value is None:
        return ()
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, list):
        bad("sources", "a list")
        return ()
    found: list[Source] = []
    for item in value:
        source: Source | None = None
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            text = " ".join(str(item).split())
            source = Source(text) if text else None
        elif isinstance(item, dict):
            source = _source_entry(item, bad)
        else:
            bad("sources", "a list of text items or of entries with a 'title'")
        if source is not None and source not in found:
            found.append(source)
    return tuple(found)


def _source_entry(item: dict[Any, Any], bad: Any) -> Source | None:
    fields: dict[str, str] = {}
    for key, raw in item.items():
        if key not in SOURCE_KEYS:
            bad("sources", f"entries with only {', '.join(sorted(SOURCE_KEYS))} (not '{key}')")
            continue
        if isinstance(raw, dt.date):
            fields[key] = raw.isoformat()[:10]
        elif isinstance(raw, (str, int, float)) and not isinstance(raw, bool):
            fields[key] = " ".join(str(raw).split())
        else:
            bad("sources", f"entries whose '{key}' is text")
    url = fields.get("url", "")
    if url and not url.startswith(("https://", "http://")):
        bad("sources", f"entries whose 'url' starts with https:// (not '{url}')")
        fields["url"] = ""
    title = fields.pop("title", "") or fields.get("publisher", "") or fields.get("url", "")
    if not title:
        bad("sources", "entries with a 'title'")
        return None
    return Source(title, **fields)


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
        from_folder = "category" not in article.key_lines
        if from_folder and not pack.categories:
            pass  # a pack without categories (a site's folder) is sorted by its folders
        elif article.category == OTHER_CATEGORY:
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
    if slug in pack:
        return True
    pack.problems.append(
        Problem(PACK_FILE, None, f"'featured' names unknown article '{slug}'", "warning")
    )
    return False


def _sort_key(pack: Pack) -> Any:
    rank = {c.id: i for i, c in enumerate(pack.categories)}

    def key(a: Article) -> tuple[int, int, tuple[tuple[int, int | str], ...], str]:
        order = a.order if a.order is not None else 1 << 30
        return (rank.get(a.category, len(rank)), order, natural_key(a.title), a.slug)

    return key
