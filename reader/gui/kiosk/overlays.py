"""Cards over the kiosk window: notices (idle countdown, attract cards), the language card
and the staff PIN pad."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from reader.gui.layouts import column

#: Cards never get wider than this, so lines stay short enough to read.
CARD_MAX_PX = 860
#: Room left around a card on a small screen.
CARD_MARGIN_PX = 40
PIN_KEY_PX = 84
#: A keypad wider than this only spreads its keys apart.
PIN_PAD_MAX_PX = 560
PIN_MAX_DIGITS = 12
#: Height of a language's button on the language card (touch targets: at least 48 px).
LANGUAGE_KEY_PX = 72
#: A language card wider than this only stretches its buttons.
LANGUAGE_CARD_MAX_PX = 560


def _label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # article titles and addresses are not markup
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _centre(card: QWidget, max_width: int = CARD_MAX_PX) -> None:
    """Size ``card`` for its parent (wrapped text included) and put it in the middle."""
    parent = card.parentWidget()
    assert parent is not None
    width = min(max_width, max(280, parent.width() - 2 * CARD_MARGIN_PX))
    card.setFixedWidth(width)
    layout = card.layout()
    assert layout is not None
    layout.activate()
    # adjustSize() takes the one-line height of word-wrapped labels: ask for the height at
    # this width, or the title and the summary draw over each other.
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
    height = max(height, layout.totalMinimumSize().height())
    card.setFixedHeight(min(height, max(120, parent.height() - 2 * CARD_MARGIN_PX)))
    card.move((parent.width() - card.width()) // 2, (parent.height() - card.height()) // 2)


class Notice(QFrame):
    """A large centred card over the window: a title, a text and an optional last line
    (such as "Touch to start" or "OK") drawn as a big button."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = _label(self, "noticeTitle")
        self.body = _label(self, "noticeBody")
        self.action = _label(self, "noticeAction")
        self.action.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = column(self, (self.title, self.body), margins=(40, 32), spacing=20)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignHCenter)
        self.hide()

    def show_text(self, title: str, body: str, action: str = "") -> None:
        self.title.setText(title)
        self.body.setText(body)
        self.body.setVisible(bool(body))
        self.action.setText(action)
        self.action.setVisible(bool(action))
        _centre(self)
        self.show()
        self.raise_()

    def relayout(self) -> None:
        """Fit the window again after it changed size."""
        if self.isVisible():
            _centre(self)


