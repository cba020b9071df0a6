"""Feedback through sync attacked (issue 17): a verified contact's bundle, imported
automatically from the exchange point, can do no more than a manual import of it."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from reflectdesk.bundles import BundleKind, BundleMeta, write_bundle
from reflectdesk.domain.sync import RemoteState
from reflectdesk.review.records import EntryRef, RecordType, sign
from reflectdesk.services.bundle_export import feedback_files
from reflectdesk.services.contacts import public_of
from tests.services.bundle_helpers import table_digest
from tests.services.sync_helpers import Duo, connect_folder, sync_repo


def test_a_verified_mentors_sign_off_on_an_entry_not_shared_is_refused_by_sync(
    duo: Duo, tmp_path: Path
) -> None:
    """The mentor is verified (her bundles import without asking). She learns the id
    and head of an entry the student never sent her and drops, into the shared folder,
    a feedback bundle with her real key: a sign-off and a comment on it. The sync
    refuses it with the review rules' code; nothing about that entry is stored."""
    share = tmp_path / "share"
    share.mkdir()
    connect_folder(duo, share)
    shared = duo.write("Compartida")
    secret = duo.write("Privada", "Texto que la mentora no recibió.")
    duo.send(shared)
    duo.student.sync.sync_now()
    assert duo.mentor.sync.sync_now().received == 1
    head = duo.student.entries.get(secret).head
    student_key = duo.student.identity.public().key_id_hex
    ref = EntryRef(student_key, secret, head.id, head.content_hash)
    mentor = duo.mentor.identity.key_pair()
    now = datetime.now(UTC).replace(microsecond=0)
    sign_off = sign(mentor, RecordType.SIGN_OFF, ref,
                    {"standards": {"C7": {"verdict": "met", "note": ""}},
                     "overall": "met", "note": "Aprobado."}, now)  # fmt: skip
    (student,) = [c for c in duo.mentor.contacts.list() if c.id == duo.student_at_mentor]
    with (share / ("f" * 32 + ".rdbundle")).open("wb") as sink:
        write_bundle(sink.write, mentor, [public_of(student)],
                     feedback_files([sign_off.to_json()], mentor.public.key_id_hex),
                     BundleMeta(BundleKind.FEEDBACK))  # fmt: skip
    vault_dir = Path(duo.student._unlocked().db.path).parent
    before = {k: v for k, v in table_digest(vault_dir).items() if "review" in k}
    report = duo.student.sync.sync_now()
    assert report.received == 0
    (forged,) = [r for r in sync_repo(duo.student).remote() if r.name.startswith("fff")]
    assert forged.state is RemoteState.REJECTED and forged.error.startswith("review_")
    assert duo.student.review.state(secret).sign_offs == ()
    assert {k: v for k, v in table_digest(vault_dir).items() if "review" in k} == before
    assert os.path.exists(share / ("f" * 32 + ".rdbundle"))  # not ours to remove
