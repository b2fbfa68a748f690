"""Packs in several languages: which articles a reader of one language sees, and translations.

An article names its language (``language: zh-CN``, BCP 47; default: the pack's) and, when it
is a translation, the slug of its original (``translation_of``). ``pack.toml`` may carry
``[translations.<language>]`` tables with the pack's title, description, disclaimer, featured
articles and category names in that language (docs/content-format.md). The reader shows one
language at a time: :func:`language_view` is the pack as a reader of one language sees it.
Qt-free.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from typing import Any

from reader.library.pack import PACK_FILE, Article, Category, Pack, Problem

__all__ = [
    "CJK_LANGUAGES",
    "INTERFACE_LANGUAGES",
    "NATIVE_NAMES",
    "check_translations",
    "common_tags",
    "is_cjk",
    "language_of",
    "language_view",
    "library_language",
    "pack_languages",
    "primary",
    "read_translations",
    "same_language",
    "translation_in",
]

#: Qt locale names of the interface languages, English (the source text) first. Here, in the
#: Qt-free core, so that a kiosk's configuration is checked without Qt (reader.gui.language
#: installs them).
INTERFACE_LANGUAGES = ("en", "zh_CN", "es")
#: Each language's name in itself, for the language menu ("English", "中文", "Español").
NATIVE_NAMES = {
    "en": "English",
    "zh": "中文",
    "es": "Español",
    "ar": "العربية",
    "ur": "اردو",
    "fr": "Français",
    "ja": "日本語",
    "ko": "한국어",
}
#: Languages written without spaces between words (reading time by characters, search by
#: parts of words).
CJK_LANGUAGES = ("zh", "ja", "ko")
#: Kana, CJK ideographs and hangul: the characters of Chinese, Japanese and Korean text.
_CJK_CHARACTERS = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"


@functools.cache
def cjk_characters() -> re.Pattern[str]:
    """Return the pattern of one Chinese, Japanese or Korean character, compiled on first use:
    compiling its wide ranges takes ~6 ms, which a start on an English page need not pay."""
    return re.compile(_CJK_CHARACTERS)


_TRANSLATION_KEYS = {"title", "description", "disclaimer", "featured", "categories"}


def primary(code: str) -> str:
    """Return the primary language subtag: ``zh`` for ``zh-CN``, ``zh_CN`` or ``ZH``."""
    return code.replace("_", "-").split("-", 1)[0].strip().lower()


def same_language(a: str, b: str) -> bool:
    """Return True if two codes name the same language (``zh-CN``, ``zh_CN`` and ``zh``).

    Only the primary subtag is compared: a pack in both ``zh-Hans`` and ``zh-Hant`` would need
    more, and none exists yet.
    """
    return primary(a) == primary(b)


def is_cjk(code: str) -> bool:
    """Return True for Chinese, Japanese and Korean."""
    return primary(code) in CJK_LANGUAGES


def language_of(pack: Pack, article: Article) -> str:
    """Return the article's language, or the pack's when it names none."""
    return article.language or pack.language


def pack_languages(pack: Pack) -> list[str]:
    """Return the primary codes of the languages the pack's articles are in, the pack's first."""
    found = [primary(pack.language)]
    # The distinct codes first (a C-level pass): a pack has few languages and many articles
    # (10,000 articles: 100 ms at start-up when every code went through primary()).
    for code in dict.fromkeys(pack.column("language")):
        if code and (p := primary(code)) not in found:
            found.append(p)
    return found


def library_language(pack: Pack, wanted: str) -> str:
    """Return the language a reader who wants ``wanted`` reads: it, if the pack has articles
    in it, else the pack's own language."""
    return primary(wanted) if primary(wanted) in pack_languages(pack) else primary(pack.language)


def language_view(pack: Pack, code: str) -> Pack:
    """Return ``pack`` as a reader of ``code`` sees it: only articles in that language, with
    the title, texts and category names of ``[translations.<code>]``.

    A pack in one language is returned as it is (nothing to hide, nothing built). Otherwise the
    articles of that language are copied into a new pack, so the positions of the whole pack's
    articles stay as they were; the hidden ones are still in ``pack``.
    """
    if len(pack_languages(pack)) == 1:
        return pack
    code = library_language(pack, code)
    # Only the articles of that language are built (a pack from its catalog builds on demand).
    own = primary(pack.language)
    positions = [
        i for i, lang in enumerate(pack.column("language")) if primary(lang or own) == code
    ]
    articles = [copy.copy(pack.articles[i]) for i in positions]
    text = _translation_table(pack, code)
    names = text.get("categories", {})
    view = Pack(
        root=pack.root,
        title=text.get("title", pack.title),
        language=code if code != primary(pack.language) else pack.language,
        description=text.get("description", pack.description),
        disclaimer=text.get("disclaimer", pack.disclaimer),
        featured=tuple(text.get("featured", pack.featured)),
        review_every_months=pack.review_every_months,
        categories=[Category(c.id, names.get(c.id, c.name)) for c in pack.categories],
        articles=articles,
        problems=pack.problems,
        fingerprint=pack.fingerprint,
        emergency_number=pack.emergency_number,
        contact=pack.contact,
        redirects=pack.redirects,
        translations=pack.translations,
    )
    view.hidden = pack.hidden
    view.featured = tuple(s for s in view.featured if s in {a.slug for a in articles})
    view.reindex()
    return view


