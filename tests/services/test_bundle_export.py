"""The bundle export service: what may be exported, and what an export says about itself."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from reflectdesk.domain.model import (
    Consent,
    EntryContent,
    ExportRequest,
)
from reflectdesk.errors import (
    FileUnwritable,
    InvalidValue,
    RecipientRevoked,
)
from reflectdesk.services import bundle_export
from reflectdesk.services.bundle_export import free_bundle_path
from tests.services.bundle_helpers import (
    Pair,
    export,
    received,
    rid,
)


# --- export rules ---------------------------------------------------------------------------
def test_export_rules(pair: Pair, tmp_path: Path) -> None:
    s = pair.student
    entry = s.entries.add(pair.journal_id, EntryContent(title="Uno"))
    with pytest.raises(InvalidValue):
        s.exports.export(ExportRequest(recipients=(pair.mentor_at_student,)), tmp_path)
    with pytest.raises(InvalidValue):
        export(pair, entry_ids=(entry.id,), entry_consent={rid(5): Consent.RESEARCH})
    target = tmp_path / "named.rdbundle"
    result = s.exports.export(
        ExportRequest(recipients=(pair.mentor_at_student,), entry_ids=(entry.id,)), target
    )
    assert result.path == target and target.stat().st_size == result.size
    s.contacts.revoke(pair.mentor_at_student)
    with pytest.raises(RecipientRevoked):
        export(pair, entry_ids=(entry.id,))


def test_export_without_attachments_lists_them_as_omitted(pair: Pair, tmp_path: Path) -> None:
    s, m = pair.student, pair.mentor
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8 jpeg")
    entry = s.entries.add(pair.journal_id, EntryContent(title="Uno"), [photo])
    path = export(pair, entry_ids=(entry.id,), attachments=False)
    preview = m.imports.preview(path)
    assert (preview.attachments, preview.attachments_omitted) == (0, 0)
    m.imports.import_bundle(path)
    assert m.entries.get(received(pair, entry.id)).attachments == ()


def test_own_entries_keep_their_ids_across_key_rotation(pair: Pair) -> None:
    """Your own bundle signed by a retired key (still yours) maps onto the same entries."""
    s = pair.student
    entry = s.entries.add(pair.journal_id, EntryContent(title="Mía"))
    old_bundle = export(pair, entry_ids=(entry.id,), history=True)
    s.identity.rotate()
    result = s.imports.import_bundle(old_bundle)
    assert (result.entries_new, result.entries_unchanged) == ((), 1)
    s.entries.edit(entry.id, EntryContent(title="Mía 2"))  # still yours to edit and send
    export(pair, entry_ids=(entry.id,))


def test_logs_name_no_key_and_no_shared_id(
    pair: Pair, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Key ids are printed on public cards and bundle ids are in both vaults: neither is
    logged (house rule: nothing in a log links a vault to a person)."""
    s, m = pair.student, pair.mentor
    caplog.set_level("DEBUG")
    entry = s.entries.add(pair.journal_id, EntryContent(title="Uno"))
    sent = s.exports.export(
        ExportRequest(recipients=(pair.mentor_at_student,), entry_ids=(entry.id,)), pair.out
    )
    m.imports.import_bundle(sent.path)
    m.imports.import_bundle(sent.path)
    s.identity.rotate()
    s.identity.revocation()
    needles = [sent.bundle_id, entry.id, s.identity.info().key_id, m.identity.info().key_id]
    assert [n for n in needles if n in caplog.text] == [], caplog.text
    assert "imported a bundle" in caplog.text  # the scan sees the log


# --- file names (issue 16.4) ------------------------------------------------------------------
def test_bundles_in_a_folder_are_named_by_day_and_a_short_id(pair: Pair, tmp_path: Path) -> None:
    """``reflectdesk-<local date>-<4 hex>.rdbundle``: a person tells them apart; nothing of
    who or what is inside (names, titles) is in the name; the import side takes it."""
    s = pair.student
    entry = s.entries.add(pair.journal_id, EntryContent(title="Clase de Rosa"))
    first = export(pair, entry_ids=(entry.id,))
    second = export(pair, entry_ids=(entry.id,))
    today = datetime.now().astimezone().date().isoformat()
    for path in (first, second):
        assert re.fullmatch(rf"reflectdesk-{today}-[0-9a-f]{{4}}\.rdbundle", path.name), path.name
        for secret in ("Rosa", "Camila", "Clase", "rosa", "camila"):
            assert secret not in path.name
    assert first != second and first.exists() and second.exists()
    preview = pair.mentor.imports.preview(second)
    assert preview is not None
    assert len(pair.mentor.imports.import_bundle(first).entries_new) == 1


def test_a_taken_name_is_never_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    day = date(2026, 12, 3)
    taken = tmp_path / "reflectdesk-2026-12-03-7f3a.rdbundle"
    taken.write_bytes(b"someone else's bundle")
    ids = iter(["7f3a", "7f3a", "0b1c"])
    monkeypatch.setattr(bundle_export.secrets, "token_hex", lambda _n: next(ids))
    assert free_bundle_path(tmp_path, day).name == "reflectdesk-2026-12-03-0b1c.rdbundle"
    # Every try taken: refused, never overwritten.
    monkeypatch.setattr(bundle_export.secrets, "token_hex", lambda _n: "7f3a")
    with pytest.raises(FileUnwritable):
        free_bundle_path(tmp_path, day)
    assert taken.read_bytes() == b"someone else's bundle"
