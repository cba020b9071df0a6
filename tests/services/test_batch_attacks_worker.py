"""Adversarial review of the batch's opening worker (issue 14, performance round):
files swapped between the look and the worker's read, a worker that dies, hangs or is
interrupted, the batch killed under it, the seen-file keys it is given, the many-row
INSERT inside a bundle's SAVEPOINT, and how many opened bundles are held ahead.

Written by the adversarial review of that round; the problems it found (a hung worker
holding a cancel, no byte bound on what is opened ahead, a worker's garbage answer or
Ctrl-C ending in a traceback, a deeply nested folder exhausting the recursion) are
fixed, and these tests keep them so."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from reflectdesk.domain.model import Role
from reflectdesk.errors import NotABundle, VaultStateTampered
from reflectdesk.progress import CancelToken
from reflectdesk.services import batch_import as batch_import_module
from reflectdesk.services.batch_import import BatchImportService, BatchOutcome, BatchProgress
from reflectdesk.services.batch_open import ProcessOpener
from reflectdesk.services.vault import Vault
from reflectdesk.storage import rows
from reflectdesk.storage.seen_files import seen_key
from reflectdesk.vault.cipher import RecordCipher
from tests.services.batch_helpers import Student, add_contacts, make_students, student_bundle
from tests.services.bundle_helpers import new_vault
from tests.support import PASSPHRASE, PYTHON, REPO, raw_db


def _folder(
    tmp_path: Path, students: list[Student], tutor: Vault, count: int, **options: Any
) -> Path:
    folder = tmp_path / "cohorte"
    folder.mkdir()
    me = tutor.identity.key_pair().public
    for i in range(count):
        bundle = student_bundle(students[i % len(students)], [me], seed=i, **options)
        (folder / f"{i:02d}.rdbundle").write_bytes(bundle)
    return folder


@pytest.fixture
def worker_spy(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Every ProcessOpener made, and every path the worker was asked to open; once the
    worker starts, the batch waits for it (as tests/services/test_batch_open.py does)."""
    spy: dict[str, Any] = {"made": [], "paths": []}
    init = ProcessOpener.__init__
    open_file = ProcessOpener.open_file

    def made(self: ProcessOpener, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        spy["made"].append(self)

    def asked(self: ProcessOpener, path: Any, *args: Any, **kwargs: Any) -> Any:
        spy["paths"].append(os.fspath(path))
        return open_file(self, path, *args, **kwargs)

    monkeypatch.setattr(ProcessOpener, "__init__", made)
    monkeypatch.setattr(ProcessOpener, "open_file", asked)
    monkeypatch.setattr(ProcessOpener, "ready", lambda self: self._started.wait(60))
    return spy


def _run_in_thread(
    vault: Vault, folder: Path, progress: Any = None, cancel: CancelToken | None = None
) -> tuple[threading.Thread, list[Any]]:
    done: list[Any] = []
    kwargs: dict[str, Any] = {}
    if progress is not None:
        kwargs["progress"] = progress
    if cancel is not None:
        kwargs["cancel"] = cancel

    def run() -> None:
        try:
            done.append(vault.batch_import.run([folder], **kwargs))
        except BaseException as exc:
            done.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, done


# -- (a) the folder changed between the look and the worker's read -----------------------------
def test_files_swapped_after_the_look_are_refused_by_the_worker_and_never_hang(
    tutor: Vault, tmp_path: Path, worker_spy: dict[str, Any]
) -> None:
    """After collect() looked at the folder: a FIFO, a link to /dev/zero, a sparse file
    over the cap and a directory are swapped in for bundles the worker will read; odd
    names (not UTF-8, a newline, a leading dash) were there from the start. Nothing
    hangs, nothing raises, each is refused with its reason, the rest imported."""
    students = make_students(3)
    add_contacts(tutor, students)
    folder = _folder(tmp_path, students, tutor, 14)
    me = tutor.identity.key_pair().public
    odd_names = [
        os.fsdecode(b"10-\xff\xfe-raro.rdbundle"),
        "11-nueva\nlinea.rdbundle",
        "-12.rdbundle",
    ]
    for k, name in enumerate(odd_names):
        (folder / name).write_bytes(student_bundle(students[k], [me], seed=50 + k))
    fifo, zero, huge, directory = (folder / f"{i:02d}.rdbundle" for i in (5, 6, 7, 9))

    def swap(p: BatchProgress) -> None:
        if p.done == 0 and p.path is None and not fifo.is_fifo():
            fifo.unlink()
            os.mkfifo(fifo)
            zero.unlink()
            zero.symlink_to("/dev/zero")
            with huge.open("r+b") as f:
                f.truncate(600 * 1024 * 1024)  # sparse, over the 512 MiB cap
            directory.unlink()
            directory.mkdir()

    tutor.batch_import.processes = True
    thread, done = _run_in_thread(tutor, folder, swap)
    thread.join(120)
    hung = thread.is_alive()
    if hung:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(30)
    assert not hung
    (report,) = done
    assert not isinstance(report, BaseException), repr(report)
    by_name = {i.path.name: i for i in report.items}
    # The swapped files went through the worker.
    for path in (fifo, zero, huge, directory):
        assert str(path) in worker_spy["paths"]
    assert by_name[fifo.name].reason == "not_a_bundle"
    assert by_name[zero.name].reason == "not_a_bundle"
    assert by_name[huge.name].reason == "bundle_too_large"
    assert by_name[directory.name].reason in ("not_a_bundle", "file_unreadable")
    for name in odd_names:
        assert by_name[name].outcome is BatchOutcome.IMPORTED, name
        if not name.startswith("-"):  # sorted first: opened on the thread
            assert str(folder / name) in worker_spy["paths"]
    assert report.count(BatchOutcome.IMPORTED) == 14 - 4 + len(odd_names)
    assert tutor.integrity_check() == "ok"


def test_a_bundle_swapped_after_the_look_is_recorded_under_its_own_hash(
    tutor: Vault, tmp_path: Path, worker_spy: dict[str, Any]
) -> None:
    """A file swapped for another real bundle after the look is imported as what the
    worker read, and the hash noted as seen is that file's: the first file, put back,
    is opened again (not "already had")."""
    students = make_students(3)
    add_contacts(tutor, students)
    folder = _folder(tmp_path, students, tutor, 10)
    me = tutor.identity.key_pair().public
    target = folder / "07.rdbundle"
    original = target.read_bytes()
    other = student_bundle(students[0], [me], seed=99)

    def swap(p: BatchProgress) -> None:
        if p.done == 0 and p.path is None:
            target.write_bytes(other)

    tutor.batch_import.processes = True
    report = tutor.batch_import.run([folder], progress=swap)
    assert str(target) in worker_spy["paths"]
    assert report.count(BatchOutcome.IMPORTED) == 10
    st = tutor._unlocked()
    seen = {seen_key(st.cipher, hashlib.sha256(other).hexdigest())}
    assert seen <= set(tutor.batch_import._seen().keys())
    recorded = tutor.batch_import._seen().keys()  # SeenFileRepo.keys(), not a dict
    assert seen_key(st.cipher, hashlib.sha256(original).hexdigest()) not in recorded
    target.write_bytes(original)
    again = tutor.batch_import.run([folder])
    assert {i.path.name: i.outcome for i in again.items}[target.name] is BatchOutcome.IMPORTED


# -- (b) the worker dies, hangs, is interrupted; the batch is killed --------------------------
def test_the_worker_killed_in_the_middle_of_a_batch_loses_nothing(
    tutor: Vault, tmp_path: Path, worker_spy: dict[str, Any]
) -> None:
    students = make_students(3)
    add_contacts(tutor, students)
    folder = _folder(tmp_path, students, tutor, 16, entries=2)
    killed: list[int] = []

    def kill(p: BatchProgress) -> None:
        if p.path is not None and p.path.name == "01.rdbundle" and not killed:
            opener = worker_spy["made"][0]
            assert opener._started.wait(60)
            time.sleep(0.3)
            assert opener.pid is not None
            os.kill(opener.pid, signal.SIGKILL)
            killed.append(opener.pid)

    tutor.batch_import.processes = True
    thread, done = _run_in_thread(tutor, folder, kill)
    thread.join(120)
    assert not thread.is_alive()
    (report,) = done
    assert not isinstance(report, BaseException), repr(report)
    assert killed
    assert report.count(BatchOutcome.IMPORTED) == 16
    assert tutor.entries.count() == 2 * 16
    assert tutor.integrity_check() == "ok"


def test_a_hung_worker_and_a_cancel_still_end_the_batch(
    tutor: Vault, tmp_path: Path, worker_spy: dict[str, Any]
) -> None:
    """The worker stops answering (SIGSTOP: a hang) once it has opened the first files;
    the user cancels. The batch ends within seconds: its waits for the next bundle look
    at the cancel in slices and end the worker (it waited for ever before)."""
    students = make_students(3)
    add_contacts(tutor, students)
    folder = _folder(tmp_path, students, tutor, 18, entries=1)
    cancel = CancelToken()
    stopped: list[int] = []

    def stop(p: BatchProgress) -> None:
        if p.path is not None and p.path.name == "01.rdbundle" and not stopped:
            opener = worker_spy["made"][0]
            assert opener._started.wait(60)
            time.sleep(2.0)  # the worker answers what was asked ahead
            assert opener.pid is not None
            os.kill(opener.pid, signal.SIGSTOP)
            stopped.append(opener.pid)
            threading.Timer(1.0, cancel.cancel).start()

    tutor.batch_import.processes = True
    thread, _done = _run_in_thread(tutor, folder, stop, cancel)
    try:
        thread.join(25)
        hung = thread.is_alive()
    finally:
        for pid in stopped:  # let the batch end whatever happened (the cancel ended it)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        thread.join(60)
    assert stopped
    assert not hung, "the batch still waited for the stopped worker 24 s after the cancel"


def test_ctrl_c_reaching_the_worker_prints_no_traceback(
    tutor: Vault, capfd: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C in a terminal sends SIGINT to the whole foreground process group, the
    worker included. The CLI promises no traceback for users (cli/main.py); the worker
    dies of KeyboardInterrupt in ``requests.recv()`` and multiprocessing prints one."""
    (student,) = make_students(1)
    add_contacts(tutor, [student])
    opener = ProcessOpener(tutor.imports.reader_keys())
    data = memoryview(student_bundle(student, [tutor.identity.key_pair().public]))
    try:
        opener.open(data, tutor.contacts.known_authors())
        assert opener.pid is not None
        os.kill(opener.pid, signal.SIGINT)
        opener._process.join(10)
    finally:
        opener.close()
    err = capfd.readouterr().err
    assert "Traceback" not in err, err


_KILL_SCRIPT = """
import os, signal, sys
from pathlib import Path
from reflectdesk.services import batch_open
from reflectdesk.services.vault import Vault

made = []
init = batch_open.ProcessOpener.__init__
def record(self, *a, **k):
    init(self, *a, **k)
    made.append(self)
batch_open.ProcessOpener.__init__ = record
batch_open.ProcessOpener.ready = lambda self: self._started.wait(60)
vault = Vault.open(Path(sys.argv[1]))
vault.unlock(sys.argv[2])
def show(p):
    if made and made[0]._started.is_set() and p.path is not None and p.path.name >= "03":
        sys.stdout.write(f"{made[0].pid}\\n")
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)
vault.batch_import.run([Path(sys.argv[3])], progress=show)
sys.stdout.write("done\\n")
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def test_sigkill_of_the_batch_process_ends_the_worker(tmp_path: Path) -> None:
    vault_dir = tmp_path / "tutor"
    tutor = new_vault(vault_dir, "Teresa Tutora", Role.MENTOR)
    try:
        students = make_students(3)
        add_contacts(tutor, students)
        folder = _folder(tmp_path, students, tutor, 12, entries=1)
    finally:
        tutor.close()
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.run(
        [PYTHON, "-c", _KILL_SCRIPT, str(vault_dir), PASSPHRASE, str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    pid = int(proc.stdout.split()[0])
    deadline = time.monotonic() + 3.0
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid), "the worker outlived the batch's process"
    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)
    try:
        assert vault.integrity_check() == "ok"
    finally:
        vault.close()


# -- (c) the seen-file keys handed to the worker ---------------------------------------------
def test_seen_keys_from_another_vault_or_garbage_skip_nothing(
    tmp_path: Path, worker_spy: dict[str, Any]
) -> None:
    """Someone with row access to the closed file plants seen_files rows: garbage, and
    the keys another vault (same files) would have. The worker gets them and skips
    nothing: keys are per vault (keyed with this vault's data key)."""
    vault_dir = tmp_path / "tutor"
    tutor = new_vault(vault_dir, "Teresa Tutora", Role.MENTOR)
    students = make_students(3)
    add_contacts(tutor, students)
    folder = _folder(tmp_path, students, tutor, 10, entries=1)
    tutor.close()
    other = RecordCipher(os.urandom(32), "0190b2a4-0000-7000-8000-000000000000")
    planted = [
        seen_key(other, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(folder.iterdir())
    ]
    planted += ["0" * 64, "x"]
    conn = raw_db(vault_dir)
    conn.executemany(
        "INSERT INTO seen_files (id, created_at) VALUES (?, 0)", [(k,) for k in planted]
    )
    conn.commit()
    conn.close()
    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)
    try:
        vault.batch_import.processes = True
        report = vault.batch_import.run([folder])
        assert report.count(BatchOutcome.IMPORTED) == 10
        assert len(worker_spy["paths"]) >= 5  # the worker answered for most of them
    finally:
        vault.close()


def _closable_tutor(tmp_path: Path, *, bundles: int, entries: int) -> tuple[Path, Vault, Path]:
    """A tutor's vault (closed and reopened by the test), two students as contacts, and
    a folder of their bundles."""
    vault_dir = tmp_path / "tutor"
    tutor = new_vault(vault_dir, "Teresa Tutora", Role.MENTOR)
    students = make_students(2)
    add_contacts(tutor, students)
    return vault_dir, tutor, _folder(tmp_path, students, tutor, bundles, entries=entries)


# -- (d) many rows per INSERT --------------------------------------------------------------------
def test_rows_inserted_many_per_statement_are_in_the_state_mac(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two rows per statement (so several statements per table and bundle): the vault
    reopens (every row's trigger fired), and a revision, an entry head or
    a bundle-log row inserted that way and deleted in the closed file is caught."""
    monkeypatch.setattr(rows, "_MAX_ROWS", 2)
    vault_dir, tutor, folder = _closable_tutor(tmp_path, bundles=3, entries=5)
    tutor.batch_import.processes = False
    report = tutor.batch_import.run([folder])
    assert report.count(BatchOutcome.IMPORTED) == 3
    assert tutor.entries.count() == 15
    tutor.close()
    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)  # not tampered: every row's element is in the MAC
    vault.close()
    for table in ("entry_revisions", "entries", "bundle_log"):
        copy = tmp_path / f"copy-{table}"
        shutil.copytree(vault_dir, copy)
        conn = raw_db(copy)
        gone = conn.execute(
            f"DELETE FROM {table} WHERE rowid = (SELECT max(rowid) FROM {table})"  # noqa: S608
        ).rowcount
        conn.commit()
        conn.close()
        assert gone == 1
        vault = Vault.open(copy)
        with pytest.raises(VaultStateTampered):
            vault.unlock(PASSPHRASE)
        vault.close()


def test_an_error_after_a_many_row_insert_rolls_the_bundle_back_in_its_savepoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One bundle fails after some of its revision rows were inserted (one row per
    statement here, the failure raised after the second statement ran): that bundle
    is refused and nothing of it stays; the others of its group commit; the vault
    reopens (state MAC) and the bundle imports on the next run."""
    monkeypatch.setattr(rows, "_MAX_ROWS", 1)
    vault_dir, tutor, folder = _closable_tutor(tmp_path, bundles=4, entries=3)
    real = rows._driver
    state = {"n": 0, "failed": False}

    class Failing:
        def __init__(self, raw: Any) -> None:
            self._raw = raw

        def execute(self, sql: str, params: Any = ()) -> Any:
            result = self._raw.execute(sql, params)
            if sql.startswith("INSERT INTO entry_revisions") and not state["failed"]:
                state["n"] += 1
                if state["n"] == 5:  # the second bundle's second revision row
                    state["failed"] = True
                    raise NotABundle("injected")
            return result

        def __getattr__(self, name: str) -> Any:
            return getattr(self._raw, name)

    monkeypatch.setattr(rows, "_driver", lambda where: Failing(real(where)))
    tutor.batch_import.processes = False
    report = tutor.batch_import.run([folder])
    assert state["failed"]
    assert report.count(BatchOutcome.IMPORTED) == 3
    (bad,) = [i for i in report.items if i.outcome is BatchOutcome.REFUSED]
    assert bad.reason == "not_a_bundle"
    assert tutor.entries.count() == 9
    conn = raw_db(vault_dir, readonly=True)
    revisions = conn.execute("SELECT count(*) FROM entry_revisions").fetchone()[0]
    conn.close()
    assert revisions == 9  # none of the refused bundle's rows stayed
    monkeypatch.setattr(rows, "_driver", real)
    tutor.close()
    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)
    try:
        again = vault.batch_import.run([folder])
        assert again.count(BatchOutcome.IMPORTED) == 1
        assert vault.entries.count() == 12
        assert vault.integrity_check() == "ok"
    finally:
        vault.close()


# -- memory: bundles opened ahead ------------------------------------------------------------
def test_bundles_opened_ahead_are_bounded_in_bytes(
    tutor: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While one bundle is stored (here: a slow progress callback), the opening side
    runs ahead. Bundles may be up to 512 MiB each (the cap), so what is held ahead is
    bounded in bytes (PREFETCH_BYTES, here made small) as well as in bundles (PREFETCH):
    at the cap, one bundle ahead, not twelve."""
    students = make_students(2)
    add_contacts(tutor, students)
    folder = _folder(
        tmp_path, students, tutor, 16, entries=1, image_every=1, image_bytes=256 * 1024
    )
    held = {"now": 0, "max": 0, "count": 0, "max_count": 0}
    lock = threading.Lock()
    real_open = BatchImportService._open
    real_one = BatchImportService._one

    def opened(self: Any, *args: Any, **kwargs: Any) -> Any:
        result = real_open(self, *args, **kwargs)
        if result.opened is not None:
            with lock:
                held["now"] += result.opened.size
                held["count"] += 1
                held["max"] = max(held["max"], held["now"])
                held["max_count"] = max(held["max_count"], held["count"])
        return result

    def stored(self: Any, path: Any, ready: Any, *args: Any, **kwargs: Any) -> Any:
        if ready.opened is not None:
            with lock:
                held["now"] -= ready.opened.size
                held["count"] -= 1
        return real_one(self, path, ready, *args, **kwargs)

    sizes = sorted(p.stat().st_size for p in folder.iterdir())
    budget = 3 * sizes[-1]  # about three of these bundles
    monkeypatch.setattr(batch_import_module, "PREFETCH_BYTES", budget)
    monkeypatch.setattr(BatchImportService, "_open", opened)
    monkeypatch.setattr(BatchImportService, "_one", stored)
    slowed: list[bool] = []

    def slow(p: BatchProgress) -> None:
        if p.path is not None and p.path.name == "01.rdbundle" and not slowed:
            slowed.append(True)
            time.sleep(3.0)

    tutor.batch_import.processes = False
    report = tutor.batch_import.run([folder], progress=slow)
    assert report.count(BatchOutcome.IMPORTED) == 16
    # The ones ahead within the budget, and the one whose turn it is.
    assert held["max_count"] <= 4, f"held at once: {held['max_count']} bundles"
    assert held["max"] <= budget + sizes[-1] + 64 * 1024, held


# -- (a), outside the diff: the folder walk ---------------------------------------------------
def test_a_deeply_nested_folder_is_refused_not_a_crash(tutor: Vault, tmp_path: Path) -> None:
    """Someone who writes to the shared folder makes 1,100 nested sub-folders (a path of
    ~2,200 bytes, under PATH_MAX): the walk keeps a stack of its own (it recursed once
    per level, and the batch raised RecursionError: the CLI's "Internal error")."""
    folder = tmp_path / "compartida"
    folder.mkdir()
    fd = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(1100):
            os.mkdir("a", dir_fd=fd)
            deeper = os.open("a", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
    finally:
        os.close(fd)
    (folder / "00.rdbundle").write_bytes(b"not a bundle")
    try:
        report = tutor.batch_import.run([folder])
    finally:
        # pytest's own clean-up recurses per level too: take the tree down first.
        subprocess.run(["rm", "-rf", str(folder)], check=True)
    assert report.count(BatchOutcome.IMPORTED) == 0
    assert [i.path.name for i in report.items] == ["00.rdbundle"]  # refused, nothing else


def test_a_link_out_of_the_folder_swapped_in_after_the_look_is_followed(
    tutor: Vault, tmp_path: Path, worker_spy: dict[str, Any]
) -> None:
    """Documents a limit (as before the change: the batch's own read did the same): the
    "links are not followed out of the chosen folder" rule is checked at the look only;
    a file swapped for such a link afterwards is read through it by the worker (no
    O_NOFOLLOW). What it reaches must still pass every check to be imported."""
    students = make_students(3)
    add_contacts(tutor, students)
    folder = _folder(tmp_path, students, tutor, 10, entries=1)
    outside = tmp_path / "privada"
    outside.mkdir()
    elsewhere = outside / "guardado.rdbundle"
    me = tutor.identity.key_pair().public
    elsewhere.write_bytes(student_bundle(students[1], [me], seed=77))
    target = folder / "06.rdbundle"

    def swap(p: BatchProgress) -> None:
        if p.done == 0 and p.path is None and not target.is_symlink():
            target.unlink()
            target.symlink_to(elsewhere)

    tutor.batch_import.processes = True
    report = tutor.batch_import.run([folder], progress=swap)
    assert str(target) in worker_spy["paths"]
    assert {i.path.name: i.outcome for i in report.items}[target.name] is BatchOutcome.IMPORTED


def test_a_worker_answering_garbage_is_worker_gone_not_a_crash(
    tutor: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, worker_spy: dict[str, Any]
) -> None:
    """docs/threat-model.md: "A worker that dies or answers garbage is WorkerGone ... the
    batch opens the rest on its own thread". Only an answer that fails to unpickle is:
    one that unpickles but is not the 5-tuple (a worker of another version after an
    in-place upgrade: spawn imports the code from disk at each batch) raises
    TypeError/ValueError in the opening thread, and the storing thread re-raises it."""
    students = make_students(3)
    add_contacts(tutor, students)
    folder = _folder(tmp_path, students, tutor, 10, entries=1)

    class Garbling:
        def __init__(self, real: Any) -> None:
            self.real = real
            self.answers = 0

        def recv(self) -> Any:
            request_id, answer = self.real.recv()
            if request_id != 0:
                self.answers += 1
                if self.answers == 2:
                    return request_id, None  # unpickles fine, not an answer
            return request_id, answer

        def __getattr__(self, name: str) -> Any:
            return getattr(self.real, name)

    init = ProcessOpener.__init__  # already the spy's

    def garbled(self: ProcessOpener, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        self._results = Garbling(self._results)  # type: ignore[assignment]

    monkeypatch.setattr(ProcessOpener, "__init__", garbled)
    tutor.batch_import.processes = True
    report = tutor.batch_import.run([folder])
    assert report.count(BatchOutcome.IMPORTED) == 10
