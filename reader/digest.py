"""SHA-256 for cache keys and file names, without loading OpenSSL at start-up.

``hashlib`` loads OpenSSL's libcrypto on import (about 2.5 ms), although the reader only needs
SHA-256 before the first page is shown. CPython also carries its own SHA-256 (``_sha2`` from
3.12, ``_sha256`` before), which ``hashlib`` itself falls back to; the digests are the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:
        from _sha2 import sha256
    except ImportError:  # CPython before 3.12
        try:
            from _sha256 import sha256
        except ImportError:  # a Python built without its own hashes
            from hashlib import sha256

__all__ = ["sha256"]
