"""Recommend other articles for an article.

The interface is :class:`Recommender` with one method, :meth:`Recommender.recommend`. This
engine uses the author's explicit ``related`` list first, then shared tags and the same
category. It never returns the article itself or the same article twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from reader.pack import Article, Pack

DEFAULT_LIMIT = 5


@dataclass(frozen=True, slots=True)
class Recommendation:
    """An article offered to the reader, with its teaser and why it is offered."""

    slug: str
    title: str
    summary: str
    reason: str = ""


class Recommender(Protocol):
    def recommend(self, slug: str, limit: int = DEFAULT_LIMIT) -> list[Recommendation]: ...


@dataclass(frozen=True, slots=True)
class Reasons:
    """Words for recommendation reasons (translated by the window)."""

    editors: str = "Suggested by the editors"
    also_about: str = "Also about: {topics}"
    same_category: str = "More in {category}"


class TagRecommender:
    """Explicit ``related`` first, then articles sharing tags, then the same category."""

    def __init__(self, pack: Pack, reasons: Reasons | None = None) -> None:
        self.pack = pack
        self.reasons = reasons or Reasons()
        #: Articles by tag, built on the second request: the first page of a big pack is
        #: quicker to answer with one pass over the articles than with the whole table.
        self._by_tag: dict[str, list[Article]] | None = None
        self._asked = False

    def _sharing(self, tags: tuple[str, ...]) -> list[tuple[Article, str]]:
        """Return ``(article, tag)`` for every article carrying one of ``tags``, in pack order."""
        if self._by_tag is None and not self._asked:
            self._asked = True
            some: dict[str, list[Article]] = {tag.casefold(): [] for tag in tags}
            # A pack from its catalog shares one tuple between articles with the same tags:
            # look at each distinct tuple once.
            seen: dict[int, list[list[Article]]] = {}
            for other in self.pack.articles:
                if not other.tags:
                    continue
                lists = seen.get(id(other.tags))
                if lists is None:
                    lists = seen[id(other.tags)] = [
                        same for tag in other.tags if (same := some.get(tag.casefold())) is not None
                    ]
                for same in lists:
                    same.append(other)
            return [(other, tag) for tag in tags for other in some[tag.casefold()]]
        if self._by_tag is None:
            self._by_tag = {}
            for other in self.pack.articles:
                for tag in other.tags:
                    self._by_tag.setdefault(tag.casefold(), []).append(other)
        return [(other, tag) for tag in tags for other in self._by_tag.get(tag.casefold(), ())]

    def recommend(self, slug: str, limit: int = DEFAULT_LIMIT) -> list[Recommendation]:
        article = self.pack.get(slug)
        if article is None or limit <= 0:
            return []
        chosen: dict[str, Recommendation] = {}
        for other_slug in article.related:
            other = self.pack.get(other_slug)
            if other is not None and other.slug != slug and other.slug not in chosen:
                chosen[other.slug] = _rec(other, self.reasons.editors)
        scores: dict[str, tuple[int, int, int]] = {}
        shared: dict[str, list[str]] = {}
        for other, tag in self._sharing(article.tags):
            if other.slug == slug or other.slug in chosen:
                continue
            shared.setdefault(other.slug, []).append(tag)
        for other_slug, tags in shared.items():
            other = self.pack.get(other_slug)
            assert other is not None
            same = int(other.category == article.category)
            scores[other_slug] = (len(tags), same, -abs(other.index - article.index))
        ranked = sorted(scores, key=lambda s: scores[s], reverse=True)
        for other_slug in ranked:
            if len(chosen) >= limit:
                break
            other = self.pack.get(other_slug)
            assert other is not None
            topics = ", ".join(shared[other_slug][:3])
            chosen.setdefault(
                other_slug, _rec(other, self.reasons.also_about.format(topics=topics))
            )
        if len(chosen) < limit:
            name = self.pack.category_name(article.category)
            for other in sorted(
                self.pack.articles_in(article.category), key=lambda a: abs(a.index - article.index)
            ):
                if other.slug != slug and other.slug not in chosen:
                    chosen[other.slug] = _rec(
                        other, self.reasons.same_category.format(category=name)
                    )
        return list(chosen.values())[:limit]


def _rec(article: Article, reason: str) -> Recommendation:
    return Recommendation(article.slug, article.title, article.summary, reason)
