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


# --- front ends go through the services (issue 12, point 4) ---------------------------------
# What gui/ and cli/ may import besides themselves: the services, the domain values they
# return, the errors they raise, and small leaf modules that only present or translate.
FRONT_END_ALLOWED = {
    "reflectdesk": "the package root: __version__",
    "reflectdesk.services": "the one way in",
    "reflectdesk.domain": "frozen values the services return",
    "reflectdesk.errors": "the error hierarchy the services raise",
    "reflectdesk.i18n": "translations (the CLI reads the .ts)",
    "reflectdesk.i18n_marker": "marks strings for lupdate",
    "reflectdesk.progress": "progress and cancel tokens the long services take",
    "reflectdesk.resources": "shipped files (icons, translations)",
    "reflectdesk.location": "where the vault lives, asked before the first window",
    "reflectdesk.atomic_files": "a leaf file utility for files the user saves (prefs, cards)",
    "reflectdesk.templates.model": "frozen values the template service returns",
    "reflectdesk.standards.model": "frozen values the template service returns",
    "reflectdesk.templates.descriptive": "pure text hints the editor shows",
    "reflectdesk.rendering.markdown_html": "pure Markdown to sanitised HTML for the preview",
}
FRONT_END_FORBIDDEN = (
    "reflectdesk.storage",
    "reflectdesk.bundles",
    "reflectdesk.vault",
    "reflectdesk.search",
    "reflectdesk.crypto",
    "reflectdesk.templates.store",
)
# (module under src/reflectdesk, imported module) -> why it may.
FRONT_END_EXCEPTIONS: dict[tuple[str, str], str] = {}


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _front_end_offenders(path: Path, where: str, front: str) -> list[str]:
    """The imports of a front-end module ``where`` (``gui/x.py``) that break the rule."""
    out = []
    for name in sorted(_imports(path)):
        if not _within(name, "reflectdesk") or _within(name, f"reflectdesk.{front}"):
            continue
        if (where, name) in FRONT_END_EXCEPTIONS:
            continue
        forbidden = any(_within(name, bad) for bad in FRONT_END_FORBIDDEN)
        allowed = name in FRONT_END_ALLOWED or any(
            _within(name, ok) for ok in FRONT_END_ALLOWED if ok != "reflectdesk"
        )
        if forbidden or not allowed:
            out.append(f"{where}: {name}")
    return out


def test_front_ends_import_services_domain_and_errors_only() -> None:
    offenders = [
        bad
        for front in ("gui", "cli")
        for path in sorted((SRC / front).rglob("*.py"))
        for bad in _front_end_offenders(path, str(path.relative_to(SRC)), front)
    ]
    assert offenders == []


def test_front_end_rule_catches_every_form_of_a_reach_past_the_services(
    tmp_path: Path,
) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from reflectdesk.bundles import parse_card\n"
        "from reflectdesk.services.vault import Vault\n"
        "from reflectdesk.gui.theme import ThemeManager\n"
        "def f():\n    import reflectdesk.storage.entries\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from reflectdesk.vault.cipher import RecordCipher\n"
        "from reflectdesk.templates.store import DocumentSource\n"
        "from reflectdesk.sync.folder import FolderTransport\n",
        encoding="utf-8",
    )
    assert _front_end_offenders(probe, "gui/probe.py", "gui") == [
        "gui/probe.py: reflectdesk.bundles",
        "gui/probe.py: reflectdesk.storage.entries",
        "gui/probe.py: reflectdesk.sync.folder",  # not listed: not allowed either
        "gui/probe.py: reflectdesk.templates.store",
        "gui/probe.py: reflectdesk.vault.cipher",
    ]
    # The CLI may not reach into the GUI either.
    assert "cli/probe.py: reflectdesk.gui.theme" in _front_end_offenders(
        probe, "cli/probe.py", "cli"
    )


def test_front_end_exceptions_are_still_needed() -> None:
    """An exception whose file no longer imports the module is stale: remove it."""
    for where, name in FRONT_END_EXCEPTIONS:
        path = SRC / where
        if path.exists():  # a moved file (e.g. screenshots.py to tools/) drops its entry
            assert name in _imports(path), (where, name)


def test_the_bundle_layer_never_calls_back_into_a_service() -> None:
    """The import walk goes one way: bundles/ imports no service, storage or vault, and
    what the services call takes values (key pairs, a table of known authors), never a
    callback."""
    import inspect

    from reflectdesk.bundles import opening

    for path in sorted((SRC / "bundles").rglob("*.py")):
        reached = {
            n
            for n in _imports(path)
            if any(_within(n, f"reflectdesk.{p}") for p in ("services", "storage", "vault", "gui"))
        }
        assert reached == set(), path.name
    for fn in (opening.open_bundle, opening.recheck_author, opening.inspect_bundle):
        params = inspect.signature(fn).parameters.values()
        assert all("Callable" not in str(p.annotation) for p in params), fn.__name__


def test_every_core_logger_logs() -> None:
    """A module-level logger that never logs is noise a reader has to check (issue 12)."""
    idle = []
    for p in _modules():
        if "gui" in p.relative_to(SRC).parts:
            continue
        tree = ast.parse(p.read_text(encoding="utf-8"))
        loggers = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and ast.unparse(node.value.func) == "logging.getLogger"
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        used = {
            node.value.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
        }
        idle += [f"{p.relative_to(SRC)}:{name}" for name in sorted(loggers - used)]
    assert idle == []


