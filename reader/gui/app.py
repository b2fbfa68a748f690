"""Build the application's services and window, then run the event loop."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QObject,
    QSettings,
    QStandardPaths,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reader import APP_NAME, ORG_NAME
from reader.gui.language import Translators, system_language, warn_if_no_cjk_font
from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.library.catalog import Catalog
from reader.library.languages import is_cjk, pack_languages
from reader.library.pack import Pack, PackError
from reader.paths import SYSTEM_CONFIG, bundled_dir, cache_dir
from reader.themes import clamp_text_size

if TYPE_CHECKING:
    from reader.gui.kiosk.config import KioskConfig

logger = logging.getLogger(__name__)


def run(options: argparse.Namespace) -> int:
    """Start the reader with parsed command-line ``options``; return the exit code."""
    gc.disable()  # until the first paint: see freeze_startup_objects()
    try:
        return _run(options)
    finally:
        gc.enable()  # whichever way start-up ended (freeze_startup_objects may have already)


def _run(options: argparse.Namespace) -> int:
    # Fusion: the same look everywhere, and it follows our palette. A new application gets it
    # on its command line: setStyle() hands Python a QStyle, 4 ms of set-up at every start.
    existing = QApplication.instance()
    if existing is None:
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    else:
        assert isinstance(existing, QApplication)
        app = existing
        app.setStyle("Fusion")
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    # The desktop file's name, so a Wayland compositor finds its icon and menu entry.
    app.setDesktopFileName("io.github.offline_reader.OfflineReader")
    translators = Translators(app)
    translators.install(options.lang or system_language())  # settings may change it below

    config_path = options.config or (SYSTEM_CONFIG if SYSTEM_CONFIG.is_file() else None)
    config: KioskConfig | None = None
    if config_path is not None or options.kiosk:
        # Imported only here: a desktop start without a kiosk.toml does not need tomllib and
        # the configuration module (~15 ms at start-up, python -X importtime).
        from reader.gui.kiosk.config import load_config

        config = load_config(config_path)
    kiosk = options.kiosk or (config is not None and config.kiosk)
    if kiosk:
        _log_to_file()
        from PySide6.QtCore import QDir, QLockFile  # kiosks only

        lock = QLockFile(str(Path(QDir.tempPath()) / "offline-reader-kiosk.lock"))
        if not lock.tryLock(100):
            print("Offline Reader is already running on this terminal.", file=sys.stderr)
            return 1
    sys.excepthook = _kiosk_excepthook if kiosk else _excepthook

    content = options.content or (Path(config.content) if config and config.content else None)
    cache = cache_dir()
    catalog = Catalog(cache)
    progress, close_progress = load_progress()
    # A ZIM archive: any file, or a missing .zim (reader.library.zim.is_zim, not imported here
    # so that a pack's start does not import it).
    archive = content is not None and (
        content.is_file() or (content.suffix.lower() == ".zim" and not content.is_dir())
    )
    try:
        pack = open_archive(app, content, kiosk) if content is not None and archive else None
        # The catalog is trusted if no folder changed; verify_pack_later() checks every file.
        pack = pack or catalog.load(
            (None if archive else content) or bundled_dir("content"),
            full_check=False,
            defer_save=True,  # a missing catalog is written after the first paint
            progress=progress,
        )
    except PackError as exc:
        close_progress()
        logger.error("%s", exc)
        if not kiosk:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(
                None,
                app.translate("run", "Offline Reader"),
                app.translate("run", "The content pack could not be opened:\n{error}").format(
                    error=exc
                ),
            )
        return 1
    close_progress()
    if kiosk:
        from reader.gui.kiosk.config import KioskConfig, kiosk_pack

        config = config or KioskConfig()
        pack = kiosk_pack(pack, config)

    settings = (
        Settings.at(options.settings)
        if options.settings
        else Settings(
            QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, "reader")
        )
    )
    language = start_language(options.lang, config if kiosk else None, settings.language)
    translators.install(language)
    if options.lang and not kiosk:
        settings.language = translators.language
    if options.theme:
        settings.theme = options.theme
    if options.text_size:
        settings.text_size = clamp_text_size(options.text_size)
    window = MainWindow(pack, settings, language=translators.language, translators=translators)
    window.renderer.use_disk_cache(cache)
    if read_resource := getattr(pack, "read_resource", None):  # a ZIM archive's images
        window.view.set_resource_reader(read_resource)
    if kiosk:
        from reader.gui.kiosk.controller import KioskController

        assert config is not None  # set with the pack above whenever kiosk is true
        look = replace(
            config,
            theme=options.theme or config.theme,
            text_size=clamp_text_size(options.text_size or config.text_size),
            language=translators.language,  # what each reset returns to: --lang wins
        )
        window.kiosk_controller = KioskController(window, look)  # type: ignore[attr-defined]
    if options.size:
        try:
            width, height = (int(v) for v in options.size.lower().split("x"))
            window.resize(width, height)
        except ValueError:
            logger.warning("ignored --size %r: expected WIDTHxHEIGHT", options.size)
    start_page(window, options.article, options.home or kiosk)
    if options.exit_after_paint:
        window.view.first_painted.connect(_report_first_paint)  # timed inside paintEvent
    if options.screenshot or options.exit_after_paint:
        window.view.first_painted.connect(
            lambda: QTimer.singleShot(0, lambda: _after_first_paint(window, options.screenshot))
        )
    if kiosk and not options.size:
        window.showFullScreen()
    else:
        window.show()
    # Configuration problems are in the log (load_config) and `offline-reader kiosk-check`;
    # a visitor never sees file paths or option names, nor the staff's Help menu.
    if not kiosk:
        window.announce_problems()
    # The Markdown converter is built after the first paint (a home page needs none), before
    # gc.freeze() so its long-lived objects are frozen with the rest.
    _after_first_paint_or_2s(window, window.renderer.warm_up)
    _after_first_paint_or_2s(window, freeze_startup_objects)
    # A pack with hidden articles is searched in memory: the cached index holds every article.
    index_cache = None if pack.hidden else cache
    _after_first_paint_or_2s(window, lambda: window.indexing.start(index_cache))
    _after_first_paint_or_2s(window, lambda: verify_pack_later(window, catalog, kiosk))
    _after_first_paint_or_2s(window, window.start_reading_ahead)
    link = Path(content or bundled_dir("content")).expanduser()
    if link.is_symlink():  # an installed library (offline-reader pack install): follow updates
        from reader.gui.library_watch import follow_updates

        follow_updates(window, link, catalog, cache, kiosk)
    if translators.language != "en" or _pack_has_cjk(pack):  # asks fontconfig: after the paint
        _after_first_paint_or_2s(window, warn_if_no_cjk_font)
    status = app.exec()
    window.stop_workers()  # a kiosk's admin exit ends the loop without closing the window
    _join_background_threads()
    return status


def start_language(command_line: str | None, kiosk: KioskConfig | None, remembered: str) -> str:
    """Return the interface language to start in: ``--lang``; else a kiosk's ``language``
    (kiosk.toml), a desktop's last choice (View › Language); else the system's."""
    chosen = kiosk.language if kiosk is not None else remembered
    return command_line or chosen or system_language()


#: Seconds the pack check and the catalog writer get to finish after the event loop ends.
BACKGROUND_JOIN_S = 5.0


def _join_background_threads() -> None:
    """Let the catalog writer finish its file, rather than be cut off at interpreter exit."""
    for thread in threading.enumerate():
        if thread.name in {"save-catalog", "verify-pack"}:
            thread.join(BACKGROUND_JOIN_S)


def open_archive(app: QApplication, path: Path, kiosk: bool) -> Pack | None:
    """Open a ZIM archive; if it cannot be read, say why once and return None (the bundled
    library opens instead, so the reader stays usable)."""
    from reader.library.zim import open_zim  # libzim only for an archive

    try:
        return open_zim(path)
    except PackError as exc:
        logger.error("%s", exc)
        if not kiosk:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                None,
                app.translate("run", "Offline Reader"),
                app.translate(
                    "run",
                    "The archive could not be opened:\n{error}\n\n"
                    "The bundled library opens instead.",
                ).format(error=exc),
            )
        return None


def _after_first_paint_or_2s(window: MainWindow, start: Callable[[], object]) -> None:
    """Run ``start`` once, after the first page is painted (or after 2 s at most).

    Background work started with a zero-delay timer ran before the first paint and competed
    with the UI thread for the GIL while the first page was being laid out
    (docs/performance.md).
    """
    started = False

    def once() -> None:
        nonlocal started
        if not started and window.isVisible():  # not after --exit-after-paint closed it
            started = True
            start()

    window.view.first_painted.connect(lambda: QTimer.singleShot(0, once))
    QTimer.singleShot(2000, once)  # in case the page is never painted (e.g. minimised)


#: Seconds a pack load must already have taken before a progress window appears.
PROGRESS_AFTER_S = 0.4


def load_progress(
    show_after: float = PROGRESS_AFTER_S,
) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """Return ``(progress, close)``: a ``load_pack`` progress callback and its clean-up.

    A load that reads every file of a big pack (the first start, or after a content update)
    takes seconds; from ``show_after`` seconds into it a small window says how far it has got
    (:class:`reader.gui.splash.LoadingSplash`, imported only then). Events are processed at
    each report so that it paints.
    """
    started = time.monotonic()
    shown: list[Any] = []

    def progress(done: int, total: int) -> None:
        if not shown:
            if time.monotonic() - started < show_after:
                return
            from reader.gui.splash import LoadingSplash

            shown.append(LoadingSplash())
            shown[0].show()
        shown[0].set_progress(done, total)
        QApplication.processEvents()

    def close() -> None:
        if shown:
            splash = shown.pop()
            splash.close()
            splash.deleteLater()

    return progress, close


def freeze_startup_objects() -> None:
    """Keep the garbage collector away from everything built at start-up.

    The pack, its articles and the window live as long as the process; a full collection
    walked all of them (100,000 articles: p95 page turn ~300 ms, docs/performance.md).
    Collection is off from the start of :func:`run` until here: start-up builds objects that
    live for the whole session, and collecting while they are built only walks them again.
    """
    gc.freeze()  # no collection first: at 100,000 articles it takes 0.1 s and finds ~5 objects
    gc.enable()


class _PackChecked(QObject):
    """Carries the background check's answer to the UI thread (a queued signal)."""

    changed = Signal()


