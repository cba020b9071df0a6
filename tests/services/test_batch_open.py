"""Bundles of a batch opened in a worker process (issue 14, performance): the same
result and the same errors as opening them here; a dead worker is said, not hidden."""

from __future__ import annotations

import hashlib
import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

from reflectdesk.bundles import Identity, PublicIdentity, open_bundle, read_bundle_file
from reflectdesk.bundles.limits import DEFAULT_LIMITS
from reflectdesk.domain.model import AuthorStatus
from reflectdesk.errors import BundleDecryptionFailed, BundleNotForYou, FileUnreadable
from reflectdesk.services import batch_ahead, batch_open
from reflectdesk.services.batch_import import BatchOutcome
from reflectdesk.services.batch_open import ProcessOpener, WorkerGone
from reflectdesk.services.vault import Vault
from reflectdesk.storage.seen_files import seen_key
from tests.services.batch_helpers import (
    Student,
    add_contacts,
    make_students,
    student_bundle,
    tamper,
)


def _cohort(
    tmp_path: Path, students: list[Student], me: PublicIdentity, count: int, **options: Any
) -> Path:
    """A folder of ``count`` bundles, the students taking turns."""
    folder = tmp_path / "cohorte"
    folder.mkdir()
    for i in range(count):
        bundle = student_bundle(students[i % len(students)], [me], seed=i, **options)
        (folder / f"{i:02d}.rdbundle").write_bytes(bundle)
    return folder


def test_the_worker_opens_a_bundle_as_this_process_does(tutor: Vault) -> None:
    (student,) = make_students(1)
    add_contacts(tutor, [student])
    keys = tutor.imports.reader_keys()
    table = tutor.contacts.known_authors()
    data = student_bundle(student, [tutor.identity.key_pair().public], entries=3, image_every=2)
    here = open_bundle(data, keys, table)
    cipher = tutor._unlocked().cipher
    opener = ProcessOpener(keys, cipher=cipher)
    try:
        there, ahead = opener.open(memoryview(data), table)
    finally:
        opener.close()
    # What the worker computed ahead with the vault's cipher is what this process would.
    assert ahead.ids == batch_ahead.compute(cipher, here).ids and len(ahead.ids) >= 3
    assert {e: set(rows) for e, rows in ahead.sealed.items()} == {
        e: set(rows) for e, rows in batch_ahead.compute(cipher, here).sealed.items()
    }
    assert there.bundle_id == here.bundle_id
    assert there.author_status is here.author_status and there.pinned == here.pinned
    assert there.author == here.author and there.reader == here.reader
    assert dict(there.entries) == dict(here.entries)
    assert {k: bytes(v) for k, v in there.attachments.items()} == {
        k: bytes(v) for k, v in here.attachments.items()
    }
    assert there.attachments  # an image came through the pipe
    assert there.manifest == here.manifest and there.size == here.size


def test_the_workers_refusals_are_the_same_errors(tutor: Vault) -> None:
    (student,) = make_students(1)
    add_contacts(tutor, [student])
    me = tutor.identity.key_pair().public
    opener = ProcessOpener(tutor.imports.reader_keys())
    table = tutor.contacts.known_authors()
    try:
        with pytest.raises(BundleDecryptionFailed) as tampered:
            opener.open(memoryview(tamper(student_bundle(student, [me]))), table)
        assert tampered.value.code == "bundle_decryption_failed"
        # Sealed to someone else: the same class, detail and message as here.
        sealed = student_bundle(student, [Identity.generate().public])
        with pytest.raises(BundleNotForYou) as there:
            opener.open(memoryview(sealed), table)
    finally:
        opener.close()
    with pytest.raises(BundleNotForYou) as here:
        open_bundle(sealed, tutor.imports.reader_keys(), table)
    assert (there.value.detail, there.value.params) == (here.value.detail, here.value.params)
    assert str(there.value) == str(here.value)


def test_a_dead_worker_is_said_and_the_batch_opens_on_its_thread(
    tutor: Vault, tmp_path: Path
) -> None:
    students = make_students(3)
    add_contacts(tutor, students)
    me = tutor.identity.key_pair().public
    opener = ProcessOpener(tutor.imports.reader_keys())
    table = tutor.contacts.known_authors()
    data = student_bundle(students[0], [me])
    try:
        opener.open(memoryview(data), table)  # started
        assert opener.pid is not None
        os.kill(opener.pid, signal.SIGKILL)
        with pytest.raises(WorkerGone):
            opener.open(memoryview(data), table)
    finally:
        opener.close()
    # A whole batch big enough for the worker imports every bundle.
    folder = _cohort(tmp_path, students, me, batch_open.MIN_FILES)
    tutor.batch_import.processes = True
    report = tutor.batch_import.run([folder])
    assert report.count(BatchOutcome.IMPORTED) == batch_open.MIN_FILES


def test_small_batches_and_frozen_builds_open_on_the_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(batch_open, "_cpus", lambda: 2)
    assert not batch_open.usable(batch_open.MIN_FILES - 1)
    assert batch_open.usable(batch_open.MIN_FILES)
    monkeypatch.setattr(batch_open, "_cpus", lambda: 1)  # pinned to one CPU
    assert not batch_open.usable(500)
    monkeypatch.setattr(batch_open, "_cpus", lambda: 2)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert not batch_open.usable(500)


