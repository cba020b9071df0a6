"""Batch import (issue 14, points 1 and 5): a folder of a cohort's bundles, each checked
and imported on its own; refusals per file; unknown senders at once; bad input."""

from __future__ import annotations

import csv
import io
import os
import random
import select
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from reflectdesk.bundles import BundleKind, BundleMeta, build_bundle, card_path, safety_number
from reflectdesk.progress import CancelToken
from reflectdesk.services.batch_import import (
    BatchItem,
    BatchOutcome,
    BatchProgress,
    BatchReport,
    collect,
    report_csv,
    write_report_csv,
)
from reflectdesk.services.vault import Vault
from tests.services.batch_helpers import (
    Cohort,
    add_contacts,
    make_cohort,
    make_students,
    student_bundle,
)
from tests.support import PASSPHRASE, PYTHON, REPO, cli_env

SCRIPT = REPO / "tests" / "support_scripts" / "crash_batch_import.py"


@pytest.fixture
def cohort(tutor: Vault, tmp_path: Path) -> Cohort:
    return make_cohort(tutor, tmp_path / "cohorte", students=6, bundles=16)


def _by_path(report: BatchReport) -> dict[Path, BatchItem]:
    return {i.path: i for i in report.items}


def _entries_per_bundle(tutor: Vault) -> tuple[int, int]:
    """(entries held, bundles logged in): with 2 new entries per bundle, nothing half-stored
    means entries == 2 x bundles."""
    return tutor.entries.count(), len(tutor.bundle_log.list("in"))


def test_a_cohort_folder_imports_with_a_reason_per_refusal(tutor: Vault, cohort: Cohort) -> None:
    seen: list[BatchProgress] = []
    report = tutor.batch_import.run([cohort.folder], progress=seen.append)
    items = _by_path(report)
    assert len(report.items) == 16
    assert {items[p].outcome for p in cohort.good} == {BatchOutcome.IMPORTED}
    assert {items[p].reason for p in cohort.tampered} == {"bundle_decryption_failed"}
    assert {items[p].reason for p in cohort.not_for_you} == {"bundle_not_for_you"}
    assert items[cohort.revoked[0]].reason == "bundle_author_revoked"
    assert items[cohort.unknown[0]].outcome is BatchOutcome.UNKNOWN_SENDER
    assert report.count(BatchOutcome.REFUSED) == 3 + 2 + 1
    # Progress as data: done/total, and the sender's name once known.
    assert seen[0] == BatchProgress(0, 16)
    assert seen[-1].done == seen[-1].total == 16
    names = {s.name for s in cohort.students}
    assert {p.sender for p in seen if p.item and p.item.outcome is BatchOutcome.IMPORTED} <= names
    assert tutor.entries.count() == 2 * len(cohort.good)
    # Indexed in batches, all of it by the end: search finds every entry.
    assert tutor._unlocked().index.stale() == ([], [])
    hits = tutor.search.query("semana", limit=1000)  # every title
    assert len(hits) == 2 * len(cohort.good)
    # One list of unknown senders, with the safety number to compare.
    (unknown,) = report.unknown_senders
    assert unknown.name == cohort.unknown_student.name
    assert unknown.paths == tuple(cohort.unknown)
    me = tutor.identity.key_pair().public
    assert unknown.safety_number == safety_number(me, cohort.unknown_student.identity.public)
    # The second pass: verified at once, then imported; the report is updated.
    second = tutor.batch_import.import_senders(report, [unknown.key_id], verified=True)
    assert _by_path(second)[cohort.unknown[0]].outcome is BatchOutcome.IMPORTED
    assert second.unknown_senders == ()
    contact_id = _by_path(second)[cohort.unknown[0]].contact_id
    assert contact_id is not None and tutor.contacts.get(contact_id).verified
    assert tutor.entries.count() == 2 * (len(cohort.good) + 1)
    assert tutor.integrity_check() == "ok"
    # The senders of a batch make a cohort.
    assert len(second.sender_contact_ids) == 6  # 5 known (one revoked) + the new one
    group = tutor.cohorts.create("Práctica II — 2026 — Sección 2", second.sender_contact_ids)
    assert set(group.member_ids) == set(second.sender_contact_ids)


def test_the_same_folder_again_is_answered_before_decrypting(tutor: Vault, cohort: Cohort) -> None:
    tutor.batch_import.run([cohort.folder])
    before = _entries_per_bundle(tutor)
    again = tutor.batch_import.run([cohort.folder])
    items = _by_path(again)
    for p in cohort.good:
        # From seen_files: no bundle id, because nothing was decrypted.
        assert items[p].outcome is BatchOutcome.ALREADY and items[p].bundle_id == ""
    assert _entries_per_bundle(tutor) == before
    # A copy of a bundle under another name is the same file: also answered from there.
    copy = cohort.folder / "copia.rdbundle"
    copy.write_bytes(cohort.good[0].read_bytes())
    (item,) = [i for i in tutor.batch_import.run([copy]).items]
    assert item.outcome is BatchOutcome.ALREADY


