"""Bundles through the import service: preview, import; idempotent, order-independent,
transactional (nothing stored unless every check passed), read-only received entries."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
import shutil
from pathlib import Path

import pytest

from reflectdesk.bundles import (
    BundleKind,
    BundleMeta,
    Identity,
    build_bundle,
    entry_path,
    make_card,
    parse_card,
)
from reflectdesk.bundles.build import DATED_NAME_RE
from reflectdesk.bundles.canonical import JsonObject
from reflectdesk.bundles.zipsafe import DEFLATED
from reflectdesk.domain.model import (
    AuthorStatus,
    CardAction,
    Changes,
    Consent,
    EntryContent,
    EntryImportStatus,
    ExportRequest,
    Role,
    Space,
)
from reflectdesk.errors import (
    BundleAuthorKeyMismatch,
    BundleAuthorRevoked,
    BundleCompressed,
    BundleDecryptionFailed,
    BundleDuplicateName,
    BundleError,
    BundleHashMismatch,
    BundleJsonTooLarge,
    BundleNotAddressedToYou,
    BundleNotForYou,
    BundlePassphraseEncrypted,
    BundleSchemaInvalid,
    BundleSenderCardMissing,
    BundleSignedByYourRetiredKey,
    BundleTooManyStanzas,
    BundleUnsafeName,
    Cancelled,
    CardInvalid,
    EntryNotExportable,
    EntryNotFound,
    NotABundle,
    ReadOnlyEntry,
    UnknownSender,
)
from reflectdesk.progress import CancelToken, Progress
from reflectdesk.services.vault import Vault
from tests.bundles.helpers import encrypt_to, resign, unpack, zip_of, zipfile_bytes
from tests.services.bundle_helpers import (
    CCTV,
    FLIPS,
    TRUNCATIONS,
    Pair,
    clone_vault,
    craft,
    entry_file,
    entry_state,
    exchange_cards,
    export,
    new_vault,
    received,
    rid,
    table_digest,
)
from tests.support import PASSPHRASE


# --- the happy path ------------------------------------------------------------------------
def test_round_trip_keeps_content_and_received_entries_are_read_only(
    pair: Pair, tmp_path: Path
) -> None:
    s, m = pair.student, pair.mentor
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(os.urandom(1024 * 1024 * 2 + 17))  # three sealed chunks
    one = s.entries.add(
        pair.journal_id, EntryContent(title="Fracciones", sections={"body": "hola"}), [photo]
    )
    s.entries.edit(one.id, EntryContent(title="Fracciones II", sections={"body": "hola 2"}))
    two = s.entries.add(pair.journal_id, EntryContent(title="Lectura", sections={"body": "x"}))
    changes: list[Changes] = []
    m.subscribe(changes.append)
    path = export(pair, journal_id=pair.journal_id, history=True, consent=Consent.RESEARCH)
    assert path.parent == pair.out and DATED_NAME_RE.fullmatch(path.name)  # date + short id
    assert path.stat().st_mode & 0o777 == 0o600
    result = m.imports.import_bundle(path)
    one_m, two_m = received(pair, one.id), received(pair, two.id)
    assert set(result.entries_new) == {one_m, two_m} and result.revisions_added == 3
    assert result.attachments_added == 1 and result.contact_id == pair.student_at_mentor
    # Same revisions, parents, authors and hashes, under the mentor's own keyed ids
    # (storage/local_ids.py): no id is shared between the two vaults.
    for entry_id, here in ((one.id, one_m), (two.id, two_m)):
        theirs = s.entries.history(entry_id)
        ours = m.entries.history(here)
        assert [(r.seq, r.author, r.content_hash, r.content) for r in ours] == [
            (r.seq, r.author, r.content_hash, r.content) for r in theirs
        ]
        assert not {r.id for r in ours} & {r.id for r in theirs}
        local = {t.id: o.id for t, o in zip(theirs, ours, strict=True)}
        assert [o.parent_ids for o in ours] == [
            tuple(local[p] for p in t.parent_ids) for t in theirs
        ]
    assert here != entry_id
    got = m.entries.get(one_m)
    assert got.content.title == "Fracciones II"
    (att,) = got.attachments
    sent = s.entries.get(one.id).attachments[0]
    assert att.id != sent.id and (att.filename, att.size, att.sha256) == (
        sent.filename,
        sent.size,
        sent.sha256,
    )
    assert m.entries.attachment_bytes(att.id) == photo.read_bytes()
    # The received space: one read-only journal for this author's journal, titled as
    # she titled it (issue 14), under a keyed id (not hers).
    journal = m.journals.get(got.journal_id)
    assert (journal.space, journal.author_contact_id, journal.title) == (
        Space.RECEIVED,
        pair.student_at_mentor,
        s.journals.get(pair.journal_id).title,
    )
    assert journal.id != pair.journal_id
    assert {h.entry_id for h in m.search.query("fracciones")} == {one_m}
    with pytest.raises(ReadOnlyEntry):
        m.entries.edit(one_m, EntryContent(title="cambiado"))
    with pytest.raises(ReadOnlyEntry):
        m.entries.attach(one_m, photo)
    with pytest.raises(ReadOnlyEntry):
        m.entries.remove_attachment(att.id)
    with pytest.raises(ReadOnlyEntry):
        m.entries.add(journal.id, EntryContent(title="mío"))
    with pytest.raises(EntryNotExportable):
        m.exports.export(ExportRequest(recipients=(), entry_ids=(one_m,)), tmp_path)
    assert changes[-1].entries == {one_m, two_m} and changes[-1].journals == {journal.id}
    # Logged on both sides.
    assert [(i.direction, i.bundle_id) for i in s.bundle_log.list()] == [("out", result.bundle_id)]
    assert [(i.direction, i.bundle_id) for i in m.bundle_log.list()] == [("in", result.bundle_id)]


def test_preview_says_what_import_would_do_and_stores_nothing(pair: Pair) -> None:
    s, m = pair.student, pair.mentor
    one = s.entries.add(pair.journal_id, EntryContent(title="Uno"))
    two = s.entries.add(pair.journal_id, EntryContent(title="Dos"))
    path = export(
        pair,
        entry_ids=(one.id, two.id),
        consent=Consent.READ,
        entry_consent={two.id: Consent.RESEARCH_PSEUDONYMISED},
    )
    before = table_digest(pair.mentor_dir)
    preview = m.imports.preview(path)
    assert table_digest(pair.mentor_dir) == before
    assert preview.author_status is AuthorStatus.KNOWN and preview.safety_number is None
    assert (preview.author_name, preview.contact_id) == ("Camila Pérez", pair.student_at_mentor)
    assert preview.count(EntryImportStatus.NEW) == 2 and not preview.already_imported
    assert {e.entry_id: e.consent for e in preview.entries} == {
        received(pair, one.id): Consent.READ,
        received(pair, two.id): Consent.RESEARCH_PSEUDONYMISED,
    }
    m.contacts.verify(pair.student_at_mentor)
    assert m.imports.preview(path).author_status is AuthorStatus.VERIFIED
    m.imports.import_bundle(path)
    again = m.imports.preview(path)
    assert again.already_imported and again.count(EntryImportStatus.UNCHANGED) == 2


def test_unknown_sender_needs_the_safety_number_first(
    vault: Vault, mentor: Vault, tmp_path: Path
) -> None:
    to_mentor = vault.contacts.import_card(mentor.identity.card()).contact
    assert to_mentor is not None
    journal = vault.journals.create("Práctica")
    entry = vault.entries.add(journal.id, EntryContent(title="Hola"))
    path = vault.exports.export(
        ExportRequest(recipients=(to_mentor.id,), entry_ids=(entry.id,)), tmp_path
    ).path
    before = table_digest(tmp_path / "mentor")
    preview = mentor.imports.preview(path)
    assert preview.author_status is AuthorStatus.UNKNOWN and preview.needs_confirmation
    assert preview.author_name == "Camila Pérez" and preview.has_sender_card
    assert preview.safety_number == vault.contacts.safety_number(to_mentor.id)
    with pytest.raises(UnknownSender):
        mentor.imports.import_bundle(path)
    assert table_digest(tmp_path / "mentor") == before
    result = mentor.imports.import_bundle(path, confirm_unknown_sender=True)
    assert result.contact_added and result.contact_id is not None
    assert result.entries_new == (mentor.imports.received_entry_id(result.contact_id, entry.id),)
    contact = mentor.contacts.get(result.contact_id or "")
    assert (contact.name, contact.verified) == ("Camila Pérez", False)
    assert contact.card.signing_key == vault.identity.public().signing_key


def test_unknown_sender_without_a_card_is_refused(
    vault: Vault, mentor: Vault, tmp_path: Path
) -> None:
    eid = "01890000-0000-7000-8000-000000000001"
    files = {entry_path(eid): entry_file(eid, [(rid(1), 1, [], "a")], rid(99))}
    path = tmp_path / "b.rdbundle"
    path.write_bytes(craft(vault, [mentor.identity.public()], files, card=False))
    before = table_digest(tmp_path / "mentor")
    assert not mentor.imports.preview(path).has_sender_card
    with pytest.raises(BundleSenderCardMissing):
        mentor.imports.import_bundle(path, confirm_unknown_sender=True)
    assert table_digest(tmp_path / "mentor") == before


def test_importing_twice_changes_nothing(pair: Pair) -> None:
    s, m = pair.student, pair.mentor
    entry = s.entries.add(pair.journal_id, EntryContent(title="Uno"))
    path = export(pair, entry_ids=(entry.id,))
    m.imports.import_bundle(path)
    before = table_digest(pair.mentor_dir)
    again = m.imports.import_bundle(path)
    assert again.already_imported and again.revisions_added == 0
    assert table_digest(pair.mentor_dir) == before
    # Another bundle with the same revisions: entries unchanged (by revision id).
    other = export(pair, entry_ids=(entry.id,))
    result = m.imports.import_bundle(other)
    assert (result.entries_new, result.entries_updated, result.entries_unchanged) == ((), (), 1)
    after = table_digest(pair.mentor_dir)
    # meta: the sealed vault state follows every change to a trust record; journals:
    # the journal keeps when its (same) title was last stated, so that an older title
    # arriving later does not win (issue 14).
    changed = {k for k in after if after[k] != before[k]}
    assert changed <= {"bundle_log", "consents", "meta", "journals"}
    (journal,) = m.journals.list(Space.RECEIVED)
    assert journal.title == s.journals.get(pair.journal_id).title


def test_your_own_bundle_imports_as_unchanged(pair: Pair) -> None:
    s = pair.student
    entry = s.entries.add(pair.journal_id, EntryContent(title="Uno"))
    path = export(pair, entry_ids=(entry.id,))
    preview = s.imports.preview(path)
    assert preview.author_status is AuthorStatus.SELF and not preview.needs_confirmation
    result = s.imports.import_bundle(path)
    assert result.entries_unchanged == 1 and result.contact_id is None
    assert s.imports.import_bundle(path).already_imported
    assert len(s.entries.history(entry.id)) == 1


def test_successive_revisions_in_any_order_give_the_same_state(pair: Pair, tmp_path: Path) -> None:
    s = pair.student
    kept = s.entries.add(pair.journal_id, EntryContent(title="v1"))
    bundles = [export(pair, entry_ids=(kept.id,))]
    s.entries.edit(kept.id, EntryContent(title="v2"))
    late = s.entries.add(pair.journal_id, EntryContent(title="otra"))
    # Without history: each bundle carries only the head (its parent never travels).
    bundles.append(
        export(
            pair,
            entry_ids=(kept.id, late.id),
            entry_consent={kept.id: Consent.RESEARCH},
        )
    )
    s.entries.edit(kept.id, EntryContent(title="v3"))
    s.entries.edit(late.id, EntryContent(title="otra 2"))
    bundles.append(export(pair, entry_ids=(kept.id, late.id), history=True))
    states = []
    for n, order in enumerate(itertools.permutations(range(3))):
        reader = clone_vault(pair.mentor, pair.mentor_dir, tmp_path / f"reader{n}")
        try:
            for i in order:
                reader.imports.import_bundle(bundles[i])
                reader.imports.import_bundle(bundles[i])  # and again: nothing changes
            states.append(entry_state(reader))
            assert reader.entries.get(received(pair, kept.id)).content.title == "v3"
            assert reader.entries.get(received(pair, late.id)).content.title == "otra 2"
        finally:
            reader.close()
    assert all(state == states[0] for state in states)
    heads = {eid: v[0] for eid, v in states[0].items()}  # type: ignore[index]
    local = pair.mentor._unlocked().cipher.local_id
    assert heads == {
        received(pair, e.id): local("revision", received(pair, e.id), s.entries.get(e.id).head.id)
        for e in (kept, late)
    }
    assert all(v[2] == 0 for v in states[0].values())  # type: ignore[index]  # no conflict


def test_concurrent_revisions_are_kept_and_flagged(pair: Pair, tmp_path: Path) -> None:
    s, m = pair.student, pair.mentor
    eid, base, left, right = rid(1), rid(2), rid(3), rid(4)
    to = [m.identity.public()]
    first = entry_file(eid, [(base, 1, [], "base"), (left, 2, [base], "left")], rid(9))
    second = entry_file(eid, [(base, 1, [], "base"), (right, 2, [base], "right")], rid(9))
    paths = []
    for n, doc in enumerate((first, second)):
        path = tmp_path / f"fork{n}.rdbundle"
        path.write_bytes(craft(s, to, {entry_path(eid): doc}))
        paths.append(path)
    other = clone_vault(m, pair.mentor_dir, tmp_path / "other")
    m.imports.import_bundle(paths[0])
    result = m.imports.import_bundle(paths[1])
    here = received(pair, eid)
    local = {m._unlocked().cipher.local_id("revision", here, r): r for r in (base, left, right)}
    assert result.conflicted == (here,)
    assert {r.id for r in m.entries.history(here)} == set(local)  # both kept
    # The highest (seq, local id), deterministically: the same in every import order.
    assert m.entries.get(here).head.id == max(
        (i for i, r in local.items() if r != base), key=lambda i: (2, i)
    )
    try:
        other.imports.import_bundle(paths[1])
        other.imports.import_bundle(paths[0])
        assert entry_state(other) == entry_state(m)
    finally:
        other.close()


def test_a_gap_in_history_is_not_a_conflict(pair: Pair, tmp_path: Path) -> None:
    s, m = pair.student, pair.mentor
    entry = s.entries.add(pair.journal_id, EntryContent(title="v1"))
    first = export(pair, entry_ids=(entry.id,))
    s.entries.edit(entry.id, EntryContent(title="v2"))  # never sent
    s.entries.edit(entry.id, EntryContent(title="v3"))
    third = export(pair, entry_ids=(entry.id,))  # only v3, whose parent v2 never travels
    other = clone_vault(m, pair.mentor_dir, tmp_path / "other")
    try:
        for reader, order in ((m, (first, third)), (other, (third, first))):
            for path in order:
                reader.imports.import_bundle(path)
            assert reader.entries.get(received(pair, entry.id)).content.title == "v3"
        assert entry_state(m) == entry_state(other)
        assert all(v[2] == 0 for v in entry_state(m).values())  # type: ignore[index]
    finally:
        other.close()


# --- refused: author, reader, vault clashes -------------------------------------------------
def test_revoked_author_is_refused(pair: Pair) -> None:
    entry = pair.student.entries.add(pair.journal_id, EntryContent(title="Uno"))
    path = export(pair, entry_ids=(entry.id,))
    pair.mentor.contacts.revoke(pair.student_at_mentor)
    before = table_digest(pair.mentor_dir)
    with pytest.raises(BundleAuthorRevoked):
        pair.mentor.imports.import_bundle(path)
    assert table_digest(pair.mentor_dir) == before


def test_author_keys_must_match_the_pinned_contact(
    vault: Vault, mentor: Vault, tmp_path: Path
) -> None:
    # The mentor pinned the student's signing key with another age key (a card made with
    # the student's real signing key and a stranger's age key).
    raw = bytearray(vault.identity.key_pair().to_bytes())
    stranger = str(Identity.generate().age_identity).encode()
    forged = Identity.from_bytes(bytes(raw[:45]) + bytes([len(stranger)]) + stranger)
    card = make_card(forged, name="Camila Pérez", role=Role.STUDENT)
    mentor.contacts.import_card(card)
    to_mentor = vault.contacts.import_card(mentor.identity.card()).contact
    assert to_mentor is not None
    journal = vault.journals.create("P")
    entry = vault.entries.add(journal.id, EntryContent(title="Uno"))
    path = vault.exports.export(
        ExportRequest(recipients=(to_mentor.id,), entry_ids=(entry.id,)), tmp_path
    ).path
    with pytest.raises(BundleAuthorKeyMismatch):
        mentor.imports.import_bundle(path)


def test_not_for_you_and_re_encrypted_to_a_third_person(pair: Pair, tmp_path: Path) -> None:
    entry = pair.student.entries.add(pair.journal_id, EntryContent(title="Uno"))
    path = export(pair, entry_ids=(entry.id,))
    third = new_vault(tmp_path / "third", "Tercera")
    try:
        third.contacts.import_card(pair.student.identity.card())
        with pytest.raises(BundleNotForYou):
            third.imports.import_bundle(path)
        # The mentor decrypts it and re-encrypts the untouched ZIP to the third person.
        members = unpack(path.read_bytes(), pair.mentor.identity.key_pair())
        forwarded = tmp_path / "forwarded.rdbundle"
        forwarded.write_bytes(encrypt_to(zip_of(members), [third.identity.public()]))
        before = table_digest(tmp_path / "third")
        with pytest.raises(BundleNotAddressedToYou):
            third.imports.import_bundle(forwarded)
        assert table_digest(tmp_path / "third") == before
    finally:
        third.close()


# --- bad input: a specific error, nothing stored --------------------------------------------
def _members(p: Pair) -> dict[str, bytes]:
    entry = p.student.entries.add(p.journal_id, EntryContent(title="Uno", sections={"body": "x"}))
    return unpack(export(p, entry_ids=(entry.id,)).read_bytes(), p.mentor.identity.key_pair())


def _manifest(members: dict[str, bytes]) -> JsonObject:
    value = json.loads(members["manifest.json"])
    assert isinstance(value, dict)
    return value


def _rehash(manifest: JsonObject, members: dict[str, bytes]) -> JsonObject:
    manifest["files"] = [
        {"path": k, "sha256": hashlib.sha256(v).hexdigest(), "size": len(v)}
        for k, v in sorted(members.items())
        if not k.startswith("manifest.json")
    ]
    return manifest


def _bad_variants(p: Pair) -> dict[str, tuple[bytes, type[BundleError]]]:
    members = _members(p)
    to = [p.mentor.identity.public()]
    author = p.student.identity.key_pair()
    data = encrypt_to(zip_of(members), to)
    items = list(members.items())
    entry = next(k for k in members if k.startswith("entries/"))
    flipped = bytearray(data)
    flipped[len(flipped) // 2] ^= 0x40
    wrong_hash = dict(members)
    wrong_hash[entry] = members[entry].replace(b'"Uno"', b'"Dos"')
    big = dict(members)
    doc = json.loads(members[entry])
    doc["padding"] = "x" * (2 * 1024 * 1024)
    big[entry] = json.dumps(doc).encode()
    big = resign(big, _rehash(_manifest(big), big), author)
    bomb = zipfile_bytes(
        [*items, ("attachments/01890000-0000-7000-8000-0000000000ff", b"\0" * 2_000_000)],
        compression=DEFLATED,
    )
    scrypt = (CCTV / "scrypt").read_bytes().partition(b"\n\n")[2]
    crowd = [Identity.generate().public for _ in range(70)]
    return {
        "flipped byte": (bytes(flipped), BundleDecryptionFailed),
        "truncated": (data[: len(data) - 100], BundleDecryptionFailed),
        "not a bundle": (b"PK\x03\x04 just a zip" + b"\0" * 64, NotABundle),
        "scrypt stanza": (scrypt, BundlePassphraseEncrypted),
        "too many stanzas": (encrypt_to(zip_of(members), [*to, *crowd]), BundleTooManyStanzas),
        "hash mismatch": (encrypt_to(zip_of(wrong_hash), to), BundleHashMismatch),
        "duplicate name": (encrypt_to(zip_of([*items, items[-1]]), to), BundleDuplicateName),
        "path traversal": (
            encrypt_to(zip_of([*items, ("../entries/x.json", b"{}")]), to),
            BundleUnsafeName,
        ),
        "zip bomb": (encrypt_to(bomb, to), BundleCompressed),
        "oversized JSON": (encrypt_to(zip_of(big), to), BundleJsonTooLarge),
    }


def test_bad_input_is_refused_with_a_specific_error_and_nothing_stored(
    pair: Pair, tmp_path: Path
) -> None:
    variants = _bad_variants(pair)
    before = table_digest(pair.mentor_dir)
    for label, (data, error) in variants.items():
        path = tmp_path / f"{label.replace(' ', '-')}.rdbundle"
        path.write_bytes(data)
        with pytest.raises(error) as info:
            pair.mentor.imports.import_bundle(path, confirm_unknown_sender=True)
        assert type(info.value) is error, label
        assert table_digest(pair.mentor_dir) == before, label


def test_tamper_sweep_through_the_service(pair: Pair, tmp_path: Path) -> None:
    s, m = pair.student, pair.mentor
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(random.Random(1).randbytes(70_000))  # two STREAM chunks
    entry = s.entries.add(pair.journal_id, EntryContent(title="Uno"), [photo])
    data = export(pair, entry_ids=(entry.id,)).read_bytes()
    m.imports.preview(pair.out / next(p.name for p in pair.out.iterdir()))  # it is valid
    m.contacts.verify(pair.student_at_mentor)
    st = m._unlocked()
    st.db.checkpoint()
    before = table_digest(pair.mentor_dir)
    rng = random.Random(20250301)
    variants: list[bytes] = []
    for _ in range(FLIPS):
        mutated = bytearray(data)
        mutated[rng.randrange(len(data))] ^= rng.randrange(1, 256)
        variants.append(bytes(mutated))
    variants += [data[:n] for n in rng.sample(range(len(data)), TRUNCATIONS)]
    target = tmp_path / "variant.rdbundle"
    codes: dict[str, int] = {}
    for variant in variants:
        target.write_bytes(variant)
        try:
            m.imports.import_bundle(target, confirm_unknown_sender=True)
        except BundleError as exc:
            codes[exc.code] = codes.get(exc.code, 0) + 1
        else:
            raise AssertionError("a corrupted bundle was imported")
    assert sum(codes.values()) == FLIPS + TRUNCATIONS
    assert {"bundle_decryption_failed", "bundle_header_invalid"} <= set(codes)
    assert table_digest(pair.mentor_dir) == before
    assert m.entries.count() == 0 and not m.journals.list()


def test_cancel_rolls_everything_back(pair: Pair, tmp_path: Path) -> None:
    s, m = pair.student, pair.mentor
    photos = []
    for n in range(3):
        photo = tmp_path / f"foto{n}.jpg"
        photo.write_bytes(os.urandom(300_000))
        photos.append(photo)
    entry = s.entries.add(pair.journal_id, EntryContent(title="Uno"), photos)
    path = export(pair, entry_ids=(entry.id,))
    token = CancelToken()

    def progress(p: Progress) -> None:
        if p.label_code == "import-attachments" and p.done > 0:
            token.cancel()

    before = table_digest(pair.mentor_dir)
    with pytest.raises(Cancelled):
        m.imports.import_bundle(path, progress=progress, cancel=token)
    assert table_digest(pair.mentor_dir) == before
    assert m.entries.count() == 0
    assert m.imports.import_bundle(path).entries_new == (received(pair, entry.id),)
    assert len(m.entries.get(received(pair, entry.id)).attachments) == 3


def test_another_sender_reusing_a_bundle_id_does_not_hide_the_real_one(tmp_path: Path) -> None:
    """Every recipient can read a bundle's id; a co-recipient who signs a bundle of its
    own with that id and delivers it first must not make the real one look imported."""
    s = new_vault(tmp_path / "s", "Student S", Role.STUDENT)
    m = new_vault(tmp_path / "m", "Mentor M")
    c = new_vault(tmp_path / "c", "Colleague C")
    try:
        m_at_s, s_at_m = exchange_cards(s, m)
        c_at_s, _ = exchange_cards(s, c)
        exchange_cards(c, m)
        journal = s.journals.create("Práctica")
        entry = s.entries.add(journal.id, EntryContent(title="real entry by S"))
        out = tmp_path / "out"
        out.mkdir()
        real = s.exports.export(
            ExportRequest(recipients=(m_at_s, c_at_s), entry_ids=(entry.id,)), out
        ).path
        stolen_id = c.imports.preview(real).bundle_id
        decoy = rid(0xAA)
        fake = tmp_path / "fake.rdbundle"
        fake.write_bytes(
            craft(
                c,
                [m.identity.public()],
                {entry_path(decoy): entry_file(decoy, [(rid(0xAB), 1, [], "decoy")], rid(0xAC))},
                meta=BundleMeta(BundleKind.JOURNAL, bundle_id=stolen_id),
            )
        )
        m.imports.import_bundle(fake)
        result = m.imports.import_bundle(real)
        assert not result.already_imported
        assert result.entries_new == (m.imports.received_entry_id(s_at_m, entry.id),)
    finally:
        for v in (s, m, c):
            v.close()


def test_key_rotation_keeps_everything_working(
    pair: Pair, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A new key pair: contacts take the vouched card quietly, old entries stay yours,
    a bundle still in transit to the old key opens, new bundles use the new key."""
    s, m = pair.student, pair.mentor
    before = s.entries.add(pair.journal_id, EntryContent(title="Antes", sections={"body": "a"}))
    old_key = s.identity.info().key_id
    # The mentor sends something to the student's *old* key, still in transit.
    m_out = tmp_path / "m-out"
    m_out.mkdir()
    journal = m.journals.create("Retroalimentación")
    note = m.entries.add(journal.id, EntryContent(title="Nota", sections={"body": "b"}))
    in_transit = m.exports.export(
        ExportRequest(recipients=(pair.student_at_mentor,), entry_ids=(note.id,)), m_out
    ).path

    rotation = s.identity.rotate()
    card = rotation.card
    new_key = s.identity.info().key_id
    assert new_key != old_key and rotation.key_id == new_key and rotation.vouched
    parsed = parse_card(card)
    assert parsed.key_id_hex == new_key and parsed.previous_signing_key is not None

    # The mentor takes the rotation quietly: same contact, still verified if it was.
    result = m.contacts.import_card(card)
    assert result.action is CardAction.ROTATION and result.contact is not None
    assert result.contact.id == pair.student_at_mentor and result.contact.key_id == new_key

    # The old key's bundle opens with the retired key; the entry signed before is ours.
    assert s.imports.import_bundle(in_transit).entries_new == (
        s.imports.received_entry_id(pair.mentor_at_student, note.id),
    )
    assert "bundle rejected" not in caplog.text  # the right key is chosen, not tried
    s.entries.edit(before.id, EntryContent(title="Después", sections={"body": "c"}))
    path = export(pair, entry_ids=(before.id,), history=True)
    imported = m.imports.import_bundle(path)
    assert imported.entries_new == (received(pair, before.id),)
    # The old key is in the contact's sealed rotation chain: the same person's claim holds.
    assert [r.author for r in m.entries.history(received(pair, before.id))] == [old_key, new_key]
    # Survives a lock and unlock (the retired key is sealed in the vault).
    s.lock()
    s.unlock(PASSPHRASE)
    assert s.identity.info().key_id == new_key
    s.exports.export(
        ExportRequest(recipients=(pair.mentor_at_student,), entry_ids=(before.id,)), pair.out
    )


