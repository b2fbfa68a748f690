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
