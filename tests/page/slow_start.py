"""Helpers the guard tests send to a child process (importable there: no Qt, no fixtures)."""

from __future__ import annotations

import time
from typing import Any


class SlowToUnpickle:
    """An argument that takes a second to arrive in the child (like a slow start)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __setstate__(self, state: dict[str, Any]) -> None:
        time.sleep(1.0)
        self.__dict__.update(state)


def echo(arg: SlowToUnpickle) -> str:
    return arg.text