def test_cards_made_after_a_vouched_rotation_still_carry_the_old_keys_signature(
    pair: Pair,
) -> None:
    old = pair.student.identity.public().signing_key
    pair.student.identity.rotate()
    pair.student.lock()
    pair.student.unlock(PASSPHRASE)
    later = parse_card(pair.student.identity.card())  # a contact who missed the first one
    assert later.previous_signing_key == old
    result = pair.mentor.contacts.import_card(pair.student.identity.card())
    assert result.action is CardAction.ROTATION


def test_rotation_without_vouching_is_a_key_change_for_contacts(pair: Pair) -> None:
    rotation = pair.student.identity.rotate(vouch=False)
    card = rotation.card
    assert not rotation.vouched and parse_card(card).previous_signing_key is None
    assert parse_card(pair.student.identity.card()).previous_signing_key is None
    preview = pair.mentor.contacts.preview_card(card, replaces=pair.student_at_mentor)
    assert preview.needs_confirmation


def test_a_revoked_own_key_is_never_you_again(pair: Pair, tmp_path: Path) -> None:
    """Revoke, then new keys: whoever holds the old key cannot write into your entries."""
    s = pair.student
    mine = s.entries.add(pair.journal_id, EntryContent(title="Mía", sections={"body": "a"}))
    stolen = s.identity.key_pair()
    s.identity.revocation()
    rotation = s.identity.rotate()  # vouching asked for, but a revoked key cannot vouch
    assert not rotation.vouched and parse_card(rotation.card).previous_signing_key is None
    assert parse_card(s.identity.card()).previous_signing_key is None
    # The thief signs an "update" of your entry with the old key, sealed to the old key.
    rev = "01a21bea-0000-7000-8000-00000000f0f0"
    forged = entry_file(mine.id, [(rev, 2, [], "FORGED")], pair.journal_id)
    meta = BundleMeta(BundleKind.JOURNAL)
    bundle = tmp_path / "forged.rdbundle"
    bundle.write_bytes(bytes(build_bundle(stolen, [], {entry_path(mine.id): forged}, meta)))
    log_before = s.bundle_log.list()
    for step in (s.imports.preview, s.imports.import_bundle):
        with pytest.raises(BundleSignedByYourRetiredKey):
            step(bundle)
    assert s.entries.get(mine.id).content.title == "Mía"
    assert s.bundle_log.list() == log_before and len(s.entries.history(mine.id)) == 1
    # Your own entries written with the old key stay yours to edit.
    s.entries.edit(mine.id, EntryContent(title="Mía II", sections={"body": "b"}))


