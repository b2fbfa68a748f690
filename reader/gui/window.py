"""The main window: assembles the sidebar and article view, routes links, keeps history."""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.find.recommend import Recommendation, Recommender, TagRecommender, teaser
from reader.gui.actions import WindowActions
from reader.gui.article_view import ArticleView
from reader.gui.indexer import SearchIndexing
from reader.gui.language import LanguageSwitch, Translators, interface_language
from reader.gui.last_read import LastRead
from reader.gui.listening import Listening
from reader.gui.look import Look, Templates
from reader.gui.pagewords import PageWords
from reader.gui.routing import LinkRouter
from reader.gui.settings import Settings
from reader.gui.sidebar import Sidebar
from reader.gui.sizing import WindowSizing
from reader.history import HOME, History
from reader.library.languages import common_tags, language_view
from reader.library.pack import Article, Pack
from reader.page.render import Renderer
from reader.paths import resource_path

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QResizeEvent

    from reader.gui.find_bar import FindBar
    from reader.gui.kiosk.config import KioskConfig
    from reader.gui.kiosk.frame import KioskFrame
    from reader.gui.printing import ArticlePrinting
    from reader.gui.speech import SpeechEngine
    from reader.page.ahead import ReadAhead

logger = logging.getLogger(__name__)

#: Common search words (the pack's most used tags) on a kiosk's home page.
KIOSK_SEARCH_WORDS = 12
#: Milliseconds after a page is shown before its neighbours are rendered ahead of time.
PREFETCH_DELAY_MS = 300


