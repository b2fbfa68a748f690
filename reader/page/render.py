"""Turn articles and the pack's home page into HTML for the article view.

Everything here is Qt-free. Words the reader sees come from :class:`PageText`, which the
window fills with translated strings; the defaults are English.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote

from reader.find.recommend import Recommendation, teaser
from reader.library.languages import cjk_characters, is_cjk, language_of
from reader.library.pack import Article, Pack, Source, next_review_due
from reader.page.links import CATEGORY_SCHEME, SEARCH_SCHEME, article_href

if TYPE_CHECKING:
    from markdown import Markdown

    from reader.page.ahead import PackLayout
    from reader.page.bodycache import BodyCache, ShippedPages
    from reader.page.guard import Change, Guarded
    from reader.page.mdext import PackLinksExtension, SourceRefsExtension
    from reader.page.sanitize import Sanitizer

# Markdown, the guard and the sanitizer are imported when the first article body is converted,
# not at start-up: the home page and a page from the cache need none of them (about 40 ms).

logger = logging.getLogger(__name__)

WORDS_PER_MINUTE = 200
#: Chinese, Japanese and Korean are read by characters, not by space-separated words.
CJK_CHARS_PER_MINUTE = 300
#: Articles with at least this many ``##`` sections get an "On this page" list.
TOC_MIN_SECTIONS = 4
TOC_MIN_WORDS = 600
BODY_CACHE_SIZE = 64


def _english_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _english_minutes(n: int) -> str:
    return f"{n} min read"


def _english_articles(n: int) -> str:
    return "1 article" if n == 1 else f"{n} articles"


_WORD = re.compile(r"[^\W_]+")


def reading_words(article: Article, language: str, text: str | None = None) -> int:
    """Return the article's length in words, or for CJK text the words that take as long to
    read as its characters (:data:`CJK_CHARS_PER_MINUTE`); of ``text`` instead of the article's
    body if it is given."""
    if not is_cjk(language):
        return article.word_count if text is None else len(text.split())
    body = article.body if text is None else text
    cjk = cjk_characters()
    chars = len(cjk.findall(body))
    other = len(_WORD.findall(cjk.sub(" ", body)))  # Latin words and numbers, not punctuation
    return round(chars * WORDS_PER_MINUTE / CJK_CHARS_PER_MINUTE) + other


class PageText(NamedTuple):
    """User-visible words on rendered pages (translated by the window)."""

    previous: str = "‹ Previous: {title}"
    next: str = "Next: {title} ›"
    recommended: str = "Recommended"
    reviewed: str = "Reviewed {date}"
    reviewed_by: str = "Reviewed {date} by {name}"
    next_review: str = "Next review due {date}"
    review_due_today: str = "Next review due today"
    review_overdue: str = "Review overdue since {date}"
    updated: str = "Updated {date}"
    not_reviewed: str = "Not yet reviewed by a clinician"
    recently_updated: str = "Recently updated"
    emergency_heading: str = "Emergency: call {number} now"
    urgent_heading: str = "Urgent: get medical advice today"
    routine_heading: str = "See a doctor: make an appointment"
    #: Stands for the number in the sentences above when the pack does not name one.
    local_number: str = "your local emergency number"
    notice: str = "General information, not medical advice. In an emergency call {number}."
    report_problem: str = "Report a problem with this page: {contact}"
    published: str = "Published {date}"
    accessed: str = "Accessed {date}"
    on_this_page: str = "On this page"
    sources: str = "Sources"
    image: str = "image"
    start_here: str = "Start here"
    browse: str = "Browse by topic"
    recently_reviewed: str = "Recently reviewed"
    important: str = "Important"
    a_to_z: str = "All articles A–Z"
    common_searches: str = "Common searches"
    too_long: str = "This article is very long; only the first part is shown."
    not_displayed: str = (
        "This article could not be displayed with its formatting, so it is shown as plain text."
    )
    stale: str = (
        "This article was last reviewed on {date}. Some details may have changed — "
        "check with a health professional."
    )
    #: An entry of a ZIM archive whose content cannot be read (libzim's reason).
    unreadable: str = "This page could not be read from the archive: {reason}"
    format_date: Callable[[dt.date], str] = _english_date
    #: Counted words take the count and choose the plural form (Qt's ``tr(text, "", n)``).
    count_minutes: Callable[[int], str] = _english_minutes
    count_articles: Callable[[int], str] = _english_articles


#: Words that follow the reader's language (the call-out headings, the text of a missing
#: image) are rendered as these slots and filled in when a body is handed out, so a rendered
#: body, in memory, on disk or shipped in a library archive, serves every language.
_SLOT_OPEN, _SLOT_CLOSE = "\ue000", "\ue001"  # Unicode private use: never in real text


def slot(name: str) -> str:
    """Return the place-holder of the word ``name`` in a rendered body."""
    return f"{_SLOT_OPEN}{name}{_SLOT_CLOSE}"


IMAGE_SLOT = slot("image")


class RenderedBody(NamedTuple):
    """An article body as HTML, its "On this page" links, and what went wrong on the way."""

    html: str
    toc: str = ""
    sections: int = 0
    #: What the guard changed so the parser would finish quickly (reported by ``check``).
    changes: tuple[Change, ...] = ()
    #: Why the body is shown as plain text; empty when it was rendered normally.
    failure: str = ""


class Renderer:
    """Render Markdown articles of one pack; reuses one configured Markdown instance."""

    #: Seconds a child process may spend on risky text before plain text is shown instead
    #: (``reader.page.guard.RENDER_TIMEOUT``).
    timeout = 1.0

    def __init__(
        self, pack: Pack, text: PageText | None = None, today: dt.date | None = None
    ) -> None:
        self.pack = pack
        self.text = text or PageText()
        self.today = today
        #: Topic tiles per row on the home page (a narrow kiosk screen asks for fewer).
        self.tile_columns = 3
        #: A home page for a touch screen (the kiosk): "Start here" and the topics as large
        #: tiles at the top, before the disclaimer, so the first screen has things to touch.
        self.touch = False
        #: Recently rendered bodies; long articles are converted in a child process, so
        #: turning back to one must not pay that again.
        #: Keyed by slug and the text's length and hash, so the cache does not keep texts alive.
        self._bodies: dict[tuple[str, int, int], RenderedBody] = {}
        self._md: tuple[Markdown, PackLinksExtension, Sanitizer] | None = None
        self._refs: SourceRefsExtension | None = None
        self._disk: BodyCache | None = None
        #: How many bodies this renderer converted from Markdown or sanitised (an archive's
        #: entries) rather than found in a cache (reader.page.ahead asks).
        self.conversions = 0
        self._entry_words: dict[str, int] = {}  # an archive entry's words, by slug
        #: A library archive's rendered pages: their folder until the first body that is not
        #: in the disk cache opens them (checking them costs ~2 ms a later start never needs).
        self._shipped_folder: Path | None = None
        self._shipped: ShippedPages | None = None
        #: The urgency call-outs' headings as slots (reader.page.mdext.URGENCY_KINDS).
        self.heading_slots = {kind: slot(kind) for kind in self.urgency_headings()}

    @property
    def emergency_number(self) -> str:
        """The number to call, or the words that stand for it when the pack names none."""
        return self.pack.emergency_number or self.text.local_number

    def urgency_headings(self) -> dict[str, str]:
        """Return the heading of each urgency call-out, with the pack's emergency number."""
        t = self.text
        return {
            "emergency": t.emergency_heading.format(number=self.emergency_number),
            "urgent": t.urgent_heading,
            "routine": t.routine_heading,
        }

    def notice_line(self) -> str:
        """Return the one-line notice at the foot of every article (and every printed page)."""
        return self.text.notice.format(number=self.emergency_number)

    def use_disk_cache(self, cache_dir: Path) -> None:
        """Keep rendered bodies in ``cache_dir`` too (see :mod:`reader.page.bodycache`).

        Only for a pack with a fingerprint (one opened through its catalog).
        """
        if self.pack.fingerprint:
            from reader.library.catalog import catalog_path
            from reader.library.prebuilt import PAGES, PREBUILT
            from reader.page.bodycache import BodyCache

            name = catalog_path(self.pack.root, cache_dir).stem.replace("catalog-", "bodies-")
            self.keep_bodies_in(BodyCache(cache_dir / name, self.pack.fingerprint))
            self._shipped_folder = self.pack.root / PREBUILT / PAGES

    def keep_bodies_in(self, cache: BodyCache) -> None:
        """Keep rendered bodies in ``cache``, and look for them there."""
        self._disk = cache

    @property
    def disk_folder(self) -> Path | None:
        """The folder rendered bodies are kept in, or None without a disk cache."""
        return self._disk.folder if self._disk is not None else None

    def _markdown(self) -> tuple[Markdown, PackLinksExtension, Sanitizer]:
        """Build the one configured Markdown instance on first use."""
        if self._md is None:
            from markdown import Markdown
            from markdown.extensions.admonition import AdmonitionExtension
            from markdown.extensions.attr_list import AttrListExtension
            from markdown.extensions.def_list import DefListExtension
            from markdown.extensions.fenced_code import FencedCodeExtension
            from markdown.extensions.footnotes import FootnoteExtension
            from markdown.extensions.md_in_html import MarkdownInHtmlExtension
            from markdown.extensions.sane_lists import SaneListExtension
            from markdown.extensions.tables import TableExtension
            from markdown.extensions.toc import TocExtension

            from reader.page.mdext import (
                CalloutExtension,
                PackLinksExtension,
                PlainTextExtension,
                SiteSourceExtension,
                SourceRefsExtension,
                UrgencyExtension,
            )
            from reader.page.sanitize import Sanitizer

            links = PackLinksExtension()
            self._refs = SourceRefsExtension()
            md = Markdown(
                # Extension objects, not names: names are looked up through package metadata,
                # which costs about 20 ms (benchmarks/findings.md).
                extensions=[
                    TableExtension(),
                    FootnoteExtension(),
                    AttrListExtension(),
                    DefListExtension(),
                    AdmonitionExtension(),
                    SaneListExtension(),
                    FencedCodeExtension(),
                    TocExtension(toc_depth="2-3", permalink=False),
                    MarkdownInHtmlExtension(),
                    SiteSourceExtension(),
                    links,
                    UrgencyExtension(self.heading_slots),
                    self._refs,
                    CalloutExtension(),
                    PlainTextExtension(),
                ],
                output_format="html",
            )
            self._md = (md, links, Sanitizer())
        return self._md

    def warm_up(self) -> None:
        """Import and build the Markdown converter now (an idle moment after start-up)."""
        from reader.page import guard  # noqa: F401 - imported for its cost, not its names

        self._markdown()

    def markdown(self, article: Article) -> tuple[str, str, int]:
        """Return the body HTML, an "On this page" line of section links, and their number."""
        body = self.render_body(article)
        return body.html, body.toc, body.sections

    def render_body(self, article: Article) -> RenderedBody:
        """Render the body in bounded time; never raise (plain text is the fallback).

        Text the guard left alone and that is short is converted here; anything else in a
        child process that is stopped after :attr:`timeout` seconds.
        """
        body = self._stored(article)
        if body is None:
            if article.body_format == "html":  # a ZIM archive's entry: sanitised, not converted
                body = self._render_html(article)
            else:
                body = self._keep(article, self._render_body(article))
        return self._filled(body)

    def _filled(self, body: RenderedBody) -> RenderedBody:
        """Return ``body`` with its slots filled in with the words of the reader's language."""
        html = body.html
        if _SLOT_OPEN not in html:
            return body
        words = {**self.urgency_headings(), "image": self.text.image}
        for name, word in words.items():
            html = html.replace(slot(name), escape(word))
        return body._replace(html=html)

    def _render_html(self, article: Article) -> RenderedBody:
        """Sanitise an HTML body (:mod:`reader.page.zimpage`); a notice if it cannot be read."""
        from reader.page.zimpage import render_html_body

        self.conversions += 1
        try:
            body = render_html_body(self.pack, article, IMAGE_SLOT)
        except Exception as exc:  # a bug must not take the page down
            logger.warning("showing %s as plain text: %s", article.rel_path, exc)
            failure = f"{exc.__class__.__name__}: {exc}".rstrip(": ")
            return RenderedBody(plain_text_html(article.body), failure=failure)
        error = str(getattr(article, "read_error", ""))
        if error:  # not kept: the next attempt may read it
            note = escape(self.text.unreadable.format(reason=error))
            return RenderedBody(
                '<table class="callout notice" width="100%" cellpadding="12" cellspacing="0">'
                f'<tr><td class="note"><p>{note}</p></td></tr></table>{body}'
            )
        return self._keep(article, RenderedBody(body))

    def _keep(self, article: Article, result: RenderedBody) -> RenderedBody:
        """Remember a freshly rendered body (and write it to the disk cache); return it."""
        if not result.failure:
            self._remember(article, result)
            if self._disk is not None and not result.changes:
                key = self._disk.key(article.slug, _text_of(article))
                self._disk.put(key, result.html, result.toc, result.sections)
        return result

    def _stored(self, article: Article) -> RenderedBody | None:
        """Return the body rendered before, in this session or (with a disk cache) earlier."""
        cached = self._bodies.get(_body_key(article))
        if cached is None and self._disk is not None:
            stored = self._disk.get(self._disk.key(article.slug, _text_of(article)))
            if stored is None and article.body_format == "markdown":
                stored = self._from_shipped(article)
            if stored is not None:
                cached = RenderedBody(*stored)
                self._remember(article, cached)
        return cached

    def _from_shipped(self, article: Article) -> tuple[str, str, int] | None:
        """Return the body a library archive shipped for ``article``, if it can be used."""
        if self._shipped_folder is not None:  # the first time: are they this pack's, ours?
            from reader.page.bodycache import ShippedPages

            self._shipped = ShippedPages.open(self._shipped_folder, self.pack.fingerprint)
            self._shipped_folder = None
        return self._shipped.get(article.slug, article.body) if self._shipped else None

    def body_to_keep(self, article: Article) -> RenderedBody | None:
        """Return the body as it is stored (with its slots), or None if it must not be kept:
        the guard had to change it, or it could not be rendered (for a library archive)."""
        body = self._stored(article)
        if body is None:
            if article.body_format == "html":
                return None  # an archive's entry: sanitised when shown, nothing to ship
            body = self._render_body(article)
            if body.failure or body.changes:
                return None
        return body

    def _remember(self, article: Article, body: RenderedBody) -> None:
        if len(self._bodies) >= BODY_CACHE_SIZE:
            self._bodies.pop(next(iter(self._bodies)))
        self._bodies[_body_key(article)] = body

    def prefetch(self, article: Article) -> bool:
        """Render ``article``'s body ahead of time if that is quick; return True if it is ready.

        For idle moments (the page a reader is likely to open next): text that would need the
        time-limited child process is left for when it is really opened.
        """
        from reader.page.guard import INLINE_LIMIT, guard

        if self._stored(article) is not None:
            return True
        if article.body_format == "html":  # sanitising needs no child process
            self.render_body(article)
            return True
        text = article.body
        guarded = guard(text) if len(text) <= INLINE_LIMIT else None
        if guarded is None or guarded.risky:
            return False
        self._keep(article, self._render_body(article, guarded))
        return True

    def _render_body(self, article: Article, guarded: Guarded | None = None) -> RenderedBody:
        """Render ``article``; ``guarded`` is its text already through the guard, if known."""
        from reader.page import guard

        self.conversions += 1
        changes: tuple[Change, ...] = ()
        try:
            text = article.body
            if guarded is None and len(text) <= guard.INLINE_LIMIT:
                guarded = guard.guard(text)
            if guarded is not None and not guarded.risky:
                body, tokens = self.convert(article, guarded.text)
            else:
                job = _Job.of(self, article)
                body, tokens, changes = guard.run_isolated(_convert_in_child, job, self.timeout)
        except Exception as exc:  # RecursionError, a timeout, a bug in an extension …
            logger.warning("showing %s as plain text: %s", article.rel_path, exc)
            failure = f"{exc.__class__.__name__}: {exc}".rstrip(": ")
            return RenderedBody(plain_text_html(article.body), changes=changes, failure=failure)
        if len(tokens) == 1 and tokens[0].get("level") == 1:  # a lone '# ' heading
            tokens = tokens[0].get("children", [])
        from html import unescape  # Markdown has imported it already

        esc = escape
        toc = " · ".join(
            f'<a href="#{esc(t["id"])}">{esc(unescape(t["name"]))}</a>' for t in tokens
        )
        return RenderedBody(body, toc, len(tokens), changes)

    def convert(self, article: Article, text: str) -> tuple[str, list[dict[str, Any]]]:
        """Convert ``text`` (the guarded body of ``article``) with no guard and no time limit."""
        from reader.page.sanitize import resolve_safely, safe_url

        md, links, sanitizer = self._markdown()
        md.reset()
        assert self._refs is not None
        self._refs.numbers = article.source_numbers
        pack = self.pack
        links.resolver = lambda raw: resolve_safely(pack, article, raw)
        links.missing_image_text = IMAGE_SLOT
        sanitizer.url_filter = lambda raw, image: safe_url(pack, article, raw, image)
        # Cleaned once, after conversion, and not as a Markdown postprocessor: the table of
        # contents runs every postprocessor again on each heading (bundled pack, CPU time to
        # convert all 28 articles, three A/B runs: 228–303 ms before, 213–248 ms after).
        body = sanitizer.clean(md.convert(text), IMAGE_SLOT)
        return body, list(getattr(md, "toc_tokens", []))

    def article_page(
        self,
        article: Article,
        recommendations: Sequence[Recommendation] = (),
        for_print: bool = False,
    ) -> str:
        """Return the whole page for ``article``: header, body, sources and footer.

        ``for_print`` leaves out what only works on screen: the section links, Previous/Next
        and the recommendations.
        """
        t = self.text
        esc = escape
        rendered = self.render_body(article)
        body, toc, sections = rendered.html, rendered.toc, rendered.sections
        parts = [f'<h1 class="title">{esc(article.title)}</h1>']
        for notice, shown in ((t.too_long, article.truncated), (t.not_displayed, rendered.failure)):
            if shown:
                parts.append(
                    '<table class="callout notice" width="100%" cellpadding="12" cellspacing="0">'
                    f'<tr><td class="note"><p>{esc(notice)}</p></td></tr></table>'
                )
        if article.summary:
            parts.append(f'<p class="lede">{esc(article.summary)}</p>')
        parts.append(f'<p class="meta">{esc(self.meta_line(article))}<br/>')
        parts.append(f'<span class="review">{esc(self.review_line(article))}</span></p>')
        if article.reviewed and self._review_due(article.reviewed) <= self._today():
            note = t.stale.format(date=t.format_date(article.reviewed))
            parts.append(
                '<table class="callout stale" width="100%" cellpadding="12" cellspacing="0">'
                f'<tr><td class="note"><p>{esc(note)}</p></td></tr></table>'
            )
        long_enough = self._words(article) >= TOC_MIN_WORDS
        if not for_print and sections >= TOC_MIN_SECTIONS and long_enough:
            parts.append(f'<p class="toc"><b>{esc(t.on_this_page)}:</b> {toc}</p>')
        parts.append(f'<div class="body">{body}</div>')
        if article.sources:
            items = "".join(
                f'<li><a name="source-{n}"></a>{self.source_html(s)}</li>'
                for n, s in enumerate(article.sources, 1)
            )
            parts.append(
                f'<h2 class="sources"><a name="sources"></a>{esc(t.sources)}</h2>'
                f'<ol class="sources">{items}</ol>'
            )
        parts.append(self.notice_html())
        if not for_print:
            parts.append(self._footer(article, recommendations))
        return "\n".join(parts)

    def meta_line(self, article: Article) -> str:
        """Return "category · reading time" for the page header."""
        t = self.text
        minutes = max(1, math.ceil(self._words(article) / WORDS_PER_MINUTE))
        return f"{self.pack.category_name(article.category)} · {t.count_minutes(minutes)}"

    def review_line(self, article: Article) -> str:
        """Return who reviewed the article and when the next review is due, or say that no
        clinician has reviewed it (with the date its text last changed)."""
        t = self.text
        date = t.format_date
        if article.reviewed is None or not article.reviewed_by:
            if article.updated is None:
                return t.not_reviewed
            return f"{t.updated.format(date=date(article.updated))} · {t.not_reviewed}"
        done = t.reviewed_by.format(date=date(article.reviewed), name=article.reviewed_by)
        due = self._review_due(article.reviewed)
        today = self._today()
        if due > today:
            nxt = t.next_review.format(date=date(due))
        elif due == today:
            nxt = t.review_due_today
        else:
            nxt = t.review_overdue.format(date=date(due))
        return f"{done} · {nxt}"

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    def _review_due(self, reviewed: dt.date) -> dt.date:
        return next_review_due(reviewed, self.pack.review_every_months)

    def source_html(self, source: Source) -> str:
        """Return one entry of the numbered "Sources" list: title, publisher, dates, address."""
        t = self.text
        esc = escape
        bits = [esc(source.title)]
        if source.publisher and source.publisher != source.title:
            bits.append(esc(source.publisher))
        for label, day in ((t.published, source.published), (t.accessed, source.accessed)):
            if day:
                bits.append(esc(label.format(date=self._day_text(day))))
        text = ". ".join(bit.rstrip(".") for bit in bits) + "."
        if source.url:
            url = esc(source.url)
            text += f' <a class="external" href="{url}">{url}</a>'
        return text

    def _day_text(self, value: str) -> str:
        """Return an ISO date as the reader's long date; other text (a year) as written."""
        try:
            return self.text.format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value

    def notice_html(self) -> str:
        """Return the notice at the foot of every article, and where to report a problem."""
        esc = escape
        html = f'<p class="page-notice">{esc(self.notice_line())}'
        if self.pack.contact:
            report = self.text.report_problem.format(contact=self.pack.contact)
            html += f'<br/><span class="report">{esc(report)}</span>'
        return html + "</p>"

    def _words(self, article: Article) -> int:
        language = language_of(self.pack, article)
        if article.body_format != "html":
            return reading_words(article, language)
        # An archive's entry: its words are counted in the page as it is shown, so that a page
        # found in the body cache is not read from the archive again only to be counted.
        words = self._entry_words.get(article.slug)
        if words is None:
            from reader.library.zim import html_to_text

            text = html_to_text(self.render_body(article).html)
            words = reading_words(article, language, text)
            if len(self._entry_words) >= BODY_CACHE_SIZE:
                self._entry_words.pop(next(iter(self._entry_words)))
            self._entry_words[article.slug] = words
        return words

    def _footer(self, article: Article, recommendations: Sequence[Recommendation]) -> str:
        t = self.text
        esc = escape
        prev, nxt = self.pack.neighbours(article.slug)
        left = (
            f'<a href="{esc(article_href(prev.slug))}">'
            f"{esc(t.previous.format(title=prev.title))}</a>"
            if prev
            else ""
        )
        right = (
            f'<a href="{esc(article_href(nxt.slug))}">{esc(t.next.format(title=nxt.title))}</a>'
            if nxt
            else ""
        )
        parts = [
            '<hr/><table class="prevnext" width="100%" cellspacing="0" cellpadding="6"><tr>'
            f'<td class="prev" align="left" width="50%">{left}</td>'
            f'<td class="next" align="right" width="50%">{right}</td></tr></table>'
        ]
        if recommendations:
            parts.append(f'<h2 class="recommended">{esc(t.recommended)}</h2>')
            parts.append(self.teaser_list(recommendations, "recommended"))
        return "\n".join(parts)

    def teaser_list(self, items: Sequence[Recommendation], css_class: str) -> str:
        """Return a list of linked titles with their teasers (and reasons, when given)."""
        esc = escape
        rows = []
        for item in items:
            teaser = f'<br/><span class="teaser">{esc(item.summary)}</span>' if item.summary else ""
            reason = f'<br/><span class="reason">{esc(item.reason)}</span>' if item.reason else ""
            rows.append(
                f'<li><a href="{esc(article_href(item.slug))}"><b>{esc(item.title)}</b></a>'
                f"{teaser}{reason}</li>"
            )
        return f'<ul class="{css_class}">{"".join(rows)}</ul>'

    def home_page(
        self,
        extra_sections: Sequence[tuple[str, Sequence[Recommendation]]] = (),
        a_to_z: bool = False,
        search_words: Sequence[str] = (),
    ) -> str:
        """Return the pack's home page: title, description, disclaimer, topics, featured.

        ``search_words`` are links that search for them: a kiosk offers them so that nobody
        has to type (Chinese, say) on a touch screen.
        """
        t = self.text
        esc = escape
        pack = self.pack
        parts = [f'<h1 class="title">{esc(pack.title)}</h1>']
        if pack.description:
            parts.append(f'<p class="lede">{esc(pack.description)}</p>')
        disclaimer = (
            '<table class="callout disclaimer" width="100%" cellpadding="12" cellspacing="0">'
            f'<tr><td class="disclaimer"><p class="admonition-title">{esc(t.important)}</p>'
            f"<p>{esc(pack.disclaimer)}</p></td></tr></table>"
            if pack.disclaimer
            else ""
        )
        if not self.touch:
            parts.append(disclaimer)
        for heading, items in extra_sections:
            if items:
                parts.append(f"<h2>{esc(heading)}</h2>{self.teaser_list(items, 'teasers')}")
        featured = [a for s in pack.featured if (a := pack.get(s)) is not None]
        if featured:
            parts.append(f"<h2>{esc(t.start_here)}</h2>")
            if self.touch:
                parts.append(self._featured_tiles(featured, min(2, self.tile_columns)))
            else:
                parts.append(self.teaser_list([teaser(a) for a in featured], "teasers"))
        if search_words:
            links = " · ".join(
                f'<a href="{SEARCH_SCHEME}:{esc(quote(word))}">{esc(word)}</a>'
                for word in search_words
            )
            parts.append(f'<h2>{esc(t.common_searches)}</h2><p class="searches">{links}</p>')
        parts.append(f"<h2>{esc(t.browse)}</h2>")
        parts.append(self._category_tiles(self.tile_columns))
        if self.touch:
            parts.append(disclaimer)
        parts.append(self._recent())
        if a_to_z:
            parts.append(self._a_to_z())
        return "\n".join(parts)

    def _recent(self) -> str:
        """ "Recently reviewed" when the pack has reviews, else "Recently updated"."""
        t = self.text
        pack = self.pack
        if pack.has_reviews():
            heading, label = t.recently_reviewed, t.reviewed
            items = [(a, a.reviewed) for a in pack.recently_reviewed(5)]
        else:
            heading, label = t.recently_updated, t.updated
            items = [(a, a.updated) for a in pack.recently_updated(5)]
        teasers = [teaser(a, label.format(date=t.format_date(day))) for a, day in items if day]
        if not teasers:
            return ""
        return f"<h2>{escape(heading)}</h2>{self.teaser_list(teasers, 'teasers')}"

    def _a_to_z(self) -> str:
        """Every title in alphabetical order under its first letter, for browsing by touch."""
        esc = escape
        groups: dict[str, list[tuple[str, str]]] = {}
        entries = zip(self.pack.column("title"), self.pack.column("slug"), strict=True)
        by_title = sorted(entries, key=lambda e: e[0].casefold())
        cjk = cjk_characters()
        for title, slug in by_title:
            letter = title[:1].upper()
            # Chinese has no letters to group by: its titles make one list, with no heading.
            key = "" if cjk.match(letter) else letter if letter.isalpha() else "#"
            groups.setdefault(key, []).append((title, slug))
        rows = [f'<h2 class="a-to-z">{esc(self.text.a_to_z)}</h2>']
        for letter, group in groups.items():
            links = "<br/>".join(
                f'<a href="{esc(article_href(slug))}">{esc(title)}</a>' for title, slug in group
            )
            heading = f"<b>{esc(letter)}</b><br/>" if letter else ""
            rows.append(f'<p class="letter">{heading}{links}</p>')
        return "".join(rows)

    def _featured_tiles(self, articles: Sequence[Article], columns: int) -> str:
        """The featured articles as large tiles: the title to touch, the summary under it."""
        esc = escape
        cells = [
            f'<td class="tile" valign="top" width="{100 // columns}%">'
            f'<a href="{esc(article_href(a.slug))}"><b>{esc(a.title)}</b></a>'
            + (f'<br/><span class="teaser">{esc(a.summary)}</span>' if a.summary else "")
            + "</td>"
            for a in articles
        ]
        return _tile_table(cells, columns, "tiles start")

    def _category_tiles(self, columns: int) -> str:
        t = self.text
        esc = escape
        cells = []
        for category in self.pack.categories:
            count = len(self.pack.category_members(category.id))
            if not count:
                continue
            label = t.count_articles(count)
            cells.append(
                f'<td class="tile" width="{100 // columns}%">'
                f'<a href="{CATEGORY_SCHEME}:{esc(category.id)}"><b>{esc(category.name)}</b></a>'
                f'<br/><span class="count">{esc(label)}</span></td>'
            )
        return _tile_table(cells, columns, "tiles")


