"""Opening bundles: every check of open_bundle, in order, and what it returns."""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from reflectdesk.bundles import (
    AuthorStatus,
    BundleKind,
    BundleLimits,
    BundleMeta,
    Consent,
    Identity,
    KnownAuthors,
    PinnedKey,
    PublicIdentity,
    inspect_bundle,
    open_bundle,
    read_bundle_file,
)
from reflectdesk.bundles.canonical import JsonObject
from reflectdesk.bundles.zipsafe import DEFLATED
from reflectdesk.errors import (
    BundleArchiveInvalid,
    BundleAuthorKeyMismatch,
    BundleAuthorRevoked,
    BundleCompressed,
    BundleDuplicateName,
    BundleFileMissing,
    BundleFileTooLarge,
    BundleFileUnlisted,
    BundleHashMismatch,
    BundleJsonInvalid,
    BundleJsonTooLarge,
    BundleManifestMissing,
    BundleNotAddressedToYou,
    BundleNotForYou,
    BundlePassphraseEncrypted,
    BundleSchemaInvalid,
    BundleSignatureInvalid,
    BundleTooLarge,
    BundleTooManyFiles,
    BundleTooManyStanzas,
    BundleUnsafeName,
    BundleVersionUnsupported,
    Cancelled,
    NotABundle,
)
from reflectdesk.progress import CancelToken, Progress
from tests.bundles.helpers import (
    encrypt_to,
    make_bundle,
    resign,
    sample_files,
    unpack,
    zip_of,
    zipfile_bytes,
)
from tests.bundles.test_zipsafe import _patch_both

ABSENT = "01890000-0000-7000-8000-0000000000aa"  # an entry id not in the bundle


unknown: KnownAuthors = {}  # no author known


def knows(author: Identity, pinned_key: PinnedKey) -> KnownAuthors:
    """A reader who knows ``author``'s signing key as ``pinned_key``."""
    return {author.public.signing_key: pinned_key}


def pinned(identity: Identity, **kw: object) -> PinnedKey:
    return PinnedKey(identity.public.signing_key, identity.public.age_recipient, **kw)  # type: ignore[arg-type]


def _manifest(members: dict[str, bytes]) -> JsonObject:
    value = json.loads(members["manifest.json"])
    assert isinstance(value, dict)
    return value


