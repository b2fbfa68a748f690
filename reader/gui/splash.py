"""A small window that says how far a long first load of a big pack has got.

Reading every file of a pack takes a while the first time (and after each content update) when
the pack is big: 10,000 articles about 1.5 s, 100,000 about 11 s. Without it, the screen
shows nothing at all in that time. Packs loaded from their catalog never show it; this module
is imported only when a load turns out to be slow (see ``reader.gui.app.load_progress``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from reader.gui.layouts import column


class LoadingSplash(QWidget):
    """ "Preparing the library…" with a progress bar; no buttons, nothing to answer."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("loadingSplash")
        self.setAccessibleName(self.tr("Preparing the library"))
        self.title = QLabel(self.tr("Preparing the library for use…"), self)
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.detail = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        column(self, (self.title, self.detail, self.bar), margins=(28, 24), spacing=12)
        self.setMinimumWidth(420)

    def set_progress(self, done: int, total: int) -> None:
        self.detail.setText(
            self.tr("{done} of {total} articles read").format(done=f"{done:,}", total=f"{total:,}")
        )
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
