"""The age layer: the C2SP/CCTV test vectors and ReflectDesk's header policy."""

from __future__ import annotations

import hashlib

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from reflectdesk.bundles import BundleLimits, Identity, age_io
from reflectdesk.bundles.age_header import parse_header, plaintext_length
from reflectdesk.bundles.keys import x25519_identity_from_str
from reflectdesk.errors import (
    BundleDecryptionFailed,
    BundleError,
    BundleHeaderInvalid,
    BundleHeaderTooLarge,
    BundleNoKeyRecipient,
    BundleNotForYou,
    BundlePassphraseEncrypted,
    BundleTooManyStanzas,
    NotABundle,
)
from tests.bundles.cctv import VECTORS, X25519_PREFIX, Vector


def _decrypt(vector: Vector) -> bytes:
    """Our path through the age layer: header pre-parse, then our age decryption."""
    x25519 = [i for i in vector.identities if i.startswith(X25519_PREFIX)]
    identity = x25519_identity_from_str(x25519[0]) if x25519 else X25519PrivateKey.generate()
    header = parse_header(vector.body)
    return bytes(age_io.decrypt(vector.body, identity, header))


def _supported_success(vector: Vector) -> bool:
    return (
        vector.expect == "success"
        and not vector.armored
        and not vector.passphrases
        and bool(vector.identities)
        and all(i.startswith(X25519_PREFIX) for i in vector.identities)
    )


def test_the_vectors_are_there() -> None:
    assert len(VECTORS) > 100
    assert sum(_supported_success(v) for v in VECTORS) >= 10


@pytest.mark.parametrize("vector", VECTORS, ids=[v.name for v in VECTORS])
def test_cctv_vector(vector: Vector) -> None:
    if _supported_success(vector):
        assert hashlib.sha256(_decrypt(vector)).hexdigest() == vector.payload
        return
    # Failures must fail; successes we do not support by design (armor, scrypt,
    # post-quantum hybrid recipients) are refused too. Always as a BundleError.
    with pytest.raises(BundleError):
        _decrypt(vector)


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("empty", NotABundle),
        ("armor_x25519", NotABundle),
        ("version_unsupported", BundleHeaderInvalid),
        ("header_crlf", BundleHeaderInvalid),
        ("stanza_long_line", BundleHeaderInvalid),
        ("stanza_missing_final_line", BundleHeaderInvalid),
        ("stanza_base64_padding", BundleHeaderInvalid),
        ("x25519_long_share", BundleHeaderInvalid),
        ("hmac_not_canonical", BundleHeaderInvalid),
        ("scrypt", BundlePassphraseEncrypted),
        ("scrypt_and_x25519", BundlePassphraseEncrypted),
        ("hybrid", BundleNoKeyRecipient),
        ("x25519_lowercase", BundleNoKeyRecipient),
        ("x25519_no_match", BundleNotForYou),
        ("hmac_bad", BundleDecryptionFailed),
        ("stream_bad_tag", BundleDecryptionFailed),
        ("stream_no_final", BundleDecryptionFailed),
        ("x25519_low_order", BundleHeaderInvalid),
    ],
)
def test_vector_errors_are_specific(name: str, error: type[BundleError]) -> None:
    vector = next(v for v in VECTORS if v.name == name)
    with pytest.raises(error):
        _decrypt(vector)


def _header_with(stanzas: list[bytes]) -> bytes:
    mac = b"--- " + b"A" * 42 + b"E\n"
    return b"age-encryption.org/v1\n" + b"".join(stanzas) + mac + b"\x00" * 48


X25519 = b"-> X25519 " + b"A" * 42 + b"E\n" + b"A" * 42 + b"E\n"


def test_well_formed_header_with_grease_parses() -> None:
    header = parse_header(_header_with([b"-> z-grease !x\n\n", X25519]))
    assert header.stanza_types == ("z-grease", "X25519")
    assert header.x25519_count == 1
    assert header.plaintext_length == 16


def test_stanza_cap() -> None:
    limits = BundleLimits(max_stanzas=4)
    parse_header(_header_with([X25519] * 4), limits)
    with pytest.raises(BundleTooManyStanzas):
        parse_header(_header_with([X25519] * 5), limits)


def test_header_size_cap() -> None:
    big = _header_with([b"-> grease\n" + (b"A" * 64 + b"\n") * 100 + b"\n", X25519])
    with pytest.raises(BundleHeaderTooLarge):
        parse_header(big, BundleLimits(max_header_bytes=4096))
    parse_header(big, BundleLimits(max_header_bytes=16384))


def test_scrypt_stanza_is_refused_before_decrypting() -> None:
    # A real passphrase-encrypted file (the CCTV "scrypt" vector, made by age).
    encrypted = next(v for v in VECTORS if v.name == "scrypt").body
    with pytest.raises(BundlePassphraseEncrypted):
        parse_header(encrypted)


def test_real_files_parse(alice: Identity, bob: Identity) -> None:
    encrypted = pyrage.encrypt(b"x" * 70000, [alice.public.pyrage_recipient])
    header = parse_header(encrypted)
    assert header.x25519_count == 1
    assert header.plaintext_length == 70000
    assert bytes(age_io.decrypt(encrypted, alice.x25519_key, header)) == b"x" * 70000
    with pytest.raises(BundleNotForYou):
        age_io.decrypt(encrypted, bob.x25519_key, header)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [(32, 0), (33, 1), (16 + 65536 + 16, 65536), (16 + 65552 + 17, 65537)],
)
def test_plaintext_length(payload: int, expected: int) -> None:
    assert plaintext_length(payload) == expected


@pytest.mark.parametrize("payload", [0, 15, 16, 31, 16 + 65552 + 10, 16 + 65552 + 16])
def test_impossible_payload_lengths(payload: int) -> None:
    with pytest.raises(BundleError):
        plaintext_length(payload)
