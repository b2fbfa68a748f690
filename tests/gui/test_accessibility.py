"""Read aloud (with a fake engine), keyboard use and names for assistive technology."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.gui.speech import QtSpeechEngine, SpeechEngine
from reader.gui.window import MainWindow
from tests.gui.conftest import WindowFactory


class FakeEngine(SpeechEngine):
    available = True

    def __init__(self, can_pause: bool) -> None:
        super().__init__()
        self.can_pause = can_pause
        self.said: list[str] = []
        self.log: list[str] = []
        self.rate = 0.0

    def say(self, text: str) -> None:
        self.said.append(text)
        self.log.append("say")

    def stop(self) -> None:
        self.log.append("stop")

    def pause(self) -> None:
        self.log.append("pause")

    def resume(self) -> None:
        self.log.append("resume")

    def set_rate(self, rate: float) -> None:
        self.rate = rate


def highlighted(window: MainWindow) -> str:
    marks = window.view.extraSelections()
    return marks[0].cursor.selectedText() if marks else ""


@pytest.mark.parametrize("can_pause", [True, False])
def test_read_aloud_state_machine(
    make_window: WindowFactory, small_pack: Path, can_pause: bool
) -> None:
    engine = FakeEngine(can_pause)
    window = make_window(small_pack, speech=engine)
    window.open_article("gamma")
    window.act.listen.trigger()
    assert engine.said == ["Gamma"]
    assert highlighted(window) == "Gamma"
    assert window.act.listen.text() == "&Pause"
    engine.finished.emit()
    assert engine.said[-1] == "About gamma."
    window.act.listen.trigger()  # pause
    if can_pause:
        assert engine.log[-1] == "pause"
    else:
        assert engine.log[-1] == "stop"
    engine.finished.emit()  # a stopped engine may still report the end: ignored
    assert engine.said[-1] == "About gamma."
    window.act.listen.trigger()  # resume
    assert engine.log[-1] == ("resume" if can_pause else "say")
    assert engine.said[-1] == "About gamma."  # the same paragraph again, not the next
    for _ in range(20):
        engine.finished.emit()
    assert window.listening.reader().state.value == "stopped"  # type: ignore[union-attr]
    assert highlighted(window) == ""
    assert any("details" in said for said in engine.said)


def test_speed_and_stop_on_page_change(make_window: WindowFactory, small_pack: Path) -> None:
    engine = FakeEngine(True)
    window = make_window(small_pack, speech=engine)
    window.open_article("alpha")
    window.act.faster.trigger()
    assert engine.rate > 0
    window.act.listen.trigger()
    window.open_article("beta")
    assert engine.log[-1] == "stop"
    assert window.listening.reader().state.value == "stopped"  # type: ignore[union-attr]


def test_listen_is_disabled_with_a_reason_without_an_engine(
    make_window: WindowFactory, small_pack: Path
) -> None:
    engine = FakeEngine(False)
    engine.available = False
    engine.unavailable_reason = "No speech engine is installed."
    window = make_window(small_pack, speech=engine)
    assert not window.act.listen.isEnabled()
    # Said to the reader in the reader's words; the technical reason goes to the log.
    tip = window.act.listen.toolTip()
    assert tip.startswith("Read aloud is not available on this computer.")
    assert "accessibility.md" in tip
    assert "pip" not in tip and "engine" not in tip
    assert window.act.listen.statusTip() == ""  # a status tip would stay in the status bar
    # A new language builds new actions: Listen stays off, with its reason.
    window.set_language("zh_CN")
    assert window.language == "zh_CN"
    assert not window.act.listen.isEnabled()
    assert window.act.listen.toolTip().startswith("Read aloud is not available")


@pytest.mark.skipif(
    importlib.util.find_spec("PySide6.QtTextToSpeech") is None,
    reason="QtTextToSpeech is not installed (pip install PySide6-Addons)",
)
def test_real_engine_path(qtbot: QtBot) -> None:
    engine = QtSpeechEngine()
    if not engine.available:
        pytest.skip(f"no speech engine: {engine.unavailable_reason}")
    with qtbot.waitSignal(engine.finished, timeout=20_000):
        engine.say("Test.")


def test_tab_order_search_tree_recommended_article(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article("alpha")
    window.sidebar.search_field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sidebar.search_field)
    order = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [window.sidebar.tree, window.sidebar.recommended, window.view]


def test_article_links_are_reachable_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article("alpha")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.view.textCursor().charFormat().anchorHref() == "article:beta"
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.current == "beta"


INTERACTIVE = {
    QAccessible.Role.PushButton,
    QAccessible.Role.ButtonMenu,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.ComboBox,
    QAccessible.Role.EditableText,
    QAccessible.Role.List,
    QAccessible.Role.Tree,
    QAccessible.Role.Slider,
    QAccessible.Role.SpinBox,
    QAccessible.Role.Link,
}


def unnamed_controls(root: QWidget) -> list[str]:
    missing: list[str] = []

    def walk(interface: QAccessible.QAccessibleInterface | None, depth: int) -> None:
        if interface is None or not interface.isValid() or depth > 12:
            return
        state = interface.state()
        name = interface.text(QAccessible.Text.Name).strip()
        if interface.role() in INTERACTIVE and not state.invisible and not name:
            obj = interface.object()
            label = obj.objectName() if obj else ""
            missing.append(f"{interface.role().name} {type(obj).__name__} {label}")
        for i in range(interface.childCount()):
            walk(interface.child(i), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), 0)
    return missing


def test_every_interactive_control_has_a_name(window: MainWindow) -> None:
    window.open_article("alpha")
    window.find_bar.open_bar()
    assert unnamed_controls(window) == []


def test_the_article_text_is_exposed(window: MainWindow) -> None:
    window.open_article("alpha")
    interface = QAccessible.queryAccessibleInterface(window.view)
    assert interface.text(QAccessible.Text.Name) == "Article"
    text = interface.textInterface()
    assert text is not None and "Alpha intro" in text.text(0, text.characterCount())
