"""``offline-reader check FILE.zim``: what a reader would meet in a ZIM archive.

libzim's own integrity check (the checksum) first, then every article: can its content be
read, can it be shown, and where do its links lead. Missing link targets are warnings: the
small archives Kiwix offers leave many articles of the full wiki out on purpose.
This module never imports Qt.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from reader.library.pack import Problem
from reader.library.zim import ZimPack, open_zim, reason
from reader.page.links import Kind
from reader.page.render import Renderer
from reader.page.sanitize import resolve_safely

__all__ = ["check_archive"]

_TARGETS = re.compile(
    r"""<(a|img)\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE
)


def check_archive(path: Path) -> tuple[ZimPack, list[Problem]]:
    """Open the archive at ``path`` and return it with every problem found (PackError if bad)."""
    pack = open_zim(path)
    problems: list[Problem] = []
    try:
        if pack.archive.has_checksum and not pack.archive.check():
            problems.append(Problem("", None, "the archive's checksum does not match its content"))
    except Exception as exc:
        problems.append(Problem("", None, f"libzim's check failed: {reason(exc)}"))
    if not pack.home_article:
        problems.append(
            Problem("", None, "the archive has no main page; a generated one is shown", "warning")
        )
    renderer = Renderer(pack)
    for article in pack.articles:
        body = article.body
        error = getattr(article, "read_error", "")
        if error:
            problems.append(Problem(article.rel_path, None, f"cannot be read: {error}"))
            continue
        rendered = renderer.render_body(article)
        if rendered.failure:
            problems.append(
                Problem(article.rel_path, None, f"cannot be shown ({rendered.failure})")
            )
        for tag, double, single in _TARGETS.findall(body):
            raw = html.unescape(double or single)
            target = resolve_safely(pack, article, raw)
            if target.kind is Kind.BROKEN and tag.lower() == "img":
                problems.append(
                    Problem(article.rel_path, None, f"missing image '{raw}'", "warning")
                )
            elif target.kind is Kind.BROKEN:
                problems.append(Problem(article.rel_path, None, f"broken link '{raw}'", "warning"))
    return pack, problems
