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


def test_the_first_answer_without_the_tag_table_is_the_same_as_later_ones(
    make_pack: PackBuilder,
) -> None:
    files = {
        f"a{i}.md": article(f"A{i}", category="one", tags=["X", "y", "z"][: 1 + i % 3][::-1])
        for i in range(12)
    }
    pack = load_pack(make_pack(files))
    recommender = TagRecommender(pack)
    first = {a.slug: recommender.recommend(a.slug, limit=20) for a in pack.articles[:1]}
    assert recommender._by_tag is None  # answered by one pass over the articles
    again = {a.slug: recommender.recommend(a.slug, limit=20) for a in pack.articles}
    assert recommender._by_tag is not None
    assert first[pack.articles[0].slug] == again[pack.articles[0].slug]
    fresh = {a.slug: TagRecommender(pack).recommend(a.slug, limit=20) for a in pack.articles}
    assert fresh == again
    assert any("Also about: z, y" in r.reason for r in again["a2"])
