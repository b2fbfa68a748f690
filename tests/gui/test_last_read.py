"""The article read last: saved a moment after the reader stops, reopened where it was left."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.gui.app import start_page
from reader.paths import bundled_dir
from tests.gui.conftest import WindowFactory


def test_page_turns_do_not_rewrite_the_settings_file_each_time(
    make_window: WindowFactory, small_pack: Path, qtbot: QtBot
) -> None:
    window = make_window(small_pack)
    window.last_read.timer.setInterval(200)
    root = str(window.pack.root)
    window.open_article("beta")
    window.open_article("gamma")
    assert window.settings.last_article(root) == ""  # not yet: the reader may turn on
    qtbot.waitUntil(lambda: window.settings.last_article(root) == "gamma", timeout=2000)
    window.open_article("delta")
    window.close()  # closing saves at once
    assert window.settings.last_article(root) == "delta"


def test_the_last_article_reopens_where_it_was_left(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    first = make_window(bundled_dir("content"))
    first.open_article("ringworm")
    bar = first.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = first.place()
    first.close()
    again = make_window(bundled_dir("content"))
    start_page(again, None, home=False)
    assert again.current == "ringworm"
    qtbot.waitUntil(lambda: abs(again.place() - place) < 0.02, timeout=2000)
