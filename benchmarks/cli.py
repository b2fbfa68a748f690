"""A search from the command line against the command line's own start-up, same run.

    python -m benchmarks.cli [--articles 10000] [--runs 7] [--work DIR]

The floor is ``offline-reader --version`` (Python starting, the reader's command line
parsed, nothing read). Each query run is ``offline-reader search WORD --content PACK`` with
the catalog and the index already in the cache folder, as on every query after the first.
Prints the medians and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import DEFAULT_WORK, bench_env, ensure_synth, log

QUERIES = ("water", "people sound", "nasopharyngeal")


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reader", *args], env=env, check=True, capture_output=True
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    options = parser.parse_args()
    pack = ensure_synth(options.work, options.articles)
    env = bench_env(options.work / f"xdg-cli-{options.articles}")
    log("first query: builds the catalog and the index")
    first = timed(["search", "water", "--content", str(pack)], env)
    floor = [timed(["--version"], env) for _ in range(options.runs)]
    query = [
        timed(["search", QUERIES[i % len(QUERIES)], "--content", str(pack)], env)
        for i in range(options.runs)
    ]
    f, q = statistics.median(floor), statistics.median(query)
    print(f"articles: {options.articles}")
    print(f"first query (builds catalog and index): {first:.2f} s")
    print(f"floor, offline-reader --version: median {f * 1000:.0f} ms")
    print(f"search, cached: median {q * 1000:.0f} ms ({q / f:.2f}x the floor)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
