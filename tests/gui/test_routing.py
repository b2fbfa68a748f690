"""The link router: what a click on each kind of link does, and what hovering one says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from reader.gui.window import MainWindow
from tests.conftest import PackBuilder, article
from tests.gui.conftest import WindowFactory
from tests.gui.test_window import click_link, shown_title


def test_category_link_shows_that_category(window: MainWindow) -> None:
    window.links.open(QUrl("category:two"))
    index = window.sidebar.tree.currentIndex()
    assert index.data() == "Category Two"


def test_outside_links_go_to_the_system_only_on_click(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article("epsilon")
    assert window.opened_externally == []  # type: ignore[attr-defined]
    click_link(qtbot, window, "https://example.org/page")
    assert window.opened_externally == ["https://example.org/page"]  # type: ignore[attr-defined]
    assert shown_title(window) == "Epsilon"


def test_a_link_with_a_fragment_scrolls_to_that_heading(
    make_window: WindowFactory, make_pack: PackBuilder
) -> None:
    filler = "\n\n".join(f"Paragraph {i} of the long article." for i in range(150))
    root = make_pack(
        {
            "a.md": article("A", "See [the details](long.md#details)."),
            "long.md": article("Long", filler + "\n\n## Details\n\nThe part we want.\n"),
        }
    )
    window = make_window(root)
    window.resize(900, 600)
    window.open_article("a")
    window.links.open(QUrl("article:long#details"))
    bar = window.view.verticalScrollBar()
    assert window.current == "long"
    assert bar.maximum() > 0 and bar.value() > bar.maximum() // 2  # not left at the top


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("article:gamma", "Gamma"),
        ("https://example.org/page", "Outside link: https://example.org/page"),
        ("category:two", ""),
    ],
)
def test_the_link_under_the_pointer_is_named_in_the_status_bar(
    window: MainWindow, url: str, said: str
) -> None:
    window.statusBar().showMessage("before")
    window.links.show_target(QUrl(url))
    assert window.statusBar().currentMessage() == said
