"""How long does opening a big pack take: a full ``load_pack`` against its cached catalog?

    python -m benchmarks.catalog PACK_DIR [PACK_DIR ...]

For each pack, each in a fresh process: ``load_pack(root)`` (every file read and its front
matter parsed, as ``check`` does; also the share of YAML), the first start with a cache folder
(a full load plus writing the catalog, ``reader/catalog.py``), and the later starts from the
catalog with bodies read on demand: with the quick check the reader uses at start-up (folder
stamps) and with the full check (``stat`` of every file, as the background check does). Also
the RSS each way. Prints one JSON line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import PYTHON, rss_kb


def _measure(root: Path, cache: Path | None, full_check: bool) -> dict[str, float]:
    """Time one load_pack in this (fresh) process."""
    from reader.library.catalog import Catalog
    from reader.library.loading import load_pack

    before = rss_kb()["vmrss"]
    started = time.perf_counter()
    loaded = (
        Catalog(cache).load(root, full_check=full_check) if cache is not None else load_pack(root)
    )
    total = time.perf_counter() - started
    result = {
        "articles": len(loaded.articles),
        "load_s": total,
        "rss_delta_mb": (rss_kb()["vmrss"] - before) / 1024,
        "lazy": not loaded.articles[0].body_loaded,
    }
    if cache is None:
        result["body_mb"] = sum(sys.getsizeof(a.body) for a in loaded.articles) / 2**20
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        load_pack(root)
        profile.disable()
        stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
        total_profiled = sum(r[3] for k, r in stats.items() if k[2] == "load_pack")
        yaml_s = sum(r[3] for k, r in stats.items() if k[2] == "load" and "yaml" in k[0])
        result["share_yaml"] = yaml_s / total_profiled
    else:
        result["catalog_mb"] = sum(p.stat().st_size for p in cache.glob("catalog-*")) / 2**20
    return result


def _child(root: Path, cache: Path | None, full_check: bool) -> dict[str, float]:
    code = (
        "import json, sys\nfrom pathlib import Path\nfrom benchmarks import catalog as c\n"
        "cache = Path(sys.argv[2]) if sys.argv[2] else None\n"
        "print(json.dumps(c._measure(Path(sys.argv[1]), cache, sys.argv[3] == 'full')))"
    )
    done = subprocess.run(
        [PYTHON, "-c", code, str(root), str(cache or ""), "full" if full_check else "quick"],
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    roots = [Path(p) for p in (argv if argv is not None else sys.argv[1:])]
    results: dict[str, object] = {}
    for root in roots:
        cache = Path(tempfile.mkdtemp(prefix="catalog-bench-"))
        try:
            full_load = _child(root, None, True)
            first = _child(root, cache, True)  # miss: full load + writing the catalog
            quick = min((_child(root, cache, False) for _ in range(2)), key=lambda r: r["load_s"])
            full = _child(root, cache, True)
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        results[root.name] = {"load": full_load, "first": first, "quick": quick, "full": full}
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
