"""Adversary review of batch import groups (many bundles per transaction, one SAVEPOINT
each; attack2, 03 Dec): a file reported "imported" must be committed at that moment, a
bad bundle in a group must not take the others with it, and the same bundle twice in
one group is stored once. (A SIGKILL mid-group: tests/services/test_batch_import.py::
test_sigkill_during_a_batch_loses_nothing_counted_and_halves_nothing.)

Real vaults, real bundles (age, Ed25519), real SQLite; the check of what is committed
runs on another thread, which sees only committed data."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from reflectdesk.services.batch_report import BatchOutcome, BatchProgress
from reflectdesk.services.vault import Vault
from tests.services.batch_helpers import add_contacts, make_cohort, make_students, student_bundle


def test_no_file_is_reported_imported_before_its_group_committed(
    tutor: Vault, tmp_path: Path
) -> None:
    """One transaction for the whole folder, refused bundles (tampered, sealed to someone
    else, revoked sender) between good ones: at the moment each result is reported, a
    reader on another thread already sees its bundle in the log; the refused ones roll
    back alone and every good one is stored."""
    cohort = make_cohort(tutor, tmp_path / "cohorte", students=4, bundles=14)
    tutor.batch_import.group_bundles = 64
    tutor.batch_import.group_seconds = 600.0
    reader = ThreadPoolExecutor(1)
    late: list[str] = []

    def committed_ids() -> set[str]:
        return {b.bundle_id for b in tutor.bundle_log.list("in")}

    def sink(p: BatchProgress) -> None:
        item = p.item
        if item is None or item.outcome is not BatchOutcome.IMPORTED:
            return
        if item.bundle_id not in reader.submit(committed_ids).result(10):
            late.append(item.path.name)

    try:
        report = tutor.batch_import.run([cohort.folder], progress=sink)
    finally:
        reader.shutdown()
    by_path = {i.path: i.outcome for i in report.items}
    assert late == []
    assert all(by_path[p] is BatchOutcome.IMPORTED for p in cohort.good)
    for p in cohort.tampered + cohort.not_for_you + cohort.revoked:
        assert by_path[p] is BatchOutcome.REFUSED
    assert len(tutor.bundle_log.list("in")) == len(cohort.good)
    assert tutor.entries.count() == 2 * len(cohort.good)
    assert tutor.integrity_check() == "ok"


def test_the_same_bundle_twice_in_one_group_is_stored_once(tutor: Vault, tmp_path: Path) -> None:
    """The second copy is opened on the other thread before the first is committed (so
    the seen-file table cannot answer): the group's own savepoint must."""
    students = make_students(2)
    add_contacts(tutor, students)
    me = [tutor.identity.key_pair().public]
    folder = tmp_path / "dos"
    folder.mkdir()
    (folder / "a.rdbundle").write_bytes(student_bundle(students[0], me, entries=3, seed=1))
    shutil.copy(folder / "a.rdbundle", folder / "b-copia.rdbundle")
    (folder / "c.rdbundle").write_bytes(student_bundle(students[1], me, entries=3, seed=2))
    tutor.batch_import.group_bundles = 64
    tutor.batch_import.group_seconds = 600.0
    report = tutor.batch_import.run([folder])
    outcomes = sorted((i.path.name, i.outcome) for i in report.items)
    assert outcomes == [
        ("a.rdbundle", BatchOutcome.IMPORTED),
        ("b-copia.rdbundle", BatchOutcome.ALREADY),
        ("c.rdbundle", BatchOutcome.IMPORTED),
    ]
    assert (tutor.entries.count(), len(tutor.bundle_log.list("in"))) == (6, 2)
