"""The window's dialogs: About, and the content problems found in the pack."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.library.pack import Pack


class AboutDialog(QMessageBox):
    """What the program is, its version and licence, and the pack's disclaimer."""

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Offline Reader"))
        self.setIcon(QMessageBox.Icon.NoIcon)
        self.setTextFormat(Qt.TextFormat.RichText)
        # Pack text is the publisher's, not ours: it is escaped, never read as markup.
        self.setText(
            self.tr(
                "<h3>Offline Reader {version}</h3><p>{pack}: {count} articles, readable with no "
                "internet connection.</p><p><b>Important:</b> {disclaimer}</p>"
                "<p>Free software under the GNU General Public License, version 3 or later.</p>"
            ).format(
                version=escape(__version__),
                pack=escape(pack.title),
                count=len(pack.articles),
                disclaimer=escape(pack.disclaimer or self.tr("General information only.")),
            )
        )
        self.setStandardButtons(QMessageBox.StandardButton.Close)


class ShortcutsDialog(QDialog):
    """Every action's keys, as the menus list them (generated, so it is never out of date)."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def rows(self) -> list[tuple[str, str]]:
        """Return the table's rows (what the reader sees)."""

        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1)) for r in range(self.table.rowCount())]


class ProblemsDialog(QDialog):
    """The pack's problems, one ``path:line: message`` per line."""

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Content problems"))
        layout = QVBoxLayout(self)
        count = len(pack.problems)
        summary = QLabel(
            self.tr("No problems were found in this content pack.")
            if not count
            else self.tr("%n problem(s) were found while loading the content pack:", "", count),
            self,
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(summary)
        text = QPlainTextEdit("\n".join(str(p) for p in pack.problems), self)
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Problems"))
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 360)