def _rehash(manifest: JsonObject, members: dict[str, bytes]) -> JsonObject:
    manifest["files"] = [
        {"path": p, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
        for p, d in sorted(members.items())
        if not p.startswith("manifest.json")
    ]
    return manifest


def _reseal(members: dict[str, bytes], to: list[PublicIdentity]) -> bytes:
    return encrypt_to(zip_of(members), to)


# --- the happy path -----------------------------------------------------------------------
def test_round_trip(alice: Identity, bob: Identity) -> None:
    files, entry_ids = sample_files()
    meta = BundleMeta(
        BundleKind.JOURNAL,
        consent=Consent.READ,
        entry_consent={entry_ids[0]: Consent.RESEARCH_PSEUDONYMISED},
        subject_id="01890000-0000-7000-8000-000000000000",
    )
    data = make_bundle(alice, [bob.public], files, meta)
    opened = open_bundle(data, bob, unknown)
    assert opened.author == alice.public
    assert opened.author_status is AuthorStatus.UNKNOWN
    assert opened.manifest.bundle_id == meta.bundle_id
    assert opened.manifest.kind is BundleKind.JOURNAL
    assert opened.manifest.subject_id == meta.subject_id
    assert set(opened.entries) == set(entry_ids)
    assert len(opened.records) == 1
    (att_id,) = opened.attachments
    assert bytes(opened.attachments[att_id]) == files[f"attachments/{att_id}"]
    assert opened.attachments[att_id].readonly
    assert opened.manifest.consent_for(entry_ids[0]) is Consent.RESEARCH_PSEUDONYMISED
    assert opened.manifest.consent_for(entry_ids[1]) is Consent.READ
    assert [r.age_recipient for r in opened.manifest.recipients] == [bob.public.age_recipient]
    assert "bundle:" + meta.bundle_id in opened.trusted_comment


def test_author_status(alice: Identity, bob: Identity) -> None:
    data = make_bundle(alice, [bob.public])
    assert open_bundle(data, bob, knows(alice, pinned(alice))).author_status is AuthorStatus.KNOWN
    verified = open_bundle(data, bob, knows(alice, pinned(alice, verified=True)))
    assert verified.author_status is AuthorStatus.VERIFIED
    assert verified.pinned is not None and verified.pinned.verified
    assert open_bundle(data, alice, unknown).author_status is AuthorStatus.SELF


def test_accepts_any_buffer(alice: Identity, bob: Identity) -> None:
    data = make_bundle(alice, [bob.public])
    for buffer in (bytearray(data), memoryview(data)):
        assert open_bundle(buffer, bob, unknown).author == alice.public


def test_progress_and_cancel(alice: Identity, bob: Identity) -> None:
    data = make_bundle(alice, [bob.public])
    seen: list[Progress] = []
    open_bundle(data, bob, unknown, progress=seen.append)
    assert seen and seen[-1].label_code == "bundle-open"
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        open_bundle(data, bob, unknown, cancel=token)


# --- who may open it -----------------------------------------------------------------------
def test_not_encrypted_to_you(alice: Identity, bob: Identity, carol: Identity) -> None:
    data = make_bundle(alice, [bob.public])
    with pytest.raises(BundleNotForYou):
        open_bundle(data, carol, unknown)


def test_re_encrypted_by_a_recipient_to_a_third_person(
    alice: Identity, bob: Identity, carol: Identity
) -> None:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    forwarded = _reseal(members, [carol.public, bob.public])  # untouched content, signature valid
    with pytest.raises(BundleNotAddressedToYou):
        open_bundle(forwarded, carol, unknown)
    report = inspect_bundle(forwarded, carol)
    assert report.addressed_to_reader is False
    assert report.manifest is not None and report.manifest.author == alice.public


# --- the author's key ------------------------------------------------------------------------
def test_revoked_author(alice: Identity, bob: Identity) -> None:
    data = make_bundle(alice, [bob.public])
    with pytest.raises(BundleAuthorRevoked):
        open_bundle(data, bob, knows(alice, pinned(alice, revoked=True)))


def test_mismatching_author_keys(alice: Identity, bob: Identity, carol: Identity) -> None:
    data = make_bundle(alice, [bob.public])
    other_age = PinnedKey(alice.public.signing_key, carol.public.age_recipient)
    with pytest.raises(BundleAuthorKeyMismatch):
        open_bundle(data, bob, knows(alice, other_age))
    other_signing = PinnedKey(carol.public.signing_key, alice.public.age_recipient)
    with pytest.raises(BundleAuthorKeyMismatch):
        open_bundle(data, bob, knows(alice, other_signing))


def test_resigned_by_another_key_is_a_signature_error(
    alice: Identity, bob: Identity, carol: Identity
) -> None:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    path = next(p for p in members if p.startswith("entries/"))
    doc = json.loads(members[path])
    doc["revisions"][0]["content"]["title"] = "changed"
    members[path] = json.dumps(doc).encode()
    manifest = _rehash(_manifest(members), members)  # still claims alice as author
    forged = _reseal(resign(members, manifest, carol), [bob.public])
    with pytest.raises(BundleSignatureInvalid):
        open_bundle(forged, bob, unknown)


def test_right_key_wrong_hash_is_a_hash_error(alice: Identity, bob: Identity) -> None:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    path = next(p for p in members if p.startswith("attachments/"))
    members[path] = bytes([members[path][0] ^ 1]) + members[path][1:]
    # Signed by the right key, but the manifest keeps the old hash.
    resealed = _reseal(resign(members, _manifest(members), alice), [bob.public])
    with pytest.raises(BundleHashMismatch):
        open_bundle(resealed, bob, unknown)


def test_manifest_changed_without_resigning(alice: Identity, bob: Identity) -> None:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    manifest = _manifest(members)
    manifest["consent"]["bundle"] = "research"  # type: ignore[index]
    members["manifest.json"] = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    with pytest.raises(BundleSignatureInvalid):
        open_bundle(_reseal(members, [bob.public]), bob, unknown)


# --- what the ZIP may hold -------------------------------------------------------------------
def test_unlisted_and_missing_files(alice: Identity, bob: Identity) -> None:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    extra = dict(members)
    extra["attachments/01890000-0000-7000-8000-0000000000ff"] = b"smuggled"
    with pytest.raises(BundleFileUnlisted):
        open_bundle(_reseal(extra, [bob.public]), bob, unknown)
    fewer = dict(members)
    del fewer[next(p for p in members if p.startswith("records/"))]
    with pytest.raises(BundleFileMissing):
        open_bundle(_reseal(fewer, [bob.public]), bob, unknown)


def test_missing_manifest_or_signature(alice: Identity, bob: Identity) -> None:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    for name in ("manifest.json", "manifest.json.minisig"):
        partial = {k: v for k, v in members.items() if k != name}
        with pytest.raises(BundleManifestMissing):
            open_bundle(_reseal(partial, [bob.public]), bob, unknown)


def test_duplicate_and_traversal_names(alice: Identity, bob: Identity) -> None:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    items = list(members.items())
    with pytest.raises(BundleDuplicateName):
        open_bundle(encrypt_to(zip_of([*items, items[-1]]), [bob.public]), bob, unknown)
    for name in ("../entries/x.json", "/manifest.json", "entries\\x.json", "evil.sh"):
        with pytest.raises(BundleUnsafeName):
            open_bundle(encrypt_to(zip_of([*items, (name, b"x")]), [bob.public]), bob, unknown)


def test_zip_bombs(alice: Identity, bob: Identity) -> None:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    with pytest.raises(BundleTooManyFiles):
        open_bundle(_reseal(members, [bob.public]), bob, unknown, limits=BundleLimits(max_files=3))
    with pytest.raises(BundleFileTooLarge):
        open_bundle(
            _reseal(members, [bob.public]), bob, unknown, limits=BundleLimits(max_file_bytes=500)
        )
    bomb = zipfile_bytes(
        [*members.items(), ("attachments/01890000-0000-7000-8000-0000000000ff", b"\0" * 2_000_000)],
        compression=DEFLATED,
    )
    with pytest.raises(BundleCompressed):
        open_bundle(encrypt_to(bomb, [bob.public]), bob, unknown)


def test_compressed_members_are_refused_even_when_signed_and_modest(
    alice: Identity, bob: Identity
) -> None:
    # A perfectly valid bundle, re-packed deflated by another ZIP writer (ratio ~3):
    # refused from the directory, before any member is inflated.
    members = unpack(make_bundle(alice, [bob.public]), bob)
    deflated = zipfile_bytes(list(members.items()), compression=DEFLATED)
    with pytest.raises(BundleCompressed, match="method 8"):
        open_bundle(encrypt_to(deflated, [bob.public]), bob, unknown)
    bzip = zipfile_bytes(list(members.items()), compression=zipfile.ZIP_BZIP2)
    with pytest.raises(BundleCompressed, match="method 12"):
        open_bundle(encrypt_to(bzip, [bob.public]), bob, unknown)
    # The same members stored open: the refusal is the compression, nothing else.
    stored = zipfile_bytes(list(members.items()))
    assert open_bundle(encrypt_to(stored, [bob.public]), bob, unknown).author == alice.public


def test_a_stored_header_over_deflated_data_is_a_hash_mismatch(
    alice: Identity, bob: Identity
) -> None:
    # Claims "stored" but carries deflate bytes: read as they are (no inflater runs),
    # so the member's SHA-256 no longer matches the signed manifest.
    members = unpack(make_bundle(alice, [bob.public]), bob)
    path = next(p for p in members if p.startswith("attachments/"))
    squeezed = zlib.compress(members[path], 9)[2:-4]  # raw deflate
    forged = dict(members)
    forged[path] = squeezed
    with pytest.raises(BundleHashMismatch):
        open_bundle(encrypt_to(zip_of(list(forged.items())), [bob.public]), bob, unknown)


def test_a_member_claiming_a_small_size_or_another_method_is_refused(
    alice: Identity, bob: Identity
) -> None:
    """Stored members only, and a member is exactly the bytes its headers claim."""
    members = unpack(make_bundle(alice, [bob.public]), bob)
    path = next(p for p in members if p.startswith("attachments/"))
    raw = zip_of(list(members.items()))
    for field in ("csize", "usize"):  # claims 10 bytes, carries 2,000
        small = _patch_both(raw, path.encode(), field, 10)
        with pytest.raises(BundleArchiveInvalid):
            open_bundle(encrypt_to(small, [bob.public]), bob, unknown)
    both = _patch_both(_patch_both(raw, path.encode(), "csize", 10), path.encode(), "usize", 10)
    with pytest.raises(BundleArchiveInvalid):  # the rest would hide between members
        open_bundle(encrypt_to(both, [bob.public]), bob, unknown)
    local = bytearray(raw)  # the local header says deflate, the directory says stored
    at = local.index(b"PK\x03\x04")
    struct.pack_into("<H", local, at + 8, 8)
    with pytest.raises(BundleArchiveInvalid, match="disagrees"):
        open_bundle(encrypt_to(bytes(local), [bob.public]), bob, unknown)
    central = bytearray(raw)  # and the other way round: refused as compressed
    at = central.index(b"PK\x01\x02")
    struct.pack_into("<H", central, at + 10, 8)
    with pytest.raises(BundleCompressed):
        open_bundle(encrypt_to(bytes(central), [bob.public]), bob, unknown)


# --- JSON ------------------------------------------------------------------------------------
def test_oversized_json(alice: Identity, bob: Identity) -> None:
    data = make_bundle(alice, [bob.public])
    with pytest.raises(BundleJsonTooLarge):
        open_bundle(data, bob, unknown, limits=BundleLimits(max_json_bytes=300))
    with pytest.raises(BundleJsonTooLarge):
        open_bundle(data, bob, unknown, limits=BundleLimits(max_manifest_bytes=300))


def _tamper_entry(alice: Identity, bob: Identity, change: object) -> bytes:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    path = next(p for p in members if p.startswith("entries/"))
    doc = json.loads(members[path])
    change(doc)  # type: ignore[operator]
    members[path] = json.dumps(doc).encode()
    return _reseal(resign(members, _rehash(_manifest(members), members), alice), [bob.public])


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(extra=1),
        lambda d: d.pop("journal_id"),
        lambda d: d.update(id="01890000-0000-7000-8000-0000000000aa"),
        lambda d: d["revisions"][0]["content"].update(title="retitled"),  # content_hash
        lambda d: d["revisions"][0].update(seq="1"),
        lambda d: d["attachments"][0].update(size=1) if d["attachments"] else d.update(x=1),
    ],
)
def test_schema_invalid_entries(alice: Identity, bob: Identity, change: object) -> None:
    with pytest.raises(BundleSchemaInvalid):
        open_bundle(_tamper_entry(alice, bob, change), bob, unknown)


