"""Pack archives: one file to ship a library to many terminals, and a safe way to install it.

An archive is a ZIP file holding the pack's files, what the reader would otherwise compute on
a terminal's first start (the catalog, the search index and the rendered pages, under
``.prebuilt/``), and
``manifest.json``: every file with its size and SHA-256. ``manifest.sig``, when present, is an
Ed25519 signature of the manifest's bytes by the publisher's key.

Installing never touches the library in use until the new one is complete and verified: the
archive is unpacked into a new folder under ``INTO/versions/``, every file is checked against
the manifest (and the manifest against a trusted key, when keys are given), and only then does
the ``INTO/current`` link switch to it, in one atomic rename. A truncated, corrupt, tampered or
unsigned archive is refused with a message and the old library stays. This module never
imports Qt; signing needs the ``cryptography`` package (the ``signing`` extra).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from reader import __version__
from reader.library.prebuilt import CATALOG_SEED, INDEX_SEED, PAGES, PREBUILT

if TYPE_CHECKING:
    from reader.library.pack import Pack

logger = logging.getLogger(__name__)

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
MANIFEST_FORMAT = 1
#: Limits that keep a hostile archive from filling the disk (a "zip bomb").
MAX_TOTAL_BYTES = 8 * 1024**3
MAX_FILES = 500_000
MAX_RATIO = 200
#: Installed versions kept besides the current one (to go back by hand if needed).
KEEP_OLD_VERSIONS = 1
_SKIP = frozenset({"__pycache__", "node_modules"})


class ArchiveError(Exception):
    """The archive cannot be built or installed; the message says why, for a person."""


@dataclass(frozen=True)
class Installed:
    """What ``install`` did: the new version's folder and the ``current`` link to it."""

    version: Path
    current: Path
    files: int
    signed: bool


# --- keys --------------------------------------------------------------------------------------
def _crypto() -> Any:
    try:
        from cryptography.hazmat.primitives.asymmetric import ed25519
    except ImportError as exc:  # the optional "signing" extra
        raise ArchiveError(
            "signing needs the 'cryptography' package: pip install 'offline-reader[signing]'"
        ) from exc
    return ed25519


