"""A terminal's very first start: from a plain pack folder, and from an installed archive.

    python -m benchmarks.archive [--runs 5] [--articles 0] [--work DIR] [--reuse]

Each run is a new process with an empty cache folder (a terminal that has never started the
reader). ``folder`` opens the bundled pack as a folder: it reads and parses every file and
builds the catalog. ``archive`` opens the same pack installed with ``offline-reader pack
install``: the catalog, search index and rendered pages shipped in the archive are used.
``later`` starts from the installed archive again with the cache folder its earlier starts
left (every start after the first). ``floor`` is benchmarks/floor.py showing the same page.
Each round runs the four in turn; medians and
ratios against the floor are printed. ``--articles N`` uses a synthetic pack of N articles
instead of the bundled one.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
from pathlib import Path

from benchmarks.common import BUNDLED, DEFAULT_WORK, Export, bench_env, ensure_synth, log, run_child
from benchmarks.startup import command, run_once


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=0, help="0: the bundled pack")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the archive installed by an earlier run of the same size (100,000 articles "
        "take a long time to build)",
    )
    options = parser.parse_args()
    name = f"synth-{options.articles}" if options.articles else "bundled"
    work: Path = options.work / f"archive-{name}"
    pack = ensure_synth(options.work, options.articles) if options.articles else BUNDLED
    export = work / "export"
    installed = work / "lib" / "current"
    if not (options.reuse and installed.is_dir() and export.is_dir()):
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        env = bench_env(work / "xdg-build")
        args = ["-m", "benchmarks.inproc", "reader", "--pack", str(pack), "--export", str(export)]
        run_child([*args, "--turns", "3"], env, timeout=3600)
        log("building and installing the archive")
        build = ["-m", "reader", "pack", "build", str(pack), "-o", str(work / "lib.zip")]
        run_child(build, env, 3 * 3600)
        lib = work / "lib"
        run_child(
            ["-m", "reader", "pack", "install", str(work / "lib.zip"), "--into", str(lib)],
            env,
            3600,
        )
    ex = Export(export)
    slug = ex.order()[0]
    settings = work / "settings.ini"
    results: dict[str, list[float]] = {"floor": [], "folder": [], "archive": [], "later": []}
    cpu: dict[str, list[float]] = {name: [] for name in results}  # CPU time to the paint
    variants = (("floor", pack), ("folder", pack), ("archive", installed), ("later", installed))
    for round_ in range(options.runs + 1):  # round 0 warms the OS file cache, discarded
        for variant, content in variants:
            if variant == "later":  # the same terminal again: its cache folder kept
                home = work / "xdg-later"
            else:
                home = work / f"xdg-{variant}-{round_}"  # never started before: empty cache
                shutil.rmtree(home, ignore_errors=True)
            kind = "floor" if variant == "floor" else "reader"
            result = run_once(command(kind, content, ex, slug, settings), bench_env(home))
            if round_:
                results[variant].append(result["paint_ms"])
                cpu[variant].append(result["cpu_ms"])
        log(f"round {round_}: " + ", ".join(f"{v} {r[-1]:.0f} ms" for v, r in results.items() if r))
    floor = statistics.median(results["floor"])
    floor_cpu = statistics.median(cpu["floor"])
    print(f"first start, {name}, median of {options.runs} (ms to the first painted article;")
    print("CPU time the process used by then, which the machine's other work disturbs less):")
    for variant, values in results.items():
        median, used = statistics.median(values), statistics.median(cpu[variant])
        print(
            f"  {variant:8} {median:7.0f} ms  {median / floor:.2f}x the floor"
            f"   CPU {used:6.0f} ms  {used / floor_cpu:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
