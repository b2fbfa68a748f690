"""A QR code for an address, so a visitor can carry an article away on their phone."""

from __future__ import annotations

import functools
import logging
from types import ModuleType

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

logger = logging.getLogger(__name__)

#: Light modules around the code; the standard asks for 4, phones read 2 well and it saves room.
QUIET_ZONE = 2
ERROR_LEVEL = "m"
CODE_SIZE = 160


@functools.cache  # one import attempt, so one warning per process rather than per article
def _segno() -> ModuleType | None:
    try:
        import segno  # lazily: start-up should not pay for it
    except ImportError:
        logger.warning("segno is not installed; QR codes are not shown")
        return None
    return segno


def qr_modules(url: str, border: int = QUIET_ZONE) -> list[list[bool]] | None:
    """Return the dark/light modules of a QR code for ``url``, quiet zone included.

    Return None, and log why, when ``segno`` is not installed or ``url`` is too long to encode.
    """
    segno = _segno()
    if segno is None:
        return None
    try:
        code = segno.make(url, error=ERROR_LEVEL)
    except segno.DataOverflowError:
        logger.warning("address too long for a QR code (%d characters)", len(url))
        return None
    return [[bool(value) for value in row] for row in code.matrix_iter(border=border)]


class _CodeArea(QWidget):
    """Paint the modules as crisp black squares on white, centred and as large as fits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.modules: list[list[bool]] = []
        self.setMinimumSize(CODE_SIZE, CODE_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(CODE_SIZE, CODE_SIZE)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width

    def placement(self) -> tuple[int, int, int]:
        """Return the left and top of the code and the side of one module, in pixels."""
        count = len(self.modules)
        # Whole pixels per module keep the edges sharp for phone cameras.
        module = max(1, min(self.width(), self.height()) // count) if count else 0
        side = module * count
        return (self.width() - side) // 2, (self.height() - side) // 2, module

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self.modules:
            return
        left, top, module = self.placement()
        side = module * len(self.modules)
        painter = QPainter(self)
        # Always black on white, whatever the theme: inverted codes fail on many phones.
        painter.fillRect(QRect(left, top, side, side), QColor(Qt.GlobalColor.white))
        black = QColor(Qt.GlobalColor.black)
        for y, row in enumerate(self.modules):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(left + x * module, top + y * module, module, module, black)
        painter.end()


class QrCodeWidget(QWidget):
    """Show a QR code for an address with a caption; hidden when there is no address."""

    def __init__(self, parent: QWidget | None = None, caption: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self._url = ""
        self.code = _CodeArea(self)
        self.caption = QLabel(caption or self.tr("Scan to read on your phone"), self)
        self.caption.setObjectName("qrCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.caption)
        self.hide()

    def url(self) -> str:
        """Return the address the code shows, or "" when none."""
        return self._url

    def set_url(self, url: str) -> None:
        """Show a code for ``url``; an empty address, or no ``segno``, hides the widget."""
        modules = qr_modules(url) if url else None
        if modules is None:
            self._url = ""
            self.code.modules = []
            self.code.setAccessibleName("")
            self.hide()
            return
        self._url = url
        self.code.modules = modules
        self.code.setAccessibleName(self.tr("QR code for {url}").format(url=url))
        self.code.update()
        self.show()

    def modules(self) -> list[list[bool]]:
        """Return the shown code's modules by row, quiet zone included (True is dark)."""
        return [list(row) for row in self.code.modules]
