"""Reading history with Back and Forward, like a web browser."""

from __future__ import annotations

HOME = ""  # the location of the home page


class History:
    """A list of visited locations (article slugs, or HOME) and a cursor into it.

    Each entry keeps the place it was left at (a fraction of the page scrolled), so that Back
    and Forward return to it, as browsers do.
    """

    def __init__(self, limit: int = 500) -> None:
        self._items: list[str] = []
        self._places: list[float] = []
        self._pos = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._items[self._pos] if self._pos >= 0 else None

    def visit(self, location: str) -> None:
        """Record a visit; drops any Forward entries, ignores a repeat of the current one."""
        if self.current == location:
            return
        del self._items[self._pos + 1 :]
        del self._places[self._pos + 1 :]
        self._items.append(location)
        self._places.append(0.0)
        if len(self._items) > self._limit:
            del self._items[0]
            del self._places[0]
        self._pos = len(self._items) - 1

    @property
    def place(self) -> float:
        """Return how far down the current entry was left (0.0 top, 1.0 bottom)."""
        return self._places[self._pos] if self._pos >= 0 else 0.0

    def leave_at(self, place: float) -> None:
        """Remember that the current entry is being left ``place`` of the way down."""
        if self._pos >= 0:
            self._places[self._pos] = min(1.0, max(0.0, place))

    def can_go_back(self) -> bool:
        return self._pos > 0

    def can_go_forward(self) -> bool:
        return self._pos + 1 < len(self._items)

    def back(self) -> str | None:
        if not self.can_go_back():
            return None
        self._pos -= 1
        return self._items[self._pos]

    def forward(self) -> str | None:
        if not self.can_go_forward():
            return None
        self._pos += 1
        return self._items[self._pos]

    def clear(self) -> None:
        self._items.clear()
        self._places.clear()
        self._pos = -1

    def visited(self) -> list[str]:
        """Return the distinct articles visited, most recent first (home excluded)."""
        seen: list[str] = []
        for location in reversed(self._items[: self._pos + 1]):
            if location != HOME and location not in seen:
                seen.append(location)
        return seen
