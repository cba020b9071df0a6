"""The recovery key: 32 random bytes shown once as base32 groups with a checksum."""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reflectdesk.errors import WrongRecoveryKey

RECOVERY_BYTES = 32
_GROUP = 4


def generate() -> bytes:
    return os.urandom(RECOVERY_BYTES)


def _checksum(raw: bytes) -> str:
    # 20 bits of SHA-256, four base32 characters: catches typing mistakes, so a typo
    # is reported as such instead of as a wrong key.
    digest = hashlib.sha256(b"reflectdesk-recovery" + raw).digest()
    return base64.b32encode(digest[:5]).decode("ascii")[:4]


def format_key(raw: bytes) -> str:
    body = base64.b32encode(raw).decode("ascii").rstrip("=") + _checksum(raw)
    return "-".join(body[i : i + _GROUP] for i in range(0, len(body), _GROUP))


def parse_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    # Letters people confuse with digits that base32 never uses.
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != 56:
        raise WrongRecoveryKey("length")
    body, check = cleaned[:52], cleaned[52:]
    try:
        raw = base64.b32decode(body + "====")
    except ValueError:
        raise WrongRecoveryKey("characters") from None
    if len(raw) != RECOVERY_BYTES or _checksum(raw) != check:
        raise WrongRecoveryKey("checksum")
    return raw


def recovery_kek(raw: bytes, salt: bytes) -> bytes:
    """High-entropy input needs no slow KDF; HKDF separates it from other uses."""
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"reflectdesk/recovery-kek/v1"
    ).derive(raw)
