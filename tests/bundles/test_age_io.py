"""Our age v1 implementation, held to the spec by three independent oracles.

The C2SP/CCTV vectors (every file key, every payload), ``pyrage`` (the Rust ``age``
crate) in both directions, and the ``age`` binary in both directions, at every
chunk-boundary size that matters.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest

from reflectdesk.bundles import Identity, age_io
from reflectdesk.bundles.age_header import CHUNK_BYTES, parse_header
from reflectdesk.bundles.keys import x25519_identity_from_str
from reflectdesk.errors import (
    BundleBuildInvalid,
    BundleDecryptionFailed,
    BundleError,
    BundleNotForYou,
    Cancelled,
)
from reflectdesk.progress import CancelToken, Progress
from tests.bundles.cctv import VECTORS, X25519_PREFIX, Vector

X25519_SUCCESSES = [
    v
    for v in VECTORS
    if v.expect == "success"
    and v.file_key
    and not v.armored
    and v.identities
    and all(i.startswith(X25519_PREFIX) for i in v.identities)
]
SIZES = [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 2 * CHUNK_BYTES, 200_000]


def _encrypt(data: bytes, *people: Identity, split: int = 0) -> bytes:
    pieces = [data[:split], data[split:]] if split else [data]
    return bytes(
        age_io.encrypt_to_memory(pieces, len(data), [p.public.x25519_public for p in people])
    )


def _decrypt(data: bytes, reader: Identity) -> bytes:
    return bytes(age_io.decrypt(data, reader.x25519_key, parse_header(data)))


@pytest.mark.parametrize(
    "vector",
    X25519_SUCCESSES,
    ids=lambda v: v.name,
)
def test_the_file_key_of_every_x25519_success_vector(vector: Vector) -> None:
    identity = x25519_identity_from_str(vector.identities[0])
    file_key = age_io.file_key_of(vector.body, parse_header(vector.body), identity)
    assert file_key.hex() == vector.file_key


def test_the_vectors_cover_x25519() -> None:
    assert len(X25519_SUCCESSES) >= 5


@pytest.mark.parametrize("size", SIZES)
def test_round_trip_through_pyrage_both_ways(size: int, alice: Identity, bob: Identity) -> None:
    data = os.urandom(size)
    ours = _encrypt(data, alice, bob, split=size // 3)
    assert pyrage.decrypt(ours, [bob.age_identity]) == data
    assert _decrypt(ours, alice) == data
    theirs = pyrage.encrypt(data, [alice.public.pyrage_recipient, bob.public.pyrage_recipient])
    assert _decrypt(theirs, bob) == data


def test_chunks_are_cut_across_many_small_pieces(alice: Identity) -> None:
    pieces = [os.urandom(n) for n in (1, 0, 70_000, 3, 65_533, 0, 131_072, 9)]
    data = b"".join(pieces)
    sealed = bytes(age_io.encrypt_to_memory(pieces, len(data), [alice.public.x25519_public]))
    assert pyrage.decrypt(sealed, [alice.age_identity]) == data


def test_the_announced_length_is_enforced(alice: Identity) -> None:
    with pytest.raises(BundleBuildInvalid):
        age_io.encrypt_to_memory([b"abc"], 4, [alice.public.x25519_public])
    with pytest.raises(BundleBuildInvalid):
        age_io.encrypt_to_memory([b"abcde"], 4, [alice.public.x25519_public])
    with pytest.raises(BundleBuildInvalid):
        age_io.encrypt_to_memory([b"abc"], 3, [])


def test_only_the_recipients_can_decrypt(alice: Identity, bob: Identity, carol: Identity) -> None:
    sealed = _encrypt(b"para Bob", alice, bob)
    assert _decrypt(sealed, bob) == b"para Bob"
    with pytest.raises(BundleNotForYou):
        _decrypt(sealed, carol)


def test_every_flipped_payload_byte_and_every_truncation_fails(alice: Identity) -> None:
    sealed = _encrypt(os.urandom(CHUNK_BYTES + 100), alice)
    header = parse_header(sealed)
    for pos in range(header.header_length, len(sealed), 997):
        bad = bytearray(sealed)
        bad[pos] ^= 0x01
        with pytest.raises(BundleError):
            _decrypt(bytes(bad), alice)
    for cut in (len(sealed) - 1, len(sealed) - 17, header.header_length + 16 + CHUNK_BYTES + 16):
        with pytest.raises(BundleError):
            _decrypt(sealed[:cut], alice)


def test_a_chunk_moved_from_the_end_is_refused(alice: Identity) -> None:
    """STREAM's last-chunk flag: dropping the final chunk cannot pass as complete."""
    sealed = _encrypt(os.urandom(3 * CHUNK_BYTES), alice)
    dropped = sealed[: len(sealed) - (CHUNK_BYTES + 16)]
    with pytest.raises(BundleDecryptionFailed):
        _decrypt(dropped, alice)


