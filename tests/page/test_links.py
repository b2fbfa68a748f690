"""Link and image targets resolve inside the pack only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.library.loading import load_pack
from reader.library.pack import Pack
from reader.page.links import Kind, resolve


@pytest.fixture
def pack(small_pack: Path) -> Pack:
    return load_pack(small_pack)


@pytest.mark.parametrize(
    ("raw", "kind", "value", "fragment"),
    [
        ("#section", Kind.ANCHOR, "", "section"),
        ("beta.md", Kind.ARTICLE, "beta", ""),
        ("../two/gamma.md#details", Kind.ARTICLE, "gamma", "details"),
        ("gamma.md", Kind.ARTICLE, "gamma", ""),
        ("square.png", Kind.FILE, "one/square.png", ""),
        ("https://example.org/x", Kind.EXTERNAL, "https://example.org/x", ""),
        ("mailto:someone@example.org", Kind.EXTERNAL, "mailto:someone@example.org", ""),
        ("missing.md", Kind.BROKEN, None, ""),
        ("nowhere.png", Kind.BROKEN, None, ""),
        ("../../etc/passwd", Kind.REFUSED, None, ""),
        ("/etc/passwd", Kind.REFUSED, None, ""),
        ("file:///etc/passwd", Kind.REFUSED, None, ""),
        ("javascript:alert(1)", Kind.REFUSED, None, ""),
        ("data:image/png;base64,AAAA", Kind.REFUSED, None, ""),
        ("..\\..\\windows\\win.ini", Kind.REFUSED, None, ""),
        ("C:/Windows/win.ini", Kind.REFUSED, None, ""),
        ("//evil.example/x.png", Kind.REFUSED, None, ""),
    ],
)
def test_resolve(pack: Pack, raw: str, kind: Kind, value: str | None, fragment: str) -> None:
    alpha = pack.get("alpha")
    assert alpha is not None
    target = resolve(pack, alpha, raw)
    assert target.kind is kind
    if value is not None:
        assert target.value == value
    assert target.fragment == fragment


def test_symlink_leading_outside_is_refused(pack: Pack, tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not really")
    os.symlink(secret, pack.root / "one" / "leak.png")
    alpha = pack.get("alpha")
    assert alpha is not None
    assert resolve(pack, alpha, "leak.png").kind is Kind.REFUSED


def test_hrefs_use_internal_schemes(pack: Pack) -> None:
    alpha = pack.get("alpha")
    assert alpha is not None
    assert resolve(pack, alpha, "../two/gamma.md#details").href() == "article:gamma#details"
    assert resolve(pack, alpha, "square.png").href() == "pack:one/square.png"
