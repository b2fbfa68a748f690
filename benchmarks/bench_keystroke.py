"""Time from the search debounce firing to the results shown in the real sidebar.

    python -m benchmarks.bench_keystroke [--sizes 10000,100000] [--queries 100]

Uses the synthetic packs and search caches of ``benchmarks/bench_search.py`` (under
/tmp/offline-reader-bench), builds the real main window offscreen, and for each query calls
the sidebar's ``run_search()`` (what the debounce timer calls) and then paints the results
list. Writes a section into docs/performance-search.md.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path("/tmp/offline-reader-bench")
DOC = ROOT / "docs" / "performance-search.md"
HEADING = "### Keystroke to results shown in the sidebar"


def queries_for(pack_titles: list[str], count: int) -> list[str]:
    rng = random.Random(7)
    words = [w for t in pack_titles for w in re.findall(r"[a-z]{4,}", t.lower())]
    out = []
    for _ in range(count):
        word = rng.choice(words)
        kind = rng.random()
        if kind < 0.4:
            out.append(word[: rng.randint(2, 4)])  # typing the start of a word
        elif kind < 0.8:
            out.append(word)
        else:
            out.append(f"{word} {rng.choice(words)[:3]}")
    return out


def measure(size: int, count: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from reader.find.index import SearchIndex
    from reader.gui.settings import Settings
    from reader.gui.window import MainWindow
    from reader.library.loading import load_pack

    app = QApplication.instance() or QApplication(sys.argv[:1])
    pack = load_pack(BENCH / f"pack-{size}-w600-s1")
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(pack, Settings.at(Path(tmp) / "s.ini"))
        window.resize(1280, 800)
        window.show()
        window.show_home()
        app.processEvents()
        index = SearchIndex.open(pack, BENCH / f"cache-{size}")
        window.sidebar.set_search_index(index)
        field = window.sidebar.search_field
        times = []
        for query in queries_for([a.title for a in pack.articles[:5000]], count):
            field.blockSignals(True)  # set the text without starting the debounce timer
            field.setText(query)
            field.blockSignals(False)
            start = time.perf_counter()
            window.sidebar.run_search()
            window.sidebar.results.viewport().repaint()
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        index.close()
        window.close()
    times.sort()
    return {
        "median": statistics.median(times),
        "p95": times[int(0.95 * (len(times) - 1))],
        "max": times[-1],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=100)
    options = parser.parse_args()
    rows = []
    for size in (int(s) for s in options.sizes.split(",")):
        result = measure(size, options.queries)
        print(size, result, flush=True)
        rows.append(
            f"| {size:,} | {options.queries} | {result['median']:.1f} ms | "
            f"{result['p95']:.1f} ms | {result['max']:.1f} ms |"
        )
    section = "\n".join(
        [
            HEADING,
            "",
            f"Command: `python -m benchmarks.bench_keystroke --sizes {options.sizes} "
            f"--queries {options.queries}` (offscreen; target: results shown ≤ 50 ms after the "
            "debounce fires at 100k). Time from `Sidebar.run_search()` (what the 150 ms "
            "debounce timer calls) until the results list has been painted.",
            "",
            "| articles | queries | median | p95 | max |",
            "|---:|---:|---:|---:|---:|",
            *rows,
            "",
        ]
    )
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    if HEADING in text:
        before, _, rest = text.partition(HEADING)
        after = rest.split("\n### ", 1)
        text = before + section + ("\n### " + after[1] if len(after) > 1 else "")
    else:
        text = text.rstrip() + "\n\n" + section
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