def test_entry_that_is_not_json(alice: Identity, bob: Identity) -> None:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    path = next(p for p in members if p.startswith("entries/"))
    members[path] = b'{"format": NaN}'
    resealed = _reseal(resign(members, _rehash(_manifest(members), members), alice), [bob.public])
    with pytest.raises(BundleJsonInvalid):
        open_bundle(resealed, bob, unknown)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda m: m.update(version=2), BundleVersionUnsupported),
        (lambda m: m.update(kind="hologram"), BundleVersionUnsupported),
        (lambda m: m.update(surprise=True), BundleSchemaInvalid),
        (lambda m: m["author"].update(key_id="0" * 16), BundleSchemaInvalid),
        (lambda m: m["files"].reverse(), BundleSchemaInvalid),
        (
            lambda m: m["consent"]["entries"].update(
                {"01890000-0000-7000-8000-0000000000aa": "read"}
            ),
            BundleSchemaInvalid,
        ),
    ],
)
def test_manifest_checks(alice: Identity, bob: Identity, change: object, error: type) -> None:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    manifest = _manifest(members)
    change(manifest)  # type: ignore[operator]
    with pytest.raises(error):
        open_bundle(_reseal(resign(members, manifest, alice), [bob.public]), bob, unknown)


# --- the age layer ---------------------------------------------------------------------------
def test_scrypt_stanza(bob: Identity) -> None:
    # The CCTV "scrypt" vector: a real passphrase-encrypted age file.
    raw = (Path(__file__).parent / "cctv_age" / "testdata" / "scrypt").read_bytes()
    encrypted = raw.partition(b"\n\n")[2]
    with pytest.raises(BundlePassphraseEncrypted):
        open_bundle(encrypted, bob, unknown)


