"""Kiosk soak: many navigations, searches and idle resets in one process; RSS at start and end.

    python -m benchmarks.soak [--steps 10000]

Runs the real window in kiosk mode over the bundled pack (offscreen), and in each step opens
the next article (wrapping at the end), every 10th step runs a search and opens a result, and
every 100th step does a full reset for the next visitor. After each step the pending events
are processed as the event loop would, including deferred deletions. RSS is read from /proc
after a warm-up of 200 steps and at the end; the result is written to
docs/performance-soak.md, which ``python -m benchmarks.run`` pastes into docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SOAK_REPORT = Path(__file__).resolve().parent.parent / "docs" / "performance-soak.md"
#: The issue's limit for RSS growth over 10,000 steps.
TARGET_MB = 5.0


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=SOAK_REPORT, help="report file to write")
    options = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from reader.find.index import SearchIndex
    from reader.gui.kiosk.config import KioskConfig
    from reader.gui.kiosk.controller import KioskController
    from reader.gui.settings import Settings
    from reader.gui.window import MainWindow
    from reader.library.loading import load_pack
    from reader.paths import bundled_dir

    app = QApplication.instance() or QApplication(sys.argv[:1])
    words = ["cancer", "blood test", "cough", "itch", "skin", "urine", "eating", "npc", "pain"]
    with tempfile.TemporaryDirectory() as tmp:
        pack = load_pack(bundled_dir("content"))
        window = MainWindow(pack, Settings.at(Path(tmp) / "s.ini"))
        kiosk = KioskController(window, KioskConfig(kiosk=True))
        window.resize(1280, 800)
        window.show()
        window.show_home()
        index = SearchIndex.open(pack, Path(tmp) / "cache")
        window.indexing.use(index)  # as the index thread would
        start = 0.0
        for step in range(options.steps):
            if step == 200:
                gc.collect()
                start = rss_mb()
            if window.act.next.isEnabled():
                window.act.next.trigger()
            else:
                window.show_home()
            if step % 10 == 0:
                window.sidebar.search_field.setText(words[step % len(words)])
                window.sidebar.open_first_result()
            if step % 100 == 99:
                kiosk.reset()
            app.processEvents()
            # What the event loop does between events: deleteLater() of finished animations.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        end = rss_mb()
        window.indexing.stop()
    print(
        f"steps={options.steps} rss_after_warmup_mb={start:.1f} rss_end_mb={end:.1f} "
        f"growth_mb={end - start:.1f}"
    )
    write_report(options.out, options.steps, start, end)
    return 0


def write_report(out: Path, steps: int, start: float, end: float) -> None:
    from benchmarks.common import machine

    m = machine()
    growth = end - start
    verdict = "met" if growth < TARGET_MB else "missed"
    when = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    out.write_text(
        "# Kiosk soak\n\n"
        f"`python -m benchmarks.soak --steps {steps}` ({when}; {m['cpu']}, {m['cores']} cores; "
        f"Python {m['python']}, PySide6 {m['pyside6']}): the real window in kiosk mode over "
        f"the bundled pack (offscreen), {steps:,} page turns, {steps // 10:,} searches with a "
        f"result opened and {steps // 100:,} full resets for the next visitor, in one process.\n"
        "\n"
        "| RSS after 200 warm-up steps | RSS at the end | Growth | Target |\n"
        "|---|---|---|---|\n"
        f"| {start:.1f} MB | {end:.1f} MB | {growth:+.1f} MB | < {TARGET_MB:g} MB — "
        f"**{verdict}** |\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    sys.exit(main())
