"""``offline-reader related SLUG``: list the articles recommended for an article."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.commands.common import add_pack_options, command_parser, with_index
from reader.find.index import SearchIndex
from reader.find.recommend import DEFAULT_LIMIT
from reader.find.related import ContentRecommender
from reader.library.pack import Pack


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of the related command."""
    p = command_parser(
        "related",
        "List the articles recommended for an article, with the reason for each.",
    )
    p.add_argument("slug", metavar="SLUG", help="the article (its file name without .md)")
    add_pack_options(p, "{slug, title, reason, score}", limit=DEFAULT_LIMIT, items="articles")
    return p


def main(argv: Sequence[str]) -> int:
    """Run the related command; return the process exit status."""
    return with_index(parser(), argv, answer, key_terms=True)


def answer(options: argparse.Namespace, content: Path, pack: Pack, index: SearchIndex) -> int:
    """Print the articles recommended for the article in ``options``."""
    if pack.get(options.slug) is None:
        print(f"{content}: error: no article '{options.slug}' in this pack", file=sys.stderr)
        return 1
    found = ContentRecommender(pack, index).scored(options.slug, options.limit)
    if options.json:
        rows = [
            {
                "slug": s.recommendation.slug,
                "title": s.recommendation.title,
                "reason": s.recommendation.reason,
                "score": s.score,
            }
            for s in found
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not found:
        print(f"No articles to recommend for {options.slug!r}.")
        return 0
    for rank, s in enumerate(found, 1):
        score = "" if s.score is None else f"  (score {s.score:.3g})"
        print(f"{rank:>2}. {s.recommendation.slug}  {s.recommendation.title}{score}")
        print(f"    {s.recommendation.reason}")
    return 0
