"""Where a pack installed from an archive keeps what its publisher computed (no Qt).

Kept apart from reader.library.archive so that looking for these files at start-up costs a
``stat``, not the imports of zipfile, sqlite3 and hashlib.
"""

from __future__ import annotations

from pathlib import Path

#: Folder inside a pack that holds what was computed when the archive was built.
PREBUILT = ".prebuilt"
CATALOG_SEED = "catalog"
INDEX_SEED = "search.sqlite3"
#: The publisher's rendered bodies (reader.page.bodycache.ShippedPages).
PAGES = "pages"


def seed_catalog(root: Path) -> Path | None:
    """Return the shipped catalog of the pack in ``root``, if it came from an archive."""
    seed = root / PREBUILT / CATALOG_SEED
    return seed if seed.is_file() else None


def seed_index(root: Path) -> Path | None:
    """Return the shipped search index of the pack in ``root``, if it came from an archive."""
    seed = root / PREBUILT / INDEX_SEED
    return seed if seed.is_file() else None