def test_many_rotations_keep_every_old_entry_yours(pair: Pair) -> None:
    s = pair.student
    first = s.entries.add(pair.journal_id, EntryContent(title="Primera"))
    for _ in range(20):
        s.identity.rotate()
    s.entries.edit(first.id, EntryContent(title="Primera II"))
    assert len(s.identity.key_pair().public.key_id_hex) == 16


def test_your_own_old_card_is_not_a_new_contact(pair: Pair) -> None:
    s = pair.student
    old_card = s.identity.card()
    s.identity.rotate()
    with pytest.raises(CardInvalid):
        s.contacts.import_card(old_card)


# --- import what was previewed (issue 10, point 5) --------------------------------------------
def test_the_previewed_bytes_are_imported_not_a_file_swapped_meanwhile(
    pair: Pair, tmp_path: Path
) -> None:
    s, m = pair.student, pair.mentor
    m.contacts.verify(pair.student_at_mentor)
    one = s.entries.add(pair.journal_id, EntryContent(title="Uno", sections={"body": "visto"}))
    two = s.entries.add(pair.journal_id, EntryContent(title="Dos", sections={"body": "otro."}))
    previewed = export(pair, entry_ids=(one.id,))
    swapped = export(pair, entry_ids=(two.id,))
    assert previewed.stat().st_size == swapped.stat().st_size  # a swap of the same size
    synced = tmp_path / "synced" / "de-camila.rdbundle"
    synced.parent.mkdir()
    shutil.copyfile(previewed, synced)
    prepared = m.imports.prepare(synced)
    assert [e.entry_id for e in prepared.preview.entries] == [received(pair, one.id)]
    # Between the preview and the confirmation the synced folder delivers another file.
    shutil.copyfile(swapped, synced)
    result = m.imports.import_prepared(prepared)
    assert result.entries_new == (received(pair, one.id),) and result.file_changed  # told
    assert m.entries.get(received(pair, one.id)).head.content.title == "Uno"
    with pytest.raises(EntryNotFound):
        m.entries.get(received(pair, two.id))
    assert [i.bundle_id for i in m.bundle_log.list("in")] == [prepared.preview.bundle_id]
    untouched = m.imports.prepare(swapped)  # and no warning when nothing changed
    assert not m.imports.import_prepared(untouched).file_changed


