"""Run every performance benchmark and write docs/performance.md.

    python -m benchmarks.run [--quick] [--runs 7] [--turns 120] [--work DIR] [--out FILE]
                             [--from-json FILE]

Measures, against the floor (benchmarks/floor.py, a bare QMainWindow + QListWidget +
QTextBrowser showing the same pre-rendered page): cold start to the first painted article,
page turns, memory, import cost, and how long ``load_pack`` takes on big packs. Synthetic packs
(benchmarks/synth.py) and a three-article pack of 10,000-word articles are generated once in the
work folder and reused. Qt runs offscreen (``QT_QPA_PLATFORM=offscreen``). Raw figures are kept
in WORK/results.json; ``--from-json`` rewrites the report from them without measuring.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import (
    BUNDLED,
    BUNDLED_SLUG,
    DEFAULT_WORK,
    LONG_WORDS,
    ROOT,
    Export,
    bench_env,
    compile_bytecode,
    ensure_long_pack,
    ensure_synth,
    log,
    machine,
    run_child,
)
from benchmarks.report import write_report
from benchmarks.startup import bench_startup, import_times

#: Seconds between page turns in the "at reading pace" run: no one turns pages faster.
READING_PAUSE = 0.5


def merged(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Put the turns of repeated runs together (reader and floor alternating, run by run).

    This machine's speed drifts from one minute to the next, and one run of the reader and
    the floor's after it can fall on either side of a drift; more runs, alternating, even
    that out. Memory and the Recommended panel's catch-up are the last run's.
    """
    result = runs[-1]
    for program in ("reader", "floor"):
        result[program]["turns"] = [t for run in runs for t in run[program]["turns"]]
    for counted in ("panel_deferred_turns", "converted_turns"):
        result["reader"][counted] = sum(run["reader"].get(counted, 0) for run in runs)
    result["runs"] = len(runs)
    return result


def inproc(
    name: str,
    pack: Path,
    work: Path,
    turns: int,
    start: str | None,
    index: bool,
    pause: float = 0.0,
    seen: bool = False,
) -> dict[str, object]:
    """Page turns and memory for the reader, then the floor on the pages the reader showed.

    Rendered bodies go to a cache folder for ``pack``, as in the reader. It is emptied first,
    so every page is converted from Markdown on its first visit, unless ``seen``: then the
    folder is kept from the run before, as on any visit after the first.
    """
    export = work / f"export-{name}"
    home = work / f"xdg-{name}-inproc"
    bodies = work / f"bodies-{pack.name}"
    if not seen:
        shutil.rmtree(bodies, ignore_errors=True)
    args = ["-m", "benchmarks.inproc", "reader", "--pack", str(pack), "--export", str(export)]
    args += ["--body-cache", str(bodies)]
    args += ["--turns", str(turns), "--pause", str(pause)]
    if start:
        args += ["--start", start]
    if index:
        args += ["--index-cache", str(work / f"index-{name}")]
    started = time.perf_counter()
    reader = json.loads(run_child(args, bench_env(home)).splitlines()[-1])
    floor_args = ["-m", "benchmarks.inproc", "floor", "--export", str(export)]
    floor_args += ["--pause", str(pause)]
    floor = json.loads(run_child(floor_args, bench_env(home)).splitlines()[-1])
    log(f"page turns {name}: {turns} turns in {time.perf_counter() - started:.1f} s")
    return {"reader": reader, "floor": floor, "export": str(export)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs, 40 turns, no 100k pack")
    parser.add_argument("--runs", type=int, help="start-up runs per variant (default 7)")
    parser.add_argument("--turns", type=int, help="page turns per pack (default 120)")
    parser.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="runs of each back-to-back turn benchmark, the floor's after each (default 3)",
    )
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument("--from-json", type=Path, help="only rewrite the report from this file")
    options = parser.parse_args(argv)
    if options.from_json:
        data = json.loads(options.from_json.read_text(encoding="utf-8"))
        write_report(data, options.out)
        return 0

    runs = options.runs or (3 if options.quick else 7)
    turns = options.turns or (40 if options.quick else 120)
    work: Path = options.work
    work.mkdir(parents=True, exist_ok=True)
    compile_bytecode()
    command = "python -m benchmarks.run" + (
        " " + shlex.join(argv if argv is not None else sys.argv[1:])
        if (argv if argv is not None else sys.argv[1:])
        else ""
    )
    data: dict[str, object] = {
        "machine": machine(),
        "command": command,
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "runs": runs,
        "turns": turns,
        "repeats": options.repeats,
        "quick": options.quick,
    }
    sizes = [1_000, 10_000] if options.quick else [1_000, 10_000, 100_000]
    packs: dict[str, tuple[Path, str | None]] = {"bundled": (BUNDLED, BUNDLED_SLUG)}
    for size in sizes:
        packs[f"synth-{size // 1000}k"] = (ensure_synth(work, size), None)
    long_pack = ensure_long_pack(work)

    repeats = options.repeats

    def repeated(name: str, pack: Path, count: int, start: str | None, **kw: Any) -> object:
        return merged([inproc(name, pack, work, count, start, **kw) for _ in range(repeats)])

    turns_data: dict[str, object] = {}
    turns_data["bundled"] = repeated("bundled", BUNDLED, turns, BUNDLED_SLUG, index=True)
    turns_data["bundled-seen"] = repeated(
        "bundled-seen", BUNDLED, turns, BUNDLED_SLUG, index=True, seen=True
    )
    turns_data["bundled-paced"] = inproc(
        "bundled-paced", BUNDLED, work, turns, BUNDLED_SLUG, index=True, pause=READING_PAUSE
    )
    turns_data[f"long-{LONG_WORDS}"] = inproc("long", long_pack, work, turns, None, index=False)
    for name, (pack, _slug) in packs.items():
        if name != "bundled":
            count = min(turns, 100)
            turns_data[name] = repeated(name, pack, count, None, index=False)
            turns_data[f"{name}-seen"] = repeated(
                f"{name}-seen", pack, count, None, index=False, seen=True
            )
    data["inproc"] = turns_data

    startup: dict[str, object] = {}
    for name, (pack, _slug) in packs.items():
        export = Export(Path(str(turns_data[name]["export"])))  # type: ignore[index]
        startup[name] = bench_startup(name, pack, export, work, runs)
        (work / "results.json").write_text(json.dumps(data | {"startup": startup}, indent=1))
    data["startup"] = startup
    data["importtime"] = import_times(BUNDLED, BUNDLED_SLUG, work)
    data["catalog"] = json.loads(
        run_child(
            [
                "-m",
                "benchmarks.catalog",
                *(str(p) for n, (p, _) in packs.items() if n != "bundled"),
            ],
            bench_env(work / "xdg-catalog"),
            timeout=1800,
        ).splitlines()[-1]
    )
    (work / "results.json").write_text(json.dumps(data, indent=1))
    write_report(data, options.out)
    log(f"wrote {options.out} (raw figures: {work / 'results.json'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
