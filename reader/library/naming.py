"""Names of articles: slugs from paths, titles from file names, natural title order (no Qt).

A static site's source folder has many files with the same name (``index.md`` in every
folder, ``es/foo.md`` beside ``foo.md``), so a slug cannot simply be the file name. Every
article has a *path slug*, its path without ``.md`` and without a trailing ``index`` (or
``README``, ``_index``): ``benefits/index.md`` → ``benefits``, ``es/foo.md`` → ``es/foo``.
Its slug is the last part of that (``foo``) when no other article of the pack has the same
last part, so packs whose file names are unique keep the slugs they always had, and the
path slug when names collide. A ``slug:`` in the front matter wins over both.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

#: File names that stand for their folder (the folder's landing page).
INDEX_NAMES = frozenset({"index", "readme", "_index"})
#: A Jekyll post's date at the start of its file name: ``2024-02-01-flu-shots``.
_JEKYLL_DATE = re.compile(r"^\d{1,4}-\d{1,2}-\d{1,2}-(?=.)")
_DIGITS = re.compile(r"(\d+)")
_SITE_SUFFIXES = (".md", ".markdown", ".html", ".htm")


def site_path_key(path: str) -> str:
    """Return the path slug a site path or pack file names (``/benefits/``, ``es/foo.md``,
    ``benefits/index.html`` → ``benefits``, ``es/foo``, ``benefits``); ``index`` for the root."""
    path = path.split("#", 1)[0].split("?", 1)[0].strip().strip("/")
    for suffix in _SITE_SUFFIXES:
        if path.lower().endswith(suffix):
            path = path[: -len(suffix)]
            break
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if parts and parts[-1].lower() in INDEX_NAMES:
        parts.pop()
    return "/".join(parts) or "index"


def last_part(path_slug: str) -> str:
    """Return the last part of a path slug (``es/foo`` → ``foo``)."""
    return path_slug.rpartition("/")[2]


class Named(Protocol):
    """What slug assignment needs of an article."""

    slug: str
    rel_path: str


def assign_slugs(articles: Sequence[Named]) -> None:
    """Give every article with an empty ``slug`` its short or its path slug (see above).

    Articles that already have a slug (from their front matter) keep it.
    """
    taken = {a.slug for a in articles if a.slug}
    shorts = Counter(last_part(site_path_key(a.rel_path)) for a in articles if not a.slug)
    for article in articles:
        if article.slug:
            continue
        path_slug = site_path_key(article.rel_path)
        short = last_part(path_slug)
        article.slug = short if shorts[short] == 1 and short not in taken else path_slug


def title_from_name(rel_path: str) -> str:
    """Return a title made from a file's name: its folder's for an index page, a leading
    Jekyll date dropped, hyphens as spaces; title-cased only when it is all lower case."""
    name = last_part(site_path_key(rel_path))
    name = _JEKYLL_DATE.sub("", name)
    words = name.replace("_", " ").replace("-", " ").split()
    if not words:
        return name or rel_path
    if name == name.lower():
        return " ".join(w[:1].upper() + w[1:] for w in words)
    return " ".join(words)


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Return a sort key that orders numbers by value: "Example 2" before "Example 10"."""
    return tuple(
        (1, int(part)) if i % 2 else (0, part)
        for i, part in enumerate(_DIGITS.split(text.casefold()))
        if part or i == 0
    )