def _translation_table(pack: Pack, code: str) -> dict[str, Any]:
    for key, table in pack.translations.items():
        if primary(key) == primary(code):
            return table
    return {}


def translation_in(pack: Pack, slug: str, code: str) -> str | None:
    """Return the slug of the version of ``slug`` in language ``code`` (its original, or a
    translation of the same original), or None if the pack has none."""
    article = pack.get(slug)
    if article is None:
        return None
    original = article.translation_of or slug
    family = [original, *(s for s, of in _translations(pack) if of == original)]
    for candidate in family:
        other = pack.get(candidate)
        if other is not None and primary(language_of(pack, other)) == primary(code):
            return candidate
    return None


def _translations(pack: Pack) -> list[tuple[str, str]]:
    """(slug, translation_of) of every translation in the pack."""
    return [
        (slug, of)
        for slug, of in zip(pack.column("slug"), pack.column("translation_of"), strict=True)
        if of
    ]


def check_translations(pack: Pack) -> list[Problem]:
    """Return a problem for each translation whose original does not exist, is itself a
    translation or is in the same language, and for each translation older than its original's
    last change (``updated``, else ``reviewed``)."""
    problems: list[Problem] = []
    for slug, of in _translations(pack):
        article = pack.get(slug)
        assert article is not None
        line = article.key_lines.get("translation_of", 1)
        original = pack.get(of)
        if original is None:
            problems.append(
                Problem(article.rel_path, line, f"'translation_of' names unknown article '{of}'")
            )
            continue
        if original.translation_of:
            problems.append(
                Problem(
                    article.rel_path,
                    line,
                    f"'translation_of' names '{of}', which is itself a translation; "
                    f"name its original '{original.translation_of}'",
                )
            )
        if same_language(language_of(pack, article), language_of(pack, original)):
            problems.append(
                Problem(
                    article.rel_path,
                    article.key_lines.get("language", line),
                    f"a translation of '{of}' in the same language; set 'language'",
                )
            )
        changed = _last_change(original)
        translated = _last_change(article)
        if changed and (translated is None or translated < changed):
            problems.append(
                Problem(
                    article.rel_path,
                    article.key_lines.get("updated", line),
                    f"translation is older than its original '{of}' (updated {changed}); "
                    "update the translation and its 'updated' date",
                    "warning",
                )
            )
    return problems


def _last_change(article: Article) -> dt.date | None:
    return article.updated or article.reviewed


def common_tags(pack: Pack, count: int) -> list[str]:
    """Return the ``count`` tags most articles carry (then alphabetically), as written."""
    seen: dict[str, tuple[int, str]] = {}
    for tags in pack.column("tags"):
        for tag in tags:
            key = tag.casefold()
            n, shown = seen.get(key, (0, tag))
            seen[key] = (n + 1, shown)
    ranked = sorted(seen.values(), key=lambda item: (-item[0], item[1].casefold()))
    return [shown for _, shown in ranked[:count]]


def read_translations(value: Any, problems: list[Problem]) -> dict[str, dict[str, Any]]:
    """Return the valid ``[translations.<language>]`` tables of pack.toml; report the rest."""
    if not isinstance(value, dict):
        problems.append(Problem(PACK_FILE, None, "'translations' should be a table", "warning"))
        return {}
    tables: dict[str, dict[str, Any]] = {}
    for code, table in value.items():
        where = f"[translations.{code}]"
        if not isinstance(table, dict):
            problems.append(Problem(PACK_FILE, None, f"{where} should be a table", "warning"))
            continue
        kept: dict[str, Any] = {}
        for key, item in table.items():
            ok = (
                isinstance(item, str)
                if key in {"title", "description", "disclaimer"}
                else isinstance(item, list) and all(isinstance(s, str) for s in item)
                if key == "featured"
                else isinstance(item, dict) and all(isinstance(s, str) for s in item.values())
                if key == "categories"
                else False
            )
            if ok:
                kept[key] = item.strip() if isinstance(item, str) else item
            else:
                known = ", ".join(sorted(_TRANSLATION_KEYS))
                problems.append(
                    Problem(
                        PACK_FILE,
                        None,
                        f"{where}: '{key}' ignored (known keys: {known}; "
                        "featured is a list of slugs, categories a table of id = name)",
                        "warning",
                    )
                )
        tables[str(code)] = kept
    return tables
