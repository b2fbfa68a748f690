"""Reading an article file: decode, cut at the size limit, split off the body (no Qt).

Shared by the loader (every file of a pack) and the model (a catalog-built article reads its
body on first use).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from pathlib import Path
from typing import NamedTuple

logger = logging.getLogger(__name__)

#: Only this much of an article file is read and shown (a longer file gets a notice).
MAX_ARTICLE_BYTES = 2 * 1024 * 1024


class ReadNote(NamedTuple):
    """Something noticed while reading a file: the line it concerns and what to say."""

    line: int
    message: str
    severity: str


def read_text(path: Path, max_bytes: int, notes: list[ReadNote] | None = None) -> tuple[str, bool]:
    """Return the file's text (decoded, newlines normalised, cut at ``max_bytes``) and whether
    it was cut. What is worth telling is appended to ``notes`` if given. Raises OSError."""
    with path.open("rb") as file:
        raw = file.read(max_bytes + 1)
    truncated = len(raw) > max_bytes
    if truncated:
        raw = _cut(raw, max_bytes)
        if notes is not None:
            notes.append(
                ReadNote(
                    raw.count(b"\n") + 1,
                    f"file is larger than {_size(max_bytes)}; only the first part is shown",
                    "warning",
                )
            )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if notes is not None:
            line = raw.count(b"\n", 0, exc.start) + 1
            notes.append(
                ReadNote(
                    line, "file is not UTF-8 text; undecodable bytes are shown as \ufffd", "error"
                )
            )
        text = raw.decode("utf-8-sig", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd"), truncated


#: How many lazily read bodies are kept (the page shown, its neighbours, a search build batch).
LAZY_BODIES_KEPT = 32
_lazy_cache: OrderedDict[int, tuple[object, str]] = OrderedDict()
_lazy_lock = threading.Lock()


def lazy_body(owner: object, path: Path, rel_path: str, max_bytes: int, body_line: int) -> str:
    """Read the body of a catalog-built article from its file, keeping the last few read.

    ``owner`` is the article the body belongs to. Bodies are not kept on the article itself,
    so reading every article (building the search index in a worker thread) does not bring
    back the memory lazy loading saves.
    """
    key = id(owner)
    with _lazy_lock:
        hit = _lazy_cache.get(key)
        if hit is not None and hit[0] is owner:
            _lazy_cache.move_to_end(key)
            return hit[1]
    try:
        text, _ = read_text(path, max_bytes)
    except OSError as exc:
        logger.warning("cannot read %s: %s", rel_path, exc)
        return ""
    body = body_from(text, body_line)
    with _lazy_lock:
        _lazy_cache[key] = (owner, body)
        _lazy_cache.move_to_end(key)
        while len(_lazy_cache) > LAZY_BODIES_KEPT:
            _lazy_cache.popitem(last=False)
    return body


def body_from(text: str, body_line: int) -> str:
    """Return the body of ``text`` that starts at ``body_line``, without parsing YAML.

    If the line before it is not the closing fence any more (the file was edited since the
    catalog was written) the front matter is split again.
    """
    if body_line <= 1:
        return text
    start = 0
    for _ in range(body_line - 2):  # the start of the closing fence's line
        start = text.find("\n", start) + 1
        if start == 0:
            break
    else:
        end = text.find("\n", start)
        if end >= 0 and text[start:end].rstrip() in ("---", "..."):
            return text[end + 1 :]
    from reader.library.frontmatter import FrontMatterError, split_front_matter

    try:
        return split_front_matter(text).body
    except FrontMatterError as exc:
        return exc.fallback.body


def _cut(raw: bytes, limit: int) -> bytes:
    """Return at most ``limit`` bytes of ``raw``, ending at a line break near the limit if there
    is one, else after a whole UTF-8 character."""
    end = raw.rfind(b"\n", max(0, limit - min(64 * 1024, limit // 8)), limit + 1)
    if end > 0:
        return raw[:end]
    end = limit
    while end > 0 and raw[end] & 0xC0 == 0x80:  # not inside a UTF-8 sequence
        end -= 1
    return raw[:end]


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n} bytes"
