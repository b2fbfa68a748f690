"""Keep Markdown that would make Python-Markdown slow or crash away from the parser.

Python-Markdown has inputs on which it runs for minutes or exceeds the recursion limit:
deeply nested block quotes and lists, long runs of unclosed ``[``, ``(``, backticks or
``<tag``, thousands of lines in one block, thousands of headings with the same name. Each
was found by timing ``Renderer.markdown()`` on generated text (see ``docs/security.md``).

:func:`guard` rewrites the few constructs that cause this, in linear time, and says what it
changed and on which line. It keeps what a reader sees: an unclosed ``[`` becomes ``\\[``,
which Markdown shows as ``[``. Text it changed, and text too long to be parsed quickly, is
*risky*: the renderer converts it in a child process with a time limit
(:func:`run_isolated`) and shows plain text if that fails. This module never imports Qt.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

#: Block quotes, list items and 4-space indents, counted together, deeper than this are flattened.
MAX_NESTING = 8
#: Longer lines are wrapped at a space (inside a paragraph this changes nothing visible).
MAX_LINE_CHARS = 5_000
#: Blocks (runs of non-blank lines) longer than this get a blank line inserted.
MAX_BLOCK_CHARS = 20_000
MAX_BLOCK_LINES = 200
#: ``[`` nested deeper than this is shown as a literal bracket.
MAX_BRACKET_DEPTH = 4
#: Unclosed ``[``, ``(``, backtick runs or ``<tag`` per block tolerated before escaping them.
MAX_UNCLOSED = 20
#: A run of this many ``*``/``_`` (outside a horizontal rule) is shown literally.
MAX_EMPHASIS_RUN = 8
#: Headings after this many are shown as plain paragraphs.
MAX_HEADINGS = 300
#: Text up to this size that the guard left alone is converted in-process. Conversion of guarded
#: text is linear, about 0.35 ms per 1,000 characters on a 2-core test machine (55 ms at the
#: limit), which is still well under the ~0.2 s it takes just to start a child process.
INLINE_LIMIT = 150_000
#: A child process gets this long (seconds, including its start) to convert risky text.
RENDER_TIMEOUT = 1.0

_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*)?[^`\n]*$")
_FENCE_CLOSE = re.compile(r"(`{3,}|~{3,})[ ]*$")
_PREFIX_TOKEN = re.compile(r"\t| {1,4}|>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])")
_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ ]*$")
_HR = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_ROW = re.compile(r"\s*\|")
_BACKTICKS = re.compile(r"`+")
_SPECIAL = re.compile(r"\\.|[\[\]()<>]", re.DOTALL)
_EMPHASIS_RUN = re.compile(rf"[*_]{{{MAX_EMPHASIS_RUN},}}")
_TAG_START = re.compile(r"[A-Za-z/!?]")

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Change:
    """One kind of change the guard made: how often, and the first line (1-based)."""

    line: int
    count: int
    message: str

    def describe(self) -> str:
        times = "" if self.count == 1 else f" ({self.count} times)"
        return f"{self.message}{times}"


@dataclass(frozen=True, slots=True)
class Guarded:
    """Text made safe to parse, and what was changed to get there."""

    text: str
    changes: tuple[Change, ...] = ()

    @property
    def risky(self) -> bool:
        """True when the text should be converted in a child process with a time limit."""
        return bool(self.changes) or len(self.text) > INLINE_LIMIT


class _Notes:
    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.count: Counter[str] = Counter()

    def add(self, message: str, line: int, times: int = 1) -> None:
        self.first.setdefault(message, line + 1)
        self.count[message] += times

    def changes(self) -> tuple[Change, ...]:
        return tuple(
            Change(line, self.count[msg], msg)
            for msg, line in sorted(self.first.items(), key=lambda kv: kv[1])
        )


def guard(text: str) -> Guarded:
    """Return ``text`` with the constructs that make Python-Markdown slow or crash defused."""
    lines = text.split("\n")
    fenced = _fenced_lines(lines)
    notes = _Notes()
    out: list[str | _Chunk] = []
    block: list[tuple[int, str]] = []
    headings = 0

    def flush() -> None:
        if block:
            out.extend(_guard_block(block, notes))
            block.clear()

    for i, line in enumerate(lines):
        if fenced[i] or not line.strip():
            flush()
            out.append(line)
            continue
        line = _cap_nesting(line, i, notes)
        if _ATX.match(line) or (block and _SETEXT.match(line) and not _HR.match(line)):
            headings += 1
            if headings > MAX_HEADINGS:
                stripped = line.lstrip()
                escaped = "\\#" if stripped[0] == "#" else f"&#{ord(stripped[0])};"
                line = line[: len(line) - len(stripped)] + escaped + stripped[1:]
                notes.add(f"more than {MAX_HEADINGS} headings; the rest are shown as text", i)
        if len(line) > MAX_LINE_CHARS:
            pieces = _wrap(line)
            notes.add(f"lines longer than {MAX_LINE_CHARS} characters were wrapped", i)
            block.extend((i, piece) for piece in pieces)
        else:
            block.append((i, line))
    flush()
    chunks = [item for item in out if isinstance(item, _Chunk)]
    # Python-Markdown's HTML parser looks for the end of a '<tag' across paragraphs, so
    # unclosed ones are counted over the whole text.
    unclosed = sum(len(c.angles) for c in chunks)
    if unclosed > MAX_UNCLOSED:
        first = next(c for c in chunks if c.angles)
        notes.add("unclosed '<' were shown as written", first.line_of(first.angles[0]), unclosed)
        for chunk in chunks:
            for offset in chunk.angles:
                chunk.edits[offset] = "&lt;"
    lines_out: list[str] = []
    for item in out:
        if isinstance(item, _Chunk):
            lines_out.extend(item.lines())
        else:
            lines_out.append(item)
    return Guarded("\n".join(lines_out), notes.changes())


class _Chunk:
    """Part of a block, with the single-character edits planned for it."""

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        self.text = "\n".join(t for _, t in lines)
        self.linenos = [n for n, _ in lines]
        self.starts = [0]
        for _, t in lines:
            self.starts.append(self.starts[-1] + len(t) + 1)
        self.edits: dict[int, str] = {}  # offset -> replacement for the character there
        self.angles: list[int] = []  # offsets of '<tag' openers with no '>' after them

    def line_of(self, offset: int) -> int:
        return self.linenos[bisect.bisect_right(self.starts, offset) - 1]

    def lines(self) -> list[str]:
        if not self.edits:
            return self.text.split("\n")
        parts = []
        last = 0
        for offset in sorted(self.edits):
            parts.append(self.text[last:offset])
            parts.append(self.edits[offset])
            last = offset + 1
        parts.append(self.text[last:])
        return "".join(parts).split("\n")


def _fenced_lines(lines: list[str]) -> list[bool]:
    """Mark fenced code blocks (fence lines included) the way Python-Markdown pairs them."""
    inside = [False] * len(lines)
    closers: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if m := _FENCE_CLOSE.match(line):
            closers.setdefault(m.group(1), []).append(i)
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i]) if lines[i][:1] in "`~" else None
        if m:
            candidates = closers.get(m.group(1), [])
            j = bisect.bisect_right(candidates, i)
            if j < len(candidates):
                end = candidates[j]
                for k in range(i, end + 1):
                    inside[k] = True
                i = end + 1
                continue
        i += 1
    return inside


def _cap_nesting(line: str, lineno: int, notes: _Notes) -> str:
    """Flatten a line's block-quote/list/indent prefix deeper than MAX_NESTING levels."""
    if not line.startswith((" ", "\t", ">", "*", "+", "-")) and not line[:1].isdigit():
        return line
    pos = 0
    depth = 0
    keep_end = None
    while pos < len(line):
        m = _PREFIX_TOKEN.match(line, pos)
        if not m:
            break
        piece = m.group()
        if piece in ("\t", "    ") or not piece.startswith(" "):  # 1-3 spaces: no new level
            depth += 1
        if depth > MAX_NESTING and keep_end is None:
            keep_end = pos
        pos = m.end()
    if keep_end is None:
        return line
    notes.add(f"block quotes or lists nested more than {MAX_NESTING} levels were flattened", lineno)
    rest = line[pos:]
    return line[:keep_end].rstrip(" \t") + " " + rest if rest else line[:keep_end]


