"""Offline, proven: the whole reader runs with the network switched off, and has no client."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.models import SLUG_ROLE
from reader.paths import bundled_dir
from tests.gui.conftest import WindowFactory
from tests.locations import ROOT

READER = ROOT / "reader"


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every socket the process tries to open or resolve is recorded, then refused."""
    attempts: list[str] = []

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def call(*args: object, **_kwargs: object) -> object:
            attempts.append(f"{name}{args!r}")
            raise OSError(f"network is switched off in this test ({name})")

        return call

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_the_whole_reader_never_touches_the_network(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, network_attempts: list[str]
) -> None:
    window = make_window(bundled_dir("content"))
    window.show_home()
    window.indexing.start(tmp_path / "cache")
    qtbot.waitUntil(lambda: window.search_index is not None, timeout=20_000)
    shown = []
    for article in window.pack.articles:
        assert window.open_article(article.slug)
        shown.append(window.view.toPlainText())
        assert article.title in shown[-1]
        assert window.sidebar.recommended_model.rowCount() > 0
    window.show_home()  # with "Continue reading" and "Because you read"
    assert "Continue reading" in window.view.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.sidebar.search_field
    qtbot.keyClicks(window.sidebar.search_field, "blood test")
    model = window.sidebar.results_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=3000)
    first = model.index(0, 0).data(SLUG_ROLE)
    qtbot.keyClick(window.sidebar.search_field, Qt.Key.Key_Return)
    assert window.current == first
    for link in ("https://example.org/", "mailto:a@b.c"):
        window.links.open(QUrl(link))
    window.close()
    assert network_attempts == []
    # The outside links went to the injected opener (the system browser), not to a socket.
    opened = window.opened_externally  # type: ignore[attr-defined]
    assert opened == ["https://example.org/", "mailto:a@b.c"]


def test_the_fixture_really_blocks_sockets(network_attempts: list[str]) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80))
    assert network_attempts and network_attempts[0].startswith("create_connection")


NETWORK_CLIENTS = re.compile(
    r"QNetworkAccessManager|QtNetwork|urllib\.request|http\.client"
    r"|^\s*(?:import|from)\s+(?:requests|urllib3|httpx|aiohttp)\b",
    re.MULTILINE,
)


def test_the_package_contains_no_network_client() -> None:
    offenders = [
        f"{path.relative_to(READER.parent)}: {match.group()}"
        for path in sorted(READER.rglob("*.py"))
        for match in NETWORK_CLIENTS.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert len(list(READER.rglob("*.py"))) > 10  # the search really looked at the package
