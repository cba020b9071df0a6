"""Import rules (docs/architecture.md): a Qt-free core, ORM inside storage only."""

from __future__ import annotations

import ast
import subprocess
import textwrap
from pathlib import Path

from tests.support import PYTHON, REPO

SRC = REPO / "src" / "reflectdesk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_only_gui_imports_qt() -> None:
    offenders = [
        str(p.relative_to(SRC))
        for p in _modules()
        if "gui" not in p.relative_to(SRC).parts
        and any(n.split(".")[0] in ("PySide6", "shiboken6") for n in _imports(p))
    ]
    assert offenders == []


def test_orm_stays_in_storage() -> None:
    offenders = [
        str(p.relative_to(SRC))
        for p in _modules()
        if p.relative_to(SRC).parts[0] != "storage"
        and any(n.startswith(("reflectdesk.storage.schema", "sqlalchemy")) for n in _imports(p))
    ]
    assert offenders == []


def test_gui_does_not_reach_into_storage() -> None:
    offenders = [
        str(p.relative_to(SRC))
        for p in (SRC / "gui").rglob("*.py")
        if any(
            n.startswith(("reflectdesk.storage", "reflectdesk.vault.cipher")) for n in _imports(p)
        )
    ]
    assert offenders == []


def test_errors_module_is_a_leaf() -> None:
    deps = {n for n in _imports(SRC / "errors.py") if n.startswith("reflectdesk")}
    assert deps <= {"reflectdesk.i18n_marker"}


def test_core_imports_with_pyside6_unimportable() -> None:
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6"):
                    raise ImportError("PySide6 is blocked in this test")
                return None

        sys.meta_path.insert(0, Block())
        import reflectdesk
        import reflectdesk.services
        import reflectdesk.cli.main
        count = 0
        for mod in pkgutil.walk_packages(reflectdesk.__path__, "reflectdesk."):
            if mod.name.startswith("reflectdesk.gui"):
                continue
            importlib.import_module(mod.name)
            count += 1
        reflectdesk.cli.main.build_parser()
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print(count)
        """
    )
    proc = subprocess.run(
        [PYTHON, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) > 20
