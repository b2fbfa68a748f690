"""The sidebar: a search field, articles by category, and the current article's recommendations."""

from __future__ import annotations

import time
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QScroller,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.find.recommend import Recommendation
from reader.gui.models import (
    REASON_ROLE,
    SLUG_ROLE,
    SUMMARY_ROLE,
    ArticleTreeModel,
    TeaserListModel,
)
from reader.library.pack import Pack

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex
    from PySide6.QtGui import QKeyEvent

    Index = QModelIndex | QPersistentModelIndex

_PAD = 8
#: Typing pauses this long before a search runs.
SEARCH_DEBOUNCE_MS = 150
SEARCH_LIMIT = 50
#: Packs up to this size open with every category expanded.
EXPAND_ALL_MAX = 2000
#: The Recommended panel's share of the sidebar's height when it appears (until the reader
#: drags the divider: then it keeps the reader's height).
RECOMMENDED_SHARE = 0.42
#: Page turns closer together than this are a burst (a held Next key repeats every 30–40 ms).
BURST_MS = 150
#: In a burst the Recommended panel is rebuilt once, this long after the last turn, instead
#: of on every turn (~4 ms a turn: five teasers laid out and painted, benchmarks/inproc.py);
#: longer than a key's repeat, so a held key never rebuilds it.
PANEL_CATCH_UP_MS = 50
#: Kiosk: the article list and Recommended never get less than this (two touch rows).
KIOSK_LIST_MIN_PX = 150
#: Kiosk article list rows: at least this tall (a touch target), and the room around a title.
KIOSK_ROW_MIN_PX = 52
KIOSK_ROW_PAD_PX = 16


