"""ZIM archives as packs: metadata, the title-ordered articles, redirects, layouts, bad files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.library.zim import (
    ALL_ARTICLES,
    CLUSTER_CACHE_BYTES,
    GROUP_BY_LETTER_OVER,
    ZimError,
    ZimPack,
    html_to_text,
    is_zim,
    open_zim,
)
from reader.page.render import Renderer
from tests.zimfiles import CORNER_CASES, POOR, WIKIBOOKS, WIKIPEDIA, ZIM_DATA, png, write_zim

#: The deliberately broken archives of the openzim test suite, and the embedded copies.
BAD = sorted(p.name for p in ZIM_DATA.iterdir() if "invalid" in p.name or "embedded" in p.name)
GOOD = sorted(p.name for p in ZIM_DATA.glob("*.zim") if "invalid" not in p.name)


@pytest.fixture(scope="module")
def wikipedia() -> ZimPack:
    return open_zim(WIKIPEDIA)


def test_metadata_becomes_the_packs_title_description_and_language(wikipedia: ZimPack) -> None:
    assert wikipedia.title == "Ray Charles"
    assert wikipedia.language == "en"  # "eng" in the archive
    assert wikipedia.description.startswith("Wikipedia articles about Ray Charles")
    assert "Wikipedia · Kiwix · 2020-03-31" in wikipedia.description
    assert wikipedia.uuid in wikipedia.fingerprint


def test_the_main_page_is_the_home_article(wikipedia: ZimPack) -> None:
    assert wikipedia.home_article == "A/index"
    assert wikipedia.get("A/index") is not None


def test_an_archive_without_a_main_page_starts_on_the_generated_home() -> None:
    pack = open_zim(POOR)
    assert pack.home_article == ""
    assert pack.title == "poor"  # no Title: the file name
    assert "N/A" not in pack.description  # placeholders are not metadata
    assert "<h1" in Renderer(pack).home_page()


def test_articles_are_the_html_entries_in_title_order(wikipedia: ZimPack) -> None:
    titles = [wikipedia.articles[i].title for i in range(len(wikipedia.articles))]
    assert len(titles) == 129  # the archive's article count: no images, scripts, redirects
    assert titles == sorted(titles)
    assert wikipedia.categories[0].id == ALL_ARTICLES  # a small archive is one list


def test_the_new_layout_uses_the_archives_title_list() -> None:
    pack = open_zim(CORNER_CASES)
    assert [pack.articles[i].slug for i in range(len(pack.articles))] == ["c#.html", "empty.html"]


def test_a_redirect_resolves_to_its_target(wikipedia: ZimPack) -> None:
    article = wikipedia.get("A/Charles,_Ray")
    assert article is not None
    assert article.slug == "A/Ray_Charles"
    assert wikipedia.articles[article.index].slug == "A/Ray_Charles"


def test_awkward_paths_are_found_as_written_and_percent_encoded() -> None:
    pack = open_zim(CORNER_CASES)
    for slug in ("c#.html", "c%23.html", "c#", "c_sharp.html"):
        article = pack.get(slug)
        assert article is not None and article.slug == "c#.html", slug


def test_a_path_without_its_namespace_finds_the_article_in_an_old_archive(
    wikipedia: ZimPack,
) -> None:
    article = wikipedia.get("Ray_Charles")  # e.g. --article Ray_Charles
    assert article is not None and article.slug == "A/Ray_Charles"


def test_a_slug_asked_for_again_is_not_looked_up_again(monkeypatch: pytest.MonkeyPatch) -> None:
    pack = open_zim(WIKIPEDIA)
    looked_up: list[str] = []
    entry = ZimPack.entry
    monkeypatch.setattr(
        ZimPack, "entry", lambda self, slug: looked_up.append(slug) or entry(self, slug)
    )
    first = pack.get("A/Ray_Charles")
    assert pack.get("A/Ray_Charles") is first
    assert looked_up == ["A/Ray_Charles"]


def test_entries_that_are_not_pages_are_not_articles(wikipedia: ZimPack) -> None:
    assert wikipedia.get("-/favicon") is None
    assert wikipedia.get("A/No_such_page") is None


def test_neighbours_follow_title_order(wikipedia: ZimPack) -> None:
    article = wikipedia.get("A/Ray_Charles")
    assert article is not None
    before, after = wikipedia.neighbours(article.slug)
    assert before is not None and after is not None
    assert before.index == article.index - 1 and after.index == article.index + 1
    assert before.title <= article.title <= after.title


def test_body_is_the_entrys_html_read_when_asked(wikipedia: ZimPack) -> None:
    article = wikipedia.get("A/Ray_Charles")
    assert article is not None
    assert article.body_format == "html"
    assert "glaucoma" in article.body
    assert 300 < article.word_count < len(article.body.split())  # the text's, not the markup's


def test_html_to_text_keeps_words_and_drops_scripts_and_styles() -> None:
    text = html_to_text("<head><title>T</title></head><p>A &amp; <b>b</b></p><script>x()</script>")
    assert text == "A & b"


def _many(tmp_path: Path, titles: list[str]) -> ZimPack:
    pages = {f"p{i}": (t, f"<p>{t}</p>") for i, t in enumerate(titles)}
    return open_zim(write_zim(tmp_path / "many.zim", pages, index=False))


def test_a_large_archive_is_grouped_by_first_letter(tmp_path: Path) -> None:
    words = ["apple", "Banana", "berry", "Cherry", "7 days", "éclair", "Zebra"]
    titles = [f"{w} {i:04d}" for i in range(GROUP_BY_LETTER_OVER // 6 + 1) for w in words]
    pack = _many(tmp_path, titles)
    assert [c.id for c in pack.categories] == ["#", "A", "B", "C", "Z", "É"]
    members = pack.category_members("B")
    assert len(members) == 2 * (GROUP_BY_LETTER_OVER // 6 + 1)  # "Banana" and "berry"
    assert list(members) == sorted(members)  # the sidebar bisects them
    assert {pack.articles[i].title.split()[0] for i in members} == {"Banana", "berry"}
    for i in members:
        assert pack.articles[i].category == "B"


def test_position_of_finds_an_article_among_equal_titles(tmp_path: Path) -> None:
    pack = _many(tmp_path, ["Same"] * 5 + ["Other"])
    for i in range(6):
        article = pack.get(f"p{i}")
        assert article is not None and article.slug == f"p{i}"
        assert pack.articles[article.index].slug == f"p{i}"


def test_opening_an_archive_reads_no_article_list(tmp_path: Path) -> None:
    pack = open_zim(WIKIPEDIA)
    assert pack._table is None  # made on first use, after the first page
    pack.get("A/Ray_Charles")
    assert pack._table is not None


def test_an_archives_languages_are_known_without_building_its_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library import zim
    from reader.library.languages import language_view, pack_languages

    pack = _many(tmp_path, [f"Title {i}" for i in range(30)])
    built: list[str] = []
    real = zim.ZimArticle.__init__

    def counting(self: zim.ZimArticle, *args: object, **kwargs: object) -> None:
        built.append("x")
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zim.ZimArticle, "__init__", counting)
    assert pack_languages(pack) == [pack.language]
    assert language_view(pack, pack.language) is pack
    assert built == []


def test_opening_an_archive_keeps_libzims_cluster_cache_small() -> None:
    from libzim.reader import get_cluster_cache_max_size  # type: ignore[import-untyped]

    open_zim(WIKIPEDIA)
    assert get_cluster_cache_max_size() <= CLUSTER_CACHE_BYTES


def test_images_are_read_from_the_archive(tmp_path: Path) -> None:
    picture = png()
    path = write_zim(
        tmp_path / "img.zim", {"a": ("A", "<p>x</p>")}, {"pic.png": ("image/png", picture)}
    )
    pack = open_zim(path)
    assert pack.read_resource("pic.png") == picture
    assert pack.read_resource("nothing.png") is None


def test_files_and_missing_zim_paths_are_opened_as_archives(tmp_path: Path) -> None:
    assert is_zim(tmp_path / "x.ZIM")  # missing: libzim says so
    (tmp_path / "other.bin").write_bytes(b"not an archive")
    assert is_zim(tmp_path / "other.bin")  # a file is never a pack folder
    (tmp_path / "folder.zim").mkdir()
    assert not is_zim(tmp_path / "folder.zim")
    assert not is_zim(tmp_path / "folder")


def test_a_missing_file_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ZimError, match=r"nothing\.zim: no such file"):
        open_zim(tmp_path / "nothing.zim")


@pytest.mark.parametrize("name", BAD)
def test_every_broken_archive_fails_clearly_or_reads_safely(name: str) -> None:
    """Each broken archive of the test suite either fails to open with its name and libzim's
    reason, or opens and every article either reads or says why it cannot."""
    path = ZIM_DATA / name
    try:
        pack = open_zim(path)
    except ZimError as exc:
        message = str(exc)
        assert message.startswith(f"{name}: not a readable ZIM archive: ")
        assert len(message) > len(name) + 30 and "\n" not in message  # libzim's reason
        return
    renderer = Renderer(pack)
    for i in range(len(pack.articles)):
        article = pack.articles[i]
        page = renderer.article_page(article)
        if article.read_error:  # type: ignore[attr-defined]
            assert "could not be read from the archive" in page
        else:
            assert article.body


def test_the_broken_archives_that_open_are_the_expected_ones() -> None:
    opened = []
    for name in BAD:
        try:
            open_zim(ZIM_DATA / name)
        except ZimError:
            continue
        opened.append(name)
    # Damage to the title index or a cluster is found when read, not when opened.
    assert opened == [
        "nons_invalid.bad_mimetype_in_dirent.zim",
        "nons_invalid.nonsorted_title_index.zim",
        "nons_invalid.outofbounds_first_clusterptr.zim",
        "nons_invalid.outofbounds_first_title_entry.zim",
        "nons_invalid.outofbounds_last_title_entry.zim",
        "nons_invalid.outofbounds_titleptrpos.zim",
        "withns_invalid.bad_mimetype_in_dirent.zim",
        "withns_invalid.nonsorted_title_index.zim",
        "withns_invalid.outofbounds_first_clusterptr.zim",
        "withns_invalid.outofbounds_first_title_entry.zim",
        "withns_invalid.outofbounds_last_title_entry.zim",
    ]


def test_an_unreadable_entry_shows_a_notice() -> None:
    pack = open_zim(ZIM_DATA / "withns_invalid.outofbounds_first_clusterptr.zim")
    article = pack.get("A/main.html")
    assert article is not None
    page = Renderer(pack).article_page(article)
    assert "This page could not be read from the archive: Cannot read after the end" in page


@pytest.mark.parametrize("name", GOOD)
def test_every_good_archive_opens_and_renders(name: str) -> None:
    pack = open_zim(ZIM_DATA / name)
    renderer = Renderer(pack)
    assert len(pack.articles) > 0
    for i in range(len(pack.articles)):
        article = pack.articles[i]
        assert not renderer.render_body(article).failure, article.slug
        assert not getattr(article, "read_error", "")
    renderer.home_page()


def test_libzim_is_imported_only_when_an_archive_is_opened() -> None:
    code = (
        "import sys\n"
        "import reader.library.zim, reader.find.zimsearch, reader.commands.search\n"
        "assert 'libzim' not in sys.modules\n"
        "from pathlib import Path\n"
        f"reader.library.zim.open_zim(Path({str(WIKIBOOKS)!r}))\n"
        "assert 'libzim' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
