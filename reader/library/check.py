"""Validate a content pack: loading problems, broken links, missing images, stale reviews."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from reader.library.loading import load_pack
from reader.library.pack import MAX_ARTICLE_BYTES, Article, Pack, Problem, review_overdue
from reader.page.links import IMAGE_SUFFIXES, Kind
from reader.page.render import Renderer
from reader.page.sanitize import resolve_safely

logger = logging.getLogger(__name__)

_INLINE = re.compile(
    r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\))?[^()\s<>]*)>?"
)
_REFDEF = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s|$)")
_RAW = re.compile(
    r"<(img|a)\b[^<>]*?\s(src|href)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'<>]+))", re.IGNORECASE
)
#: Raw HTML the sanitizer removes (see reader/sanitize.py); worth telling the author.
_UNSAFE_HTML = re.compile(
    r"<\s*(script|style|iframe|object|embed|applet|form|input|button|link|meta|base|svg|math)\b"
    r"|<[a-z][^<>]*?\s(on[a-z]+)\s*=",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def iter_targets(article: Article) -> Iterator[tuple[int, bool, str]]:
    """Yield (file line, is_image, raw target) for every link and image in the body."""
    fence: str | None = None
    for offset, line in enumerate(article.body.split("\n")):
        lineno = article.body_line + offset
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)[0]
            if fence is None:
                fence = marker
            elif fence == marker:
                fence = None
            continue
        if fence is not None:
            continue
        for inline in _INLINE.finditer(line):
            yield lineno, inline.group(1) == "!", inline.group(2)
        if refdef := _REFDEF.match(line):
            target = refdef.group(2)
            yield lineno, Path(target.split("#")[0]).suffix.lower() in IMAGE_SUFFIXES, target
        for raw in _RAW.finditer(line):
            target = next(g for g in raw.groups()[2:] if g is not None)
            yield lineno, raw.group(1).lower() == "img", target


def check_pack(
    root: Path | str, today: dt.date | None = None, max_article_bytes: int = MAX_ARTICLE_BYTES
) -> tuple[Pack, list[Problem]]:
    """Load and check the pack; return it with every problem found, in file order."""
    from reader.library.zim import is_zim

    if is_zim(Path(root)):  # a ZIM archive has its own checks
        from reader.library.zimcheck import check_archive

        return check_archive(Path(root))
    pack = load_pack(root, max_article_bytes)
    problems = list(pack.problems)
    today = today or dt.date.today()
    renderer = Renderer(pack)
    for article in pack.articles:
        problems.extend(check_article(pack, article, today))
        problems.extend(check_rendering(renderer, article))
    problems.sort(key=lambda p: (p.path != "pack.toml", p.path, p.line or 0))
    return pack, problems


def check_article(pack: Pack, article: Article, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    rel = article.rel_path
    for line, is_image, raw in iter_targets(article):
        target = resolve_safely(pack, article, raw)
        if target.kind is Kind.REFUSED:
            what = "image" if is_image else "link"
            problems.append(Problem(rel, line, f"{what} '{raw}' refused: {target.value}"))
        elif target.kind is Kind.BROKEN:
            what = "missing image" if is_image else "broken link"
            problems.append(Problem(rel, line, f"{what} '{raw}': {target.value}"))
        elif is_image and target.kind is not Kind.FILE:
            problems.append(
                Problem(rel, line, f"image '{raw}' is not a file in the pack and will not load")
            )
    for offset, line_text in enumerate(article.body.split("\n")):
        for unsafe in _UNSAFE_HTML.finditer(line_text):
            what = f"<{unsafe.group(1)}>" if unsafe.group(1) else f"'{unsafe.group(2)}' attribute"
            problems.append(
                Problem(
                    rel,
                    article.body_line + offset,
                    f"raw HTML {what.lower()} is removed when the article is shown",
                    "warning",
                )
            )
    if article.reviewed is not None:
        years = pack.review_period_years
        if review_overdue(article.reviewed, years, today):
            problems.append(
                Problem(
                    rel,
                    article.key_lines.get("reviewed", 1),
                    f"last reviewed on {article.reviewed.isoformat()}, more than {years} years ago",
                    "warning",
                )
            )
        elif article.reviewed > today:
            problems.append(
                Problem(
                    rel,
                    article.key_lines.get("reviewed", 1),
                    f"'reviewed' date {article.reviewed} is in the future",
                    "warning",
                )
            )
    return problems


def check_rendering(renderer: Renderer, article: Article) -> list[Problem]:
    """Report what the reader had to change to show ``article``, and whether it failed to."""
    body = renderer.render_body(article)
    rel = article.rel_path
    problems = [
        Problem(
            rel,
            article.body_line + change.line - 1,
            f"simplified so it can be shown quickly: {change.describe()}",
            "warning",
        )
        for change in body.changes
    ]
    if body.failure:
        problems.append(
            Problem(
                rel,
                article.body_line,
                f"cannot be shown with its formatting ({body.failure}); readers see plain text",
            )
        )
    return problems
