"""A touch keyboard for the search field, for kiosks that have no physical keyboard."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

logger = logging.getLogger(__name__)

#: Touch targets must be at least 44 px; keys get a little more.
KEY_SIZE = 48
_SPACING = 4
LETTER_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
DIGIT_ROWS = ("1234567890", "-'.,&/")


class OnScreenKeyboard(QWidget):
    """Type into ``target`` by tapping keys; sits under the field and never takes its focus.

    ``key_buttons`` maps a key id to its button: a letter (``"q"``), a digit (``"1"``), a
    punctuation mark (``"-"``), or one of ``"mode"``, ``"space"``, ``"backspace"``, ``"clear"``
    and ``"done"``.
    """

    #: Done was tapped; the keyboard has hidden itself.
    done = Signal()

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.setAccessibleName(self.tr("On-screen keyboard"))
        self._target = target
        self._following = False
        self.key_buttons: dict[str, QToolButton] = {}

        self._pages = QStackedWidget(self)
        self._letters = self._page(LETTER_ROWS)
        self._digits = self._page(DIGIT_ROWS)
        self._pages.addWidget(self._letters)
        self._pages.addWidget(self._digits)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(_SPACING, _SPACING, _SPACING, _SPACING)
        layout.setSpacing(_SPACING)
        layout.addWidget(self._pages)
        layout.addLayout(self._bottom_row())

    # --- construction --------------------------------------------------------------------
    def _page(self, rows: tuple[str, ...]) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(_SPACING)
        for chars in rows:
            row = QHBoxLayout()
            row.setSpacing(_SPACING)
            for char in chars:
                button = self._key(char, char.upper(), self._describe(char), page)
                button.clicked.connect(lambda _=False, c=char: self._type(c))
                row.addWidget(button)
            column.addLayout(row)
        column.addStretch(1)  # the digit page has fewer rows; keep its keys at the top
        return page

    def _describe(self, char: str) -> str:
        if char.isalpha():
            return self.tr("Letter {letter}").format(letter=char.upper())
        if char.isdigit():
            return self.tr("Digit {digit}").format(digit=char)
        names = {
            "-": self.tr("Hyphen"),
            "'": self.tr("Apostrophe"),
            ".": self.tr("Full stop"),
            ",": self.tr("Comma"),
            "&": self.tr("Ampersand"),
            "/": self.tr("Slash"),
        }
        return names[char]

    def _bottom_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(_SPACING)
        mode = self._key("mode", self.tr("123"), self.tr("Show numbers"), self)
        mode.clicked.connect(self._toggle_mode)
        space = self._key("space", self.tr("Space"), self.tr("Space"), self)
        space.clicked.connect(lambda: self._type(" "))
        backspace = self._key("backspace", "⌫", self.tr("Delete last letter"), self)
        backspace.setAutoRepeat(True)
        backspace.clicked.connect(self._target.backspace)
        clear = self._key("clear", self.tr("Clear"), self.tr("Clear search"), self)
        clear.clicked.connect(self._target.clear)
        done = self._key("done", self.tr("Done"), self.tr("Hide keyboard"), self)
        done.clicked.connect(self._on_done)
        row.addWidget(mode, 1)
        row.addWidget(space, 4)
        row.addWidget(backspace, 1)
        row.addWidget(clear, 1)
        row.addWidget(done, 1)
        return row

    def _key(self, key: str, text: str, name: str, parent: QWidget) -> QToolButton:
        button = QToolButton(parent)
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        # A key must not take focus from the field, or the caret and typing would move here.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(KEY_SIZE, KEY_SIZE)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.key_buttons[key] = button
        return button

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        # Style sheets set the key font once the keyboard is polished: make every key at
        # least as wide as its label then, so "Clear" and "Done" are never cut short.
        for button in self.key_buttons.values():
            button.setMinimumWidth(max(KEY_SIZE, button.sizeHint().width()))
        super().showEvent(event)

    # --- behaviour -----------------------------------------------------------------------
    def follow_focus(self) -> None:
        """Show the keyboard whenever the target field gets focus or is tapped."""
        if not self._following:
            self._target.installEventFilter(self)
            self._following = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # A tap on a field that kept its focus after Done must bring the keyboard back too.
        if watched is self._target and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.MouseButtonPress,
        ):
            self.show()
        return super().eventFilter(watched, event)

    def digits_shown(self) -> bool:
        """Return whether the digit keys are showing instead of the letters."""
        return self._pages.currentWidget() is self._digits

    def _toggle_mode(self) -> None:
        mode: QAbstractButton = self.key_buttons["mode"]
        if self.digits_shown():
            self._pages.setCurrentWidget(self._letters)
            mode.setText(self.tr("123"))
            mode.setAccessibleName(self.tr("Show numbers"))
        else:
            self._pages.setCurrentWidget(self._digits)
            mode.setText(self.tr("ABC"))
            mode.setAccessibleName(self.tr("Show letters"))
        mode.setToolTip(mode.accessibleName())

    def _type(self, text: str) -> None:
        self._target.insert(text)
        if not self._target.hasFocus():
            self._target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_done(self) -> None:
        self.hide()
        self.done.emit()
