"""Notice that the library was updated (``offline-reader pack install``) while the reader runs.

An installed library is opened through its ``current`` link; ``pack install`` switches that
link in one rename. The folder holding the link is watched; when the link points somewhere
new, the reader changes library at a moment that disturbs nobody: at the next idle reset on a
kiosk, or when the reader on a desktop clicks "Reload".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton

from reader.library.catalog import Catalog
from reader.library.pack import PackError

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

logger = logging.getLogger(__name__)

#: Milliseconds to wait after the folder changed before looking: an install ends with the
#: switch, but copying by rsync or from a USB stick may touch the folder several times.
SETTLE_MS = 1000


class LibraryWatcher(QObject):
    """Emit ``updated(new_root)`` when ``link`` points to a folder other than ``root``."""

    updated = Signal(Path)

    def __init__(self, link: Path, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.root = root
        self._watcher = QFileSystemWatcher([str(link.parent)], self)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._watcher.directoryChanged.connect(lambda _path: self._settle.start())
        self._settle.timeout.connect(self.check)

    def check(self) -> None:
        """Look where the link points now; say so if it is a new library."""
        try:
            target = self.link.resolve(strict=True)
        except OSError:
            return  # between two renames, or removed: keep the library in use
        if target != self.root and target.is_dir():
            logger.info("the library was updated: %s", target)
            self.root = target
            self.updated.emit(target)


class ReloadOffer(QPushButton):
    """ "Library updated — reload" in the status bar of a desktop window."""

    def __init__(self, window: MainWindow, reload: Callable[[], None]) -> None:
        super().__init__(window)
        self.setObjectName("reloadLibrary")
        self.setText(self.tr("Library updated — reload"))
        self.setToolTip(self.tr("Open the new version of the library; you stay on this article"))
        self.clicked.connect(reload)
        self.clicked.connect(self.deleteLater)
        window.statusBar().addPermanentWidget(self)


def follow_updates(
    window: MainWindow, link: Path, catalog: Catalog, cache_dir: Path, kiosk: bool
) -> LibraryWatcher:
    """Watch ``link`` (the library's ``current`` link) and change library when it moves.

    On a kiosk the change waits for the next idle reset (nobody is reading then); on a desktop
    the reader is offered a Reload button and chooses when.
    """
    watcher = LibraryWatcher(link, window.pack.root, window)
    waiting: list[Path] = []

    def reload() -> None:
        if not waiting:
            return
        waiting.clear()
        try:
            pack = catalog.load(link, full_check=False)
        except PackError as exc:
            logger.error("the updated library cannot be opened: %s", exc)
            return
        window.load_library(pack, cache_dir)

    def updated(_root: Path) -> None:
        first = not waiting
        waiting.append(_root)
        if first and not kiosk:
            ReloadOffer(window, reload)

    watcher.updated.connect(updated)
    if kiosk:
        controller = getattr(window, "kiosk_controller", None)
        if controller is not None:
            controller.reset_done.connect(reload)
    return watcher
