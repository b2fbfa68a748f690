"""A static site's source folder as a pack: slugs by path, languages, titles, redirects,
long front matter, template tags and natural order. Small cases written for these tests."""

from __future__ import annotations

from pathlib import Path

from reader.find.index import SearchIndex
from reader.library.check import check_pack
from reader.library.loading import load_pack
from reader.library.naming import natural_key, site_path_key, title_from_name
from reader.library.pack import Pack
from reader.page.links import Kind, resolve
from tests.conftest import PackBuilder, article

SITE_TOML = 'title = "Site"\nlanguage = "en"\n'


def slugs(pack: Pack) -> list[str]:
    return sorted(a.slug for a in pack.articles)


# 3. A slug is unique by path; names that do not collide keep their short slug.
def test_same_name_in_a_language_folder_keeps_both(make_pack: PackBuilder) -> None:
    root = make_pack({"foo.md": article("Flu shots"), "es/foo.md": article("Vacunas")}, SITE_TOML)
    pack = load_pack(root)
    assert slugs(pack) == ["es/foo", "foo"]
    assert not [p for p in pack.problems if p.severity == "error"]


def test_index_pages_take_their_folder_name(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "benefits/index.md": article("Benefits"),
            "care/index.md": article("Care"),
            "care/clinics/index.md": article("Clinics"),
            "index.md": article("Home"),
        },
        SITE_TOML,
    )
    assert slugs(load_pack(root)) == ["benefits", "care", "clinics", "index"]


def test_colliding_folder_pages_get_path_slugs(make_pack: PackBuilder) -> None:
    root = make_pack(
        {"en/apply/index.md": article("Apply"), "es/apply/index.md": article("Solicitar")},
        SITE_TOML,
    )
    assert slugs(load_pack(root)) == ["en/apply", "es/apply"]


def test_front_matter_slug_wins(make_pack: PackBuilder) -> None:
    root = make_pack(
        {"a/index.md": article("A", slug="apply-now"), "b/index.md": article("B")}, SITE_TOML
    )
    assert slugs(load_pack(root)) == ["apply-now", "b"]


def test_unique_file_names_keep_their_slug(make_pack: PackBuilder) -> None:
    root = make_pack({"one/alpha.md": article("Alpha"), "two/beta.md": article("Beta")})
    assert slugs(load_pack(root)) == ["alpha", "beta"]


def test_links_resolve_by_path(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "foo.md": article("Foo"),
            "es/foo.md": article("Foo ES"),
            "es/bar.md": article("Bar"),
            "benefits/index.md": article("Benefits"),
        },
        SITE_TOML,
    )
    pack = load_pack(root)
    bar = pack.get("bar")
    assert bar is not None
    assert resolve(pack, bar, "foo.md").value == "es/foo"
    assert resolve(pack, bar, "../foo.md").value == "foo"
    assert resolve(pack, bar, "../benefits/") == (Kind.ARTICLE, "benefits", "")
    assert resolve(pack, bar, "/benefits/#apply") == (Kind.ARTICLE, "benefits", "apply")
    assert resolve(pack, bar, "/es/foo.html").value == "es/foo"
    assert resolve(pack, bar, "/etc/passwd").kind is Kind.REFUSED
    assert resolve(pack, bar, "/images/x.png").kind is Kind.REFUSED


def test_language_per_file_and_per_folder(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "flu.md": article("Flu"),
            "gripe.md": article("Gripe", lang="es"),
            "es/fiebre.md": article("Fiebre"),
        },
        SITE_TOML,
    )
    pack = load_pack(root)
    assert {a.slug: a.language for a in pack.articles} == {
        "flu": "en",  # the pack's
        "gripe": "es",
        "fiebre": "es",
    }
    fiebre = pack.get("fiebre")
    assert fiebre is not None and fiebre.category == "other"  # es/ is a language, not a topic


def test_both_languages_are_searchable(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "flu.md": article("Flu", "Get a flu shot every autumn."),
            "es/flu.md": article("Gripe", "Vacúnese contra la gripe cada otoño."),
        },
        SITE_TOML,
    )
    pack = load_pack(root)
    with SearchIndex.open(pack, None) as index:
        assert [r.slug for r in index.search("autumn", 5)] == ["flu"]
        assert [r.slug for r in index.search("otoño", 5)] == ["es/flu"]


