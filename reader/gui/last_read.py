"""The article to reopen next time, and how far down it was read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

#: Milliseconds a page must stay shown before it is saved as the page to reopen next time.
LAST_ARTICLE_DELAY_MS = 1500


class LastRead(QObject):
    """Remember the article read last in a pack, and where it was left.

    It is written to the settings file a moment after the reader stops on a page (and on
    close), not on every page turn: each write is a file replace.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self, singleShot=True, interval=LAST_ARTICLE_DELAY_MS)
        self.timer.timeout.connect(self.save)
        self._slug = ""

    def note(self, slug: str) -> None:
        """``slug`` is on screen now: save it if the reader stays a moment."""
        self._slug = slug
        self.timer.start()

    def save(self) -> None:
        """Write the article noted last, with the place it is at if it is still shown."""
        self.timer.stop()
        if self._slug:
            w = self.window
            w.settings.set_last_article(str(w.pack.root), self._slug)
            place = w.place() if w.current == self._slug else 0.0
            w.settings.set_last_place(str(w.pack.root), place)

    def reopen(self) -> bool:
        """Open the article read last time at the place it was left; False if there is none."""
        w = self.window
        key = str(w.pack.root)
        slug = w.settings.last_article(key)
        if not slug or not w.open_article(slug):
            return False
        place = w.settings.last_place(key)
        if place > 0:
            # The page is laid out at its final width only once the window is shown.
            w.view.first_painted.connect(lambda: w.scroll_to_place(place))
            w.scroll_to_place(place)
        return True