def verify_pack_later(window: MainWindow, catalog: Catalog, kiosk: bool = False) -> None:
    """Check every file of a pack built from its catalog in a thread; say so if it changed.

    The quick check at start-up sees files added, removed or renamed, not edited in place.
    Bodies are always read from the files; titles, summaries and order can be stale until the
    next start, for which :meth:`Catalog.verify` has then rebuilt the catalog. A pack loaded
    from its files just now has nothing to check: its catalog is written instead.
    """
    pack = window.pack
    if catalog.has_pending:
        threading.Thread(target=catalog.save_pending, name="save-catalog", daemon=True).start()
        return
    if not pack.articles or pack.articles[0].body_loaded:
        return

    notice = _PackChecked(window)
    if not kiosk:
        notice.changed.connect(
            lambda: window.statusBar().showMessage(
                QApplication.translate(
                    "run",
                    "The content pack has changed on disk; restart the reader to see every change.",
                ),
                15000,
            )
        )

    def check() -> None:
        try:
            if not catalog.verify(pack, pack.articles[0].max_bytes):
                notice.changed.emit()
        except Exception:  # a check must never take the reader down
            logger.exception("could not check the content pack for changes")

    threading.Thread(target=check, name="verify-pack", daemon=True).start()


def _log_to_file() -> None:
    """Kiosks log to a rotating file in the user's state folder; nobody reads a terminal."""
    location = getattr(QStandardPaths.StandardLocation, "StateLocation", None)
    folder = QStandardPaths.writableLocation(
        location or QStandardPaths.StandardLocation.AppLocalDataLocation
    )
    from logging.handlers import RotatingFileHandler  # kiosks only: ~5 ms at start-up

    try:
        path = Path(folder) / "logs"
        path.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path / "reader.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        logger.warning("cannot write the log file in %s: %s", folder, exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logger.info("logging to %s", path / "reader.log")


