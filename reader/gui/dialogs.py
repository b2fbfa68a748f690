"""The window's dialogs: About, and the content problems found in the pack."""

from __future__ import annotations

import datetime as dt
import logging
from html import escape

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.library.check import check_article, check_rendering
from reader.library.pack import Pack, Problem
from reader.page.render import Renderer

logger = logging.getLogger(__name__)


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


class ProblemCheck(QThread):
    """Run the pack check (``offline-reader check``) on the window's pack in a worker thread.

    It renders every article, so it runs when the dialog opens, never at start-up.
    """

    progress = Signal(int, int)
    found = Signal(object)  # list[Problem], once every article is checked

    def __init__(self, pack: Pack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pack = pack

    def run(self) -> None:
        pack = self.pack
        problems = list(pack.problems)
        renderer = Renderer(pack)
        today = dt.date.today()
        total = len(pack.articles)
        for number, article in enumerate(pack.articles, start=1):
            if self.isInterruptionRequested():
                return
            try:
                problems.extend(check_article(pack, article, today))
                problems.extend(check_rendering(renderer, article))
            except Exception:  # one odd article must not hide what the others have
                logger.exception("could not check %s", article.rel_path)
            if number % 10 == 0 or number == total:
                self.progress.emit(number, total)
        problems.sort(key=lambda p: (p.path != "pack.toml", p.path, p.line or 0))
        self.found.emit(problems)


def group_by_file(problems: list[Problem]) -> dict[str, list[Problem]]:
    """Return ``problems`` grouped by file, files and lines in order."""
    groups: dict[str, list[Problem]] = {}
    for problem in problems:
        groups.setdefault(problem.path, []).append(problem)
    return groups


class ProblemsDialog(QDialog):
    """Everything ``offline-reader check`` finds, grouped by file; a problem opens its article.

    Loading problems show at once; the full check (broken links, missing images, what could
    not be shown as written) runs in a worker thread when the dialog opens.
    """

    article_requested = Signal(str)

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Content problems"))
        self.setObjectName("problemsDialog")
        self.pack = pack
        self._slugs = {a.rel_path: a.slug for a in pack.articles}
        self.problems: list[Problem] = list(pack.problems)
        self.checked = False
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Problems"))
        self.tree.itemActivated.connect(self._open)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._check: ProblemCheck | None = None
        self._fill(self.problems)
        self.summary.setText(self.tr("Checking every article…"))
        self.resize(760, 420)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.start_check()

    def start_check(self) -> None:
        """Check the whole pack in a worker thread (once)."""
        if self._check is not None or self.checked:
            return
        self._check = ProblemCheck(self.pack, self)
        self._check.progress.connect(self._on_progress)
        self._check.found.connect(self._on_found)
        self._check.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.summary.setText(
            self.tr("Checking every article… {done} of {total}").format(done=done, total=total)
        )

    def _on_found(self, problems: list[Problem]) -> None:
        self.checked = True
        self.problems = problems
        self._fill(problems)
        files = len(group_by_file(problems))
        self.summary.setText(
            self.tr("No problems were found in this content pack.")
            if not problems
            else self.tr("%n problem(s)", "", len(problems))
            + " "
            + self.tr("in %n file(s). Open one to see its article.", "", files)
        )

    def _fill(self, problems: list[Problem]) -> None:
        self.tree.clear()
        for path, found in group_by_file(problems).items():
            group = QTreeWidgetItem(self.tree, [f"{path} ({len(found)})"])
            group.setData(0, Qt.ItemDataRole.UserRole, self._slugs.get(path, ""))
            for problem in found:
                text = self.tr("line {line}: {severity}: {message}").format(
                    line=problem.line or 1, severity=problem.severity, message=problem.message
                )
                item = QTreeWidgetItem(group, [text])
                item.setData(0, Qt.ItemDataRole.UserRole, self._slugs.get(path, ""))
            group.setExpanded(True)

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        if slug := item.data(0, Qt.ItemDataRole.UserRole):
            self.article_requested.emit(slug)

    def rows(self) -> list[str]:
        """Return the lines the reader sees, files first and their problems under them."""
        out: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:
                continue
            out.append(group.text(0))
            out.extend(
                "  " + child.text(0) for j in range(group.childCount()) if (child := group.child(j))
            )
        return out

    def done(self, result: int) -> None:
        if self._check is not None:
            self._check.requestInterruption()
            self._check.wait()
        super().done(result)
