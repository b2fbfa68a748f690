"""Open or build the search index in a worker thread, reporting progress; the window's side
of it (the status bar, the sidebar's search, content-based recommendations)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal

from reader.gui.pagewords import PageWords
from reader.library.pack import Pack

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

logger = logging.getLogger(__name__)


class IndexLoader(QThread):
    """Run ``SearchIndex.open`` off the UI thread; emit ``ready(index)`` or ``failed(message)``."""

    progress = Signal(int, int)
    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, pack: Pack, cache_dir: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pack = pack
        self._cache_dir = cache_dir

    def run(self) -> None:
        from reader.find.index import SearchCancelled  # sqlite is not needed to paint
        from reader.find.zimsearch import open_indexes

        try:
            # One index for a pack; a ZIM archive's own search first, then one with key terms.
            for index in open_indexes(
                self._pack,
                self._cache_dir,
                progress=self.progress.emit,
                cancelled=self.isInterruptionRequested,
            ):
                self.ready.emit(index)
        except SearchCancelled:
            return
        except Exception as exc:  # the reader keeps working without search
            logger.exception("could not build the search index")
            self.failed.emit(str(exc))


class SearchIndexing(QObject):
    """The window's search index, opened or built by an :class:`IndexLoader` after the first
    paint with its progress in the status bar. Once it is open the sidebar searches it and
    recommendations come from the articles' content; until then articles stay readable."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.index: Any = None  # reader.find.index.SearchIndex (or ArchiveSearch) once open
        self._loader: IndexLoader | None = None

    def start(self, cache_dir: Path | None) -> None:
        """Open or build the index in a worker thread; the window stays usable."""
        # Over every language: one index file per pack folder, whichever language is shown.
        self._loader = IndexLoader(self.window.library, cache_dir, self)
        self._loader.progress.connect(self._on_progress)
        self._loader.ready.connect(self.use)
        self._loader.failed.connect(self._on_failed)
        self._loader.start()

    def _on_progress(self, done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 100
        self.window.statusBar().showMessage(
            self.tr("Preparing search: {percent}% of {total} articles").format(
                percent=percent, total=total
            )
        )

    def use(self, index: Any) -> None:
        """Search ``index`` from now on, and recommend from it."""
        self.index = index
        self.window.sidebar.set_search_index(index)
        self.recommend_from(index)
        status = self.window.statusBar()
        if status.currentMessage().startswith(self.tr("Preparing search")):
            status.showMessage(self.tr("Search is ready"), 3000)

    def recommend_from(self, index: Any) -> None:
        """Switch from tag-based to content-based recommendations (again for a new language)."""
        from reader.find.related import ContentRecommender

        w = self.window
        w.recommender = ContentRecommender(w.pack, index, PageWords().reasons())
        article = w.current_article()
        if article is not None:  # the panel and the footer show the new list at once
            w.sidebar.set_recommendations(w.recommender.recommend(article.slug))
            w.rerender()

    def _on_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("Search is not available: {error}").format(error=message), 15000
        )

    def stop(self) -> None:
        """Stop building the index and close it (before quitting, or for another library)."""
        if self._loader is not None:
            self._loader.requestInterruption()
            self._loader.wait()
            self._loader = None
        if self.index is not None:
            self.index.close()
            self.index = None