def start_page(window: MainWindow, article: str | None, home: bool) -> None:
    """Open ``article`` (``slug#anchor`` scrolls to a section), else the last article read
    where it was left (unless ``home``), else the pack's home article (a ZIM archive's main
    page), else the home page."""
    if article:
        slug, _, anchor = article.partition("#")
        if slug and window.open_article(slug, anchor):
            return
    if not home and window.last_read.reopen():
        return
    if window.pack.home_article and window.open_article(window.pack.home_article):
        return
    window.show_home()


def _after_first_paint(window: MainWindow, screenshot: Path | None) -> None:
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(screenshot), "PNG"):
            logger.error("could not save the screenshot to %s", screenshot)
            QApplication.exit(1)
            return
        logger.info("saved screenshot %s", screenshot)
    window.close()  # a kiosk refuses; run() stops its workers once the loop has ended
    QApplication.exit(0)


def _report_first_paint() -> None:
    """Print one ``key=value`` line for benchmarks/: when the first page was painted."""
    now = time.monotonic()  # CLOCK_MONOTONIC: comparable with the parent's clock
    age = ""
    try:  # process start time in clock ticks since boot (field 22 of /proc/self/stat)
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        boot = time.clock_gettime(time.CLOCK_BOOTTIME)
        age = f" since_start_ms={(boot - ticks / os.sysconf('SC_CLK_TCK')) * 1000:.1f}"
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                age += f" {line[:5].lower()}_kb={line.split()[1]}"
    except (OSError, ValueError, IndexError, AttributeError):
        pass  # not Linux: the monotonic stamp is still there
    cpu = f" cpu_ms={time.process_time() * 1000:.1f}"  # user + system time of the process
    print(f"first-paint: monotonic={now:.6f}{age}{cpu}", flush=True)


def _kiosk_excepthook(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    """Never show a visitor an error: log it and go back to the home page."""
    logger.critical("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            try:
                widget.show_home()
            except Exception:
                logger.exception("could not return to the home page")


def _pack_has_cjk(pack: Pack) -> bool:
    return any(is_cjk(code) for code in pack_languages(pack))


#: True while the error message is open: an error repeating behind it (in every paint, say)
#: is logged, but does not stack another modal box on top.
_showing_error = False


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    global _showing_error
    logger.critical("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    if QGuiApplication.instance() is None or _showing_error:
        return
    from PySide6.QtWidgets import QMessageBox

    _showing_error = True
    try:
        QMessageBox.warning(
            None,
            QApplication.translate("run", "Offline Reader"),
            QApplication.translate(
                "run", "Something went wrong: {error}\nThe reader will keep running."
            ).format(error=value),
        )
    finally:
        _showing_error = False
