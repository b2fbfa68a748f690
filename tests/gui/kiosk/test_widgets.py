"""Kiosk helpers: the on-screen keyboard and the take-it-home QR code."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.gui.kiosk import qr
from reader.gui.kiosk.keyboard import LETTER_ROWS, OnScreenKeyboard
from reader.gui.kiosk.qr import QUIET_ZONE, QrCodeWidget

URL = "https://example.org/a"


# --- on-screen keyboard ----------------------------------------------------------------------
@dataclass
class Kiosk:
    page: QWidget
    other: QPushButton
    field: QLineEdit
    keyboard: OnScreenKeyboard


@pytest.fixture
def kiosk(qtbot: QtBot) -> Kiosk:
    """A shown, active page: another focusable button, the field, the keyboard under it."""
    page = QWidget()
    other = QPushButton("Elsewhere", page)
    field = QLineEdit(page)
    keyboard = OnScreenKeyboard(field, page)
    keyboard.follow_focus()
    layout = QVBoxLayout(page)
    layout.addWidget(other)
    layout.addWidget(field)
    layout.addWidget(keyboard)
    keyboard.hide()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    return Kiosk(page, other, field, keyboard)


def open_keyboard(qtbot: QtBot, kiosk: Kiosk) -> None:
    kiosk.field.setFocus()
    qtbot.waitUntil(kiosk.keyboard.isVisible)


def key_named(keyboard: OnScreenKeyboard, name: str) -> QToolButton:
    """Find a key the way assistive technology would: by its accessible name."""
    found = [b for b in keyboard.findChildren(QToolButton) if b.accessibleName() == name]
    assert len(found) == 1, name
    return found[0]


def tap(qtbot: QtBot, button: QToolButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_keyboard_appears_when_the_field_gets_focus(qtbot: QtBot, kiosk: Kiosk) -> None:
    assert not kiosk.keyboard.isVisible()
    kiosk.field.setFocus()
    qtbot.waitUntil(kiosk.keyboard.isVisible)


def test_keyboard_sits_under_the_field_without_covering_it(qtbot: QtBot, kiosk: Kiosk) -> None:
    open_keyboard(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.keyboard.y() > kiosk.field.y())
    assert kiosk.keyboard.geometry().top() > kiosk.field.geometry().bottom()
    assert kiosk.keyboard.objectName() == "onScreenKeyboard"


def test_tapping_letters_types_lowercase_into_the_field(qtbot: QtBot, kiosk: Kiosk) -> None:
    open_keyboard(qtbot, kiosk)
    for letter in "RINGWORM":
        tap(qtbot, key_named(kiosk.keyboard, f"Letter {letter}"))
    assert kiosk.field.text() == "ringworm"


def test_focus_stays_in_the_field_while_typing(qtbot: QtBot, kiosk: Kiosk) -> None:
    open_keyboard(qtbot, kiosk)
    for key in ["r", "space", "backspace", "mode", "1", "mode", "clear"]:
        tap(qtbot, kiosk.keyboard.key_buttons[key])
        assert QApplication.focusWidget() is kiosk.field, key
    assert kiosk.keyboard.isVisible()


def test_space_and_insertion_at_the_caret(qtbot: QtBot, kiosk: Kiosk) -> None:
    open_keyboard(qtbot, kiosk)
    kiosk.field.setText("tinea")
    kiosk.field.setCursorPosition(0)
    for key in ["r", "space"]:
        tap(qtbot, kiosk.keyboard.key_buttons[key])
    assert kiosk.field.text() == "r tinea"


def test_backspace_deletes_the_last_letter(qtbot: QtBot, kiosk: Kiosk) -> None:
    open_keyboard(qtbot, kiosk)
    kiosk.field.setText("rash")
    tap(qtbot, key_named(kiosk.keyboard, "Delete last letter"))
    assert kiosk.field.text() == "ras"
    assert kiosk.keyboard.key_buttons["backspace"].autoRepeat()


def test_clear_empties_the_field(qtbot: QtBot, kiosk: Kiosk) -> None:
    open_keyboard(qtbot, kiosk)
    kiosk.field.setText("ringworm")
    tap(qtbot, kiosk.keyboard.key_buttons["clear"])
    assert kiosk.field.text() == ""


def test_digits_toggle(qtbot: QtBot, kiosk: Kiosk) -> None:
    open_keyboard(qtbot, kiosk)
    keyboard = kiosk.keyboard
    mode = keyboard.key_buttons["mode"]
    assert (mode.text(), mode.accessibleName()) == ("123", "Show numbers")
    tap(qtbot, mode)
    assert keyboard.digits_shown()
    assert (mode.text(), mode.accessibleName()) == ("ABC", "Show letters")
    assert not keyboard.key_buttons["q"].isVisible()
    for key in ["1", "2", "-"]:
        tap(qtbot, keyboard.key_buttons[key])
    tap(qtbot, mode)
    tap(qtbot, keyboard.key_buttons["a"])
    assert kiosk.field.text() == "12-a"
    assert not keyboard.digits_shown()


def test_done_hides_and_emits_done(qtbot: QtBot, kiosk: Kiosk) -> None:
    open_keyboard(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.keyboard.done, timeout=1000):
        tap(qtbot, key_named(kiosk.keyboard, "Hide keyboard"))
    assert not kiosk.keyboard.isVisible()


def test_tapping_the_still_focused_field_after_done_shows_it_again(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    open_keyboard(qtbot, kiosk)
    tap(qtbot, kiosk.keyboard.key_buttons["done"])
    assert kiosk.field.hasFocus()  # no FocusIn will come, so a tap must do
    qtbot.mouseClick(kiosk.field, Qt.MouseButton.LeftButton)
    assert kiosk.keyboard.isVisible()


def test_keyboard_hides_only_when_told(qtbot: QtBot, kiosk: Kiosk) -> None:
    open_keyboard(qtbot, kiosk)
    kiosk.other.setFocus()
    qtbot.waitUntil(kiosk.other.hasFocus)
    assert kiosk.keyboard.isVisible()
    kiosk.keyboard.hide()
    assert not kiosk.keyboard.isVisible()


@pytest.mark.parametrize("digits", [False, True], ids=["letters", "digits"])
def test_every_key_is_a_big_unfocusable_named_touch_target(
    qtbot: QtBot, kiosk: Kiosk, digits: bool
) -> None:
    open_keyboard(qtbot, kiosk)
    if digits:
        tap(qtbot, kiosk.keyboard.key_buttons["mode"])
    shown = [b for b in kiosk.keyboard.key_buttons.values() if b.isVisible()]
    expected = 10 + 6 + 5 if digits else sum(map(len, LETTER_ROWS)) + 5
    assert len(shown) == expected
    names = [b.accessibleName() for b in shown]
    assert all(names) and len(set(names)) == len(names)
    for button in shown:
        assert button.width() >= 44 and button.height() >= 44, button.accessibleName()
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
        label = button.fontMetrics().horizontalAdvance(button.text())
        assert button.width() >= label, f"{button.text()!r} is cut short"


# --- QR code ---------------------------------------------------------------------------------
@pytest.fixture
def code(qtbot: QtBot) -> Iterator[QrCodeWidget]:
    page = QWidget()  # held by this generator's frame, so it lives as long as the test
    widget = QrCodeWidget(page)
    QVBoxLayout(page).addWidget(widget)
    qtbot.addWidget(page)
    page.resize(300, 340)
    page.show()
    qtbot.waitExposed(page)
    yield widget


@pytest.fixture
def fresh_segno_lookup() -> Iterator[None]:
    qr._segno.cache_clear()
    yield
    qr._segno.cache_clear()


def is_finder(modules: list[list[bool]], top: int, left: int) -> bool:
    """Whether a 7×7 finder pattern (dark ring, light ring, dark 3×3 core) starts here."""
    for dy in range(7):
        for dx in range(7):
            ring = max(abs(dy - 3), abs(dx - 3))
            if modules[top + dy][left + dx] != (ring != 2):
                return False
    return True


def test_code_matrix_matches_segno(code: QrCodeWidget) -> None:
    code.set_url(URL)
    modules = code.modules()
    width, height = segno.make(URL, error="m").symbol_size(border=QUIET_ZONE)
    assert len(modules) == height
    assert all(len(row) == width for row in modules)
    assert width == height > 2 * QUIET_ZONE + 21
    assert code.isVisible() and code.url() == URL


def test_code_has_finder_patterns_in_three_corners_inside_the_quiet_zone(
    code: QrCodeWidget,
) -> None:
    code.set_url(URL)
    modules = code.modules()
    size = len(modules)
    far = size - QUIET_ZONE - 7
    assert is_finder(modules, QUIET_ZONE, QUIET_ZONE)
    assert is_finder(modules, QUIET_ZONE, far)
    assert is_finder(modules, far, QUIET_ZONE)
    assert not is_finder(modules, far, far)
    edge = [*range(QUIET_ZONE), *range(size - QUIET_ZONE, size)]
    assert not any(modules[y][x] for y in edge for x in range(size))
    assert not any(modules[y][x] for y in range(size) for x in edge)


def test_empty_url_hides_the_code(code: QrCodeWidget) -> None:
    code.set_url(URL)
    assert code.isVisible()
    code.set_url("")
    assert not code.isVisible()
    assert code.modules() == [] and code.url() == ""


def test_code_is_hidden_until_it_has_an_address(code: QrCodeWidget) -> None:
    assert not code.isVisible()


def test_code_is_painted_black_on_white_module_by_module(qtbot: QtBot, code: QrCodeWidget) -> None:
    code.set_url(URL)
    area = code.code
    qtbot.waitUntil(lambda: area.width() >= 160 and area.height() >= 160)
    assert code.caption.text() == "Scan to read on your phone" and code.caption.isVisible()
    image = area.grab().toImage()
    left, top, module = area.placement()
    assert module >= 4
    modules = code.modules()
    black, white = QColor(Qt.GlobalColor.black), QColor(Qt.GlobalColor.white)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            for px, py in [(0, 0), (module - 1, module - 1)]:  # crisp: both corners agree
                colour = image.pixelColor(left + x * module + px, top + y * module + py)
                assert colour == (black if dark else white), (x, y)
    whole = code.grab().toImage()
    centre = whole.pixelColor(
        area.x() + left + (QUIET_ZONE + 3) * module, area.y() + top + (QUIET_ZONE + 3) * module
    )
    assert centre == black
    assert whole.pixelColor(area.x() + left, area.y() + top) == white


def test_missing_segno_hides_and_warns_once(
    code: QrCodeWidget,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    fresh_segno_lookup: None,
) -> None:
    monkeypatch.setitem(sys.modules, "segno", None)  # makes ``import segno`` fail
    with caplog.at_level(logging.WARNING, logger="reader.gui.kiosk.qr"):
        code.set_url(URL)
        code.set_url(URL + "/b")
    assert not code.isVisible() and code.modules() == []
    assert [r.getMessage() for r in caplog.records] == [
        "segno is not installed; QR codes are not shown"
    ]


def test_too_long_address_hides_instead_of_raising(code: QrCodeWidget) -> None:
    code.set_url(URL)
    code.set_url("https://example.org/" + "x" * 5000)
    assert not code.isVisible()


def test_segno_is_imported_only_when_a_code_is_made() -> None:
    script = "import sys, reader.gui.kiosk.qr; assert 'segno' not in sys.modules, 'imported early'"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_card_shows_an_article_title_as_text_not_markup(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QWidget

    from reader.gui.kiosk.overlays import Notice

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(800, 600)
    card = Notice(parent, "attractCard")
    card.show_text("<b>Chest</b> pain", "<img src='x'> & more")
    labels = card.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert card.title.text() == "<b>Chest</b> pain"
