"""``offline-reader search``: search a content pack from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.commands.common import (
    add_pack_options,
    command_parser,
    snippet_matches,
    snippet_text,
    with_index,
)
from reader.find.index import SearchIndex
from reader.library.pack import Pack


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of the search command."""
    p = command_parser(
        "search",
        "Search the articles of a content pack and list the best matches. "
        "Relevance is relative to the best match (1.00).",
    )
    p.add_argument("query", metavar="QUERY", help='words to find; "quoted words" form a phrase')
    add_pack_options(p, "{slug, title, relevance, snippet, matches}", limit=10, items="results")
    return p


def main(argv: Sequence[str]) -> int:
    """Run the search command; return the process exit status."""
    return with_index(parser(), argv, answer)


def answer(options: argparse.Namespace, _content: Path, _pack: Pack, index: SearchIndex) -> int:
    """Print the results of the query in ``options``."""
    results = index.search(options.query, options.limit)
    suggestions = [] if results else index.suggest(options.query)
    # bm25 scores have no fixed scale (a common word scores near 0, a rare one above 1):
    # what a reader can compare is each result against the best one.
    best = max((r.score for r in results), default=0.0)

    def relevance(score: float) -> float:
        return round(score / best, 2) if best > 0 else 1.0

    if options.json:
        rows = []
        for r in results:
            text, matches = snippet_matches(r.snippet)
            rows.append(
                {
                    "slug": r.slug,
                    "title": r.title,
                    "relevance": relevance(r.score),
                    "snippet": text,
                    "matches": [list(m) for m in matches],
                }
            )
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
        print(
            f"{rank:>2}. {result.slug}  {result.title}  (relevance {relevance(result.score):.2f})"
        )
        print(f"    {snippet_text(result.snippet, bold)}")
    return 0
