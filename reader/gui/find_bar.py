"""Find in page: a bar over the article with next/previous, a match count, all matches marked."""

from __future__ import annotations

import re

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QWidget,
)

#: Match colours when none are given (the Light theme's).
MATCH = QColor("#fff1a8")
CURRENT_MATCH = QColor("#ffb84d")


def mark_words(view: QTextBrowser, words: list[str], colour: QColor = MATCH) -> int:
    """Highlight every word starting with one of ``words`` (query highlighting); return count."""
    if not words:
        view.setExtraSelections([])
        return 0
    pattern = r"\b(" + "|".join(re.escape(w) for w in words if w) + r")\w*"
    regex = QRegularExpression(
        pattern,
        QRegularExpression.PatternOption.CaseInsensitiveOption
        | QRegularExpression.PatternOption.UseUnicodePropertiesOption,
    )
    selections = _find_all(view, regex, colour)
    view.setExtraSelections(selections)
    return len(selections)


def _find_all(
    view: QTextBrowser, needle: str | QRegularExpression, colour: QColor
) -> list[QTextEdit.ExtraSelection]:
    doc = view.document()
    selections: list[QTextEdit.ExtraSelection] = []
    fmt = QTextCharFormat()
    fmt.setBackground(colour)
    cursor = doc.find(needle, 0)
    while not cursor.isNull() and len(selections) < 10_000:
        if not cursor.hasSelection():
            break
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)
        cursor = doc.find(needle, cursor)
    return selections


class FindBar(QWidget):
    """Find text in the shown page. Esc closes; Enter / Shift+Enter step through matches."""

    closed = Signal()

    def __init__(self, view: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self._matches: list[QTextEdit.ExtraSelection] = []
        self._current = -1
        self.colour = MATCH
        self.current_colour = CURRENT_MATCH
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in this article"))
        self.field.setAccessibleName(self.tr("Find in this article"))
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(90)
        self.previous_button = self._button(
            "‹", self.tr("Previous match (Shift+Enter)"), self.find_previous
        )
        self.next_button = self._button("›", self.tr("Next match (Enter)"), self.find_next)
        self.close_button = self._button("✕", self.tr("Close (Esc)"), self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.find_next)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.find_previous)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.hide()

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    def set_colours(self, match: QColor, current: QColor) -> None:
        """Use these colours for the matches (and the current one) from the next search on."""
        self.colour, self.current_colour = match, current

    def open_bar(self) -> None:
        """Show the bar, focus the field with its text selected, and mark the matches."""
        selected = self.view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.hide()
        self._matches = []
        self._current = -1
        self.view.setExtraSelections([])
        self.view.setFocus()
        self.closed.emit()

    def forget(self) -> None:
        """Close the bar and empty the field, its undo history included (a kiosk reset)."""
        self.field.setText("")  # setText() clears the undo history; clear() is undoable
        self.close_bar()

    def hide_shortcut_hints(self) -> None:
        """Say what each button does without naming keys (a touch screen has none)."""
        for button, tip in (
            (self.previous_button, self.tr("Previous match")),
            (self.next_button, self.tr("Next match")),
            (self.close_button, self.tr("Close")),
        ):
            button.setToolTip(tip)
            button.setAccessibleName(tip)

    def search(self) -> None:
        """Mark every match of the field's text; make the first one after the top current."""
        text = self.field.text()
        self._matches = _find_all(self.view, text, self.colour) if text else []
        self._current = 0 if self._matches else -1
        self._show_current()

    def refresh(self) -> None:
        """Search again after the page changed."""
        if self.isVisible():
            self.search()

    def find_next(self) -> None:
        if self._matches:
            self._current = (self._current + 1) % len(self._matches)
            self._show_current()

    def find_previous(self) -> None:
        if self._matches:
            self._current = (self._current - 1) % len(self._matches)
            self._show_current()

    def _show_current(self) -> None:
        selections = list(self._matches)
        if self._current >= 0:
            current = QTextEdit.ExtraSelection()
            current.cursor = self._matches[self._current].cursor
            fmt = QTextCharFormat()
            fmt.setBackground(self.current_colour)
            current.format = fmt
            selections.append(current)
            cursor = self.view.textCursor()
            cursor.setPosition(current.cursor.selectionStart())
            self.view.setTextCursor(cursor)
            self.view.ensureCursorVisible()
        self.view.setExtraSelections(selections)
        if not self.field.text():
            self.count.setText("")
        elif not self._matches:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(
                self.tr("{n} of {total}").format(n=self._current + 1, total=len(self._matches))
            )
        self.previous_button.setEnabled(len(self._matches) > 1)
        self.next_button.setEnabled(len(self._matches) > 1)
