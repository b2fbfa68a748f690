"""The reset for the next visitor forgets everything the last one typed, read and chose."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.gui.kiosk.controller import KioskController
from reader.history import HOME
from reader.library.loading import load_pack
from tests.conftest import PackBuilder, article
from tests.gui.kiosk.conftest import KioskFactory
from tests.gui.test_accessibility import FakeEngine


def test_search_and_find_text_are_gone_with_their_undo_history(
    qtbot: QtBot, kiosk: KioskController
) -> None:
    w = kiosk.window
    w.open_article("gamma")
    search = w.sidebar.search_field
    search.setFocus()
    qtbot.keyClicks(search, "pregnant")
    w.act.find.trigger()
    find = w.find_bar.field
    qtbot.keyClicks(find, "details")
    assert search.isUndoAvailable() and find.isUndoAvailable()
    assert w.view.extraSelections()  # the find matches are marked

    kiosk.reset()

    assert search.text() == "" and not search.isUndoAvailable()
    search.undo()
    assert search.text() == ""
    assert not w.find_bar.isVisible()
    assert find.text() == "" and not find.isUndoAvailable()
    assert w.view.extraSelections() == []
    assert w.sidebar.results_model.rowCount() == 0
    w.act.find.trigger()  # Ctrl+F for the next visitor: an empty field
    assert w.find_bar.isVisible() and find.text() == ""


def test_reading_aloud_stops_and_its_speed_is_normal_again(
    make_kiosk: KioskFactory, small_pack: Path
) -> None:
    engine = FakeEngine(can_pause=True)
    kiosk = make_kiosk(small_pack, window_kwargs={"speech": engine})
    w = kiosk.window
    w.open_article("gamma")
    w.act.listen.trigger()
    w.act.faster.trigger()
    w.act.faster.trigger()
    assert engine.rate == 0.4 and w.act.listen.text() == "&Pause"

    kiosk.reset()

    assert engine.rate == 0.0
    assert engine.log[-1] == "stop"
    assert w.act.listen.text() == "&Listen"
    assert kiosk.bar.buttons["listen"].text() == "Listen"


def test_history_look_scroll_and_popups_are_reset(qtbot: QtBot, kiosk: KioskController) -> None:
    w = kiosk.window
    w.open_article("alpha")
    w.open_article("gamma")
    w.look.set_text_size(250)
    w.look.set_theme("dark")
    w.view.verticalScrollBar().setValue(w.view.verticalScrollBar().maximum())
    w.sidebar.tree.verticalScrollBar().setValue(w.sidebar.tree.verticalScrollBar().maximum())
    menu = QMenu(w)
    menu.addAction("Something")
    menu.popup(w.mapToGlobal(QPoint(50, 50)))
    qtbot.waitUntil(menu.isVisible)
    kiosk.request_admin_exit()
    assert kiosk.pin_pad.isVisible()

    kiosk.reset()

    assert not menu.isVisible() and QApplication.activePopupWidget() is None
    assert not kiosk.pin_pad.isVisible()
    assert not w.act.back.isEnabled() and not w.act.forward.isEnabled()
    assert (w.look.theme, w.look.text_size) == ("light", 150)
    assert w.view.verticalScrollBar().value() == 0
    assert w.sidebar.tree.verticalScrollBar().value() == 0
    assert w.current == "" and "Continue reading" not in w.view.toPlainText()


def test_an_updated_library_brings_its_own_common_searches(
    make_kiosk: KioskFactory, make_pack: PackBuilder, tmp_path: Path
) -> None:
    old = make_pack({"one/alpha.md": article("Alpha", tags=["oldword"], category="one")})
    kiosk = make_kiosk(old)
    assert "oldword" in kiosk.window.view.toPlainText()
    (old / "one" / "alpha.md").unlink()
    new = make_pack({"one/beta.md": article("Beta", tags=["newword"], category="one")})
    kiosk.window.load_library(load_pack(new), tmp_path / "cache")
    assert kiosk.window.current == HOME
    text = kiosk.window.view.toPlainText()
    assert "newword" in text and "oldword" not in text