def test_a_sender_revoked_after_the_preview_is_refused_at_import(pair: Pair) -> None:
    s, m = pair.student, pair.mentor
    entry = s.entries.add(pair.journal_id, EntryContent(title="Uno"))
    prepared = m.imports.prepare(export(pair, entry_ids=(entry.id,)))
    assert prepared.preview.author_status is AuthorStatus.KNOWN
    m.contacts.revoke(pair.student_at_mentor)  # e.g. her key was stolen: she said so
    before = table_digest(pair.mentor_dir)
    with pytest.raises(BundleAuthorRevoked):
        m.imports.import_prepared(prepared)
    assert table_digest(pair.mentor_dir) == before


def test_a_bundle_prepared_in_another_vault_is_not_imported_here(
    pair: Pair, tmp_path: Path
) -> None:
    s, m = pair.student, pair.mentor
    entry = s.entries.add(pair.journal_id, EntryContent(title="Uno"))
    prepared = m.imports.prepare(export(pair, entry_ids=(entry.id,)))
    stranger = new_vault(tmp_path / "stranger", "Pedro Soto")
    try:
        before = table_digest(tmp_path / "stranger")
        with pytest.raises(BundleNotForYou):
            stranger.imports.import_prepared(prepared, confirm_unknown_sender=True)
        assert table_digest(tmp_path / "stranger") == before
    finally:
        stranger.close()


