"""A kiosk over the small test pack, with a clock the tests move by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.kiosk.config import KioskConfig, hash_pin
from reader.gui.kiosk.controller import KioskController
from tests.gui.conftest import WindowFactory

KioskFactory = Callable[..., KioskController]
PIN = "2468"
PIN_HASH = hash_pin(PIN)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_kiosk(qtbot: QtBot, make_window: WindowFactory, clock: Clock) -> Iterator[KioskFactory]:
    """Build a kiosk over a pack folder (``KioskConfig`` keywords override the test config)."""
    built: list[KioskController] = []

    def build(
        root: Path, window_kwargs: dict[str, object] | None = None, **options: object
    ) -> KioskController:
        window = make_window(root, **(window_kwargs or {}))
        window.show_home()
        values: dict[str, object] = {
            "kiosk": True,
            "countdown_seconds": 3,
            "admin_pin": PIN_HASH,
            "text_size": 150,
        }
        values.update(options)
        controller = KioskController(window, KioskConfig(**values), clock=clock)  # type: ignore[arg-type]
        controller.idle.setInterval(150)  # seconds in production; milliseconds here
        controller.tick.setInterval(20)
        built.append(controller)
        return controller

    yield build
    app = QApplication.instance()
    assert app is not None
    for controller in built:
        app.removeEventFilter(controller)
        controller.window.stop_workers()


@pytest.fixture
def kiosk(make_kiosk: KioskFactory, small_pack: Path) -> KioskController:
    return make_kiosk(small_pack)