def test_too_many_stanzas(alice: Identity, bob: Identity) -> None:
    members = unpack(make_bundle(alice, [bob.public]), bob)
    crowd = [Identity.generate().public for _ in range(70)]
    with pytest.raises(BundleTooManyStanzas):
        open_bundle(_reseal(members, [bob.public, *crowd]), bob, unknown)


@pytest.mark.parametrize(
    "data",
    [b"", b"hello world", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, b"PK\x03\x04" + b"\0" * 100],
)
def test_not_a_bundle_at_all(bob: Identity, data: bytes) -> None:
    with pytest.raises(NotABundle):
        open_bundle(data, bob, unknown)


def test_age_file_that_is_not_a_bundle(bob: Identity) -> None:
    with pytest.raises(BundleArchiveInvalid):
        open_bundle(encrypt_to(b"just some text", [bob.public]), bob, unknown)
    with pytest.raises(BundleManifestMissing):
        open_bundle(encrypt_to(zip_of({}), [bob.public]), bob, unknown)


def test_size_cap_before_anything(alice: Identity, bob: Identity, tmp_path: Path) -> None:
    data = make_bundle(alice, [bob.public])
    small = BundleLimits(max_bundle_bytes=len(data) - 1)
    with pytest.raises(BundleTooLarge):
        open_bundle(data, bob, unknown, limits=small)
    with pytest.raises(BundleTooLarge):
        inspect_bundle(data, limits=small)
    path = tmp_path / "b.rdbundle"
    path.write_bytes(data)
    assert read_bundle_file(path) == data
    with pytest.raises(BundleTooLarge):
        read_bundle_file(path, small)


# --- inspect ---------------------------------------------------------------------------------
def test_inspect_without_and_with_a_key(alice: Identity, bob: Identity) -> None:
    data = make_bundle(alice, [bob.public])
    outside = inspect_bundle(data)
    assert outside.size == len(data)
    assert outside.x25519_stanzas == 2  # bob and the author
    assert outside.stanza_count >= 2
    assert outside.manifest is None
    inside = inspect_bundle(data, bob)
    assert inside.addressed_to_reader is True
    assert inside.manifest is not None and inside.manifest.author == alice.public
    assert len(inside.files) == 4