def test_an_unknown_senders_entries_keep_the_ids_their_preview_showed(
    vault: Vault, mentor: Vault, tmp_path: Path
) -> None:
    """The contact an unknown sender becomes is named at the preview, and received ids
    are scoped by it: the ids shown are the ids stored."""
    to_mentor = vault.contacts.import_card(mentor.identity.card()).contact
    assert to_mentor is not None
    entry = vault.entries.add(vault.journals.create("J").id, EntryContent(title="Hola"))
    path = vault.exports.export(
        ExportRequest(recipients=(to_mentor.id,), entry_ids=(entry.id,)), tmp_path
    ).path
    prepared = mentor.imports.prepare(path)
    shown = [e.entry_id for e in prepared.preview.entries]
    result = mentor.imports.import_prepared(prepared, confirm_unknown_sender=True)
    assert result.contact_added and list(result.entries_new) == shown != [entry.id]
    assert mentor.entries.get(shown[0]).content.title == "Hola"


def test_a_cycle_across_two_bundles_is_refused_as_the_bundles_error(
    pair: Pair, tmp_path: Path
) -> None:
    s, m = pair.student, pair.mentor
    eid, a, b = rid(1), rid(2), rid(3)
    to = [m.identity.public()]
    paths = []
    for n, doc in enumerate(
        (
            entry_file(eid, [(a, 2, [b], "a")], rid(9)),
            entry_file(eid, [(b, 3, [a], "b")], rid(9)),  # b -> a -> b
        )
    ):
        path = tmp_path / f"cycle{n}.rdbundle"
        path.write_bytes(craft(s, to, {entry_path(eid): doc}))
        paths.append(path)
    m.imports.import_bundle(paths[0])
    before = table_digest(pair.mentor_dir)
    with pytest.raises(BundleSchemaInvalid) as info:
        m.imports.import_bundle(paths[1])
    assert info.value.detail == f"entries/{received(pair, eid)}.json: revision parents"
    assert table_digest(pair.mentor_dir) == before
