"""Item models over the pack for the sidebar."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from reader.find.recommend import Recommendation
from reader.library.pack import Article, Pack

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex

    Index = QModelIndex | QPersistentModelIndex

SLUG_ROLE = Qt.ItemDataRole.UserRole
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
REASON_ROLE = Qt.ItemDataRole.UserRole + 2
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 3

_ROOT = QModelIndex()
_TAGS = re.compile(r"<[^>]+>")


class ArticleTreeModel(QAbstractItemModel):
    """Categories at the top level, their articles below, in pack order.

    Category rows carry internal id 0; article rows carry their category's row + 1, so
    ``parent()`` needs no lookup. Each category holds only its articles' positions in the
    pack (a ``range`` for a pack from its catalog), and an article is built when its row is
    first shown.
    """

    def __init__(self, pack: Pack, parent: Any = None) -> None:
        super().__init__(parent)
        self._pack = pack
        self._articles = pack.articles
        kept = [(c, pack.category_members(c.id)) for c in pack.categories]
        kept = [(c, rows) for c, rows in kept if rows]
        self._categories = [c for c, _ in kept]
        self._rows: list[Sequence[int]] = [rows for _, rows in kept]
        self._category_row = {c.id: row for row, c in enumerate(self._categories)}

    # index() and rowCount() run for every row of a category being opened (10,000 rows in
    # a big pack): as few calls into Qt as possible. An invalid index has internal id 0.
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if column or row < 0 or parent.internalId():  # articles have no children
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._rows) else QModelIndex()
        category = parent.row()
        if row < len(self._rows[category]):
            return self.createIndex(row, 0, category + 1)
        return QModelIndex()

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        category = index.internalId()  # 0 for a category and for an invalid index
        return self.createIndex(category - 1, 0, 0) if category else QModelIndex()

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt API
        if parent.internalId():
            return 0
        if not parent.isValid():
            return len(self._rows)
        return len(self._rows[parent.row()])

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt API
        return 1

    def article_at(self, index: Index) -> Article | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._articles[self._rows[index.internalId() - 1][index.row()]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        article = self.article_at(index)
        if article is None:
            category = self._categories[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return category.name
            if role == CATEGORY_ROLE:
                return category.id
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return article.title
        if role in (Qt.ItemDataRole.ToolTipRole, SUMMARY_ROLE):
            return article.summary or None
        if role == SLUG_ROLE:
            return article.slug
        return None

    def index_of(self, slug: str) -> QModelIndex:
        """Return the index of the article ``slug`` (invalid if unknown)."""
        article = self._pack.get(slug)
        c_row = self._category_row.get(article.category) if article is not None else None
        if article is None or c_row is None:
            return QModelIndex()
        # Each category's rows are in pack order, so the row is found by bisection on the
        # article's position in the pack (no slug table for 100,000 articles at start-up).
        a_row = bisect.bisect_left(self._rows[c_row], article.index)
        return self.createIndex(a_row, 0, c_row + 1)

    def category_index(self, category_id: str) -> QModelIndex:
        for row, category in enumerate(self._categories):
            if category.id == category_id:
                return self.createIndex(row, 0, 0)
        return QModelIndex()


class TeaserListModel(QAbstractListModel):
    """A short list of articles with teaser and reason (recommendations, search results).

    ``SUMMARY_ROLE`` is HTML: plain teasers are escaped here; with ``rich_summary`` the
    summary is already HTML (search snippets with <b> marks).
    """

    def __init__(self, parent: Any = None, rich_summary: bool = False) -> None:
        super().__init__(parent)
        self._items: list[Recommendation] = []
        self._rich = rich_summary

    def set_items(self, items: list[Recommendation]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[Recommendation]:
        return list(self._items)

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return None if self._rich else item.summary or None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            summary = _TAGS.sub("", item.summary) if self._rich else item.summary
            return " — ".join(x for x in (summary, item.reason) if x)
        if role == SLUG_ROLE:
            return item.slug
        if role == SUMMARY_ROLE:
            return item.summary if self._rich else escape(item.summary)
        if role == REASON_ROLE:
            return item.reason
        return None
