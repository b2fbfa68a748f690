"""In-process page turns and memory, for the reader or for the floor (one process each).

    python -m benchmarks.inproc reader --pack DIR --export DIR [--turns 120] [--start SLUG]
                                       [--index-cache DIR] [--pause SECONDS] [--settle SECONDS]
    python -m benchmarks.inproc floor --export DIR [--pause SECONDS] [--settle SECONDS]

``reader`` builds the real MainWindow (offscreen), optionally waits for the search index from a
warm cache, then turns pages: Next (``act.next.trigger()``) while there is a next article, else
a sidebar click (``tree.setCurrentIndex``) back to the first. Each turn is timed until the new
document is laid out (``document().size()``) and the event queue is drained
(``processEvents()``, which also paints). In a burst of turns the Recommended panel is rebuilt
once the turns stop; the run reports how many turns left it for later and how long after the
last turn it showed the last page's recommendations. It writes the exact HTML it showed, the
article CSS and the titles to the export folder. ``floor`` replays the same pages with
``QTextBrowser.setHtml`` in benchmarks/floor.py's window. Both start turning :data:`SETTLE_S`
seconds after their first paint (the reader: after its search index, if it waits for it).
Both print one JSON line. With ``--pause`` the event loop runs between turns for that long,
as while someone reads: work the reader does in idle time (rendering the next page ahead) then
happens between turns, and only what is left is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.common import Export, read_ahead_peak, rss_kb, settle, wait_events

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

#: Seconds between the first paint and the first turn: someone looks at the first page before
#: turning, and a held key starts repeating only after a delay (660 ms in X11, 500 ms in GNOME).
SETTLE_S = 1.0

# PySide6 is imported where a window is built: a child process the reader starts (spawn)
# imports this module again, and the reader's own entry points import no Qt at module level.

_WRITE_CATALOG = (
    "import sys\nfrom pathlib import Path\nfrom reader.library.catalog import Catalog\n"
    "Catalog(Path(sys.argv[2])).load(sys.argv[1])\n"
)


def _idle(app: QApplication, seconds: float) -> None:
    """Let the event loop run for ``seconds``, as it does while someone reads the page."""
    if seconds > 0:
        wait_events(app, lambda: False, seconds)


def _timed(
    app: QApplication, turn: Callable[[], object], document_size: Callable[[], object]
) -> tuple[float, float]:
    started = time.perf_counter()
    turn()
    document_size()  # forces the layout to finish
    laid_out = time.perf_counter()
    app.processEvents()  # scroll bars, selection, the paint of the new page
    settled = time.perf_counter()
    return (laid_out - started) * 1000, (settled - started) * 1000


def panel_catch_up(app: QApplication, window: Any) -> dict[str, float]:
    """Time what a reader waits for at the end of a burst of turns: the last page's
    recommendations shown (the panel's deliberate wait included) and painted."""
    started, cpu = time.perf_counter(), time.process_time()
    wait_events(app, lambda: not window.sidebar.recommendations_pending(), 10)
    app.processEvents()
    return {
        "panel_catch_up_ms": (time.perf_counter() - started) * 1000,
        "panel_catch_up_cpu_ms": (time.process_time() - cpu) * 1000,
    }


def run_reader(options: argparse.Namespace) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from reader import APP_NAME, ORG_NAME
    from reader.gui.app import freeze_startup_objects
    from reader.gui.settings import Settings
    from reader.gui.window import MainWindow
    from reader.library.catalog import Catalog

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setStyle("Fusion")
    # As the reader does: from the pack's catalog (bodies read on demand). The catalog is
    # written first, in another process, so the memory figures are those of a normal start.
    catalog_dir = options.export / "catalog"
    subprocess.run(
        [sys.executable, "-c", _WRITE_CATALOG, str(options.pack), str(catalog_dir)],
        check=True,
        timeout=1800,
    )
    started = time.perf_counter()
    pack = Catalog(catalog_dir).load(options.pack, full_check=False)
    load_s = time.perf_counter() - started
    settings_file = options.export / "settings.ini"
    settings_file.unlink(missing_ok=True)
    window = MainWindow(pack, Settings.at(settings_file))
    if options.body_cache:
        window.renderer.use_disk_cache(options.body_cache)  # as reader.gui.app does
    window.open_article(options.start or pack.articles[0].slug)
    window.show()
    view = window.view
    painted: list[bool] = []
    view.first_painted.connect(lambda: painted.append(True))
    wait_events(app, lambda: bool(painted), 60)
    window.renderer.warm_up()  # as reader.gui.app does after the first paint
    if not options.no_freeze:
        freeze_startup_objects()  # likewise
    if not options.no_read_ahead:
        window.start_reading_ahead()  # likewise
    result: dict[str, object] = {"load_pack_s": load_s, "rss_start": rss_kb()}
    if options.index_cache:
        window.indexing.start(options.index_cache)
        ready = wait_events(app, lambda: window.search_index is not None, 900)
        result["index_ready"] = ready
        result["rss_index"] = rss_kb()
    # A reader looks at the first page before turning (and the read-ahead process may end
    # before the first turn: its memory is read meanwhile too).
    read_ahead_kb = settle(app, window, options.settle)

    export = Export(options.export)
    (export.folder / "pages").mkdir(parents=True, exist_ok=True)
    order: list[str] = [window.current or ""]
    turns: list[tuple[str, float, float]] = []
    tree = window.sidebar.tree
    model = window.sidebar.model
    first = pack.articles[0].slug
    deferred = 0
    converted = 0  # turns whose page the window converted from Markdown itself
    for _ in range(options.turns):
        conversions = window.renderer.conversions
        cpu = time.process_time()
        if window.act.next.isEnabled():
            kind = "next"
            laid, settled = _timed(app, window.act.next.trigger, view.document().size)
        else:
            kind = "click"
            index = model.index_of(first)
            laid, settled = _timed(
                app, lambda i=index: tree.setCurrentIndex(i), view.document().size
            )
        turns.append((kind, laid, settled, (time.process_time() - cpu) * 1000))
        converted += window.renderer.conversions > conversions
        read_ahead_kb = read_ahead_peak(window, read_ahead_kb)
        # In a burst of turns the Recommended panel is rebuilt once the turns stop
        # (Sidebar.follow_page): count the turns that left it for later.
        deferred += window.sidebar.recommendations_pending()
        order.append(window.current or "")
        _idle(app, options.pause)
    result["panel_deferred_turns"] = deferred
    result["converted_turns"] = converted
    result.update(panel_catch_up(app, window))
    result["rss_after_turns"] = rss_kb()
    if read_ahead_kb:  # the read-ahead process's peak while it ran (reader.page.ahead)
        result["rss_read_ahead"] = {"vmrss": read_ahead_kb, "vmhwm": read_ahead_kb}
    result["articles_opened"] = len(set(order))
    result["turns"] = turns
    result["words"] = {s: a.word_count for s in set(order) if (a := pack.get(s))}

    for slug in dict.fromkeys(order):
        article = pack.get(slug)
        assert article is not None
        page = window.renderer.article_page(article, window.recommender.recommend(slug))
        export.page(slug).write_text(page, encoding="utf-8")
    export.css.write_text(view.document().defaultStyleSheet(), encoding="utf-8")
    export.titles.write_text("\n".join(a.title for a in pack.articles) + "\n", encoding="utf-8")
    (export.folder / "pages.json").write_text(json.dumps(order), encoding="utf-8")
    window.close()
    return result


def run_floor(options: argparse.Namespace) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from benchmarks.floor import FloorWindow

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    export = Export(options.export)
    order = export.order()
    pages = {slug: export.page(slug).read_text(encoding="utf-8") for slug in set(order)}
    titles = export.titles.read_text(encoding="utf-8").splitlines()
    window = FloorWindow(titles, export.css.read_text(encoding="utf-8"))
    window.show_html(pages[order[0]])
    window.show()
    painted: list[bool] = []
    window.browser.first_painted.connect(lambda: painted.append(True))
    wait_events(app, lambda: bool(painted), 60)
    result: dict[str, object] = {"rss_start": rss_kb()}
    _idle(app, options.settle)  # as the reader's run does
    document_size = window.browser.document().size
    turns: list[tuple[str, float, float]] = []
    for i, slug in enumerate(order[1:], start=1):

        def turn(html: str = pages[slug], row: int = i) -> None:
            window.titles.setCurrentRow(row % window.titles.count())
            window.show_html(html)

        cpu = time.process_time()
        laid, settled = _timed(app, turn, document_size)
        # CPU time too: on a machine shared with other work it varies far less than wall time.
        turns.append(("setHtml", laid, settled, (time.process_time() - cpu) * 1000))
        _idle(app, options.pause)
    result["rss_after_turns"] = rss_kb()
    result["turns"] = turns
    window.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Page turns and memory, in one process.")
    parser.add_argument("program", choices=("reader", "floor"))
    parser.add_argument("--pack", type=Path)
    parser.add_argument("--export", type=Path, required=True)
    parser.add_argument("--turns", type=int, default=120)
    parser.add_argument("--start", help="slug of the first article shown")
    parser.add_argument("--no-freeze", action="store_true", help="skip gc.freeze() (compare)")
    parser.add_argument(
        "--no-read-ahead", action="store_true", help="convert no pages in a second process"
    )
    parser.add_argument("--index-cache", type=Path, help="wait for the search index from here")
    parser.add_argument(
        "--body-cache",
        type=Path,
        help="keep rendered bodies in this cache folder, as the reader does (a body found there "
        "is not converted again)",
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=SETTLE_S,
        help="seconds of event loop between the first paint and the first turn (default: "
        "%(default)s, as someone looks at the first page; a held key repeats only after a delay)",
    )
    parser.add_argument(
        "--pause",
        type=float,
        default=0.0,
        help="seconds of event loop between turns, as a reader reads (default: none)",
    )
    options = parser.parse_args(argv)
    options.export.mkdir(parents=True, exist_ok=True)
    result = run_reader(options) if options.program == "reader" else run_floor(options)
    print(json.dumps(result), flush=True)
    # Skip interpreter teardown: PySide6 6.12 can crash while finalising ("none_dealloc").
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
