"""The `make dist` app folder, run the way a user gets it (issue 9, point 3).

The tarball is unpacked into a temporary folder outside the checkout and its two
executables run with a clean environment: no PYTHONPATH, no venv, PATH pointing to an
empty folder (so no Python can be found), HOME and REFLECTDESK_HOME in the temporary
folder. `make dist` runs first when the app folder is missing or older than the sources.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -m dist
"""

from __future__ import annotations

import json
import platform
import re
import subprocess
import tarfile
from collections.abc import Callable
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
            if path.is_file() and "__pycache__" not in path.parts:
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
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("user")
    assert not where.resolve().is_relative_to(REPO)
    for sub in ("home", "bin", "run"):
        (where / sub).mkdir(mode=0o700)
    return where


@pytest.fixture(scope="module")
def app(tarball: Path, home: Path) -> Path:
    """The tarball unpacked where a user would put it, outside the checkout."""
    with tarfile.open(tarball) as tar:
        tar.extractall(home / "apps", filter="data")
    return home / "apps" / "ReflectDesk"


def clean_env(home: Path, vault: str, **extra: str) -> dict[str, str]:
    env = {
        "PATH": str(home / "bin"),  # empty: nothing to fall back on
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
    assert len(list((resources / "templates").glob("*.yaml"))) == 13
    for rel in (
        "standards/mbe-2021.yaml",
        "i18n/reflectdesk_es.qm",
        "i18n/reflectdesk_es.ts",
        "icons/reflectdesk-256.png",
        "icons/cl.reflectdesk.ReflectDesk.svg",
        "desktop/cl.reflectdesk.ReflectDesk.desktop",
    ):
        assert (resources / rel).is_file(), rel
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


@pytest.fixture
def cli(app: Path, home: Path) -> Cli:
    env = clean_env(home, "cli-vault", REFLECTDESK_PASSPHRASE=PASSPHRASE, REFLECTDESK_LANG="en")

    def ok(*args: str) -> str:
        done = run(app, "reflectdesk-cli", *args, env=env)
        assert done.returncode == 0, f"{args}: {done.stderr}"
        assert "Traceback" not in done.stderr
        return done.stdout

    return ok


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


def test_gui_starts_offscreen_on_the_first_run_wizard(app: Path, home: Path) -> None:
    env = clean_env(
        home,
        "gui-vault",
        LANG="es_CL.UTF-8",
        REFLECTDESK_BENCH_EXIT_ON_SHOWN="1",
        REFLECTDESK_LOG="WARNING",
    )
    done = run(app, "reflectdesk", env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"REFLECTDESK_SHOWN \d+\.\d+ firstRunWizard", done.stdout.strip())
    assert "Traceback" not in done.stderr
    problems = re.findall(r" (?:WARNING|ERROR|CRITICAL) reflectdesk.*", done.stderr)
    assert problems == []  # e.g. a .qm not found
