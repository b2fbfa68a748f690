"""Print an article, or save it as PDF: a clean layout with the notice on every page."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from reader.page.links import PACK_SCHEME, confined_file
from reader.themes import LIGHT, THEMES, fill

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

logger = logging.getLogger(__name__)

#: Height of the footer (disclaimer and page number) in points.
FOOTER_PT = 42
#: A last page holding less text than this (in points: about four lines) is worth avoiding:
#: a page for one line of sources wastes paper and looks like a mistake.
SHORT_LAST_PAGE_PT = 60
#: How much the page may be squeezed (drawn smaller) to pull a short last page back: 6 %.
SQUEEZE_STEPS = (0.98, 0.96, 0.94)


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


class PrintDocument(QTextDocument):
    """A page laid out for print, its pictures loaded from the pack as on screen.

    Only ``pack:`` files really inside the pack load (the same rule as the article view);
    anything else stays empty.
    """

    def __init__(self, root: Path | None) -> None:
        super().__init__()
        self._root = root

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 - Qt API
        url = QUrl(url)
        if url.scheme() != PACK_SCHEME or self._root is None:
            return None
        path = confined_file(self._root, url.path())
        if path is None or kind != QTextDocument.ResourceType.ImageResource:
            return None
        image = QImage(str(path))
        if image.isNull():
            logger.warning("could not decode image %s for printing", path)
            return None
        room = int(self.pageSize().width() - 2 * self.documentMargin())
        if image.width() > room > 0:
            image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
        return image


def print_article(
    printer: QPrinter, html: str, css: str, footer: str, title: str, root: Path | None = None
) -> int:
    """Lay ``html`` out on ``printer``'s pages with ``footer`` at the bottom of each page.

    Pictures come from the pack in ``root``. Return the number of pages printed.
    """
    printer.setDocName(title)
    doc = PrintDocument(root)
    doc.documentLayout().setPaintDevice(printer)
    doc.setDefaultStyleSheet(css)
    font = QFont()
    font.setPointSizeF(11)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    footer_px = FOOTER_PT * printer.resolution() / 72
    body = QSizeF(page.width(), page.height() - footer_px)
    scale = fit_pages(doc, body, SHORT_LAST_PAGE_PT * printer.resolution() / 72)
    laid = doc.pageSize()  # the page in the document's units (larger when squeezed)
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
            painter.scale(scale, scale)
            painter.translate(0, -number * laid.height())
            doc.drawContents(
                painter, QRectF(0, number * laid.height(), laid.width(), laid.height())
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


def last_page_use(doc: QTextDocument) -> float:
    """Return how much of the last page ``doc``'s text fills, in the document's units."""
    bottom = doc.documentLayout().blockBoundingRect(doc.lastBlock()).bottom()
    return bottom - (doc.pageCount() - 1) * doc.pageSize().height()


def fit_pages(doc: QTextDocument, body: QSizeF, short: float) -> float:
    """Paginate ``doc`` on pages of ``body``; return the scale its pages are drawn at.

    A last page holding less than ``short`` is pulled back onto the page before by drawing
    every page a little smaller (at most 6 %, invisible in print) when that saves the page;
    otherwise the pages stay at full size.
    """
    doc.setPageSize(body)
    pages = doc.pageCount()
    if pages < 2 or last_page_use(doc) >= short:
        return 1.0
    for scale in SQUEEZE_STEPS:
        doc.setPageSize(QSizeF(body.width() / scale, body.height() / scale))
        if doc.pageCount() < pages:
            return scale
    doc.setPageSize(body)
    return 1.0


class ArticlePrinting(QObject):
    """Print the window's current article, or save it as PDF (the menu's and toolbar's glue)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def print_to(self, printer: QPrinter) -> int:
        """Print the current article on ``printer`` in the print layout; return the pages."""
        w = self.window
        article = w.current_article()
        if article is None:
            return 0
        try:
            page = w.renderer.article_page(article, for_print=True)
        except Exception:
            logger.exception("could not render %s for printing", article.rel_path)
            return 0
        css = fill(w.look.templates.article_css, THEMES[LIGHT])
        footer = w.renderer.notice_line()  # with the emergency number, on every page
        return print_article(printer, page, css, footer, article.title, w.pack.root)

    def print_article(self) -> None:
        """Print with the system dialog (on a kiosk: to its configured printer, no dialog)."""
        from PySide6.QtPrintSupport import QPrintDialog

        w = self.window
        if w.kiosk:
            if w.printer_name:
                self.print_to(new_printer(name=w.printer_name))
                w.statusBar().showMessage(self.tr("Printing…"), 5000)
            return
        article = w.current_article()
        printer = new_printer()
        if article is not None:  # the file name a "print to file" proposes
            printer.setDocName(article.title)
            printer.setOutputFileName(str(Path.home() / f"{_file_name(article.slug)}.pdf"))
        dialog = QPrintDialog(printer, w)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save the current article as a PDF, asking where unless ``path`` is given."""
        w = self.window
        article = w.current_article()
        if article is None or w.kiosk:
            return None
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getSaveFileName(
                w,
                self.tr("Save as PDF"),
                str(Path.home() / f"{_file_name(article.slug)}.pdf"),
                self.tr("PDF files (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        if self.print_to(new_printer(pdf=path)) == 0 or not path.exists():
            w.statusBar().showMessage(self.tr("Could not save {path}").format(path=path), 8000)
            return None
        w.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        return path


def _file_name(slug: str) -> str:
    """Return a file name for an article's slug (a path-like slug keeps its last part)."""
    return slug.rstrip("/").rsplit("/", 1)[-1] or "article"
