"""``offline-reader search``: search a content pack from the command line."""

from __future__ import annotations

import argparse
import html
import json
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.find.zimsearch import open_indexes
from reader.library.loading import load_pack
from reader.library.pack import Pack, PackError
from reader.library.zim import is_zim, open_zim
from reader.paths import bundled_dir, cache_dir

_BOLD_RE = re.compile(r"<b>(.*?)</b>", re.DOTALL)
_TAG_RE = re.compile(r"<[^>]+>")
_ANSI_BOLD = "\x1b[1m"
_ANSI_RESET = "\x1b[0m"


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of the search command."""
    p = argparse.ArgumentParser(
        prog="offline-reader search",
        description="Search the articles of a content pack and list the best matches.",
    )
    p.add_argument("query", metavar="QUERY", help='words to find; "quoted words" form a phrase')
    p.add_argument(
        "--limit", metavar="N", type=int, default=10, help="show at most N results (default 10)"
    )
    add_pack_options(p, "{slug, title, score, snippet}")
    return p


def add_pack_options(p: argparse.ArgumentParser, json_fields: str) -> None:
    """Add ``--content``, ``--json`` and ``--no-cache``, shared by the index commands."""
    p.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=None,
        help="content pack folder or ZIM archive (default: the bundled pack)",
    )
    p.add_argument("--json", action="store_true", help=f"print a JSON list of {json_fields}")
    p.add_argument(
        "--no-cache", action="store_true", help="build the index in memory; do not use the cache"
    )


def load_content(options: argparse.Namespace) -> tuple[Path, Pack | None]:
    """Return the ``--content`` folder and its pack, or None after saying why it failed."""
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    content: Path = options.content if options.content is not None else bundled_dir("content")
    try:
        return content, open_zim(content) if is_zim(content) else load_pack(content)
    except PackError as exc:
        print(f"{content}: error: {exc}", file=sys.stderr)
        return content, None


def cache_dir_of(options: argparse.Namespace) -> Path | None:
    """Where the index is kept: the user's cache folder, or nowhere with ``--no-cache``."""
    return None if options.no_cache else cache_dir()


def snippet_text(snippet: str, bold: bool) -> str:
    """Return an HTML snippet as terminal text, matches in ANSI bold if ``bold``."""
    text = _BOLD_RE.sub(
        (lambda m: f"{_ANSI_BOLD}{m.group(1)}{_ANSI_RESET}") if bold else r"\1", snippet
    )
    return html.unescape(_TAG_RE.sub("", text))


def main(argv: Sequence[str]) -> int:
    """Run the search command; return the process exit status."""
    options = parser().parse_args(list(argv))
    _content, pack = load_content(options)
    if pack is None:
        return 1
    # The first index is enough to search (a ZIM archive's own, or the reader's).
    with next(open_indexes(pack, cache_dir_of(options))) as index:
        results = index.search(options.query, max(0, options.limit))
        suggestions = [] if results else index.suggest(options.query)
    if options.json:
        rows = [
            {"slug": r.slug, "title": r.title, "score": r.score, "snippet": r.snippet}
            for r in results
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not results:
        print(f"No articles match {options.query!r}.")
        if suggestions:
            print("Did you mean: " + ", ".join(suggestions) + "?")
        return 0
    bold = sys.stdout.isatty()
    for rank, result in enumerate(results, 1):
        print(f"{rank:>2}. {result.slug}  {result.title}  (score {result.score:.3g})")
        print(f"    {snippet_text(result.snippet, bold)}")
    return 0
