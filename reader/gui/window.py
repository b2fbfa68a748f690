"""The main window: assembles the sidebar and article view, routes links, keeps history."""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Callable, Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.find.recommend import Reasons, Recommendation, Recommender, TagRecommender
from reader.gui.appearance import Templates, palette_for, system_is_dark, themed_icon
from reader.gui.article_view import ArticleView
from reader.gui.indexer import IndexLoader
from reader.gui.settings import Settings
from reader.gui.sidebar import Sidebar
from reader.history import HOME, History
from reader.library.pack import Article, Pack
from reader.page.links import ARTICLE_SCHEME, CATEGORY_SCHEME, HOME_URL
from reader.page.render import PageText, Renderer, teaser
from reader.paths import resource_path
from reader.themes import (
    DARK,
    DEFAULT_TEXT_SIZE,
    HIGH_CONTRAST,
    LIGHT,
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
    from types import ModuleType

    from PySide6.QtGui import QCloseEvent
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog

    from reader.gui.find_bar import FindBar
    from reader.gui.speech import ReadAloud, SpeechEngine

logger = logging.getLogger(__name__)

#: Milliseconds a page must stay shown before it is saved as the page to reopen next time.
LAST_ARTICLE_DELAY_MS = 1500
#: Milliseconds after a page is shown before its neighbours are rendered ahead of time.
PREFETCH_DELAY_MS = 300


class Actions(NamedTuple):
    """Every action of the window, built in one place."""

    home: QAction
    back: QAction
    forward: QAction
    previous: QAction
    next: QAction
    toggle_sidebar: QAction
    search: QAction
    find: QAction
    larger: QAction
    smaller: QAction
    normal_size: QAction
    themes: dict[str, QAction]
    print: QAction
    save_pdf: QAction
    listen: QAction
    stop_listening: QAction
    slower: QAction
    faster: QAction
    problems: QAction
    about: QAction
    quit: QAction


def _open_url(url: QUrl) -> bool:
    """Hand ``url`` to the desktop (its browser or mail program)."""
    from PySide6.QtGui import QDesktopServices  # only when an outside link is followed

    return QDesktopServices.openUrl(url)


class MainWindow(QMainWindow):
    """Present a pack: sidebar on the left, the page on the right, navigation on top."""

    page_shown = Signal(str)  # the location shown: an article slug, or "" for home

    def __init__(
        self,
        pack: Pack,
        settings: Settings,
        templates: Templates | None = None,
        recommender: Recommender | None = None,
        open_external: Callable[[QUrl], bool] | None = None,
        speech: SpeechEngine | None = None,
    ) -> None:
        super().__init__()
        self.pack = pack
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

        self.act = self._build_actions()
        self._build_menus()
        self._build_toolbar()
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
            minutes=self.tr("{n} min read"),
            on_this_page=self.tr("On this page"),
            sources=self.tr("Sources"),
            image=self.tr("image"),
            start_here=self.tr("Start here"),
            browse=self.tr("Browse by topic"),
            recently_reviewed=self.tr("Recently reviewed"),
            articles_count=self.tr("{n} articles"),
            article_count_one=self.tr("1 article"),
            important=self.tr("Important"),
            a_to_z=self.tr("All articles A–Z"),
            too_long=self.tr("This article is very long; only the first part is shown."),
            not_displayed=self.tr(
                "This article could not be displayed with its formatting, so it is shown as "
                "plain text."
            ),
            stale=self.tr(
                "This article was last reviewed on {date}. Some details may have changed — "
                "check with a health professional."
            ),
            unreadable=self.tr("This page could not be read from the archive: {reason}"),
            format_date=format_date,
        )

    def _reasons(self) -> Reasons:
        return Reasons(
            editors=self.tr("Suggested by the editors"),
            also_about=self.tr("Also about: {topics}"),
            same_category=self.tr("More in {category}"),
        )

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: list[QKeySequence] | None = None,
        icon: str = "",
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon:
            action.setProperty("icon_name", icon)
        if keys:
            action.setShortcuts(keys)
            shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip or text.replace('&', '')} ({shown})")
        elif tip:
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # slots take no "checked"
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_actions(self) -> Actions:
        std = QKeySequence.StandardKey
        key = QKeySequence
        return Actions(
            home=self._action(
                self.tr("&Home"),
                self.show_home,
                [key("Alt+Home")],
                "home",
                self.tr("Go to the home page"),
            ),
            back=self._action(
                self.tr("&Back"),
                self.go_back,
                key.keyBindings(std.Back),
                "back",
                self.tr("Back to the page you read before"),
            ),
            forward=self._action(
                self.tr("&Forward"),
                self.go_forward,
                key.keyBindings(std.Forward),
                "forward",
                self.tr("Forward again"),
            ),
            previous=self._action(
                self.tr("&Previous article"),
                self.go_previous,
                [key("Ctrl+PgUp"), key("Ctrl+Shift+Tab")],
                "previous",
                self.tr("Previous article in the library"),
            ),
            next=self._action(
                self.tr("&Next article"),
                self.go_next,
                [key("Ctrl+PgDown"), key("Ctrl+Tab")],
                "next",
                self.tr("Next article in the library"),
            ),
            search=self._action(
                self.tr("&Search articles"),
                self.sidebar_search,
                [key("Ctrl+K"), key("/")],
                "",
                self.tr("Search all articles"),
            ),
            find=self._action(
                self.tr("&Find in article…"),
                lambda: self.find_bar.open_bar(),
                key.keyBindings(std.Find),
                "",
                self.tr("Find words in this article"),
            ),
            larger=self._action(
                self.tr("&Larger text"),
                lambda: self.step_text_size(1),
                [*key.keyBindings(std.ZoomIn), key("Ctrl+=")],
                "larger",
                self.tr("Make the text larger"),
            ),
            smaller=self._action(
                self.tr("&Smaller text"),
                lambda: self.step_text_size(-1),
                key.keyBindings(std.ZoomOut),
                "smaller",
                self.tr("Make the text smaller"),
            ),
            normal_size=self._action(
                self.tr("&Normal text size"),
                lambda: self.set_text_size(DEFAULT_TEXT_SIZE),
                [key("Ctrl+0")],
                "",
                self.tr("Reset the text size"),
            ),
            themes=self._theme_actions(),
            toggle_sidebar=self._action(
                self.tr("Show &sidebar"),
                self._toggle_sidebar,
                [key("F9")],
                "sidebar",
                self.tr("Show or hide the list of articles"),
            ),
            print=self._action(
                self.tr("&Print…"),
                self.print_article,
                key.keyBindings(std.Print) or [key("Ctrl+P")],
                "",
                self.tr("Print this article"),
            ),
            save_pdf=self._action(
                self.tr("Save as P&DF…"),
                self.save_pdf,
                [key("Ctrl+Shift+S")],
                "",
                self.tr("Save this article as a PDF file"),
            ),
            listen=self._action(
                self.tr("&Listen"),
                self.toggle_listening,
                [key("Ctrl+Shift+L")],
                "listen",
                self.tr("Read this article aloud; again to pause"),
            ),
            stop_listening=self._action(
                self.tr("S&top reading aloud"),
                self.stop_listening,
                [key("Ctrl+Shift+.")],
                "",
                self.tr("Stop reading aloud"),
            ),
            slower=self._action(
                self.tr("Read &slower"),
                lambda: self._change_rate(-1),
                [],
                "",
                self.tr("Read aloud more slowly"),
            ),
            faster=self._action(
                self.tr("Read &faster"),
                lambda: self._change_rate(1),
                [],
                "",
                self.tr("Read aloud faster"),
            ),
            problems=self._action(
                self.tr("Content &problems…"),
                self.show_problems,
                tip=self.tr("Problems found in the content pack"),
            ),
            about=self._action(self.tr("&About"), self.show_about, icon="about"),
            # Some platforms define no standard Quit key; Ctrl+Q is what readers expect.
            quit=self._action(
                self.tr("&Quit"), self.close, key.keyBindings(std.Quit) or [key("Ctrl+Q")]
            ),
        )

    def _theme_actions(self) -> dict[str, QAction]:
        names = {
            LIGHT: self.tr("&Light"),
            DARK: self.tr("&Dark"),
            HIGH_CONTRAST: self.tr("&High contrast"),
            SYSTEM: self.tr("Follow &system"),
        }
        group = QActionGroup(self)
        actions: dict[str, QAction] = {}
        for name, label in names.items():
            action = QAction(label, group)
            action.setCheckable(True)
            action.setChecked(name == self.theme)
            action.triggered.connect(lambda _checked=False, n=name: self.set_theme(n))
            actions[name] = action
        return actions

    def _build_menus(self) -> None:
        a = self.act
        a.toggle_sidebar.setCheckable(True)
        a.toggle_sidebar.setChecked(True)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a.print)
        file_menu.addAction(a.save_pdf)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for action in (a.home, a.back, a.forward):
            go_menu.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(a.previous)
        go_menu.addAction(a.next)
        go_menu.addSeparator()
        go_menu.addAction(a.search)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(a.find)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(a.toggle_sidebar)
        view_menu.addSeparator()
        for action in (a.listen, a.stop_listening, a.slower, a.faster):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(a.larger)
        view_menu.addAction(a.smaller)
        view_menu.addAction(a.normal_size)
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        for action in a.themes.values():
            theme_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(a.problems)
        help_menu.addSeparator()
        help_menu.addAction(a.about)

    def _build_toolbar(self) -> None:
        a = self.act
        bar = QToolBar(self.tr("Navigation"), self)
        bar.setObjectName("navigation")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (a.home, a.back, a.forward):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(a.previous)
        bar.addAction(a.next)
        bar.addSeparator()
        bar.addAction(a.smaller)
        bar.addAction(a.larger)
        bar.addSeparator()
        bar.addAction(a.listen)
        self.addToolBar(bar)
        self.toolbar = bar

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
            self._find_bar = self._find_module().FindBar(self.view, self)
            self._reading_layout.insertWidget(0, self._find_bar)
        return self._find_bar

    def _refresh_find_bar(self) -> None:
        if self._find_bar is not None:
            self._find_bar.refresh()

    def _find_module(self) -> ModuleType:
        """Return reader.gui.find_bar (imported on first use) with the theme's match colours."""
        from PySide6.QtGui import QColor

        from reader.gui import find_bar

        colours = THEMES[resolve_theme(self.theme, system_is_dark())]
        for name in find_bar.COLOURS:
            find_bar.COLOURS[name] = QColor(colours[name])
        return find_bar

    # --- look ----------------------------------------------------------------------------
    def apply_look(self) -> None:
        """Apply the theme and text size to the chrome and the article, keeping the place."""
        colours = THEMES[resolve_theme(self.theme, system_is_dark())]
        self.setPalette(palette_for(colours))
        self.setStyleSheet(fill(self.templates.app_qss + self.extra_qss, colours))
        if "reader.gui.find_bar" in sys.modules:  # its colours matter once it is in use
            self._find_module()
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
            self.view.show_html(
                self.renderer.home_page(self._session_sections(), a_to_z=self.kiosk)
            )
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
        self.view.show_html(self.renderer.home_page(self._session_sections(), a_to_z=self.kiosk))
        self._refresh_find_bar()
        self.current = HOME
        if record:
            self.history.visit(HOME)
        self.sidebar.select_article(None)
        self.sidebar.set_recommendations([])
        self._update_chrome()
        self.page_shown.emit(HOME)

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
            self._find_module().mark_words(self.view, self.search_index.terms(query))

    # --- search index ----------------------------------------------------------------------
    def start_search_index(self, cache_dir: Path | None) -> None:
        """Open or build the search index in a worker thread; the window stays usable."""
        self._loader = IndexLoader(self.pack, cache_dir, self)
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
            self.position_label.setText(self.tr("{n} articles").format(n=len(self.pack.articles)))
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

    def _toggle_sidebar(self) -> None:
        self._set_sidebar_visible(self.act.toggle_sidebar.isChecked())

    def _set_sidebar_visible(self, visible: bool) -> None:
        self.sidebar.setVisible(visible)
        self.act.toggle_sidebar.setChecked(visible)

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self.settings.splitter = self.splitter.saveState()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs: imported when opened

        QMessageBox.about(
            self,
            self.tr("About Offline Reader"),
            self.tr(
                "<h3>Offline Reader</h3><p>{pack}: {count} articles, readable with no "
                "internet connection.</p><p><b>Important:</b> {disclaimer}</p>"
            ).format(
                pack=self.pack.title,
                count=len(self.pack.articles),
                disclaimer=self.pack.disclaimer or self.tr("General information only."),
            ),
        )

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
        self._read_aloud.highlight = self._find_module().COLOURS["match_bg"]
        return self._read_aloud

    def toggle_listening(self) -> None:
        if (reader := self.read_aloud()) is not None:
            reader.toggle()

    def stop_listening(self) -> None:
        if self._read_aloud is not None:
            self._read_aloud.stop()

    def _change_rate(self, steps: int) -> None:
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
    def print_to(self, printer: QPrinter) -> int:
        """Print the current article on ``printer`` in the print layout; return the pages."""
        article = self.pack.get(self.current) if self.current else None
        if article is None:
            return 0
        try:
            page = self.renderer.article_page(article, for_print=True)
        except Exception:
            logger.exception("could not render %s for printing", article.rel_path)
            return 0
        from reader.gui.printing import print_article  # print support is loaded when used

        css = fill(self.templates.article_css, THEMES[LIGHT])
        footer = self.pack.disclaimer or self.pack.title
        return print_article(printer, page, css, footer, article.title)

    def print_article(self) -> None:
        """Print with the system dialog (on a kiosk: to its configured printer, no dialog)."""
        from PySide6.QtPrintSupport import QPrintDialog

        from reader.gui.printing import new_printer

        if self.kiosk:
            if self.printer_name:
                self.print_to(new_printer(name=self.printer_name))
                self.statusBar().showMessage(self.tr("Printing…"), 5000)
            return
        printer = new_printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save the current article as a PDF, asking where unless ``path`` is given."""
        from reader.gui.printing import new_printer

        article = self.pack.get(self.current) if self.current else None
        if article is None or self.kiosk:
            return None
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save as PDF"),
                str(Path.home() / f"{article.slug}.pdf"),
                self.tr("PDF files (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        if self.print_to(new_printer(pdf=path)) == 0 or not path.exists():
            self.statusBar().showMessage(self.tr("Could not save {path}").format(path=path), 8000)
            return None
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        return path

    def problems_dialog(self) -> QDialog:
        """Return a dialog listing the pack's problems (one ``path:line: message`` per line)."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Content problems"))
        layout = QVBoxLayout(dialog)
        count = len(self.pack.problems)
        layout.addWidget(
            QLabel(
                self.tr("No problems were found in this content pack.")
                if not count
                else self.tr("{n} problem(s) were found while loading the content pack:").format(
                    n=count
                ),
                dialog,
            )
        )
        text = QPlainTextEdit("\n".join(str(p) for p in self.pack.problems), dialog)
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Problems"))
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(720, 360)
        return dialog

    def show_problems(self) -> None:
        self.problems_dialog().exec()

    def announce_problems(self) -> None:
        """Say once, in the status bar, that the pack has problems."""
        if self.pack.problems:
            self.statusBar().showMessage(
                self.tr("{n} problem(s) in the content pack — see Help › Content problems").format(
                    n=len(self.pack.problems)
                ),
                15000,
            )

    def reset_for_next_visitor(self) -> None:
        """Forget this visitor: home page, no search, no history, default look, no marks."""
        if self._find_bar is not None:
            self._find_bar.close_bar()
        self.sidebar.clear_search()
        self.sidebar.collapse_to_top()
        self.history.clear()
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
