"""About and Content problems: what they say, and that pack text is never read as markup."""

import pytest

from reader import __version__
from reader.gui.dialogs import AboutDialog, ProblemsDialog
from reader.library.loading import load_pack
from tests.conftest import PackBuilder, article

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def odd_pack(make_pack: PackBuilder) -> object:
    root = make_pack(
        {"a.md": article("A", "Text.")},
        pack_toml='title = "<i>Clinic</i> & Co"\ndisclaimer = "<a href=\'https://x.example\'>tap</a>"\n',
    )
    return load_pack(root)


def test_about_names_the_version_and_licence(odd_pack: object) -> None:
    text = AboutDialog(odd_pack).text()  # type: ignore[arg-type]
    assert f"Offline Reader {__version__}" in text
    assert "GNU General Public License" in text


def test_about_shows_pack_text_as_text(odd_pack: object) -> None:
    text = AboutDialog(odd_pack).text()  # type: ignore[arg-type]
    assert "&lt;i&gt;Clinic&lt;/i&gt; &amp; Co" in text
    assert "<a href" not in text and "&lt;a href=" in text


def test_problems_dialog_shows_loading_problems_while_it_checks(make_pack: PackBuilder) -> None:
    pack = load_pack(make_pack({"a.md": "---\ntitle: [\n---\nx\n", "b.md": article("B", "Ok.")}))
    dialog = ProblemsDialog(pack)  # not shown: the full check has not started
    assert dialog.summary.text() == "Checking every article…"
    in_a = [p for p in pack.problems if p.path == "a.md"]
    assert f"a.md ({len(in_a)})" in dialog.rows()  # the loading problems, at once
    assert not dialog.checked
