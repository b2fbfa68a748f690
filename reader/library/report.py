"""A readable list of a pack's problems: grouped, counted, errors first (no Qt).

A site's source folder can have thousands of problems, most of them the same few repeated.
Listing each buries the files that were skipped. :func:`summarize` groups them: a problem
repeated in one file is one line with a count; a warning found in many files is one line
that names a few; unknown front-matter keys are one line for the whole pack; each file
gets at most a few lines and "… and N more". ``check`` prints it and the window's problems
dialog shows it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.library.pack import PACK_FILE, Problem

#: Lines per file before "… and N more".
PER_FILE = 5
#: A warning found in more files than this is one line for the pack.
SPREAD = 5
#: Files named on such a line.
NAMED_FILES = 3
UNKNOWN_KEYS = "unknown front matter keys: "
_QUOTED = re.compile(r"'[^']*'")
_NUMBER = re.compile(r"\d+")


def kind_of(message: str) -> str:
    """Return what ``message`` says with its particulars (quoted names, numbers) left out."""
    return _NUMBER.sub("N", _QUOTED.sub("'…'", message))


@dataclass
class _Group:
    """Problems of one kind in one file."""

    first: Problem
    lines: list[int] = field(default_factory=list)

    def text(self) -> str:
        if len(self.lines) <= 1:
            return self.first.message
        return f"{self.first.message} (and {len(self.lines) - 1} more like it)"


def _join(root: Path | str | None, path: str) -> str:
    return Path(root, path).as_posix() if root is not None else path


def summarize(
    problems: Iterable[Problem],
    root: Path | str | None = None,
    per_file: int = PER_FILE,
    strict: bool = False,
) -> list[str]:
    """Return ``path:line: severity: message`` lines for ``problems``, grouped (see above).

    ``root`` is joined to each path; ``strict`` counts warnings as errors when ordering.
    """
    items = sorted(problems, key=lambda p: (p.path != PACK_FILE, p.path, p.line or 0))
    unknown: Counter[str] = Counter()
    unknown_problems: list[Problem] = []
    rest: list[Problem] = []
    for problem in items:
        if problem.severity != "error" and problem.message.startswith(UNKNOWN_KEYS):
            keys = problem.message[len(UNKNOWN_KEYS) :].split(", ")
            unknown.update(keys)
            unknown_problems.append(problem)
        else:
            rest.append(problem)

    def is_error(problem: Problem) -> bool:
        return strict or problem.severity == "error"

    # Warnings that many files share become one line each.
    files_of: dict[str, list[str]] = {}
    for problem in rest:
        if not is_error(problem):
            paths = files_of.setdefault(kind_of(problem.message), [])
            if not paths or paths[-1] != problem.path:
                paths.append(problem.path)
    widespread = {kind for kind, paths in files_of.items() if len(paths) > SPREAD}

    groups: dict[str, dict[str, _Group]] = {}
    for problem in rest:
        kind = kind_of(problem.message)
        if kind in widespread and not is_error(problem):
            continue
        group = groups.setdefault(problem.path, {}).setdefault(
            f"{problem.severity}\0{kind}", _Group(problem)
        )
        group.lines.append(problem.line or 1)

    error_lines: list[str] = []
    warning_lines: list[str] = []
    for path, by_kind in groups.items():
        ordered = sorted(by_kind.values(), key=lambda g: (not is_error(g.first), g.first.line or 0))
        shown = ordered[:per_file]
        hidden = sum(len(g.lines) for g in ordered[per_file:])
        target = error_lines if any(is_error(g.first) for g in ordered) else warning_lines
        for group in shown:
            first = group.first
            target.append(
                f"{_join(root, path)}:{first.line or 1}: {first.severity}: {group.text()}"
            )
        if hidden:
            target.append(f"{_join(root, path)}: … and {hidden} more problem(s) in this file")

    pack_lines: list[str] = []
    for kind in sorted(widespread, key=lambda k: -len(files_of[k])):
        paths = files_of[kind]
        example = next(p for p in rest if kind_of(p.message) == kind)
        pack_lines.append(
            f"{_join(root, paths[0])}:{example.line or 1}: {example.severity}: "
            f"{example.message} — also in {_files(paths[1:])}"
        )
    if len(unknown_problems) == 1:
        only = unknown_problems[0]
        pack_lines.append(f"{_join(root, only.path)}:{only.line or 1}: warning: {only.message}")
    elif unknown:
        first = unknown_problems[0]
        listed = ", ".join(f"{key} ({n})" for key, n in unknown.most_common(8))
        more = len(unknown) - 8
        listed += f" and {more} more" if more > 0 else ""
        pack_lines.append(
            f"{_join(root, first.path)}:{first.line or 1}: warning: unknown front matter keys "
            f"are ignored, in {len(unknown_problems)} files: {listed}"
        )
    return error_lines + pack_lines + warning_lines


def _files(paths: Sequence[str]) -> str:
    named = ", ".join(paths[:NAMED_FILES])
    more = len(paths) - NAMED_FILES
    return f"{len(paths)} more files ({named}{f' and {more} others' if more > 0 else ''})"


def counts(problems: Iterable[Problem], strict: bool = False) -> str:
    """Return ``"N error(s), M warning(s)"`` (warnings count as errors if ``strict``)."""
    items = list(problems)
    errors = sum(1 for p in items if strict or p.severity == "error")
    return f"{errors} error(s), {len(items) - errors} warning(s)"
