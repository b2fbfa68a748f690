"""``offline-reader check PATH``: validate a content pack and list its problems."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.cli import add_flag
from reader.commands.common import command_parser, quiet_logging
from reader.library.pack import Pack


def parser() -> argparse.ArgumentParser:
    parser = command_parser(
        "check",
        (
            "Validate a content pack. Prints its problems as 'path:line: severity: message', "
            "errors first, repeated problems grouped and counted (every one with --all). Exits "
            "with 1 if there are errors, 0 otherwise (warnings alone do not fail unless --strict "
            "is given)."
        ),
    )
    parser.add_argument("path", type=Path, help="the content pack folder")
    add_flag(parser, "--strict", help="treat warnings as errors")
    add_flag(parser, "--all", help="print every problem on its own line, ungrouped")
    add_flag(
        parser,
        "--readability",
        help="also print the Flesch–Kincaid grade of every article's text and summary "
        "(needs the 'readability' extra: textstat 0.7.3)",
    )
    return parser


def main(argv: Sequence[str]) -> int:
    """Run the check command; return the process exit status."""
    return run_check(parser().parse_args(list(argv)))


def run_check(options: argparse.Namespace) -> int:
    from reader.library.check import check_pack
    from reader.library.pack import PackError

    quiet_logging(options.verbose)  # the report below is the output
    try:
        pack, problems = check_pack(options.path)
    except PackError as exc:
        print(f"{options.path}: error: {exc}", file=sys.stderr)
        return 1
    from reader.library.report import counts, summarize

    if options.all:
        lines = [problem.format(options.path) for problem in problems]
    else:  # errors first, repeats grouped: a real site has thousands
        lines = summarize(problems, options.path, strict=options.strict)
    for line in lines:
        print(line)
    errors = sum(1 for p in problems if p.severity == "error" or options.strict)
    articles = len(pack.articles)
    if problems:
        print(f"{articles} articles: {counts(problems, options.strict)}", file=sys.stderr)
    else:
        print(f"{articles} articles, no problems.")
    if options.readability and not print_readability(pack, options.path):
        return 1
    return 1 if errors else 0


def print_readability(pack: Pack, root: Path) -> bool:
    """Print each article's reading grades; False (and how to install) without textstat."""
    from reader.library.readability import (
        BODY_MAX_GRADE,
        INSTALL_HINT,
        SUMMARY_MAX_GRADE,
        article_grades,
    )

    try:
        import textstat  # noqa: F401
    except ImportError:
        print(f"--readability needs textstat; install it with: {INSTALL_HINT}", file=sys.stderr)
        return False
    print(
        "Flesch–Kincaid grade (text, summary); aim for at most "
        f"{BODY_MAX_GRADE:g} and {SUMMARY_MAX_GRADE:g}:"
    )
    for article in pack.articles:
        body, summary = article_grades(article)
        hard = body > BODY_MAX_GRADE or (summary or 0) > SUMMARY_MAX_GRADE
        shown = "-" if summary is None else f"{summary:.1f}"
        path = (root / article.rel_path).as_posix()
        print(f"{path}: text {body:.1f}, summary {shown}{'  (hard to read)' if hard else ''}")
    return True
