"""The window's side of kiosk mode: locked chrome, docked widgets, the layout and the reset.

``MainWindow.enter_kiosk(look)`` makes one :class:`KioskFrame`; the kiosk controller
(reader.gui.kiosk.controller) docks its bar and keyboard through it, asks it for the layout
that fits the screen, and has it forget each visitor. The window itself only knows that it is
a kiosk (no outside links, nothing remembered, the touch home page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QScroller, QVBoxLayout, QWidget

from reader.history import HOME
from reader.paths import read_resource

if TYPE_CHECKING:
    from reader.gui.kiosk.config import KioskConfig
    from reader.gui.window import MainWindow


class KioskFrame(QObject):
    """Lock ``window`` down for a public terminal, in ``look``'s theme and text size.

    No menus, no quitting, no outside links, nothing remembered between visitors; the kiosk
    controller watches for idle visitors and the admin exit.
    """

    def __init__(self, window: MainWindow, look: KioskConfig) -> None:
        super().__init__(window)
        self.window = w = window
        self._column: QVBoxLayout | None = None  # around the splitter, for docked widgets
        w.menuBar().hide()
        # The kiosk's own touch bar (reader.gui.kiosk.bar) replaces the toolbar; the status
        # bar is for staff messages (index progress, file problems), never for visitors.
        w.statusBar().hide()
        was_visible = w.isVisible()
        w.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        w.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        if was_visible:  # changing flags hides a window
            w.show()
            w.activateWindow()
        w.printer_name = look.printer
        w.renderer.touch = True  # "Start here" and the topics as tiles, first
        w.look.keep(look.theme, look.text_size, read_resource("styles/kiosk.qss"))
        self.lock_chrome()
        self.set_layout(w.height() > w.width())
        w.view.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        QScroller.grabGesture(
            w.view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )

    def lock_chrome(self) -> None:
        """Hide what a visitor must not reach; again after a new language rebuilt the chrome."""
        w = self.window
        a = w.act
        for action in (a.quit, a.about, a.problems, a.toggle_sidebar, a.save_pdf):
            action.setEnabled(False)
            action.setVisible(False)
        w.toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        w.toolbar.hide()
        for action in w.actions():  # no shortcut hints on a touch screen
            action.setToolTip(action.text().replace("&", "").rstrip("…"))
        if (find_bar := w.find_bar_if_built()) is not None:
            find_bar.hide_shortcut_hints()
        w.sidebar.enter_kiosk()
        w.sidebar.set_portrait(w.splitter.orientation() == Qt.Orientation.Vertical)

    # --- docked widgets and the layout ------------------------------------------------------
    def dock_at_bottom(self, widget: QWidget) -> None:
        """Put ``widget`` along the bottom of the window, under everything (never over it)."""
        self._docked_column().addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)

    def dock_at_top(self, widget: QWidget) -> None:
        """Put ``widget`` across the top of the window, above everything (the kiosk's bar)."""
        self._docked_column().insertWidget(0, widget)

    def _docked_column(self) -> QVBoxLayout:
        """Return the column around the splitter that docked kiosk widgets go into."""
        if self._column is None:
            w = self.window
            content = w.takeCentralWidget()
            assert content is not None
            container = QWidget(w)
            self._column = QVBoxLayout(container)
            self._column.setContentsMargins(0, 0, 0, 0)
            self._column.setSpacing(0)
            self._column.addWidget(content, 1)
            w.setCentralWidget(container)
            content.show()  # taking it out of the window hid it
            container.show()
            # Rebuilding the central widget forgot which widget had the focus; without this
            # the search field would take it on show and open the keyboard over half the screen.
            w.view.setFocus()
        return self._column

    def set_layout(self, portrait: bool) -> None:
        """Portrait: the article list above the article; landscape: beside it."""
        w = self.window
        orientation = Qt.Orientation.Vertical if portrait else Qt.Orientation.Horizontal
        if w.splitter.orientation() != orientation:
            w.splitter.setOrientation(orientation)
            w.sidebar.set_portrait(portrait)
        across = w.height() if portrait else w.width()
        first = across * 3 // 10 if portrait else min(460, max(360, across * 3 // 10))
        w.splitter.setSizes([first, across - first])

    def set_tile_columns(self, columns: int) -> None:
        """Show ``columns`` topic tiles per row on the home page."""
        w = self.window
        if w.renderer.tile_columns != columns:
            w.renderer.tile_columns = columns
            if w.current == HOME:
                w.rerender()

    # --- the next visitor ------------------------------------------------------------------
    def reset_for_next_visitor(self) -> None:
        """Forget this visitor: home page, no search or find text (nor their undo), no
        history, default look and language, no marks, reading aloud stopped at the normal
        speed."""
        w = self.window
        if (find_bar := w.find_bar_if_built()) is not None:
            find_bar.forget()
        w.listening.reset()
        w.sidebar.forget_search()
        w.sidebar.collapse_to_top()
        w.history.clear()
        if w.language != w.default_language:
            w.set_language(w.default_language)
        w.look.reset()
        w.show_home()
        w.view.verticalScrollBar().setValue(0)
        w.view.horizontalScrollBar().setValue(0)
        w.statusBar().clearMessage()
        w.view.setFocus()
