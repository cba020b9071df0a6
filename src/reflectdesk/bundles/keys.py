"""A profile's key pair: an X25519 age identity (encryption) and an Ed25519 key (signing).

Nothing here is home-made: the age identity is ``pyrage``'s (its raw X25519 bytes,
for :mod:`reflectdesk.bundles.age_io`, come from its Bech32 text), the Ed25519 key and
signatures are ``cryptography``'s, and the key id is the first 8 bytes of BLAKE2b-512
(``hashlib``) of the Ed25519 public key.

:meth:`Identity.to_bytes` is the secret serialisation the vault stores (encrypted);
its layout (docs/bundle-format.md §2)::

    b"RDID" | version 0x01 | created (u64 BE, Unix seconds)
            | Ed25519 seed (32) | length (u8) | age secret key (ASCII, Bech32)
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from reflectdesk.bundles import bech32
from reflectdesk.bundles.canonical import Blob, format_timestamp
from reflectdesk.errors import IdentityInvalid, PublicKeyInvalid

KEY_ID_BYTES = 8
ED25519_KEY_BYTES = 32
ED25519_SIGNATURE_BYTES = 64
_MAGIC = b"RDID"
_VERSION = 1
_HEAD = struct.Struct(">4sBQ")
_RECIPIENT_HRP = "age"
_IDENTITY_HRP = "age-secret-key-"
X25519_KEY_BYTES = 32


def _x25519_bytes(text: str, hrp: str, error: type[Exception]) -> bytes:
    """The 32 raw bytes of an age key's Bech32 text (already accepted by pyrage)."""
    try:
        found, raw = bech32.decode(text)
    except ValueError:
        raise error("age key: invalid encoding") from None
    if found != hrp or len(raw) != X25519_KEY_BYTES:
        raise error("age key: not an X25519 key")
    return raw


@functools.lru_cache(maxsize=8192)
def _x25519_recipient(text: str) -> bytes:
    """A recipient's raw key, refusing a low-order point (age would abort on it).

    Kept per text (a pure function of it): the check costs two X25519 scalar
    multiplications (~130 µs) while holding the GIL, and every read of 500 contacts
    makes each one's :class:`PublicIdentity` again (the window's refresh after a batch
    held the GUI thread ~90 ms behind it). A refused text raises every time."""
    raw = _x25519_bytes(text, _RECIPIENT_HRP, PublicKeyInvalid)
    try:
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(raw))
    except ValueError:  # an all-zero shared secret: the file key would be exposed
        raise PublicKeyInvalid("age recipient: low-order point") from None
    return raw


def x25519_identity_from_str(text: str) -> X25519PrivateKey:
    """An ``AGE-SECRET-KEY-1…`` identity as a ``cryptography`` X25519 private key."""
    raw = _x25519_bytes(text, _IDENTITY_HRP, IdentityInvalid)
    return X25519PrivateKey.from_private_bytes(raw)


def key_id_of(signing_key: bytes) -> bytes:
    """The 8-byte key id of an Ed25519 public key: BLAKE2b-512(key)[:8]."""
    return hashlib.blake2b(signing_key, digest_size=64).digest()[:KEY_ID_BYTES]


def minisign_key_id_text(key_id: bytes) -> str:
    """How minisign prints a key id: the 8 bytes as a little-endian u64, ``%X``."""
    return f"{int.from_bytes(key_id, 'little'):X}"


def _load_recipient(text: str) -> Any:
    if not isinstance(text, str) or not text.startswith("age1"):
        raise PublicKeyInvalid("age recipient: not an age1 X25519 recipient")
    try:
        recipient = pyrage.x25519.Recipient.from_str(text)
    except Exception:  # pyrage.RecipientError and friends: a foreign boundary
        raise PublicKeyInvalid("age recipient: invalid encoding") from None
    if str(recipient) != text:
        raise PublicKeyInvalid("age recipient: not in canonical form")
    return recipient


def _load_signing_key(raw: bytes) -> Ed25519PublicKey:
    if not isinstance(raw, bytes) or len(raw) != ED25519_KEY_BYTES:
        raise PublicKeyInvalid("signing key: not 32 bytes")
    try:
        return Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise PublicKeyInvalid("signing key: not an Ed25519 key") from None


