"""The core never imports Qt, and no module reaches into another's private names."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys

import reader
from tests.locations import ROOT


def core_modules() -> list[str]:
    """Every module of the package except the window's (reader.gui and below)."""
    return sorted(
        info.name
        for info in pkgutil.walk_packages(reader.__path__, "reader.")
        if not info.name.startswith("reader.gui")
    )


def test_the_walk_finds_every_room() -> None:
    found = core_modules()
    for name in ("reader.library.pack", "reader.page.sanitize", "reader.find.building"):
        assert name in found
    assert "reader.commands.kiosk_pin" in found and len(found) > 25


def test_core_modules_do_not_import_pyside6() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr


def private_imports(source: str) -> list[str]:
    """Return ``module._name`` for every private name imported from another module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("reader"):
            found += [
                f"{node.module}.{a.name}"
                for a in node.names
                if a.name.startswith("_") and not a.name.endswith("__")  # __version__ is public
            ]
    return found


def test_no_module_imports_a_private_name_of_another() -> None:
    offenders = {
        str(path.relative_to(ROOT)): names
        for path in sorted((ROOT / "reader").rglob("*.py"))
        if (names := private_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_private_import_check_can_fail() -> None:
    assert private_imports("from reader.library.pack import _lazy, Pack\n") == [
        "reader.library.pack._lazy"
    ]