class MainWindow(QMainWindow):
    """Present a pack: sidebar on the left, the page on the right, navigation on top."""

    page_shown = Signal(str)  # the location shown: an article slug, or "" for home
    #: Kiosk: an outside address was not followed (the kiosk controller tells the visitor).
    link_refused = Signal(str)
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
        self._language_switch = LanguageSwitch(self, translators)
        #: The interface language (``en``, ``zh_CN``, ``es``) and the one a kiosk resets to.
        self.language = self.default_language = interface_language(language or pack.language)
        pack = language_view(pack, self.language)
        self.pack = pack
        #: A kiosk home's common search words, and the pack they are of.
        self._search_words: tuple[Pack, list[str]] | None = None
        self.settings = settings
        self.history = History()
        #: Where every link clicked on a page goes (reader.gui.routing).
        self.links = LinkRouter(self, open_external)
        self.renderer = Renderer(pack, PageWords().page_text())
        self.recommender: Recommender = recommender or TagRecommender(pack, PageWords().reasons())
        self.current: str | None = None
        #: Theme and text size (reader.gui.look).
        self.look = Look(self, settings, templates or Templates.load())
        #: Kiosk mode (set by enter_kiosk): no outside links, nothing remembered.
        self.kiosk = False
        #: In a kiosk, the printer to print to without a dialog ("" means printing is off).
        self.printer_name = ""
        #: The search index, opened after the first paint (reader.gui.indexer).
        self.indexing = SearchIndexing(self)
        #: The article to reopen next time (reader.gui.last_read).
        self.last_read = LastRead(self)
        #: A moment after a page is shown, the pages Next and Previous lead to are rendered,
        #: so that turning to them only has to lay them out.
        self._prefetch = QTimer(self, singleShot=True, interval=PREFETCH_DELAY_MS)
        self._prefetch.timeout.connect(self._prefetch_neighbours)
        #: The pages after the one shown, converted in a second process (reader.page.ahead);
        #: made after the first paint (start_reading_ahead).
        self.ahead: ReadAhead | None = None
        self.sizing = WindowSizing(self)

        self.setWindowTitle(pack.title)
        self.setWindowIcon(QIcon(str(resource_path("icons/offline-reader.svg"))))
        self.sidebar = Sidebar(pack, self)
        self.view = ArticleView(self)
        self.view.set_pack_root(pack.root)
        self.view.setAccessibleName(self.tr("Article"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self._find_bar: FindBar | None = None  # built on first use (see find_bar)
        #: Kiosk mode's side of the window (reader.gui.kiosk.frame), once entered.
        self.kiosk_frame: KioskFrame | None = None
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
        #: Read aloud: the Listen actions' state and the speech engine, made on first use.
        self.listening = Listening(self, speech)
        self.look.apply()
        self.view.setFocus()  # arrow keys and PgDown scroll the page from the start

    # --- construction --------------------------------------------------------------------
    def _connect_signals(self) -> None:
        self._connect_sidebar()
        self.view.anchorClicked.connect(self.links.open)
        self.view.highlighted.connect(self.links.show_target)
        self.splitter.splitterMoved.connect(self._on_splitter_moved)

    def _connect_sidebar(self) -> None:
        """Follow the sidebar's requests (again for the sidebar a new language builds)."""
        self.sidebar.article_requested.connect(self.open_article)
        self.sidebar.result_opened.connect(self.open_result)
        self.sidebar.search_cleared.connect(self._clear_query_marks)

    def _restore_state(self) -> None:
        if (geometry := self.settings.geometry) is not None:
            self.restoreGeometry(geometry)
        else:
            self.sizing.fit_first_window()
        if (splitter := self.settings.splitter) is not None:
            self.splitter.restoreState(splitter)
        self.set_sidebar_visible(self.settings.sidebar_visible)

    # --- find in page --------------------------------------------------------------------
    @property
    def find_bar(self) -> FindBar:
        """The find-in-page bar over the article, built the first time it is needed."""
        if self._find_bar is None:
            from reader.gui.find_bar import FindBar  # imported on first use

            self._find_bar = FindBar(self.view, self)
            self._find_bar.set_colours(*self.look.match_colours())
            if self.kiosk:
                self._find_bar.hide_shortcut_hints()
            self._reading_layout.insertWidget(0, self._find_bar)
        return self._find_bar

    def _refresh_find_bar(self) -> None:
        if self._find_bar is not None:
            self._find_bar.refresh()

    # --- look ----------------------------------------------------------------------------
    def rerender(self) -> None:
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
            message = (
                self.tr("This article is not shown here: no clinician has reviewed it yet.")
                if slug in self.pack.hidden
                else self.tr("No article called '{slug}'").format(slug=slug)
            )
            self.statusBar().showMessage(message, 5000)
            return False
        if record:
            self._leave_page()
        recommendations = self.recommender.recommend(slug)
        page = self._render(article, recommendations)
        self.listening.stop()
        self.view.setExtraSelections([])
        self.view.show_html(page, anchor)
        self._refresh_find_bar()
        self.current = slug
        if record:
            self.history.visit(slug)
        self.sidebar.select_article(slug)
        self.sidebar.follow_page(recommendations)
        if not self.kiosk:
            self.last_read.note(slug)
        if self.ahead is not None:
            self.ahead.follow(self.renderer, article)
        # A burst of turns (a held key repeats every 30–40 ms) leaves no idle 300 ms: the
        # neighbours are rendered once the page is painted, before the next turn (turns 33 ms
        # apart, synth-1k: median 14–16 → 10–11 ms, benchmarks.inproc --pause 0.033).
        if self._prefetch.isActive():
            self.view.after_paint(lambda: self._prefetch_neighbours(slug))
        self._prefetch.start()
        self._update_chrome()
        self.page_shown.emit(slug)
        return True

    def start_reading_ahead(self) -> None:
        """From now on (after the first paint), have the pages after the one shown converted
        in a second process (reader.page.ahead)."""
        from reader.page.ahead import ReadAhead  # not needed to paint the first page (~3 ms)

        self.ahead = self.ahead or ReadAhead()
        self.ahead.enabled = True
        article = self.current_article()
        if article is not None:
            self.ahead.follow(self.renderer, article)

    def current_article(self) -> Article | None:
        """Return the article shown, or None on the home page."""
        return self.pack.get(self.current) if self.current and self.current != HOME else None

    def _prefetch_neighbours(self, shown: str | None = None) -> None:
        if self.current is None or shown not in (None, self.current):
            return  # turned again since ``shown`` was painted (back to back): no gap came
        try:
            for article in self.pack.neighbours(self.current)[::-1]:  # Next first
                if article is not None:
                    self.renderer.prefetch(article)
        except Exception:  # only an optimisation: it must never disturb the reader
            logger.exception("could not render the next page ahead")

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
        if record:
            self._leave_page()
        self.listening.stop()
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
        words: list[str] = []
        if self.kiosk:
            if self._search_words is None or self._search_words[0] is not self.pack:
                # Walks every article: once a pack (a language, an updated library).
                self._search_words = (self.pack, common_tags(self.pack, KIOSK_SEARCH_WORDS))
            words = self._search_words[1]
        return self.renderer.home_page(self._session_sections(), self.kiosk, words)

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

    def place(self) -> float:
        """Return how far down the page is scrolled (0.0 top, 1.0 bottom)."""
        bar = self.view.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() else 0.0

    def scroll_to_place(self, place: float) -> None:
        """Scroll the page ``place`` of the way down (see :meth:`place`)."""
        bar = self.view.verticalScrollBar()
        bar.setValue(round(place * bar.maximum()))

    def _leave_page(self) -> None:
        """Note where the page shown is being left, for Back and Forward to return to."""
        if self.current is not None:
            self.history.leave_at(self.place())

    def _show_location(self, location: str) -> None:
        """Show a page of the history at the place it was left, as browsers do."""
        if location == HOME:
            self.show_home(record=False)
        else:
            self.open_article(location, record=False)
        self.scroll_to_place(self.history.place)

    def go_back(self) -> None:
        self._leave_page()
        location = self.history.back()
        if location is not None:
            self._show_location(location)

    def go_forward(self) -> None:
        self._leave_page()
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
        self.set_sidebar_visible(True)
        self.sidebar.focus_search()

    def _clear_query_marks(self) -> None:
        """The search was cleared: take its words' marks off the page (not find's)."""
        if self._find_bar is None or not self._find_bar.isVisible():
            self.view.setExtraSelections([])

    def open_result(self, slug: str, query: str) -> None:
        """Open a search result and mark the query's words in it."""
        if self.open_article(slug) and self.search_index is not None:
            from reader.gui.find_bar import mark_words

            mark_words(self.view, self.search_index.terms(query), self.look.match_colours()[0])

    # --- search index ----------------------------------------------------------------------
    @property
    def search_index(self) -> Any:
        """The search index once it is open, else None."""
        return self.indexing.index

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

    def toggle_sidebar(self) -> None:
        self.sizing.toggle_sidebar()

    def set_sidebar_visible(self, visible: bool) -> None:
        self.sizing.set_sidebar_visible(visible)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.sizing.resized()

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self.settings.splitter = self.splitter.saveState()

    # --- print ---------------------------------------------------------------------------
    def printing(self) -> ArticlePrinting:
        """Return the print and PDF glue, loading print support on first use."""
        if self._printing is None:
            from reader.gui.printing import ArticlePrinting  # QtPrintSupport: ~10 ms

            self._printing = ArticlePrinting(self)
        return self._printing

    # --- problems ---
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

    # --- library updates -----------------------------------------------------------------
    def load_library(self, pack: Pack, cache_dir: Path) -> None:
        """Show ``pack`` instead of the current one (an updated library), keeping the article
        on screen if the new pack still has it; searching resumes once its index is open."""
        keep = self.current if self.current and self.current != HOME else None
        self.listening.stop()
        self.indexing.stop()
        self.pack = pack
        self.renderer = Renderer(pack, PageWords().page_text())
        self.renderer.use_disk_cache(cache_dir)
        self.recommender = TagRecommender(pack, PageWords().reasons())
        self.view.set_pack_root(pack.root)
        self.sidebar.set_pack(pack)
        self.history.clear()
        self.current = None
        if keep is None or not self.open_article(keep):
            self.show_home()
        self.indexing.start(cache_dir)

    # --- language --------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        """Show the interface and the library in ``code`` (``en``, ``zh_CN``, ``es``).

        The article shown stays, in its version in that language; without one the home page
        opens with a notice. For the language menu, and for a kiosk's language button.
        """
        self._language_switch.set_language(code)

    def retranslate(self) -> None:
        """Build the chrome again in the new language: actions, menus, toolbar and sidebar."""
        sidebar_visible = self.act.toggle_sidebar.isChecked()
        self.act.dispose()
        self.act = WindowActions(self)
        self.toolbar = self.act.toolbar
        self.listening.apply()
        old = self.sidebar
        self.sidebar = Sidebar(self.pack, self)
        self.splitter.replaceWidget(0, self.sidebar)
        old.deleteLater()
        self._connect_sidebar()
        if self.search_index is not None:
            self.sidebar.set_search_index(self.search_index)
        self.view.setAccessibleName(self.tr("Article"))
        self.setWindowTitle(self.pack.title)
        self.set_sidebar_visible(sidebar_visible)
        if self.kiosk_frame is not None:
            self.kiosk_frame.lock_chrome()
        self.look.apply()

    # --- kiosk ---------------------------------------------------------------------------
    def enter_kiosk(self, look: KioskConfig) -> KioskFrame:
        """Lock the window down for a public terminal, in ``look``'s theme and text size;
        return the kiosk's frame (reader.gui.kiosk.frame), which docks and resets."""
        from reader.gui.kiosk.frame import KioskFrame  # a desktop never needs it

        self.kiosk = True
        self.kiosk_frame = KioskFrame(self, look)
        return self.kiosk_frame

    def find_bar_if_built(self) -> FindBar | None:
        """Return the find bar if it was built (without building it)."""
        return self._find_bar

    def stop_workers(self) -> None:
        """Stop reading aloud, the page timers and the search index thread (before quitting)."""
        self._prefetch.stop()
        self.last_read.timer.stop()
        self.listening.stop()
        self.indexing.stop()
        if self.ahead is not None:
            self.ahead.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.kiosk:
            self.indexing.stop()
            super().closeEvent(event)
            return
        self.last_read.save()  # with the place it is left at
        for dialog in self.findChildren(QWidget, "problemsDialog"):
            dialog.close()  # its check thread stops before the dialog goes
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter = self.splitter.saveState()
        # Folded away by a narrow window is not the reader's choice: it comes back when wide.
        self.settings.sidebar_visible = self.sizing.sidebar_wanted()
        self.settings.sync()
        self.indexing.stop()
        super().closeEvent(event)