def _wrap(line: str) -> list[str]:
    pieces = []
    while len(line) > MAX_LINE_CHARS:
        cut = line.rfind(" ", MAX_LINE_CHARS // 2, MAX_LINE_CHARS)
        if cut <= 0:
            cut = MAX_LINE_CHARS
        pieces.append(line[:cut])
        line = line[cut:].lstrip(" ")
    pieces.append(line)
    return pieces


def _guard_block(block: list[tuple[int, str]], notes: _Notes) -> list[str | _Chunk]:
    """Split an over-long block and plan the escapes of its runaway inline openers."""
    out: list[str | _Chunk] = []
    chunk: list[tuple[int, str]] = []
    size = 0
    table = all(_TABLE_ROW.match(text) for _, text in block[:3])
    for lineno, text in block:
        too_long = size + len(text) > MAX_BLOCK_CHARS
        if chunk and (too_long or (len(chunk) >= MAX_BLOCK_LINES and not table)):
            out.append(_guard_inline(_Chunk(chunk), notes))
            out.append("")  # tables are parsed in one go; only their size is capped
            notes.add("very long paragraphs were split", lineno)
            chunk, size = [], 0
        chunk.append((lineno, text))
        size += len(text) + 1
    out.append(_guard_inline(_Chunk(chunk), notes))
    return out


def _guard_inline(chunk: _Chunk, notes: _Notes) -> _Chunk:
    text = chunk.text
    if not any(c in text for c in "[(<`*_"):
        return chunk
    code = _code_spans(chunk, notes)
    _brackets_and_angles(chunk, code, notes)
    for m in _EMPHASIS_RUN.finditer(text):
        if _in_spans(code, m.start()):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if _HR.match(text[line_start : line_end if line_end >= 0 else len(text)]):
            continue
        for k in range(m.start(), m.end()):
            chunk.edits[k] = "\\" + text[k]
        notes.add("long runs of '*' or '_' are shown as written", chunk.line_of(m.start()))
    return chunk


def _code_spans(chunk: _Chunk, notes: _Notes) -> list[tuple[int, int]]:
    """Pair backtick runs like Python-Markdown; escape unpaired runs when there are many."""
    text = chunk.text
    runs = [m for m in _BACKTICKS.finditer(text) if not _escaped(text, m.start())]
    by_length: dict[int, list[int]] = {}
    for index, m in enumerate(runs):
        by_length.setdefault(len(m.group()), []).append(index)
    spans: list[tuple[int, int]] = []
    unpaired: list[re.Match[str]] = []
    index = 0
    while index < len(runs):
        m = runs[index]
        same = by_length[len(m.group())]
        k = bisect.bisect_right(same, index)
        if k < len(same):
            closer = runs[same[k]]
            spans.append((m.start(), closer.end()))
            index = same[k] + 1
        else:
            unpaired.append(m)
            index += 1
    if len(unpaired) > MAX_UNCLOSED:
        for m in unpaired:
            for k in range(m.start(), m.end()):
                chunk.edits[k] = "\\`"
        first = chunk.line_of(unpaired[0].start())
        notes.add("unclosed '`' were shown as written", first, len(unpaired))
    return spans


def _brackets_and_angles(chunk: _Chunk, code: list[tuple[int, int]], notes: _Notes) -> None:
    text = chunk.text
    brackets: list[int] = []
    too_deep: list[int] = []
    parens: list[int] = []
    angles: list[int] = []
    span = 0
    specials = list(_SPECIAL.finditer(text))
    next_angle: list[str] = [""] * len(specials)  # the next '<' or '>' after each special
    following = ""
    for n in range(len(specials) - 1, -1, -1):
        next_angle[n] = following
        if specials[n].group() in "<>":
            following = specials[n].group()
    for n, m in enumerate(specials):
        pos = m.start()
        while span < len(code) and code[span][1] <= pos:
            span += 1
        if span < len(code) and code[span][0] <= pos:
            continue
        char = m.group()
        if char == "[":
            brackets.append(pos)
        elif char == "]":
            if brackets:
                opener = brackets.pop()
                if len(brackets) >= MAX_BRACKET_DEPTH:
                    too_deep.extend((opener, pos))
        elif char == "(":
            parens.append(pos)
        elif char == ")":
            if parens:
                parens.pop()
        elif char == "<" and _TAG_START.match(text, pos + 1) and next_angle[n] != ">":
            angles.append(pos)
    for offset in too_deep:
        chunk.edits[offset] = "\\" + text[offset]
    if too_deep:
        notes.add(
            f"brackets nested more than {MAX_BRACKET_DEPTH} deep are shown as written",
            chunk.line_of(too_deep[0]),
            len(too_deep) // 2,
        )
    for found, what, replace in ((brackets, "'['", "\\["), (parens, "'('", "\\(")):
        if len(found) > MAX_UNCLOSED:
            for offset in found:
                chunk.edits[offset] = replace
            notes.add(f"unclosed {what} were shown as written", chunk.line_of(found[0]), len(found))
    chunk.angles = angles


def _escaped(text: str, pos: int) -> bool:
    backslashes = 0
    while pos > 0 and text[pos - 1] == "\\":
        backslashes += 1
        pos -= 1
    return backslashes % 2 == 1


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


class RenderTimeoutError(Exception):
    """The child process did not answer in time and was stopped."""


class ChildProcessFailedError(Exception):
    """The child process raised, or died without an answer."""


#: Seconds a child process may take to start (import, receive its work) before it is given up.
START_TIMEOUT = 30.0
_READY = "ready"


def run_isolated(func: Callable[[T], R], arg: T, timeout: float = RENDER_TIMEOUT) -> R:
    """Return ``func(arg)`` computed in a fresh child process, stopped after ``timeout`` s.

    ``spawn`` (not ``fork``) because the window runs threads, and a forked Qt process is not
    safe. ``func`` and ``arg`` must be picklable; ``func`` must live in a module that
    imports without Qt so the child starts quickly (about 0.15 s; far longer on a slow or
    busy machine). ``timeout`` counts from when the child is ready to run ``func``: starting
    it is not the work being limited, and counting it made harmless articles fall back to
    plain text on slow hardware. Starting has its own, generous limit.
    """
    import multiprocessing  # only here: a child process is rare, the import costs ~7 ms

    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child_main, args=(func, arg, sender), daemon=True)
    process.start()
    sender.close()
    try:
        try:
            if not receiver.poll(START_TIMEOUT) or receiver.recv() != _READY:
                raise ChildProcessFailedError(
                    f"the child process did not start within {START_TIMEOUT:g} s"
                )
        except (EOFError, OSError) as exc:
            raise ChildProcessFailedError(f"the child process did not start ({exc})") from exc
        if not receiver.poll(timeout):
            raise RenderTimeoutError(f"no answer within {timeout:g} s")
        try:
            ok, value = receiver.recv()
        except (EOFError, OSError) as exc:
            raise ChildProcessFailedError(
                f"the child process ended without an answer ({exc})"
            ) from exc
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
        process.close()
    if not ok:
        raise ChildProcessFailedError(str(value))
    result: R = value
    return result


def _child_main(func: Callable[[Any], Any], arg: Any, sender: Connection) -> None:
    sender.send(_READY)  # imported and unpickled: the parent's clock starts now
    try:
        answer: tuple[bool, Any] = (True, func(arg))
    except BaseException as exc:  # report everything; the parent decides
        answer = (False, f"{type(exc).__name__}: {exc}")
    sender.send(answer)
    sender.close()
