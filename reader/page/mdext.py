"""Python-Markdown extensions for articles in a pack.

``PackLinksExtension`` rewrites links and images through :mod:`reader.page.links` so that
article links open inside the app and images load only from the pack; a missing or refused
image becomes its alt text. It also makes ``<name@example.org>`` a plain ``mailto:`` link and
``<tel:…>`` / ``<mailto:…>`` links, which Python-Markdown leaves to its raw-HTML pattern (and
the sanitizer would then delete). ``CalloutExtension`` turns admonitions into one-cell tables,
the only boxed block that Qt's rich text can draw with padding and a background.
``UrgencyExtension`` gives the ``emergency``, ``urgent`` and ``routine`` call-outs their
fixed heading and icon; ``SourceRefsExtension`` turns ``[^id]`` into a numbered link to the
article's source with that id.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import AUTOMAIL_RE, InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from reader.library.fences import outside_code
from reader.library.templates import strip_template_tags
from reader.page.links import EXTERNAL_SCHEMES, Kind, Target

Resolve = Callable[[str], Target]


class PackLinksProcessor(Treeprocessor):
    """Rewrite ``a/@href`` and ``img/@src`` to internal URLs, or neutralise them."""

    def __init__(self, md: Markdown, ext: PackLinksExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: ET.Element) -> None:
        resolve = self.ext.resolver
        if resolve is None:
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter("a")):
            href = element.get("href")
            if href is None:
                continue
            target = resolve(href)
            if target.kind in (Kind.BROKEN, Kind.REFUSED):
                element.tag = "span"
                element.attrib.clear()
                element.set("class", "broken-link")
                element.set("title", target.value)
            else:
                element.set("href", target.href())
                if target.kind is Kind.EXTERNAL:
                    element.set("class", "external")
        for element in list(root.iter("img")):
            target = resolve(element.get("src", ""))
            if target.kind is Kind.FILE:
                element.set("src", target.href())
                _mark_figure(parents.get(element))
                continue
            alt = element.get("alt", "") or self.ext.missing_image_text
            parent = parents.get(element)
            replacement = ET.Element("span", {"class": "missing-image"})
            replacement.text = f"[{alt}]"
            replacement.tail = element.tail
            if parent is not None:
                index = list(parent).index(element)
                parent.remove(element)
                parent.insert(index, replacement)


def _mark_figure(paragraph: ET.Element | None) -> None:
    """Give a paragraph that holds only a picture the class ``figure``.

    Body paragraphs have 150 % line height, and Qt may apply it to a line that is a picture:
    on an X11 display a 350-pixel picture had a band of blank page below it. The article
    style sheet gives ``p.figure`` 100 %.
    """
    if (
        paragraph is not None
        and paragraph.tag == "p"
        and len(paragraph) == 1
        and not (paragraph.text or "").strip()
        and not (paragraph[0].tail or "").strip()
    ):
        paragraph.set("class", "figure")


class MailtoInlineProcessor(InlineProcessor):
    """Make ``<name@example.org>`` a ``mailto:`` link with a plain address.

    Python-Markdown writes the address as character references to hide it from web spiders;
    in an offline reader they only break the link.
    """

    def handleMatch(  # type: ignore[override]  # noqa: N802 - stubs: Pattern.handleMatch
        self, m: re.Match[str], data: str
    ) -> tuple[ET.Element, int, int]:
        address = self.unescape(m.group(1)).removeprefix("mailto:")
        element = ET.Element("a", {"href": f"mailto:{address}"})
        element.text = AtomicString(address)
        return element, m.start(0), m.end(0)


#: ``<tel:+15550100>``: an autolink of a scheme the reader hands to the system (not ``//``).
SCHEME_AUTOLINK_RE = r"<((?:{})):([^\s<>]+)>".format(
    "|".join(sorted(s for s in EXTERNAL_SCHEMES if s not in {"http", "https"}))
)


class SchemeAutolinkInlineProcessor(InlineProcessor):
    """Make ``<tel:…>`` and ``<mailto:…>`` links."""

    def handleMatch(  # type: ignore[override]  # noqa: N802 - stubs: Pattern.handleMatch
        self, m: re.Match[str], data: str
    ) -> tuple[ET.Element, int, int]:
        address = self.unescape(m.group(0)[1:-1])
        element = ET.Element("a", {"href": address})
        element.text = AtomicString(address.partition(":")[2])
        return element, m.start(0), m.end(0)


class PackLinksExtension(Extension):
    """Route article links and images through a resolver set before each conversion."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.resolver: Resolve | None = None
        self.missing_image_text = "image"

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown API name
        md.treeprocessors.register(PackLinksProcessor(md, self), "pack_links", 4)
        # Same name and priority as Python-Markdown's own, which it replaces.
        md.inlinePatterns.register(MailtoInlineProcessor(AUTOMAIL_RE, md), "automail", 110)
        md.inlinePatterns.register(
            SchemeAutolinkInlineProcessor(SCHEME_AUTOLINK_RE, md), "scheme_autolink", 115
        )


