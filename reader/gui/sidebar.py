"""The sidebar: a search field, articles by category, and the current article's recommendations."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
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
from reader.gui.article_view import viewport_width
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


class TeaserDelegate(QStyledItemDelegate):
    """Draw a bold title, the teaser (which may hold <b> marks) and a muted reason line."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Laying out rich text is the costly part of showing results; a list asks for the same
        # item's size many times, so keep the laid-out documents of the items in view.
        self._cache: dict[tuple[str, int, str], QTextDocument] = {}

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
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setDocumentMargin(_PAD)
            doc.setHtml(text)
            doc.setTextWidth(key[1])
            self._cache[key] = doc
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        widget = option.widget
        width = viewport_width(widget) if isinstance(widget, QListView) else 240
        doc = self._document(option, index, width)
        return QSize(width, int(doc.size().height()) + 2)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.text = ""  # paint() draws it as rich text

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The style draws the background, selection and focus (the text is blanked above);
        # done in C++, so the QStyle class is never set up in Python (4 ms at start-up).
        super().paint(painter, option, index)
        widget = option.widget
        rect = option.rect
        doc = self._document(option, index, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = isinstance(widget, QListView) and widget.selectionModel().isSelected(index)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()


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

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self._pack = pack
        self._syncing = False
        self._index: Any = None  # reader.find.index.SearchIndex once ready

        self.search_field = SearchField(self._on_search_key, self)
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setPlaceholderText(self.tr("Search articles (Ctrl+K)"))
        self.search_field.setAccessibleName(self.tr("Search articles"))

        self.model = ArticleTreeModel(pack, self)
        self.tree = QTreeView(self)
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
        panel = QWidget(self)
        self.panel_layout = QVBoxLayout(panel)
        self.panel_layout.setContentsMargins(0, 6, 0, 0)
        self.panel_layout.setSpacing(4)
        self.panel_layout.addWidget(self.recommended_label)
        self.panel_layout.addWidget(self.recommended)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.tree)
        self.split.addWidget(panel)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)

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
        self.message.linkActivated.connect(self.search_field.setText)

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

    def add_panel(self, widget: QWidget) -> None:
        """Add ``widget`` under the recommendations (the kiosk's QR code)."""
        self.panel_layout.addWidget(widget)

    def enter_kiosk(self) -> None:
        """Touch use: long titles wrap instead of being cut, lists scroll by the pixel."""
        self.search_field.setPlaceholderText(self.tr("Search articles"))
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        for widget in (self.tree, self.recommended, self.results):
            QScroller.grabGesture(
                widget.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
            )
            widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

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
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
            if not self.tree.isVisible():  # at start-up: once the tree has its real size
                QTimer.singleShot(0, self._centre_current)
            elif not self.tree.viewport().rect().contains(self.tree.visualRect(index)):
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

    def set_recommendations(self, items: list[Recommendation]) -> None:
        self.recommended_model.set_items(items)
        visible = bool(items)
        self.recommended_label.setVisible(visible)
        self.recommended.setVisible(visible)

    # --- search ----------------------------------------------------------------------------
    def set_search_index(self, index: Any) -> None:
        """Start answering searches with ``index`` (a ``reader.find.index.SearchIndex``)."""
        self._index = index
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
            return
        self._debounce.start()

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
            self.message.hide()
            self.results.setCurrentIndex(self.results_model.index(0, 0))
            self.results.scrollToTop()
            return
        text = self.tr("No articles match ‘{query}’.").format(query=escape(query[:80]))
        suggestions = self._index.suggest(query)
        if suggestions:
            links = ", ".join(
                f'<a href="{escape(s, quote=True)}"><i>{escape(s)}</i></a>' for s in suggestions
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
            self.results.setFocus()
            if self.results_model.rowCount():
                self.results.setCurrentIndex(self.results_model.index(0, 0))
            return True
        return False

    def _on_result_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Escape:
            self.clear_search()
            self.search_field.setFocus()
            return True
        return False
