"""Which lines of Markdown are inside fenced code blocks (no Qt).

One rule for everyone who must leave code alone: the template-tag stripper, the Markdown
pre-processor that marks HTML blocks, and ``check``. A fence opens with three or more backticks
or tildes (indented at most three spaces) and closes with at least as many of the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def outside_code(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Yield each line and whether it is outside fenced code (a fence line counts as code)."""
    fence: str | None = None
    for line in lines:
        match = FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            yield line, False
        else:
            yield line, fence is None
