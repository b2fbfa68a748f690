"""Typed access to the reader's QSettings: preferences apart from window state."""

from __future__ import annotations

import logging
from hashlib import sha256
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.themes import DEFAULT_TEXT_SIZE, SYSTEM, THEME_NAMES, clamp_text_size

logger = logging.getLogger(__name__)


class _SavedLayout:
    """A layout Qt saves as bytes (``saveGeometry``, ``saveState``), kept under ``key``; None
    until one was saved."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, settings: Settings, owner: type[Settings]) -> QByteArray | None:
        value = settings.store.value(self.key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def __set__(self, settings: Settings, value: QByteArray) -> None:
        settings.store.setValue(self.key, value)


class Settings:
    """Preferences (``prefs/…``) and remembered state (``state/…``) over one QSettings."""

    def __init__(self, store: QSettings) -> None:
        self.store = store
        self.problem = ""
        if store.status() != QSettings.Status.NoError:
            self.problem = store.fileName()
            logger.warning(
                "settings file %s is unreadable; starting from defaults", store.fileName()
            )
            store.clear()

    @classmethod
    def at(cls, path: Path) -> Settings:
        """Return settings kept in the INI file at ``path``."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def _str(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    def _bool(self, key: str, default: bool) -> bool:
        value = self.store.value(key, default)
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return value.lower() in {"true", "1", "yes"}
        return default

    # --- preferences -----------------------------------------------------------------------
    @property
    def theme(self) -> str:
        value = self._str("prefs/theme", SYSTEM)
        return value if value in THEME_NAMES else SYSTEM

    @theme.setter
    def theme(self, value: str) -> None:
        self.store.setValue("prefs/theme", value)

    @property
    def language(self) -> str:
        """The interface language last chosen (``zh_CN``); "" means the system's."""
        return self._str("prefs/language")

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("prefs/language", value)

    @property
    def text_size(self) -> int:
        value = self.store.value("prefs/text_size", DEFAULT_TEXT_SIZE)
        try:
            return clamp_text_size(int(str(value)))
        except ValueError:
            return DEFAULT_TEXT_SIZE

    @text_size.setter
    def text_size(self, value: int) -> None:
        self.store.setValue("prefs/text_size", int(value))

    # --- state -----------------------------------------------------------------------------
    #: The window's size and place (``QWidget.saveGeometry``), and the sidebar's width.
    geometry = _SavedLayout("state/geometry")
    splitter = _SavedLayout("state/splitter")

    @property
    def sidebar_visible(self) -> bool:
        return self._bool("state/sidebar_visible", True)

    @sidebar_visible.setter
    def sidebar_visible(self, value: bool) -> None:
        self.store.setValue("state/sidebar_visible", value)

    def last_article(self, pack_key: str) -> str:
        """Return the last article read in the pack identified by ``pack_key``."""
        return self._str(f"state/last_article/{_key(pack_key)}")

    def set_last_article(self, pack_key: str, slug: str) -> None:
        self.store.setValue(f"state/last_article/{_key(pack_key)}", slug)

    def last_place(self, pack_key: str) -> float:
        """Return how far down the last article was left (0.0 top, 1.0 bottom)."""
        value = self.store.value(f"state/last_place/{_key(pack_key)}", 0.0)
        try:
            return min(1.0, max(0.0, float(str(value))))
        except ValueError:
            return 0.0

    def set_last_place(self, pack_key: str, place: float) -> None:
        self.store.setValue(f"state/last_place/{_key(pack_key)}", round(place, 4))

    def sync(self) -> None:
        """Write the settings (QSettings replaces the file atomically, through QSaveFile)."""
        self.store.sync()
        if self.store.status() != QSettings.Status.NoError and not self.problem:
            # Said once; the reader keeps working with the values it has in memory.
            self.problem = self.store.fileName()
            logger.warning("could not save settings to %s", self.store.fileName())


def _key(text: str) -> str:
    # QSettings treats '/' as a group separator and INI files dislike some characters.
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