class PinPad(QFrame):
    """The staff exit: a numeric keypad for the admin PIN, usable by touch alone.

    It shows one dot per digit typed (never the PIN, never a hint), and a message line that
    the controller fills ("Wrong PIN", tries left, how long a lock-out lasts).
    """

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._digits = ""
        self.title = _label(self, "noticeTitle")
        self.dots = _label(self, "pinDots")
        self.message = _label(self, "pinMessage")
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        for i, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit, digit), *divmod(i, 3))
        grid.addWidget(self._key("delete", "⌫"), 3, 0)
        grid.addWidget(self._key("0", "0"), 3, 1)
        grid.addWidget(self._key("ok"), 3, 2)
        cancel = self._key("cancel")
        self.retranslate()
        items = (self.title, self.dots, self.message, grid, cancel)
        column(self, items, margins=(32, 24), spacing=14)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # digits from a keyboard work too
        self.hide()

    def _key(self, key: str, text: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(PIN_KEY_PX, PIN_KEY_PX if key != "cancel" else 56)
        if key == "cancel":
            button.clicked.connect(self.cancel)
        else:
            button.clicked.connect(lambda _=False, k=key: self.press(k))
        self.keys[key] = button
        return button

    def retranslate(self) -> None:
        """Word the pad in the interface language now installed (the message is the caller's)."""
        self.title.setText(self.tr("Staff exit"))
        self.dots.setAccessibleName(self.tr("Digits entered"))
        for digit in "0123456789":
            self.keys[digit].setAccessibleName(self.tr("Digit {d}").format(d=digit))
        self.keys["delete"].setAccessibleName(self.tr("Delete last digit"))
        self.keys["ok"].setText(self.tr("OK"))
        self.keys["ok"].setAccessibleName(self.tr("Enter the PIN"))
        self.keys["cancel"].setText(self.tr("Cancel"))
        self.keys["cancel"].setAccessibleName(self.tr("Cancel"))

    def open(self, message: str) -> None:
        """Show the pad, empty, with ``message`` under the title."""
        self._digits = ""
        self._show_dots()
        self.message.setText(message)
        self.show()
        _centre(self, PIN_PAD_MAX_PX)
        self.raise_()
        self.setFocus()

    def press(self, key: str) -> None:
        """A key of the pad was tapped: a digit, ``delete`` or ``ok``."""
        if key == "delete":
            self._digits = self._digits[:-1]
        elif key == "ok":
            if self._digits:
                pin, self._digits = self._digits, ""
                self._show_dots()
                self.submitted.emit(pin)
            return
        elif key.isdigit() and len(self._digits) < PIN_MAX_DIGITS:
            self._digits += key
        self._show_dots()

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.relayout()

    def relayout(self) -> None:
        """Fit the window again (after it changed size, or the message did)."""
        if self.isVisible():
            _centre(self, PIN_PAD_MAX_PX)

    def set_locked(self, locked: bool) -> None:
        """While locked, only Cancel works."""
        for key, button in self.keys.items():
            button.setEnabled(key == "cancel" or not locked)
        if locked:
            self._digits = ""
            self._show_dots()

    def cancel(self) -> None:
        self._digits = ""
        self.hide()
        self.cancelled.emit()

    def _show_dots(self) -> None:
        self.dots.setText("●" * len(self._digits) if self._digits else " ")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key, text = event.key(), event.text()
        if text.isdigit() and self.keys["0"].isEnabled():
            self.press(text)
        elif key == Qt.Key.Key_Backspace:
            self.press("delete")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.keys["ok"].isEnabled():
            self.press("ok")
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)


class LanguagePicker(QFrame):
    """The language card: one big button per interface language, each named in itself
    ("English", "中文", "Español"), the one shown marked; touch one to switch.

    ``buttons`` maps each language code to its button. It stays inside the window: no menu
    or dialog of the desktop's opens over a kiosk.
    """

    #: A language was touched (its code, such as ``zh_CN``); the card has closed.
    chosen = Signal(str)

    def __init__(self, parent: QWidget, languages: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setObjectName("languagePicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = _label(self, "noticeTitle")
        layout = column(self, [self.title], margins=(32, 24), spacing=14)
        self.buttons: dict[str, QPushButton] = {}
        for code, name in languages:
            button = QPushButton(name, self)
            button.setObjectName("languageChoice")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(LANGUAGE_KEY_PX)
            button.clicked.connect(lambda _=False, c=code: self._choose(c))
            layout.addWidget(button)
            self.buttons[code] = button
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("languageClose")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setMinimumHeight(LANGUAGE_KEY_PX * 3 // 4)
        self.close_button.clicked.connect(self.hide)
        layout.addSpacing(6)
        layout.addWidget(self.close_button)
        self.hide()

    def open(self, current: str) -> None:
        """Show the card over the window with ``current`` marked, in the words of now."""
        self.title.setText(self.tr("Language"))
        self.close_button.setText(self.tr("Close"))
        for code, button in self.buttons.items():
            button.setChecked(code == current)
        self.show()
        _centre(self, LANGUAGE_CARD_MAX_PX)
        self.raise_()

    def _choose(self, code: str) -> None:
        self.hide()
        self.chosen.emit(code)

    def relayout(self) -> None:
        """Fit the window again after it changed size."""
        if self.isVisible():
            _centre(self, LANGUAGE_CARD_MAX_PX)
