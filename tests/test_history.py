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


def test_each_entry_keeps_the_place_it_was_left_at() -> None:
    h = History(limit=3)
    h.visit("a")
    h.leave_at(0.4)
    h.visit("b")
    h.leave_at(0.9)
    h.visit("c")
    assert h.place == 0.0  # a new page starts at the top
    assert h.back() == "b" and h.place == 0.9
    assert h.back() == "a" and h.place == 0.4
    h.visit("d")  # drops b and c with their places
    assert h.place == 0.0
    assert h.back() == "a" and h.place == 0.4
    h.leave_at(7.0)
    assert h.place == 1.0


def test_places_follow_their_entries_past_the_limit() -> None:
    h = History(limit=2)
    for n, location in enumerate(("a", "b", "c")):
        h.visit(location)
        h.leave_at(n / 10)
    assert h.back() == "b" and h.place == 0.1
