"""What a person typed, made into a safe FTS5 query (no Qt).

Nothing here raises on odd input: control characters, lone surrogates, unbalanced quotes and
FTS5 syntax all become plain, quoted words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reader.library.languages import cjk_characters, is_cjk

#: Characters of a query read, at most: a pasted novel must not become a huge query.
MAX_QUERY_CHARS = 1000
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
#: Control characters, and the private-use marks the index puts around matches in snippets.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000\ue001]")


def clean_query(text: str) -> str:
    """Return ``text`` safe to bind to SQLite: no lone surrogates or control characters."""
    text = _SURROGATE_RE.sub(" ", text[:MAX_QUERY_CHARS])
    return unicodedata.normalize("NFC", CONTROL_RE.sub(" ", text))


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of a parsed query: a quoted phrase or a single word."""

    tokens: tuple[str, ...]
    phrase: bool
    prefix: bool = False


#: Words of a query kept, at most.
MAX_QUERY_TOKENS = 32
# What unicode61 treats as a token: runs of letters and digits.
TOKEN_RE = re.compile(r"[^\W_]+")
_QUERY_PART_RE = re.compile(r'"([^"]*)"?|([^\s"]+)')


def parse_query(text: str) -> list[Part]:
    """Split user text into quoted phrases and words; the last open word becomes a prefix."""
    text = clean_query(text)
    parts: list[Part] = []
    count = 0
    for match in _QUERY_PART_RE.finditer(text):
        phrase, word = match.group(1), match.group(2)
        tokens = tuple(TOKEN_RE.findall((phrase if phrase is not None else word).casefold()))
        tokens = tokens[: MAX_QUERY_TOKENS - count]
        if not tokens:
            continue
        if phrase is not None:
            parts.append(Part(tokens, phrase=True))
        else:
            parts.extend(Part((t,), phrase=False) for t in tokens)
        count += len(tokens)
        if count >= MAX_QUERY_TOKENS:
            break
    # While typing, the word under the cursor is incomplete: match it as a prefix.
    if parts and not parts[-1].phrase and text and not text[-1].isspace() and text[-1] != '"':
        last = parts[-1]
        parts[-1] = Part(last.tokens, phrase=False, prefix=True)
    return parts


def quote(tokens: Sequence[str]) -> str:
    """Return ``tokens`` as one FTS5 string (a phrase), its quotes doubled."""
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def fts_query(parts: Sequence[Part], min_prefix: int = 2) -> str:
    """Return an FTS5 query ANDing every part, each quoted so FTS syntax stays literal."""
    out = []
    for part in parts:
        quoted = quote(part.tokens)
        if part.prefix and len(part.tokens[0]) >= min_prefix:
            quoted += "*"
        out.append(quoted)
    return " ".join(out)


def plain_query(parts: Sequence[Part]) -> str:
    """Return every token of ``parts`` as its own quoted word (no phrases, no prefixes)."""
    return " ".join(quote((t,)) for part in parts for t in part.tokens)


def script_mismatch(query: str, language: str) -> bool:
    """Return True if ``query`` is in Chinese, Japanese or Korean and the pack's ``language``
    is not: nothing can match, and the reader should say why."""
    return bool(cjk_characters().search(query)) and not is_cjk(language.strip())
