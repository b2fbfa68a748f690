"""Recommend other articles for an article.

The interface is :class:`Recommender` with one method, :meth:`Recommender.recommend`. This
engine uses the author's explicit ``related`` list first, then shared tags and the same
category. It never returns the article itself or the same article twice.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import NamedTuple, Protocol

from reader.library.pack import Article, Pack

DEFAULT_LIMIT = 5


class Recommendation(NamedTuple):
    """An article offered to the reader, with its teaser and why it is offered."""

    slug: str
    title: str
    summary: str
    reason: str = ""


class Recommender(Protocol):
    def recommend(self, slug: str, limit: int = DEFAULT_LIMIT) -> list[Recommendation]: ...


class Reasons(NamedTuple):
    """Words for recommendation reasons (translated by the window)."""

    editors: str = "Suggested by the editors"
    also_about: str = "Also about: {topics}"
    same_category: str = "More in {category}"


class TagRecommender:
    """Explicit ``related`` first, then articles sharing tags, then the same category.

    Candidates are ranked by their positions in the pack (:meth:`Pack.tagged`,
    :meth:`Pack.category_members`): only the articles offered are built, which matters for a
    big pack read from its catalog.
    """

    def __init__(self, pack: Pack, reasons: Reasons | None = None) -> None:
        self.pack = pack
        self.reasons = reasons or Reasons()

    def recommend(self, slug: str, limit: int = DEFAULT_LIMIT) -> list[Recommendation]:
        pack = self.pack
        article = pack.get(slug)
        if article is None or limit <= 0:
            return []
        here = article.index
        chosen: dict[str, Recommendation] = {}
        for other_slug in article.related:
            other = pack.get(other_slug)
            if other is not None and other.slug != slug and other.slug not in chosen:
                chosen[other.slug] = teaser(other, self.reasons.editors)
        shared: dict[int, list[str]] = {}
        for tag in article.tags:
            for i in pack.tagged(tag):
                if i != here:
                    shared.setdefault(i, []).append(tag)
        members = pack.category_members(article.category)
        same = members if isinstance(members, range) else frozenset(members)
        ranked = sorted(
            shared, key=lambda i: (len(shared[i]), i in same, -abs(i - here)), reverse=True
        )
        for i in ranked:
            if len(chosen) >= limit:
                break
            other = pack.articles[i]
            if other.slug not in chosen:
                topics = ", ".join(shared[i][:3])
                chosen[other.slug] = teaser(other, self.reasons.also_about.format(topics=topics))
        if len(chosen) < limit:
            name = pack.category_name(article.category)
            reason = self.reasons.same_category.format(category=name)
            for i in _nearest(members, here):
                if len(chosen) >= limit:
                    break
                other = pack.articles[i]
                if other.slug not in chosen:
                    chosen[other.slug] = teaser(other, reason)
        return list(chosen.values())[:limit]


def _nearest(positions: Sequence[int], here: int) -> Iterator[int]:
    """Yield the sorted ``positions`` nearest to ``here`` first (the lower one of a tie
    first), skipping ``here`` itself."""
    right = bisect.bisect_left(positions, here)
    left = right - 1
    if right < len(positions) and positions[right] == here:
        right += 1
    while left >= 0 or right < len(positions):
        if right >= len(positions) or (
            left >= 0 and here - positions[left] <= positions[right] - here
        ):
            yield positions[left]
            left -= 1
        else:
            yield positions[right]
            right += 1


def teaser(article: Article, reason: str = "") -> Recommendation:
    """Return ``article`` as a list entry with its summary as the teaser."""
    return Recommendation(article.slug, article.title, article.summary, reason)
