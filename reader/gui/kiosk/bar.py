"""The kiosk's touch bar: large Home, Back, Previous, Next, text size, colours and Listen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from reader.history import HOME
from reader.themes import DARK, HIGH_CONTRAST, LIGHT

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

#: The themes the Colours button steps through ("system" means nothing on a kiosk).
THEME_CYCLE = (LIGHT, DARK, HIGH_CONTRAST)
ICON_PX = 24  # the line icons' own size: scaled up they blur


class KioskBar(QWidget):
    """A fixed bar of big buttons over the window's actions; no label is ever cut short.

    ``buttons`` maps ``home``, ``back``, ``previous``, ``next``, ``smaller``, ``larger``,
    ``colours`` and ``listen`` to their buttons. Previous and Next show only while an article
    is open; Listen only when reading aloud can work on this terminal.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("kioskBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._window = window
        self.buttons: dict[str, QToolButton] = {}
        a = window.act
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        for key, action, text in (
            ("home", a.home, self.tr("Home")),
            ("back", a.back, self.tr("Back")),
            ("previous", a.previous, self.tr("Previous")),
            ("next", a.next, self.tr("Next")),
        ):
            layout.addWidget(self._button(key, text, action))
        layout.addStretch(1)
        # "Smaller" and "Larger" under the A− and A+ icons: all eight fit 1024 px.
        for key, action, text, name in (
            ("smaller", a.smaller, self.tr("Smaller"), self.tr("Smaller text")),
            ("larger", a.larger, self.tr("Larger"), self.tr("Larger text")),
        ):
            layout.addWidget(self._button(key, text, action))
            self.buttons[key].setAccessibleName(name)
        # An action of the window's, so the window draws its icon in each theme's colours.
        self.colours = QAction(self.tr("Colours"), window)
        self.colours.setProperty("icon_name", "colours")
        self.colours.triggered.connect(self.next_theme)
        window.addAction(self.colours)
        colours = self._button("colours", self.tr("Colours"), self.colours)
        colours.setAccessibleName(self.tr("Change the colours"))
        layout.addWidget(colours)
        layout.addWidget(self._button("listen", self.tr("Listen"), a.listen))
        window.page_shown.connect(self._on_page_shown)
        self._on_page_shown(window.current or HOME)

    def _button(self, key: str, text: str, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"kiosk_{key}")
        button.setText(text)
        button.setAccessibleName(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setIconSize(QSize(ICON_PX, ICON_PX))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap must not move the focus here
        # Minimum: never narrower than its label, so nothing is elided ("Previo…rticle").
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda b=button, a=action, k=key: self._sync(k, b, a))
        self._sync(key, button, action)
        self.buttons[key] = button
        return button

    def _sync(self, key: str, button: QToolButton, action: QAction) -> None:
        button.setIcon(action.icon())
        button.setEnabled(action.isEnabled())
        if key == "listen":
            # Hide what cannot work: no speech engine, no Listen button.
            button.setVisible(action.isEnabled())
            text = action.text().replace("&", "")  # Listen / Pause
            button.setText(text)
            button.setAccessibleName(text)

    def _on_page_shown(self, location: str) -> None:
        reading = location != HOME
        self.buttons["previous"].setVisible(reading)
        self.buttons["next"].setVisible(reading)

    def next_theme(self) -> None:
        """Step to the next of the light, dark and high-contrast themes."""
        current = self._window.theme
        following = THEME_CYCLE[
            (THEME_CYCLE.index(current) + 1) % len(THEME_CYCLE) if current in THEME_CYCLE else 0
        ]
        self._window.set_theme(following)

    def minimum_width(self) -> int:
        """Return the width every button needs side by side (all shown, none cut)."""
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        widths = [b.sizeHint().width() for b in self.buttons.values()]
        return sum(widths) + layout.spacing() * (len(widths) - 1) + margins.left() + margins.right()
