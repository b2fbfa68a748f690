"""Write small ZIM archives for tests with libzim's writer, and where the real ones are."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from libzim.writer import Creator, Hint, Item, StringProvider  # type: ignore[import-untyped]

from tests.locations import TESTS

ZIM_DATA = TESTS / "data" / "zim"
WIKIPEDIA = ZIM_DATA / "wikipedia_en_ray_charles.zim"  # old layout, full-text index
WIKIBOOKS = ZIM_DATA / "wikibooks_en_example.zim"  # new layout, full-text index
CORNER_CASES = ZIM_DATA / "corner_cases.zim"
POOR = ZIM_DATA / "poor.zim"  # hardly any metadata, no main page


def png(width: int = 4, height: int = 3) -> bytes:
    """Return a valid PNG of ``width`` × ``height`` red pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


class Page(Item):  # type: ignore[misc]
    """One entry for libzim's writer (the tests' small archives and benchmarks/zimsynth.py)."""

    def __init__(self, path: str, title: str, mimetype: str, content: bytes, front: bool) -> None:
        super().__init__()
        self.path, self.title, self.mimetype = path, title, mimetype
        self.content, self.front = content, front

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        return self.mimetype

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self.content)

    def get_hints(self) -> dict[Hint, int]:
        return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: self.mimetype == "text/html"}


def write_zim(
    path: Path,
    pages: Mapping[str, tuple[str, str]],
    files: Mapping[str, tuple[str, bytes]] | None = None,
    redirects: Mapping[str, str] | None = None,
    main: str = "",
    metadata: Mapping[str, str] | None = None,
    index: bool = True,
) -> Path:
    """Write an archive of HTML ``pages`` ({path: (title, html)}) and ``files``
    ({path: (mimetype, bytes)}); ``redirects`` map a path to its target."""
    meta = {"Title": "Test archive", "Language": "eng", "Creator": "Tests", "Date": "2026-01-01"}
    meta.update(metadata or {})
    with Creator(path).config_verbose(False).config_indexing(index, "eng") as creator:
        if main:
            creator.set_mainpath(main)
        for key, value in meta.items():
            creator.add_metadata(key, value)
        for page, (title, html) in pages.items():
            creator.add_item(Page(page, title, "text/html", html.encode(), True))
        for name, (mimetype, content) in (files or {}).items():
            creator.add_item(Page(name, "", mimetype, content, False))
        for source, target in (redirects or {}).items():
            creator.add_redirection(source, source, target, {Hint.FRONT_ARTICLE: False})
    return path