def test_progress_and_cancel(alice: Identity) -> None:
    data = os.urandom(20 * CHUNK_BYTES * 8)
    seen: list[Progress] = []
    sealed = bytes(
        age_io.encrypt_to_memory(
            [data], len(data), [alice.public.x25519_public], progress=seen.append
        )
    )
    assert seen[-1].done == seen[-1].total == len(data)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        age_io.decrypt(sealed, alice.x25519_key, parse_header(sealed), cancel=token)


def test_on_chunk_sees_final_plaintext_only(alice: Identity) -> None:
    data = os.urandom(3 * CHUNK_BYTES + 5)
    sealed = _encrypt(data, alice)
    marks: list[int] = []

    def hook(view: memoryview, ready: int) -> None:
        assert view.readonly and len(view) == ready  # only what has authenticated
        assert bytes(view) == data[:ready]
        marks.append(ready)

    age_io.decrypt(sealed, alice.x25519_key, parse_header(sealed), on_chunk=hook)
    assert marks == [CHUNK_BYTES, 2 * CHUNK_BYTES, 3 * CHUNK_BYTES, len(data)]


needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="the age binary")


@needs_age
@pytest.mark.parametrize("size", [0, CHUNK_BYTES, CHUNK_BYTES + 1, 200_000])
def test_the_age_binary_both_ways(size: int, alice: Identity, tmp_path: Path) -> None:
    data = os.urandom(size)
    identity = tmp_path / "alice.txt"
    identity.write_text(alice.export_age_identity_text())
    (tmp_path / "ours.age").write_bytes(_encrypt(data, alice))
    out = subprocess.run(
        ["age", "-d", "-i", str(identity), str(tmp_path / "ours.age")],
        check=True,
        capture_output=True,
    ).stdout
    assert hashlib.sha256(out).digest() == hashlib.sha256(data).digest()
    (tmp_path / "plain").write_bytes(data)
    theirs, plain = tmp_path / "theirs.age", tmp_path / "plain"
    subprocess.run(["age", "-r", alice.public.age_recipient, "-o", theirs, plain], check=True)
    assert _decrypt(theirs.read_bytes(), alice) == data


def test_streaming_to_a_sink_gives_the_same_format(alice: Identity) -> None:
    data = os.urandom(9 * 1024 * 1024 + 7)
    blocks: list[bytes] = []
    size = age_io.encrypt(
        [data], len(data), [alice.public.x25519_public], sink=lambda b: blocks.append(bytes(b))
    )
    sealed = b"".join(blocks)
    assert len(blocks) >= 3  # streamed in blocks, not held whole
    assert size == len(sealed)
    assert pyrage.decrypt(sealed, [alice.age_identity]) == data


def test_a_low_order_recipient_is_refused_when_sealing(alice: Identity) -> None:
    with pytest.raises(BundleBuildInvalid):
        age_io.encrypt_to_memory([b"x"], 1, [alice.public.x25519_public, bytes(32)])