def test_the_same_bundle_without_the_seen_row_is_already_imported(
    tutor: Vault, cohort: Cohort
) -> None:
    """The bundle log, not the seen-files shortcut, makes import idempotent."""
    tutor.batch_import.run([cohort.good[0]])
    st = tutor._unlocked()
    with st.db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM seen_files")
    (item,) = tutor.batch_import.run([cohort.good[0]]).items
    assert item.outcome is BatchOutcome.ALREADY and item.bundle_id != ""


def test_five_thousand_non_bundles_are_refused_quickly(tutor: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "fotos"
    folder.mkdir()
    for i in range(5000):
        (folder / f"foto-{i:04d}.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(i % 300))
    (folder / "vacio.rdbundle").write_bytes(b"")
    t0 = time.perf_counter()
    report = tutor.batch_import.run([folder])
    elapsed = time.perf_counter() - t0
    assert len(report.items) == 5001
    assert {i.reason for i in report.items} == {"not_a_bundle"}
    assert elapsed < 5.0, elapsed  # ~0.3 s here: 22 bytes read per file at most


def test_links_fifos_unreadable_and_too_large(tutor: Vault, cohort: Cohort, tmp_path: Path) -> None:
    folder = tmp_path / "mezcla"
    folder.mkdir()
    good = folder / "bueno.rdbundle"
    good.write_bytes(cohort.good[0].read_bytes())
    (folder / "enlace-dentro.rdbundle").symlink_to(good)  # the same file: once
    outside = tmp_path / "fuera.rdbundle"
    outside.write_bytes(cohort.good[1].read_bytes())
    (folder / "enlace-fuera.rdbundle").symlink_to(outside)
    (folder / "roto.rdbundle").symlink_to(tmp_path / "no-existe")
    (folder / "bucle").symlink_to(folder)  # a folder link back up: not walked twice
    os.mkfifo(folder / "tuberia.rdbundle")  # never opened for a blocking read
    locked = folder / "cerrado.rdbundle"
    locked.write_bytes(cohort.good[2].read_bytes())
    locked.chmod(0)
    huge = folder / "enorme.rdbundle"
    with huge.open("wb") as f:  # sparse: 600 MB on paper, no disk used
        f.write(b"age-encryption.org/v1\n")
        f.truncate(600 * 1024 * 1024)
    report = tutor.batch_import.run([folder])
    items = {i.path.name: i for i in report.items}
    assert items["bueno.rdbundle"].outcome is BatchOutcome.IMPORTED
    assert "enlace-dentro.rdbundle" not in items  # the same file as bueno
    assert items["enlace-fuera.rdbundle"].reason == "symlink_outside_folder"
    assert items["roto.rdbundle"].reason == "file_unreadable"
    assert items["tuberia.rdbundle"].reason == "not_a_bundle"
    assert items["enorme.rdbundle"].reason == "bundle_too_large"
    if os.geteuid() != 0:  # root reads anything
        assert items["cerrado.rdbundle"].reason == "file_unreadable"
    assert tutor.entries.count() == 2 * (1 + (os.geteuid() == 0))


def test_two_bundles_with_one_id_from_two_senders_both_import(tutor: Vault, tmp_path: Path) -> None:
    a, b = make_students(2)
    add_contacts(tutor, [a, b])
    me = [tutor.identity.key_pair().public]
    meta = BundleMeta(BundleKind.JOURNAL, bundle_id="01890000-0000-7000-8000-0000000000aa")
    folder = tmp_path / "mismo-id"
    folder.mkdir()
    for s in (a, b):
        data = build_bundle(s.identity, me, {card_path(s.key_id): s.card}, meta)
        (folder / f"{s.key_id}.rdbundle").write_bytes(data)
    report = tutor.batch_import.run([folder])
    assert [i.outcome for i in report.items] == [BatchOutcome.IMPORTED] * 2
    assert {i.bundle_id for i in report.items} == {meta.bundle_id}
    assert len({i.contact_id for i in report.items}) == 2


def _fill_the_disk_after(tutor: Vault, n: int) -> Any:
    """From the n-th bundle on, SQLite may not grow the file: its own SQLITE_FULL
    ("database or disk is full"), what a full disk gives, on a real vault."""
    st = tutor._unlocked()
    engine = st.db.engine

    def full(p: BatchProgress) -> None:
        if p.item is not None and p.done == n:
            with engine.connect() as conn:
                pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

            def cap(dbapi_conn: Any, _record: Any) -> None:
                dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

            event.listen(engine, "connect", cap)
            engine.dispose()
            full.cap = cap  # type: ignore[attr-defined]
            # The search index writes through its own connection: full there too.
            tutor._unlocked().index._w.conn.execute(f"PRAGMA max_page_count={pages}")

    return full


def test_a_full_disk_stops_the_batch_and_keeps_what_was_committed(
    tutor: Vault, tmp_path: Path
) -> None:
    students = make_students(4)
    add_contacts(tutor, students)
    me = [tutor.identity.key_pair().public]
    folder = tmp_path / "lleno"
    folder.mkdir()
    for i in range(8):
        data = student_bundle(students[i % 4], me, entries=6, words=3000, seed=i)
        (folder / f"{i:02d}.rdbundle").write_bytes(data)
    # Three bundles per transaction: the disk fills once the first group committed,
    # and the second group fails on its first bundle (rolled back whole).
    tutor.batch_import.group_bundles = 3
    tutor.batch_import.group_seconds = 600.0  # by count only, however slow the machine
    sink = _fill_the_disk_after(tutor, 3)
    report = tutor.batch_import.run([folder], progress=sink)
    assert report.stopped == "storage_unwritable"
    outcomes = [i.outcome for i in report.items]
    assert outcomes[:3] == [BatchOutcome.IMPORTED] * 3
    assert report.items[3].reason == "storage_unwritable"
    assert set(outcomes[4:]) == {BatchOutcome.NOT_DONE}
    event.remove(tutor._unlocked().db.engine, "connect", sink.cap)
    tutor._unlocked().db.engine.dispose()
    tutor._unlocked().index._w.conn.execute("PRAGMA max_page_count=1073741823")
    with tutor._unlocked().db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT count(*) FROM entries").scalar()
    assert (rows, len(tutor.bundle_log.list("in"))) == (18, 3)  # nothing of the fourth
    assert tutor.integrity_check() == "ok"
    assert len(tutor._unlocked().index.stale()[0]) == 18  # the index could not be written
    again = tutor.batch_import.run([folder])  # space again: the rest completes
    assert [i.outcome for i in again.items].count(BatchOutcome.IMPORTED) == 5
    assert _entries_per_bundle(tutor) == (48, 8)
    # What the full disk kept out of the search index was caught up by this batch.
    assert tutor._unlocked().index.stale() == ([], [])


def test_cancel_between_bundles_keeps_the_committed_ones(tutor: Vault, cohort: Cohort) -> None:
    token = CancelToken()

    def stop_after_four(p: BatchProgress) -> None:
        if p.item is not None and p.done == 4:
            token.cancel()

    # Two bundles per transaction: a file is reported only once its group committed,
    # and the cancel is seen before the next bundle.
    tutor.batch_import.group_bundles = 2
    tutor.batch_import.group_seconds = 600.0  # by count only, however slow the machine
    report = tutor.batch_import.run(cohort.good, progress=stop_after_four, cancel=token)
    assert report.cancelled
    assert [i.outcome for i in report.items[:4]] == [BatchOutcome.IMPORTED] * 4
    assert {i.outcome for i in report.items[4:]} == {BatchOutcome.NOT_DONE}
    assert _entries_per_bundle(tutor) == (8, 4)
    again = tutor.batch_import.run(cohort.good)
    assert again.count(BatchOutcome.ALREADY) == 4
    assert again.count(BatchOutcome.IMPORTED) == len(cohort.good) - 4


def test_the_report_as_csv_names_files_and_reasons_only(
    tutor: Vault, cohort: Cohort, tmp_path: Path
) -> None:
    report = tutor.batch_import.run([cohort.folder])
    dest = tmp_path / "informe.csv"
    write_report_csv(report, dest, lambda item: f"motivo {item.reason}")
    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw[3:].decode())))
    assert rows[0] == ["file", "result", "reason_code", "reason", "bundle_id"]
    assert len(rows) == 1 + len(report.items)
    by_file = {r[0]: r for r in rows[1:]}
    assert by_file[str(cohort.tampered[0])][1:4] == [
        "refused",
        "bundle_decryption_failed",
        "motivo bundle_decryption_failed",
    ]
    text = raw.decode()
    assert "Semana" not in text  # no entry title
    assert all(s.name not in text for s in cohort.students)  # no names
    assert oct(dest.stat().st_mode & 0o777) == "0o600"
    # A file name that looks like a formula stays text.
    odd = BatchReport((BatchItem(Path("=HYPERLINK(1)"), BatchOutcome.REFUSED, "x"),))
    assert b"'=HYPERLINK(1)" in report_csv(odd, lambda _: "")


