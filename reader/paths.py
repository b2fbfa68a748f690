"""Locate the bundled content pack and resources, installed or from a source checkout."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path, PurePosixPath


def bundled_dir(name: str) -> Path:
    """Return the bundled ``content`` or ``resources`` folder.

    A wheel carries them inside the package as ``reader/_data/<name>``; a source checkout or
    an editable install has them at the top of the repository.
    """
    installed = Path(str(files("reader"))) / "_data" / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / name


def resource_path(name: str) -> Path:
    """Return the path of a file under ``resources/``; refuse absolute paths and ``..``."""
    rel = PurePosixPath(name)
    if rel.is_absolute() or ".." in rel.parts or "\\" in name:
        raise ValueError(f"bad resource name: {name!r}")
    return bundled_dir("resources").joinpath(*rel.parts)


def read_resource(name: str) -> str:
    """Return the text of a file under ``resources/``."""
    return resource_path(name).read_text(encoding="utf-8")
