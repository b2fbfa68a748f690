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
had to change or that could not be rendered are not stored. This module never imports Qt.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
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
        digest = sha256()
        for part in (self._stamp, slug, body):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()[:40]

    def get(self, key: str) -> tuple[str, str, int] | None:
        """Return ``(html, toc, sections)`` stored under ``key``, or None."""
        path = self.folder / f"{key}.json"
        try:
            data: Any = json.loads(path.read_bytes())
            os.utime(path)  # trimming removes the least recently used first
        except (FileNotFoundError, NotADirectoryError):
            return None
        except (OSError, ValueError) as exc:
            logger.warning("ignored a damaged rendered page %s: %s", path, exc)
            _remove(path)
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
        _remove(path)
        return None

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
