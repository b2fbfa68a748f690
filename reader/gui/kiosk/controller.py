"""Kiosk mode: full screen, locked down, touch-first, and reset for the next visitor."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.gui.window import MainWindow

if TYPE_CHECKING:
    from reader.gui.kiosk.keyboard import OnScreenKeyboard
    from reader.gui.kiosk.qr import QrCodeWidget
from reader.gui.kiosk.config import KioskConfig, verify_pin

logger = logging.getLogger(__name__)

#: Exit status of the admin exit, so a service manager can tell it from a crash.
ADMIN_EXIT_CODE = 64
ADMIN_TAPS = 5
ADMIN_TAP_WINDOW_S = 3.0
ADMIN_CORNER_PX = 80
PIN_ATTEMPTS = 3
PIN_LOCKOUT_S = 60.0
#: keep_full_screen() answers at most this many changes within REFIT_WINDOW_S seconds.
REFITS_PER_WINDOW = 10
REFIT_WINDOW_S = 2.0
#: Input that counts as a visitor being there.
_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
#: Window events after which the kiosk checks that it still covers the whole screen.
_FULL_SCREEN_EVENTS = frozenset(
    {QEvent.Type.WindowStateChange, QEvent.Type.Resize, QEvent.Type.Move}
)


class Notice(QFrame):
    """A large centred card over the window (the idle countdown, the attract cards)."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("noticeTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # article titles are not markup
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(self)
        self.body.setObjectName("noticeBody")
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self.hide()

    def show_text(self, title: str, body: str) -> None:
        self.title.setText(title)
        self.body.setText(body)
        parent = self.parentWidget()
        assert parent is not None
        width = min(720, max(320, parent.width() - 80))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, (parent.height() - self.height()) // 2)
        self.show()
        self.raise_()


