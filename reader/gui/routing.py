"""The window's one link router: every link clicked on a page goes through it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

from reader.page.links import ARTICLE_SCHEME, CATEGORY_SCHEME, HOME_URL, SEARCH_SCHEME

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

logger = logging.getLogger(__name__)

#: Outside addresses a click hands to the desktop (not in a kiosk).
OUTSIDE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def open_url(url: QUrl) -> bool:
    """Hand ``url`` to the desktop (its browser or mail program)."""
    from PySide6.QtGui import QDesktopServices  # only when an outside link is followed

    return QDesktopServices.openUrl(url)


class LinkRouter(QObject):
    """Decide what a link does: an in-page anchor, an article, home, a category, a search, or
    an outside address (handed to the desktop, refused in a kiosk)."""

    def __init__(
        self, window: MainWindow, open_outside: Callable[[QUrl], bool] | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self._open_outside = open_outside or open_url

    def open(self, url: QUrl) -> None:
        """Follow ``url``, as a click on it does."""
        w = self.window
        scheme = url.scheme()
        if not scheme and url.hasFragment():
            w.view.scrollToAnchor(url.fragment())
        elif scheme == ARTICLE_SCHEME:
            w.open_article(url.path(), url.fragment())
        elif url.toString() == HOME_URL:
            w.show_home()
        elif scheme == CATEGORY_SCHEME:
            w.set_sidebar_visible(True)
            w.sidebar.show_category(url.path())
        elif scheme == SEARCH_SCHEME:
            w.set_sidebar_visible(True)
            w.sidebar.search_for(url.path())
        elif scheme in OUTSIDE_SCHEMES:
            self.open_external(url)
        else:
            logger.info("ignored link %s", url.toString())

    def open_external(self, url: QUrl) -> None:
        """Hand an outside address to the system, after the reader clicked it (not in a kiosk)."""
        w = self.window
        if w.kiosk:
            w.link_refused.emit(url.toString())
            return
        if not self._open_outside(url):
            w.statusBar().showMessage(
                self.tr("Could not open {url}").format(url=url.toString()), 5000
            )

    def show_target(self, url: QUrl) -> None:
        """Say in the status bar where the link under the pointer leads."""
        status = self.window.statusBar()
        if url.scheme() == ARTICLE_SCHEME and (target := self.window.pack.get(url.path())):
            status.showMessage(target.title)
        elif url.scheme() in {"http", "https"}:
            status.showMessage(self.tr("Outside link: {url}").format(url=url.toString()))
        else:
            status.clearMessage()
