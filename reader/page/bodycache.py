"""Rendered article bodies kept on disk, so a page seen before opens without Markdown.

Converting a body costs a few milliseconds, and the first conversion of a session also pays for
importing and setting up Python-Markdown (about 30 ms). The reader reopens the last article at
start-up, and most readers return to the same pages, so each rendered body is written to
``bodies-<hash of the pack path>/<key>.json`` in the cache folder. The file name *is* the key: a
hash of everything the HTML depends on —

- the body text itself and the slug of the article,
- the pack's fingerprint (every file's path, size and modification time, from the catalog: an
  article or image added, removed or edited anywhere changes it, and with it whether a link or
  an image in this body resolves),
- the reader's version and the modification time of the modules that produce the HTML.

A stale entry is therefore never found, only left behind; the folder is trimmed to
:data:`MAX_FILES` entries, oldest first. Files are JSON (a cache must never be able to run
code) written atomically; an unreadable one is treated as missing and removed. Bodies the guard
had to change or that could not be rendered are not stored.

A pack installed from a library archive may also carry its publisher's rendered bodies
(:class:`ShippedPages`, in ``.prebuilt/pages``), so that a terminal's very first start and
first page turns convert no Markdown. They are used only while both sides agree on everything
a body depends on: the same reader version and rendering code (by content, as modification
times differ between machines), the same Markdown and nh3 versions, and the pack exactly as it
was installed (its fingerprint, recorded at installation). This module never imports Qt.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable, Iterable
from hashlib import sha256
from pathlib import Path
from typing import Any

from reader import __version__

logger = logging.getLogger(__name__)

#: The most rendered bodies kept per pack (a typical body is 5–30 kB).
MAX_FILES = 2000
#: The modules whose code decides what a body looks like.
_RENDERING_MODULES = (
    "render.py",
    "mdext.py",
    "sanitize.py",
    "guard.py",
    "links.py",
    "rawhtml.py",
    "../library/templates.py",
)
_FORMAT = 2  # 2: the words of the reader's language as slots


def shaping_versions() -> list[str]:
    """Return stamps of the installed libraries that shape a rendered body (Markdown, nh3).

    A sanitizer fix must reach every page: after an upgrade (which rewrites the package's
    files) no page cleaned by the old version is served from the cache (docs/security.md).
    The stamp is the size and modification time of each package's ``__init__`` file, found
    without importing it: importlib.metadata would cost ~5 ms at start-up, the import of
    Markdown ~30 ms, these two stat calls well under 1 ms.
    """
    import importlib.util

    found = []
    for name in ("markdown", "nh3"):
        spec = importlib.util.find_spec(name)
        try:
            st = os.stat(spec.origin) if spec is not None and spec.origin else None
        except OSError:
            st = None
        found.append(f"{name}={st.st_size}:{st.st_mtime_ns}" if st is not None else f"{name}=?")
    return found


def _dist_version(name: str) -> str | None:
    """Return the installed version of the distribution of module ``name``, or None.

    Read from the name of its ``*.dist-info`` folder beside the package (one directory
    listing), not through importlib.metadata, which walks every entry of sys.path (~5 ms).
    """
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        return None
    prefix = name.casefold() + "-"
    try:
        with os.scandir(Path(spec.origin).parent.parent) as entries:
            for entry in entries:
                folder = entry.name.casefold()
                if folder.startswith(prefix) and folder.endswith(".dist-info"):
                    return folder.removeprefix(prefix).removesuffix(".dist-info")
    except OSError:
        return None
    return None


def portable_stamp() -> str | None:
    """Return what rendered bodies depend on in this installation, the same on every machine.

    The reader's version, a hash of the rendering modules' code, and the Markdown and nh3
    versions. None when any part is unknown (e.g. a build that ships no source files):
    shipped pages are then neither made nor used, never trusted on a guess.
    """
    digest = sha256()
    here = Path(__file__).parent
    for name in _RENDERING_MODULES:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            return None
    versions = [_dist_version("markdown"), _dist_version("nh3")]
    if None in versions:
        return None
    return "\0".join([str(_FORMAT), __version__, digest.hexdigest(), *map(str, versions)])


def _page_key(stamp: str, slug: str, body: str) -> str:
    digest = sha256()
    for part in (stamp, slug, body):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:40]


def _read_body(
    path: Path, on_damage: Callable[[Path], None] | None = None
) -> tuple[str, str, int] | None:
    """Return ``(html, toc, sections)`` from a body file, or None if there is none; a damaged
    one is also None, with a warning (and ``on_damage(path)``)."""
    try:
        data: Any = json.loads(path.read_bytes())
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as exc:
        logger.warning("ignored a damaged rendered page %s: %s", path, exc)
        if on_damage is not None:
            on_damage(path)
        return None
    if (
        isinstance(data, list)
        and len(data) == 3
        and isinstance(data[0], str)
        and isinstance(data[1], str)
        and type(data[2]) is int
    ):
        return data[0], data[1], data[2]
    logger.warning("ignored a damaged rendered page %s: unexpected content", path)
    if on_damage is not None:
        on_damage(path)
    return None


class ShippedPages:
    """The rendered bodies a library archive brought, read-only (see the module's doc)."""

    META = "meta.json"

    def __init__(self, folder: Path, stamp: str) -> None:
        self.folder = folder
        self._stamp = stamp

    @classmethod
    def open(cls, folder: Path, pack_fingerprint: str) -> ShippedPages | None:
        """Return the pages in ``folder`` if they fit this pack and this installation."""
        try:
            meta: Any = json.loads((folder / cls.META).read_bytes())
        except FileNotFoundError:
            return None  # the usual case: a pack not installed from an archive
        except (OSError, ValueError) as exc:
            logger.warning("ignored the shipped pages in %s: %s", folder, exc)
            return None
        if not isinstance(meta, dict) or meta.get("fingerprint") != pack_fingerprint:
            logger.info("shipped pages in %s not used: the pack changed since", folder)
            return None
        stamp = portable_stamp()
        if stamp is None or meta.get("stamp") != stamp:
            logger.info("shipped pages in %s not used: made by another reader version", folder)
            return None
        return cls(folder, stamp)

    def get(self, slug: str, body: str) -> tuple[str, str, int] | None:
        """Return the shipped ``(html, toc, sections)`` of this article text, or None."""
        return _read_body(self.folder / f"{_page_key(self._stamp, slug, body)}.json")

    @staticmethod
    def write(
        folder: Path, stamp: str, pages: Iterable[tuple[str, str, tuple[str, str, int]]]
    ) -> int:
        """Write ``(slug, text, (html, toc, sections))`` pages and their meta file (without
        the pack's fingerprint: :func:`set_fingerprint` adds it where the pack is installed).
        Return how many were written."""
        folder.mkdir(parents=True, exist_ok=True)
        count = 0
        for slug, text, page in pages:
            name = f"{_page_key(stamp, slug, text)}.json"
            (folder / name).write_text(json.dumps(list(page)), encoding="utf-8")
            count += 1
        ShippedPages.set_fingerprint(folder, "", stamp)
        return count

    @staticmethod
    def set_fingerprint(folder: Path, fingerprint: str, stamp: str | None = None) -> None:
        """Record the fingerprint of the pack the pages belong to (at installation)."""
        meta_file = folder / ShippedPages.META
        if stamp is None:
            try:
                stamp = json.loads(meta_file.read_bytes()).get("stamp", "")
            except (OSError, ValueError, AttributeError):
                return
        meta_file.write_text(json.dumps({"stamp": stamp, "fingerprint": fingerprint}))


class BodyCache:
    """Rendered bodies of one pack in one folder, keyed by everything they depend on."""

    def __init__(self, folder: Path, pack_fingerprint: str) -> None:
        self.folder = folder
        here = Path(__file__).parent
        stamps = []
        for name in _RENDERING_MODULES:
            try:
                stamps.append(str((here / name).stat().st_mtime_ns))
            except OSError:
                stamps.append("-")
        self._stamp = "\0".join(
            [str(_FORMAT), __version__, *shaping_versions(), pack_fingerprint, *stamps]
        )
        self._trimmed = False

    def key(self, slug: str, body: str) -> str:
        return _page_key(self._stamp, slug, body)

    def get(self, key: str) -> tuple[str, str, int] | None:
        """Return ``(html, toc, sections)`` stored under ``key``, or None."""
        path = self.folder / f"{key}.json"
        found = _read_body(path, _remove)  # a damaged one is written again when rendered
        if found is not None:
            with contextlib.suppress(OSError):
                os.utime(path)  # trimming removes the least recently used first
        return found

    def put(self, key: str, html: str, toc: str, sections: int) -> None:
        """Store a body; a full disk or a read-only folder only costs the next start its speed."""
        path = self.folder / f"{key}.json"
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps([html, toc, sections]), encoding="utf-8")
            os.replace(temporary, path)
        except OSError as exc:
            logger.debug("could not keep the rendered page %s: %s", path, exc)
            _remove(temporary)
            return
        if not self._trimmed:  # once a session, on the first write
            self._trimmed = True
            self.trim()

    def trim(self, keep: int = MAX_FILES) -> None:
        """Remove the least recently used files beyond ``keep``."""
        try:
            entries = [(e.stat().st_mtime_ns, e.path) for e in os.scandir(self.folder)]
        except OSError:
            return
        entries.sort(reverse=True)
        for _, path in entries[keep:]:
            _remove(path)


def _remove(path: str | Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
