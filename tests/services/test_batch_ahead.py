"""What a batch computes ahead on its opening side is what the import would compute
itself, and is used only where it is (services/batch_ahead.py)."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from reflectdesk.bundles import open_bundle
from reflectdesk.domain.model import AuthorStatus
from reflectdesk.services import batch_ahead
from reflectdesk.services.vault import Vault
from reflectdesk.storage import consents, entry_import
from reflectdesk.storage.entry_import import revision_row
from reflectdesk.storage.local_ids import IdScope
from tests.services.batch_helpers import add_contacts, make_students, student_bundle


def _opened(tutor: Vault, entries: int = 3):  # type: ignore[no-untyped-def]
    (student,) = make_students(1)
    add_contacts(tutor, [student])
    data = student_bundle(
        student, [tutor.identity.key_pair().public], entries=entries, image_every=2
    )
    return data, open_bundle(data, tutor.imports.reader_keys(), tutor.contacts.known_authors())


def test_the_ids_are_the_vaults_own_keyed_hashes(tutor: Vault) -> None:
    _, opened = _opened(tutor)
    st = tutor._unlocked()
    assert opened.pinned is not None and opened.pinned.contact_id is not None
    ahead = batch_ahead.compute(st.cipher, opened)
    scope = IdScope(st.cipher, opened.pinned.contact_id)
    for (kind, part, external), local in ahead.ids.items():
        assert local == st.cipher.local_id(kind, part, external)
    entry_ids = {scope.entry(e) for e in opened.entries}
    assert entry_ids == set(ahead.sealed)
    kinds = {kind for kind, _, _ in ahead.ids}
    assert kinds == {"entry", "revision", "attachment"}


def test_nothing_ahead_for_an_unknown_sender(tutor: Vault) -> None:
    (student,) = make_students(1)  # not a contact
    data = student_bundle(student, [tutor.identity.key_pair().public], entries=2)
    opened = open_bundle(data, tutor.imports.reader_keys(), tutor.contacts.known_authors())
    assert opened.author_status is AuthorStatus.UNKNOWN
    assert batch_ahead.compute(tutor._unlocked().cipher, opened).empty


def test_the_batch_stores_the_rows_sealed_ahead_and_they_open(
    tutor: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The storing thread seals no revision of a contact's bundle: every row was made
    on the opening side; the entries read back as the bundle had them."""
    data, opened = _opened(tutor, entries=4)
    path = tmp_path / "a.rdbundle"
    path.write_bytes(data)
    sealed_here: list[str] = []
    real = entry_import.revision_row

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            sealed_here.append(args[1])
        return real(*args, **kwargs)

    real_consent = consents.consent_row

    def counting_consent(*args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            sealed_here.append("consent")
        return real_consent(*args, **kwargs)

    monkeypatch.setattr(entry_import, "revision_row", counting)
    monkeypatch.setattr(consents, "consent_row", counting_consent)
    report = tutor.batch_import.run([path])
    assert [i.outcome.value for i in report.items] == ["imported"]
    assert sealed_here == []
    for source_id in opened.entries:  # the consent each entry arrived with, as stated
        scope = IdScope(tutor._unlocked().cipher, opened.pinned.contact_id)  # type: ignore[union-attr]
        (stated,) = tutor._unlocked().consents.for_entry(scope.entry(source_id))
        assert stated.level is opened.manifest.consent_for(source_id)
        assert stated.bundle_id == opened.bundle_id and stated.direction == "in"
    st = tutor._unlocked()
    scope = IdScope(st.cipher, opened.pinned.contact_id)  # type: ignore[union-attr]
    for source_id, entry in opened.entries.items():
        held = tutor.entries.get(scope.entry(source_id))
        assert held.head.content == entry.revisions[-1].content
    assert tutor.integrity_check() == "ok"


def test_a_row_sealed_ahead_for_other_values_is_sealed_again(tutor: Vault) -> None:
    """A sealed row whose key differs from the row the import would make (here: the
    plan names another author) is not stored: the import seals its own."""
    _, opened = _opened(tutor, entries=1)
    st = tutor._unlocked()
    assert opened.pinned is not None and opened.pinned.contact_id is not None
    scope = IdScope(st.cipher, opened.pinned.contact_id)
    ahead = batch_ahead.compute(st.cipher, opened)
    ((source_id, entry),) = opened.entries.items()
    entry_id = scope.entry(source_id)
    rev = entry.revisions[0]
    mine = replace(
        rev,
        id=scope.revision(entry_id, rev.id),
        entry_id=entry_id,
        parent_ids=tuple(scope.revision(entry_id, p) for p in rev.parent_ids),
    )
    source = (source_id, rev.id)
    rows = ahead.sealed[entry_id]
    batch = entry_import.ImportBatch(None, st.cipher)  # type: ignore[arg-type]
    assert batch._revision_row(entry_id, mine, source, None, rows) is rows[mine.id].row
    other = replace(mine, author="0" * 16)
    again = batch._revision_row(entry_id, other, source, None, rows)
    assert again is not rows[mine.id].row
    blob = again["blob"]
    assert isinstance(blob, bytes)
    doc = st.cipher.open_json("entry_revisions", f"{entry_id}/{mine.id}", mine.seq, blob)
    assert doc["author"] == "0" * 16
    assert again.keys() == revision_row(st.cipher, entry_id, other, source).keys()
