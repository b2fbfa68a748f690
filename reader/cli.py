"""Command line: open the reader, or check a content pack.

Qt is imported only when the window is needed, so ``check`` stays fast and works on a
machine without a display.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import APP_NAME, __version__
from reader.themes import TEXT_SIZES, THEME_NAMES

#: Sub-commands and the ``module:function(argv) -> int`` that runs each; imported when used.
COMMANDS = {
    "search": "reader.commands.search:main",
    "related": "reader.commands.related:main",
    "kiosk-pin": "reader.gui.kiosk.config:pin_main",
}


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offline-reader",
        description=f"{APP_NAME}: read a library of health articles with no internet connection.",
        epilog=(
            "commands:\n"
            "  check PATH        validate a content pack and list its problems\n"
            "  search QUERY      search a content pack from the command line\n"
            "  related SLUG      list the articles recommended for an article, with reasons\n"
            "  kiosk-pin         make the admin PIN line for a kiosk configuration\n"
            "run 'offline-reader COMMAND --help' for details"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--content",
        metavar="DIR|FILE.zim",
        type=Path,
        help="content pack folder or ZIM archive to open (default: the bundled pack)",
    )
    parser.add_argument(
        "--article", metavar="SLUG", help="open this article first (its file name without .md)"
    )
    parser.add_argument(
        "--home", action="store_true", help="start on the home page, not the last article read"
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE",
        type=Path,
        help="save a PNG of the window once the first page is painted, then exit",
    )
    parser.add_argument(
        "--exit-after-paint",
        action="store_true",
        help="quit right after the first page is painted (for start-up benchmarks)",
    )
    parser.add_argument(
        "--settings",
        metavar="FILE",
        type=Path,
        help="settings file to use (default: the user's configuration folder)",
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="run as a locked-down, full-screen public terminal (see docs/kiosk.md)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        help="kiosk configuration file (default: /etc/offline-reader/kiosk.toml if it exists)",
    )
    parser.add_argument(
        "--theme",
        choices=THEME_NAMES,
        help="colour theme: light, dark, high-contrast, or system (follow the desktop)",
    )
    parser.add_argument(
        "--text-size",
        metavar="PERCENT",
        type=int,
        help=f"text size in percent, {TEXT_SIZES[0]} to {TEXT_SIZES[-1]} (default 100)",
    )
    parser.add_argument(
        "--size", metavar="WxH", help="initial window size in pixels, e.g. 1280x800"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offline-reader check",
        description=(
            "Validate a content pack. Prints one line per problem as 'path:line: severity: "
            "message'. Exits with 1 if there are errors, 0 otherwise (warnings alone do not fail "
            "unless --strict is given)."
        ),
    )
    parser.add_argument("path", type=Path, help="the content pack folder or ZIM archive")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        return run_check(check_parser().parse_args(args[1:]))
    if args and args[0] in COMMANDS:
        import importlib

        module_name, function = COMMANDS[args[0]].split(":")
        return int(getattr(importlib.import_module(module_name), function)(args[1:]))
    options = gui_parser().parse_args(args)
    logging.basicConfig(
        level=logging.DEBUG if options.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    from reader.gui.app import run  # Qt is needed from here on

    return run(options)


def run_check(options: argparse.Namespace) -> int:
    from reader.library.check import check_pack
    from reader.library.pack import PackError

    logging.basicConfig(level=logging.CRITICAL)  # the report below is the output
    try:
        _pack, problems = check_pack(options.path)
    except PackError as exc:
        print(f"{options.path}: error: {exc}", file=sys.stderr)
        return 1
    for problem in problems:
        print(problem.format(options.path))
    errors = sum(1 for p in problems if p.severity == "error" or options.strict)
    warnings = len(problems) - errors
    if problems:
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0
