"""Read aloud: speak the article paragraph by paragraph, highlighting the one being read.

The engine is behind a small interface so tests use a fake one, and so pause and resume work
the same whether or not the platform's engine can pause: when it cannot, the reader stops
and later starts again at the paragraph it was reading.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextBrowser, QTextEdit

logger = logging.getLogger(__name__)

#: Speaking rates offered, from slower to faster (QTextToSpeech's -1.0 … 1.0).
RATES = (-0.4, -0.2, 0.0, 0.2, 0.4)


class SpeechEngine(QObject):
    """What the reader needs from a speech engine. ``finished`` fires after each utterance."""

    finished = Signal()

    available = False
    can_pause = False
    unavailable_reason = ""

    def say(self, text: str) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def resume(self) -> None:
        raise NotImplementedError

    def set_rate(self, rate: float) -> None:
        raise NotImplementedError


class QtSpeechEngine(SpeechEngine):
    """QtTextToSpeech (from PySide6-Addons), when it and a platform engine are installed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tts: Any = None
        self._speaking = False
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            self.unavailable_reason = self.tr(
                "Read aloud needs Qt's speech module (pip install PySide6-Addons) and a speech "
                "engine such as speech-dispatcher with espeak-ng."
            )
            return
        engines = QTextToSpeech.availableEngines()
        if not engines:
            self.unavailable_reason = self.tr(
                "No speech engine is installed. On Debian or Ubuntu: "
                "sudo apt install speech-dispatcher espeak-ng"
            )
            return
        self._tts = QTextToSpeech(engines[0], self)
        if self._tts.state() == QTextToSpeech.State.Error:
            self.unavailable_reason = self.tr(
                "The speech engine reported an error: {error}"
            ).format(error=self._tts.errorString())
            self._tts = None
            return
        self.available = True
        self.can_pause = (
            bool(self._tts.engineCapabilities() & QTextToSpeech.Capability.PauseResume)
            if hasattr(QTextToSpeech, "Capability")
            else False
        )
        self._ready = QTextToSpeech.State.Ready
        self._tts.stateChanged.connect(self._on_state)

    def _on_state(self, state: Any) -> None:
        if state == self._ready and self._speaking:
            self._speaking = False
            self.finished.emit()

    def say(self, text: str) -> None:
        self._speaking = True
        self._tts.say(text)

    def stop(self) -> None:
        self._speaking = False
        if self._tts is not None:
            self._tts.stop()

    def pause(self) -> None:
        self._tts.pause()

    def resume(self) -> None:
        self._tts.resume()

    def set_rate(self, rate: float) -> None:
        if self._tts is not None:
            self._tts.setRate(rate)


class State(Enum):
    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str


class ReadAloud(QObject):
    """Read the article in ``view`` with ``engine``: play, pause/resume, stop, speed."""

    state_changed = Signal(str)

    def __init__(self, view: QTextBrowser, engine: SpeechEngine) -> None:
        super().__init__(view)
        self.view = view
        self.engine = engine
        self.state = State.STOPPED
        self.index = 0
        self.rate_index = RATES.index(0.0)
        self.paragraphs: list[Paragraph] = []
        self.highlight = QColor("#fff1a8")
        engine.finished.connect(self._next)

    def _collect(self) -> list[Paragraph]:
        doc = self.view.document()
        found: list[Paragraph] = []
        block = doc.begin()
        while block.isValid():
            text = " ".join(block.text().split())
            if text:
                found.append(
                    Paragraph(block.position(), block.position() + block.length() - 1, text)
                )
            block = block.next()
        return found

    def _first_visible(self) -> int:
        top = self.view.cursorForPosition(self.view.viewport().rect().topLeft()).position()
        for i, paragraph in enumerate(self.paragraphs):
            if paragraph.end >= top:
                return i
        return 0

    def play(self) -> None:
        """Start reading at the first paragraph in view, or resume after a pause."""
        if not self.engine.available:
            return
        if self.state is State.PAUSED:
            self.resume()
            return
        self.paragraphs = self._collect()
        if not self.paragraphs:
            return
        self.index = self._first_visible()
        self._set_state(State.PLAYING)
        self._speak()

    def toggle(self) -> None:
        if self.state is State.PLAYING:
            self.pause()
        else:
            self.play()

    def pause(self) -> None:
        if self.state is not State.PLAYING:
            return
        if self.engine.can_pause:
            self.engine.pause()
        else:  # stop now, start this paragraph again on resume
            self._set_state(State.PAUSED)
            self.engine.stop()
            return
        self._set_state(State.PAUSED)

    def resume(self) -> None:
        if self.state is not State.PAUSED:
            return
        self._set_state(State.PLAYING)
        if self.engine.can_pause:
            self.engine.resume()
        else:
            self._speak()

    def stop(self) -> None:
        if self.state is State.STOPPED:
            return
        self._set_state(State.STOPPED)
        self.engine.stop()
        self._mark(None)

    def reset(self) -> None:
        """Stop and go back to the normal speed (a kiosk's next visitor starts afresh)."""
        self.stop()
        self.rate_index = RATES.index(0.0)
        self.engine.set_rate(RATES[self.rate_index])

    def change_rate(self, steps: int) -> float:
        self.rate_index = max(0, min(len(RATES) - 1, self.rate_index + steps))
        self.engine.set_rate(RATES[self.rate_index])
        return RATES[self.rate_index]

    def _speak(self) -> None:
        paragraph = self.paragraphs[self.index]
        self._mark(paragraph)
        self.engine.say(paragraph.text)

    def _next(self) -> None:
        if self.state is not State.PLAYING:
            return
        self.index += 1
        if self.index >= len(self.paragraphs):
            self.stop()
            return
        self._speak()

    def _mark(self, paragraph: Paragraph | None) -> None:
        if paragraph is None:
            self.view.setExtraSelections([])
            return
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(paragraph.start)
        cursor.setPosition(paragraph.end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(self.highlight)
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.cursor = cursor
        selection.format = fmt
        self.view.setExtraSelections([selection])
        end = QTextCursor(cursor)
        end.setPosition(paragraph.end)
        self.view.setTextCursor(end)
        self.view.ensureCursorVisible()
        start = QTextCursor(cursor)
        start.setPosition(paragraph.start)
        self.view.setTextCursor(start)
        self.view.ensureCursorVisible()

    def _set_state(self, state: State) -> None:
        self.state = state
        self.state_changed.emit(state.value)
