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
    out = window.save_pdf(tmp_path / "ringworm.pdf")
    assert out is not None and out.stat().st_size > 5000
    text = pdf_text(out)
    squashed = " ".join(text.split())
    assert "Ringworm (tinea)" in squashed
    assert "Reviewed" in squashed and "Sources" in squashed
    assert "not a diagnosis" in squashed  # the disclaimer in the footer
    assert "Recommended" not in squashed and "Next:" not in squashed
    assert len(PdfReader(out).pages) >= 2
    first_page = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "not a diagnosis" in first_page  # on every page, not only the last


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
