"""Fixtures that build the real main window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.pack import load_pack

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, settings_path: Path) -> WindowFactory:
    """Build a shown main window over a pack folder; external opens are recorded, not run."""

    def build(root: Path, **kwargs: object) -> MainWindow:
        opened: list[str] = []
        window = MainWindow(
            load_pack(root),
            Settings.at(settings_path),
            open_external=lambda url: opened.append(url.toString()) or True,
            **kwargs,  # type: ignore[arg-type]
        )
        window.opened_externally = opened  # type: ignore[attr-defined]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return build


@pytest.fixture
def window(make_window: WindowFactory, small_pack: Path) -> MainWindow:
    w = make_window(small_pack)
    w.show_home()
    return w
