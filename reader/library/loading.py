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
from pathlib import Path
from typing import Any

from reader.library.files import MAX_ARTICLE_BYTES, ReadNote, read_text
from reader.library.pack import (
    OTHER_CATEGORY,
    PACK_FILE,
    Article,
    Category,
    Pack,
    PackError,
    Problem,
)

logger = logging.getLogger(__name__)

#: Front-matter keys the reader understands; others are reported as warnings.
KNOWN_KEYS = frozenset(
    {"title", "summary", "category", "tags", "order", "reviewed", "related", "sources", "url"}
    | {"language", "translation_of", "updated"}  # reader.library.languages
)
_HEADING_RE = re.compile(r"^#\s+(.+?)\s*#*\s*$")
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
    pack.reindex()
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
    period = data.get("review_period_years", pack.review_period_years)
    if isinstance(period, int) and not isinstance(period, bool) and period > 0:
        pack.review_period_years = period
    else:
        pack.problems.append(
            Problem(PACK_FILE, None, "'review_period_years' should be a positive whole number")
        )
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


def _toml_error_line(exc: ValueError) -> int | None:
    lineno = getattr(exc, "lineno", None)  # Python 3.14+
    if isinstance(lineno, int):
        return lineno
    match = re.search(r"\(at line (\d+)", str(exc))
    return int(match.group(1)) if match else None


def _load_article(pack: Pack, path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Article | None:
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

    article.reviewed = _date(meta.get("reviewed"), "reviewed", bad)
    article.updated = _date(meta.get("updated"), "updated", bad)
    for key in ("language", "translation_of"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            setattr(article, key, value.strip())
        elif value is not None:
            bad(key, "text")

    url = meta.get("url")
    if isinstance(url, str) and url.startswith(("https://", "http://")):
        article.url = url.strip()
    elif url is not None:
        bad("url", "a web address starting with https://")
    return article


def _date(value: Any, key: str, bad: Callable[[str, str], None]) -> dt.date | None:
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
    if slug in pack:
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
