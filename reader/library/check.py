"""Validate a content pack: loading problems, broken links, missing images, stale reviews,
urgency boxes placed too late, and sources a reader cannot check."""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from reader.library.fences import outside_code
from reader.library.languages import check_translations
from reader.library.loading import load_pack
from reader.library.pack import MAX_ARTICLE_BYTES, Article, Pack, Problem, next_review_due
from reader.library.templates import find_template_tags, strip_template_tags
from reader.page.links import IMAGE_SUFFIXES, Kind
from reader.page.rawhtml import text_tags
from reader.page.render import Renderer
from reader.page.sanitize import resolve_safely

logger = logging.getLogger(__name__)

_INLINE = re.compile(
    r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\))?[^()\s<>]*)>?"
)
_REFDEF = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s*<?(\S*?)>?(?:\s|$)")
_RAW = re.compile(
    r"<(img|a)\b[^<>]*?\s(src|href)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'<>]+))", re.IGNORECASE
)
#: Raw HTML the sanitizer removes (see reader/sanitize.py); worth telling the author.
_UNSAFE_HTML = re.compile(
    r"<\s*(script|style|iframe|object|embed|applet|form|input|button|link|meta|base|svg|math)\b"
    r"|<[a-z][^<>]*?\s(on[a-z]+)\s*=",
    re.IGNORECASE,
)
#: A call-out line: ``!!! type`` and an optional quoted title.
_CALLOUT = re.compile(r"^\s{0,3}!!!\s+([\w-]+)(?:\s+(\"[^\"]*\"|'[^']*'))?")
#: Urgency call-outs, whose heading the reader writes (reader.page.mdext.URGENCY_KINDS).
_URGENCY = ("emergency", "urgent", "routine")
_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^([^\]\s]+)\]:")


def iter_targets(article: Article) -> Iterator[tuple[int, bool, str]]:
    """Yield (file line, is_image, raw target) for every link and image in the body."""
    # Links are checked as the reader shows them: without template tags ({{ site.baseurl }}).
    lines = outside_code(strip_template_tags(article.body).split("\n"))
    for offset, (line, plain) in enumerate(lines):
        lineno = article.body_line + offset
        if not plain:
            continue
        for inline in _INLINE.finditer(line):
            yield lineno, inline.group(1) == "!", inline.group(2)
        if (refdef := _REFDEF.match(line)) and refdef.group(2):  # not `[comment]: <> (…)`
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
    problems.extend(check_translations(pack))
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
    problems.extend(check_text_tags(article))
    if templates := find_template_tags(article.body):
        times = "once" if templates.times == 1 else f"{templates.times} times"
        problems.append(
            Problem(
                rel,
                article.body_line + templates.first_line - 1,
                f"site template tags ({{% … %}}, {{{{ … }}}}) are left out when shown ({times})",
                "warning",
            )
        )
    problems.extend(check_review(pack, article, today))
    problems.extend(check_callouts(article))
    problems.extend(check_sources(article))
    return problems


def check_review(pack: Pack, article: Article, today: dt.date) -> list[Problem]:
    """Warn about a review that is due or overdue, or dated in the future."""
    line = article.key_lines.get("reviewed", 1)
    problems: list[Problem] = []
    for key in ("reviewed", "updated"):
        day = getattr(article, key)
        if day is not None and day > today:
            problems.append(
                Problem(
                    article.rel_path,
                    article.key_lines.get(key, 1),
                    f"'{key}' date {day} is in the future",
                    "warning",
                )
            )
    if article.reviewed is not None:
        months = pack.review_every_months
        due = next_review_due(article.reviewed, months)
        if due <= today:
            problems.append(
                Problem(
                    article.rel_path,
                    line,
                    f"review due since {due.isoformat()} (last reviewed on "
                    f"{article.reviewed.isoformat()}; review_every_months = {months})",
                    "warning",
                )
            )
    return problems


def _body_lines(article: Article) -> Iterator[tuple[int, str]]:
    """Yield (file line, text) of the body's lines outside fenced code blocks."""
    for offset, (line, plain) in enumerate(outside_code(article.body.split("\n"))):
        if plain:
            yield article.body_line + offset, line


def check_callouts(article: Article) -> list[Problem]:
    """Warn about an emergency box after the first third of the body, and urgency titles."""
    problems: list[Problem] = []
    total = len(article.body.rstrip("\n").split("\n"))
    for line, text in _body_lines(article):
        match = _CALLOUT.match(text) if "!!!" in text else None
        if match is None or match.group(1) not in _URGENCY:
            continue
        kind = match.group(1)
        if match.group(2) is not None:
            problems.append(
                Problem(
                    article.rel_path,
                    line,
                    f"the reader writes the heading of a '{kind}' box; the title "
                    f"{match.group(2)} is not shown",
                    "warning",
                )
            )
        position = line - article.body_line
        if kind == "emergency" and position * 3 > total:
            problems.append(
                Problem(
                    article.rel_path,
                    line,
                    f"the emergency box starts on line {position + 1} of {total} of the text, "
                    "after its first third; put emergency signs near the top",
                    "warning",
                )
            )
    return problems


def check_sources(article: Article) -> list[Problem]:
    """Warn about a source nobody could look up, and a ``[^id]`` that names no source."""
    problems: list[Problem] = []
    rel = article.rel_path
    for source in article.sources:
        if not source.checkable:
            problems.append(
                Problem(
                    rel,
                    _source_line(article, source.id or source.title),
                    f"source '{source.title}' has neither a 'url' nor a 'publisher'; "
                    "readers cannot check it (write it as an entry with 'title', "
                    "'publisher' and 'url')",
                    "warning",
                )
            )
    lines = [(line, text) for line, text in _body_lines(article) if "[^" in text]
    defined = {m.group(1) for _, text in lines if (m := _FOOTNOTE_DEF.match(text))}
    known = set(article.source_numbers) | defined
    for line, text in lines:
        for ref in _REFERENCE.finditer(text):
            if ref.group(1) not in known:
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"reference [^{ref.group(1)}] names no source: add a source with "
                        f"'id: {ref.group(1)}' (or a footnote '[^{ref.group(1)}]: ...')",
                        "warning",
                    )
                )
    return problems


def _source_line(article: Article, name: str) -> int:
    """Return the file line where the source called ``name`` is written (best effort)."""
    start = article.key_lines.get("sources", 1)
    try:
        head = article.path.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return start
    for number in range(start, min(len(head), article.body_line)):
        if name in head[number - 1]:
            return number
    return start


def check_text_tags(article: Article) -> list[Problem]:
    """Report angle brackets that are not HTML (``<your name>``): they are shown as text."""
    body = article.body
    if "<" not in body:
        return []
    newlines = [i for i, char in enumerate(body) if char == "\n"]
    return [
        Problem(
            article.rel_path,
            article.body_line + bisect.bisect_left(newlines, tag.offset),
            f"'{tag.text}' is not HTML; it is shown as text (write &lt; to say so)",
            "warning",
        )
        for tag in text_tags(body)
    ]


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
