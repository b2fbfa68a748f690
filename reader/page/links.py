"""Resolve link and image targets found in articles, confined to the pack.

One resolver is shared by the renderer (which rewrites targets) and the checker (which
reports them with file and line), so both always agree.
"""

from __future__ import annotations

import posixpath
import re
from enum import Enum
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, unquote, urlsplit

from reader.library.pack import Article, Pack

#: Internal URL schemes the article view understands.
ARTICLE_SCHEME = "article"  # article:slug#fragment
PACK_SCHEME = "pack"  # pack:relative/path.png (a file inside the pack)
HOME_URL = "home:"
CATEGORY_SCHEME = "category"  # category:id
SEARCH_SCHEME = "search"  # search:words (a kiosk's common search words)

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp"})
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
#: Characters left as they are in an ``article:`` URL; '#', '?', '%' and spaces are encoded.
_SLUG_SAFE = "/!$&'()*+,;=:@-._~"


def article_href(slug: str, fragment: str = "") -> str:
    """Return the ``article:`` URL of ``slug`` (a ZIM path may hold '#', '?' or '%')."""
    frag = f"#{fragment}" if fragment else ""
    return f"{ARTICLE_SCHEME}:{quote(slug, safe=_SLUG_SAFE)}{frag}"


class Kind(Enum):
    ANCHOR = "anchor"
    ARTICLE = "article"
    FILE = "file"  # an image or other file inside the pack
    EXTERNAL = "external"
    BROKEN = "broken"  # points inside the pack at something that is not there
    REFUSED = "refused"  # points outside the pack or uses a forbidden scheme


class Target(NamedTuple):
    kind: Kind
    value: str = ""  # slug, pack-relative path, external URL, or the reason
    fragment: str = ""

    def href(self) -> str:
        """Return the URL the article view should see for this target."""
        frag = f"#{self.fragment}" if self.fragment else ""
        if self.kind is Kind.ARTICLE:
            return article_href(self.value, self.fragment)
        if self.kind is Kind.ANCHOR:
            return frag
        if self.kind is Kind.FILE:
            return f"{PACK_SCHEME}:{quote(self.value, safe=_SLUG_SAFE)}"
        if self.kind is Kind.EXTERNAL:
            return self.value
        return ""


def resolve(pack: Pack, article: Article, raw: str) -> Target:
    """Resolve ``raw`` as written in ``article`` to a :class:`Target`."""
    raw = raw.strip()
    if not raw:
        return Target(Kind.BROKEN, "empty link")
    if raw.startswith("#"):
        return Target(Kind.ANCHOR, fragment=unquote(raw[1:]))
    if "\\" in raw or _WINDOWS_DRIVE.match(raw):
        return Target(Kind.REFUSED, "Windows-style paths are not allowed; use '/'")
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if scheme in EXTERNAL_SCHEMES:
        if scheme in {"http", "https"} and not parts.netloc:
            return Target(Kind.BROKEN, f"web address without a host: {raw}")
        return Target(Kind.EXTERNAL, raw)
    if scheme or parts.netloc:
        return Target(Kind.REFUSED, f"'{scheme or '//'}' links are not allowed")
    path = unquote(parts.path)
    fragment = unquote(parts.fragment)
    if path.startswith("/"):
        # A site's own address (/benefits/) names a page of the pack; files stay refused.
        page = _page(pack, path, fragment) if _names_a_page(path) else None
        return page or Target(
            Kind.REFUSED, "absolute paths are not allowed; use a path relative to the article"
        )
    base = posixpath.dirname(article.rel_path)
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined == ".." or joined.startswith("../"):
        return Target(Kind.REFUSED, "the path leads outside the content pack")
    entry = pack.find_entry(joined)  # a ZIM archive answers; a folder pack does not
    if entry is not None:
        kind, value = entry
        if kind == "article":
            return Target(Kind.ARTICLE, value, fragment)
        if kind == "file":
            return Target(Kind.FILE, value, fragment)
        return Target(Kind.BROKEN, f"no entry '{path}' in this archive")
    if path.endswith(".md"):
        target = pack.by_rel_path(joined) or pack.get(posixpath.basename(path)[:-3])
        if target is None:
            if posixpath.basename(path)[:-3] in pack.hidden:
                return Target(Kind.BROKEN, "not shown here: no clinician has reviewed it yet")
            return _page(pack, joined, fragment) or Target(
                Kind.BROKEN, f"no article '{path}' in this pack"
            )
        return Target(Kind.ARTICLE, target.slug, fragment)
    if "/" not in path and "." not in path and pack.get(path) is not None:
        return Target(Kind.ARTICLE, path, fragment)  # a bare slug
    if _names_a_page(path) and (page := _page(pack, joined, fragment)):
        return page  # benefits/, ../es/foo, foo.html: the page a site would show
    file_path = confined_file(pack.root, joined)
    if file_path is None:
        if (pack.root / joined).exists():
            return Target(Kind.REFUSED, "the file is a link that leads outside the content pack")
        return Target(Kind.BROKEN, f"file not found: {path}")
    return Target(Kind.FILE, joined, fragment)


def _names_a_page(path: str) -> bool:
    """Return True if ``path`` looks like a page's address rather than a file's."""
    suffix = posixpath.splitext(path.rstrip("/"))[1].lower()
    return path.endswith("/") or suffix in {"", ".md", ".html", ".htm"}


def _page(pack: Pack, site_path: str, fragment: str) -> Target | None:
    """Return the article (or web address) a site path leads to, or None."""
    found = pack.by_site_path(site_path)
    if isinstance(found, str):
        return Target(Kind.EXTERNAL, found)
    return None if found is None else Target(Kind.ARTICLE, found.slug, fragment)


def confined_file(root: Path, rel_path: str) -> Path | None:
    """Return ``root/rel_path`` if it is an existing file really inside ``root``, else None."""
    if not rel_path or "\\" in rel_path or "\x00" in rel_path or rel_path.startswith("/"):
        return None
    try:
        candidate = (root / rel_path).resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        return None
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate
