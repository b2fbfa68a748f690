"""Cold start to first painted article: the reader and the floor, run alternately.

Each run is a new process. ``reader-cold`` has a fresh settings file and no search index on
disk (the reader starts building it in a thread); ``reader-warm`` has a fresh settings file and
the caches a first start leaves behind — the search index and the pack's catalog, built here,
and the rendered start page, written by the discarded warm-up round — i.e. every start after
the first; ``floor`` is benchmarks/floor.py showing the same
page. Each child prints ``first-paint: monotonic=…`` from the article view's first paintEvent;
the parent takes its own CLOCK_MONOTONIC stamp just before spawning, so ``paint_ms`` is spawn →
first paint, and ``wall_ms`` is spawn → exit with ``--exit-after-paint``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import (
    PYTHON,
    ROOT,
    Export,
    bench_env,
    log,
    parse_first_paint,
    run_child,
)

VARIANTS = ("reader-cold", "reader-warm", "floor")

_WARM = """
import sys
from reader.find.index import SearchIndex
from reader.library.catalog import Catalog
from reader.paths import cache_dir
cache = cache_dir()
SearchIndex.open(Catalog(cache).load(sys.argv[1]), cache).close()
print(cache)
"""


def warm_index(pack: Path, cache_home: Path) -> None:
    """Build the search index and catalog where the reader looks for them in ``cache_home``."""
    started = time.perf_counter()
    where = run_child(["-c", _WARM, str(pack)], bench_env(cache_home)).strip()
    log(f"search index for {pack.name} in {where} ({time.perf_counter() - started:.1f} s)")


def command(variant: str, pack: Path, export: Export, slug: str, settings: Path) -> list[str]:
    if variant == "floor":
        return [
            str(ROOT / "benchmarks" / "floor.py"),
            "--titles",
            str(export.titles),
            "--html",
            str(export.page(slug)),
            "--css",
            str(export.css),
            "--exit-after-paint",
        ]
    settings.unlink(missing_ok=True)
    return [
        "-m",
        "reader",
        "--content",
        str(pack),
        "--article",
        slug,
        "--settings",
        str(settings),
        "--exit-after-paint",
    ]


def run_once(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run one child to exit; return paint_ms, wall_ms, since_start_ms and RSS at paint."""
    started = time.monotonic()
    done = subprocess.run(
        [PYTHON, *args], env=env, capture_output=True, text=True, timeout=900, check=False
    )
    ended = time.monotonic()
    if done.returncode != 0:
        raise RuntimeError(f"{args} exited with {done.returncode}:\n{done.stderr[-3000:]}")
    line = parse_first_paint(done.stdout)
    return {
        "paint_ms": (line["monotonic"] - started) * 1000,
        "wall_ms": (ended - started) * 1000,
        "since_start_ms": line.get("since_start_ms", 0.0),
        "rss_kb": line.get("vmrss_kb", 0.0),
        "hwm_kb": line.get("vmhwm_kb", 0.0),
        "cpu_ms": line.get("cpu_ms", 0.0),
    }


def bench_startup(
    name: str, pack: Path, export: Export, work: Path, runs: int
) -> dict[str, list[dict[str, float]]]:
    """Run every variant ``runs`` times, rotating their order each round."""
    slug = export.order()[0]
    cold_home = work / f"xdg-{name}-cold"
    warm_home = work / f"xdg-{name}-warm"
    warm_index(pack, warm_home)
    settings = work / f"settings-{name}.ini"
    results: dict[str, list[dict[str, float]]] = {v: [] for v in VARIANTS}
    for round_ in range(runs + 1):  # round 0 warms the OS file cache and is discarded
        order = VARIANTS[round_ % 3 :] + VARIANTS[: round_ % 3]
        for variant in order:
            if variant == "reader-cold":
                shutil.rmtree(cold_home / "offline-reader", ignore_errors=True)
            home = warm_home if variant == "reader-warm" else cold_home
            result = run_once(command(variant, pack, export, slug, settings), bench_env(home))
            if round_:
                results[variant].append(result)
        log(
            f"start-up {name} round {round_}/{runs}: "
            + ", ".join(f"{v} {results[v][-1]['paint_ms']:.0f} ms" for v in VARIANTS if round_)
        )
    return results


def import_times(pack: Path, slug: str, work: Path) -> list[tuple[str, int, int, int]]:
    """Return ``(module, self_us, cumulative_us, depth)`` from ``-X importtime``, import order."""
    settings = work / "settings-importtime.ini"
    home = work / "xdg-importtime"
    shutil.rmtree(home, ignore_errors=True)
    env = bench_env(home)
    # As for "reader-warm": the caches a first session leaves (catalog, search index, the
    # rendered start page), then a timed start.
    warm_index(pack, home)
    run_child(command("reader", pack, Export(work), slug, settings), env)
    args = ["-X", "importtime", *command("reader", pack, Export(work), slug, settings)]
    done = subprocess.run(
        [PYTHON, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    rows: list[tuple[str, int, int, int]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        self_us, cumulative, name = line[len("import time:") :].split("|")
        depth = (len(name) - len(name.lstrip())) // 2
        rows.append((name.strip(), int(self_us), int(cumulative), depth))
    return rows


if __name__ == "__main__":
    sys.exit("run python -m benchmarks.run")