def test_a_batch_through_the_worker_imports_what_the_thread_does(
    tutor: Vault, tmp_path: Path
) -> None:
    students = make_students(4)
    add_contacts(tutor, students)
    me = tutor.identity.key_pair().public
    folder = _cohort(tmp_path, students, me, batch_open.MIN_FILES + 2, image_every=2)
    (folder / "99-alterado.rdbundle").write_bytes(tamper(student_bundle(students[0], [me])))
    tutor.batch_import.processes = True
    report = tutor.batch_import.run([folder])
    assert report.count(BatchOutcome.IMPORTED) == batch_open.MIN_FILES + 2
    (bad,) = [i for i in report.items if i.outcome is BatchOutcome.REFUSED]
    assert bad.reason == "bundle_decryption_failed"
    assert tutor.entries.count() == 3 * (batch_open.MIN_FILES + 2)
    assert tutor.integrity_check() == "ok"


def test_the_worker_reads_hashes_and_opens_the_file_once_and_skips_what_was_seen(
    tutor: Vault, tmp_path: Path
) -> None:
    students = make_students(2)
    add_contacts(tutor, students)
    me = tutor.identity.key_pair().public
    keys, table = tutor.imports.reader_keys(), tutor.contacts.known_authors()
    cipher = tutor._unlocked().cipher
    first = student_bundle(students[0], [me], entries=2)
    second = student_bundle(students[1], [me], entries=2)
    old, new = tmp_path / "vista.rdbundle", tmp_path / "nueva.rdbundle"
    old.write_bytes(first)
    new.write_bytes(second)
    seen = frozenset({seen_key(cipher, hashlib.sha256(first).hexdigest())})
    opener = ProcessOpener(keys, cipher=cipher, seen=seen)
    sent: list[object] = []  # what crossed the pipe for each bundle
    send = opener._send

    def spy(request: tuple[Any, ...]) -> None:
        sent.append(request[1] if request[0] else ("seen", request[1]))
        send(request)

    opener._send = spy  # type: ignore[method-assign]
    try:
        skipped = opener.open_file(old, table)
        digest, opened, ahead = opener.open_file(new, table)
        with pytest.raises(FileUnreadable):  # gone: the error reading it here gives
            opener.open_file(tmp_path / "no-existe.rdbundle", table)
    finally:
        opener.close()
    # Seen before: hashed, not opened, nothing computed ahead.
    assert skipped == (hashlib.sha256(first).hexdigest(), None, batch_ahead.NOTHING)
    # The seen keys went once, before the first file; then only the paths; the hash
    # is of what the worker read, and it opened that.
    assert sent[:3] == [("seen", seen), str(old), str(new)]
    assert digest == hashlib.sha256(second).hexdigest()
    assert opened is not None and opened.bundle_id == open_bundle(second, keys, table).bundle_id
    assert set(ahead.sealed) and dict(opened.entries) == dict(
        open_bundle(second, keys, table).entries
    )
    with pytest.raises(FileUnreadable):
        read_bundle_file(tmp_path / "no-existe.rdbundle", DEFAULT_LIMITS)


def test_the_table_of_authors_goes_to_the_worker_once_per_version(tutor: Vault) -> None:
    (student,) = make_students(1)
    me = tutor.identity.key_pair().public
    keys = tutor.imports.reader_keys()
    data = memoryview(student_bundle(student, [me], entries=1))
    before = tutor.contacts.known_authors()  # she is not a contact yet
    add_contacts(tutor, [student])
    after = tutor.contacts.known_authors()
    opener = ProcessOpener(keys)
    try:
        unknown, _ = opener.open(data, before, version=1)
        # The same version again: the worker keeps the table it has (not sent again).
        kept, _ = opener.open(data, after, version=1)
        known, _ = opener.open(data, after, version=2)
        unversioned, _ = opener.open(data, before)  # no version: always sent
    finally:
        opener.close()
    assert unknown.author_status is kept.author_status is AuthorStatus.UNKNOWN
    assert known.author_status is open_bundle(data, keys, after).author_status
    assert known.author_status in (AuthorStatus.KNOWN, AuthorStatus.VERIFIED)
    assert unversioned.author_status is AuthorStatus.UNKNOWN


def test_a_folder_again_with_new_files_skips_the_seen_ones_in_the_worker(
    tutor: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    students = make_students(3)
    add_contacts(tutor, students)
    me = tutor.identity.key_pair().public
    folder = _cohort(tmp_path, students, me, batch_open.MIN_FILES)
    tutor.batch_import.processes = True
    first = tutor.batch_import.run([folder])
    assert first.count(BatchOutcome.IMPORTED) == batch_open.MIN_FILES
    # Two new files sort first: the first starts the worker, which then answers for
    # the files already seen without opening them.
    for i in range(2):
        bundle = student_bundle(students[i], [me], seed=100 + i)
        (folder / f"0-nueva-{i}.rdbundle").write_bytes(bundle)
    answers: list[bool] = []  # opened (True) or seen before (False), per worker answer
    open_file = ProcessOpener.open_file

    def spy(self: ProcessOpener, *args: Any, **kwargs: Any) -> Any:
        answer = open_file(self, *args, **kwargs)
        answers.append(answer[1] is not None)
        return answer

    monkeypatch.setattr(ProcessOpener, "open_file", spy)
    # Once started, the batch waits for it (here ten small files would all be opened
    # on the thread in the ~0.5 s the worker takes to start).
    monkeypatch.setattr(ProcessOpener, "ready", lambda self: self._started.wait(60))
    again = tutor.batch_import.run([folder])
    assert again.count(BatchOutcome.IMPORTED) == 2
    assert again.count(BatchOutcome.ALREADY) == batch_open.MIN_FILES
    assert False in answers  # the worker said "seen" for some, opening nothing
    assert tutor.entries.count() == 3 * (batch_open.MIN_FILES + 2)
    assert tutor.integrity_check() == "ok"
