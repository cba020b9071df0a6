import os

import pytest

from reflectdesk.crypto.aead import OVERHEAD, open_sealed, record_ad, seal, unwrap_key, wrap_key
from reflectdesk.errors import RecordTampered

KEY = os.urandom(32)


def test_round_trip_and_fresh_nonce_each_time() -> None:
    ad = record_ad("v", "entries", "e1", 1)
    a = seal(KEY, b"hola", ad)
    b = seal(KEY, b"hola", ad)
    assert a != b
    assert len(a) == 4 + OVERHEAD
    assert open_sealed(KEY, a, ad) == b"hola"


@pytest.mark.parametrize(
    "other",
    [
        record_ad("w", "entries", "e1", 1),
        record_ad("v", "journals", "e1", 1),
        record_ad("v", "entries", "e2", 1),
        record_ad("v", "entries", "e1", 2),
    ],
)
def test_ciphertext_is_bound_to_its_place(other: bytes) -> None:
    blob = seal(KEY, b"texto", record_ad("v", "entries", "e1", 1))
    with pytest.raises(RecordTampered):
        open_sealed(KEY, blob, other)


def test_ad_is_unambiguous() -> None:
    assert record_ad("a", "bc", "d") != record_ad("ab", "c", "d")


def test_every_flipped_byte_is_detected() -> None:
    ad = record_ad("v", "t", "r")
    blob = seal(KEY, b"x" * 40, ad)
    for i in range(len(blob)):
        bad = bytearray(blob)
        bad[i] ^= 0x01
        with pytest.raises(RecordTampered):
            open_sealed(KEY, bytes(bad), ad)


def test_unknown_version_and_truncation() -> None:
    ad = record_ad("v", "t", "r")
    blob = seal(KEY, b"abc", ad)
    with pytest.raises(RecordTampered):
        open_sealed(KEY, b"\x02" + blob[1:], ad)
    with pytest.raises(RecordTampered):
        open_sealed(KEY, blob[:10], ad)


def test_key_wrap() -> None:
    kek, dek = os.urandom(32), os.urandom(32)
    nonce, wrapped = wrap_key(kek, dek, b"slot")
    assert unwrap_key(kek, nonce, wrapped, b"slot") == dek
    assert unwrap_key(os.urandom(32), nonce, wrapped, b"slot") is None
    assert unwrap_key(kek, nonce, wrapped, b"other") is None
