"""The sidebar: articles by category, and the current article's recommendations."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.gui.models import (
    REASON_ROLE,
    SLUG_ROLE,
    SUMMARY_ROLE,
    ArticleTreeModel,
    TeaserListModel,
)
from reader.pack import Pack
from reader.recommend import Recommendation

_PAD = 8


class TeaserDelegate(QStyledItemDelegate):
    """Draw a title in bold, its teaser below, and the reason in a smaller, muted line."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)  # type: ignore[attr-defined]
        title.setBold(True)
        body = QFont(option.font)  # type: ignore[attr-defined]
        small = QFont(option.font)  # type: ignore[attr-defined]
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.9))
        small.setItalic(True)
        return title, body, small

    def _blocks(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> list[tuple[QFont, str]]:
        title, body, small = self._fonts(option)
        blocks = [(title, str(index.data(Qt.ItemDataRole.DisplayRole) or ""))]
        if summary := index.data(SUMMARY_ROLE):
            blocks.append((body, str(summary)))
        if reason := index.data(REASON_ROLE):
            blocks.append((small, str(reason)))
        return blocks

    def sizeHint(  # noqa: N802 - Qt API
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = max(120, option.rect.width() or 240) - 2 * _PAD  # type: ignore[attr-defined]
        height = 2 * _PAD
        from PySide6.QtGui import QFontMetrics

        for font, text in self._blocks(option, index):
            rect = QFontMetrics(font).boundingRect(
                QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text
            )
            height += rect.height() + 2
        return QSize(width + 2 * _PAD, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        opt_rect: QRect = option.rect  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        painter.save()
        style = option.widget.style() if option.widget else None  # type: ignore[attr-defined]
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        option.text = ""  # type: ignore[attr-defined]
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        y = opt_rect.top() + _PAD
        width = opt_rect.width() - 2 * _PAD
        for i, (font, block) in enumerate(self._blocks(option, index)):
            painter.setFont(font)
            color = palette.color(role)
            if i > 0 and not selected:
                color = palette.color(QPalette.ColorRole.PlaceholderText if i == 2 else role)
            painter.setPen(color)
            bounds = painter.boundingRect(
                QRect(opt_rect.left() + _PAD, y, width, 10_000), Qt.TextFlag.TextWordWrap, block
            )
            painter.drawText(bounds, Qt.TextFlag.TextWordWrap, block)
            y += bounds.height() + 2
        painter.restore()
        del text


class Sidebar(QWidget):
    """Article tree over the pack plus a Recommended panel; emits what the reader asks for."""

    article_requested = Signal(str)

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self._syncing = False
        self.model = ArticleTreeModel(pack, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("articleTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAnimated(False)
        self.tree.setExpandsOnDoubleClick(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Articles"))
        self.tree.expandAll()

        self.recommended_label = QLabel(self.tr("Recommended"), self)
        self.recommended_label.setObjectName("panelTitle")
        self.recommended_model = TeaserListModel(self)
        self.recommended = QListView(self)
        self.recommended.setObjectName("recommendedList")
        self.recommended.setModel(self.recommended_model)
        self.recommended.setItemDelegate(TeaserDelegate(self.recommended))
        self.recommended.setWordWrap(True)
        self.recommended.setResizeMode(QListView.ResizeMode.Adjust)
        self.recommended.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.recommended.setAccessibleName(self.tr("Recommended articles"))
        self.recommended_label.setBuddy(self.recommended)

        panel = QWidget(self)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 6, 0, 0)
        panel_layout.setSpacing(4)
        panel_layout.addWidget(self.recommended_label)
        panel_layout.addWidget(self.recommended)

        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.tree)
        self.split.addWidget(panel)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.clicked.connect(self._on_tree_activated)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.recommended.activated.connect(self._on_recommended_activated)
        self.recommended.clicked.connect(self._on_recommended_activated)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        slug = index.data(SLUG_ROLE)
        if slug:
            self.article_requested.emit(slug)
        elif index.isValid() and index.data(SLUG_ROLE) is None:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Moving through the tree with the keyboard opens what it lands on, so the
        # highlighted row and the page shown never disagree.
        if not self._syncing and (slug := current.data(SLUG_ROLE)):
            self.article_requested.emit(slug)

    def _on_recommended_activated(self, index: QModelIndex) -> None:
        slug = index.data(SLUG_ROLE)
        if slug:
            self.article_requested.emit(slug)

    def select_article(self, slug: str | None) -> None:
        """Highlight ``slug`` in the tree and scroll it into view (None clears)."""
        index = self.model.index_of(slug) if slug else QModelIndex()
        selection = self.tree.selectionModel()
        self._syncing = True
        try:
            if not index.isValid():
                selection.clearSelection()
                return
            self.tree.expand(index.parent())
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
            self.tree.scrollTo(index)
        finally:
            self._syncing = False

    def current_slug(self) -> str | None:
        index = self.tree.selectionModel().currentIndex()
        slug = index.data(SLUG_ROLE) if index.isValid() else None
        return str(slug) if slug else None

    def show_category(self, category_id: str) -> None:
        """Expand ``category_id``, scroll it to the top and give the tree focus."""
        index = self.model.category_index(category_id)
        if index.isValid():
            self.tree.expand(index)
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
            self.tree.selectionModel().setCurrentIndex(
                index, self.tree.selectionModel().SelectionFlag.ClearAndSelect
            )
            self.tree.setFocus()

    def set_recommendations(self, items: list[Recommendation]) -> None:
        self.recommended_model.set_items(items)
        visible = bool(items)
        self.recommended_label.setVisible(visible)
        self.recommended.setVisible(visible)
