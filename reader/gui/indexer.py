"""Open or build the search index in a worker thread, reporting progress."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from reader.library.pack import Pack

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
