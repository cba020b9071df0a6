"""Minisign signatures, made and checked with ``cryptography``'s Ed25519.

The file format is minisign's own, byte for byte, so ``minisign -V`` verifies our
signatures and we verify ``minisign -S``'s (docs/bundle-format.md §5)::

    untrusted comment: <text>\\n
    base64( "ED" | key id (8) | Ed25519( BLAKE2b-512(message) ) (64) )\\n
    trusted comment: <text>\\n
    base64( Ed25519( signature (64) | trusted comment bytes ) )\\n

Only the prehashed algorithm ``ED`` is accepted (minisign's default since 0.8);
the legacy ``Ed`` (unhashed) is rejected. :func:`verify` checks the algorithm, that
the key id matches the public key, the signature and the global signature over the
trusted comment. Every failure raises :class:`~reflectdesk.errors.BundleSignatureInvalid`
with a detail saying which check failed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from reflectdesk.bundles.canonical import Blob
from reflectdesk.bundles.keys import (
    ED25519_KEY_BYTES,
    ED25519_SIGNATURE_BYTES,
    KEY_ID_BYTES,
    Identity,
    PublicIdentity,
    minisign_key_id_text,
)
from reflectdesk.errors import BundleSignatureInvalid, PublicKeyInvalid

ALG_HASHED = b"ED"
ALG_LEGACY = b"Ed"
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
MAX_UNTRUSTED_COMMENT = 1024  # minisign's COMMENTMAXBYTES
MAX_TRUSTED_COMMENT = 8192  # minisign's TRUSTEDCOMMENTMAXBYTES
MAX_SIGNATURE_FILE = 16 * 1024
_SIG_BLOB = 2 + KEY_ID_BYTES + ED25519_SIGNATURE_BYTES


@dataclass(frozen=True, slots=True)
class MinisignPublicKey:
    key_id: bytes  # 8 bytes, as stored (minisign prints them little-endian)
    public_key: bytes  # Ed25519, 32 bytes

    @classmethod
    def of(cls, public: PublicIdentity) -> MinisignPublicKey:
        return cls(public.key_id, public.signing_key)

    @classmethod
    def from_text(cls, text: str | bytes) -> MinisignPublicKey:
        """Parse a minisign public key file (comment line + base64 line) or bare base64."""
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError:
                raise PublicKeyInvalid("minisign public key: not UTF-8") from None
        lines = text.strip("\n").split("\n")
        if len(lines) == 2 and lines[0].startswith(UNTRUSTED_PREFIX):
            lines = lines[1:]
        if len(lines) != 1:
            raise PublicKeyInvalid("minisign public key: expected a comment and a key line")
        blob = _b64(lines[0].rstrip("\r"), 2 + KEY_ID_BYTES + ED25519_KEY_BYTES, PublicKeyInvalid)
        if blob[:2] != ALG_LEGACY:
            raise PublicKeyInvalid("minisign public key: algorithm")
        return cls(blob[2 : 2 + KEY_ID_BYTES], blob[2 + KEY_ID_BYTES :])

    def to_text(self) -> str:
        blob = ALG_LEGACY + self.key_id + self.public_key
        return (
            f"untrusted comment: minisign public key {minisign_key_id_text(self.key_id)}\n"
            f"{base64.b64encode(blob).decode('ascii')}\n"
        )


@dataclass(frozen=True, slots=True)
class MinisignSignature:
    algorithm: bytes
    key_id: bytes
    signature: bytes
    untrusted_comment: str
    trusted_comment: str
    global_signature: bytes


def _b64(text: str, length: int, error: type[Exception]) -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise error("base64: invalid") from None
    if len(raw) != length or base64.b64encode(raw).decode("ascii") != text:
        raise error("base64: wrong length or not canonical")
    return raw


def _prehash(message: Blob) -> bytes:
    return hashlib.blake2b(message, digest_size=64).digest()


def _check_comment(text: str, limit: int, what: str) -> None:
    if "\n" in text or "\r" in text or "\x00" in text:
        raise ValueError(f"{what} must be one line")
    if len(text.encode("utf-8")) > limit:
        raise ValueError(f"{what} too long")


def sign(
    message: Blob,
    identity: Identity,
    *,
    trusted_comment: str,
    untrusted_comment: str | None = None,
) -> bytes:
    """A minisign signature file (UTF-8 bytes) of ``message`` by ``identity``."""
    key_id = identity.key_id
    if untrusted_comment is None:
        untrusted_comment = f"signature from minisign secret key {minisign_key_id_text(key_id)}"
    _check_comment(untrusted_comment, MAX_UNTRUSTED_COMMENT - len(UNTRUSTED_PREFIX), "comment")
    _check_comment(trusted_comment, MAX_TRUSTED_COMMENT - len(TRUSTED_PREFIX), "comment")
    signature = identity.sign(_prehash(message))
    global_signature = identity.sign(signature + trusted_comment.encode("utf-8"))
    blob = ALG_HASHED + key_id + signature
    text = (
        f"{UNTRUSTED_PREFIX}{untrusted_comment}\n"
        f"{base64.b64encode(blob).decode('ascii')}\n"
        f"{TRUSTED_PREFIX}{trusted_comment}\n"
        f"{base64.b64encode(global_signature).decode('ascii')}\n"
    )
    return text.encode("utf-8")


def parse_signature(data: Blob) -> MinisignSignature:
    """Parse a signature file strictly (LF line ends, canonical base64)."""
    if len(data) > MAX_SIGNATURE_FILE:
        raise BundleSignatureInvalid("signature file too large")
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        raise BundleSignatureInvalid("signature file is not UTF-8") from None
    if text.endswith("\n"):
        text = text[:-1]
    lines = text.split("\n")
    if len(lines) != 4:
        raise BundleSignatureInvalid("signature file must have 4 lines")
    untrusted, sig_line, trusted, global_line = lines
    if not untrusted.startswith(UNTRUSTED_PREFIX):
        raise BundleSignatureInvalid("untrusted comment line")
    if not trusted.startswith(TRUSTED_PREFIX):
        raise BundleSignatureInvalid("trusted comment line")
    if len(untrusted.encode("utf-8")) > MAX_UNTRUSTED_COMMENT:
        raise BundleSignatureInvalid("untrusted comment too long")
    if len(trusted.encode("utf-8")) > MAX_TRUSTED_COMMENT:
        raise BundleSignatureInvalid("trusted comment too long")
    trusted_comment = trusted[len(TRUSTED_PREFIX) :]
    if "\r" in trusted_comment or "\x00" in trusted_comment:
        raise BundleSignatureInvalid("trusted comment has control characters")
    blob = _b64(sig_line, _SIG_BLOB, BundleSignatureInvalid)
    global_signature = _b64(global_line, ED25519_SIGNATURE_BYTES, BundleSignatureInvalid)
    return MinisignSignature(
        algorithm=blob[:2],
        key_id=blob[2 : 2 + KEY_ID_BYTES],
        signature=blob[2 + KEY_ID_BYTES :],
        untrusted_comment=untrusted[len(UNTRUSTED_PREFIX) :],
        trusted_comment=trusted_comment,
        global_signature=global_signature,
    )


def verify(message: Blob, signature_file: Blob, public_key: MinisignPublicKey) -> MinisignSignature:
    """Check ``signature_file`` over ``message``; return it parsed (with the trusted comment)."""
    parsed = parse_signature(signature_file)
    if parsed.algorithm != ALG_HASHED:
        raise BundleSignatureInvalid("algorithm is not ED (prehashed Ed25519)")
    if parsed.key_id != public_key.key_id:
        raise BundleSignatureInvalid("key id does not match the signer's key")
    try:
        key = Ed25519PublicKey.from_public_bytes(public_key.public_key)
    except ValueError:
        raise BundleSignatureInvalid("public key") from None
    try:
        key.verify(parsed.signature, _prehash(message))
    except InvalidSignature:
        raise BundleSignatureInvalid("signature does not match the message") from None
    try:
        key.verify(parsed.global_signature, parsed.signature + parsed.trusted_comment.encode())
    except InvalidSignature:
        raise BundleSignatureInvalid("global signature (trusted comment)") from None
    return parsed