# 5. Front matter of any length.
def test_front_matter_longer_than_200_lines(make_pack: PackBuilder) -> None:
    old = "".join(f"  - /old/page-{i}/\n" for i in range(300))
    text = f"---\ntitle: Long\nredirect_from:\n{old}---\n\nThe text.\n"
    pack = load_pack(make_pack({"long.md": text}, SITE_TOML))
    long = pack.get("long")
    assert long is not None and long.title == "Long" and long.body.strip() == "The text."
    assert pack.problems == []


# 6. Titles from file names, empty pages, redirects.
def test_title_from_a_file_name() -> None:
    assert title_from_name("_posts/0001-02-01-alabama.md") == "Alabama"
    assert title_from_name("2024-03-05-flu-shots.md") == "Flu Shots"
    assert title_from_name("COVID-19-vaccines.md") == "COVID 19 vaccines"
    assert title_from_name("benefits/index.md") == "Benefits"


def test_first_heading_of_any_level_is_the_title(make_pack: PackBuilder) -> None:
    text = "---\nlayout: page\n---\n\n## Apply for Medicaid\n\nText.\n"
    pack = load_pack(make_pack({"2020-01-01-apply.md": text}, SITE_TOML))
    assert [a.title for a in pack.articles] == ["Apply for Medicaid"]


def test_empty_title_is_reported_as_empty(make_pack: PackBuilder) -> None:
    pack = load_pack(make_pack({"x.md": '---\ntitle: ""\n---\n\n# Heading\n'}, SITE_TOML))
    assert any(p.message == "'title' must not be empty" for p in pack.problems)


def test_a_page_with_only_front_matter_is_not_listed(make_pack: PackBuilder) -> None:
    root = make_pack({"x.md": article("X"), "blank.md": "---\ntitle: Blank\n---\n"}, SITE_TOML)
    pack, problems = check_pack(root)
    assert slugs(pack) == ["x"]
    assert [(p.path, p.message) for p in problems] == [
        ("blank.md", "the page has no text (front matter only); not listed")
    ]
    with SearchIndex.open(pack, None) as index:
        assert index.search("blank", 5) == []


def test_redirect_to_and_redirect_from(make_pack: PackBuilder) -> None:
    root = make_pack(
        {
            "apply.md": article("Apply", redirect_from=["/old-apply/", "/forms/apply.html"]),
            "moved.md": "---\ntitle: Moved\nredirect_to: /apply/\n---\n",
            "away.md": "---\nredirect_to: https://example.org/away\n---\n",
            "x.md": article("X"),
        },
        SITE_TOML,
    )
    pack, problems = check_pack(root)
    assert slugs(pack) == ["apply", "x"]
    assert problems == []
    x = pack.get("x")
    assert x is not None
    assert resolve(pack, x, "moved.md") == (Kind.ARTICLE, "apply", "")
    assert resolve(pack, x, "/old-apply/") == (Kind.ARTICLE, "apply", "")
    assert resolve(pack, x, "forms/apply.html") == (Kind.ARTICLE, "apply", "")
    assert resolve(pack, x, "away.md") == (Kind.EXTERNAL, "https://example.org/away", "")


# 7. Template tags: reported once per file.
def test_template_tags_are_reported_once_per_file(make_pack: PackBuilder) -> None:
    body = "{% include alert.html %}\n\nSee [apply]({{ site.baseurl }}/apply/).\n\n{{ x }} {{ y }}"
    root = make_pack({"x.md": article("X", body), "apply/index.md": article("Apply")}, SITE_TOML)
    _pack, problems = check_pack(root)
    assert [(p.path, p.line, p.message) for p in problems] == [
        (
            "x.md",
            5,
            "site template tags ({% … %}, {{ … }}) are left out when shown (4 times)",
        )
    ]


# 10. Natural order.
def test_titles_sort_naturally(make_pack: PackBuilder) -> None:
    files = {f"e{n}.md": article(f"Example {n}") for n in (10, 2, 1, 21)}
    pack = load_pack(make_pack(files, SITE_TOML))
    assert [a.title for a in pack.articles] == [
        "Example 1",
        "Example 2",
        "Example 10",
        "Example 21",
    ]
    assert natural_key("Example 2") < natural_key("example 10")


def test_site_path_key() -> None:
    assert site_path_key("/benefits/") == "benefits"
    assert site_path_key("es/foo.md") == "es/foo"
    assert site_path_key("care/README.md") == "care"
    assert site_path_key("/") == "index"


def test_bundled_pack_slugs_are_file_names() -> None:
    from reader.paths import bundled_dir

    pack = load_pack(bundled_dir("content"))
    assert all(a.slug == Path(a.rel_path).stem for a in pack.articles)
