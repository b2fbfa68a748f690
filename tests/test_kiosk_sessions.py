"""The kiosk in the sessions docs/kiosk.md offers, installed as a terminal installs it.

A wheel of the project is installed (not editable) into a fresh venv made with the system's
Python, and the kiosk runs as an ordinary user: under cage (Wayland, Qt's wayland plugin),
pictured with grim; and under Xvfb with Openbox or with no window manager at all, watched with
xdotool. Each test skips, saying what is missing, when a tool is not installed; .ci/run
installs them all.

The ordinary user: when the tests run as root they create a system user without a home,
KIOSK_USER, once (``useradd --system``); a test run by an ordinary user runs the kiosk as
that user. Settings, cache, logs and XDG_RUNTIME_DIR (mode 0700) live in a folder of the test
that belongs to that user.

Dependencies (PySide6 and the rest) are not downloaded: the fresh venv reads them from the
venv running the tests through a ``.pth`` line (when the kiosk user can read it), so only
this project comes from the wheel. ``reader`` itself must be imported from the fresh venv,
which the tests check.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
KIOSK_USER = "offline-reader-kiosk-test"
#: Share of an edge's pixels that may be pure black (the compositor's background).
BLACK_EDGE_LIMIT = 0.05

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


@dataclass
class Install:
    """A non-editable install of the project, owned by the user the kiosk runs as."""

    user: str
    home: Path  # a folder of the user's: settings, cache, logs, runtime dirs, pictures
    venv: Path

    def command(self, *args: str) -> list[str]:
        """``args`` run as the kiosk user (as is when the tests are that user already)."""
        if os.geteuid() != 0:
            return list(args)
        return ["runuser", "-u", self.user, "--", *args]

    def env(self, **extra: str) -> dict[str, str]:
        """A clean environment: nothing of the test's offscreen Qt or display leaks in."""
        base = {
            "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "XDG_CACHE_HOME": str(self.home / "cache"),
            "XDG_STATE_HOME": str(self.home / "state"),
            "XDG_DATA_HOME": str(self.home / "data"),
            "TMPDIR": str(self.home),  # the kiosk's one-instance lock file
            "LANG": "C.UTF-8",
        }
        return {**base, **extra}

    def runtime_dir(self, name: str) -> Path:
        """A fresh XDG_RUNTIME_DIR: the user's, mode 0700, as a login would make it."""
        path = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.home))  # mode 0700
        chown(path, self.user)
        return path


def chown(path: Path, user: str) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, user, user)


def require(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt install; .ci/run installs them)")


def kiosk_user() -> str:
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid()).pw_name
    try:
        pwd.getpwnam(KIOSK_USER)
    except KeyError:
        if shutil.which("useradd") is None:
            pytest.skip(f"running as root, and there is no useradd to create {KIOSK_USER}")
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", KIOSK_USER],
            check=True,
            capture_output=True,
        )
    return KIOSK_USER


def system_python(user: str) -> str:
    """A Python of this version (the dependencies' binary wheels) that ``user`` may run."""
    wanted = f"{sys.version_info[0]}.{sys.version_info[1]}"
    check = f"import sys, ensurepip; assert sys.version.startswith('{wanted}.')"
    for candidate in (getattr(sys, "_base_executable", ""), "/usr/bin/python3"):
        if not candidate or not Path(candidate).exists():
            continue
        probe = ["runuser", "-u", user, "--"] if os.geteuid() == 0 else []
        if subprocess.run([*probe, candidate, "-c", check], capture_output=True).returncode == 0:
            return candidate
    pytest.skip(f"no Python {wanted} with venv that {user} may run (apt install python3-venv)")


