"""Where does the reader's start-up time go? Time each phase of ``reader.gui.app.run`` in-process.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.phases [PACK_DIR] [--article SLUG]

Prints one line per phase (milliseconds since the interpreter started, and the phase's own
share): imports, QApplication, load_pack, MainWindow(), the first article, show, first paint.
It rebuilds the steps of ``run()`` rather than calling it, so keep the two in step.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

T0 = time.perf_counter()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pack", nargs="?", type=Path)
    parser.add_argument("--article")
    parser.add_argument(
        "--cache", type=Path, help="cache folder (catalog, rendered pages), as the reader uses one"
    )
    options = parser.parse_args(argv)
    marks: list[tuple[str, float]] = [("interpreter up to here", time.perf_counter())]

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter()))

    import gc

    gc.disable()  # as reader.cli.main() does, from before the imports to the first paint
    from PySide6.QtWidgets import QApplication

    mark("import PySide6.QtWidgets")
    from reader.gui import app as app_module
    from reader.gui.settings import Settings
    from reader.gui.window import MainWindow
    from reader.library.catalog import Catalog
    from reader.library.loading import load_pack
    from reader.paths import bundled_dir

    mark("import reader.gui.app and window")
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    mark("QApplication + style")
    root = options.pack or bundled_dir("content")
    pack = Catalog(options.cache).load(root, full_check=False) if options.cache else load_pack(root)
    mark(f"load_pack ({len(pack.articles)} articles)")
    settings_file = Path(f"/tmp/phases-{os.getpid()}.ini")
    window = MainWindow(pack, Settings.at(settings_file))
    if options.cache:
        window.renderer.use_disk_cache(options.cache)
    mark("MainWindow()")
    app_module.start_page(window, options.article or pack.articles[0].slug, home=False)
    mark("first article rendered and set")
    painted: list[float] = []
    window.view.first_painted.connect(lambda: painted.append(time.perf_counter()))
    window.show()
    mark("show()")
    while not painted:
        app.processEvents()
    marks.append(("first paint", painted[0]))
    previous = T0
    for name, at in marks:
        print(f"{(at - T0) * 1000:8.1f} ms  +{(at - previous) * 1000:7.1f}  {name}")
        previous = at
    settings_file.unlink(missing_ok=True)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
