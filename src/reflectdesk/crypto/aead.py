"""Record encryption: AES-256-GCM under a per-write HKDF subkey of the data key.

Layout of a sealed record (docs/vault-format.md)::

    version (1 byte = 0x01) | salt (16) | nonce (12) | ciphertext ‖ tag (16)

The subkey is HKDF-SHA256(DEK, salt, info="reflectdesk/record/v1"), so a key never
sees more than one message and the nonce-reuse bound of GCM is never approached.
Associated data binds the record to its place (vault, table, row id, revision),
so a ciphertext moved to another row or revision fails to open.
"""

from __future__ import annotations

import functools
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reflectdesk.errors import RecordTampered

RECORD_VERSION = 1
_SALT = 16
_NONCE = 12
_TAG = 16
_INFO = b"reflectdesk/record/v1"
OVERHEAD = 1 + _SALT + _NONCE + _TAG


@functools.lru_cache(maxsize=256)
def _ad_prefix(vault_id: str, table: str) -> bytes:
    out = b"RDAD1"
    for part in (vault_id, table):
        raw = part.encode("utf-8")
        out += len(raw).to_bytes(4, "big") + raw
    return out


def record_ad(vault_id: str, table: str, record_id: str, revision: int | str = 0) -> bytes:
    """Length-prefixed, unambiguous associated data."""
    rid = record_id.encode("utf-8")
    rev = str(revision).encode("utf-8")
    return b"".join(
        (_ad_prefix(vault_id, table), len(rid).to_bytes(4, "big"), rid,
         len(rev).to_bytes(4, "big"), rev)
    )  # fmt: skip


def _subkey(key: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def seal(key: bytes, plaintext: bytes, ad: bytes) -> bytes:
    salt = os.urandom(_SALT)
    nonce = os.urandom(_NONCE)
    header = bytes([RECORD_VERSION]) + salt + nonce
    ct = AESGCM(_subkey(key, salt, _INFO)).encrypt(nonce, plaintext, header + ad)
    return header + ct


def open_sealed(key: bytes, blob: bytes, ad: bytes) -> bytes:
    if len(blob) < OVERHEAD or blob[0] != RECORD_VERSION:
        raise RecordTampered("record.version")
    salt = blob[1 : 1 + _SALT]
    nonce = blob[1 + _SALT : 1 + _SALT + _NONCE]
    header = blob[: 1 + _SALT + _NONCE]
    try:
        return AESGCM(_subkey(key, salt, _INFO)).decrypt(
            nonce, blob[1 + _SALT + _NONCE :], header + ad
        )
    except InvalidTag:
        raise RecordTampered("record.tag") from None


def wrap_key(kek: bytes, dek: bytes, ad: bytes) -> tuple[bytes, bytes]:
    """Wrap the data key under a key-encryption key: (nonce, ciphertext‖tag)."""
    nonce = os.urandom(_NONCE)
    return nonce, AESGCM(kek).encrypt(nonce, dek, ad)


def unwrap_key(kek: bytes, nonce: bytes, wrapped: bytes, ad: bytes) -> bytes | None:
    """The data key, or None when the KEK is wrong (the caller names the error)."""
    try:
        return AESGCM(kek).decrypt(nonce, wrapped, ad)
    except InvalidTag:
        return None


def derive_subkey(key: bytes, info: bytes) -> bytes:
    """A purpose-bound key from the data key (header MAC, search blind index…)."""
    return _subkey(key, b"", info)