@pytest.fixture(scope="module")
def install() -> Iterator[Install]:
    """Build a wheel, install it into a fresh venv, hand everything to the kiosk user."""
    user = kiosk_user()
    python = system_python(user)
    # Not pytest's tmp_path: its parents are private to the user running the tests.
    home = Path(tempfile.mkdtemp(prefix="offline-reader-kiosk-"))
    try:
        wheels = home / "wheels"
        build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        subprocess.run([*build, "-w", str(wheels), str(ROOT)], check=True, capture_output=True)
        wheel = next(wheels.glob("offline_reader-*.whl"))
        venv = home / "venv"
        subprocess.run([python, "-m", "venv", str(venv)], check=True, timeout=120)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
        deps = Path(sysconfig.get_paths()["purelib"])
        result = Install(user, home, venv)
        readable = subprocess.run(result.command("test", "-r", str(deps / "PySide6")))
        if readable.returncode == 0:
            subprocess.run([*pip, "--no-deps", "--no-index", str(wheel)], check=True, timeout=300)
            site = next((venv / "lib").glob("python3*/site-packages"))
            # A plain path line: the tests' venv's own .pth files (its editable install of this
            # project) are not read, so `reader` can only come from the wheel.
            (site / "zz-test-dependencies.pth").write_text(f"{deps}\n", encoding="utf-8")
        else:  # the tests' venv is private: install the dependencies the usual way
            subprocess.run([*pip, str(wheel)], check=True, timeout=600)
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", f"{user}:", str(home)], check=True)
        where = subprocess.run(
            result.command(
                str(venv / "bin" / "python"), "-c", "import reader; print(reader.__file__)"
            ),
            capture_output=True,
            text=True,
            check=True,
            env=result.env(),
            cwd=home,  # not the source tree, whose reader/ would be imported first
        ).stdout.strip()
        assert Path(where).is_relative_to(venv), f"reader imported from {where}, not the wheel"
        yield result
    finally:
        shutil.rmtree(home, ignore_errors=True)


def start(
    install: Install, args: list[str], env: dict[str, str], log: Path
) -> subprocess.Popen[bytes]:
    """Start ``args`` as the kiosk user in its own process group (stopped by stop())."""
    with log.open("wb") as out:
        return subprocess.Popen(
            install.command(*args),
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=install.home,
        )


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def wait_for(what: str, check: Callable[[], object], timeout: float, logs: list[Path]) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.3)
    text = "\n".join(
        f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in logs if p.exists()
    )
    pytest.fail(f"timed out waiting for {what}\n{text}")


def black_share(image: QImage, pixels: list[tuple[int, int]]) -> float:
    black = sum(1 for x, y in pixels if image.pixel(x, y) & 0xFFFFFF == 0)
    return black / len(pixels)


def edges(image: QImage) -> dict[str, float]:
    """Share of pure-black pixels along each edge of a picture of the whole output."""
    w, h = image.width(), image.height()
    return {
        "left": black_share(image, [(0, y) for y in range(h)]),
        "right": black_share(image, [(w - 1, y) for y in range(h)]),
        "top": black_share(image, [(x, 0) for x in range(w)]),
        "bottom": black_share(image, [(x, h - 1) for x in range(w)]),
    }


# --- X servers ----------------------------------------------------------------------------


@contextmanager
def xvfb(install: Install, size: str) -> Iterator[tuple[dict[str, str], list[Path]]]:
    """Xvfb as the kiosk user on a free display; yields the clients' environment and the logs."""
    require("Xvfb")
    read, write = os.pipe()
    log = install.home / f"xvfb-{size}.log"
    command = ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"]
    with log.open("wb") as out:
        server = subprocess.Popen(
            install.command(*command),
            stdout=out,
            stderr=subprocess.STDOUT,
            pass_fds=(write,),
            start_new_session=True,
        )
    os.close(write)
    try:
        with os.fdopen(read) as number:
            display = number.readline().strip()
        assert display, log.read_text(errors="replace")
        runtime = install.runtime_dir(f"run-x{display}")
        yield install.env(DISPLAY=f":{display}", XDG_RUNTIME_DIR=str(runtime)), [log]
    finally:
        stop(server)


# --- cage (Wayland) ------------------------------------------------------------------------


