"""Library archives: build once, install safely on many terminals."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from reader.find.index import SearchIndex
from reader.library import catalog as catalog_module
from reader.library.archive import (
    MANIFEST,
    ArchiveError,
    build,
    install,
    new_key,
    public_key_of,
)
from reader.library.catalog import Catalog
from reader.page import bodycache
from reader.page.render import Renderer
from tests.conftest import PackBuilder, article
from tests.page.test_bodycache import fresh_renderer  # a terminal's first start


@pytest.fixture
def library(make_pack: PackBuilder, tmp_path: Path) -> Path:
    root = make_pack(
        {
            "one/alpha.md": article("Alpha", "Kidney stones and water.", category="one"),
            "one/beta.md": article("Beta", "Drink water every day.", category="one"),
        }
    )
    out = tmp_path / "library.zip"
    build(root, out)
    return out


def installed_pack_files(into: Path) -> list[str]:
    return sorted(p.name for p in (into / "current" / "one").iterdir())


def test_an_installed_archive_opens_without_reading_every_file(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = install(library, tmp_path / "lib")
    assert (tmp_path / "lib" / "current").resolve() == done.version
    assert installed_pack_files(tmp_path / "lib") == ["alpha.md", "beta.md"]

    def no_full_read(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("every file was read: the shipped catalog was not used")

    monkeypatch.setattr(catalog_module, "load_files", no_full_read)
    cache = tmp_path / "terminal-cache"
    pack = Catalog(cache).load(tmp_path / "lib" / "current")  # a full check, and it holds
    assert [a.slug for a in pack.articles] == ["alpha", "beta"]
    with SearchIndex.open(pack, cache) as index:
        assert not index.built  # the shipped index was adopted, not rebuilt
        assert [r.slug for r in index.search("kidney")] == ["alpha"]


def test_installed_files_are_readable_by_every_user(library: Path, tmp_path: Path) -> None:
    done = install(library, tmp_path / "lib")
    for path in [done.version, *done.version.rglob("*")]:
        assert path.stat().st_mode & 0o004, path


def test_a_second_install_switches_and_keeps_one_old_version(library: Path, tmp_path: Path) -> None:
    first = install(library, tmp_path / "lib").version
    shutil.copy(library, tmp_path / "again.zip")
    with zipfile.ZipFile(tmp_path / "again.zip", "a") as archive:
        archive.comment = b"another build"  # a different file, so a different version
    second = install(tmp_path / "again.zip", tmp_path / "lib").version
    assert first != second and first.exists()
    assert (tmp_path / "lib" / "current").resolve() == second


def broken_copy(library: Path, tmp_path: Path, change: str) -> Path:
    """Rewrite ``library`` with one thing wrong."""
    bad = tmp_path / f"bad-{change}.zip"
    with zipfile.ZipFile(library) as source, zipfile.ZipFile(bad, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if change == "tampered" and info.filename == "one/alpha.md":
                data = data.replace(b"water", b"WATER")
            if change == "missing" and info.filename == "one/beta.md":
                continue
            name = (
                "../escape.md"
                if change == "traversal" and info.filename == "one/beta.md"
                else info.filename
            )
            out.writestr(name, data)
    return bad


@pytest.mark.parametrize("change", ["tampered", "missing", "traversal", "truncated", "empty"])
def test_a_bad_archive_is_refused_and_the_old_library_stays(
    library: Path, tmp_path: Path, change: str
) -> None:
    into = tmp_path / "lib"
    good = install(library, into).version
    if change == "truncated":  # cut short mid-copy
        bad = tmp_path / "cut.zip"
        bad.write_bytes(library.read_bytes()[: library.stat().st_size // 2])
    elif change == "empty":
        bad = tmp_path / "empty.zip"
        bad.write_bytes(b"")
    else:
        bad = broken_copy(library, tmp_path, change)
    with pytest.raises(ArchiveError):
        install(bad, into)
    assert (into / "current").resolve() == good
    assert installed_pack_files(into) == ["alpha.md", "beta.md"]
    assert not (tmp_path / "escape.md").exists()
    assert [p.name for p in (into / "versions").iterdir()] == [good.name]  # no half install


def test_signatures_are_required_when_keys_are_trusted(
    make_pack: PackBuilder, tmp_path: Path
) -> None:
    pytest.importorskip("cryptography")
    root = make_pack({"one/a.md": article("A", "Text.", category="one")})
    key, other = tmp_path / "key", tmp_path / "other"
    public = new_key(key)
    new_key(other)
    assert public_key_of(key) == public
    signed, unsigned, wrong = tmp_path / "s.zip", tmp_path / "u.zip", tmp_path / "w.zip"
    build(root, signed, key)
    build(root, unsigned)
    build(root, wrong, other)
    into = tmp_path / "lib"
    with pytest.raises(ArchiveError, match="not signed"):
        install(unsigned, into, [public])
    with pytest.raises(ArchiveError, match="does not match"):
        install(wrong, into, [public])
    assert not (into / "current").exists()
    assert install(signed, into, [public]).signed


def test_a_signed_manifest_cannot_be_edited(make_pack: PackBuilder, tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    root = make_pack({"one/a.md": article("A", "Text.", category="one")})
    key = tmp_path / "key"
    public = new_key(key)
    signed = tmp_path / "s.zip"
    build(root, signed, key)
    edited = tmp_path / "e.zip"
    with zipfile.ZipFile(signed) as source, zipfile.ZipFile(edited, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == MANIFEST:
                manifest = json.loads(data)
                manifest["title"] = "Someone else's library"
                data = json.dumps(manifest).encode()
            out.writestr(info.filename, data)
    with pytest.raises(ArchiveError, match="does not match"):
        install(edited, tmp_path / "lib", [public])


def test_a_pack_with_errors_is_not_built(make_pack: PackBuilder, tmp_path: Path) -> None:
    root = make_pack(
        {"one/a.md": article("A", "Text.", category="one"), "b.md": "---\ntitle: [\n---\n"}
    )
    with pytest.raises(ArchiveError, match="error"):
        build(root, tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()


def test_a_terminals_first_pages_come_rendered_from_the_archive(
    library: Path, make_pack: PackBuilder, tmp_path: Path
) -> None:
    with zipfile.ZipFile(library) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    assert manifest["pages"] == 2
    install(library, tmp_path / "lib")
    renderer, converted = fresh_renderer(tmp_path / "lib" / "current", tmp_path / "cache")
    alpha = renderer.pack.get("alpha")
    assert alpha is not None
    page = renderer.article_page(alpha)
    assert converted == []  # no Markdown on the terminal
    assert "Kidney stones and water." in page
    # The same page as a terminal renders itself from the same files.
    local = Renderer(Catalog(tmp_path / "other-cache").load(tmp_path / "lib" / "current"))
    alpha_again = local.pack.get("alpha")
    assert alpha_again is not None
    assert local.article_page(alpha_again) == page


def test_shipped_pages_are_not_used_once_the_pack_is_edited(library: Path, tmp_path: Path) -> None:
    install(library, tmp_path / "lib")
    current = tmp_path / "lib" / "current"
    (current / "one" / "beta.md").write_text(article("Beta", "Edited."), encoding="utf-8")
    renderer, converted = fresh_renderer(current, tmp_path / "cache")
    alpha = renderer.pack.get("alpha")
    assert alpha is not None
    renderer.article_page(alpha)
    assert converted == ["alpha"]  # a link to beta might resolve otherwise now


def test_shipped_pages_of_another_reader_version_are_not_used(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(library, tmp_path / "lib")
    monkeypatch.setattr(bodycache, "portable_stamp", lambda: "another version")
    renderer, converted = fresh_renderer(tmp_path / "lib" / "current", tmp_path / "cache")
    alpha = renderer.pack.get("alpha")
    assert alpha is not None
    assert "Kidney stones" in renderer.article_page(alpha)
    assert converted == ["alpha"]


def test_a_damaged_shipped_page_is_rendered_instead(
    library: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    install(library, tmp_path / "lib")
    current = tmp_path / "lib" / "current"
    for page in (current / ".prebuilt" / "pages").glob("*.json"):
        if page.name != "meta.json":
            page.write_text("[1, 2", encoding="utf-8")
    renderer, converted = fresh_renderer(current, tmp_path / "cache")
    alpha = renderer.pack.get("alpha")
    assert alpha is not None
    assert "Kidney stones" in renderer.article_page(alpha)
    assert converted == ["alpha"]
    assert "ignored a damaged rendered page" in caplog.text


def test_an_archive_without_pages_is_smaller_and_still_works(
    make_pack: PackBuilder, tmp_path: Path
) -> None:
    root = make_pack({"alpha.md": article("Alpha", "Kidney stones.")})
    manifest = build(root, tmp_path / "small.zip", pages=False)
    assert manifest["pages"] == 0
    assert not any("/pages/" in entry["path"] for entry in manifest["files"])
    install(tmp_path / "small.zip", tmp_path / "lib")
    renderer, converted = fresh_renderer(tmp_path / "lib" / "current", tmp_path / "cache")
    alpha = renderer.pack.get("alpha")
    assert alpha is not None
    assert "Kidney stones" in renderer.article_page(alpha) and converted == ["alpha"]


def test_a_start_on_the_home_page_leaves_the_shipped_pages_closed(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(library, tmp_path / "lib")
    checked: list[int] = []
    stamp = bodycache.portable_stamp
    monkeypatch.setattr(bodycache, "portable_stamp", lambda: checked.append(1) or stamp())
    renderer, _ = fresh_renderer(tmp_path / "lib" / "current", tmp_path / "cache")
    renderer.home_page([])  # a kiosk starts here: no article body is needed
    assert checked == []
    alpha = renderer.pack.get("alpha")
    assert alpha is not None
    assert "Kidney stones" in renderer.article_page(alpha)
    assert checked == [1]  # opened for the first article, once
    beta = renderer.pack.get("beta")
    assert beta is not None
    renderer.article_page(beta)
    assert checked == [1]
