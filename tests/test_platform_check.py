"""Before Qt is loaded, the reader names the missing system libraries and their packages."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli import main
from reader.platform_check import (
    EXIT_NO_WINDOW,
    GUI_LIBRARIES,
    LIBRARIES,
    XCB_LIBRARIES,
    missing_libraries,
    uses_xcb,
    window_problem,
)

ROOT = Path(__file__).resolve().parent.parent
X11 = {"DISPLAY": ":0"}
FONTS = Path(__file__)  # stands for an /etc/fonts/fonts.conf that is there


def all_but(*missing: str) -> Callable[[str], str | None]:
    return lambda soname: soname if soname in missing else None


def test_a_missing_library_is_named_with_its_package() -> None:
    message = window_problem(X11, "linux", all_but("libxcb-keysyms.so.1"), True, FONTS)
    assert message is not None
    assert "missing: libxcb-keysyms.so.1." in message
    assert "\n    apt install libxcb-keysyms1\n" in message
    assert "cursor" not in message  # Qt's own message would name libxcb-cursor0


def test_each_package_is_asked_for_once_and_with_sudo_when_not_root() -> None:
    missing = ("libglib-2.0.so.0", "libgthread-2.0.so.0", "libxcb-icccm.so.4")
    message = window_problem(X11, "linux", all_but(*missing), False, FONTS)
    assert message is not None
    assert "sudo apt install libglib2.0-0 libxcb-icccm4\n" in message


def test_nothing_to_say_when_everything_is_there() -> None:
    assert window_problem(X11, "linux", all_but(), True, FONTS) is None


def test_no_fonts_is_said_with_the_packages_that_bring_them(tmp_path: Path) -> None:
    no_fonts = tmp_path / "fonts.conf"
    message = window_problem(X11, "linux", all_but("libGL.so.1"), True, no_fonts)
    assert message is not None
    assert f"missing: libGL.so.1.\nAlso, no fonts are set up ({no_fonts} is missing)." in message
    assert "\n    apt install fontconfig-config fonts-dejavu-core libgl1\n" in message
    fontconfig_file = {**X11, "FONTCONFIG_FILE": str(FONTS)}
    assert window_problem(fontconfig_file, "linux", all_but(), True, no_fonts) is None


def test_no_display_is_said_plainly() -> None:
    message = window_problem({}, "linux", all_but(), font_config=FONTS)
    assert message is not None
    assert "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)" in message
    assert "missing" not in message


def test_a_library_that_needs_a_missing_one_names_that_one() -> None:
    # The loader's error names the file it could not find: libxcb-icccm.so.4 is there, but the
    # libxcb.so.1 under it is not (as in the standalone folder on a system without X11).
    names = missing_libraries(
        ["libxcb-icccm.so.4", "libxcb.so.1", "libGL.so.1"],
        lambda soname: "libxcb.so.1" if soname.startswith("libxcb") else None,
    )
    assert names == ["libxcb.so.1"]


def test_a_library_without_a_known_package_is_still_named() -> None:
    message = window_problem(
        X11, "linux", lambda s: "libodd.so.2" if s == "libGL.so.1" else None, font_config=FONTS
    )
    assert message == (
        "Offline Reader cannot open a window: these system libraries are missing: libodd.so.2."
    )


def test_the_real_loader_names_what_it_cannot_find() -> None:
    assert missing_libraries(["libnot-installed-here.so.7"]) == ["libnot-installed-here.so.7"]
    assert missing_libraries(["libc.so.6"]) == []


def test_the_loader_error_names_the_library_underneath(monkeypatch: pytest.MonkeyPatch) -> None:
    def cdll(soname: str) -> None:
        raise OSError("libxcb.so.1: cannot open shared object file: No such file or directory")

    monkeypatch.setattr("ctypes.CDLL", cdll)
    assert missing_libraries(["libxcb-icccm.so.4", "libxcb-shm.so.0"]) == ["libxcb.so.1"]


def test_the_standalone_build_s_error_is_looked_through(monkeypatch: pytest.MonkeyPatch) -> None:
    def cdll(soname: str) -> None:  # as PyInstaller's ctypes does in the standalone folder
        try:
            raise OSError(f"{soname}: cannot open shared object file: No such file or directory")
        except OSError as exc:
            raise OSError(f"Failed to load dynlib/dll {soname!r}. Most likely …") from exc

    monkeypatch.setattr("ctypes.CDLL", cdll)
    assert missing_libraries(["libGL.so.1"]) == ["libGL.so.1"]


@pytest.mark.parametrize(
    ("environ", "platform", "checked"),
    [
        ({}, "linux", LIBRARIES),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", LIBRARIES),
        ({"QT_QPA_PLATFORM": "xcb:nomitshm;offscreen"}, "linux", LIBRARIES),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", GUI_LIBRARIES),
        ({"QT_QPA_PLATFORM": "wayland"}, "linux", GUI_LIBRARIES),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", GUI_LIBRARIES),
        ({}, "win32", {}),
        ({}, "darwin", {}),
    ],
)
def test_the_x11_libraries_are_checked_only_for_x11(
    environ: dict[str, str], platform: str, checked: dict[str, str]
) -> None:
    assert uses_xcb(environ, platform) is (checked is LIBRARIES)
    seen: list[str] = []
    window_problem(environ, platform, lambda soname: seen.append(soname), font_config=FONTS)
    assert seen == list(checked)


def test_without_x11_only_the_gui_libraries_are_asked_for() -> None:
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    message = window_problem(offscreen, "linux", all_but("libGL.so.1"), True, FONTS)
    assert message is not None
    assert "\n    apt install libgl1\n" in message
    assert "display" not in message


def test_the_command_line_stops_before_qt_with_its_own_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setitem(LIBRARIES, "libnot-installed-here.so.7", "libnot-installed-here7")
    # Were the check skipped, this would open the window (Qt aborts here with no display).
    monkeypatch.setattr("reader.gui.app.run", lambda options: 0)
    assert main(["--settings", str(tmp_path / "s.ini")]) == EXIT_NO_WINDOW == 3
    err = capsys.readouterr().err
    assert err.startswith("Offline Reader cannot open a window: ")
    assert "libnot-installed-here.so.7" in err
    assert re.search(r"apt install (\S+ )*libnot-installed-here7\b", err)


def test_a_new_process_exits_with_the_message_and_never_loads_qt(tmp_path: Path) -> None:
    script = (
        "import sys; from reader import platform_check as p;"
        "p.LIBRARIES['libnot-installed-here.so.7'] = 'libnot-installed-here7';"
        "from reader.cli import main; status = main(['--settings', sys.argv[1]]);"
        "print('PySide6' in sys.modules); sys.exit(status)"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}}
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "s.ini")],
        env={**env, "DISPLAY": ":0"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 3, result.stderr
    assert result.stdout.strip() == "False"
    assert "libnot-installed-here.so.7" in result.stderr


def _dependencies(*relative: str) -> set[str]:
    """Return the sonames ``ldd`` lists for PySide6 files that the wheels do not carry."""
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    pyside = Path(next(iter(spec.submodule_search_locations))).resolve()
    files = [pyside / name for name in relative]
    if shutil.which("ldd") is None or not all(f.exists() for f in files):
        pytest.skip("needs ldd and PySide6's Linux libraries")
    output = subprocess.run(
        ["ldd", *map(str, files)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    sonames = set()
    for soname, target in re.findall(r"^\s*(\S+) => (.+?)(?: \(0x[0-9a-f]+\))?$", output, re.M):
        # PySide6 and shiboken6 carry Qt and themselves: all of it lives next to PySide6.
        if target == "not found" or not Path(target).resolve().is_relative_to(pyside.parent):
            sonames.add(soname)
    return sonames


#: Not worth asking for: the C and C++ runtimes (Python needs them), and what apt and dpkg
#: themselves need, so every Debian or Ubuntu system has them.
BASE_SYSTEM = {
    "libc.so.6",
    "libm.so.6",
    "libdl.so.2",
    "libpthread.so.0",
    "librt.so.1",
    "libstdc++.so.6",
    "libgcc_s.so.1",
    "libz.so.1",
    "libzstd.so.1",
    "liblzma.so.5",
    "liblz4.so.1",
    "libsystemd.so.0",
    "libcap.so.2",
    "libgcrypt.so.20",
    "libgpg-error.so.0",
    "libmd.so.0",
}


GUI = ("Qt/lib/libQt6Widgets.so.6", "QtGui.abi3.so", "QtWidgets.abi3.so")
XCB = ("Qt/plugins/platforms/libqxcb.so", "Qt/lib/libQt6XcbQpa.so.6")


def test_the_tables_are_what_the_installed_pyside6_needs() -> None:
    assert sorted(_dependencies(*GUI) - BASE_SYSTEM) == sorted(GUI_LIBRARIES)
    assert sorted(_dependencies(*XCB) - BASE_SYSTEM) == sorted(LIBRARIES)
    assert not set(GUI_LIBRARIES) & set(XCB_LIBRARIES)
