"""Layouts the window's cards and small windows share."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget


def column(
    parent: QWidget, items: Iterable[QWidget | QLayout], margins: tuple[int, int], spacing: int
) -> QVBoxLayout:
    """Lay ``items`` out on ``parent`` from top to bottom; ``margins`` are (sides, top and
    bottom), ``spacing`` the room between two items."""
    layout = QVBoxLayout(parent)
    side, end = margins
    layout.setContentsMargins(side, end, side, end)
    layout.setSpacing(spacing)
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout
