"""Kiosk configuration: a TOML file with defaults for every key, and the admin PIN hash.

A bad value never stops a terminal from starting: it is reported (file, key, what was
expected) and the default is used. Qt-free.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from reader.library.languages import INTERFACE_LANGUAGES
from reader.library.pack import Pack, reviewed_only
from reader.themes import LIGHT, TEXT_SIZES, THEME_NAMES

logger = logging.getLogger(__name__)

# scrypt parameters: about 50 ms and 16 MB on a small PC; a PIN is short, so make each guess cost.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


@dataclass(frozen=True, slots=True)
class KioskConfig:
    """Every kiosk option with its default (documented in docs/kiosk.md)."""

    kiosk: bool = False
    content: str = ""  # empty: the bundled pack
    idle_seconds: int = 120
    countdown_seconds: int = 15
    text_size: int = 150
    theme: str = LIGHT
    on_screen_keyboard: bool = True
    attract: bool = False
    attract_seconds: int = 8
    qr_codes: bool = False
    admin_chord: str = "Ctrl+Alt+Shift+X"
    admin_pin: str = ""  # a hash from `offline-reader kiosk-pin`; empty disables admin exit
    printer: str = ""  # empty: printing is off
    #: Public keys a library archive must be signed with (offline-reader pack install --config).
    trusted_keys: tuple[str, ...] = ()
    only_reviewed: bool = False  # show only articles a clinician has reviewed
    emergency_number: str = ""  # empty: the pack's (or "your local emergency number")
    #: The interface language a visitor first sees and each reset returns to (``en``,
    #: ``zh_CN``, ``es``); empty: --lang, else the system's. --lang wins over it.
    language: str = ""
    problems: tuple[str, ...] = field(default=(), compare=False)


_LIMITS: dict[str, tuple[int, int]] = {
    "idle_seconds": (10, 86_400),
    "countdown_seconds": (3, 300),
    "attract_seconds": (2, 600),
    "text_size": (TEXT_SIZES[0], TEXT_SIZES[-1]),
}


def load_config(path: Path | None) -> KioskConfig:
    """Read ``path`` (or return defaults); a bad value is reported and its default used."""
    if path is None:
        return KioskConfig()
    problems: list[str] = []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return KioskConfig(problems=(f"{path}: file not found; using defaults",))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return KioskConfig(problems=(f"{path}: cannot read it ({exc}); using defaults",))
    defaults = KioskConfig()
    values: dict[str, Any] = {}
    known = {f.name for f in fields(KioskConfig)} - {"problems"}
    for key, value in data.items():
        if key not in known:
            problems.append(f"{path}: unknown option '{key}' ignored")
            continue
        default = getattr(defaults, key)
        checked = _check(key, value, default)
        if checked is None:
            problems.append(
                f"{path}: '{key}' = {value!r} is not valid ({_expected(key, default)}); "
                f"using the default {default!r}"
            )
        else:
            values[key] = checked
    for message in problems:
        logger.warning("%s", message)
    return replace(defaults, **values, problems=tuple(problems))


def _check(key: str, value: Any, default: Any) -> Any:
    if isinstance(default, tuple):  # a list of text
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None
        return tuple(v.strip() for v in value)
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int):
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        low, high = _LIMITS[key]
        return value if low <= value <= high else None
    if not isinstance(value, str):
        return None
    if key == "theme":
        return value if value in THEME_NAMES else None
    if key == "admin_pin":
        return value if not value or _parse_hash(value) is not None else None
    if key == "language":  # "zh-CN" as a pack writes it is zh_CN too
        code = value.strip().replace("-", "_")
        return code if not code or code in INTERFACE_LANGUAGES else None
    if key == "content":  # a pack's folder, or a ZIM archive (docs/zim.md)
        path = Path(value).expanduser()
        usable = path.is_dir() or (path.suffix.lower() == ".zim" and path.is_file())
        return value if not value or usable else None
    return value.strip()


def _expected(key: str, default: Any) -> str:
    if isinstance(default, tuple):
        return "a list of text"
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int):
        low, high = _LIMITS[key]
        return f"a whole number from {low} to {high}"
    if key == "theme":
        return "one of " + ", ".join(THEME_NAMES)
    if key == "admin_pin":
        return "a line made by 'offline-reader kiosk-pin'"
    if key == "content":
        return "an existing folder or .zim file"
    if key == "language":
        return "one of " + ", ".join(INTERFACE_LANGUAGES)
    return "text"


def kiosk_pack(pack: Pack, config: KioskConfig) -> Pack:
    """Return ``pack`` as this terminal shows it: its emergency number, and with
    ``only_reviewed`` none of the articles no clinician has reviewed."""
    if config.emergency_number:
        pack.emergency_number = config.emergency_number
    return reviewed_only(pack) if config.only_reviewed else pack


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """Return a salted scrypt hash of ``pin`` to store in the configuration."""
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Return True if ``pin`` matches the ``stored`` hash (constant-time comparison)."""
    parsed = _parse_hash(stored)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(expected))
    return hmac.compare_digest(digest, expected)


def _parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    if n < 2 or n & (n - 1) or not (1 <= r <= 64 and 1 <= p <= 16) or len(digest) < 16:
        return None
    return n, r, p, salt, digest
