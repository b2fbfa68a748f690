"""Split YAML front matter (between ``---`` lines) from a Markdown body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_FENCE = "---"

try:  # the C loader is much faster where PyYAML was built with libyaml
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader


@dataclass(slots=True)
class FrontMatter:
    """Parsed front matter: the mapping, the body and where the body starts."""

    meta: dict[str, Any]
    body: str
    body_line: int = 1
    key_lines: dict[str, int] = field(default_factory=dict)


class FrontMatterError(ValueError):
    """Front matter is present but unusable; ``fallback`` still carries the body."""

    def __init__(self, message: str, line: int | None, fallback: FrontMatter) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.fallback = fallback


def split_front_matter(text: str) -> FrontMatter:
    """Return the front matter and body of ``text``; raise FrontMatterError if it is broken.

    Front matter may be any length (a site's can list hundreds of redirects); the file's size
    limit bounds it. If it is broken and has no ``key:`` line at all, the opening ``---`` was
    a horizontal rule, and the whole text is the body.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return FrontMatter({}, text, 1)
    end = None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in (_FENCE, "..."):
            end = i
            break
    if end is None:
        raise FrontMatterError(
            "front matter starts with '---' but has no closing '---' line",
            1,
            FrontMatter({}, text, 1),
        )
    block = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    body_line = end + 2
    key_lines: dict[str, int] = {}
    for offset, line in enumerate(lines[1:end], start=2):
        match = _KEY_RE.match(line)
        if match:
            key_lines.setdefault(match.group(1), offset)
    fallback = (
        FrontMatter({}, body, body_line, key_lines) if key_lines else FrontMatter({}, text, 1)
    )
    try:
        meta = yaml.load(block, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark  # where the broken construct starts
        lineno = mark.line + 2 if mark is not None else 1
        problem = exc.problem or "syntax error"
        raise FrontMatterError(
            f"invalid YAML in front matter: {problem}", lineno, fallback
        ) from exc
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
        raise FrontMatterError(f"invalid YAML in front matter: {exc}", 1, fallback) from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(
            "front matter should be 'key: value' lines, not a single value or list", 2, fallback
        )
    meta = {str(k): v for k, v in meta.items()}
    return FrontMatter(meta, body, body_line, key_lines)
