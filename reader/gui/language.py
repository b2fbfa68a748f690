"""The interface language: Qt translators, the languages offered, the window's switch from one
to another, and the CJK font check.

The interface speaks English (the source text), Simplified Chinese or Spanish; the library
shows the articles of the same language when the pack has some (reader.library.languages).
The catalogues are ``resources/translations/offline_reader_<name>.qm``, compiled from the .ts
files at build time (scripts/translations.py, hatch_build.py); Qt's own ``qtbase_<name>.qm``
translates standard dialogs and buttons.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from reader.find.recommend import TagRecommender
from reader.gui.pagewords import PageWords
from reader.history import HOME
from reader.library.languages import INTERFACE_LANGUAGES as INTERFACE_LANGUAGES  # offered here
from reader.library.languages import (
    NATIVE_NAMES,
    language_view,
    library_language,
    primary,
    translation_in,
)
from reader.paths import resource_path

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

logger = logging.getLogger(__name__)

#: Characters a CJK font must cover for the bundled Chinese articles (the test's sample).
CJK_SAMPLE = "鼻咽癌血尿咳嗽"


def interface_language(wanted: str) -> str:
    """Return the interface language for a code (``zh``, ``zh-CN``, ``zh_Hans_CN``, ``es_MX``):
    the shipped one with the same language, else English."""
    for name in INTERFACE_LANGUAGES:
        if primary(name) == primary(wanted or "en"):
            return name
    return INTERFACE_LANGUAGES[0]


def native_name(name: str) -> str:
    """Return the language's name in itself ("中文" for ``zh_CN``)."""
    return NATIVE_NAMES.get(primary(name), name)


def interface_languages() -> list[tuple[str, str]]:
    """Return (code, the language's name in itself) of every interface language."""
    return [(code, native_name(code)) for code in INTERFACE_LANGUAGES]


def system_language() -> str:
    """Return the system locale's name (``zh_CN``, ``en_GB``)."""
    return QLocale.system().name()


class Translators:
    """The translators installed on the application; ``install`` swaps them for another
    language."""

    def __init__(self, app: QCoreApplication, folder: str | None = None) -> None:
        self.app = app
        #: Where the reader's .qm files are (tests compile them elsewhere).
        self.folder = folder or str(resource_path("translations"))
        self.installed: list[QTranslator] = []
        self.language = ""

    def install(self, wanted: str) -> str:
        """Translate the interface into ``wanted`` (from now on); return the language used."""
        name = interface_language(wanted)
        if name == self.language:
            return name
        for translator in self.installed:
            self.app.removeTranslator(translator)
        self.installed.clear()
        locale = QLocale(name)
        QLocale.setDefault(locale)  # dates and numbers in the core's words follow
        folders = (
            # English plural forms ("1 article", "2 articles") live in the English catalogue,
            # installed first so that a language's own catalogue overrides it.
            ("offline_reader", self.folder, QLocale("en")),
            ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), locale),
            ("offline_reader", self.folder, locale),
        )
        for catalogue, folder, for_locale in folders:
            if catalogue == "qtbase" and name == "en":
                continue
            translator = QTranslator(self.app)
            if translator.load(for_locale, catalogue, "_", folder):
                self.app.installTranslator(translator)
                self.installed.append(translator)
            else:
                logger.info("no %s translation for %s in %s", catalogue, for_locale.name(), folder)
        self.language = name
        return name


class LanguageSwitch(QObject):
    """Show the window's interface and library in another language: the translators, the
    pack a reader of that language sees, the chrome rebuilt in it, the same article in its
    version there."""

    def __init__(self, window: MainWindow, translators: Translators | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._translators = translators

    def set_language(self, code: str) -> None:
        """Switch to ``code`` (``en``, ``zh_CN``, ``es``); see ``MainWindow.set_language``."""
        w = self.window
        code = interface_language(code)
        if code == w.language:
            return
        if self._translators is not None:
            self._translators.install(code)
        w.language = code
        if not w.kiosk:
            w.settings.language = code
        was = w.current
        w.pack = language_view(w.library, code)
        w.renderer.pack = w.pack
        w.renderer.text = PageWords().page_text()
        if w.search_index is not None:
            w.indexing.recommend_from(w.search_index)
        else:
            w.recommender = TagRecommender(w.pack, PageWords().reasons())
        w.retranslate()
        target = None
        if was and was != HOME:
            target = translation_in(w.library, was, library_language(w.library, code))
        if target is not None:
            w.current = None  # show it again even when it is the same article
            w.open_article(target)
        else:
            w.show_home()
            if was and was != HOME:
                w.statusBar().showMessage(
                    self.tr("This article is not available in {language}.").format(
                        language=native_name(code)
                    ),
                    10000,
                )
        w.language_changed.emit(code)


def cjk_font_families() -> list[str]:
    """Return the font families Qt can use that cover every character of CJK_SAMPLE."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF  # only when asked

    found = []
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        metrics = QFontMetricsF(QFont(family))
        if all(metrics.inFontUcs4(ord(ch)) for ch in CJK_SAMPLE):
            found.append(family)
    return found


_warned_no_cjk_font = False


def warn_if_no_cjk_font() -> bool:
    """Log one warning (per run) if no installed font shows Chinese; return True if one does."""
    global _warned_no_cjk_font
    if cjk_font_families():
        return True
    if not _warned_no_cjk_font:
        _warned_no_cjk_font = True
        logger.warning(
            "no font for Chinese text is installed: Chinese shows as boxes "
            "(install a CJK font, e.g. the Debian package fonts-noto-cjk)"
        )
    return False
