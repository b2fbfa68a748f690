"""Kiosk mode: locked down, reset for the next visitor, hidden admin exit."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QContextMenuEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.kiosk.config import KioskConfig, hash_pin, load_config, verify_pin
from reader.gui.kiosk.controller import KioskController
from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.library.loading import load_pack
from tests.gui.conftest import WindowFactory
from tests.gui.kiosk.conftest import Clock


def test_idle_reset_forgets_the_visitor(qtbot: QtBot, kiosk: KioskController) -> None:
    w = kiosk.window
    w.open_article("alpha")
    w.open_article("gamma")
    w.sidebar.search_field.setText("beta")
    w.find_bar.open_bar()
    w.look.set_text_size(250)
    w.look.set_theme("dark")
    with qtbot.waitSignal(kiosk.reset_done, timeout=3000):
        pass
    assert w.windowTitle() == "Home — Test Pack"
    assert w.sidebar.search_field.text() == ""
    assert not w.find_bar.isVisible()
    assert not w.act.back.isEnabled() and not w.act.forward.isEnabled()
    assert (w.look.theme, w.look.text_size) == ("light", 150)
    assert w.view.verticalScrollBar().value() == 0
    assert "Continue reading" not in w.view.toPlainText()
    assert w.sidebar.current_slug() is None


def test_countdown_shows_and_input_cancels_it(qtbot: QtBot, kiosk: KioskController) -> None:
    kiosk.window.open_article("beta")
    qtbot.waitUntil(kiosk.countdown.isVisible, timeout=2000)
    assert "Still reading?" in kiosk.countdown.title.text()
    qtbot.mouseClick(kiosk.window.view.viewport(), Qt.MouseButton.LeftButton)
    assert not kiosk.countdown.isVisible()
    assert kiosk.window.current == "beta"


def test_close_requests_are_refused(qtbot: QtBot, kiosk: KioskController) -> None:
    """What Alt+F4, a window manager's Close or Ctrl+W ask for: a close event. Window-manager
    keys do nothing on the offscreen platform, so the handler is tested directly here and the
    keys in a real session (docs/kiosk.md)."""
    w = kiosk.window
    event = QCloseEvent()
    QApplication.sendEvent(w, event)
    assert not event.isAccepted()
    w.close()
    assert w.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # an app shortcut
    assert w.isVisible()
    assert not w.menuBar().isVisible()
    assert not w.act.quit.isEnabled()


@pytest.mark.parametrize("state", [Qt.WindowState.WindowMinimized, Qt.WindowState.WindowNoState])
def test_leaving_full_screen_puts_it_straight_back(
    qtbot: QtBot, kiosk: KioskController, state: Qt.WindowState
) -> None:
    """Iconify (Openbox's Alt+Space menu) or un-fullscreen: the kiosk returns to full screen."""
    w = kiosk.window
    w.showFullScreen()
    qtbot.waitUntil(w.isFullScreen)
    w.setWindowState(state)
    assert not w.isFullScreen()
    qtbot.waitUntil(w.isFullScreen, timeout=5000)


def test_quit_works_on_the_desktop(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_no_context_menus(kiosk: KioskController) -> None:
    view = kiosk.window.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    assert kiosk.eventFilter(view, event) is True


def test_five_taps_in_the_corner_ask_for_the_pin(
    qtbot: QtBot, kiosk: KioskController, clock: Clock
) -> None:
    target = kiosk.bar
    for _ in range(4):
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        clock.now += 0.4
    assert not kiosk.pin_pad.isVisible()
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert kiosk.pin_pad.isVisible()
    kiosk.pin_pad.cancel()
    for _ in range(5):  # too slow: no prompt
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        clock.now += 1.0
    assert not kiosk.pin_pad.isVisible()


def test_without_a_pin_the_admin_exit_is_disabled(kiosk: KioskController) -> None:
    kiosk.config = replace(kiosk.config, admin_pin="")
    kiosk.request_admin_exit()
    assert not kiosk.pin_pad.isVisible()


def test_outside_links_are_not_followed(kiosk: KioskController) -> None:
    w = kiosk.window
    w.links.open(QUrl("https://example.org/page"))
    assert w.opened_externally == []  # type: ignore[attr-defined]


def test_touch_targets_are_big_enough(qtbot: QtBot, kiosk: KioskController) -> None:
    w = kiosk.window
    w.resize(1280, 800)
    qtbot.wait(20)
    w.open_article("beta")
    for key, button in kiosk.bar.buttons.items():
        if key != "listen":  # no speech engine here: hidden
            assert button.height() >= 44 and button.width() >= 44, key
    assert w.sidebar.search_field.height() >= 44
    tree = w.sidebar.tree
    for slug in ("alpha", "gamma"):
        assert tree.visualRect(w.sidebar.model.index_of(slug)).height() >= 44


def test_kiosk_home_has_an_a_to_z_list(kiosk: KioskController) -> None:
    kiosk.window.show_home()
    text = kiosk.window.view.toPlainText()
    assert "All articles A–Z" in text
    assert text.index("Alpha", text.index("A–Z")) < text.index("Gamma", text.index("A–Z"))


def test_attract_mode_cycles_featured_cards_until_touched(
    qtbot: QtBot, kiosk: KioskController
) -> None:
    kiosk.config = replace(kiosk.config, attract=True)
    kiosk.attract_timer.setInterval(30)
    kiosk.reset()
    assert kiosk.attract_card.isVisible()
    assert kiosk.attract_card.title.text() == "Alpha"  # the featured article
    qtbot.mouseClick(kiosk.window.view.viewport(), Qt.MouseButton.LeftButton)
    assert not kiosk.attract_card.isVisible()
    assert not kiosk.attract_timer.isActive()


def test_bad_config_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        'kiosk = true\nidle_seconds = "soon"\ntheme = "purple"\ncountdown_seconds = 5\n'
        'admin_pin = "1234"\nmystery = 1\ntext_size = 900\n'
    )
    config = load_config(path)
    assert config.kiosk is True and config.countdown_seconds == 5
    assert config.idle_seconds == 120 and config.theme == "light" and config.text_size == 150
    assert config.admin_pin == ""
    joined = "\n".join(config.problems)
    assert "'idle_seconds' = 'soon' is not valid" in joined
    assert "'theme' = 'purple'" in joined and "unknown option 'mystery'" in joined
    assert "'admin_pin'" in joined and "'text_size' = 900" in joined


def test_unreadable_config_uses_defaults(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("kiosk = = true")
    config = load_config(path)
    assert config == KioskConfig() and "cannot read it" in config.problems[0]


def test_pin_hash_round_trip_and_cli() -> None:
    stored = hash_pin("8642")
    assert verify_pin("8642", stored) and not verify_pin("8643", stored)
    assert not verify_pin("8642", "scrypt$garbage")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "kiosk-pin", "--stdin"],
        input="5791\n",
        capture_output=True,
        text=True,
        check=True,
    )
    line = result.stdout.strip()
    assert line.startswith('admin_pin = "scrypt$') and "5791" not in line
    assert verify_pin("5791", line.split('"')[1])