@dataclass(frozen=True)
class CageOutput:
    """Where cage draws: its headless backend, or a window of its X11 backend in Xvfb."""

    size: tuple[int, int]
    backend: str = "headless"
    options: tuple[str, ...] = ()


# Headless: wlroots 0.15's headless output is 1280×720, turned here by 180° (-r -r). Unturned,
# cage scans a window that covers it out directly (its log says "Basic output test failed for
# HEADLESS-1") and grim then gets the last frame cage composited itself — the window's first
# frame, or black — instead of the window; a turned output is always composited. The reader is
# the same either way: the X11 backend, unturned, shows it full screen.
# X11 backend: cage's output is a window in an Xvfb of the wanted size, sized to the X screen.
# This is how the portrait output is made: cage 0.1.4 (Debian 12) has no output management for
# wlr-randr, and the headless output's size is fixed (cage -r on it gives 720×1280).
CAGE_OUTPUTS = {
    "headless-1280x720": CageOutput((1280, 720), options=("-r", "-r")),
    "x11-1280x720": CageOutput((1280, 720), backend="x11"),
    "x11-1080x1920": CageOutput((1080, 1920), backend="x11"),
}


def cage_picture(install: Install, output: CageOutput, name: str) -> tuple[QImage, Path]:
    require("cage", "grim", "Xwayland")  # cage 0.1.4 will not start without Xwayland
    with ExitStack() as stack:
        env = install.env()
        logs = [install.home / f"cage-{name}.log"]
        if output.backend == "x11":
            require("xdotool", "xwininfo")
            width, height = output.size
            env, x_logs = stack.enter_context(xvfb(install, f"{width}x{height}"))
            logs += x_logs
        runtime = install.runtime_dir(f"run-{name}")
        env.update(
            WLR_BACKENDS=output.backend,
            WLR_RENDERER="pixman",
            WLR_LIBINPUT_NO_DEVICES="1",
            XDG_RUNTIME_DIR=str(runtime),
            # Qt picks wayland by itself under cage; saying so makes a missing system library
            # (libwayland-cursor0) an error here instead of a quiet fall-back to Xwayland.
            QT_QPA_PLATFORM="wayland",
        )
        reader = str(install.venv / "bin" / "offline-reader")
        cage = start(install, ["cage", *output.options, "--", reader, "--kiosk"], env, logs[0])
        stack.callback(stop, cage)
        socket = wait_for(
            "cage's Wayland socket",
            lambda: next((p.name for p in runtime.glob("wayland-*") if p.is_socket()), None),
            30,
            logs,
        )
        if output.backend == "x11":
            window = wait_for("cage's X11 window", lambda: x_children(install, env), 30, logs)
            assert isinstance(window, list)
            size = [str(n) for n in output.size]
            subprocess.run(
                install.command("xdotool", "windowsize", window[0], *size), env=env, check=True
            )
        shot = install.home / f"kiosk-cage-{name}.png"
        grim = install.command("grim", str(shot))
        grim_env = {**env, "WAYLAND_DISPLAY": str(socket)}
        previous: list[bytes] = []

        def settled() -> bool:
            # The reader is up and painted when two pictures in a row are alike and not black.
            if cage.poll() is not None:
                pytest.fail("cage exited:\n" + logs[0].read_text(errors="replace")[-3000:])
            if subprocess.run(grim, env=grim_env, capture_output=True).returncode != 0:
                return False
            data = shot.read_bytes()
            same = bool(previous) and previous[-1] == data
            previous.append(data)
            image = QImage(str(shot))
            return same and black_share(image, [(image.width() // 2, image.height() // 2)]) == 0

        wait_for("the kiosk on cage's output", settled, 60, logs)
        return QImage(str(shot)), shot
    raise AssertionError("unreachable")  # ExitStack does not swallow exceptions


def x_children(install: Install, env: dict[str, str]) -> list[str]:
    """The root window's children: cage's X11 backend window is the only one."""
    tree = subprocess.run(
        install.command("xwininfo", "-root", "-children"), env=env, capture_output=True, text=True
    ).stdout
    return [line.split()[0] for line in tree.splitlines() if line.strip().startswith("0x")]


@pytest.mark.parametrize("name", list(CAGE_OUTPUTS))
def test_kiosk_covers_the_whole_output_under_cage(install: Install, name: str) -> None:
    output = CAGE_OUTPUTS[name]
    image, shot = cage_picture(install, output, name)
    saved = os.environ.get("OFFLINE_READER_KIOSK_SHOTS")  # a folder to keep the pictures in
    if saved:
        shutil.copy(shot, Path(saved) / shot.name)
    assert (image.width(), image.height()) == output.size
    black = edges(image)
    assert all(share <= BLACK_EDGE_LIMIT for share in black.values()), (
        f"black band along an edge of {shot}: {black}"
    )
    log = install.home / "state" / "OfflineReader" / "Offline Reader" / "logs" / "reader.log"
    assert "unexpected error" not in log.read_text(encoding="utf-8")


# --- X11: Xvfb, with Openbox or with no window manager -------------------------------------


@pytest.fixture
def x_display(install: Install) -> Iterator[tuple[dict[str, str], list[Path]]]:
    """Xvfb at 1280×720 as the kiosk user."""
    require("xdotool")
    with xvfb(install, "1280x720") as display:
        yield display


def x_window(install: Install, env: dict[str, str]) -> dict[str, int] | None:
    """The kiosk's viewable window and its geometry, or None while there is none."""
    found = subprocess.run(
        install.command("xdotool", "search", "--onlyvisible", "--classname", "offline-reader"),
        env=env,
        capture_output=True,
        text=True,
    )
    if found.returncode != 0 or not found.stdout.split():
        return None
    window = found.stdout.split()[-1]
    shell = subprocess.run(
        install.command("xdotool", "getwindowgeometry", "--shell", window),
        env=env,
        capture_output=True,
        text=True,
    ).stdout
    values = dict(line.split("=", 1) for line in shell.split() if "=" in line)
    return {key: int(value) for key, value in values.items()}


def full_screen_window(install: Install, env: dict[str, str]) -> dict[str, int] | None:
    window = x_window(install, env)
    full = window is not None and (window["X"], window["Y"], window["WIDTH"], window["HEIGHT"]) == (
        0,
        0,
        1280,
        720,
    )
    return window if full else None


@pytest.mark.parametrize("wm", ["openbox", "none"])
def test_kiosk_stays_full_screen_on_x11(
    install: Install, x_display: tuple[dict[str, str], list[Path]], wm: str
) -> None:
    env, logs = x_display
    env = {**env, "QT_QPA_PLATFORM": "xcb"}
    processes = []
    try:
        if wm == "openbox":
            require("openbox")
            ready = install.home / "openbox-ready"
            logs.append(install.home / "openbox.log")
            processes.append(
                start(install, ["openbox", "--startup", f"touch {ready}"], env, logs[-1])
            )
            wait_for("Openbox", ready.exists, 30, logs)
        logs.append(install.home / f"reader-{wm}.log")
        reader = str(install.venv / "bin" / "offline-reader")
        processes.append(start(install, [reader, "--kiosk"], env, logs[-1]))
        window = wait_for(
            "a full-screen kiosk window", lambda: full_screen_window(install, env), 60, logs
        )
        assert isinstance(window, dict)
        wid = str(window["WINDOW"])
        actions = [["windowsize", wid, "1100", "690"], ["windowmove", wid, "180", "30"]]
        if wm == "openbox":  # without a window manager nothing answers an iconify request
            actions.insert(0, ["windowminimize", wid])
        for action in actions:
            subprocess.run(install.command("xdotool", *action), env=env, check=True, timeout=30)
            time.sleep(0.5)  # let the request land before looking
            wait_for(
                f"the kiosk back after {action[0]}",
                lambda: full_screen_window(install, env),
                10,
                logs,
            )
    finally:
        for process in reversed(processes):
            stop(process)
