"""The kiosk's touch bar: large Home, Back, Previous, Next, text size, colours, Listen and
Language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from reader.gui.actions import button_text
from reader.gui.language import native_name
from reader.history import HOME
from reader.themes import DARK, HIGH_CONTRAST, LIGHT

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

#: The themes the Colours button steps through ("system" means nothing on a kiosk).
THEME_CYCLE = (LIGHT, DARK, HIGH_CONTRAST)
ICON_PX = 24  # the line icons' own size: scaled up they blur
#: The buttons in their order; all but ``colours`` and ``language`` press the window's action
#: of the same name (``window.act.home``), which the window builds again in each language.
KEYS = ("home", "back", "previous", "next", "smaller", "larger", "colours", "listen", "language")


class KioskBar(QWidget):
    """A fixed bar of big buttons over the window's actions; no label is ever cut short.

    ``buttons`` maps each of ``KEYS`` to its button. Previous and Next show only while an
    article is open; Listen only when reading aloud can work on this terminal. Language, at
    the right end, names the language shown in itself ("中文") and asks for the language
    card (``language_requested``). The labels follow the window's language.
    """

    #: The Language button was tapped: the kiosk shows the languages to choose from.
    language_requested = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("kioskBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._window = window
        self.buttons: dict[str, QToolButton] = {}
        # Actions of the window's, so the window draws their icons in each theme's colours.
        self.colours = QAction(window)
        self.colours.setProperty("icon_name", "colours")
        self.colours.triggered.connect(self.next_theme)
        self.language = QAction(window)
        self.language.setProperty("icon_name", "language")
        self.language.triggered.connect(self.language_requested)
        for action in (self.colours, self.language):
            window.addAction(action)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)  # nine buttons side by side in Spanish on 1024 px
        for key in KEYS:
            layout.addWidget(self._button(key))
            if key == "next":
                layout.addStretch(1)
        self.retranslate()
        window.page_shown.connect(self._on_page_shown)
        window.language_changed.connect(self._on_language_changed)
        self._on_page_shown(window.current or HOME)

    def action(self, key: str) -> QAction:
        """Return the action the button ``key`` presses (the window's current one)."""
        if key == "colours":
            return self.colours
        if key == "language":
            return self.language
        action: QAction = getattr(self._window.act, key)
        return action

    def _button(self, key: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"kiosk_{key}")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setIconSize(QSize(ICON_PX, ICON_PX))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap must not move the focus here
        # Minimum: never narrower than its label, so nothing is elided ("Previo…rticle").
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        # The action is looked up at each tap: a language switch replaces the window's.
        button.clicked.connect(lambda _=False, k=key: self.action(k).trigger())
        self.buttons[key] = button
        self._follow(key)
        return button

    def _follow(self, key: str) -> None:
        """Keep the button ``key`` in step with its action (icon, enabled, Listen's text)."""
        action = self.action(key)
        # A replaced action still emits while it is taken apart: only the current one counts.
        action.changed.connect(
            lambda k=key, a=action: self._sync(k) if a is self.action(k) else None
        )
        self._sync(key)

    def _sync(self, key: str) -> None:
        button, action = self.buttons[key], self.action(key)
        button.setIcon(action.icon())
        button.setEnabled(action.isEnabled())
        if key == "listen":
            # Hide what cannot work: no speech engine, no Listen button.
            button.setVisible(action.isEnabled())
            text = button_text(action.text())  # Listen / Pause, 朗读 / 暂停
            button.setText(text)
            button.setAccessibleName(text)

    def retranslate(self) -> None:
        """Label every button in the interface language now installed."""
        language = native_name(self._window.language)
        labels = {
            "home": (self.tr("Home"), self.tr("Home")),
            "back": (self.tr("Back"), self.tr("Back")),
            "previous": (self.tr("Previous"), self.tr("Previous")),
            "next": (self.tr("Next"), self.tr("Next")),
            # "Smaller" and "Larger" under the A− and A+ icons: all nine fit 1024 px.
            "smaller": (self.tr("Smaller"), self.tr("Smaller text")),
            "larger": (self.tr("Larger"), self.tr("Larger text")),
            "colours": (self.tr("Colours"), self.tr("Change the colours")),
            "language": (language, self.tr("Language: {language}").format(language=language)),
        }
        for key, (text, name) in labels.items():
            self.buttons[key].setText(text)
            self.buttons[key].setAccessibleName(name)
        self.colours.setText(labels["colours"][0])
        self.language.setText(labels["language"][1])

    def _on_language_changed(self, _code: str) -> None:
        # The window built its actions anew: follow the new ones, in the new words.
        for key in KEYS:
            if key not in ("colours", "language"):
                self._follow(key)
        self.retranslate()

    def _on_page_shown(self, location: str) -> None:
        reading = location != HOME
        self.buttons["previous"].setVisible(reading)
        self.buttons["next"].setVisible(reading)

    def next_theme(self) -> None:
        """Step to the next of the light, dark and high-contrast themes."""
        current = self._window.look.theme
        following = THEME_CYCLE[
            (THEME_CYCLE.index(current) + 1) % len(THEME_CYCLE) if current in THEME_CYCLE else 0
        ]
        self._window.look.set_theme(following)

    def minimum_width(self) -> int:
        """Return the width every button needs side by side (all shown, none cut)."""
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        widths = [b.sizeHint().width() for b in self.buttons.values()]
        return sum(widths) + layout.spacing() * (len(widths) - 1) + margins.left() + margins.right()
