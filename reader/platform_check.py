"""Say which system libraries Qt needs and are missing, before Qt is loaded.

When a library of Qt's X11 (xcb) platform plugin is missing, Qt aborts the process with a
message that names ``xcb-cursor0`` whatever is actually missing; when one of Qt's GUI
libraries is missing, importing PySide6 fails with a traceback. This module checks the
libraries first and names the Debian/Ubuntu packages to install. It never imports Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

#: Exit status when the reader cannot open a window (libraries missing, or no display).
EXIT_NO_WINDOW = 3

#: The system libraries that Qt's GUI libraries load whatever the platform, with the
#: Debian/Ubuntu package of each: ``ldd`` on ``libQt6Widgets.so.6``, minus libc and what
#: PySide6 carries itself. The C and C++ runtimes, and what apt and dpkg need (zlib, zstd,
#: libsystemd…), are left out: every Debian or Ubuntu system has them.
GUI_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libexpat.so.1": "libexpat1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libpng16.so.16": "libpng16-16",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
}

#: What Qt's X11 platform plugin (``libqxcb.so``, ``libQt6XcbQpa.so.6``) loads on top.
XCB_LIBRARIES = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}

#: Every library checked, with its package (tests/test_platform_check.py compares the two
#: tables with ``ldd`` on the installed PySide6; scripts/setup installs the packages).
LIBRARIES = {**GUI_LIBRARIES, **XCB_LIBRARIES}

#: Fontconfig's configuration. Without it (the standalone build carries fontconfig but not
#: its configuration or any font) every letter is drawn as an empty box.
FONT_CONFIG = Path("/etc/fonts/fonts.conf")
FONT_PACKAGES = ("fontconfig-config", "fonts-dejavu-core")


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Return whether Qt will open its window through X11 (the xcb plugin)."""
    if not platform.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if requested:
        return requested == "xcb"
    # Qt tries Wayland first in a Wayland session and needs none of the X11 libraries there.
    return not environ.get("WAYLAND_DISPLAY")


def _missing(soname: str) -> str | None:
    """Load ``soname``; return the file the dynamic loader could not find, or None."""
    import ctypes  # only when Qt's GUI is about to be loaded

    try:
        ctypes.CDLL(soname)
    except OSError as exc:
        # The loader's "libxcb.so.1: cannot open shared object file: …" names what is missing,
        # which may be a library that ``soname`` needs rather than ``soname`` itself. In the
        # standalone build, PyInstaller's ctypes raises its own error from the loader's.
        cause = exc.__cause__ if isinstance(exc.__cause__, OSError) else exc
        return str(cause).split(":", 1)[0].strip() or soname
    return None


def missing_libraries(
    sonames: Iterable[str] = LIBRARIES, missing: Callable[[str], str | None] | None = None
) -> list[str]:
    """Return the libraries the dynamic loader cannot find, in the order first met.

    Qt loads the same libraries a moment later, so the check mostly moves that work earlier:
    measured here, the check took ~20 ms and importing PySide6.QtWidgets after it ~20 ms less.
    Running ``ldd`` on the plugin instead would add 20-30 ms for a new process.
    """
    missing = missing or _missing
    found = (missing(soname) for soname in sonames)
    return list(dict.fromkeys(name for name in found if name))


def window_problem(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    missing: Callable[[str], str | None] | None = None,
    is_root: bool | None = None,
    font_config: Path = FONT_CONFIG,
) -> str | None:
    """Return why the reader cannot open a window, as a message for the user, or None."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None
    xcb = uses_xcb(env, platform)
    problems: list[str] = []
    packages: set[str] = set()
    absent = missing_libraries(LIBRARIES if xcb else GUI_LIBRARIES, missing)
    if absent:
        problems.append("these system libraries are missing: " + ", ".join(absent) + ".")
        packages.update(LIBRARIES[name] for name in absent if name in LIBRARIES)
    if not (font_config.is_file() or env.get("FONTCONFIG_FILE") or env.get("FONTCONFIG_PATH")):
        problems.append(f"no fonts are set up ({font_config} is missing).")
        packages.update(FONT_PACKAGES)
    if packages:
        root = os.geteuid() == 0 if is_root is None else is_root
        install = ("" if root else "sudo ") + "apt install " + " ".join(sorted(packages))
        problems[-1] += "\nOn Debian or Ubuntu, install them with:\n\n    " + install + "\n"
    if xcb and not env.get("DISPLAY"):
        problems.append(
            "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
            "Start it from a desktop session; without one, QT_QPA_PLATFORM=offscreen "
            "offline-reader --screenshot FILE saves a picture of the window."
        )
    if not problems:
        return None
    return "Offline Reader cannot open a window: " + "\nAlso, ".join(problems)
