"""Bundles of a batch opened in a worker process (issue 14, performance): the same
result and the same errors as opening them here; a dead worker is said, not hidden."""

from __future__ import annotations

import hashlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reflectdesk.bundles import Identity, open_bundle
from reflectdesk.domain.model import AuthorStatus, Role
from reflectdesk.errors import BundleDecryptionFailed, BundleNotForYou
from reflectdesk.services import batch_ahead, batch_open
from reflectdesk.services.batch_import import BatchOutcome
from reflectdesk.services.batch_open import ProcessOpener, WorkerGone
from reflectdesk.services.vault import Vault
from tests.services.batch_helpers import add_contacts, make_students, student_bundle, tamper
from tests.services.bundle_helpers import new_vault


@pytest.fixture
def tutor(tmp_path: Path) -> Iterator[Vault]:
    vault = new_vault(tmp_path / "tutor", "Teresa Tutora", Role.MENTOR)
    yield vault
    vault.close()


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
    folder = tmp_path / "cohorte"
    folder.mkdir()
    for i in range(batch_open.MIN_FILES):
        bundle = student_bundle(students[i % 3], [me], seed=i)
        (folder / f"{i:02d}.rdbundle").write_bytes(bundle)
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
    folder = tmp_path / "cohorte"
    folder.mkdir()
    for i in range(batch_open.MIN_FILES + 2):
        bundle = student_bundle(students[i % 4], [me], seed=i, image_every=2)
        (folder / f"{i:02d}.rdbundle").write_bytes(bundle)
    (folder / "99-alterado.rdbundle").write_bytes(tamper(student_bundle(students[0], [me])))
    tutor.batch_import.processes = True
    report = tutor.batch_import.run([folder])
    assert report.count(BatchOutcome.IMPORTED) == batch_open.MIN_FILES + 2
    (bad,) = [i for i in report.items if i.outcome is BatchOutcome.REFUSED]
    assert bad.reason == "bundle_decryption_failed"
    assert tutor.entries.count() == 3 * (batch_open.MIN_FILES + 2)
    assert tutor.integrity_check() == "ok"


def test_the_worker_reads_the_file_and_opens_the_bytes_the_batch_hashed_if_it_changed(
    tutor: Vault, tmp_path: Path
) -> None:
    students = make_students(2)
    add_contacts(tutor, students)
    me = tutor.identity.key_pair().public
    keys, table = tutor.imports.reader_keys(), tutor.contacts.known_authors()
    first = student_bundle(students[0], [me], entries=2)
    second = student_bundle(students[1], [me], entries=2)
    path = tmp_path / "entrega.rdbundle"
    path.write_bytes(first)
    digest = hashlib.sha256(first).hexdigest()
    opener = ProcessOpener(keys)
    sent: list[object] = []  # what crossed the pipe for the bundle: a path, or bytes
    send = opener._send

    def spy(request: tuple[Any, ...]) -> None:
        source = request[1]
        sent.append(source if isinstance(source, tuple) else type(source))
        send(request)

    opener._send = spy  # type: ignore[method-assign]
    try:
        same, _ = opener.open(memoryview(first), table, path=path, digest=digest)
        assert sent == [(str(path), digest)]  # the worker read the file itself
        # Swapped after the batch read and hashed it: the worker must not open what is
        # there now (it would be imported under the first file's hash).
        path.write_bytes(second)
        swapped, _ = opener.open(memoryview(first), table, path=path, digest=digest)
        path.unlink()  # gone: the same
        gone, _ = opener.open(memoryview(first), table, path=path, digest=digest)
    finally:
        opener.close()
    here = open_bundle(first, keys, table)
    assert sent[1:] == [(str(path), digest), bytes, (str(path), digest), bytes]
    assert same.bundle_id == swapped.bundle_id == gone.bundle_id == here.bundle_id
    assert dict(swapped.entries) == dict(here.entries)


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
