"""How big the window starts, and what gives way when it is narrow.

A first window is sized from the screen's available room, so it never opens wider than a
1024×768 screen. Below :data:`NARROW_WIDTH` the sidebar folds away (F9 brings it back), the
toolbar shows icons only, with what still does not fit in its » menu, and the article's title
is set smaller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

#: The first window's size, unless the screen is smaller.
FIRST_SIZE = (1100, 720)
#: Share of the screen's available width and height a first window takes at most (the frame
#: and a panel or dock need the rest).
FIRST_SIZE_SHARE = 0.92
#: Below this width the sidebar folds away (F9 brings it back) so the article keeps its room.
NARROW_WIDTH = 700
#: The sidebar's width when it is shown in a narrow window, as a share of the window.
NARROW_SIDEBAR_SHARE = 0.45


def first_window_size(available: QSize) -> QSize:
    """Return the size of a first window on a screen with ``available`` room."""
    return QSize(
        min(FIRST_SIZE[0], int(available.width() * FIRST_SIZE_SHARE)),
        min(FIRST_SIZE[1], int(available.height() * FIRST_SIZE_SHARE)),
    )


class WindowSizing:
    """The window's first size, and the sidebar and toolbar of a narrow window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        #: The sidebar was folded away because the window is narrow (not by the reader).
        self.folded = False
        #: The window was narrow when it last crossed the line (the article's title follows).
        self.narrow = False

    def fit_first_window(self) -> None:
        """Size a first window from the screen's available room (the desktop places it)."""
        w = self.window
        screen = w.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            w.resize(*FIRST_SIZE)
            return
        w.resize(first_window_size(screen.availableGeometry().size()))

    def is_narrow(self) -> bool:
        """Return True if the window is too narrow for the sidebar beside the article."""
        return self.window.width() < NARROW_WIDTH and not self.window.kiosk

    def set_sidebar_visible(self, visible: bool) -> None:
        """Show or hide the sidebar; shown in a narrow window, it takes a share of the width."""
        w = self.window
        was_hidden = w.sidebar.isHidden()
        w.sidebar.setVisible(visible)
        w.act.toggle_sidebar.setChecked(visible)
        if visible and was_hidden and self.is_narrow():
            side = int(w.width() * NARROW_SIDEBAR_SHARE)
            w.splitter.setSizes([side, max(1, w.width() - side)])

    def toggle_sidebar(self) -> None:
        self.folded = False  # the reader decides from now on
        self.set_sidebar_visible(self.window.act.toggle_sidebar.isChecked())

    def sidebar_wanted(self) -> bool:
        """Return whether the reader wants the sidebar (folded by a narrow window counts)."""
        return self.folded or self.window.act.toggle_sidebar.isChecked()

    def resized(self) -> None:
        """Fold or unfold the sidebar and the toolbar when the window crosses the width."""
        w = self.window
        narrow = self.is_narrow()
        if narrow == self.narrow:
            return
        self.narrow = narrow
        if narrow and w.sidebar.isVisibleTo(w):
            self.folded = True
            self.set_sidebar_visible(False)
        elif not narrow and self.folded:
            self.folded = False
            self.set_sidebar_visible(True)
        # Narrow: icons only, and what still does not fit goes to the toolbar's » menu.
        w.toolbar.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if narrow
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        w.look.fit_title()
