"""The interface's translations: extract, compile and check, the Qt way.

    python -m scripts.translations update     # re-extract every tr() string into the .ts files
    python -m scripts.translations compile    # .ts -> .qm (the build does this too: hatch_build.py)
    python -m scripts.translations check      # list unfinished entries; exit 1 if any

``update`` runs ``pyside6-lupdate`` over every module of ``reader/`` (the window's words and the
words it hands the Qt-free core in ``MainWindow._page_text()``) and keeps what is translated
already; strings no longer in the code are dropped. New strings arrive ``unfinished``: open the
.ts file in Qt Linguist (``pyside6-linguist``) or any editor, translate, then run ``check``.
``.qm`` files are build output (git-ignored) and are never edited by hand.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "offline_reader"
#: Qt locale names of the shipped interface translations. English is the source text; its
#: catalogue holds only the plural forms ("%n article(s)" -> "1 article", "2 articles").
LANGUAGES = ("en", "zh_CN", "es")
_NOTES = re.compile(r"\n *<extracomment>.*?</extracomment>", re.DOTALL)


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{language}.ts"


def sources() -> list[Path]:
    """Every Python module of the package, in a stable order."""
    return sorted((ROOT / "reader").rglob("*.py"))


def tool(name: str) -> str:
    """Return the path of Qt's ``lupdate`` or ``lrelease`` from the PySide6 wheel."""
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing Qt
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            for candidate in (Path(folder) / name, Path(folder) / f"{name}.exe"):
                if candidate.is_file():
                    return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"{name} not found: install PySide6-Essentials")
    return found


def update(ts: Path | None = None, language: str | None = None) -> list[Path]:
    """Extract the strings into the .ts files (or into ``ts`` only); return the files."""
    targets = [ts] if ts is not None else [ts_file(lang) for lang in LANGUAGES]
    for target in targets:
        lang = language or target.stem.removeprefix(f"{CATALOGUE}_")
        subprocess.run(
            [
                tool("lupdate"),
                "-silent",
                "-no-obsolete",
                *(["-pluralonly"] if lang == "en" else []),
                "-locations",
                "none",  # no line numbers: a change elsewhere must not touch every entry
                "-target-language",
                lang,
                *map(str, sources()),
                "-ts",
                str(target),
            ],
            check=True,
        )
        # lupdate takes every "#:" comment for a note to translators; here "#:" documents an
        # attribute, so those notes would only churn the file whenever a comment changes.
        text = target.read_text(encoding="utf-8")
        target.write_text(_NOTES.sub("", text), encoding="utf-8")
    return targets


def compile_all(out_dir: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .ts file to ``out_dir/<name>.qm``; return the .qm files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(TRANSLATIONS.glob(f"{CATALOGUE}_*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run(
            [tool("lrelease"), "-silent", "-removeidentical", str(ts), "-qm", str(qm)],
            check=True,
        )
        written.append(qm)
    return written


def unfinished(ts: Path) -> list[str]:
    """Return ``context: source`` of every entry of ``ts`` with no finished translation."""
    found = []
    # Our own catalogue, not untrusted input.
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            texts = (
                []
                if translation is None
                else [n.text or "" for n in translation.iter("numerusform")]
                or [translation.text or ""]
            )
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not all(t.strip() for t in texts)
            ):
                found.append(f"{ts.name}: {name}: {message.findtext('source', '')!r}")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        for path in update():
            print(path.relative_to(ROOT))
    elif command == "compile":
        for path in compile_all():
            print(path.relative_to(ROOT))
    elif command == "check":
        problems = [line for lang in LANGUAGES for line in unfinished(ts_file(lang))]
        print("\n".join(problems) or "every entry is translated")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