def test_on_screen_keyboard_types_a_search_below_the_field(
    qtbot: QtBot, kiosk: KioskController
) -> None:
    keyboard = kiosk.keyboard
    assert keyboard is not None and not keyboard.isVisible()
    field = kiosk.window.sidebar.search_field
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)  # a visitor taps the search field
    qtbot.waitUntil(keyboard.isVisible, timeout=1000)
    for letter in "gam":
        qtbot.mouseClick(keyboard.key_buttons[letter], Qt.MouseButton.LeftButton)
    assert field.text() == "gam"
    field_bottom = field.mapTo(kiosk.window, QPoint(0, field.height())).y()
    assert keyboard.mapTo(kiosk.window, QPoint(0, 0)).y() >= field_bottom  # never covers it
    kiosk.reset()
    assert not keyboard.isVisible() and field.text() == ""


def test_qr_code_for_articles_with_a_web_address(
    qtbot: QtBot, make_window: WindowFactory, make_pack: object
) -> None:
    from tests.conftest import article

    root = make_pack(  # type: ignore[operator]
        {
            "web.md": article("Web", url="https://example.org/web"),
            "local.md": article("Local"),
        }
    )
    window = make_window(root)
    controller = KioskController(window, KioskConfig(kiosk=True, qr_codes=True))
    try:
        assert controller.qr is not None
        window.open_article("web")
        assert controller.qr.isVisible() and controller.qr.url() == "https://example.org/web"
        assert "Scan to read on your phone" in controller.qr.caption.text()
        window.open_article("local")
        assert not controller.qr.isVisible()
    finally:
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(controller)


def test_the_keyboard_waits_for_a_tap_on_the_search_field(
    qtbot: QtBot, small_pack: Path, settings_path: Path
) -> None:
    # As the reader starts a kiosk: the controller rebuilds the window before it is shown.
    window = MainWindow(load_pack(small_pack), Settings.at(settings_path))
    qtbot.addWidget(window)
    controller = KioskController(window, KioskConfig(kiosk=True))
    try:
        window.show_home()
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        assert controller.keyboard is not None and not controller.keyboard.isVisible()
        assert not window.sidebar.search_field.hasFocus()
        qtbot.mouseClick(window.sidebar.search_field, Qt.MouseButton.LeftButton)
        assert controller.keyboard.isVisible()
        controller.reset()
        QApplication.processEvents()
        assert not controller.keyboard.isVisible()
        assert not window.sidebar.search_field.hasFocus()
    finally:
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(controller)


def test_trusted_keys_are_read_from_the_kiosk_configuration(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('trusted_keys = ["AAAA", " BBBB "]\n', encoding="utf-8")
    config = load_config(path)
    assert config.trusted_keys == ("AAAA", "BBBB") and not config.problems
    path.write_text('trusted_keys = "AAAA"\n', encoding="utf-8")
    assert load_config(path).trusted_keys == () and load_config(path).problems
