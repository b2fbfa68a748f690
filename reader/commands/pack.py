"""``offline-reader pack``: build a library archive, install one safely, make a signing key."""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path

from reader.cli import add_flag
from reader.commands.common import command_parser, quiet_logging
from reader.library.archive import ArchiveError, build, install, new_key, trusted_keys
from reader.library.pack import PackError


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of the pack command."""
    p = command_parser(
        "pack",
        "Ship a content pack to many terminals as one archive file, and install "
        "it safely (docs/kiosk.md, 'Updating many terminals').",
    )
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    b = sub.add_parser("build", help="write DIR as an archive, with its catalog and index")
    b.add_argument("folder", metavar="DIR", type=Path, help="the content pack folder")
    b.add_argument("-o", "--output", metavar="LIBRARY.zip", type=Path, required=True)
    b.add_argument("--sign", metavar="KEYFILE", type=Path, help="sign with this private key")
    add_flag(
        b,
        "--no-pages",
        help="leave out the rendered pages (a smaller archive; terminals render each page "
        "the first time it is shown)",
    )
    i = sub.add_parser("install", help="verify an archive and make it the current library")
    i.add_argument("archive", metavar="LIBRARY.zip", type=Path)
    i.add_argument(
        "--into",
        metavar="DIR",
        type=Path,
        default=Path("/var/lib/offline-reader/library"),
        help="library folder; the reader opens DIR/current (default %(default)s)",
    )
    i.add_argument(
        "--trust",
        metavar="PUBLIC_KEY",
        action="append",
        default=[],
        help="require a signature by this key (may be repeated)",
    )
    i.add_argument(
        "--config",
        metavar="KIOSK.toml",
        type=Path,
        help="also require a signature by one of this kiosk configuration's trusted_keys",
    )
    k = sub.add_parser("keygen", help="make a signing key; prints the public key")
    k.add_argument("keyfile", metavar="KEYFILE", type=Path, help="where to write the private key")
    return p


def main(argv: Sequence[str]) -> int:
    """Run the pack command; return the process exit status."""
    options = parser().parse_args(list(argv))
    quiet_logging(options.verbose)
    try:
        if options.action == "build":
            manifest = build(options.folder, options.output, options.sign, not options.no_pages)
            signed = " (signed)" if options.sign else ""
            print(
                f"{options.output}: {manifest['articles']} articles, "
                f"{manifest['pages']} rendered pages, {len(manifest['files'])} files{signed}"
            )
        elif options.action == "keygen":
            public = new_key(options.keyfile)
            print(f"Private key written to {options.keyfile}; keep it off the terminals.")
            print(f'Public key, for each terminal\'s kiosk.toml: trusted_keys = ["{public}"]')
        else:
            keys = list(options.trust)
            if options.config is not None:
                keys += _config_keys(options.config)
            done = install(options.archive, options.into, trusted_keys(keys))
            signed = ", signature verified" if done.signed else ""
            print(f"Installed {done.files} files into {done.version}{signed}")
            print(f"{done.current} now points to it.")
    except (ArchiveError, PackError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        if options.action == "install":
            print("The library in use was not changed.", file=sys.stderr)
        return 1
    return 0


def _config_keys(path: Path) -> list[str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ArchiveError(f"{path}: cannot read it ({exc})") from exc
    keys = data.get("trusted_keys", [])
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise ArchiveError(f"{path}: trusted_keys should be a list of public keys")
    return keys
