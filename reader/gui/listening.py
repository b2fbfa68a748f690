"""The window's read-aloud glue: the Listen actions' state, and the speech engine made on first
use (reader.gui.speech is imported then, not at start-up)."""

from __future__ import annotations

import importlib.util
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from reader.gui.speech import ReadAloud, SpeechEngine
    from reader.gui.window import MainWindow

logger = logging.getLogger(__name__)


class Listening(QObject):
    """The window's read-aloud glue: the Listen actions' state, and the engine made on first use.

    Listen is disabled, with the reason as its tooltip, when speech cannot work on this
    computer; the reason for whoever installs the reader goes to the log.
    """

    def __init__(self, window: MainWindow, engine: SpeechEngine | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._engine = engine
        self._reader: ReadAloud | None = None
        reason = ""  # why read aloud cannot work here; empty when it can
        if engine is None and importlib.util.find_spec("PySide6.QtTextToSpeech") is None:
            logger.info(
                "read aloud is off: Qt's speech module is missing (PySide6-Addons, and a "
                "speech engine such as speech-dispatcher with espeak-ng; docs/accessibility.md)"
            )
            reason = "no-speech-module"
        elif engine is not None and not engine.available:
            logger.info("read aloud is off: %s", engine.unavailable_reason)
            reason = engine.unavailable_reason
        self._reason = reason
        self.apply()

    def apply(self) -> None:
        """Enable the Listen actions, or disable them with the reason (after they are rebuilt)."""
        self._set_unavailable(self._reason)

    def unavailable_text(self) -> str:
        """What a reader is told when read aloud cannot work on this computer."""
        return self.tr(
            "Read aloud is not available on this computer. The guide “Accessibility” "
            "(accessibility.md, with the reader's documents) says how to add it."
        )

    def _set_unavailable(self, reason: str) -> None:
        act = self.window.act
        for action in (act.listen, act.stop_listening, act.slower, act.faster):
            action.setEnabled(not reason)
        if reason:
            # A tooltip only: a status tip on a disabled button stays in the status bar.
            act.listen.setToolTip(self.unavailable_text())
            act.listen.setStatusTip("")

    def reader(self) -> ReadAloud | None:
        """Return the reader of the article view, creating the speech engine on first use."""
        if self._reader is None:
            from reader.gui.speech import QtSpeechEngine, ReadAloud  # on first use

            engine = self._engine or QtSpeechEngine(self.window)
            if not engine.available:
                logger.info("read aloud is off: %s", engine.unavailable_reason)
                self._reason = engine.unavailable_reason
                self.apply()
                self.window.statusBar().showMessage(self.unavailable_text(), 10000)
                return None
            self._engine = engine
            self._reader = ReadAloud(self.window.view, engine)
            self._reader.state_changed.connect(self._on_state)
        self._reader.highlight = self.window.look.match_colours()[0]
        return self._reader

    def toggle(self) -> None:
        if (reader := self.reader()) is not None:
            reader.toggle()

    def stop(self) -> None:
        if self._reader is not None:
            self._reader.stop()

    def reset(self) -> None:
        """Stop, back to the normal speed (a kiosk's next visitor)."""
        if self._reader is not None:
            self._reader.reset()

    def change_rate(self, steps: int) -> None:
        if (reader := self.reader()) is not None:
            rate = reader.change_rate(steps)
            self.window.statusBar().showMessage(
                self.tr("Reading speed {n}").format(n=f"{rate:+.1f}"), 3000
            )

    def _on_state(self, state: str) -> None:
        listen = self.window.act.listen
        playing = state == "playing"
        listen.setText(self.tr("&Pause") if playing else self.tr("&Listen"))
        listen.setProperty("icon_name", "pause" if playing else "listen")
        listen.setIcon(self.window.look.icon("pause" if playing else "listen"))
