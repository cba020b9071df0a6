"""Batch import attacked (issue 14): the "already had" shortcut and the files swapped
between the look at them (collect) and the read. Real vaults, real bundles."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reflectdesk.domain.model import Role
from reflectdesk.services.batch_import import BatchOutcome, BatchProgress, BatchReport
from reflectdesk.services.vault import Vault
from reflectdesk.storage.database import DB_NAME
from tests.services.batch_helpers import (
    Cohort,
    add_contacts,
    make_cohort,
    make_students,
    student_bundle,
)
from tests.services.bundle_helpers import new_vault
from tests.support import PASSPHRASE, raw_db


@pytest.fixture
def cohort(tutor: Vault, tmp_path: Path) -> Cohort:
    return make_cohort(
        tutor, tmp_path / "cohorte", students=2, bundles=4, tampered=0, not_for_you=0
    )


def test_a_bundle_swapped_for_a_fifo_after_the_look_never_hangs_the_batch(
    tutor: Vault, cohort: Cohort, tmp_path: Path
) -> None:
    """Someone writing to the shared folder swaps a bundle for a FIFO once the batch has
    looked at it (a regular file then): the read must not block for ever."""
    folder = tmp_path / "compartida"
    folder.mkdir()
    first, second = folder / "a.rdbundle", folder / "b.rdbundle"
    first.write_bytes(cohort.good[0].read_bytes())
    second.write_bytes(cohort.good[1].read_bytes())

    def swap(p: BatchProgress) -> None:
        if p.done == 0 and p.path is None and first.is_file():
            first.unlink()
            os.mkfifo(first)

    done: list[BatchReport] = []
    worker = threading.Thread(
        target=lambda: done.append(tutor.batch_import.run([folder], progress=swap)), daemon=True
    )
    worker.start()
    worker.join(20)
    hung = worker.is_alive()
    if hung:  # let the blocked read end (a writer that closes at once) before failing
        fd = os.open(first, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(20)
    assert not hung, "the batch blocked on a FIFO swapped in after the look"
    items = {i.path.name: i for i in done[0].items}
    assert items["a.rdbundle"].outcome is BatchOutcome.REFUSED
    assert items["b.rdbundle"].outcome is BatchOutcome.IMPORTED


def test_a_different_bundle_is_never_already_had(
    tutor: Vault, cohort: Cohort, tmp_path: Path
) -> None:
    """The shortcut is keyed by the whole file's SHA-256: a file once imported, then
    replaced at the same path and with the same size and time by another real bundle,
    is opened and imported, not answered "already had"."""
    folder = tmp_path / "otra"
    folder.mkdir()
    path = folder / "x.rdbundle"
    path.write_bytes(cohort.good[0].read_bytes())
    first = tutor.batch_import.run([folder])
    assert [i.outcome for i in first.items] == [BatchOutcome.IMPORTED]
    st = path.stat()
    other = cohort.good[1].read_bytes()
    path.write_bytes(other)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    again = tutor.batch_import.run([folder])
    assert [i.outcome for i in again.items] == [BatchOutcome.IMPORTED]
    # and the first one back: already had (byte for byte a file that passed every check)
    path.write_bytes(cohort.good[0].read_bytes())
    assert [i.outcome for i in tutor.batch_import.run([folder]).items] == [BatchOutcome.ALREADY]


def test_verifying_one_unknown_sender_admits_nobody_else(tutor: Vault, tmp_path: Path) -> None:
    """Two unknown senders; the tutor compares and accepts one. Before the second pass,
    someone writing to the folder swaps the other sender's bundle in under a path of
    the accepted one's: it is not imported, its sender is not added, nothing verified
    but the one chosen."""
    alba, intrusa = make_students(2, seed=21)
    me = [tutor.identity.key_pair().public]
    folder = tmp_path / "nuevos"
    folder.mkdir()
    for i in range(2):
        (folder / f"alba-{i}.rdbundle").write_bytes(student_bundle(alba, me, seed=i))
    (folder / "intrusa.rdbundle").write_bytes(student_bundle(intrusa, me, seed=9))
    report = tutor.batch_import.run([folder])
    assert report.count(BatchOutcome.UNKNOWN_SENDER) == 3
    chosen = alba.identity.public.key_id_hex
    (info,) = [u for u in report.unknown_senders if u.key_id == chosen]
    swapped = info.paths[0]
    swapped.write_bytes(student_bundle(intrusa, me, seed=10))  # swapped in
    second = tutor.batch_import.import_senders(report, [chosen], verified=True)
    outcomes = {i.path.name: i.outcome for i in second.items}
    assert outcomes[swapped.name] is BatchOutcome.UNKNOWN_SENDER
    assert outcomes["intrusa.rdbundle"] is BatchOutcome.UNKNOWN_SENDER
    (contact,) = tutor.contacts.list()
    assert contact.verified and contact.name == alba.name
    assert tutor.entries.count() == 3  # alba's other bundle only
    assert {u.key_id for u in second.unknown_senders} == {intrusa.identity.public.key_id_hex}


def test_a_page_damaged_while_the_vault_was_closed_stops_the_batch_with_its_reason(
    tmp_path: Path,
) -> None:
    """A page of a table the unlock does not read (attachment chunks), flipped in the
    closed file: the batch meets it through the driver's own calls (storage/rows.py)
    and stops with ``vault_damaged``, as through the engine; nothing is raised."""
    vault_dir = tmp_path / "tutor"
    tutor = new_vault(vault_dir, "Teresa Tutora", Role.MENTOR)
    students = make_students(2)
    add_contacts(tutor, students)
    me = tutor.identity.key_pair().public
    folder = tmp_path / "cohorte"
    folder.mkdir()
    for i in range(10):
        data = student_bundle(
            students[i % 2], [me], entries=2, image_every=1, image_bytes=20_000, seed=i
        )
        (folder / f"{i:02d}.rdbundle").write_bytes(data)
    tutor.close()
    conn = raw_db(vault_dir)
    roots = [
        page
        for (page,) in conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE tbl_name = 'attachment_chunks'"
        ).fetchall()
    ]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    path = vault_dir / DB_NAME
    raw = bytearray(path.read_bytes())
    for page in roots:
        raw[(page - 1) * 4096 + 200] ^= 0x01
    path.write_bytes(bytes(raw))
    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)
    try:
        for processes in (True, False):  # opened in the worker, or on the thread
            vault.batch_import.processes = processes
            report = vault.batch_import.run([folder])
            assert report.stopped == "vault_damaged"
            assert report.items[0].reason == "vault_damaged"
            assert {i.outcome for i in report.items[1:]} == {BatchOutcome.NOT_DONE}
    finally:
        vault.close()
