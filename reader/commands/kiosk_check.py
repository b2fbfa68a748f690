"""``offline-reader kiosk-check CONFIG``: validate a kiosk.toml before a terminal uses it."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.commands.common import command_parser
from reader.gui.kiosk.config import load_config  # Qt-free, like this command


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of the kiosk-check command."""
    p = command_parser(
        "kiosk-check",
        (
            "Check a kiosk configuration file. Prints one line per problem as "
            "'path: severity: message'. Exits with 1 if there are errors (a value the kiosk "
            "would replace by its default), 0 otherwise. A kiosk never shows these to visitors; "
            "it writes them to its log."
        ),
        verbose=False,
    )
    p.add_argument("config", metavar="CONFIG", type=Path, help="the kiosk.toml file")
    return p


def main(argv: Sequence[str]) -> int:
    """Run the kiosk-check command; return the process exit status."""
    options = parser().parse_args(list(argv))
    logging.basicConfig(level=logging.CRITICAL)  # the report below is the output
    path: Path = options.config
    config = load_config(path)
    errors = [p.removeprefix(f"{path}: ") for p in config.problems]
    warnings = []
    if not errors and not config.admin_pin:
        warnings.append("no 'admin_pin': the staff exit is disabled")
    if not errors and not config.kiosk:
        warnings.append("'kiosk' is not true: the reader starts as a desktop window")
    for message in errors:
        print(f"{path}: error: {message}")
    for message in warnings:
        print(f"{path}: warning: {message}")
    if errors:
        print(f"{len(errors)} error(s), {len(warnings)} warning(s)", file=sys.stderr)
        return 1
    print(f"{path}: OK", file=sys.stderr)
    return 0
