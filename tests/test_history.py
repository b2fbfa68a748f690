"""Back and Forward through the reading history."""

from reader.history import HOME, History


def test_back_and_forward() -> None:
    h = History()
    for place in (HOME, "a", "b", "c"):
        h.visit(place)
    assert h.back() == "b"
    assert h.back() == "a"
    assert h.can_go_forward()
    assert h.forward() == "b"
    assert h.current == "b"


def test_visit_after_back_drops_forward_entries() -> None:
    h = History()
    for place in ("a", "b", "c"):
        h.visit(place)
    h.back()
    h.visit("d")
    assert not h.can_go_forward()
    assert h.back() == "b"


def test_ends_and_repeats() -> None:
    h = History()
    assert h.back() is None and h.forward() is None and h.current is None
    h.visit("a")
    h.visit("a")
    assert not h.can_go_back()
    assert h.visited() == ["a"]


def test_limit_and_visited_order() -> None:
    h = History(limit=3)
    for place in ("a", HOME, "b", "a", "c"):
        h.visit(place)
    assert h.visited() == ["c", "a", "b"]
    h.clear()
    assert h.current is None
