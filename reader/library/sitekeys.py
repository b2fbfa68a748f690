"""Front-matter keys from static sites: ``slug``, ``lang``/``language``, redirects (no Qt).

Kept apart from :mod:`reader.library.loading` so the keys of a site's source folder are read
in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from pathlib import PurePosixPath
from typing import Any

from reader.library.naming import site_path_key

#: Keys read here, on top of :data:`reader.library.loading.KNOWN_KEYS`.
SITE_KEYS = frozenset({"slug", "lang", "language", "redirect_to", "redirect_from"})
#: A BCP 47 language tag as sites write it: ``es``, ``pt-BR``, ``zh-Hant``.
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
#: A folder named like this holds one language's pages (``es/``, ``pt-br/``).
_LANGUAGE_FOLDER = re.compile(r"^[a-z]{2}(?:-[a-z]{2,4})?$")
_SLUG = re.compile(r"^[\w.-]+(?:/[\w.-]+)*$")

Bad = Callable[[str, str], None]


def read_slug(meta: dict[str, Any], bad: Bad) -> str:
    """Return the ``slug`` the front matter gives (without slashes around it), or ""."""
    value = meta.get("slug")
    if value is None:
        return ""
    text = str(value).strip().strip("/") if isinstance(value, (str, int)) else ""
    if not text or not _SLUG.match(text) or isinstance(value, bool):
        bad("slug", "a name of letters, digits, '-' and '_' (parts may be joined by '/')")
        return ""
    return text


def language_folder(rel_path: str, categories: Collection[str]) -> str:
    """Return the language a top folder names (``es/foo.md`` → ``es``), or "".

    A folder that is also a category id in ``pack.toml`` is a category, not a language.
    """
    parts = PurePosixPath(rel_path).parts
    if len(parts) > 1 and _LANGUAGE_FOLDER.match(parts[0]) and parts[0] not in categories:
        return parts[0]
    return ""


def read_language(meta: dict[str, Any], bad: Bad) -> str:
    """Return the ``lang`` (or ``language``) the front matter gives, normalised, or ""."""
    for key in ("lang", "language"):
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, str) and _LANGUAGE.match(value.strip()):
            primary, _, rest = value.strip().replace("_", "-").partition("-")
            return primary.lower() + (f"-{rest}" if rest else "")
        bad(key, "a language code such as 'en' or 'es'")
    return ""


def read_redirects(meta: dict[str, Any], bad: Bad) -> tuple[str, list[str]]:
    """Return where the page leads (``redirect_to``: a web address or a site path) and the
    path slugs of its old addresses (``redirect_from``)."""
    to = meta.get("redirect_to")
    target = ""
    if isinstance(to, list) and len(to) == 1:
        to = to[0]
    if isinstance(to, str) and to.strip():
        target = to.strip()
    elif to is not None:
        bad("redirect_to", "a web address or a path on the site")
    old = meta.get("redirect_from")
    if isinstance(old, str):
        old = [old]
    sources: list[str] = []
    if isinstance(old, list):
        sources = [site_path_key(str(o)) for o in old if isinstance(o, (str, int))]
    elif old is not None:
        bad("redirect_from", "a list of paths on the site")
    return target, sources
