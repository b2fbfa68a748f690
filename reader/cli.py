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
from typing import TYPE_CHECKING

from reader import APP_NAME, __version__
from reader.themes import TEXT_SIZES, THEME_NAMES

if TYPE_CHECKING:
    pass

#: Sub-commands and the ``module:function(argv) -> int`` that runs each; imported when used.
COMMANDS = {
    "check": "reader.commands.check:main",
    "search": "reader.commands.search:main",
    "related": "reader.commands.related:main",
    "kiosk-pin": "reader.commands.kiosk_pin:main",
    "kiosk-check": "reader.commands.kiosk_check:main",
    "pack": "reader.commands.pack:main",
}


def text_size(text: str) -> int:
    """An argparse type: a text size in percent within the reader's range (never capped)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not TEXT_SIZES[0] <= value <= TEXT_SIZES[-1]:
        raise argparse.ArgumentTypeError(
            f"must be between {TEXT_SIZES[0]} and {TEXT_SIZES[-1]}, got {value}"
        )
    return value


def add_flag(parser: argparse.ArgumentParser, *names: str, help: str) -> None:
    """Add an option that is off unless given, such as ``--kiosk``."""
    parser.add_argument(*names, action="store_true", help=help)


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
            "  kiosk-check FILE  validate a kiosk configuration (kiosk.toml)\n"
            "  pack              build a library archive, or install one safely\n"
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
        "--article",
        metavar="SLUG",
        help="open this article first (its file name without .md); SLUG#sources opens it at "
        "its sources, SLUG#section at that section",
    )
    add_flag(parser, "--home", help="start on the home page, not the last article read")
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="interface and library language: en, zh_CN or es (default: the last one chosen, "
        "else the system's)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE",
        type=Path,
        help="save a PNG of the window once the first page is painted, then exit",
    )
    add_flag(
        parser,
        "--exit-after-paint",
        help="quit right after the first page is painted (for start-up benchmarks)",
    )
    parser.add_argument(
        "--settings",
        metavar="FILE",
        type=Path,
        help="settings file to use (default: the user's configuration folder)",
    )
    add_flag(
        parser,
        "--kiosk",
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
        type=text_size,
        help=f"text size in percent, {TEXT_SIZES[0]} to {TEXT_SIZES[-1]} (default 100)",
    )
    parser.add_argument(
        "--size", metavar="WxH", help="initial window size in pixels, e.g. 1280x800"
    )
    add_flag(parser, "-v", "--verbose", help="log debug messages")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        import importlib

        from reader.commands.common import run_command

        module_name, function = COMMANDS[args[0]].split(":")
        return run_command(getattr(importlib.import_module(module_name), function), args[1:])
    options = gui_parser().parse_args(args)
    logging.basicConfig(
        level=logging.DEBUG if options.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    from reader.platform_check import EXIT_NO_WINDOW, window_problem

    if problem := window_problem():  # before Qt, whose own message names the wrong library
        print(problem, file=sys.stderr)
        return EXIT_NO_WINDOW
    import gc

    # No collection while the window's modules are imported either (57 collections ran
    # there): a later start of the bundled pack 13–45 ms sooner (A/B, 15 rounds, three
    # times). run() keeps it off until the first paint, then freezes what start-up built.
    gc.disable()
    from reader.gui.app import run  # Qt is needed from here on

    return run(options)
