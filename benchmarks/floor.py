"""The floor: the least a PySide6 program can do to show the reader's first page.

    python benchmarks/floor.py --titles TITLES.txt --html PAGE.html [--css PAGE.css]
                               [--size 1100x720] [--exit-after-paint]

A bare QMainWindow with a QListWidget of the article titles (one per line in TITLES.txt) beside
a QTextBrowser that shows an article page already rendered to HTML by the reader (so the floor
pays for no Markdown, no pack loading and no Python code of ours). With ``--css`` the page gets
the reader's article style sheet, so both programs lay out the same styled document. With
``--exit-after-paint`` it prints the same ``first-paint: monotonic=… since_start_ms=…`` line as
``offline-reader --exit-after-paint`` from the browser's first paintEvent, then quits.

Only the standard library and PySide6 are imported: this is the physical limit of the toolkit
for this job, against which benchmarks/run.py measures the reader.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QSplitter, QTextBrowser

#: The reader's article view: 12 pt body text, 24 px document margin.
BASE_POINT_SIZE = 12.0
DOCUMENT_MARGIN = 24


class FloorBrowser(QTextBrowser):
    """A QTextBrowser that says when it first painted a non-empty document."""

    first_painted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._painted = False
        self.setOpenLinks(False)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        font = self.document().defaultFont()
        font.setPointSizeF(BASE_POINT_SIZE)
        self.document().setDefaultFont(font)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if not self._painted and self.document().characterCount() > 1:
            self._painted = True
            self.first_painted.emit()


class FloorWindow(QMainWindow):
    """Titles on the left, the page on the right: the reader's layout with nothing else."""

    def __init__(self, titles: list[str], css: str = "") -> None:
        super().__init__()
        self.setWindowTitle("Floor")
        self.titles = QListWidget()
        self.titles.setUniformItemSizes(True)  # what any long list would do
        self.titles.addItems(titles)
        self.browser = FloorBrowser()
        if css:
            self.browser.document().setDefaultStyleSheet(css)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.titles)
        splitter.addWidget(self.browser)
        splitter.setSizes([340, 860])
        self.setCentralWidget(splitter)
        self.resize(1100, 720)

    def show_html(self, html: str) -> None:
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(0)


def report_first_paint() -> None:
    """Print the line benchmarks/startup.py parses (same format as the reader's)."""
    now = time.monotonic()
    extra = ""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        boot = time.clock_gettime(time.CLOCK_BOOTTIME)
        extra = f" since_start_ms={(boot - ticks / os.sysconf('SC_CLK_TCK')) * 1000:.1f}"
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                extra += f" {line[:5].lower()}_kb={line.split()[1]}"
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    extra += f" cpu_ms={time.process_time() * 1000:.1f}"  # user + system time
    print(f"first-paint: monotonic={now:.6f}{extra}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--titles", type=Path, required=True, help="one title per line")
    parser.add_argument("--html", type=Path, required=True, help="the page to show")
    parser.add_argument("--css", type=Path, help="default style sheet for the page")
    parser.add_argument("--size", default="1100x720", metavar="WxH")
    parser.add_argument("--exit-after-paint", action="store_true")
    options = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")  # as the reader does
    titles = options.titles.read_text(encoding="utf-8").splitlines()
    css = options.css.read_text(encoding="utf-8") if options.css else ""
    window = FloorWindow(titles, css)
    width, height = (int(v) for v in options.size.split("x"))
    window.resize(width, height)
    window.show_html(options.html.read_text(encoding="utf-8"))
    if options.exit_after_paint:
        window.browser.first_painted.connect(report_first_paint)
        window.browser.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
