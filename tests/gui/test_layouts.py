"""The shared column layout of cards and small windows."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from reader.gui.layouts import column


def test_column_holds_widgets_and_layouts_in_order(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    first, last = QLabel("first", parent), QLabel("last", parent)
    grid = QGridLayout()
    layout = column(parent, (first, grid, last), margins=(32, 24), spacing=14)
    assert parent.layout() is layout
    assert [layout.itemAt(i).widget() for i in (0, 2)] == [first, last]
    assert layout.itemAt(1).layout() is grid
    margins = layout.contentsMargins()
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (32, 24, 32, 24)
    assert layout.spacing() == 14
