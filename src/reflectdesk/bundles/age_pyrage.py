"""The fallback age backend: ``pyrage`` (the Rust ``age`` crate) behind one switch.

``REFLECTDESK_AGE_BACKEND=pyrage`` makes :mod:`reflectdesk.bundles.age_io` seal and
open the payload with ``pyrage`` instead of its own code, should a flaw ever be found
in ours: same format, same files, both ways (tests/bundles/test_age_pyrage.py runs
the bundle round trip through both backends and across them). The header is still
pre-parsed by :mod:`reflectdesk.bundles.age_header` first, so ReflectDesk's policy
(caps, no scrypt) holds whichever backend decrypts.

What the fallback costs (docs/bundle-format.md §6): ``pyrage`` holds the GIL for
the whole file and runs at about half the speed of the ``age`` binary, it takes and
returns whole ``bytes`` (the plaintext and the ciphertext are both in memory, plus
one copy), progress is reported at the start and the end only, and a cancel is seen
only before it starts. It adds a "grease" stanza to every header, as ``age`` may.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence

import pyrage
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from reflectdesk.bundles import bech32
from reflectdesk.bundles.canonical import Blob
from reflectdesk.errors import (
    BundleBuildInvalid,
    BundleDecryptionFailed,
    BundleNotForYou,
    InvalidValue,
)

log = logging.getLogger(__name__)

BACKEND_ENV = "REFLECTDESK_AGE_BACKEND"
BUILTIN = "builtin"
PYRAGE = "pyrage"
_NO_MATCH = "No matching keys"  # pyrage's message when no stanza opens with the key


def backend() -> str:
    """``builtin`` (the default) or ``pyrage``, from ``REFLECTDESK_AGE_BACKEND``."""
    value = os.environ.get(BACKEND_ENV, "").strip().lower() or BUILTIN
    if value not in (BUILTIN, PYRAGE):
        raise InvalidValue(f"{BACKEND_ENV}={value[:20]}")
    return value


def _recipient(raw: bytes) -> object:
    try:  # refused like the built-in backend does: the file key would be exposed
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(raw))
    except ValueError:
        raise BundleBuildInvalid("age: recipient key is a low-order point") from None
    return pyrage.x25519.Recipient.from_str(bech32.encode("age", raw))


def encrypt(pieces: Iterable[Blob], plaintext_length: int, recipients: Sequence[bytes]) -> bytes:
    """The age file of the concatenation of ``pieces`` to raw X25519 ``recipients``."""
    if not recipients:
        raise BundleBuildInvalid("age: no recipient")
    keys = [_recipient(r) for r in recipients]
    plaintext = b"".join(bytes(p) for p in pieces)
    if len(plaintext) != plaintext_length:
        raise BundleBuildInvalid("age: plaintext length differs from the announced one")
    sealed: bytes = pyrage.encrypt(plaintext, keys)
    log.debug("sealed %d bytes with pyrage", len(plaintext))
    return sealed


def decrypt(data: Blob, identity: X25519PrivateKey, plaintext_length: int) -> bytes:
    """The payload of an age file whose header was pre-parsed (``plaintext_length``
    is what the header parser computed; a disagreement fails)."""
    secret = bech32.encode("age-secret-key-", identity.private_bytes_raw()).upper()
    key = pyrage.x25519.Identity.from_str(secret)
    try:
        plaintext: bytes = pyrage.decrypt(bytes(data), [key])
    except pyrage.DecryptError as exc:
        if _NO_MATCH in str(exc):
            raise BundleNotForYou("no stanza matches this identity") from None
        raise BundleDecryptionFailed("pyrage") from None
    if len(plaintext) != plaintext_length:  # the two parsers disagree: refuse
        raise BundleDecryptionFailed("pyrage: payload length")
    return plaintext
