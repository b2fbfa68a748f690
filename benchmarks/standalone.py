"""The standalone build against ``python -m reader`` and the floor: size and start-up.

    python -m benchmarks.standalone [--program dist/offline-reader/offline-reader] [--runs 7]

Build the folder first (``sh scripts/setup standalone``). Every run is a new process on the
bundled pack, with a fresh settings file and the caches a first start leaves behind (the
discarded warm-up round writes them); the three programs run in rotating order. Figures:
spawn → exit of ``--version``; spawn → first paint of the article (``--exit-after-paint``,
the same measure as benchmarks/startup.py, so the floor compares); spawn → exit of
``--screenshot FILE``. Writes docs/performance-standalone.md, which ``python -m
benchmarks.run`` pastes into docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

from benchmarks.common import (
    BUNDLED,
    BUNDLED_SLUG,
    PYTHON,
    ROOT,
    Export,
    bench_env,
    compile_bytecode,
    log,
    machine,
    parse_first_paint,
    run_child,
    summary,
)
from benchmarks.startup import command as floor_command

PROGRAMS = ("standalone", "reader", "floor")


def folder_size(folder: Path) -> tuple[int, int]:
    """Return the bytes and the number of files under ``folder``."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def archive_size(folder: Path, work: Path) -> int:
    """Return the size of the folder as a .tar.gz, the form it would be handed out in."""
    out = work / "offline-reader.tar.gz"
    with tarfile.open(out, "w:gz") as tar:
        tar.add(folder, arcname=folder.name)
    return out.stat().st_size


def argv(program: str, exe: Path, export: Export, work: Path, mode: str) -> list[str]:
    settings = work / f"settings-{program}.ini"
    settings.unlink(missing_ok=True)
    if program == "floor":
        return [PYTHON, *floor_command("floor", BUNDLED, export, BUNDLED_SLUG, settings)]
    base = [str(exe)] if program == "standalone" else [PYTHON, "-m", "reader"]
    if mode == "version":
        return [*base, "--version"]
    args = [*base, "--article", BUNDLED_SLUG, "--settings", str(settings)]
    if mode == "screenshot":
        return [*args, "--screenshot", str(work / f"{program}.png")]
    return [*args, "--exit-after-paint"]


