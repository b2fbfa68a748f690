"""Guard against a Qt binding that leaks references to None (it aborts Python 3.11)."""

from __future__ import annotations

import sys

from reader.gui.window import MainWindow


def test_page_turns_keep_the_reference_count_of_none(window: MainWindow) -> None:
    window.open_article("alpha")
    before = sys.getrefcount(None)
    for _ in range(100):
        window.act.next.trigger()
        window.act.previous.trigger()
        window.position_label.setText("x")
    # Other objects may hold a few more or fewer references to None; a leaking binding
    # loses about sixty per page turn.
    assert abs(sys.getrefcount(None) - before) < 500