def _tile_table(cells: list[str], columns: int, css_class: str) -> str:
    """Return ``cells`` as a table of ``columns`` tiles a row (touch targets on a kiosk)."""
    rows = [
        "<tr>" + "".join(cells[i : i + columns]) + "</tr>" for i in range(0, len(cells), columns)
    ]
    return (
        f'<table class="{css_class}" width="100%" cellspacing="8" cellpadding="14">'
        + "".join(rows)
        + "</table>"
    )


#: What an archive entry's body is keyed by instead of its text (no Markdown body holds a NUL).
ENTRY_TEXT = "\0"


def _text_of(article: Article) -> str:
    """Return the text a rendered body is keyed by: a Markdown body itself; for an entry of a
    ZIM archive, which cannot change while its pack's fingerprint stays the same (the
    archive's UUID, size and modification time), :data:`ENTRY_TEXT`, so that finding its page
    does not read and decompress the entry."""
    return article.body if article.body_format == "markdown" else ENTRY_TEXT


def _body_key(article: Article) -> tuple[str, int, int]:
    text = _text_of(article)
    return article.slug, len(text), hash(text)


def plain_text_html(text: str) -> str:
    """Return ``text`` as escaped paragraphs: the fallback when Markdown cannot be used.

    Long lines are broken and paragraphs kept short: Qt needs minutes to lay out one
    two-megabyte line with no place to break it.
    """
    blocks: list[str] = []
    for paragraph in _BLANK_LINES.split(text):
        lines: list[str] = []
        for line in paragraph.strip("\n").split("\n"):
            while len(line) > PLAIN_LINE_CHARS:
                cut = (
                    line.rfind(" ", PLAIN_LINE_CHARS // 2, PLAIN_LINE_CHARS) + 1 or PLAIN_LINE_CHARS
                )
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
        for start in range(0, len(lines), PLAIN_BLOCK_LINES):
            chunk = "\n".join(lines[start : start + PLAIN_BLOCK_LINES])
            if chunk.strip():
                blocks.append(escape(chunk).replace("\n", "<br/>"))
    return "".join(f'<p class="plain">{block}</p>' for block in blocks)


PLAIN_LINE_CHARS = 1_000
PLAIN_BLOCK_LINES = 20
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


class _Job(NamedTuple):
    """What a child process needs to render one article: the body and the pack's layout."""

    layout: PackLayout
    slug: str
    rel_path: str
    body: str
    source_ids: tuple[str, ...]  # of the article's sources, in order ("" for one without)

    @classmethod
    def of(cls, renderer: Renderer, article: Article) -> _Job:
        from reader.page.ahead import PackLayout

        return cls(
            PackLayout.of(renderer.pack),
            article.slug,
            article.rel_path,
            article.body,
            tuple(source.id for source in article.sources),
        )


def _convert_in_child(job: _Job) -> tuple[str, list[dict[str, Any]], tuple[Change, ...]]:
    """Guard and convert in a child process (see :func:`reader.page.guard.run_isolated`)."""
    from reader.page.guard import guard

    pack = job.layout.pack()
    root = pack.root
    article = Article(job.slug, job.slug, root / job.rel_path, job.rel_path, job.body)
    article.sources = tuple(Source(i, id=i) for i in job.source_ids)
    guarded = guard(job.body)
    renderer = Renderer(pack)  # the words of the reader's language are slots (see slot())
    body, tokens = renderer.convert(article, guarded.text)
    return body, tokens, guarded.changes