@dataclass(frozen=True, slots=True)
class PublicIdentity:
    """What others know of a profile: its age recipient and Ed25519 public key."""

    age_recipient: str  # "age1…"
    signing_key: bytes  # Ed25519, 32 bytes
    _ed25519: Ed25519PublicKey = field(init=False, repr=False, compare=False)
    _recipient: Any = field(init=False, repr=False, compare=False)
    _x25519: bytes = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ed25519", _load_signing_key(self.signing_key))
        object.__setattr__(self, "_recipient", _load_recipient(self.age_recipient))
        object.__setattr__(self, "_x25519", _x25519_recipient(self.age_recipient))

    @property
    def key_id(self) -> bytes:
        return key_id_of(self.signing_key)

    @property
    def key_id_hex(self) -> str:
        """The key id as 16 lowercase hex digits (the manifest's spelling)."""
        return self.key_id.hex()

    @property
    def signing_key_b64(self) -> str:
        return base64.b64encode(self.signing_key).decode("ascii")

    @property
    def pyrage_recipient(self) -> Any:
        return self._recipient

    @property
    def x25519_public(self) -> bytes:
        """The raw 32-byte X25519 public key (what the age header is sealed to)."""
        return self._x25519

    @property
    def ed25519(self) -> Ed25519PublicKey:
        return self._ed25519

    def verify(self, signature: bytes, message: Blob) -> bool:
        """Whether ``signature`` is this key's raw Ed25519 signature of ``message``."""
        if len(signature) != ED25519_SIGNATURE_BYTES:
            return False
        try:
            self._ed25519.verify(signature, bytes(message))
        except InvalidSignature:
            return False
        return True

    def minisign_public_key_text(self) -> str:
        """The exact minisign public key file: ``minisign -V -p FILE`` accepts it."""
        key_id = self.key_id
        blob = b"Ed" + key_id + self.signing_key
        return (
            f"untrusted comment: minisign public key {minisign_key_id_text(key_id)}\n"
            f"{base64.b64encode(blob).decode('ascii')}\n"
        )

    @classmethod
    def from_b64(cls, age_recipient: str, signing_key_b64: str) -> PublicIdentity:
        return cls(age_recipient, decode_b64(signing_key_b64, ED25519_KEY_BYTES))


def decode_b64(text: str, length: int, *, error: type[Exception] = PublicKeyInvalid) -> bytes:
    """Strict, canonical, padded standard base64 of exactly ``length`` bytes."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise error("base64: invalid") from None
    if len(raw) != length or base64.b64encode(raw).decode("ascii") != text:
        raise error("base64: wrong length or not canonical")
    return raw


class Identity:
    """A profile's secret keys. Never logged; ``repr`` shows only the public part."""

    def __init__(
        self, age_identity: Any, signing_key: Ed25519PrivateKey, created: datetime
    ) -> None:
        self._age = age_identity
        self._x25519 = x25519_identity_from_str(str(age_identity))
        self._ed25519 = signing_key
        self._created = created.astimezone(UTC).replace(microsecond=0)
        signing = signing_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self._public = PublicIdentity(str(age_identity.to_public()), signing)

    @classmethod
    def generate(cls, *, created: datetime | None = None) -> Identity:
        return cls(
            pyrage.x25519.Identity.generate(),
            Ed25519PrivateKey.generate(),
            created or datetime.now(UTC),
        )

    @classmethod
    def from_bytes(cls, data: Blob) -> Identity:
        raw = bytes(data)
        try:
            magic, version, created = _HEAD.unpack_from(raw)
        except struct.error:
            raise IdentityInvalid("too short") from None
        if magic != _MAGIC:
            raise IdentityInvalid("not an identity")
        if version != _VERSION:
            raise IdentityInvalid(f"version {version}")
        pos = _HEAD.size
        seed = raw[pos : pos + ED25519_KEY_BYTES]
        pos += ED25519_KEY_BYTES
        if len(seed) != ED25519_KEY_BYTES or len(raw) <= pos:
            raise IdentityInvalid("truncated")
        length = raw[pos]
        secret = raw[pos + 1 :]
        if len(secret) != length:
            raise IdentityInvalid("truncated or trailing bytes")
        try:
            age_identity = pyrage.x25519.Identity.from_str(secret.decode("ascii"))
        except Exception:  # pyrage.IdentityError, UnicodeDecodeError
            raise IdentityInvalid("age identity") from None
        try:
            moment = datetime.fromtimestamp(created, tz=UTC)
        except (OverflowError, OSError, ValueError):
            raise IdentityInvalid("created") from None
        return cls(age_identity, Ed25519PrivateKey.from_private_bytes(seed), moment)

    def to_bytes(self) -> bytes:
        """SECRET: both private keys. Store only inside the encrypted vault."""
        secret = str(self._age).encode("ascii")
        seed = self._ed25519.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        head = _HEAD.pack(_MAGIC, _VERSION, int(self._created.timestamp()))
        return head + seed + bytes([len(secret)]) + secret

    @property
    def created(self) -> datetime:
        return self._created

    @property
    def public(self) -> PublicIdentity:
        return self._public

    @property
    def age_identity(self) -> Any:
        """The ``pyrage.x25519.Identity`` (for :func:`pyrage.decrypt`)."""
        return self._age

    @property
    def x25519_key(self) -> X25519PrivateKey:
        """SECRET: the X25519 private key, for :func:`reflectdesk.bundles.age_io.decrypt`."""
        return self._x25519

    @property
    def key_id(self) -> bytes:
        return self.public.key_id

    def sign(self, message: Blob) -> bytes:
        """A raw Ed25519 signature (64 bytes) of ``message``."""
        return self._ed25519.sign(bytes(message))

    def export_age_identity_text(self) -> str:
        """SECRET: the standard age identity file; ``age -d -i FILE`` accepts it."""
        return (
            f"# created: {format_timestamp(self._created)}\n"
            f"# public key: {self.public.age_recipient}\n"
            f"{self._age}\n"
        )

    def minisign_public_key_text(self) -> str:
        return self.public.minisign_public_key_text()

    def __repr__(self) -> str:
        public = self.public
        return f"Identity(key_id={public.key_id_hex}, age_recipient={public.age_recipient})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Identity) and hmac.compare_digest(
            self.to_bytes(), other.to_bytes()
        )

    def __hash__(self) -> int:
        return hash(self.public.signing_key)