# --- arrows point one way (issue 12) ---------------------------------------------------------
# Each top-level module or package of reflectdesk sits in one layer; an import goes to a
# lower layer, or sideways within a layer only where SIDEWAYS allows it (docs/architecture.md).
LAYERS: tuple[frozenset[str], ...] = (
    # leaf utilities: no domain knowledge, no state
    frozenset(
        {"errors", "i18n_marker", "ids", "progress", "atomic_files", "xmlsafe", "resources"}
        | {"i18n", "location"}  # the CLI's .ts reader; where the vault lives (imports nothing)
    ),
    frozenset({"domain"}),  # frozen dataclasses and pure rules
    # data formats and pure engines, no vault
    frozenset(
        {"crypto", "bundles", "templates", "standards", "search", "rendering", "review"}
        | {"research", "sync"}
    ),
    frozenset({"storage", "vault"}),  # the SQLite file and its keys
    frozenset({"services"}),
    frozenset({"cli", "gui"}),  # front ends: never each other
)
SIDEWAYS: dict[str, frozenset[str]] = {
    # leaf modules build on the error catalogue and on each other, never in a cycle
    "atomic_files": frozenset({"errors"}),
    "progress": frozenset({"errors"}),
    "resources": frozenset({"errors"}),
    "errors": frozenset({"i18n_marker"}),
    "i18n": frozenset({"resources"}),
    # rendering fills a template's sections and names its standards
    "rendering": frozenset({"templates", "standards"}),
    "standards": frozenset({"templates"}),  # the same strict YAML loader and localized text
    "research": frozenset({"bundles"}),  # a QDPX file's names pass the bundle's zip guard
    "review": frozenset({"bundles"}),  # review records: canonical JSON, signed by identities
    "storage": frozenset({"vault"}),  # rows are sealed with the vault's record cipher
}


def _layer_of(part: str) -> int:
    for n, layer in enumerate(LAYERS):
        if part in layer:
            return n
    raise AssertionError(f"reflectdesk.{part} is in no layer: add it to LAYERS")


def test_imports_point_down_the_layers() -> None:
    wrong = []
    for p in _modules():
        rel = p.relative_to(SRC)
        if rel == Path("__init__.py"):
            continue
        me = rel.parts[0].removesuffix(".py")
        for name in _imports(p):
            parts = name.split(".")
            if parts[0] != "reflectdesk" or len(parts) < 2 or parts[1] == me:
                continue
            to = parts[1]
            below = _layer_of(to) < _layer_of(me)
            if not below and to not in SIDEWAYS.get(me, frozenset()):
                wrong.append(f"{rel} -> {name}")
    assert wrong == []


def test_sideways_arrows_are_in_one_layer_and_form_no_cycle() -> None:
    for me, others in SIDEWAYS.items():
        assert all(_layer_of(o) == _layer_of(me) for o in others), me
    done: set[str] = set()

    def visit(node: str, path: tuple[str, ...]) -> None:
        assert node not in path, " -> ".join((*path, node))
        if node not in done:
            for nxt in SIDEWAYS.get(node, frozenset()):
                visit(nxt, (*path, node))
            done.add(node)

    for start in SIDEWAYS:
        visit(start, ())


# --- tests mirror the source (issue 12) ------------------------------------------------------
TESTS = REPO / "tests"
# Modules that need no test module of their own, and why (keep it short).
NO_TEST_MODULE: dict[str, str] = {
    "cli/__main__.py": "three lines that call cli.main.main; crash tests run it as -m",
    "i18n_marker.py": "returns its argument: a marker pyside6-lupdate looks for",
    "storage/schema.py": "table declarations; every storage test and test_migrations use them",
    "bundles/schemas.py": "JSON schema declarations; canonical.validate is tested, and each "
    "schema by the manifest, container and card tests",
    "bundles/limits.py": "a frozen value of caps; each cap is tested where it is enforced",
    "research/model.py": "plain dataclasses; the research tests build and read them",
    "services/unlocked_state.py": "wires the repositories; every service test builds one",
    "services/sync_common.py": "SyncService's shared state and helpers, no behaviour of its "
    "own: run by test_sync, test_sync_outbox and test_sync_inbox",
}
# Known gaps, merged with sync (issue 11) while this rule landed: tested where named, to
# get their own test module. This list only shrinks.
NOT_MIRRORED_YET: dict[str, str] = {
    "domain/sync.py": "tests/services/test_sync.py",
    "services/exchange.py": "tests/services/test_sync.py, tests/cli/commands/test_sync.py",
    "services/sync_import.py": "tests/services/test_sync_inbox.py",
    "storage/exchange_points.py": "tests/services/test_sync.py",
    "storage/sync_state.py": "tests/services/test_sync.py",
}


def _test_module(rel: Path) -> Path:
    return TESTS.joinpath(*rel.parts[:-1], f"test_{rel.name}")


def _only_reexports(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return not any(
        isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for n in tree.body
    )


def test_every_core_module_has_its_test_module() -> None:
    """A module's tests are at tests/<package>/test_<module>.py (GUI modules: to come)."""
    missing = set()
    for p in _modules():
        rel = p.relative_to(SRC)
        if rel.parts[0] == "gui" or _test_module(rel).exists():
            continue
        if rel.name == "__init__.py" and _only_reexports(p):
            continue  # a docstring and re-exports: nothing of its own to test
        missing.add(rel.as_posix())
    assert missing - NO_TEST_MODULE.keys() - NOT_MIRRORED_YET.keys() == set()
    # One that got its test module leaves the lists.
    assert (NO_TEST_MODULE.keys() | NOT_MIRRORED_YET.keys()) - missing == set()
