"""The first window's size, and what gives way in a narrow window (reader/gui/sizing.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from reader.gui.look import NARROW_TITLE_CSS
from reader.gui.settings import Settings
from reader.gui.sizing import first_window_size
from reader.gui.window import MainWindow
from reader.paths import bundled_dir
from tests.gui.conftest import WindowFactory


@pytest.mark.parametrize(
    ("screen", "size"),
    [((1024, 768), (942, 706)), ((1920, 1080), (1100, 720)), ((600, 500), (552, 460))],
)
def test_first_window_size_comes_from_the_screen(
    screen: tuple[int, int], size: tuple[int, int]
) -> None:
    assert first_window_size(QSize(*screen)) == QSize(*size)


def test_first_window_fits_on_the_screen(window: MainWindow) -> None:
    room = window.screen().availableGeometry()
    assert room.contains(window.frameGeometry()), (room, window.frameGeometry())


def test_narrow_window_folds_the_sidebar_and_f9_brings_it_back(
    qtbot: QtBot, window: MainWindow, settings_path: Path
) -> None:
    window.open_article("alpha")
    window.resize(600, 500)
    qtbot.waitUntil(lambda: not window.sidebar.isVisible(), timeout=2000)
    assert not window.act.toggle_sidebar.isChecked()
    # Every toolbar action is on the toolbar or behind its » button.
    bar = window.toolbar
    assert bar.width() <= window.width()
    hidden = [
        a for a in bar.actions() if not a.isSeparator() and not bar.widgetForAction(a).isVisible()
    ]
    assert not hidden or window.act.more_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.sidebar.isVisible()
    assert window.splitter.sizes()[0] <= window.width() // 2  # the article keeps half
    qtbot.keyClick(window, Qt.Key.Key_F9)
    window.resize(1000, 700)
    qtbot.wait(10)
    assert not window.sidebar.isVisible()  # hidden by the reader: stays hidden


def test_a_folded_sidebar_comes_back_when_the_window_widens(
    qtbot: QtBot, window: MainWindow, settings_path: Path
) -> None:
    window.resize(600, 500)
    qtbot.waitUntil(lambda: not window.sidebar.isVisible(), timeout=2000)
    window.close()  # folded by the window, not by the reader: remembered as shown
    assert Settings.at(settings_path).sidebar_visible
    window.show()
    window.resize(1000, 700)
    qtbot.waitUntil(window.sidebar.isVisible, timeout=2000)
    assert window.act.toggle_sidebar.isChecked()


def _broken_words(window: MainWindow, title: str) -> list[str]:
    """Return the line ends of ``title``'s block that fall inside a word."""
    document = window.view.document()
    block = document.firstBlock()
    while block.isValid() and block.text() != title:
        block = block.next()
    assert block.isValid(), title
    document.documentLayout().blockBoundingRect(block)  # lays the block out
    layout, text = block.layout(), block.text()
    lines = [layout.lineAt(i) for i in range(layout.lineCount() - 1)]
    ends = [line.textStart() + line.textLength() for line in lines]
    return [text[:end] for end in ends if text[end - 1] != " " and text[end] != " "]


def test_a_long_title_is_not_broken_mid_word_beside_the_sidebar_in_a_narrow_window(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(bundled_dir("content"))
    slug = "npc-spread-during-treatment"
    window.open_article(slug)
    window.resize(600, 500)
    qtbot.waitUntil(lambda: not window.sidebar.isVisible(), timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F9)  # the sidebar beside the article
    assert window.sidebar.isVisible()
    article = window.pack.get(slug)
    assert article is not None and "nasopharyngeal" in article.title.lower()
    assert _broken_words(window, article.title) == []
    window.resize(1000, 700)  # wide again: the title at its full size
    qtbot.waitUntil(lambda: not window.sizing.narrow, timeout=2000)
    assert NARROW_TITLE_CSS not in window.view.document().defaultStyleSheet()
