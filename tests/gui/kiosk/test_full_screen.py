"""The kiosk covers the whole screen from its first frame and goes back when anything changes that.

Offscreen Qt has no window manager keys, so each test sets the window state or geometry the
way a window manager or compositor would, and checks the kiosk puts itself back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QWindowStateChangeEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.gui.kiosk.config import KioskConfig
from reader.gui.kiosk.controller import REFIT_WINDOW_S, REFITS_PER_WINDOW, KioskController
from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.library.loading import load_pack

State = Qt.WindowState


class ShowGeometry(QObject):
    """Remember the window's geometry when it is first shown: the size of its first frame."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.at_show: QRect | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show and self.at_show is None:
            self.at_show = self.window.geometry()
        return False


@pytest.fixture
def kiosk(qtbot: QtBot, small_pack: Path, settings_path: Path) -> Iterator[KioskController]:
    """A kiosk started as run() starts one: controller first, then showFullScreen()."""
    window = MainWindow(load_pack(small_pack), Settings.at(settings_path))
    qtbot.addWidget(window)
    window.resize(1100, 720)  # the desktop size a first start restores
    controller = KioskController(window, KioskConfig(kiosk=True))
    window.first_show = ShowGeometry(window)  # type: ignore[attr-defined]
    window.show_home()
    window.showFullScreen()
    qtbot.waitExposed(window)
    yield controller
    app = QApplication.instance()
    assert app is not None
    app.removeEventFilter(controller)


def covers_the_screen(window: MainWindow) -> bool:
    return (
        window.isVisible()
        and window.isFullScreen()
        and not window.isMinimized()
        and window.geometry() == window.screen().geometry()
    )


def test_the_first_frame_already_covers_the_screen(kiosk: KioskController) -> None:
    # Without a window manager nothing resizes a window after showFullScreen(): the size it is
    # shown at is the size it keeps (a bare X session), and Wayland's first buffer has it.
    window = kiosk.window
    assert window.first_show.at_show == window.screen().geometry()  # type: ignore[attr-defined]
    assert window.screen().geometry() != QRect(0, 0, 1100, 720)


@pytest.mark.parametrize(
    "state",
    [State.WindowMinimized, State.WindowMinimized | State.WindowFullScreen, State.WindowNoState],
    ids=["minimised", "iconified-keeping-full-screen", "normal"],
)
def test_a_state_change_puts_it_back_to_full_screen(
    qtbot: QtBot, kiosk: KioskController, state: Qt.WindowState
) -> None:
    window = kiosk.window
    window.setWindowState(state)
    qtbot.waitUntil(lambda: covers_the_screen(window), timeout=2000)


def test_a_window_manager_iconify_puts_it_back(qtbot: QtBot, kiosk: KioskController) -> None:
    # What the platform does when Openbox iconifies a full-screen window: the state changes
    # under the widget (overrideWindowState) and a state change event follows.
    window = kiosk.window
    old = window.windowState()
    window.overrideWindowState(State.WindowMinimized | State.WindowFullScreen)
    QApplication.sendEvent(window, QWindowStateChangeEvent(old))
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=2000)
    assert covers_the_screen(window)


@pytest.mark.parametrize("change", ["resize", "move"])
def test_a_resize_or_move_puts_it_back(qtbot: QtBot, kiosk: KioskController, change: str) -> None:
    window = kiosk.window
    if change == "resize":
        window.resize(1100, 690)
    else:
        window.move(180, 30)
    qtbot.waitUntil(lambda: covers_the_screen(window), timeout=2000)


def test_a_desktop_size_kiosk_is_left_alone(
    qtbot: QtBot, small_pack: Path, settings_path: Path
) -> None:
    # `--kiosk --size WxH` (screenshots) shows a normal window: nothing arms the guard.
    window = MainWindow(load_pack(small_pack), Settings.at(settings_path))
    qtbot.addWidget(window)
    controller = KioskController(window, KioskConfig(kiosk=True))
    try:
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.resize(1000, 700)
        qtbot.wait(50)
        assert window.size().toTuple() == (1000, 700) and not window.isFullScreen()
    finally:
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(controller)


def test_a_window_manager_that_fights_back_does_not_start_a_loop(
    qtbot: QtBot, kiosk: KioskController, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = kiosk.window
    now = [5000.0]
    kiosk.clock = lambda: now[0]
    fits: list[QRect] = []

    def window_manager_undoes_it(rect: QRect) -> None:
        fits.append(rect)
        QWidget.move(window, 180 + len(fits) % 2, 30)  # a Move event: the kiosk answers again

    monkeypatch.setattr(window, "setGeometry", window_manager_undoes_it)
    window.move(180, 30)
    qtbot.wait(200)
    assert 1 <= len(fits) <= REFITS_PER_WINDOW
    fits.clear()
    now[0] += REFIT_WINDOW_S + 1
    window.move(190, 40)  # after a pause the next change is answered again
    qtbot.waitUntil(lambda: len(fits) >= 1, timeout=1000)