def test_collect_orders_and_deduplicates(tmp_path: Path, cohort: Cohort) -> None:
    found = collect([cohort.folder, cohort.good[0]])
    assert len(found.candidates) == 16  # good[0] is inside the folder: once
    assert found.candidates == sorted(found.candidates)


# -- SIGKILL during a batch -----------------------------------------------------------------
def kill_at_random(
    proc: subprocess.Popen[str], rng: random.Random, within: tuple[float, float] = (0.05, 1.2)
) -> list[str]:
    """Once the child says "ready", SIGKILL it after a random moment of ``within``
    seconds; the lines it printed until then (the benchmark shares it)."""
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + rng.uniform(*within)
    fd = proc.stdout.fileno()
    buf = ""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if ready:
            chunk = os.read(fd, 65536).decode()
            if not chunk:
                break
            buf += chunk
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    buf += proc.stdout.read()
    return buf.splitlines()


def test_sigkill_during_a_batch_loses_nothing_counted_and_halves_nothing(
    tutor: Vault, cohort: Cohort, tmp_path: Path
) -> None:
    vault_dir = tmp_path / "tutor"
    tutor.close()
    rng = random.Random(14)
    imported: set[tuple[str, str]] = set()
    for _ in range(3):
        with subprocess.Popen(
            [PYTHON, str(SCRIPT), str(vault_dir), PASSPHRASE, str(cohort.folder)],
            env=cli_env(vault_dir),
            stdout=subprocess.PIPE,
            text=True,
        ) as proc:
            lines = kill_at_random(proc, rng)
        for line in lines:
            if line.startswith("imported "):
                _, bundle_id, key_id, _path = line.split(" ", 3)
                imported.add((bundle_id, key_id))
        vault = Vault.open(vault_dir)
        vault.unlock(PASSPHRASE)
        try:
            assert vault.integrity_check() == "ok"
            for bundle_id, key_id in imported:
                assert vault._unlocked().bundle_log.imported(bundle_id, key_id)
            entries, bundles = _entries_per_bundle(vault)
            assert entries == 2 * bundles  # none half-stored
            # What the kill left unindexed was caught up at this unlock.
            assert vault._unlocked().index.stale() == ([], [])
        finally:
            vault.close()
    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)
    try:
        report = vault.batch_import.run([cohort.folder])  # running again completes it
        done = report.count(BatchOutcome.IMPORTED) + report.count(BatchOutcome.ALREADY)
        assert done == len(cohort.good)
        assert _entries_per_bundle(vault) == (2 * len(cohort.good), len(cohort.good))
    finally:
        vault.close()


