"""Shared helpers for the performance benchmarks: packs, environment, statistics, /proc."""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
#: Where generated packs, exported pages and caches live between runs.
DEFAULT_WORK = Path(os.environ.get("READER_BENCH_WORK", "/tmp/offline-reader-perf"))
BUNDLED = ROOT / "content"
#: Article shown by every start-up run on the bundled pack (the README screenshot's).
BUNDLED_SLUG = "npc-spread-during-treatment"
LONG_WORDS = 10_000


def bench_env(cache_home: Path, config_home: Path | None = None) -> dict[str, str]:
    """Return the environment for a benchmarked child: offscreen Qt, private XDG folders."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CACHE_HOME"] = str(cache_home)
    env["XDG_CONFIG_HOME"] = str(config_home or cache_home.parent / "config")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    # As installed (pip compiles every module): the reader's modules run from bytecode, not
    # recompiled from source on each start (see compile_bytecode()).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_bytecode() -> None:
    """Compile the reader and the benchmarks to bytecode, as ``pip install`` does."""
    import compileall

    for folder in ("reader", "benchmarks"):
        compileall.compile_dir(ROOT / folder, quiet=1)


def rss_kb(pid: int | str = "self") -> dict[str, int]:
    """Return VmRSS and VmHWM (peak) of a process in KiB, from /proc/PID/status."""
    out: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            out[line[:5].lower()] = int(line.split()[1])
    return out


def read_ahead_peak(window: Any, peak: int) -> int:
    """Return ``peak`` or, if higher, the peak RSS (KiB) of the window's read-ahead process
    (reader.page.ahead) while it runs: it can end at any moment (a small library converted)."""
    pid = window.ahead.pid if window.ahead else None
    if pid is None:
        return peak
    try:
        return max(peak, rss_kb(pid).get("vmhwm", 0))
    except OSError:  # it has just ended
        return peak


def settle(app: Any, window: Any, seconds: float) -> int:
    """Run ``app``'s event loop for ``seconds``, reading the peak RSS of the window's
    read-ahead process as it goes (see :func:`read_ahead_peak`); return it (KiB, 0 if none)."""
    peak = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        wait_events(app, lambda: False, min(0.05, max(0.0, end - time.monotonic())))
        peak = read_ahead_peak(window, peak)
    return peak


def summary(values: list[float]) -> dict[str, float]:
    """Median, min, max, quartiles and p95 of ``values``."""
    ordered = sorted(values)
    n = len(ordered)
    q = statistics.quantiles(ordered, n=20, method="inclusive") if n > 1 else [ordered[0]] * 19
    quart = statistics.quantiles(ordered, n=4, method="inclusive") if n > 1 else [ordered[0]] * 3
    return {
        "n": n,
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "q1": quart[0],
        "q3": quart[2],
        "p95": q[18],
    }


def parse_first_paint(stdout: str) -> dict[str, float]:
    """Parse ``first-paint: monotonic=… since_start_ms=… vmrss_kb=…`` into a dict."""
    for line in stdout.splitlines():
        if line.startswith("first-paint:"):
            return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
    raise RuntimeError(f"no first-paint line in output:\n{stdout[-2000:]}")


def ensure_synth(work: Path, articles: int) -> Path:
    """Return a synthetic pack of ``articles`` articles, generating it once (benchmarks/synth)."""
    root = work / f"synth-{articles}"
    done = root / ".synth-done"
    if done.exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    started = time.perf_counter()
    synth.generate(root, articles)
    log(f"generated {articles} articles in {time.perf_counter() - started:.1f} s")
    done.write_text("ok\n")
    return root


def ensure_long_pack(work: Path, words: int = LONG_WORDS) -> Path:
    """Return a small pack of three articles of ``words`` words each (headings, lists, tables)."""
    root = work / f"long-{words}"
    done = root / ".done"
    if done.exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    import random

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    rng = random.Random(7)
    vocab = synth.COMMON + synth.HEALTH
    (root / "long").mkdir(parents=True)
    (root / "pack.toml").write_text(
        'title = "Long articles"\nlanguage = "en"\n\n[[categories]]\nid = "long"\nname = "Long"\n',
        encoding="utf-8",
    )
    for n in range(3):
        parts: list[str] = []
        count = 0
        section = 0
        while count < words:
            if count % 600 == 0:
                section += 1
                parts.append(f"## Section {section}: {' '.join(rng.sample(vocab, 3))}")
            if section % 3 == 0 and count % 600 == 0:
                rows = [f"| {rng.choice(vocab)} | {rng.randint(1, 99)} mg |" for _ in range(5)]
                parts.append("| Thing | Dose |\n|---|---|\n" + "\n".join(rows))
                count += 15
            if section % 2 == 0 and count % 600 == 0:
                parts.append("\n".join(f"- {' '.join(rng.choices(vocab, k=8))}" for _ in range(5)))
                count += 40
            sentence_words = rng.choices(vocab, k=80)
            sentence_words[3] = f"**{sentence_words[3]}**"
            sentence_words[10] = f"[{sentence_words[10]}](long-{(n + 1) % 3}.md)"
            parts.append(" ".join(sentence_words).capitalize() + ".")
            count += 80
        (root / "long" / f"long-{n}.md").write_text(
            f"---\ntitle: Long article {n}\nsummary: {words} words.\ncategory: long\n"
            f"order: {n}\nreviewed: 2026-01-01\nreviewed_by: Dr Test, GP\n---\n\n"
            + "\n\n".join(parts)
            + "\n",
            encoding="utf-8",
        )
    done.write_text("ok\n")
    return root


@dataclass(frozen=True, slots=True)
class Export:
    """What the floor needs: titles in pack order, the page HTML and the article CSS."""

    folder: Path

    @property
    def titles(self) -> Path:
        return self.folder / "titles.txt"

    @property
    def css(self) -> Path:
        return self.folder / "article.css"

    def page(self, slug: str) -> Path:
        return self.folder / "pages" / f"{slug}.html"

    def order(self) -> list[str]:
        return json.loads((self.folder / "pages.json").read_text(encoding="utf-8"))


def run_child(args: list[str], env: dict[str, str], timeout: float = 900) -> str:
    """Run a Python child to completion; return its stdout, raise with its stderr on failure."""
    done = subprocess.run(
        [PYTHON, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{args} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout


def wait_events(app: Any, done: Callable[[], bool], timeout: float) -> bool:
    """Run ``app``'s event loop until ``done()``; False if ``timeout`` seconds pass first."""
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.002)
    return True


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def write_outputs(text: str, out: Path, raw: Path | None, results: object) -> None:
    """Write a benchmark's Markdown report to ``out`` (and its raw figures to ``raw``); print it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    if raw:
        raw.write_text(json.dumps(results, indent=2, default=str))
    print(text)


def machine() -> dict[str, str]:
    """Describe the machine and the software versions for the report."""
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"') + f" (kernel {platform.release()})"
    except OSError:
        pass
    import PySide6
    from PySide6.QtCore import qVersion

    return {
        "cpu": cpu_model(),
        "cores": str(os.cpu_count()),
        "ram": mem,
        "os": os_name,
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
    }


def size_options(description: str, sizes: str, out: str) -> argparse.ArgumentParser:
    """Return a parser with the options of the benchmarks that build synthetic packs of
    several sizes (``--sizes``, ``--words``, ``--seed``, ``--work``, ``--out``, ``--json``)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sizes", default=sizes, help=f"comma-separated (default {sizes})")
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/offline-reader-bench"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / out)
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    return parser


def sizes_and_command(
    options: argparse.Namespace, script: str, argv: list[str] | None
) -> tuple[list[int], str]:
    """Return the pack sizes asked for and the command line to quote in the report."""
    options.work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in options.sizes.split(",") if s.strip()]
    command = f"python {script} " + " ".join(sys.argv[1:] if argv is None else argv)
    return sizes, command.strip()