class KioskController(QObject):
    """Lock the window down for a public terminal and watch for idle visitors."""

    reset_done = Signal()
    admin_exit = Signal()

    def __init__(
        self,
        window: MainWindow,
        config: KioskConfig,
        ask_pin: Callable[[], str | None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.ask_pin = ask_pin or self._ask_pin
        self.clock = clock
        self._taps: list[float] = []
        self._last_press = -1
        self._failures = 0
        self._locked_until = 0.0
        self._remaining = 0
        self._attract_index = 0

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(config.idle_seconds * 1000)
        self.idle.timeout.connect(self.start_countdown)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._count_down)
        self.attract_timer = QTimer(self)
        self.attract_timer.setInterval(config.attract_seconds * 1000)
        self.attract_timer.timeout.connect(self._next_attract_card)
        # Puts the window back to full screen once events settle (keep_full_screen()).
        self._keep_full = False
        self._refits: list[float] = []  # when keep_full_screen() ran, for its loop guard
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.keep_full_screen)
        self.countdown = Notice(window, "idleNotice")
        self.attract_card = Notice(window, "attractCard")

        window.enter_kiosk(config)
        self.keyboard = self._add_keyboard() if config.on_screen_keyboard else None
        self.qr = self._add_qr() if config.qr_codes else None
        self.report_qr = self._add_report_qr() if config.qr_codes else None
        window.view.setFocus()
        chord = QShortcut(QKeySequence(config.admin_chord), window)
        chord.setContext(Qt.ShortcutContext.ApplicationShortcut)
        chord.activated.connect(self.request_admin_exit)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        if not config.admin_pin:
            logger.warning("no admin PIN configured: the admin exit is disabled")
        self.idle.start()

    # --- set-up ----------------------------------------------------------------------------
    def _add_keyboard(self) -> OnScreenKeyboard:
        """Dock a touch keyboard along the bottom, under everything, never over the field."""
        from reader.gui.kiosk.keyboard import OnScreenKeyboard

        w = self.window
        keyboard = OnScreenKeyboard(w.sidebar.search_field)
        keyboard.follow_focus()
        keyboard.hide()
        w.dock_at_bottom(keyboard)
        keyboard.done.connect(w.view.setFocus)
        return keyboard

    def _add_qr(self) -> QrCodeWidget:
        """Show "Scan to read on your phone" for articles that have a public address."""
        from reader.gui.kiosk.qr import QrCodeWidget

        w = self.window
        qr = QrCodeWidget(w.sidebar)
        w.sidebar.add_panel(qr)
        w.page_shown.connect(self._update_qr)
        return qr

    def _add_report_qr(self) -> QrCodeWidget | None:
        """On article pages, a code of the pack's contact (an email, phone or web address)."""
        from reader.gui.kiosk.qr import QrCodeWidget
        from reader.library.pack import contact_address

        w = self.window
        address = contact_address(w.pack.contact)
        if not address:
            return None
        qr = QrCodeWidget(w.sidebar, self.tr("Scan to report a problem with this page"))
        qr.setObjectName("reportQrCode")
        w.sidebar.add_panel(qr)
        w.page_shown.connect(lambda location: qr.set_url(address if location else ""))
        return qr

    def _update_qr(self, location: str) -> None:
        article = self.window.pack.get(location) if location else None
        if self.qr is not None:
            self.qr.set_url(article.url if article is not None else "")

    # --- events ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True  # no right-click menus on a public terminal
        if kind in _ACTIVITY:
            self.activity()
            if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
                self._maybe_admin_tap(event)
            if self.attract_card.isVisible() and kind != QEvent.Type.MouseMove:
                self.stop_attract()
                return True  # the touch that ends the attract loop does nothing else
        if watched is self.window:
            if kind == QEvent.Type.Close:
                event.ignore()
                return True
            if kind in _FULL_SCREEN_EVENTS:
                self._watch_full_screen(kind)
        return False

    # --- full screen, with or without a window manager -------------------------------------
    # Self-contained on purpose (kiosk full-screen fix): _watch_full_screen(), keep_full_screen()
    # and _FULL_SCREEN_EVENTS; eventFilter() hands them the window's state, resize and move.
    def _watch_full_screen(self, kind: QEvent.Type) -> None:
        w = self.window
        if kind == QEvent.Type.WindowStateChange and w.isFullScreen() and not self._keep_full:
            # The first request for full screen (run() calls showFullScreen()) arms the guard,
            # and the window takes the screen's size now, before its first frame: a window
            # manager is not needed for that, and Wayland sees a full-size first buffer.
            self._keep_full = True
            self._fit_to_screen()
            return
        if kind == QEvent.Type.WindowStateChange and (w.isMinimized() or not w.isFullScreen()):
            # A minimised window keeps WindowFullScreen in its state (Openbox's Iconify):
            # isFullScreen() alone let it stay hidden.
            self._refit.start()
        elif self._keep_full and w.isVisible() and self._off_screen_size():
            self._refit.start()  # resized or moved by someone else

    def keep_full_screen(self) -> None:
        """Put the window back: not minimised, full screen, covering its whole screen."""
        now = self.clock()
        self._refits = [t for t in self._refits if now - t < REFIT_WINDOW_S] + [now]
        if len(self._refits) > REFITS_PER_WINDOW:
            # Something (a window manager with a panel, say) keeps changing it back: answering
            # every change would be an endless loop. The next change after a pause is answered.
            if len(self._refits) == REFITS_PER_WINDOW + 1:
                logger.warning("the window keeps leaving full screen; not fighting it for now")
            return
        w = self.window
        if w.isMinimized() or not w.isFullScreen():
            w.showFullScreen()
        self._fit_to_screen()
        w.raise_()
        w.activateWindow()

    def _fit_to_screen(self) -> None:
        # showFullScreen() only asks a window manager; in a bare X session there is none, and
        # the window stayed at its desktop size (1100×720) in the top-left corner. On Wayland
        # the compositor owns a shown window's size: set it only before the first show there.
        w = self.window
        wayland = QGuiApplication.platformName().startswith("wayland")
        if self._off_screen_size() and not (wayland and w.isVisible()):
            w.setGeometry(w.screen().geometry())

    def _off_screen_size(self) -> bool:
        return self.window.geometry() != self.window.screen().geometry()

    def activity(self) -> None:
        """Someone touched the screen: restart the idle timer, cancel any countdown."""
        if self.tick.isActive():
            self.tick.stop()
            self.countdown.hide()
        self.idle.start()

    # --- idle reset ------------------------------------------------------------------------
    def start_countdown(self) -> None:
        self._remaining = self.config.countdown_seconds
        self._show_countdown()
        self.tick.start()

    def _show_countdown(self) -> None:
        self.countdown.show_text(
            self.tr("Still reading?"),
            self.tr("Touch the screen to continue. Starting again in {n} seconds.").format(
                n=self._remaining
            ),
        )

    def _count_down(self) -> None:
        self._remaining -= 1
        if self._remaining > 0:
            self._show_countdown()
            return
        self.tick.stop()
        self.countdown.hide()
        self.reset()

    def reset(self) -> None:
        """Make the terminal ready for the next visitor: nothing of this one stays visible."""
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible():
                widget.close()
        self.window.reset_for_next_visitor()
        if self.keyboard is not None:
            self.keyboard.hide()
        self.idle.start()
        logger.info("kiosk reset for the next visitor")
        self.reset_done.emit()
        if self.config.attract and self.window.pack.featured:
            self._attract_index = -1
            self._next_attract_card()
            self.attract_timer.start()

    # --- attract mode ----------------------------------------------------------------------
    def _next_attract_card(self) -> None:
        featured = [a for s in self.window.pack.featured if (a := self.window.pack.get(s))]
        if not featured:
            self.stop_attract()
            return
        self._attract_index = (self._attract_index + 1) % len(featured)
        article = featured[self._attract_index]
        self.attract_card.show_text(
            article.title, article.summary + "\n\n" + self.tr("Touch to start")
        )

    def stop_attract(self) -> None:
        self.attract_timer.stop()
        self.attract_card.hide()

    # --- admin exit ------------------------------------------------------------------------
    def _maybe_admin_tap(self, event: QMouseEvent) -> None:
        # One press reaches the filter once per widget it passes through; count it once.
        if event.timestamp() == self._last_press:
            return
        self._last_press = event.timestamp()
        pos = self.window.mapFromGlobal(event.globalPosition().toPoint())
        if pos.x() > ADMIN_CORNER_PX or pos.y() > ADMIN_CORNER_PX:
            self._taps.clear()
            return
        now = self.clock()
        self._taps = [t for t in self._taps if now - t <= ADMIN_TAP_WINDOW_S] + [now]
        if len(self._taps) >= ADMIN_TAPS:
            self._taps.clear()
            self.request_admin_exit()

    def request_admin_exit(self) -> None:
        """Ask for the admin PIN; quit with ADMIN_EXIT_CODE when it is right."""
        if not self.config.admin_pin:
            logger.warning("admin exit requested, but no admin PIN is configured")
            return
        now = self.clock()
        if now < self._locked_until:
            logger.warning("admin exit locked for %.0f more seconds", self._locked_until - now)
            return
        pin = self.ask_pin()
        if pin is None:
            return
        if verify_pin(pin, self.config.admin_pin):
            logger.info("admin exit")
            self._failures = 0
            self.admin_exit.emit()
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            QApplication.exit(ADMIN_EXIT_CODE)
            return
        self._failures += 1
        logger.warning("wrong admin PIN (%d of %d)", self._failures, PIN_ATTEMPTS)
        if self._failures >= PIN_ATTEMPTS:
            self._failures = 0
            self._locked_until = now + PIN_LOCKOUT_S
            logger.warning("admin exit locked for %.0f seconds", PIN_LOCKOUT_S)

    def is_locked(self) -> bool:
        return self.clock() < self._locked_until

    def _ask_pin(self) -> str | None:
        pin, ok = QInputDialog.getText(
            self.window,
            self.tr("Administrator"),
            self.tr("PIN:"),
            QLineEdit.EchoMode.Password,
        )
        return pin if ok else None
