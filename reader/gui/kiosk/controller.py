"""Kiosk mode: full screen, locked down, touch-first, and reset for the next visitor."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeySequence,
    QMouseEvent,
    QPointerEvent,
    QShortcut,
)
from PySide6.QtWidgets import QApplication, QWidget

from reader.gui.kiosk.bar import KioskBar
from reader.gui.kiosk.config import KioskConfig, verify_pin
from reader.gui.kiosk.overlays import LanguagePicker, Notice, PinPad
from reader.gui.language import interface_language, interface_languages, native_name
from reader.gui.window import MainWindow

if TYPE_CHECKING:
    from reader.gui.kiosk.keyboard import OnScreenKeyboard
    from reader.gui.kiosk.qr import QrCodeWidget

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
#: Topic tile titles (resources/article.css: table.tiles a) at 100 % text size, and the room
#: a tile takes besides its title (padding 14 px each side, cell spacing 8 px, and slack).
TILE_TITLE_PT = 13.0
TILE_PADDING_PX = 2 * 14 + 8 + 24
_EVENT = QEvent.Type
#: The press that starts a touch (the one that dismisses a card), and what ends one.
_PRESSES = frozenset({_EVENT.MouseButtonPress, _EVENT.TouchBegin, _EVENT.TabletPress})
_TOUCH_ENDS = frozenset({_EVENT.MouseButtonRelease, _EVENT.TouchEnd, _EVENT.TabletRelease})
_MOVES = frozenset({_EVENT.MouseMove, _EVENT.TouchUpdate})
#: The rest of a touch, swallowed with its press so that it activates nothing underneath.
_REST_OF_TOUCH = _TOUCH_ENDS | _MOVES | {_EVENT.MouseButtonDblClick}
#: Input that counts as a visitor being there.
_ACTIVITY = _PRESSES | _MOVES | {_EVENT.Wheel, _EVENT.KeyPress}
#: Window events after which the kiosk checks that it still covers the whole screen.
_FULL_SCREEN_EVENTS = frozenset({_EVENT.WindowStateChange, _EVENT.Resize, _EVENT.Move})


class KioskController(QObject):
    """Lock the window down for a public terminal and watch for idle visitors."""

    reset_done = Signal()
    admin_exit = Signal()

    def __init__(
        self,
        window: MainWindow,
        config: KioskConfig,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.clock = clock
        self._taps: list[float] = []
        self._last_press = -1
        self._failures = 0
        self._locked_until = 0.0
        self._remaining = 0
        self._attract_index = 0
        self._attract_slug = ""
        #: A card was dismissed by a press: swallow the rest of that touch.
        self._swallowing = False

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
        self.lock_tick = QTimer(self)
        self.lock_tick.setInterval(1000)
        self.lock_tick.timeout.connect(self._show_lock)

        self.bar = KioskBar(window)  # before enter_kiosk(), which draws its icons
        self.frame = window.enter_kiosk(config)
        self.frame.dock_at_top(self.bar)
        self.keyboard = self._add_keyboard() if config.on_screen_keyboard else None
        self.qr: QrCodeWidget | None = None
        self.report_qr: QrCodeWidget | None = None
        self._report_address = ""
        if config.qr_codes:
            self._add_codes()
            window.page_shown.connect(self._update_qr)
        self.countdown = Notice(window, "idleNotice")
        self.attract_card = Notice(window, "attractCard")
        self.link_notice = Notice(window, "linkNotice")
        self.language_notice = Notice(window, "languageNotice")
        self.language_picker = LanguagePicker(window, interface_languages())
        self.language_picker.chosen.connect(self.choose_language)
        self.bar.language_requested.connect(self.open_language_picker)
        self.pin_pad = PinPad(window)
        self.pin_pad.submitted.connect(self.submit_pin)
        self.pin_pad.cancelled.connect(self.lock_tick.stop)
        window.link_refused.connect(self.show_link_refused)
        window.language_changed.connect(self._on_language_changed)
        self._follow_sidebar()
        for action in (window.act.larger, window.act.smaller, window.act.normal_size):
            action.triggered.connect(lambda _=False: QTimer.singleShot(0, self.fit_layout))
        window.view.setFocus()
        chord = QShortcut(QKeySequence(config.admin_chord), window)
        chord.setContext(Qt.ShortcutContext.ApplicationShortcut)
        chord.activated.connect(self.request_admin_exit)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        if not config.admin_pin:
            logger.warning("no admin PIN configured: the admin exit is disabled")
        if config.language:  # each visitor starts in it, and each reset returns to it
            window.default_language = interface_language(config.language)
            window.set_language(window.default_language)  # nothing to do if it is shown
        self.fit_layout()
        self.idle.start()

    # --- set-up ----------------------------------------------------------------------------
    def _add_keyboard(self) -> OnScreenKeyboard:
        """Dock a touch keyboard along the bottom, under everything, never over the field."""
        from reader.gui.kiosk.keyboard import OnScreenKeyboard

        w = self.window
        keyboard = OnScreenKeyboard(w.sidebar.search_field)
        keyboard.follow_focus()
        keyboard.hide()
        self.frame.dock_at_bottom(keyboard)
        keyboard.done.connect(w.view.setFocus)
        return keyboard

    def _follow_sidebar(self) -> None:
        """Hear the window's sidebar (again after a language switch: the window built a new
        one)."""
        sidebar = self.window.sidebar
        sidebar.result_opened.connect(self._hide_keyboard)
        sidebar.article_requested.connect(self._hide_keyboard)

    def _add_codes(self) -> None:
        """Put the QR codes in the sidebar's panel, in the interface language now installed."""
        from reader.gui.kiosk.qr import QrCodeWidget
        from reader.library.pack import contact_address

        w = self.window
        # "Scan to read on your phone", for articles that have a public address.
        self.qr = QrCodeWidget(w.sidebar)
        w.sidebar.add_panel(self.qr)
        # On article pages, a code of the pack's contact (an email, phone or web address).
        self._report_address = contact_address(w.pack.contact)
        self.report_qr = None
        if self._report_address:
            self.report_qr = QrCodeWidget(
                w.sidebar, self.tr("Scan to report a problem with this page")
            )
            self.report_qr.setObjectName("reportQrCode")
            w.sidebar.add_panel(self.report_qr)

    def _update_qr(self, _location: str = "") -> None:
        """Show the code for the article shown, unless the keyboard needs its room."""
        if self.qr is None:
            return
        w = self.window
        article = w.current_article()
        typing = self.keyboard is not None and not self.keyboard.isHidden()
        self.qr.set_url(article.url if article is not None and not typing else "")
        if self.report_qr is not None:
            self.report_qr.set_url(self._report_address if w.current else "")
        w.sidebar.tidy_panel()

    def _hide_keyboard(self) -> None:
        """An article was opened: give the screen back to it."""
        if self.keyboard is not None and self.keyboard.isVisible():
            self.keyboard.hide()
            self.window.view.setFocus()

    # --- layout ----------------------------------------------------------------------------
    def fit_layout(self) -> None:
        """Fit the window's size: the list above the article in portrait, beside it in
        landscape; as many topic tiles per row as keep their words whole."""
        w = self.window
        self.frame.set_layout(w.height() > w.width())
        self.frame.set_tile_columns(self.tile_columns())
        for card in self._cards():
            card.relayout()

    def _cards(self) -> tuple[Notice | LanguagePicker | PinPad, ...]:
        return (
            self.countdown,
            self.attract_card,
            self.link_notice,
            self.language_notice,
            self.language_picker,
            self.pin_pad,
        )

    def tile_columns(self) -> int:
        """Return how many tiles fit side by side with no word of a topic or a "Start here"
        title broken ("Nasophary/ngeal"), at the current text size; 1 to 3."""
        w = self.window
        font = QFont(w.view.document().defaultFont())
        font.setPointSizeF(TILE_TITLE_PT * w.look.text_size / 100)
        font.setBold(True)
        metrics = QFontMetricsF(font)
        featured = [a.title for slug in w.pack.featured if (a := w.pack.get(slug))]
        names = [c.name for c in w.pack.categories] + featured
        words = [word for name in names for word in name.split()] or ["M" * 12]
        needed = max(metrics.horizontalAdvance(word) for word in words) + TILE_PADDING_PX
        return max(1, min(3, int(w.view.reading_width() // needed)))

    # --- events ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True  # no right-click menus on a public terminal
        if self._swallowing and kind in _REST_OF_TOUCH:
            if kind in _TOUCH_ENDS:
                self._swallowing = False
            return True  # the touch that dismissed a card activates nothing underneath
        if kind in _ACTIVITY:
            if kind in _PRESSES and self._dismiss_card(event):
                self._swallowing = True
                self.activity()
                return True
            self.activity()
            if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
                self._maybe_admin_tap(event)
        if watched is self.keyboard and kind in (QEvent.Type.Show, QEvent.Type.Hide):
            # On a small screen the keyboard, Recommended and the code do not all fit.
            self._update_qr()
        if watched is self.window:
            if kind == QEvent.Type.Close:
                event.ignore()
                return True
            if kind == QEvent.Type.Resize:
                QTimer.singleShot(0, self.fit_layout)
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

    def _dismiss_card(self, event: QEvent) -> bool:
        """A press while a card is up: close the card; return True if the press is used up."""
        if self.attract_card.isVisible():
            slug = self._attract_slug
            self.stop_attract()
            if slug:
                self.window.open_article(slug)  # the visitor touched this article's card
            return True
        if self.countdown.isVisible():
            self.tick.stop()
            self.countdown.hide()
            return True
        for notice in (self.link_notice, self.language_notice):
            if notice.isVisible():
                notice.hide()
                return True
        if self.language_picker.isVisible() and not _inside(self.language_picker, event):
            self.language_picker.hide()  # a touch beside the card closes it
            return True
        return False

    def activity(self) -> None:
        """Someone touched the screen: restart the idle timer, cancel any countdown."""
        if self.tick.isActive():
            self.tick.stop()
            self.countdown.hide()
        self.idle.start()

    def show_link_refused(self, url: str) -> None:
        """Say, large and plainly, that a web address cannot be opened here."""
        self.link_notice.show_text(
            self.tr("Not available on this terminal"),
            self.tr("This link leads to a web site, which cannot be opened here:\n{url}").format(
                url=url
            ),
            self.tr("OK"),
        )

    # --- language --------------------------------------------------------------------------
    def open_language_picker(self) -> None:
        """Show the card of languages, each named in itself, the one shown marked."""
        self.language_picker.open(self.window.language)

    def choose_language(self, code: str) -> None:
        """Switch to ``code``; when the article read has no version in it, say so."""
        w = self.window
        reading = bool(w.current)
        w.set_language(code)
        if reading and not w.current:  # the window went home: the status bar is hidden here
            self.language_notice.show_text(
                self.tr("This article is not available in {language}.").format(
                    language=native_name(w.language)
                ),
                "",
                self.tr("OK"),
            )

    def _on_language_changed(self, _code: str) -> None:
        """The window built its actions and sidebar again: bring the kiosk's parts along."""
        self._follow_sidebar()
        if self.keyboard is not None:  # its field is the old sidebar's: build it anew
            old = self.keyboard
            old.hide()
            self.keyboard = self._add_keyboard()
            old.deleteLater()
        if self.qr is not None:  # they went with the old sidebar
            self._add_codes()
            self._update_qr()
        self.pin_pad.retranslate()
        self.fit_layout()  # the topics' names are new words

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
        for widget in QApplication.topLevelWidgets():  # dialogs and popup menus too
            if widget is not self.window and widget.isVisible():
                widget.close()
        for card in (
            self.countdown,
            self.attract_card,
            self.link_notice,
            self.language_notice,
            self.language_picker,
        ):
            card.hide()
        self.pin_pad.cancel()
        self._swallowing = False
        self.frame.reset_for_next_visitor()
        if self.keyboard is not None:
            self.keyboard.hide()
        self.fit_layout()  # the text size is back to the default
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
        self._attract_slug = article.slug
        self.attract_card.show_text(article.title, article.summary, self.tr("Touch to start"))

    def stop_attract(self) -> None:
        self.attract_timer.stop()
        self.attract_card.hide()
        self._attract_slug = ""

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
        """Open the staff PIN pad (during a lock-out it says how long to wait)."""
        if not self.config.admin_pin:
            logger.warning("admin exit requested, but no admin PIN is configured")
            return
        self.pin_pad.open(self.tr("Enter the staff PIN."))
        self._show_lock()

    def submit_pin(self, pin: str) -> None:
        """Check a PIN from the pad; quit with ADMIN_EXIT_CODE when it is right."""
        if self.is_locked() or not self.config.admin_pin:
            return
        if verify_pin(pin, self.config.admin_pin):
            logger.info("admin exit")
            self._failures = 0
            self.pin_pad.hide()
            self.exit_for_admin()
            return
        self._failures += 1
        logger.warning("wrong admin PIN (%d of %d)", self._failures, PIN_ATTEMPTS)
        if self._failures >= PIN_ATTEMPTS:
            self._failures = 0
            self._locked_until = self.clock() + PIN_LOCKOUT_S
            logger.warning("admin exit locked for %.0f seconds", PIN_LOCKOUT_S)
            self._show_lock()
            return
        left = PIN_ATTEMPTS - self._failures
        self.pin_pad.set_message(
            self.tr("Wrong PIN. 1 try left.")
            if left == 1
            else self.tr("Wrong PIN. {n} tries left.").format(n=left)
        )

    def _show_lock(self) -> None:
        """During a lock-out, keep the pad saying how long to wait; re-open it after."""
        locked = self.is_locked()
        self.pin_pad.set_locked(locked)
        if not locked:
            if self.lock_tick.isActive():
                self.lock_tick.stop()
                self.pin_pad.set_message(self.tr("Enter the staff PIN."))
            return
        seconds = math.ceil(self._locked_until - self.clock())
        self.pin_pad.set_message(
            self.tr("Too many wrong PINs. Try again in {n} seconds.").format(n=seconds)
        )
        if not self.lock_tick.isActive():
            self.lock_tick.start()

    def is_locked(self) -> bool:
        return self.clock() < self._locked_until

    def exit_for_admin(self) -> None:
        """Stop every worker, then end the event loop with ADMIN_EXIT_CODE.

        The window's close handling never runs in a kiosk (closing is refused), so the
        search index thread is stopped here: a QThread destroyed while it runs aborts the
        process (status 134), and the service would restart it.
        """
        self.admin_exit.emit()
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(self)
        for timer in (self.idle, self.tick, self.attract_timer, self.lock_tick):
            timer.stop()
        self.window.stop_workers()
        QApplication.exit(ADMIN_EXIT_CODE)


def _inside(widget: QWidget, event: QEvent) -> bool:
    """Return True if the press ``event`` is on ``widget``."""
    if not isinstance(event, QPointerEvent) or not event.points():
        return False
    where = widget.mapFromGlobal(event.points()[0].globalPosition().toPoint())
    return widget.rect().contains(where)