def new_key(private_file: Path) -> str:
    """Write a new Ed25519 private key to ``private_file`` (mode 600); return the public key.

    Both are base64 text: the public key goes into each terminal's configuration.
    """
    ed25519 = _crypto()
    from cryptography.hazmat.primitives import serialization

    key = ed25519.Ed25519PrivateKey.generate()
    raw = key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    fd = os.open(private_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(base64.b64encode(raw).decode("ascii") + "\n")
    return public_key_of(private_file)


def public_key_of(private_file: Path) -> str:
    """Return the base64 public key of the private key in ``private_file``."""
    ed25519 = _crypto()
    from cryptography.hazmat.primitives import serialization

    key = ed25519.Ed25519PrivateKey.from_private_bytes(_read_key(private_file))
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def _read_key(path: Path) -> bytes:
    try:
        raw = base64.b64decode(path.read_text(encoding="ascii").strip(), validate=True)
    except (OSError, ValueError) as exc:
        raise ArchiveError(f"{path}: not a key file ({exc})") from exc
    if len(raw) != 32:
        raise ArchiveError(f"{path}: not an Ed25519 key (expected 32 bytes)")
    return raw


def _verify_signature(manifest: bytes, signature: bytes, trusted: Sequence[str]) -> bool:
    ed25519 = _crypto()
    from cryptography.exceptions import InvalidSignature

    for text in trusted:
        try:
            key = ed25519.Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
            key.verify(signature, manifest)
        except (ValueError, InvalidSignature):
            continue
        return True
    return False


# --- build -------------------------------------------------------------------------------------
def pack_files(root: Path) -> list[Path]:
    """Return every file of the pack to ship (hidden files and caches left out), sorted."""
    found = []
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if any(p.startswith(".") or p in _SKIP for p in parts):
            continue
        if path.is_symlink():
            raise ArchiveError(f"{path.relative_to(root)}: links are not shipped; copy the file")
        if path.is_file():
            found.append(path)
    return found


def build(
    root: Path, out: Path, key_file: Path | None = None, pages: bool = True
) -> dict[str, Any]:
    """Write the archive of the pack in ``root`` to ``out``; return its manifest.

    The catalog, the search index and (with ``pages``) every article's rendered body are
    made here, in a scratch folder, and shipped under ``.prebuilt/``; ``install`` stamps them
    for the folder they land in. The manifest's ``pages`` says how many bodies it ships.
    """
    from reader.find.index import SearchIndex
    from reader.library.catalog import Catalog

    root = root.resolve()
    files = pack_files(root)
    with tempfile.TemporaryDirectory(prefix="offline-reader-build-") as scratch:
        cache = Path(scratch)
        pack = Catalog(cache).load(root)
        errors = [p for p in pack.problems if p.severity == "error"]
        if errors:
            listed = "\n".join(f"  {p.format()}" for p in errors[:10])
            raise ArchiveError(f"the pack has {len(errors)} error(s); fix them first:\n{listed}")
        with SearchIndex.open(pack, cache) as index:
            assert index.path is not None
            index_file = index.path
        catalog_file = Catalog(cache).path(root)
        entries: list[tuple[str, Path]] = [(p.relative_to(root).as_posix(), p) for p in files]
        entries.append((f"{PREBUILT}/{CATALOG_SEED}", catalog_file))
        entries.append((f"{PREBUILT}/{INDEX_SEED}", index_file))
        shipped = _render_pages(pack, cache / PAGES) if pages else 0
        if shipped:
            entries += [
                (f"{PREBUILT}/{PAGES}/{p.name}", p) for p in sorted((cache / PAGES).iterdir())
            ]
        manifest = {
            "format": MANIFEST_FORMAT,
            "title": pack.title,
            "language": pack.language,
            "articles": len(pack.articles),
            "pages": shipped,
            "built": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            "reader": __version__,
            "files": [
                {"path": name, "size": path.stat().st_size, "sha256": _sha256(path)}
                for name, path in entries
            ],
        }
        data = json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8")
        partial = out.with_name(out.name + ".part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, data)
            if key_file is not None:
                ed25519 = _crypto()
                signer = ed25519.Ed25519PrivateKey.from_private_bytes(_read_key(key_file))
                archive.writestr(SIGNATURE, base64.b64encode(signer.sign(data)) + b"\n")
            for name, path in entries:
                archive.write(path, name)
        os.replace(partial, out)
    return manifest


def _render_pages(pack: Pack, folder: Path) -> int:
    """Render every article's body into ``folder`` for shipping; return how many.

    Nothing is shipped when this installation cannot say exactly what rendered the bodies
    (:func:`reader.page.bodycache.portable_stamp`); terminals then render pages themselves.
    """
    from reader.page.bodycache import ShippedPages, portable_stamp
    from reader.page.render import Renderer

    stamp = portable_stamp()
    if stamp is None:
        logger.warning("rendered pages are not shipped: the rendering code cannot be identified")
        return 0
    renderer = Renderer(pack)

    def rendered() -> Iterator[tuple[str, str, tuple[str, str, int]]]:
        for article in pack.articles:
            body = renderer.body_to_keep(article)
            if body is not None:  # one the guard changed is rendered where it is shown
                yield article.slug, article.body, (body.html, body.toc, body.sections)

    return ShippedPages.write(folder, stamp, rendered())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- install -----------------------------------------------------------------------------------
def read_manifest(archive: zipfile.ZipFile, trusted: Sequence[str]) -> tuple[dict[str, Any], bool]:
    """Return the archive's manifest and whether it is signed by a trusted key.

    With ``trusted`` keys, an unsigned or wrongly signed archive is refused.
    """
    names = set(archive.namelist())
    if MANIFEST not in names:
        raise ArchiveError("this is not a library archive (no manifest.json)")
    data = archive.read(MANIFEST)
    signed = False
    if trusted:
        if SIGNATURE not in names:
            raise ArchiveError("the archive is not signed, and this terminal requires a signature")
        try:
            signature = base64.b64decode(archive.read(SIGNATURE).strip(), validate=True)
        except ValueError as exc:
            raise ArchiveError(f"the signature is damaged ({exc})") from exc
        if not _verify_signature(data, signature, trusted):
            raise ArchiveError("the signature does not match any trusted key: refused")
        signed = True
    try:
        manifest = json.loads(data)
        if manifest.get("format") != MANIFEST_FORMAT or not isinstance(manifest["files"], list):
            raise ValueError("unknown manifest format")
    except (ValueError, KeyError, AttributeError) as exc:
        raise ArchiveError(f"the manifest is damaged ({exc})") from exc
    return manifest, signed


def _safe_name(name: str) -> str:
    path = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or path.is_absolute()
        or ".." in path.parts
        or name in (MANIFEST, SIGNATURE)
    ):
        raise ArchiveError(f"the archive holds a file with an unsafe name: {name!r}")
    return name


def _check_members(archive: zipfile.ZipFile, manifest: dict[str, Any]) -> list[zipfile.ZipInfo]:
    """Return the members to unpack; refuse anything the manifest does not vouch for."""
    listed = {entry["path"]: entry for entry in manifest["files"]}
    members = [i for i in archive.infolist() if i.filename not in (MANIFEST, SIGNATURE)]
    if len(members) > MAX_FILES:
        raise ArchiveError(f"the archive holds more than {MAX_FILES} files")
    total = 0
    seen = set()
    for info in members:
        name = _safe_name(info.filename.rstrip("/") if info.is_dir() else info.filename)
        if info.is_dir():
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            raise ArchiveError(f"the archive holds a link ({name}): refused")
        if name in seen:
            raise ArchiveError(f"the archive holds {name} twice")
        seen.add(name)
        entry = listed.get(name)
        if entry is None or entry.get("size") != info.file_size:
            raise ArchiveError(f"{name} is not the file the manifest lists: refused")
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            raise ArchiveError(f"{name} unpacks to far more than it holds: refused")
    if total > MAX_TOTAL_BYTES:
        raise ArchiveError("the archive would unpack to more than 8 GB")
    missing = sorted(set(listed) - seen)
    if missing:
        raise ArchiveError(f"the archive is incomplete: {missing[0]} is missing")
    return [i for i in members if not i.is_dir()]


def install(
    archive_file: Path, into: Path, trusted: Sequence[str] = (), keep: int = KEEP_OLD_VERSIONS
) -> Installed:
    """Verify ``archive_file`` and make it the library in ``into/current``; see the module doc."""
    into.mkdir(parents=True, exist_ok=True)
    versions = into / "versions"
    versions.mkdir(exist_ok=True)
    try:
        archive = zipfile.ZipFile(archive_file)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ArchiveError(f"{archive_file}: not a readable archive ({exc})") from exc
    with archive:
        manifest, signed = read_manifest(archive, trusted)
        members = _check_members(archive, manifest)
        hashes = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
        staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=versions))
        try:
            for info in members:
                target = staging / info.filename
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with archive.open(info) as source, target.open("wb") as out:
                    for block in iter(lambda: source.read(1 << 20), b""):
                        digest.update(block)
                        out.write(block)
                if digest.hexdigest() != hashes[info.filename]:
                    raise ArchiveError(f"{info.filename} was changed after the archive was built")
        except (OSError, zipfile.BadZipFile, EOFError, ArchiveError) as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, ArchiveError):
                raise
            raise ArchiveError(f"{archive_file}: the archive is damaged ({exc})") from exc
    _readable_by_all(staging)  # the kiosk's own user reads what an administrator installed
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    version = versions / f"{stamp}-{_sha256(archive_file)[:12]}"
    if version.exists():
        shutil.rmtree(staging)
    else:
        os.rename(staging, version)
    restamp(version)
    current = into / "current"
    link = into / ".current.tmp"
    link.unlink(missing_ok=True)
    link.symlink_to(Path("versions") / version.name)
    os.replace(link, current)  # atomic: a reader sees the old library or the new, never half
    _remove_old(versions, version, keep)
    logger.info("installed %s as %s", archive_file, version)
    return Installed(version, current, len(members), signed)


