"""Validate a content pack: loading problems, broken links, missing images, stale reviews."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from reader.links import IMAGE_SUFFIXES, Kind, resolve
from reader.pack import Article, Pack, Problem, load_pack, review_overdue

logger = logging.getLogger(__name__)

_INLINE = re.compile(
    r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\))?[^()\s<>]*)>?"
)
_REFDEF = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s|$)")
_RAW = re.compile(r"<(img|a)\b[^>]*?\b(src|href)\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
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
            yield lineno, raw.group(1).lower() == "img", raw.group(3)


def check_pack(root: Path | str, today: dt.date | None = None) -> tuple[Pack, list[Problem]]:
    """Load and check the pack; return it with every problem found, in file order."""
    pack = load_pack(root)
    problems = list(pack.problems)
    today = today or dt.date.today()
    for article in pack.articles:
        problems.extend(check_article(pack, article, today))
    problems.sort(key=lambda p: (p.path != "pack.toml", p.path, p.line or 0))
    return pack, problems


def check_article(pack: Pack, article: Article, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    rel = article.rel_path
    for line, is_image, raw in iter_targets(article):
        target = resolve(pack, article, raw)
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