class CalloutProcessor(Treeprocessor):
    """Turn ``div.admonition`` into ``table.callout`` and anchor every heading by name."""

    def run(self, root: ET.Element) -> None:
        for div in list(root.iter("div")):
            classes = div.get("class", "").split()
            if "admonition" not in classes:
                continue
            kind = next((c for c in classes if c != "admonition"), "note")
            children = list(div)
            text = div.text
            div.clear()
            div.tag = "table"
            div.set("class", f"callout {kind}")
            div.set("width", "100%")
            div.set("cellpadding", "12")
            div.set("cellspacing", "0")
            row = ET.SubElement(div, "tr")
            cell = ET.SubElement(row, "td")
            cell.set("class", kind)
            cell.text = text
            cell.extend(children)
        for element in root.iter():
            if element.tag in {"h1", "h2", "h3", "h4"} and element.get("id"):
                anchor = ET.Element("a", {"name": element.get("id", "")})
                anchor.tail = element.text
                element.text = None
                element.insert(0, anchor)


class CalloutExtension(Extension):
    """Register :class:`CalloutProcessor` after the table of contents has set heading ids."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown API name
        md.treeprocessors.register(CalloutProcessor(md), "callouts", 1)


#: The urgency call-outs, most urgent first, and the symbol shown before each heading. The
#: heading's words carry the meaning; the symbol and the colour only repeat it.
URGENCY_KINDS: dict[str, str] = {"emergency": "☎", "urgent": "◷", "routine": "⚕"}


class UrgencyProcessor(Treeprocessor):
    """Give ``div.admonition.emergency`` (``urgent``, ``routine``) its fixed heading and icon.

    Whatever title the author wrote is replaced: one wording everywhere, translated with the
    rest of the page.
    """

    def __init__(self, md: Markdown, ext: UrgencyExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: ET.Element) -> None:
        for div in root.iter("div"):
            classes = div.get("class", "").split()
            kind = next((c for c in classes if c in URGENCY_KINDS), None)
            if "admonition" not in classes or kind is None:
                continue
            title = next(
                (p for p in div if p.tag == "p" and "admonition-title" in p.get("class", "")),
                None,
            )
            if title is None:  # written with an empty title ("")
                title = ET.Element("p", {"class": "admonition-title"})
                div.insert(0, title)
            title.clear()
            title.set("class", "admonition-title")
            icon = ET.SubElement(title, "span", {"class": "callout-icon"})
            icon.text = URGENCY_KINDS[kind]
            icon.tail = " " + self.ext.headings.get(kind, kind.capitalize())


class UrgencyExtension(Extension):
    """Register :class:`UrgencyProcessor`; ``headings`` maps each kind to its heading text."""

    def __init__(self, headings: Mapping[str, str] | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.headings: Mapping[str, str] = headings or {}

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown API name
        # After the admonition block has been built, before callouts become tables (1).
        md.treeprocessors.register(UrgencyProcessor(md, self), "urgency", 2)


class SourceRefProcessor(InlineProcessor):
    """``[^id]`` naming one of the article's sources: a superscript ``[n]`` linking to it."""

    def __init__(self, ext: SourceRefsExtension) -> None:
        super().__init__(r"\[\^([^\]\s]+)\]")
        self.ext = ext

    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown API name
        self, m: re.Match[str], data: str
    ) -> tuple[ET.Element | None, int | None, int | None]:
        number = self.ext.numbers.get(m.group(1))
        if number is None:  # not a source: a footnote, or text
            return None, None, None
        sup = ET.Element("sup", {"class": "source-ref"})
        link = ET.SubElement(sup, "a", {"href": f"#source-{number}"})
        link.text = f"[{number}]"
        return sup, m.start(0), m.end(0)


