"""The staff exit: a touch PIN pad, plain messages, a lock-out that says how long, status 64."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benchmarks import synth
from reader.gui.kiosk.controller import ADMIN_EXIT_CODE, KioskController
from tests.gui.kiosk.conftest import PIN, PIN_HASH, Clock

CHORD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
)


@pytest.fixture
def exits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Exit codes asked for (the real exit is tested in a subprocess below)."""
    codes: list[int] = []
    monkeypatch.setattr(
        "reader.gui.kiosk.controller.QApplication.exit", lambda code=0: codes.append(code)
    )
    return codes


def tap(qtbot: QtBot, kiosk: KioskController, keys: list[str]) -> None:
    for key in keys:
        qtbot.mouseClick(kiosk.pin_pad.keys[key], Qt.MouseButton.LeftButton)


def test_the_chord_opens_a_keypad_that_works_by_touch(
    qtbot: QtBot, kiosk: KioskController, exits: list[int]
) -> None:
    qtbot.keyClick(kiosk.window, Qt.Key.Key_X, CHORD)
    pad = kiosk.pin_pad
    assert pad.isVisible()
    assert sorted(pad.keys) == sorted([*"0123456789", "delete", "ok", "cancel"])
    assert kiosk.window.rect().contains(pad.geometry())
    for key in pad.keys.values():
        assert key.width() >= 44 and key.height() >= 44
    tap(qtbot, kiosk, ["2", "4", "9"])
    assert pad.dots.text() == "●●●"  # one dot per digit, never the digits
    tap(qtbot, kiosk, ["delete", "6", "8"])
    assert exits == []
    tap(qtbot, kiosk, ["ok"])
    assert exits == [ADMIN_EXIT_CODE]


def test_a_wrong_pin_says_so_and_how_many_tries_are_left(
    qtbot: QtBot, kiosk: KioskController, exits: list[int]
) -> None:
    kiosk.request_admin_exit()
    tap(qtbot, kiosk, ["1", "1", "1", "1", "ok"])
    assert kiosk.pin_pad.isVisible()  # the prompt stays, with the reason
    assert kiosk.pin_pad.message.text() == "Wrong PIN. 2 tries left."
    tap(qtbot, kiosk, ["1", "2", "ok"])
    assert kiosk.pin_pad.message.text() == "Wrong PIN. 1 try left."
    assert PIN not in kiosk.pin_pad.message.text() and exits == []


def test_the_lock_out_says_how_long_to_wait(
    qtbot: QtBot, kiosk: KioskController, clock: Clock, exits: list[int]
) -> None:
    kiosk.request_admin_exit()
    for _ in range(3):
        tap(qtbot, kiosk, ["1", "1", "1", "1", "ok"])
    pad = kiosk.pin_pad
    assert kiosk.is_locked()
    assert pad.message.text() == "Too many wrong PINs. Try again in 60 seconds."
    assert not pad.keys["2"].isEnabled() and pad.keys["cancel"].isEnabled()
    clock.now += 25
    kiosk.lock_tick.timeout.emit()  # the one-second tick
    assert pad.message.text() == "Too many wrong PINs. Try again in 35 seconds."
    kiosk.submit_pin(PIN)  # even the right PIN does nothing while locked
    assert exits == []

    pad.cancel()
    qtbot.keyClick(kiosk.window, Qt.Key.Key_X, CHORD)  # the chord is not silent when locked
    assert pad.isVisible()
    assert pad.message.text() == "Too many wrong PINs. Try again in 35 seconds."

    clock.now += 36
    kiosk.lock_tick.timeout.emit()
    assert pad.keys["2"].isEnabled() and pad.message.text() == "Enter the staff PIN."
    tap(qtbot, kiosk, [*PIN, "ok"])
    assert exits == [ADMIN_EXIT_CODE]


def test_digits_from_a_keyboard_work_too(
    qtbot: QtBot, kiosk: KioskController, exits: list[int]
) -> None:
    kiosk.request_admin_exit()
    qtbot.keyClicks(kiosk.pin_pad, PIN)
    qtbot.keyClick(kiosk.pin_pad, Qt.Key.Key_Return)
    assert exits == [ADMIN_EXIT_CODE]


SCRIPT = """\
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.cli import main
from reader.gui.indexer import IndexLoader

app = QApplication([sys.argv[0], "-style", "Fusion"])


def exit_while_indexing():
    for window in app.topLevelWidgets():
        controller = getattr(window, "kiosk_controller", None)
        loader = window.findChild(IndexLoader) if controller is not None else None
        if loader is not None and loader.isRunning():
            print("index building; admin exit", flush=True)
            controller.request_admin_exit()
            controller.submit_pin({pin!r})  # what OK on the pad does
            return
    QTimer.singleShot(5, exit_while_indexing)


QTimer.singleShot(0, exit_while_indexing)
sys.exit(main({args!r}))
"""


@pytest.mark.slow
def test_admin_exit_while_the_index_builds_ends_with_64(tmp_path: Path) -> None:
    pack = tmp_path / "big"
    synth.generate(pack, 3000, words=300, clusters=10, seed=2)
    config = tmp_path / "kiosk.toml"
    config.write_text(f'kiosk = true\nadmin_pin = "{PIN_HASH}"\n', encoding="utf-8")
    args = [
        "--config", str(config), "--content", str(pack), "--size", "1024x768",
        "--settings", str(tmp_path / "settings.ini"),
    ]  # fmt: skip
    script = tmp_path / "run_kiosk.py"
    script.write_text(textwrap.dedent(SCRIPT.format(pin=PIN, args=args)), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[3],
        check=False,
    )
    assert "index building; admin exit" in result.stdout, result.stderr[-2000:]
    assert "QThread: Destroyed" not in result.stderr
    assert result.returncode == ADMIN_EXIT_CODE, result.stderr[-2000:]
