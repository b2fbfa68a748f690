"""``offline-reader kiosk-pin``: make the admin PIN line for a kiosk configuration."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Sequence

from reader.cli import add_flag
from reader.commands.common import command_parser
from reader.gui.kiosk.config import hash_pin


def main(argv: Sequence[str]) -> int:
    """``offline-reader kiosk-pin``: ask for a PIN twice and print the configuration line."""
    parser = command_parser(
        "kiosk-pin",
        "Ask for an admin PIN and print the 'admin_pin = ...' line for kiosk.toml. "
        "Only a salted hash is printed; the PIN itself is stored nowhere.",
        verbose=False,
    )
    add_flag(parser, "--stdin", help="read the PIN from standard input")
    options = parser.parse_args(list(argv))
    if options.stdin:
        pin = sys.stdin.readline().rstrip("\n")
        again = pin
    else:
        pin = getpass.getpass("New admin PIN: ")
        again = getpass.getpass("Repeat the PIN: ")
    if pin != again:
        print("The two PINs differ; nothing was printed.", file=sys.stderr)
        return 1
    if len(pin) < 4 or not pin.isdigit():
        print("Use a PIN of at least 4 digits.", file=sys.stderr)
        return 1
    print(f'admin_pin = "{hash_pin(pin)}"')
    return 0