def _readable_by_all(folder: Path) -> None:
    """Folders 755, files 644, whatever the archive or the temporary folder said."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _remove_old(versions: Path, current: Path, keep: int) -> None:
    old = sorted(
        (p for p in versions.iterdir() if p != current and not p.name.startswith(".")),
        key=lambda p: p.name,
    )
    for path in old[: max(0, len(old) - keep)]:
        shutil.rmtree(path, ignore_errors=True)


def restamp(root: Path) -> None:
    """Make the shipped catalog and index valid for the pack as it lies in ``root`` now.

    Their contents were checked against the manifest, so only what depends on where and when
    the files were unpacked changes: the folder, the files' times, the folder stamps.
    """
    from reader.library.catalog import restamp_catalog, scan

    root = root.resolve()
    fingerprint, _ = scan(root)
    seed = root / PREBUILT / CATALOG_SEED
    if seed.is_file():
        restamp_catalog(seed, root)
    if (root / PREBUILT / PAGES).is_dir():
        from reader.page.bodycache import ShippedPages

        ShippedPages.set_fingerprint(root / PREBUILT / PAGES, fingerprint)
    index = root / PREBUILT / INDEX_SEED
    if index.is_file():
        with sqlite3.connect(index) as conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'fingerprint'", (fingerprint,))
            conn.execute("UPDATE meta SET value = ? WHERE key = 'root'", (str(root),))


def trusted_keys(values: Iterable[str]) -> list[str]:
    """Return the base64 public keys given, refusing any that is not one."""
    keys = []
    for value in values:
        text = value.strip()
        try:
            ok = len(base64.b64decode(text, validate=True)) == 32
        except ValueError:
            ok = False
        if not ok:
            raise ArchiveError(f"not an Ed25519 public key: {text!r}")
        keys.append(text)
    return keys
