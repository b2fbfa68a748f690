"""``--article SLUG#anchor`` opens the article at that place (used for the docs' screenshots)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.gui.app import start_page
from reader.paths import bundled_dir
from tests.gui.conftest import WindowFactory


def test_an_article_opens_at_its_sources(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(bundled_dir("content"))
    start_page(window, "chest-tightness-back-pain#sources", home=False)
    assert window.current == "chest-tightness-back-pain"
    bar = window.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > bar.maximum() // 2)
    start_page(window, "ringworm", home=False)
    assert window.current == "ringworm" and bar.value() == 0
