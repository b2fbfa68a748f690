"""Print and Save as PDF: a clean layout with the article's words and the disclaimer."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from reader.gui.window import MainWindow
from reader.paths import bundled_dir
from tests.gui.conftest import WindowFactory


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_save_as_pdf_contains_the_article_not_the_chrome(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(bundled_dir("content"))
    window.open_article("ringworm")
    out = window.printing().save_pdf(tmp_path / "ringworm.pdf")
    assert out is not None and out.stat().st_size > 5000
    text = pdf_text(out)
    squashed = " ".join(text.split())
    assert "Ringworm (tinea)" in squashed
    assert "ot yet reviewed by a clinician" in squashed  # (headings' first letters split off)
    assert "ingworm. NHS. https://www.nhs.uk/conditions/ringworm/" in squashed  # sources
    assert "Recommended" not in squashed and "Next:" not in squashed
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(out).pages]
    assert len(pages) >= 2
    notice = "In an emergency call your local emergency number."
    assert all(notice in page for page in pages)  # the footer of every page


def test_print_actions_need_an_article(window: MainWindow) -> None:
    assert not window.act.print.isEnabled() and not window.act.save_pdf.isEnabled()
    window.open_article("alpha")
    assert window.act.print.isEnabled() and window.act.save_pdf.isEnabled()


def test_dialog_path_uses_the_chosen_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "chosen.pdf"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"),
    )
    window.open_article("alpha")
    qtbot.keyClick(
        window,
        "s",
        modifier=__import__("PySide6.QtCore").QtCore.Qt.KeyboardModifier.ControlModifier
        | __import__("PySide6.QtCore").QtCore.Qt.KeyboardModifier.ShiftModifier,
    )
    assert target.exists()
    assert "Alpha" in pdf_text(target)


def pdf_images(path: Path) -> list[tuple[int, int]]:
    """Return (width, height) of every picture drawn in the PDF (without Pillow)."""
    sizes = []
    for page in PdfReader(path).pages:
        for ref in page["/Resources"].get("/XObject", {}).values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                sizes.append((int(xobject["/Width"]), int(xobject["/Height"])))
    return sizes


def test_saved_pdf_holds_the_articles_picture(make_window: WindowFactory, tmp_path: Path) -> None:
    window = make_window(bundled_dir("content"))
    window.open_article("healthy-eating")  # with the healthy-plate illustration
    out = window.printing().save_pdf(tmp_path / "plate.pdf")
    assert out is not None
    sizes = pdf_images(out)
    assert sizes, "no picture in the PDF"
    assert all(w > 100 and h > 100 for w, h in sizes), sizes  # not a broken-image icon


@pytest.mark.parametrize("slug", ["cough-with-phlegm", "ringworm", "chest-tightness-back-pain"])
def test_no_last_page_for_a_line_or_two(
    make_window: WindowFactory, tmp_path: Path, slug: str
) -> None:
    # At full size these end with a page holding one line of their sources.
    window = make_window(bundled_dir("content"))
    window.open_article(slug)
    out = window.printing().save_pdf(tmp_path / f"{slug}.pdf")
    assert out is not None
    last = " ".join(PdfReader(out).pages[-1].extract_text().split())
    body = last.split("This library gives general")[0]  # the footer is on every page
    assert len(body) >= 200, body  # was one or two sources: "4. CDC. Chest Cold (…)."


def test_a_short_last_page_is_squeezed_back_only_when_that_saves_it(qapp: object) -> None:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from reader.gui.printing import fit_pages, last_page_use

    page = QSizeF(400, 300)
    doc = QTextDocument()

    def lay_out(lines: int) -> int:
        doc.setHtml("<p>line</p>" * lines)
        doc.setPageSize(page)
        return doc.pageCount()

    lines = 1
    while lay_out(lines) < 3:  # the first count that starts a third page: one line on it
        lines += 1
    line = doc.documentLayout().blockBoundingRect(doc.firstBlock()).height()
    assert last_page_use(doc) < 2 * line
    assert fit_pages(doc, page, short=4 * line) < 1.0
    assert doc.pageCount() == 2
    lay_out(lines + lines // 4)  # a good part of a page: left alone
    assert fit_pages(doc, page, short=4 * line) == 1.0
    assert doc.pageCount() == 3