class TeaserDelegate(QStyledItemDelegate):
    """Draw a bold title, the teaser (which may hold <b> marks) and a muted reason line."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Laying out rich text is the costly part of showing results; a list asks for the same
        # item's size many times, so keep the laid-out documents of the items in view.
        self._cache: dict[tuple[str, int, str], QTextDocument] = {}
        #: Their heights: QTextDocument.size() is not cached by Qt (~0.8 ms a call, and a
        #: list asks an item's size hint a dozen times a page turn).
        self._heights: dict[int, int] = {}

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        title = escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        parts = [f"<b>{title}</b>"]
        if summary := index.data(SUMMARY_ROLE):
            parts.append(f"<br/>{summary}")
        if reason := index.data(REASON_ROLE):
            parts.append(f'<br/><i><span style="font-size: small">{escape(reason)}</span></i>')
        text = "".join(parts)
        font = option.font
        key = (text, max(80, width), font.key())
        doc = self._cache.get(key)
        if doc is None:
            if len(self._cache) > 400:
                self._cache.clear()
                self._heights.clear()
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setDocumentMargin(_PAD)
            doc.setHtml(text)
            doc.setTextWidth(key[1])
            self._cache[key] = doc
            self._heights[id(doc)] = int(doc.size().height())
        return doc

    def layouts(self) -> int:
        """Return how many teasers are laid out and kept (each layout costs ~0.8 ms)."""
        return len(self._cache)

    @staticmethod
    def _text_width(widget: object) -> int:
        """The width items are laid out at: the list's, as if its scroll bar were shown.

        A list that grows a scroll bar after its items were measured paints them narrower,
        and would cut their last line (the reason); without the bar an item has room to
        spare. Painting at the same width reuses the measured layout: laying out one teaser
        costs ~0.8 ms, and a page turn measured and painted five of them twice (at two widths).
        """
        if not isinstance(widget, QListView):
            return 240
        return widget.maximumViewportSize().width() - widget.verticalScrollBar().sizeHint().width()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        width = self._text_width(option.widget)
        doc = self._document(option, index, width)
        return QSize(width, self._heights[id(doc)] + 2)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.text = ""  # paint() draws it as rich text

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The style draws the background, selection and focus (the text is blanked above);
        # done in C++, so the QStyle class is never set up in Python (4 ms at start-up).
        super().paint(painter, option, index)
        widget = option.widget
        rect = option.rect
        doc = self._document(option, index, self._text_width(widget))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = isinstance(widget, QListView) and widget.selectionModel().isSelected(index)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()


class KioskRowDelegate(QStyledItemDelegate):
    """Kiosk article list: each row as tall as its title wrapped at the width it really
    has (Qt measures at the column's width, before the indentation, and cuts the last line)."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree
        self._width = -1
        tree.viewport().installEventFilter(self)  # kiosks only: a row's height follows width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize and self._tree.viewport().width() != self._width:
            self._width = self._tree.viewport().width()
            self._tree.doItemsLayout()  # measure every row again at the new width
        return False

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        tree = option.widget
        if not isinstance(tree, QTreeView):
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(80, tree.viewport().width() - tree.indentation() * depth - KIOSK_ROW_PAD_PX)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        flags = Qt.TextFlag.TextWordWrap
        height = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
        return QSize(width, max(KIOSK_ROW_MIN_PX, height + KIOSK_ROW_PAD_PX))


class _KeysFirst:
    """Mixin for a Qt widget: a key press goes to ``_on_key`` first, which returns True if it
    used the key, and to the widget otherwise.

    (A key handler rather than an event filter: a filter is handed every event the widget
    gets, and the first of each kind makes PySide6 set up all of Qt's event classes.)
    """

    _on_key: Callable[[int], bool]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if not self._on_key(event.key()):
            super().keyPressEvent(event)  # type: ignore[misc]


class SearchField(_KeysFirst, QLineEdit):
    """The search box."""

    def __init__(self, on_key: Callable[[int], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_key = on_key


class ResultList(_KeysFirst, QListView):
    """The list of search results."""

    def __init__(self, on_key: Callable[[int], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_key = on_key


class Sidebar(QWidget):
    """Search, the article tree and a Recommended panel; emits what the reader asks for."""

    article_requested = Signal(str)
    #: An article chosen from search results, with the query that found it.
    result_opened = Signal(str, str)
    #: The search field was emptied (Esc, its clear button, or deleting the text).
    search_cleared = Signal()

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self._pack = pack
        self._syncing = False
        self._index: Any = None  # reader.find.index.SearchIndex once ready
        self._link_colour = ""
        self._panel_height = 0  # the Recommended panel's height the reader chose, if any
        self._kiosk = False

        self.search_field = SearchField(self._on_search_key, self)
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setPlaceholderText(self.tr("Search articles (Ctrl+K)"))
        self.search_field.setAccessibleName(self.tr("Search articles"))

        self.model = ArticleTreeModel(pack, self)
        self.tree = QTreeView(self)
        #: The tree's viewport, asked for once it is shown: each ``viewport()`` call costs
        #: PySide6 ~0.7 ms (it looks the widget's class up again), once a page turn.
        self._tree_viewport: QWidget | None = None
        self.tree.setObjectName("articleTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAnimated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Articles"))
        self._expand_categories()

        self.recommended_label = QLabel(self.tr("Recommended"), self)
        self.recommended_label.setObjectName("panelTitle")
        self.recommended_model = TeaserListModel(self)
        self.recommended = self._teaser_list("recommendedList", self.recommended_model)
        self.recommended.setAccessibleName(self.tr("Recommended articles"))
        self.recommended_label.setBuddy(self.recommended)
        self.panel = panel = QWidget(self)
        panel.setObjectName("recommendedPanel")
        self.panel_layout = QVBoxLayout(panel)
        self.panel_layout.setContentsMargins(0, 6, 0, 0)
        self.panel_layout.setSpacing(4)
        self.panel_layout.addWidget(self.recommended_label)
        self.panel_layout.addWidget(self.recommended)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.tree)
        self.split.addWidget(panel)
        self.split.setStretchFactor(0, 58)
        self.split.setStretchFactor(1, 42)  # RECOMMENDED_SHARE

        self.results_model = TeaserListModel(self, rich_summary=True)
        self.results = self._teaser_list(
            "searchResults", self.results_model, ResultList(self._on_result_key, self)
        )
        self.results.setAccessibleName(self.tr("Search results"))
        self.message = QLabel(self)
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setContentsMargins(8, 8, 8, 8)
        # "Did you mean …?" links are reached with Tab (or Down from the field) and opened
        # with Enter, like any other link.
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.message.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.message.setAccessibleName(self.tr("Search message"))
        self.message.hide()
        results_page = QWidget(self)
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.message)
        results_layout.addWidget(self.results, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.split)
        self.stack.addWidget(results_page)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        #: A burst of page turns: the recommendations the panel shows once the turns stop.
        self._catch_up = QTimer(self, singleShot=True, interval=PANEL_CATCH_UP_MS)
        self._later: list[Recommendation] = []
        self._last_turn = float("-inf")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search_field)
        layout.addWidget(self.stack, 1)
        self._connect_signals()

    def _teaser_list(
        self, name: str, model: TeaserListModel, view: QListView | None = None
    ) -> QListView:
        view = view or QListView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setItemDelegate(TeaserDelegate(view))
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return view

    def _connect_signals(self) -> None:
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.clicked.connect(self._on_tree_activated)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.recommended.activated.connect(self._on_teaser_activated)
        self.recommended.clicked.connect(self._on_teaser_activated)
        self.results.activated.connect(self._on_result_activated)
        self.results.clicked.connect(self._on_result_activated)
        self.search_field.textChanged.connect(self._on_query_changed)
        self.search_field.returnPressed.connect(self.open_first_result)
        self._debounce.timeout.connect(self.run_search)
        self._catch_up.timeout.connect(lambda: self.set_recommendations(self._later))
        self.message.linkActivated.connect(self._use_suggestion)
        self.split.splitterMoved.connect(self._on_panel_moved)

    # --- the tree --------------------------------------------------------------------------
    def _on_tree_activated(self, index: QModelIndex) -> None:
        slug = index.data(SLUG_ROLE)
        if slug:
            self.article_requested.emit(slug)

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Moving through the tree with the keyboard opens what it lands on, so the
        # highlighted row and the page shown never disagree.
        if not self._syncing and (slug := current.data(SLUG_ROLE)):
            self.article_requested.emit(slug)

    def _on_teaser_activated(self, index: QModelIndex) -> None:
        slug = index.data(SLUG_ROLE)
        if slug:
            self.article_requested.emit(slug)

    def set_pack(self, pack: Pack) -> None:
        """Show another pack's articles (a library update); searches wait for its index."""
        self._pack = pack
        self._index = None
        old = self.model
        self.model = ArticleTreeModel(pack, self)
        self.tree.setModel(self.model)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        old.deleteLater()
        self.search_field.clear()
        self.set_recommendations([])
        self._expand_categories()

    def add_panel(self, widget: QWidget) -> None:
        """Add ``widget`` under the recommendations (the kiosk's QR code)."""
        self.panel_layout.addWidget(widget)

    def tidy_panel(self) -> None:
        """Kiosk: hide the panel under (or beside) the list while nothing in it is shown,
        so the list gets all the room; show it again once something is."""
        items = (self.panel_layout.itemAt(i) for i in range(self.panel_layout.count()))
        widgets = [w for item in items if item is not None and (w := item.widget()) is not None]
        self.panel.setVisible(any(not w.isHidden() for w in widgets))

    def enter_kiosk(self) -> None:
        """Touch use: long titles wrap instead of being cut, lists scroll by the pixel."""
        self._kiosk = True
        self.search_field.setPlaceholderText(self.tr("Search articles"))
        self.search_field.setToolTip("")
        # Recommended keeps room for two teasers next to the QR code (reader.gui.kiosk.qr).
        self.recommended.setMinimumHeight(KIOSK_LIST_MIN_PX)
        self.tree.setMinimumHeight(KIOSK_LIST_MIN_PX)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(KioskRowDelegate(self.tree))
        for widget in (self.tree, self.recommended, self.results):
            QScroller.grabGesture(
                widget.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
            )
            widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def set_portrait(self, portrait: bool) -> None:
        """Kiosk in portrait: the sidebar sits above the article, so the article list and the
        Recommended panel go side by side instead of one over the other."""
        self.split.setOrientation(
            Qt.Orientation.Horizontal if portrait else Qt.Orientation.Vertical
        )

    def forget_search(self) -> None:
        """Empty the search field and its undo history, and the results (a kiosk reset)."""
        self.search_field.setText("")  # setText() clears the undo history; clear() is undoable
        self._debounce.stop()
        self.results_model.set_items([])
        self.message.clear()
        self.message.hide()
        self.stack.setCurrentIndex(0)
        for view in (self.results, self.recommended):
            view.scrollToTop()

    def select_article(self, slug: str | None) -> None:
        """Highlight ``slug`` in the tree and scroll it into view (None clears)."""
        index = self.model.index_of(slug) if slug else QModelIndex()
        selection = self.tree.selectionModel()
        self._syncing = True
        try:
            if not index.isValid():
                selection.clearCurrentIndex()
                selection.clearSelection()
                return
            self.tree.expand(index.parent())
            # Not Qt's own scroll to a new current row (autoScroll): as Next walks down the
            # list it scrolled by one row on every turn, a repaint of the whole tree each
            # time (~4 ms a turn, benchmarks/inproc.py); the row is centred below instead,
            # only when it is out of view.
            auto_scroll = self.tree.hasAutoScroll()
            self.tree.setAutoScroll(False)
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
            self.tree.setAutoScroll(auto_scroll)
            if not self.tree.isVisible():  # at start-up: once the tree has its real size
                QTimer.singleShot(0, self._centre_current)
            else:
                viewport = self._tree_viewport = self._tree_viewport or self.tree.viewport()
                if not viewport.rect().contains(self.tree.visualRect(index)):
                    self._centre_current()  # a row already in view is left where it is
        finally:
            self._syncing = False

    def _centre_current(self) -> None:
        """Scroll the current row to the middle, so the rows around it (often its category's
        heading) show too."""
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def current_slug(self) -> str | None:
        index = self.tree.selectionModel().currentIndex()
        slug = index.data(SLUG_ROLE) if index.isValid() else None
        return str(slug) if slug else None

    def show_category(self, category_id: str) -> None:
        """Expand ``category_id``, scroll it to the top and give the tree focus."""
        self.clear_search()
        index = self.model.category_index(category_id)
        if index.isValid():
            self._syncing = True
            try:
                self.tree.expand(index)
                self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
                selection = self.tree.selectionModel()
                selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
            finally:
                self._syncing = False
            self.tree.setFocus()

    def _expand_categories(self) -> None:
        # Expanding tens of thousands of rows at start-up costs seconds; big packs open closed.
        if len(self._pack.articles) <= EXPAND_ALL_MAX:
            self.tree.expandAll()

    def collapse_to_top(self) -> None:
        """Show the categories as at start, scrolled to the top, nothing selected."""
        self.tree.collapseAll()
        self._expand_categories()
        self.tree.scrollToTop()
        self.select_article(None)

    def follow_page(self, items: list[Recommendation]) -> None:
        """Show a new page's recommendations: at once, or in a burst of page turns (a held
        Next key) once, :data:`PANEL_CATCH_UP_MS` after the last turn."""
        now = time.monotonic()
        burst = (now - self._last_turn) * 1000 < BURST_MS
        self._last_turn = now
        if burst:
            self._later = items
            self._catch_up.start()
        else:
            self.set_recommendations(items)

    def recommendations_pending(self) -> bool:
        """Return True while the panel still waits for a burst of page turns to end."""
        return self._catch_up.isActive()

    def set_recommendations(self, items: list[Recommendation]) -> None:
        """Show ``items`` in the Recommended panel, from the top; no items hide the panel."""
        self._catch_up.stop()
        self._later = []
        self.recommended_model.set_items(items)
        self.recommended.scrollToTop()
        # The whole panel hides (the list takes its room, no empty area on the home page)
        # and comes back at its share of the sidebar, not squeezed to its minimum.
        was_hidden = self.panel.isHidden()
        # The label and the list too: a kiosk's panel also holds the QR code, and stays only
        # while something in it is shown (tidy_panel).
        self.recommended_label.setVisible(bool(items))
        self.recommended.setVisible(bool(items))
        self.panel.setVisible(bool(items))
        if items and was_hidden:
            self._give_panel_its_share()
        if self._kiosk:
            self.tidy_panel()

    def _give_panel_its_share(self) -> None:
        total = sum(self.split.sizes())
        if total <= 0:  # not laid out yet: the stretch factors share it out
            return
        panel = self._panel_height or int(total * RECOMMENDED_SHARE)
        panel = min(panel, total - self.tree.minimumSizeHint().height())
        self.split.setSizes([total - panel, panel])

    def _on_panel_moved(self, _pos: int, _index: int) -> None:
        self._panel_height = self.split.sizes()[1]

    # --- search ----------------------------------------------------------------------------
    def set_search_index(self, index: Any) -> None:
        """Start answering searches with ``index`` (a ``reader.find.index.SearchIndex``)."""
        self._index = index
        if not self._kiosk:  # a touch screen has no Ctrl+K
            self.search_field.setPlaceholderText(self.tr("Search articles (Ctrl+K)"))
        if self.search_field.text().strip():
            self.run_search()

    def search_for(self, text: str) -> None:
        """Search for ``text`` as if it had been typed (a kiosk's common search words)."""
        self.search_field.setText(text)
        self.run_search()

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def clear_search(self) -> None:
        self.search_field.clear()

    def query(self) -> str:
        return self.search_field.text().strip()

    def _on_query_changed(self, text: str) -> None:
        if not text.strip():
            self._debounce.stop()
            self.results_model.set_items([])
            self.stack.setCurrentIndex(0)
            self.search_cleared.emit()
            return
        self._debounce.start()

    def set_link_colour(self, colour: str) -> None:
        """Draw links in the search message (did you mean) in the theme's ``colour``."""
        self._link_colour = colour
        if self.message.isVisible() and self.query():
            self.run_search()

    def _use_suggestion(self, word: str) -> None:
        self.search_field.setText(word)
        self.search_field.setFocus()
        self.run_search()

    def run_search(self) -> None:
        """Search now for the field's text and show the ranked results (or suggestions)."""
        self._debounce.stop()
        query = self.query()
        if not query:
            return
        self.stack.setCurrentIndex(1)
        if self._index is None:
            self.results_model.set_items([])
            self._show_message(self.tr("Search is getting ready…"))
            return
        # The index holds every language; the pack is the reader's language.
        hits = [h for h in self._index.search(query, SEARCH_LIMIT) if h.slug in self._pack]
        self.results_model.set_items(
            [
                Recommendation(h.slug, h.title, h.snippet, self._pack.category_name(h.category))
                for h in hits
            ]
        )
        if hits:
            count = len(hits)
            if count >= SEARCH_LIMIT:
                found = self.tr("The best {n} articles:").format(n=count)
            elif count == 1:
                found = self.tr("1 article found:")
            else:
                found = self.tr("{n} articles found:").format(n=count)
            self._show_message(escape(found))
            self.results.setCurrentIndex(self.results_model.index(0, 0))
            self.results.scrollToTop()
            return
        text = self.tr("No articles match ‘{query}’.").format(query=escape(query[:80]))
        from reader.find.query import script_mismatch  # its patterns: ~7 ms at start-up

        if script_mismatch(query, self._pack.language):
            language = QLocale.languageToString(QLocale(self._pack.language).language())
            text += " " + escape(
                self.tr("This library is in {language}: try words in {language}.").format(
                    language=language
                )
            )
        suggestions = self._index.suggest(query)
        if suggestions:
            style = f' style="color: {self._link_colour}"' if self._link_colour else ""
            links = ", ".join(
                f'<a href="{escape(s, quote=True)}"{style}><i>{escape(s)}</i></a>'
                for s in suggestions
            )
            text += " " + self.tr("Did you mean {words}?").format(words=links)
        self._show_message(text)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def open_first_result(self) -> None:
        """Enter in the search field: search at once if needed, then open the chosen result."""
        if self._debounce.isActive() or self.stack.currentIndex() == 0:
            self.run_search()
        index = self.results.currentIndex()
        if not index.isValid():
            index = self.results_model.index(0, 0)
        self._on_result_activated(index)

    def _on_result_activated(self, index: QModelIndex) -> None:
        slug = index.data(SLUG_ROLE) if index.isValid() else None
        if slug:
            self.result_opened.emit(slug, self.query())

    def _on_search_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Escape and self.search_field.text():
            self.clear_search()
            return True
        if key == Qt.Key.Key_Down and self.stack.currentIndex() == 1:
            if self.results_model.rowCount():
                self.results.setFocus()
                self.results.setCurrentIndex(self.results_model.index(0, 0))
            elif self.message.isVisible():  # no results: the did-you-mean links
                self.message.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False

    def _on_result_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Escape:
            self.clear_search()
            self.search_field.setFocus()
            return True
        return False
