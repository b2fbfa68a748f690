"""The article view: a QTextBrowser that can only load files from inside its pack."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFontMetricsF, QPaintEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QAbstractScrollArea, QTextBrowser, QWidget

from reader.page.links import PACK_SCHEME, confined_file

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

logger = logging.getLogger(__name__)

#: The article column stays about this many average characters wide on wide windows.
READING_COLUMNS = 72
#: Body text size at 100 %.
BASE_POINT_SIZE = 12.0
#: Pixels a page may be wider than the column without a horizontal scroll bar.
ROUNDING_OVERFLOW_PX = 3
#: Pictures kept decoded and scaled (each at most a column wide: ~1 MB).
IMAGE_CACHE_SIZE = 24


def viewport_width(view: QAbstractScrollArea) -> int:
    """Return the width of ``view``'s viewport without calling ``viewport()``.

    ``viewport()`` returns a widget Qt made, and the first such widget PySide6 meets makes it
    set up every widget class of Qt to find the right one: 7 ms at start-up.
    """
    width = view.maximumViewportSize().width()  # as if there were no scroll bars
    bar = view.verticalScrollBar()
    return width - bar.width() if bar.isVisible() else width


class ArticleView(QTextBrowser):
    """Show rendered pages; emit every link click to one router; never touch the network."""

    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._root: Path | None = None
        self._reader: Callable[[str], bytes | None] | None = None
        self._painted = False
        #: What to call after the next paint. A list changed in place: setting an attribute
        #: of a Qt object to a callable on every page turn took references to None in
        #: PySide6 6.11 (tests/gui/test_refcount.py).
        self._after_paint: list[Callable[[], None]] = []
        #: Decoded, scaled pictures: a new page is a new document, which loads them again.
        self._images: dict[tuple[str, int, int], QImage] = {}
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setObjectName("articleView")
        self.document().setDocumentMargin(24)
        font = self.document().defaultFont()
        font.setPointSizeF(BASE_POINT_SIZE)
        self.document().setDefaultFont(font)
        self.horizontalScrollBar().rangeChanged.connect(self._fit_width)

    def set_pack_root(self, root: Path) -> None:
        self._root = root.resolve()

    def set_resource_reader(self, reader: Callable[[str], bytes | None] | None) -> None:
        """Load ``pack:`` images with ``reader`` (a ZIM archive's entries), not from files."""
        self._reader = reader

    def set_text_size(self, percent: int) -> None:
        """Set the body text size (percent of the default) and keep the reading width."""
        font = self.document().defaultFont()
        font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
        self.document().setDefaultFont(font)
        # Large type needs every pixel of a small window; the column keeps its margins anyway.
        self.document().setDocumentMargin(24 if percent <= 150 else 8)
        self._keep_reading_width()

    def set_style_sheet(self, css: str) -> None:
        self.document().setDefaultStyleSheet(css)

    def show_html(self, html: str, anchor: str = "") -> None:
        """Replace the page; scroll to ``anchor`` or to the top."""
        # setHtml() first empties the document, which hides the scroll bar, then fills it,
        # which shows it again: two viewport resizes, each a full relayout of the new page.
        # Keeping the bar while the page is replaced saves both.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHtml(html)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if anchor:
            self.scrollToAnchor(anchor)
        else:
            self.verticalScrollBar().setValue(0)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 - Qt API
        """Load only ``pack:`` files inside the pack; everything else stays empty."""
        url = QUrl(url)
        if self._reader is not None and url.scheme() == PACK_SCHEME:
            return self._archive_image(kind, url.path())
        if url.scheme() != PACK_SCHEME or self._root is None:
            logger.debug("refused resource %s", url.toString())
            return None
        path = confined_file(self._root, url.path())
        if path is None:
            logger.debug("refused resource outside the pack: %s", url.toString())
            return None
        if kind == QTextDocument.ResourceType.ImageResource:
            margins = 2 * int(self.document().documentMargin())
            room = int(self._column_width()) - margins
            if (width := viewport_width(self)) > 200:
                room = min(room, width - margins)
            try:
                stamp = path.stat().st_mtime_ns
            except OSError:
                return None
            key = (str(path), stamp, room)
            image = self._images.get(key)
            if image is None:
                from PySide6.QtGui import QImage  # not before the first picture

                image = QImage(str(path))
                if image.isNull():
                    logger.warning("could not decode image %s", path)
                    return None
                if image.width() > room > 0:  # never wider than the column
                    image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
                if len(self._images) >= IMAGE_CACHE_SIZE:
                    self._images.pop(next(iter(self._images)))
                self._images[key] = image
            return image
        return None

    def _archive_image(self, kind: int, path: str) -> Any:
        """Return an image read from the archive, scaled to the column (None if unreadable)."""
        if kind != QTextDocument.ResourceType.ImageResource or self._reader is None:
            return None
        room = int(self._column_width()) - 2 * int(self.document().documentMargin())
        key = (f"archive:{path}", 0, room)
        image = self._images.get(key)
        if image is None:
            from PySide6.QtGui import QImage

            data = self._reader(path)
            image = QImage.fromData(data) if data else QImage()
            if image.isNull():
                logger.debug("no image %s in the archive", path)
                return None
            if image.width() > room > 0:
                image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
            if len(self._images) >= IMAGE_CACHE_SIZE:
                self._images.pop(next(iter(self._images)))
            self._images[key] = image
        return image

    def after_paint(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once, when the event loop is free after the next paint.

        (A 0 ms timer started with the page would run before the page is painted.)
        """
        self._after_paint[:] = [callback]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self._after_paint:
            QTimer.singleShot(0, self, self._after_paint.pop())
        if not self._painted and self.document().characterCount() > 1:
            self._painted = True
            self.first_painted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        self._keep_reading_width()
        super().resizeEvent(event)

    def _fit_width(self, _minimum: int, maximum: int) -> None:
        """No horizontal scroll bar for a page that is only a rounding error too wide.

        Tables laid out at 100 % width can end a pixel or two wider than the column, which
        would put a scroll bar with nothing to scroll under the page; real overflow (a line of
        code) keeps it. Called when Qt has laid the page out and set the bar's range, so it
        forces no layout of its own.
        """
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if maximum <= ROUNDING_OVERFLOW_PX
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if self.horizontalScrollBarPolicy() != policy:
            self.setHorizontalScrollBarPolicy(policy)

    def reading_width(self) -> int:
        """Return the width text is laid out in, in pixels (the column, or less)."""
        margins = 2 * self.document().documentMargin()
        return int(min(self._column_width(), viewport_width(self)) - margins)

    def _column_width(self) -> float:
        font = self.document().defaultFont()
        margins = 2 * self.document().documentMargin()
        return QFontMetricsF(font).averageCharWidth() * READING_COLUMNS + margins

    def _keep_reading_width(self) -> None:
        spare = self.width() - self.verticalScrollBar().sizeHint().width() - self._column_width()
        side = int(max(0, spare) / 2)
        self.setViewportMargins(side, 0, side, 0)