def test_an_unknown_sender_with_several_bundles_becomes_one_contact(
    tutor: Vault, tmp_path: Path
) -> None:
    (newcomer,) = make_students(1, seed=7)
    me = [tutor.identity.key_pair().public]
    folder = tmp_path / "nueva"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.rdbundle").write_bytes(student_bundle(newcomer, me, seed=i))
    report = tutor.batch_import.run([folder])
    assert report.count(BatchOutcome.UNKNOWN_SENDER) == 4
    (sender,) = report.unknown_senders
    assert len(sender.paths) == 4
    second = tutor.batch_import.import_senders(report, [sender.key_id])
    assert second.count(BatchOutcome.IMPORTED) == 4
    assert [i.contact_added for i in second.items].count(True) == 1
    (contact,) = tutor.contacts.list()
    assert not contact.verified  # not said to match: added unverified
    assert tutor.entries.count() == 4 * 3


def test_a_group_ends_at_its_byte_cap_and_reports_only_what_committed(
    tutor: Vault, cohort: Cohort
) -> None:
    """Each bundle is bigger than the cap: one per transaction, so each file's result
    comes (after its COMMIT) before the next file is started; with no cap all of them
    share one transaction and every result comes after the last file was started."""

    def order(group_bytes: int) -> list[str]:
        events: list[str] = []

        def sink(p: BatchProgress) -> None:
            if p.path is not None:
                events.append(("done " if p.item is not None else "start ") + p.path.name)

        tutor.batch_import.group_bytes = group_bytes
        tutor.batch_import.group_bundles = 64
        tutor.batch_import.group_seconds = 600.0
        tutor.batch_import.run(cohort.good[:4], progress=sink)
        # The sender's name is reported while a bundle is stored: one "start" each.
        return list(dict.fromkeys(events))

    names = [p.name for p in cohort.good[:4]]
    assert order(1) == [e for n in names for e in (f"start {n}", f"done {n}")]
    # Again (each file "already had" now, still reported once its group committed).
    assert order(1 << 30) == [f"start {n}" for n in names] + [f"done {n}" for n in names]
