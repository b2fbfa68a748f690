"""Print an article, or save it as PDF: a clean layout with the disclaimer on every page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

#: Height of the footer (disclaimer and page number) in points.
FOOTER_PT = 42


def new_printer(pdf: Path | None = None, name: str = "") -> QPrinter:
    """Return an A4 printer; with ``pdf`` it writes that PDF file, with ``name`` that printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 14),
            QPageLayout.Unit.Millimeter,
        )
    )
    if pdf is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
    elif name:
        printer.setPrinterName(name)
    return printer


def print_article(printer: QPrinter, html: str, css: str, footer: str, title: str) -> int:
    """Lay ``html`` out on ``printer``'s pages with ``footer`` at the bottom of each page.

    Return the number of pages printed.
    """
    printer.setDocName(title)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    doc.setDefaultStyleSheet(css)
    font = QFont()
    font.setPointSizeF(11)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    footer_px = FOOTER_PT * printer.resolution() / 72
    body = QSizeF(page.width(), page.height() - footer_px)
    doc.setPageSize(body)
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    small = QFont()
    small.setPointSizeF(8)
    try:
        for number in range(pages):
            if number:
                printer.newPage()
            painter.save()
            painter.translate(0, -number * body.height())
            doc.drawContents(
                painter, QRectF(0, number * body.height(), body.width(), body.height())
            )
            painter.restore()
            painter.setFont(small)
            painter.drawText(
                QRectF(0, body.height() + footer_px * 0.15, body.width(), footer_px * 0.85),
                int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                f"{footer}   ({number + 1}/{pages})",
            )
    finally:
        painter.end()
    return pages