def run_once(args: list[str], env: dict[str, str], paint: bool) -> tuple[float, float]:
    """Run one child; return ms to its first paint (or to its exit) and its CPU ms in all."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300, check=False)
    ended = time.monotonic()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{args} exited with {done.returncode}:\n{done.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    if paint:
        return (parse_first_paint(done.stdout)["monotonic"] - started) * 1000, cpu
    return (ended - started) * 1000, cpu


def measure(exe: Path, work: Path, runs: int) -> dict[str, dict[str, list[float]]]:
    """Return ``{mode: {program: [ms, …]}}``; ``cpu-MODE`` holds the CPU time of each run."""
    export = Export(work / "export")
    run_child(  # the page the floor shows, exactly as the reader rendered it
        [
            "-m",
            "benchmarks.inproc",
            "reader",
            "--pack",
            str(BUNDLED),
            "--export",
            str(export.folder),
            "--turns",
            "1",
            "--start",
            BUNDLED_SLUG,
        ],
        bench_env(work / "xdg-export"),
    )
    env = bench_env(work / "xdg")
    frozen_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    modes = ("version", "paint", "screenshot")
    results: dict[str, dict[str, list[float]]] = {
        name: {p: [] for p in PROGRAMS} for mode in modes for name in (mode, f"cpu-{mode}")
    }
    for round_ in range(runs + 1):  # round 0 writes the caches and warms the file cache
        order = PROGRAMS[round_ % 3 :] + PROGRAMS[: round_ % 3]
        for mode in modes:
            for program in order:
                if program == "floor" and mode != "paint":
                    continue
                args = argv(program, exe, export, work, mode)
                took, cpu = run_once(
                    args, frozen_env if program == "standalone" else env, mode == "paint"
                )
                if round_:
                    results[mode][program].append(took)
                    results[f"cpu-{mode}"][program].append(cpu)
        log(f"round {round_}/{runs} done")
    return results


def cell(values: list[float]) -> str:
    s = summary(values)
    return f"{s['median']:,.0f} ({s['min']:,.0f}–{s['max']:,.0f})"


def report(
    exe: Path, results: dict[str, dict[str, list[float]]], sizes: dict[str, int], load: float
) -> str:
    m = machine()
    median = {
        mode: {p: summary(v)["median"] for p, v in by.items() if v} for mode, by in results.items()
    }
    floor = median["paint"]["floor"]
    cpu_floor = median["cpu-paint"]["floor"]
    mib = 1024 * 1024
    lines = [
        "# Standalone build",
        "",
        f"`python -m benchmarks.standalone` ({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; "
        f"{m['cpu']}, {m['cores']} cores; Python {m['python']}, PySide6 {m['pyside6']}; "
        f"offscreen): the folder `sh scripts/setup standalone` builds with PyInstaller "
        f"(`{exe.relative_to(ROOT) if exe.is_relative_to(ROOT) else exe}`), against "
        "`python -m reader` from the project's venv and the floor, on the bundled pack. "
        f"Median (min–max) of {len(results['paint']['reader'])} runs each, in milliseconds; "
        "a later start (caches written by a discarded first round), fresh settings each run. "
        "CPU time is user + system time of the whole process, from its exit status "
        "(`getrusage`): on a busy machine it moves less than the time on the clock. "
        f"Load average over the runs: {load:.1f} on {m['cores']} cores.",
        "",
        "| | Standalone | `python -m reader` | Floor |",
        "|---|---|---|---|",
        f"| Spawn → exit of `--version` | {cell(results['version']['standalone'])} "
        f"| {cell(results['version']['reader'])} | – |",
        f"| CPU time of `--version` | {cell(results['cpu-version']['standalone'])} "
        f"| {cell(results['cpu-version']['reader'])} | – |",
        f"| Spawn → first paint of the article | {cell(results['paint']['standalone'])} "
        f"| {cell(results['paint']['reader'])} | {cell(results['paint']['floor'])} |",
        f"| Ratio to the floor, first paint | {median['paint']['standalone'] / floor:.2f} × "
        f"| {median['paint']['reader'] / floor:.2f} × | 1.00 × |",
        f"| CPU time of a start that exits after the first paint "
        f"| {cell(results['cpu-paint']['standalone'])} | {cell(results['cpu-paint']['reader'])} "
        f"| {cell(results['cpu-paint']['floor'])} |",
        f"| Ratio to the floor, CPU time | {median['cpu-paint']['standalone'] / cpu_floor:.2f} × "
        f"| {median['cpu-paint']['reader'] / cpu_floor:.2f} × | 1.00 × |",
        f"| Spawn → exit of `--screenshot FILE` | {cell(results['screenshot']['standalone'])} "
        f"| {cell(results['screenshot']['reader'])} | – |",
        f"| CPU time of `--screenshot FILE` | {cell(results['cpu-screenshot']['standalone'])} "
        f"| {cell(results['cpu-screenshot']['reader'])} | – |",
        "",
        f"Size: {sizes['bytes'] / mib:,.0f} MiB in {sizes['files']:,} files "
        f"({sizes['archive'] / mib:,.0f} MiB as a .tar.gz), of which the bundled pack and "
        f"resources are {sizes['data'] / mib:,.1f} MiB.",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--program", type=Path, default=ROOT / "dist" / "offline-reader" / "offline-reader"
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance-standalone.md")
    options = parser.parse_args()
    exe = options.program.resolve()
    if not os.access(exe, os.X_OK):
        parser.error(f"{exe} not found: build it with 'sh scripts/setup standalone'")
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="standalone-bench-") as tmp:
        work = Path(tmp)
        results = measure(exe, work, options.runs)
        load = os.getloadavg()[1]  # the last five minutes: while the runs ran
        size, files = folder_size(exe.parent)
        data, _ = folder_size(exe.parent / "_internal" / "reader" / "_data")
        sizes = {"bytes": size, "files": files, "archive": archive_size(exe.parent, work)}
        sizes["data"] = data
    text = report(exe, results, sizes, load)
    options.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
