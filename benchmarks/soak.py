"""Kiosk soak: many navigations, searches and idle resets in one process; RSS at start and end.

    python -m benchmarks.soak [--steps 10000]

Runs the real window in kiosk mode over the bundled pack (offscreen), and in each step opens
the next article (wrapping at the end), every 10th step runs a search and opens a result, and
every 100th step does a full reset for the next visitor. RSS is read from /proc after a
warm-up of 200 steps and at the end; the figure goes into docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000)
    options = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from reader.gui.kiosk import KioskController
    from reader.gui.settings import Settings
    from reader.gui.window import MainWindow
    from reader.kiosk_config import KioskConfig
    from reader.pack import load_pack
    from reader.paths import bundled_dir
    from reader.search import SearchIndex

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
        window._on_index_ready(index)  # as the index thread would
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
        gc.collect()
        end = rss_mb()
        window.stop_search_index()
    print(
        f"steps={options.steps} rss_after_warmup_mb={start:.1f} rss_end_mb={end:.1f} "
        f"growth_mb={end - start:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
