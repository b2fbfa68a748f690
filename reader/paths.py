"""Locate the bundled content pack and resources, installed or from a source checkout."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path, PurePosixPath

#: The kiosk configuration read when no ``--config`` is given (docs/kiosk.md).
SYSTEM_CONFIG = Path("/etc/offline-reader/kiosk.toml")


@functools.cache
def bundled_dir(name: str) -> Path:
    """Return the bundled ``content`` or ``resources`` folder.

    A wheel carries them inside the package as ``reader/_data/<name>``; a source checkout or
    an editable install has them at the top of the repository. (The package is always plain
    files on disk, so ``importlib.resources`` — 2 ms at start-up — is not needed.)
    """
    package = Path(__file__).resolve().parent
    installed = package / "_data" / name
    if installed.is_dir():
        return installed
    return package.parent / name


def resource_path(name: str) -> Path:
    """Return the path of a file under ``resources/``; refuse absolute paths and ``..``."""
    rel = PurePosixPath(name)
    if rel.is_absolute() or ".." in rel.parts or "\\" in name:
        raise ValueError(f"bad resource name: {name!r}")
    return bundled_dir("resources").joinpath(*rel.parts)


def read_resource(name: str) -> str:
    """Return the text of a file under ``resources/``."""
    return resource_path(name).read_text(encoding="utf-8")


def cache_dir() -> Path:
    """Return the per-user cache folder of the reader: the one place every part keeps its cache.

    The window, ``search`` and ``related`` all use it, so a pack's catalog and search index are
    built and stored once. Follows ``XDG_CACHE_HOME`` on Linux (``~/.cache/offline-reader``).
    """
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Caches"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else home / ".cache"
    return base / "offline-reader"
