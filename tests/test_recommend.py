"""The simple recommendation engine: explicit first, never itself, no duplicates."""

from __future__ import annotations

from pathlib import Path

from reader.pack import load_pack
from reader.recommend import TagRecommender
from tests.conftest import PackBuilder, article


def test_explicit_then_tags_then_category(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "a.md": article("A", category="one", tags=["x", "y"], related=["d", "a", "d"]),
            "b.md": article("B", category="two", tags=["x", "y"]),
            "c.md": article("C", category="one", tags=["x"]),
            "d.md": article("D", category="two"),
            "e.md": article("E", category="one"),
            "f.md": article("F", category="two"),
        }
    )
    recs = TagRecommender(load_pack(root)).recommend("a")
    assert [r.slug for r in recs] == ["d", "b", "c", "e"]
    assert recs[0].reason == "Suggested by the editors"
    assert recs[1].reason == "Also about: x, y"
    assert recs[3].reason == "More in Category One"


def test_limit_unknown_and_self(small_pack: Path) -> None:
    rec = TagRecommender(load_pack(small_pack))
    assert rec.recommend("nope") == []
    assert len(rec.recommend("alpha", limit=1)) == 1
    for slug in ("alpha", "beta", "gamma", "delta", "epsilon"):
        slugs = [r.slug for r in rec.recommend(slug)]
        assert slug not in slugs
        assert len(slugs) == len(set(slugs))