class SourceRefsExtension(Extension):
    """Link ``[^id]`` to the numbered source with that id; ``numbers`` is set per article."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.numbers: Mapping[str, int] = {}

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown API name
        # Before the footnotes extension's own pattern (175): a source id wins.
        md.inlinePatterns.register(SourceRefProcessor(self), "source_ref", 176)


class TemplateTagsPreprocessor(Preprocessor):
    """Remove ``{% … %}`` and ``{{ … }}`` (see :mod:`reader.library.templates`)."""

    def run(self, lines: list[str]) -> list[str]:
        return strip_template_tags("\n".join(lines)).split("\n")


#: Block elements whose content is Markdown unless they say ``markdown="0"``: what a site's
#: generator renders, and what ``md_in_html`` renders once they carry ``markdown="1"``.
MARKDOWN_BLOCKS = (
    "article|aside|blockquote|center|dd|details|div|dt|figcaption|figure|footer|header|"
    "h[1-6]|li|main|nav|p|section|summary|td|th"
)
_BLOCK_OPENER = re.compile(rf"<({MARKDOWN_BLOCKS})(\s[^<>]*)?(/?)>", re.IGNORECASE)
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown\s*=", re.IGNORECASE)


class MarkdownInHtmlPreprocessor(Preprocessor):
    """Mark HTML blocks ``markdown="1"`` so the Markdown inside them is rendered.

    Sites write ``<div class="note">`` around ``### Headings`` and ``**bold**`` and let their
    generator render it; Python-Markdown shows it raw unless the block says ``markdown="1"``.
    Lines of code (fenced, or indented four spaces) are left alone.
    """

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for line, plain in outside_code(lines):
            if plain and "<" in line and not line.startswith(("    ", "\t")):
                line = _BLOCK_OPENER.sub(_mark, line)
            out.append(line)
        return out


def _mark(match: re.Match[str]) -> str:
    attributes = match.group(2) or ""
    if match.group(3) or _MARKDOWN_ATTRIBUTE.search(attributes):
        return match.group(0)
    return f'<{match.group(1)}{attributes} markdown="1">'


class SiteSourceExtension(Extension):
    """Read Markdown as static sites write it: no template tags, Markdown inside HTML.

    Needs Python-Markdown's ``md_in_html`` extension for the ``markdown="1"`` it adds.
    """

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown API name
        # Before normalize_whitespace (30) and the HTML block parser (20).
        md.preprocessors.register(TemplateTagsPreprocessor(md), "template_tags", 40)
        md.preprocessors.register(MarkdownInHtmlPreprocessor(md), "markdown_in_html", 35)


#: The inline patterns Python-Markdown and our extensions register, and what each needs to
#: find in a text before it can match: ``` ` ``` (code), ``\`` (escapes), ``[`` (links, images,
#: footnotes, sources), ``<`` (raw HTML, autolinks), ``&`` (entities), ``*`` and ``_``
#: (emphasis), two spaces before a line end (a line break), and the stash's markers.
KNOWN_INLINE_PATTERNS = frozenset(
    {
        "backtick", "escape", "footnote", "reference", "link", "image_link", "image_reference",
        "short_reference", "short_image_ref", "autolink", "linebreak", "html", "entity",
        "em_strong", "em_strong2", "not_strong", "automail", "scheme_autolink", "source_ref",
    }
)  # fmt: skip
_INLINE_MARKUP = re.compile(r"[`\\\[<&*_\x02\x03]|  \n")


class PlainTextProcessor(Treeprocessor):
    """Mark text that holds no inline markup as final (``AtomicString``), so the inline
    processor does not try each of its patterns on it in turn.

    It only acts while every registered inline pattern is one of :data:`KNOWN_INLINE_PATTERNS`:
    a pattern it does not know might match other characters. Measured (CPU time a conversion,
    median, four A/B runs): synthetic articles 2.9–3.1 → 1.9–2.0 ms; bundled articles, which
    have more markup, gain less than the machine's noise showed. The HTML is the same for
    every bundled and synthetic article and the 655 CommonMark examples.
    """

    def run(self, root: ET.Element) -> None:
        patterns = self.md.inlinePatterns
        if sum(name in patterns for name in KNOWN_INLINE_PATTERNS) != len(patterns):
            return  # a pattern it does not know is registered
        markup = _INLINE_MARKUP.search
        for element in root.iter():
            text = element.text
            if text and not isinstance(text, AtomicString) and not markup(text):
                element.text = AtomicString(text)
            tail = element.tail
            if tail and not isinstance(tail, AtomicString) and not markup(tail):
                element.tail = AtomicString(tail)


class PlainTextExtension(Extension):
    """Register :class:`PlainTextProcessor` just before the inline processor (20)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown API name
        md.treeprocessors.register(PlainTextProcessor(md), "plain_text", 21)
