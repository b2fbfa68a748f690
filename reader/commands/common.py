"""What the sub-commands share: the pack options, opening the pack, quiet logs, pipes."""

from __future__ import annotations

import argparse
import html
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli import add_flag
from reader.library.catalog import Catalog
from reader.library.pack import Pack, PackError
from reader.library.zim import is_zim, open_zim
from reader.paths import bundled_dir, cache_dir

if TYPE_CHECKING:
    from reader.find.index import SearchIndex

_BOLD_RE = re.compile(r"<b>(.*?)</b>", re.DOTALL)
_TAG_RE = re.compile(r"<[^>]+>")

#: Exit status after the reader of our output went away (``… | head``), as a shell reports it.
BROKEN_PIPE_STATUS = 141


def command_parser(name: str, description: str, verbose: bool = True) -> argparse.ArgumentParser:
    """Return the argument parser of ``offline-reader NAME`` (with ``-v``, unless told not)."""
    p = argparse.ArgumentParser(prog=f"offline-reader {name}", description=description)
    if verbose:
        add_flag(p, "-v", "--verbose", help="log what is done to stderr")
    return p


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def add_pack_options(p: argparse.ArgumentParser, json_fields: str, limit: int, items: str) -> None:
    """Add the options the index commands share: --limit, --content, --json, --no-cache."""
    p.add_argument(
        "--limit",
        metavar="N",
        type=positive_int,
        default=limit,
        help=f"show at most N {items} (default {limit})",
    )
    p.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=None,
        help="content pack folder (default: the bundled pack)",
    )
    add_flag(p, "--json", help=f"print a JSON list of {json_fields}")
    add_flag(
        p,
        "--no-cache",
        help="read every file and build the index in memory (notices every change); "
        "do not use the cache",
    )


def quiet_logging(verbose: bool) -> None:
    """Keep stderr for what the user asked about: log only with ``-v`` (then everything)."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.CRITICAL,
        format="%(levelname)s %(name)s: %(message)s",
    )


def load_content(options: argparse.Namespace) -> tuple[Path, Pack | None]:
    """Return the ``--content`` folder and its pack, or None after saying why it failed.

    The pack comes from its catalog in the reader's cache folder (the one the window uses),
    so a query reads no article file. The catalog is trusted while no folder and not
    ``pack.toml`` changed (files added, removed or renamed, and editors that save by
    replacing the file, change their folder); a file overwritten in place is noticed by
    ``--no-cache``, and by the reader window, which checks every file after it has started.
    (Checking every file's size and time here cost ~150 ms at 10,000 articles: half a query.)
    """
    quiet_logging(options.verbose)
    content: Path = options.content if options.content is not None else bundled_dir("content")
    try:
        if is_zim(content):  # a Kiwix archive: no catalog needed, its title index is one
            return content, open_zim(content)
        if options.no_cache:
            from reader.library.loading import load_pack

            return content, load_pack(content)
        return content, Catalog(cache_dir()).load(content, full_check=False)
    except PackError as exc:
        print(f"{content}: error: {exc}", file=sys.stderr)
        return content, None


def with_index(
    p: argparse.ArgumentParser,
    argv: Sequence[str],
    answer: Callable[[argparse.Namespace, Path, Pack, SearchIndex], int],
    key_terms: bool = False,
) -> int:
    """Parse ``argv``, open the pack and its search index, and return ``answer(...)``'s status.

    The index is kept in the reader's cache folder (built there on first use), or in memory
    with ``--no-cache``; it is closed afterwards. A ZIM archive with a full-text index is
    searched with its own; ``key_terms`` asks for the reader's own index (recommendations),
    built after it. Status 1 if the pack cannot be opened.
    """
    from reader.find.zimsearch import open_indexes

    options = p.parse_args(list(argv))
    content, pack = load_content(options)
    if pack is None:
        return 1
    cache = None if options.no_cache else cache_dir()
    indexes = open_indexes(pack, cache, fingerprint=pack.fingerprint)
    with list(indexes)[-1] if key_terms else next(indexes) as index:
        return answer(options, content, pack, index)


def snippet_text(snippet: str, bold: bool) -> str:
    """Return an HTML snippet as terminal text, matches in ANSI bold if ``bold``."""
    text = _BOLD_RE.sub((lambda m: f"\x1b[1m{m.group(1)}\x1b[0m") if bold else r"\1", snippet)
    return html.unescape(_TAG_RE.sub("", text))


def snippet_matches(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """Return an HTML snippet as plain text and the ``(start, end)`` of each match in it."""
    text: list[str] = []
    matches: list[tuple[int, int]] = []
    length = 0
    for i, part in enumerate(re.split(r"</?b>", snippet)):
        plain = html.unescape(_TAG_RE.sub("", part))
        if i % 2 and plain:  # odd parts were inside <b>…</b>
            matches.append((length, length + len(plain)))
        text.append(plain)
        length += len(plain)
    return "".join(text), matches


def run_command(main: Callable[[Sequence[str]], int], argv: Sequence[str]) -> int:
    """Run a command's ``main``; a closed pipe (``… | head``) ends it quietly, not with a trace."""
    try:
        status = main(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again while flushing at exit: point stdout at nothing first.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return BROKEN_PIPE_STATUS
    return status
