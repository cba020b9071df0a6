"""The pyrage fallback behind ``REFLECTDESK_AGE_BACKEND``: a working second backend.

Bundles round-trip through each backend and across the two (sealed by one, opened by
the other), the CCTV vectors hold through the fallback, and its failures are the same
specific errors.
"""

from __future__ import annotations

import hashlib
import os

import pyrage
import pytest

from reflectdesk.bundles import Identity, age_io, open_bundle
from reflectdesk.bundles.age_header import CHUNK_BYTES, parse_header
from reflectdesk.bundles.age_pyrage import BACKEND_ENV, BUILTIN, PYRAGE, backend
from reflectdesk.bundles.keys import x25519_identity_from_str
from reflectdesk.errors import (
    BundleBuildInvalid,
    BundleDecryptionFailed,
    BundleError,
    BundleHeaderInvalid,
    BundleNotForYou,
    InvalidValue,
)
from tests.bundles.cctv import VECTORS, X25519_PREFIX, Vector
from tests.bundles.helpers import make_bundle, sample_files
from tests.bundles.test_age_header import _supported_success

SIZES = [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 2 * CHUNK_BYTES, 200_000]
BACKENDS = [BUILTIN, PYRAGE]


def _use(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv(BACKEND_ENV, name)
    assert backend() == name


def _seal(data: bytes, *people: Identity) -> bytes:
    keys = [p.public.x25519_public for p in people]
    return bytes(age_io.encrypt_to_memory([data[:7], data[7:]], len(data), keys))


def _open(data: bytes, reader: Identity) -> bytes:
    return bytes(age_io.decrypt(data, reader.x25519_key, parse_header(data)))


def test_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BACKEND_ENV, raising=False)
    assert backend() == BUILTIN
    for text, expected in (("pyrage", PYRAGE), (" PyRage ", PYRAGE), ("builtin", BUILTIN)):
        monkeypatch.setenv(BACKEND_ENV, text)
        assert backend() == expected
    monkeypatch.setenv(BACKEND_ENV, "rage")
    with pytest.raises(InvalidValue, match=BACKEND_ENV):
        backend()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("sealer", "opener"), [(a, b) for a in BACKENDS for b in BACKENDS])
def test_payloads_cross_between_the_backends(
    size: int,
    sealer: str,
    opener: str,
    alice: Identity,
    bob: Identity,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = os.urandom(size)
    _use(monkeypatch, sealer)
    sealed = _seal(data, alice, bob)
    streamed: list[bytes] = []
    length = age_io.encrypt(
        [data], len(data), [bob.public.x25519_public], sink=lambda b: streamed.append(bytes(b))
    )
    assert length == len(b"".join(streamed))
    grease = b"grease" in sealed[: parse_header(sealed).header_length]
    assert grease == (sealer == PYRAGE)  # the fallback really ran
    _use(monkeypatch, opener)
    assert _open(sealed, bob) == data
    assert _open(b"".join(streamed), bob) == data


@pytest.mark.parametrize(("sealer", "opener"), [(a, b) for a in BACKENDS for b in BACKENDS])
def test_bundles_round_trip_through_both_backends(
    sealer: str, opener: str, alice: Identity, bob: Identity, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, entry_ids = sample_files(entries=3, attachment_bytes=3 * CHUNK_BYTES + 5)
    _use(monkeypatch, sealer)
    data = make_bundle(alice, [bob.public], files)
    _use(monkeypatch, opener)
    opened = open_bundle(data, bob, {})
    assert opened.author == alice.public and sorted(opened.entries) == sorted(entry_ids)
    (attachment,) = opened.attachments.values()
    assert (
        hashlib.sha256(attachment).hexdigest()
        == hashlib.sha256(
            next(v for k, v in files.items() if k.startswith("attachments/"))
        ).hexdigest()
    )


def test_the_fallback_fails_with_the_same_errors(
    alice: Identity, bob: Identity, carol: Identity, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, PYRAGE)
    sealed = _seal(os.urandom(CHUNK_BYTES + 9), alice, bob)
    with pytest.raises(BundleNotForYou):
        _open(sealed, carol)
    header = parse_header(sealed)
    for pos, errors in (
        # In the MAC line: a wrong MAC, or (our pre-parse) no longer canonical base64.
        (header.header_length - 5, (BundleDecryptionFailed, BundleHeaderInvalid)),
        (header.header_length + 3, (BundleDecryptionFailed,)),  # the payload nonce
        (len(sealed) - 1, (BundleDecryptionFailed,)),  # the last chunk's tag
    ):
        flipped = bytearray(sealed)
        flipped[pos] ^= 0x20
        with pytest.raises(errors):
            _open(bytes(flipped), bob)
    for damaged in (sealed[:-1], sealed + b"\0"):  # truncated, extended
        with pytest.raises(BundleDecryptionFailed):
            _open(damaged, bob)
    with pytest.raises(BundleBuildInvalid):
        age_io.encrypt_to_memory([b"x"], 1, [alice.public.x25519_public, bytes(32)])
    with pytest.raises(BundleBuildInvalid):
        age_io.encrypt_to_memory([b"abc"], 4, [alice.public.x25519_public])


@pytest.mark.parametrize("vector", VECTORS, ids=[v.name for v in VECTORS])
def test_cctv_vectors_through_the_fallback(vector: Vector, monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, PYRAGE)
    x25519 = [i for i in vector.identities if i.startswith(X25519_PREFIX)]
    identity = x25519_identity_from_str(x25519[0]) if x25519 else None
    if _supported_success(vector):
        assert identity is not None
        plain = bytes(age_io.decrypt(vector.body, identity, parse_header(vector.body)))
        assert hashlib.sha256(plain).hexdigest() == vector.payload
        return
    with pytest.raises(BundleError):
        key = identity or x25519_identity_from_str(
            str(pyrage.x25519.Identity.generate())  # a key no vector is for
        )
        age_io.decrypt(vector.body, key, parse_header(vector.body))


def test_the_fallback_refuses_every_header_byte_flipped_with_a_bundle_error(
    alice: Identity, bob: Identity, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence (attack-trust): a hostile header handed to the pyrage switch. Every byte
    of the header (and the payload nonce) flipped: each is refused with one of our
    errors, never a pyrage exception or another plaintext."""
    _use(monkeypatch, PYRAGE)
    sealed = _seal(os.urandom(CHUNK_BYTES + 9), alice, bob)
    end = parse_header(sealed).header_length + 16
    for pos in range(end):
        flipped = bytearray(sealed)
        flipped[pos] ^= 0x01
        with pytest.raises(BundleError):
            _open(bytes(flipped), bob)
