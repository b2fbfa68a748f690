"""Shared fixtures: headless Qt, a tiny pack builder, and the real main window."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PackBuilder = Callable[..., Path]

PACK_TOML = """\
title = "Test Pack"
language = "en"
description = "A pack for tests."
disclaimer = "General information only."
featured = ["alpha"]

[[categories]]
id = "one"
name = "Category One"

[[categories]]
id = "two"
name = "Category Two"
"""


def article(title: str, body: str = "Some text.", **meta: object) -> str:
    """Return an article file's text with front matter built from ``meta``."""
    lines = ["---", f"title: {title}"]
    for key, value in meta.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(str(v) for v in value)}]")
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + textwrap.dedent(body).strip() + "\n"


@pytest.fixture
def make_pack(tmp_path: Path) -> PackBuilder:
    """Write a pack from ``{relative path: text or bytes}``; ``pack_toml=None`` omits it."""

    def build(files: dict[str, str | bytes], pack_toml: str | None = PACK_TOML) -> Path:
        root = tmp_path / "pack"
        root.mkdir(exist_ok=True)
        if pack_toml is not None:
            (root / "pack.toml").write_text(pack_toml, encoding="utf-8")
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return build


@pytest.fixture
def small_pack(make_pack: PackBuilder) -> Path:
    """Five articles in two categories, with links, an image and related articles."""
    from PySide6.QtGui import QColor, QImage

    root = make_pack(
        {
            "one/alpha.md": article(
                "Alpha",
                """
                Alpha intro. See [Beta](beta.md) and [the gamma part](../two/gamma.md#details).

                ![A red square](square.png)

                ![Lost picture](nowhere.png)

                ## Section
                Text.
                """,
                summary="About alpha.",
                category="one",
                tags=["shared", "first"],
                order=1,
                reviewed="2026-01-15",
                reviewed_by="Dr Ada Lee, general practitioner",
                related=["delta"],
            ),
            "one/beta.md": article(
                "Beta",
                "Beta body.",
                summary="About beta.",
                category="one",
                order=2,
                tags=["shared"],
            ),
            "two/gamma.md": article(
                "Gamma",
                """
                Gamma body.

                ## Details
                The details.
                """,
                summary="About gamma.",
                category="two",
                order=1,
            ),
            "two/delta.md": article("Delta", "Delta body.", category="two", order=2),
            "two/epsilon.md": article(
                "Epsilon", "Out: [site](https://example.org/page).", category="two", order=3
            ),
        }
    )
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(root / "one" / "square.png"))
    return root


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "reader.ini"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep settings, caches and data of every test inside its own temporary folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
