"""Pre-parse an age v1 header from raw bytes, before anything is decrypted.

Follows the age specification (C2SP age, "Header"), strictly::

    age-encryption.org/v1\\n
    -> TYPE ARG ARG ...\\n            one or more stanzas; arguments are non-empty
    BASE64 BODY, 64 COLUMNS\\n         strings of VCHAR (0x21-0x7E) separated by
    ...                               single spaces; the body is canonical base64
    LAST LINE, < 64 COLUMNS\\n         without padding, every line 64 columns but
    --- BASE64 MAC\\n                  the last, which is shorter (maybe empty)
    payload: 16-byte nonce, then STREAM chunks of 64 KiB + 16-byte tag

On top of the spec, ReflectDesk's policy (docs/bundle-format.md §6): a header cap,
a stanza cap, no ``scrypt`` stanza (pyrage does not bound its work factor), at least
one well-formed ``X25519`` stanza, unknown stanzas (such as grease) ignored.
Every rejection is a specific :class:`~reflectdesk.errors.BundleError`.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from reflectdesk.bundles.canonical import Blob
from reflectdesk.bundles.limits import DEFAULT_LIMITS, BundleLimits
from reflectdesk.errors import (
    BundleDecryptionFailed,
    BundleHeaderInvalid,
    BundleHeaderTooLarge,
    BundleNoKeyRecipient,
    BundlePassphraseEncrypted,
    BundleTooManyStanzas,
    NotABundle,
)

VERSION_LINE = b"age-encryption.org/v1\n"
_AGE_PREFIX = b"age-encryption.org/"
_ARMOR_PREFIX = b"-----BEGIN AGE ENCRYPTED FILE-----"
_STANZA_PREFIX = b"-> "
_MAC_PREFIX = b"--- "
COLUMNS = 64
NONCE_BYTES = 16
CHUNK_BYTES = 64 * 1024
TAG_BYTES = 16
X25519_TYPE = "X25519"
SCRYPT_TYPE = "scrypt"
_B64_LINE = re.compile(rb"[A-Za-z0-9+/]*", re.ASCII)
_VCHAR = re.compile(rb"[\x21-\x7e]+", re.ASCII)


@dataclass(frozen=True, slots=True)
class Stanza:
    type: str
    args: tuple[str, ...]  # after the type
    body: bytes


@dataclass(frozen=True, slots=True)
class AgeHeader:
    stanzas: tuple[Stanza, ...]
    mac: bytes
    header_length: int  # bytes from the start through the MAC line's LF
    payload_length: int  # bytes after the header (nonce + chunks)

    @property
    def stanza_types(self) -> tuple[str, ...]:
        return tuple(s.type for s in self.stanzas)

    @property
    def x25519_count(self) -> int:
        return sum(1 for s in self.stanzas if s.type == X25519_TYPE)

    @property
    def plaintext_length(self) -> int:
        return plaintext_length(self.payload_length)


def decode_b64_unpadded(data: bytes) -> bytes:
    """Canonical base64 without padding (age's encoding); raises ``ValueError``."""
    if len(data) % 4 == 1 or not _B64_LINE.fullmatch(data):
        raise ValueError("not base64")
    try:
        raw = base64.b64decode(data + b"=" * (-len(data) % 4), validate=True)
    except binascii.Error:
        raise ValueError("not base64") from None
    if base64.b64encode(raw).rstrip(b"=") != data:
        raise ValueError("not canonical base64")
    return raw


def plaintext_length(payload_length: int) -> int:
    """The exact plaintext size a well-formed STREAM payload of this length carries."""
    sealed = payload_length - NONCE_BYTES
    if payload_length < NONCE_BYTES:
        raise BundleHeaderInvalid("payload nonce missing")
    if sealed < TAG_BYTES:
        raise BundleDecryptionFailed("payload has no chunks")
    full = CHUNK_BYTES + TAG_BYTES
    chunks = -(-sealed // full)
    last = sealed - (chunks - 1) * full
    if last < TAG_BYTES or (chunks > 1 and last == TAG_BYTES):
        raise BundleDecryptionFailed("payload ends with a short or empty chunk")
    return sealed - chunks * TAG_BYTES


class _Lines:
    """Reads LF-terminated lines from the header prefix, within the header cap."""

    def __init__(self, prefix: bytes, total: int, cap: int) -> None:
        self.prefix = prefix
        self.total = total
        self.cap = cap
        self.pos = 0

    def next(self) -> bytes:
        end = self.prefix.find(b"\n", self.pos)
        if end < 0:
            if self.total > self.cap:
                raise BundleHeaderTooLarge(f"header longer than {self.cap} bytes")
            raise BundleHeaderInvalid("header truncated")
        line = self.prefix[self.pos : end]
        self.pos = end + 1
        return line


def _parse_stanza(line: bytes, lines: _Lines) -> Stanza:
    parts = line[len(_STANZA_PREFIX) :].split(b" ")
    if not parts or not all(_VCHAR.fullmatch(p) for p in parts):
        raise BundleHeaderInvalid("stanza arguments")
    body_lines: list[bytes] = []
    while True:
        body_line = lines.next()
        if len(body_line) > COLUMNS:
            raise BundleHeaderInvalid("stanza body line longer than 64 columns")
        if not _B64_LINE.fullmatch(body_line):
            raise BundleHeaderInvalid("stanza body is not base64")
        body_lines.append(body_line)
        if len(body_line) < COLUMNS:
            break
    try:
        body = decode_b64_unpadded(b"".join(body_lines))
    except ValueError:
        raise BundleHeaderInvalid("stanza body is not canonical base64") from None
    texts = [p.decode("ascii") for p in parts]
    return Stanza(type=texts[0], args=tuple(texts[1:]), body=body)


def _check_x25519(stanza: Stanza) -> None:
    if len(stanza.args) != 1:
        raise BundleHeaderInvalid("X25519 stanza must have one argument")
    try:
        share = decode_b64_unpadded(stanza.args[0].encode("ascii"))
    except ValueError:
        raise BundleHeaderInvalid("X25519 share is not canonical base64") from None
    if len(share) != 32:
        raise BundleHeaderInvalid("X25519 share is not 32 bytes")
    if len(stanza.body) != 32:
        raise BundleHeaderInvalid("X25519 wrapped key is not 32 bytes")


def parse_header(data: Blob, limits: BundleLimits = DEFAULT_LIMITS) -> AgeHeader:
    """Parse and police the age header of ``data`` (the whole encrypted file)."""
    total = len(data)
    cap = limits.max_header_bytes
    prefix = bytes(data[: cap + 1]) if total > cap else bytes(data)
    if not prefix.startswith(_AGE_PREFIX):
        if prefix.lstrip().startswith(_ARMOR_PREFIX):
            raise NotABundle("ASCII-armored age file")
        raise NotABundle("no age header")
    lines = _Lines(prefix[: cap + 1], total, cap)
    if lines.next() + b"\n" != VERSION_LINE:
        raise BundleHeaderInvalid("unsupported age version")
    stanzas: list[Stanza] = []
    while True:
        line = lines.next()
        if line.startswith(_STANZA_PREFIX):
            if len(stanzas) >= limits.max_stanzas:
                raise BundleTooManyStanzas(
                    f"more than {limits.max_stanzas} stanzas", limit=limits.max_stanzas
                )
            stanzas.append(_parse_stanza(line, lines))
            continue
        if line.startswith(b"---"):
            if not line.startswith(_MAC_PREFIX):
                raise BundleHeaderInvalid("MAC line")
            try:
                mac = decode_b64_unpadded(line[len(_MAC_PREFIX) :])
            except ValueError:
                raise BundleHeaderInvalid("MAC is not canonical base64") from None
            if len(mac) != 32:
                raise BundleHeaderInvalid("MAC is not 32 bytes")
            break
        raise BundleHeaderInvalid("unexpected header line")
    if lines.pos > cap:
        raise BundleHeaderTooLarge(f"header longer than {cap} bytes")
    if not stanzas:
        raise BundleHeaderInvalid("no recipient stanza")
    if any(s.type == SCRYPT_TYPE for s in stanzas):
        raise BundlePassphraseEncrypted("scrypt stanza")
    x25519 = [s for s in stanzas if s.type == X25519_TYPE]
    if not x25519:
        raise BundleNoKeyRecipient("no X25519 stanza")
    for stanza in x25519:
        _check_x25519(stanza)
    header = AgeHeader(
        stanzas=tuple(stanzas),
        mac=mac,
        header_length=lines.pos,
        payload_length=total - lines.pos,
    )
    plaintext_length(header.payload_length)  # a malformed payload is rejected here
    return header
