"""The main window: assembles the sidebar and article view, routes links, keeps history."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable, Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QScroller,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.find.recommend import Reasons, Recommendation, Recommender, TagRecommender, teaser
from reader.gui.actions import WindowActions
from reader.gui.appearance import Templates, palette_for, system_is_dark, themed_icon
from reader.gui.article_view import ArticleView
from reader.gui.indexer import IndexLoader
from reader.gui.language import Translators, interface_language, native_name
from reader.gui.settings import Settings
from reader.gui.sidebar import Sidebar
from reader.history import HOME, History
from reader.library.languages import (
    common_tags,
    language_view,
    library_language,
    translation_in,
)
from reader.library.pack import Article, Pack
from reader.page.links import ARTICLE_SCHEME, CATEGORY_SCHEME, HOME_URL, SEARCH_SCHEME
from reader.page.render import PageText, Renderer
from reader.paths import read_resource, resource_path
from reader.themes import (
    SYSTEM,
    TEXT_SIZES,
    THEME_NAMES,
    THEMES,
    clamp_text_size,
    fill,
    resolve_theme,
    scale_points,
    step_text_size,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QDialog

    from reader.gui.find_bar import FindBar
    from reader.gui.kiosk.config import KioskConfig
    from reader.gui.printing import ArticlePrinting
    from reader.gui.speech import ReadAloud, SpeechEngine

logger = logging.getLogger(__name__)

#: Common search words (the pack's most used tags) on a kiosk's home page.
KIOSK_SEARCH_WORDS = 12
#: Milliseconds a page must stay shown before it is saved as the page to reopen next time.
LAST_ARTICLE_DELAY_MS = 1500
#: Milliseconds after a page is shown before its neighbours are rendered ahead of time.
PREFETCH_DELAY_MS = 300


def _open_url(url: QUrl) -> bool:
    """Hand ``url`` to the desktop (its browser or mail program)."""
    from PySide6.QtGui import QDesktopServices  # only when an outside link is followed

    return QDesktopServices.openUrl(url)


class MainWindow(QMainWindow):
    """Present a pack: sidebar on the left, the page on the right, navigation on top."""

    page_shown = Signal(str)  # the location shown: an article slug, or "" for home
    #: The interface language changed (``set_language``): the actions and the sidebar are new.
    language_changed = Signal(str)

    def __init__(
        self,
        pack: Pack,
        settings: Settings,
        templates: Templates | None = None,
        recommender: Recommender | None = None,
        open_external: Callable[[QUrl], bool] | None = None,
        speech: SpeechEngine | None = None,
        language: str = "",
        translators: Translators | None = None,
    ) -> None:
        super().__init__()
        #: The whole pack, every language; ``pack`` is what a reader of ``language`` sees.
        self.library = pack
        self._translators = translators
        #: The interface language (``en``, ``zh_CN``, ``es``) and the one a kiosk resets to.
        self.language = self.default_language = interface_language(language or pack.language)
        pack = language_view(pack, self.language)
        self.pack = pack
        self._search_words: list[str] | None = None  # a kiosk home's, once asked for
        self.settings = settings
        self.history = History()
        self._open_external = open_external or _open_url
        self._speech_engine = speech
        self._read_aloud: ReadAloud | None = None
        self.renderer = Renderer(pack, self._page_text())
        self.recommender: Recommender = recommender or TagRecommender(pack, self._reasons())
        self.current: str | None = None
        self.templates = templates or Templates.load()
        self.theme = settings.theme
        self.text_size = settings.text_size
        #: Kiosk mode (set by KioskController): no outside links, nothing remembered.
        self.kiosk = False
        self.persist_look = True
        self.extra_qss = ""
        #: In a kiosk, the printer to print to without a dialog ("" means printing is off).
        self.printer_name = ""
        #: The look a reset returns to.
        self.default_look = (self.theme, self.text_size)
        self.search_index: Any = None  # reader.find.index.SearchIndex once built
        self._loader: IndexLoader | None = None
        #: Toolbar icons by (name, colour, disabled colour). Qt keeps the pixmaps of every icon
        #: it has drawn in its pixmap cache (up to 10 MB), so drawing the same look again must
        #: reuse the same icons: a kiosk re-applies its look at every reset.
        self._icons: dict[tuple[str, str, str], QIcon] = {}
        #: The last article is written to the settings file a moment after the reader stops
        #: on a page (and on close), not on every page turn: each write is a file replace.
        self._save_last = QTimer(self, singleShot=True, interval=LAST_ARTICLE_DELAY_MS)
        self._save_last.timeout.connect(self._remember_last_article)
        self._last_article = ""
        #: A moment after a page is shown, the pages Next and Previous lead to are rendered,
        #: so that turning to them only has to lay them out.
        self._prefetch = QTimer(self, singleShot=True, interval=PREFETCH_DELAY_MS)
        self._prefetch.timeout.connect(self._prefetch_neighbours)

        self.setWindowTitle(pack.title)
        self.setWindowIcon(QIcon(str(resource_path("icons/offline-reader.svg"))))
        self.sidebar = Sidebar(pack, self)
        self.view = ArticleView(self)
        self.view.set_pack_root(pack.root)
        self.view.setAccessibleName(self.tr("Article"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self._find_bar: FindBar | None = None  # built on first use (see find_bar)
        self._printing: ArticlePrinting | None = None
        reading = QWidget(self)
        self._reading_layout = QVBoxLayout(reading)
        self._reading_layout.setContentsMargins(0, 0, 0, 0)
        self._reading_layout.setSpacing(0)
        self._reading_layout.addWidget(self.view, 1)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(reading)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([340, 860])
        self.setCentralWidget(self.splitter)
        self.position_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.position_label)

        self.act = WindowActions(self)
        self.toolbar = self.act.toolbar
        self._connect_signals()
        self._restore_state()
        self._check_speech()
        self.apply_look()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)
        self.view.setFocus()  # arrow keys and PgDown scroll the page from the start

    # --- construction --------------------------------------------------------------------
    def _page_text(self) -> PageText:
        locale = QLocale()

        def format_date(day: object) -> str:
            qdate = QDate(day.year, day.month, day.day)  # type: ignore[attr-defined]
            return locale.toString(qdate, QLocale.FormatType.LongFormat).split(", ", 1)[-1]

        return PageText(
            previous=self.tr("‹ Previous: {title}"),
            next=self.tr("Next: {title} ›"),
            recommended=self.tr("Recommended"),
            reviewed=self.tr("Reviewed {date}"),
            on_this_page=self.tr("On this page"),
            sources=self.tr("Sources"),
            image=self.tr("image"),
            start_here=self.tr("Start here"),
            browse=self.tr("Browse by topic"),
            recently_reviewed=self.tr("Recently reviewed"),
            important=self.tr("Important"),
            a_to_z=self.tr("All articles A–Z"),
            common_searches=self.tr("Common searches"),
            too_long=self.tr("This article is very long; only the first part is shown."),
            not_displayed=self.tr(
                "This article could not be displayed with its formatting, so it is shown as "
                "plain text."
            ),
            stale=self.tr(
                "This article was last reviewed on {date}. Some details may have changed — "
                "check with a health professional."
            ),
            format_date=format_date,
            count_minutes=lambda n: self.tr("%n min read", "", n),
            count_articles=lambda n: self.tr("%n article(s)", "", n),
        )

    def _reasons(self) -> Reasons:
        return Reasons(
            editors=self.tr("Suggested by the editors"),
            also_about=self.tr("Also about: {topics}"),
            same_category=self.tr("More in {category}"),
        )

    def _connect_signals(self) -> None:
        self.sidebar.article_requested.connect(self.open_article)
        self.sidebar.result_opened.connect(self.open_result)
        self.view.anchorClicked.connect(self.open_link)
        self.view.highlighted.connect(self._show_link_target)
        self.splitter.splitterMoved.connect(self._on_splitter_moved)

    def _restore_state(self) -> None:
        if (geometry := self.settings.geometry) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        if (splitter := self.settings.splitter) is not None:
            self.splitter.restoreState(splitter)
        self._set_sidebar_visible(self.settings.sidebar_visible)

    # --- find in page --------------------------------------------------------------------
    @property
    def find_bar(self) -> FindBar:
        """The find-in-page bar over the article, built the first time it is needed."""
        if self._find_bar is None:
            from reader.gui.find_bar import FindBar  # imported on first use

            self._find_bar = FindBar(self.view, self)
            self._find_bar.set_colours(*self._match_colours())
            self._reading_layout.insertWidget(0, self._find_bar)
        return self._find_bar

    def _refresh_find_bar(self) -> None:
        if self._find_bar is not None:
            self._find_bar.refresh()

    def _match_colours(self) -> tuple[QColor, QColor]:
        """Return the theme's colours for search matches and for the current match."""
        colours = THEMES[resolve_theme(self.theme, system_is_dark())]
        return QColor(colours["match_bg"]), QColor(colours["current_match_bg"])

    # --- look ----------------------------------------------------------------------------
    def apply_look(self) -> None:
        """Apply the theme and text size to the chrome and the article, keeping the place."""
        colours = THEMES[resolve_theme(self.theme, system_is_dark())]
        self.setPalette(palette_for(colours))
        self.setStyleSheet(fill(self.templates.app_qss + self.extra_qss, colours))
        if self._find_bar is not None:
            self._find_bar.set_colours(*self._match_colours())
        self.view.set_text_size(self.text_size)
        css = scale_points(fill(self.templates.article_css, colours), self.text_size)
        self.view.set_style_sheet(css)
        self.act.larger.setEnabled(self.text_size < TEXT_SIZES[-1])
        self.act.smaller.setEnabled(self.text_size > TEXT_SIZES[0])
        self.act.themes[self.theme].setChecked(True)
        # The window's own actions (each is added to it): findChildren() would also return
        # the actions Qt made for menus and fields, and wrapping those costs ~2 ms.
        for action in self.actions():
            if name := action.property("icon_name"):
                action.setIcon(self._themed_icon(name, colours))
        self._rerender()

    def _themed_icon(self, name: str, colours: Mapping[str, str]) -> QIcon:
        """Return the icon ``name`` in ``colours``, the same QIcon each time it is asked for."""
        key = (name, colours["chrome_text"], colours["disabled"])
        icon = self._icons.get(key)
        if icon is None:
            icon = self._icons[key] = themed_icon(*key)
        return icon

    def set_theme(self, name: str) -> None:
        self.theme = name if name in THEME_NAMES else SYSTEM
        if self.persist_look:
            self.settings.theme = self.theme
        self.apply_look()

    def set_text_size(self, percent: int) -> None:
        self.text_size = clamp_text_size(percent)
        if self.persist_look:
            self.settings.text_size = self.text_size
        self.apply_look()
        self.statusBar().showMessage(self.tr("Text size {n}%").format(n=self.text_size), 2000)

    def step_text_size(self, steps: int) -> None:
        self.set_text_size(step_text_size(self.text_size, steps))

    def _on_system_scheme_changed(self) -> None:
        if self.theme == SYSTEM:
            self.apply_look()

    def _rerender(self) -> None:
        """Show the current page again (new CSS), at the same relative scroll position."""
        if self.current is None:
            return
        bar = self.view.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        marks = self.view.extraSelections()
        if self.current == HOME:
            self.view.show_html(self._home_page())
        else:
            article = self.pack.get(self.current)
            if article is None:
                return
            self.view.show_html(self._render(article, self.recommender.recommend(article.slug)))
        bar.setValue(round(fraction * bar.maximum()))
        if marks:
            self._refresh_find_bar()

    # --- navigation ----------------------------------------------------------------------
    def open_article(self, slug: str, anchor: str = "", record: bool = True) -> bool:
        """Show the article ``slug``; return False (and say so) if the pack has no such article."""
        article = self.pack.get(slug)
        if slug == self.current and article is not None:
            if anchor:
                self.view.scrollToAnchor(anchor)
            return True
        if article is None:
            self.statusBar().showMessage(
                self.tr("No article called '{slug}'").format(slug=slug), 5000
            )
            return False
        recommendations = self.recommender.recommend(slug)
        page = self._render(article, recommendations)
        self.stop_listening()
        self.view.setExtraSelections([])
        self.view.show_html(page, anchor)
        self._refresh_find_bar()
        self.current = slug
        if record:
            self.history.visit(slug)
        self.sidebar.select_article(slug)
        self.sidebar.set_recommendations(recommendations)
        if not self.kiosk:
            self._last_article = slug
            self._save_last.start()
        self._prefetch.start()
        self._update_chrome()
        self.page_shown.emit(slug)
        return True

    def current_article(self) -> Article | None:
        """Return the article shown, or None on the home page."""
        return self.pack.get(self.current) if self.current and self.current != HOME else None

    def _prefetch_neighbours(self) -> None:
        if self.current is None:
            return
        try:
            for article in self.pack.neighbours(self.current)[::-1]:  # Next first
                if article is not None:
                    self.renderer.prefetch(article)
        except Exception:  # only an optimisation: it must never disturb the reader
            logger.exception("could not render the next page ahead")

    def _remember_last_article(self) -> None:
        self._save_last.stop()
        if self._last_article:
            self.settings.set_last_article(str(self.pack.root), self._last_article)

    def _render(self, article: Article, recommendations: list[Recommendation]) -> str:
        """Return the page for ``article``; a broken article must not take the window down."""
        try:
            return self.renderer.article_page(article, recommendations)
        except Exception:
            logger.exception("could not render %s", article.rel_path)
            return "<h1>{}</h1><p>{}</p>".format(
                escape(article.title), self.tr("This article could not be displayed.")
            )

    def show_home(self, record: bool = True) -> None:
        """Show the pack's home page."""
        self.stop_listening()
        self.view.setExtraSelections([])
        self.view.show_html(self._home_page())
        self._refresh_find_bar()
        self.current = HOME
        if record:
            self.history.visit(HOME)
        self.sidebar.select_article(None)
        self.sidebar.set_recommendations([])
        self._update_chrome()
        self.page_shown.emit(HOME)

    def _home_page(self) -> str:
        """The home page; a kiosk's also lists every title and the common search words."""
        if self.kiosk and self._search_words is None:  # walks every article: once a language
            self._search_words = common_tags(self.pack, KIOSK_SEARCH_WORDS)
        words = self._search_words if self.kiosk else None
        return self.renderer.home_page(self._session_sections(), self.kiosk, words or ())

    def _session_sections(self) -> list[tuple[str, list[Recommendation]]]:
        """ "Continue reading" and "Because you read …", once something was read."""
        visited = [a for s in self.history.visited() if (a := self.pack.get(s)) is not None]
        if not visited:
            return []
        seen = {a.slug for a in visited}
        because = [r for r in self.recommender.recommend(visited[0].slug, 8) if r.slug not in seen]
        return [
            (self.tr("Continue reading"), [teaser(a) for a in visited[:3]]),
            (self.tr("Because you read {title}").format(title=visited[0].title), because[:3]),
        ]

    def _show_location(self, location: str) -> None:
        if location == HOME:
            self.show_home(record=False)
        else:
            self.open_article(location, record=False)

    def go_back(self) -> None:
        location = self.history.back()
        if location is not None:
            self._show_location(location)

    def go_forward(self) -> None:
        location = self.history.forward()
        if location is not None:
            self._show_location(location)

    def go_previous(self) -> None:
        if self.current:
            prev, _ = self.pack.neighbours(self.current)
            if prev is not None:
                self.open_article(prev.slug)

    def go_next(self) -> None:
        if not self.current:
            if self.pack.articles:
                self.open_article(self.pack.articles[0].slug)
            return
        _, nxt = self.pack.neighbours(self.current)
        if nxt is not None:
            self.open_article(nxt.slug)

    def sidebar_search(self) -> None:
        self._set_sidebar_visible(True)
        self.sidebar.focus_search()

    def open_result(self, slug: str, query: str) -> None:
        """Open a search result and mark the query's words in it."""
        if self.open_article(slug) and self.search_index is not None:
            from reader.gui.find_bar import mark_words

            mark_words(self.view, self.search_index.terms(query), self._match_colours()[0])

    # --- search index ----------------------------------------------------------------------
    def start_search_index(self, cache_dir: Path | None) -> None:
        """Open or build the search index in a worker thread; the window stays usable."""
        # Over every language: one index file per pack folder, whichever language is shown.
        self._loader = IndexLoader(self.library, cache_dir, self)
        self._loader.progress.connect(self._on_index_progress)
        self._loader.ready.connect(self._on_index_ready)
        self._loader.failed.connect(self._on_index_failed)
        self._loader.start()

    def _on_index_progress(self, done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 100
        self.statusBar().showMessage(
            self.tr("Preparing search: {percent}% of {total} articles").format(
                percent=percent, total=total
            )
        )

    def _on_index_ready(self, index: Any) -> None:
        self.search_index = index
        self.sidebar.set_search_index(index)
        self._use_content_recommendations(index)
        if self.statusBar().currentMessage().startswith(self.tr("Preparing search")):
            self.statusBar().showMessage(self.tr("Search is ready"), 3000)

    def _use_content_recommendations(self, index: Any) -> None:
        """Switch from tag-based to content-based recommendations once the index is ready."""
        from reader.find.related import ContentRecommender

        self.recommender = ContentRecommender(self.pack, index, self._reasons())
        article = self.pack.get(self.current) if self.current else None
        if article is not None:  # the panel and the footer show the new list at once
            self.sidebar.set_recommendations(self.recommender.recommend(article.slug))
            self._rerender()

    def _on_index_failed(self, message: str) -> None:
        self.statusBar().showMessage(
            self.tr("Search is not available: {error}").format(error=message), 15000
        )

    def stop_search_index(self) -> None:
        if self._loader is not None:
            self._loader.requestInterruption()
            self._loader.wait()
            self._loader = None
        if self.search_index is not None:
            self.search_index.close()
            self.search_index = None

    def open_link(self, url: QUrl) -> None:
        """The one link router: in-page anchors, articles, home, categories, outside links."""
        scheme = url.scheme()
        if not scheme and url.hasFragment():
            self.view.scrollToAnchor(url.fragment())
        elif scheme == ARTICLE_SCHEME:
            self.open_article(url.path(), url.fragment())
        elif url.toString() == HOME_URL:
            self.show_home()
        elif scheme == CATEGORY_SCHEME:
            self._set_sidebar_visible(True)
            self.sidebar.show_category(url.path())
        elif scheme == SEARCH_SCHEME:
            self._set_sidebar_visible(True)
            self.sidebar.search_for(url.path())
        elif scheme in {"http", "https", "mailto", "tel"}:
            self.open_external(url)
        else:
            logger.info("ignored link %s", url.toString())

    def open_external(self, url: QUrl) -> None:
        """Hand an outside address to the system, after the reader clicked it (not in a kiosk)."""
        if self.kiosk:
            self.statusBar().showMessage(
                self.tr("{url} — not available on this terminal").format(url=url.toString()),
                10000,
            )
            return
        if not self._open_external(url):
            self.statusBar().showMessage(
                self.tr("Could not open {url}").format(url=url.toString()), 5000
            )

    # --- presentation --------------------------------------------------------------------
    def _update_chrome(self) -> None:
        a = self.act
        a.back.setEnabled(self.history.can_go_back())
        a.forward.setEnabled(self.history.can_go_forward())
        article = self.pack.get(self.current) if self.current else None
        a.print.setEnabled(article is not None and (not self.kiosk or bool(self.printer_name)))
        a.save_pdf.setEnabled(article is not None and not self.kiosk)
        if article is None:
            self.setWindowTitle(self.tr("Home — {pack}").format(pack=self.pack.title))
            a.previous.setEnabled(False)
            a.next.setEnabled(bool(self.pack.articles))
            self.position_label.setText(self.tr("%n article(s)", "", len(self.pack.articles)))
            return
        prev, nxt = self.pack.neighbours(article.slug)
        a.previous.setEnabled(prev is not None)
        a.next.setEnabled(nxt is not None)
        self.setWindowTitle(
            self.tr("{title} — {pack}").format(title=article.title, pack=self.pack.title)
        )
        self.position_label.setText(
            self.tr("Article {n} of {total} · {category}").format(
                n=article.index + 1,
                total=len(self.pack.articles),
                category=self.pack.category_name(article.category),
            )
        )

    def _show_link_target(self, url: QUrl) -> None:
        if url.scheme() == ARTICLE_SCHEME and (target := self.pack.get(url.path())):
            self.statusBar().showMessage(target.title)
        elif url.scheme() in {"http", "https"}:
            self.statusBar().showMessage(self.tr("Outside link: {url}").format(url=url.toString()))
        else:
            self.statusBar().clearMessage()

    def toggle_sidebar(self) -> None:
        self._set_sidebar_visible(self.act.toggle_sidebar.isChecked())

    def _set_sidebar_visible(self, visible: bool) -> None:
        self.sidebar.setVisible(visible)
        self.act.toggle_sidebar.setChecked(visible)

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self.settings.splitter = self.splitter.saveState()

    def show_about(self) -> None:
        from reader.gui.dialogs import AboutDialog  # dialogs: imported when opened

        AboutDialog(self.pack, self).exec()

    # --- read aloud ------------------------------------------------------------------------
    def _check_speech(self) -> None:
        """Disable Listen, with the reason as its tooltip, when speech cannot work here."""
        reason = ""
        if (
            self._speech_engine is None
            and importlib.util.find_spec("PySide6.QtTextToSpeech") is None
        ):
            reason = self.tr(
                "Read aloud needs Qt's speech module (pip install PySide6-Addons) and a speech "
                "engine such as speech-dispatcher with espeak-ng."
            )
        elif self._speech_engine is not None and not self._speech_engine.available:
            reason = self._speech_engine.unavailable_reason
        self._set_speech_unavailable(reason)

    def _set_speech_unavailable(self, reason: str) -> None:
        for action in (self.act.listen, self.act.stop_listening, self.act.slower, self.act.faster):
            action.setEnabled(not reason)
        if reason:
            self.act.listen.setToolTip(reason)
            self.act.listen.setStatusTip(reason)

    def read_aloud(self) -> ReadAloud | None:
        """Return the reader, creating the speech engine on first use."""
        if self._read_aloud is None:
            from reader.gui.speech import QtSpeechEngine, ReadAloud

            engine = self._speech_engine or QtSpeechEngine(self)
            if not engine.available:
                self._set_speech_unavailable(engine.unavailable_reason)
                self.statusBar().showMessage(engine.unavailable_reason, 10000)
                return None
            self._speech_engine = engine
            self._read_aloud = ReadAloud(self.view, engine)
            self._read_aloud.state_changed.connect(self._on_speech_state)
        self._read_aloud.highlight = self._match_colours()[0]
        return self._read_aloud

    def toggle_listening(self) -> None:
        if (reader := self.read_aloud()) is not None:
            reader.toggle()

    def stop_listening(self) -> None:
        if self._read_aloud is not None:
            self._read_aloud.stop()

    def change_rate(self, steps: int) -> None:
        if (reader := self.read_aloud()) is not None:
            rate = reader.change_rate(steps)
            self.statusBar().showMessage(
                self.tr("Reading speed {n}").format(n=f"{rate:+.1f}"), 3000
            )

    def _on_speech_state(self, state: str) -> None:
        playing = state == "playing"
        self.act.listen.setText(self.tr("&Pause") if playing else self.tr("&Listen"))
        self.act.listen.setProperty("icon_name", "pause" if playing else "listen")
        colours = THEMES[resolve_theme(self.theme, system_is_dark())]
        self.act.listen.setIcon(self._themed_icon("pause" if playing else "listen", colours))

    # --- print ---------------------------------------------------------------------------
    def printing(self) -> ArticlePrinting:
        """Return the print and PDF glue, loading print support on first use."""
        if self._printing is None:
            from reader.gui.printing import ArticlePrinting  # QtPrintSupport: ~10 ms

            self._printing = ArticlePrinting(self)
        return self._printing

    def print_article(self) -> None:
        """Print with the system dialog (on a kiosk: to its configured printer, no dialog)."""
        self.printing().print_article()

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save the current article as a PDF, asking where unless ``path`` is given."""
        return self.printing().save_pdf(path)

    # --- problems ------------------------------------------------------------------------
    def problems_dialog(self) -> QDialog:
        """Return the dialog listing the pack's problems."""
        from reader.gui.dialogs import ProblemsDialog

        return ProblemsDialog(self.pack, self)

    def show_problems(self) -> None:
        self.problems_dialog().exec()

    def announce_problems(self) -> None:
        """Say once, in the status bar, that the pack has problems."""
        if self.pack.problems:
            self.statusBar().showMessage(
                self.tr(
                    "%n problem(s) in the content pack — see Help › Content problems",
                    "",
                    len(self.pack.problems),
                ),
                15000,
            )

    # --- language --------------------------------------------------------------------------
    def interface_languages(self) -> list[tuple[str, str]]:
        """Return (code, the language's name in itself) of every interface language."""
        from reader.gui.language import INTERFACE_LANGUAGES

        return [(code, native_name(code)) for code in INTERFACE_LANGUAGES]

    def set_language(self, code: str) -> None:
        """Show the interface and the library in ``code`` (``en``, ``zh_CN``, ``es``).

        The article shown stays, in its version in that language; without one the home page
        opens with a notice. For the language menu, and for a kiosk's language button.
        """
        code = interface_language(code)
        if code == self.language:
            return
        if self._translators is not None:
            self._translators.install(code)
        self.language = code
        if not self.kiosk:
            self.settings.language = code
        was = self.current
        self.pack = language_view(self.library, code)
        self._search_words = None
        self.renderer.pack = self.pack
        self.renderer.text = self._page_text()
        if self.search_index is not None:
            self._use_content_recommendations(self.search_index)
        else:
            self.recommender = TagRecommender(self.pack, self._reasons())
        self._retranslate()
        target = None
        if was and was != HOME:
            target = translation_in(self.library, was, library_language(self.library, code))
        if target is not None:
            self.current = None  # show it again even when it is the same article
            self.open_article(target)
        else:
            self.show_home()
            if was and was != HOME:
                self.statusBar().showMessage(
                    self.tr("This article is not available in {language}.").format(
                        language=native_name(code)
                    ),
                    10000,
                )
        self.language_changed.emit(code)

    def _retranslate(self) -> None:
        """Build the chrome again in the new language: actions, menus, toolbar and sidebar."""
        sidebar_visible = self.act.toggle_sidebar.isChecked()
        self.act.dispose()
        self.act = WindowActions(self)
        self.toolbar = self.act.toolbar
        old = self.sidebar
        self.sidebar = Sidebar(self.pack, self)
        self.splitter.replaceWidget(0, self.sidebar)
        old.deleteLater()
        self.sidebar.article_requested.connect(self.open_article)
        self.sidebar.result_opened.connect(self.open_result)
        if self.search_index is not None:
            self.sidebar.set_search_index(self.search_index)
        self.view.setAccessibleName(self.tr("Article"))
        self.setWindowTitle(self.pack.title)
        self._set_sidebar_visible(sidebar_visible)
        if self.kiosk:
            self._hide_for_kiosk()
            self.sidebar.enter_kiosk()
        self.apply_look()

    # --- kiosk ---------------------------------------------------------------------------
    def enter_kiosk(self, look: KioskConfig) -> None:
        """Lock the window down for a public terminal, in ``look``'s theme and text size.

        No menus, no quitting, no outside links, nothing remembered between visitors; the
        kiosk controller (reader.gui.kiosk) watches for idle visitors and the admin exit.
        """
        self.kiosk = True
        self.menuBar().hide()
        self._hide_for_kiosk()
        self.toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        was_visible = self.isVisible()
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        if was_visible:  # changing flags hides a window
            self.show()
            self.activateWindow()
        self.extra_qss = read_resource("styles/kiosk.qss")
        self.theme = look.theme
        self.text_size = look.text_size
        self.default_look = (self.theme, self.text_size)
        self.persist_look = False
        self.printer_name = look.printer
        self.apply_look()
        self.sidebar.enter_kiosk()
        self.splitter.setSizes([420, max(400, self.width() - 420)])
        self.view.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        QScroller.grabGesture(
            self.view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )

    def _hide_for_kiosk(self) -> None:
        a = self.act
        for action in (a.quit, a.about, a.problems, a.toggle_sidebar, a.save_pdf):
            action.setEnabled(False)
            action.setVisible(False)

    def dock_at_bottom(self, widget: QWidget) -> None:
        """Put ``widget`` along the bottom of the window, under everything (never over it)."""
        content = self.takeCentralWidget()
        assert content is not None
        container = QWidget(self)
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(content, 1)
        layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setCentralWidget(container)
        content.show()  # taking it out of the window hid it
        container.show()
        # Rebuilding the central widget forgot which widget had the focus; without this the
        # search field would take it on show and open the keyboard over half the screen.
        self.view.setFocus()

    def reset_for_next_visitor(self) -> None:
        """Forget this visitor: home page, no search, no history, default look, no marks."""
        if self._find_bar is not None:
            self._find_bar.close_bar()
        self.sidebar.clear_search()
        self.sidebar.collapse_to_top()
        self.history.clear()
        if self.language != self.default_language:
            self.set_language(self.default_language)
        self.theme, self.text_size = self.default_look
        self.apply_look()
        self.show_home()
        self.view.verticalScrollBar().setValue(0)
        self.statusBar().clearMessage()
        self.view.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.kiosk:
            self.stop_search_index()
            super().closeEvent(event)
            return
        if self._save_last.isActive():
            self._remember_last_article()
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter = self.splitter.saveState()
        self.settings.sidebar_visible = self.act.toggle_sidebar.isChecked()
        self.settings.sync()
        self.stop_search_index()
        super().closeEvent(event)
