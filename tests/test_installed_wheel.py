"""What users get: the wheel (built from the sdist) installed in a fresh venv, run from a
folder outside the checkout, with no PYTHONPATH. A journey through the installed CLI,
then the installed GUI started offscreen in Spanish, then a broken install.

Marked ``installed`` so it can run alone (``pytest -m installed``); ``make test`` and
``.ci/run`` run it with everything else. Nothing here imports the checkout's code.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PASSPHRASE = "caballo bateria grapa correcto"

pytestmark = pytest.mark.installed


@dataclass
class Installed:
    root: Path  # a temporary folder outside the checkout
    bin: Path
    wheel: Path

    def env(self, home: Path, **extra: str) -> dict[str, str]:
        keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
        env = {k: v for k, v in os.environ.items() if k in keep}
        env.update(
            HOME=str(self.root / "user"),
            XDG_DATA_HOME=str(self.root / "user" / ".local" / "share"),
            REFLECTDESK_HOME=str(home),
            REFLECTDESK_PASSPHRASE=PASSPHRASE,
            REFLECTDESK_LANG="en",
            QT_QPA_PLATFORM="offscreen",
        )
        env.update(extra)
        return env

    def run(self, home: Path, *argv: str, **extra: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(self.bin / argv[0]), *argv[1:]],
            cwd=self.root,
            env=self.env(home, **extra),
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert "Traceback" not in result.stderr, result.stderr
        return result

    def ok(self, home: Path, *argv: str, **extra: str) -> str:
        result = self.run(home, *argv, **extra)
        assert result.returncode == 0, (argv, result.stdout, result.stderr)
        return result.stdout


def _build(out: Path) -> Path:
    """sdist from the checkout, then the wheel from that sdist (as a packager would)."""
    python = sys.executable
    subprocess.run(
        [python, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (sdist,) = out.glob("reflectdesk-*.tar.gz")
    subprocess.run(
        [python, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(sdist)],
        check=True,
        capture_output=True,
        cwd=out,
    )
    (wheel,) = out.glob("reflectdesk-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    root = tmp_path_factory.mktemp("installed")
    assert not root.resolve().is_relative_to(REPO)
    wheel = _build(root / "dist")
    subprocess.run([sys.executable, "-m", "venv", str(root / "venv")], check=True)
    pip = root / "venv" / "bin" / "pip"
    subprocess.run(
        [str(pip), "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
        cwd=root,
    )
    yield Installed(root, root / "venv" / "bin", wheel)
    shutil.rmtree(root, ignore_errors=True)


def test_the_wheel_and_the_sdist_carry_every_resource(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    shipped = {
        str(p.relative_to(REPO / "resources"))
        for p in (REPO / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert {f"reflectdesk/_resources/{name}" for name in shipped} <= names
    (sdist,) = (installed.root / "dist").glob("reflectdesk-*.tar.gz")
    with tarfile.open(sdist) as tar:
        in_sdist = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {f"resources/{name}" for name in shipped} <= in_sdist


def test_the_installed_code_is_not_the_checkout(installed: Installed) -> None:
    python = installed.bin / "python"
    where = subprocess.run(
        [str(python), "-c", "import reflectdesk.resources as r; print(r.resource_dir())"],
        cwd=installed.root,
        env=installed.env(installed.root / "h"),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed.root / "venv")


def test_versions(installed: Installed) -> None:
    from_meta = subprocess.run(
        [
            str(installed.bin / "python"),
            "-c",
            "import importlib.metadata as m, reflectdesk; "
            "print(m.version('reflectdesk'), reflectdesk.__version__)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert from_meta[0] == from_meta[1]  # one source of the version
    # SQLCipher 4 came with the wheel (a dependency): the vault file is page-encrypted.
    cipher = subprocess.run(
        [
            str(installed.bin / "python"),
            "-c",
            "import sqlcipher3; print(sqlcipher3.connect(':memory:')"
            ".execute('PRAGMA cipher_version').fetchone()[0])",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert cipher.startswith("4.")
    home = installed.root / "h-version"
    assert (
        installed.ok(home, "reflectdesk-cli", "--version").strip() == f"ReflectDesk {from_meta[0]}"
    )
    assert installed.ok(home, "reflectdesk", "--version").strip() == f"ReflectDesk {from_meta[0]}"


def test_a_cli_journey_through_the_installed_app(installed: Installed) -> None:
    student, mentor = installed.root / "student", installed.root / "mentor"
    for home, name, role in (
        (student, "Camila Pérez", "student"),
        (mentor, "Ana Mentor", "mentor"),
    ):
        installed.ok(
            home, "reflectdesk-cli", "init", "--name", name, "--role", role, "--insecure-test-kdf"
        )
        assert (home / "vault" / "vault.rdh").is_file()
    journal = installed.ok(student, "reflectdesk-cli", "journal", "create", "Práctica II").strip()
    entry = installed.ok(
        student,
        "reflectdesk-cli",
        "entry",
        "add",
        "--journal",
        journal,
        "--template",
        "gibbs",
        "--title",
        "Fracciones con pizzas",
        "--section",
        "description=Trabajé la división en grupos.",
        "--section",
        "feelings=Sentí que la explicación fue clara.",
    ).strip()
    found = installed.ok(student, "reflectdesk-cli", "search", "explicacion", "--json")
    assert [hit["id"] for hit in json.loads(found)] == [entry]
    html = installed.ok(student, "reflectdesk-cli", "entry", "show", entry, "--format", "html")
    assert "Sentí que la explicación fue clara." in html and "<h" in html
    listed = json.loads(
        installed.ok(student, "reflectdesk-cli", "templates", "list", "--lang", "es", "--json")
    )
    assert len(listed) == 13
    assert "Ciclo reflexivo de Gibbs" in {t["name"] for t in listed} or any(
        "Gibbs" in t["name"] for t in listed
    )
    standards = installed.ok(student, "reflectdesk-cli", "standards", "list")
    assert ("A" in standards and "C7" in standards.replace(" ", "")) or "C" in standards
    # A bundle to the mentor, through cards, and its import.
    cards = installed.root / "cards"
    cards.mkdir()
    installed.ok(mentor, "reflectdesk-cli", "identity", "card", "-o", str(cards / "ana.rdcard"))
    installed.ok(student, "reflectdesk-cli", "identity", "card", "-o", str(cards / "cami.rdcard"))
    installed.ok(student, "reflectdesk-cli", "contact", "import", str(cards / "ana.rdcard"))
    installed.ok(mentor, "reflectdesk-cli", "contact", "import", str(cards / "cami.rdcard"))
    printed = installed.ok(
        student,
        "reflectdesk-cli",
        "bundle",
        "export",
        "--to",
        "Ana Mentor",
        "--journal",
        "Práctica II",
        "-o",
        str(installed.root),
    )
    bundle = Path(printed.strip().splitlines()[-1])
    imported = installed.ok(mentor, "reflectdesk-cli", "bundle", "import", str(bundle), "--yes")
    assert "1 new" in imported
    # The mentor's id for it is her own (received ids are scoped and keyed).
    (received,) = json.loads(installed.ok(mentor, "reflectdesk-cli", "entry", "list", "--json"))
    assert received["id"] != entry
    shown = json.loads(
        installed.ok(mentor, "reflectdesk-cli", "entry", "show", received["id"], "--format", "json")
    )
    assert shown["title"] == "Fracciones con pizzas"


def _first_window(installed: Installed, home: Path, lang: str) -> dict[str, object]:
    result = installed.run(
        home, "reflectdesk", LANG=lang, LC_ALL="", LANGUAGE="", REFLECTDESK_BENCH_EXIT_ON_SHOWN="1"
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("REFLECTDESK_WINDOW "))
    described: dict[str, object] = json.loads(line.split(" ", 1)[1])
    return described


def test_the_installed_gui_starts_in_spanish(installed: Installed) -> None:
    wizard = _first_window(installed, installed.root / "fresh", "es_CL.UTF-8")
    assert "Bienvenid" in str(wizard["title"]) or "ReflectDesk" in str(wizard["title"])
    buttons = wizard["buttons"]
    assert isinstance(buttons, list) and buttons
    assert any(b.replace("&", "") in ("Siguiente", "Siguiente >", "Cancelar") for b in buttons), (
        buttons
    )
    assert not any(b.replace("&", "") in ("Next", "Next >", "Cancel") for b in buttons), buttons
    installed.ok(
        installed.root / "fresh",
        "reflectdesk-cli",
        "init",
        "--name",
        "Camila",
        "--role",
        "student",
        "--insecure-test-kdf",
    )
    unlock = _first_window(installed, installed.root / "fresh", "es_CL.UTF-8")
    assert any("Desbloquear" in str(b) for b in unlock["buttons"]), unlock  # type: ignore[union-attr]


def test_a_damaged_install_names_the_file_and_still_opens_the_vault(installed: Installed) -> None:
    """A copy of the venv with one template truncated and the Spanish .qm deleted."""
    broken = installed.root / "broken"
    shutil.copytree(installed.root / "venv", broken, symlinks=True)
    python = broken / "bin" / "python"
    resources = Path(
        subprocess.run(
            [str(python), "-c", "import reflectdesk.resources as r; print(r.resource_dir())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    assert resources.is_relative_to(broken)
    free = resources / "templates" / "free.yaml"
    free.write_bytes(free.read_bytes()[:40])
    (resources / "i18n" / "reflectdesk_es.qm").unlink()
    home = installed.root / "broken-home"
    cli = [str(python), "-m", "reflectdesk.cli.main"]
    env = installed.env(home)
    subprocess.run(
        [*cli, "init", "--name", "Camila", "--role", "student", "--insecure-test-kdf"],
        env=env,
        cwd=installed.root,
        check=True,
        capture_output=True,
    )
    listed = subprocess.run(
        [*cli, "templates", "list", "--json"],
        env=env,
        cwd=installed.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 12
    assert "templates/free.yaml" in listed.stderr and "Reinstall ReflectDesk" in listed.stderr
    assert "Traceback" not in listed.stderr
    journal = subprocess.run(
        [*cli, "journal", "create", "J"],
        env=env,
        cwd=installed.root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    added = subprocess.run(
        [*cli, "entry", "add", "--journal", journal, "--template", "free"],
        env=env,
        cwd=installed.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert added.returncode == 8 and "Reinstall ReflectDesk" in added.stderr, added.stderr
    assert added.stderr.count("templates/free.yaml") == 1  # said once, not a stack
    # The GUI still opens the vault's unlock window (in English: the .qm is gone).
    gui = subprocess.run(
        [str(broken / "bin" / "reflectdesk")],
        cwd=installed.root,
        env={**env, "LANG": "es_CL.UTF-8", "REFLECTDESK_BENCH_EXIT_ON_SHOWN": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert gui.returncode == 0 and "REFLECTDESK_SHOWN" in gui.stdout, gui.stderr
    assert "Traceback" not in gui.stderr
