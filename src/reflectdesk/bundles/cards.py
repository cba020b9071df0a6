"""Contact cards (``.rdcard``), revocations, safety numbers and QR codes.

A card is canonical JSON (docs/bundle-format.md §8)::

    {"card": {format, version, name, role, institution, age_recipient, signing_key,
              created, expires[, previous_signing_key]},
     "signature": base64(Ed25519 by signing_key),
     ["previous_signature": base64(Ed25519 by previous_signing_key)]}

Both signatures are raw Ed25519 over ``b"reflectdesk-card-v1\\x00" + canonical(card)``.
A card that names a ``previous_signing_key`` and carries that key's signature is a
key rotation: :func:`card_replaces` accepts it quietly. A revocation is signed by
the key it withdraws, over ``b"reflectdesk-revocation-v1\\x00" + canonical(revocation)``.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import segno

from reflectdesk.bundles.canonical import (
    Blob,
    JsonObject,
    as_object,
    canonical_json,
    format_timestamp,
    parse_json,
    parse_timestamp,
    validate,
)
from reflectdesk.bundles.keys import (
    ED25519_SIGNATURE_BYTES,
    Identity,
    PublicIdentity,
    decode_b64,
)
from reflectdesk.bundles.limits import DEFAULT_LIMITS
from reflectdesk.bundles.schemas import (
    CARD,
    CARD_FORMAT,
    DOCUMENT_VERSION,
    REVOCATION,
    REVOCATION_FORMAT,
    RevocationReason,
)
from reflectdesk.domain.model import Role
from reflectdesk.errors import (
    CardExpired,
    CardInvalid,
    CardNotYetValid,
    CardSignatureInvalid,
    ContactError,
    RevocationInvalid,
)

CARD_EXTENSION = ".rdcard"
CARD_MEDIA_TYPE = "application/vnd.reflectdesk.card+json"
DEFAULT_VALIDITY = timedelta(days=2 * 365)
CLOCK_SKEW = timedelta(days=1)
_CARD_DOMAIN = b"reflectdesk-card-v1\x00"
_REVOCATION_DOMAIN = b"reflectdesk-revocation-v1\x00"
SAFETY_NUMBER_ITERATIONS = 5200
_SAFETY_VERSION = b"\x00\x00"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


@dataclass(frozen=True, slots=True)
class Card:
    name: str
    role: Role
    institution: str
    public: PublicIdentity
    created: datetime
    expires: datetime
    previous_signing_key: bytes | None  # set on a key rotation signed by the old key
    raw: bytes  # the exact .rdcard bytes (what a QR code carries)

    @property
    def key_id_hex(self) -> str:
        return self.public.key_id_hex

    def is_expired(self, now: datetime | None = None) -> bool:
        return (now or datetime.now(UTC)) > self.expires


@dataclass(frozen=True, slots=True)
class Revocation:
    public: PublicIdentity
    revoked: datetime
    reason: RevocationReason
    raw: bytes


def make_card(
    identity: Identity,
    *,
    name: str,
    role: Role,
    institution: str = "",
    valid_for: timedelta = DEFAULT_VALIDITY,
    previous: Identity | None = None,
    now: datetime | None = None,
) -> bytes:
    """A signed card for ``identity``; with ``previous``, also signed by the old key."""
    if valid_for <= timedelta(0):
        raise CardInvalid("validity must be positive")
    created = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    public = identity.public
    body: JsonObject = {
        "format": CARD_FORMAT,
        "version": DOCUMENT_VERSION,
        "name": name,
        "role": Role(role).value,
        "institution": institution,
        "age_recipient": public.age_recipient,
        "signing_key": public.signing_key_b64,
        "created": format_timestamp(created),
        "expires": format_timestamp(created + valid_for),
    }
    if previous is not None:
        if previous.public.signing_key == public.signing_key:
            raise CardInvalid("the previous key is the same key")
        body["previous_signing_key"] = previous.public.signing_key_b64
    message = _CARD_DOMAIN + canonical_json(body, error=CardInvalid)
    doc: JsonObject = {"card": body, "signature": _b64(identity.sign(message))}
    if previous is not None:
        doc["previous_signature"] = _b64(previous.sign(message))
    validate(doc, CARD, name="card", error=CardInvalid)
    raw = canonical_json(doc, error=CardInvalid)
    if len(raw) > DEFAULT_LIMITS.max_card_bytes:
        raise CardInvalid("card too large")
    return raw


def _signature(text: object, error: type[ContactError]) -> bytes:
    return decode_b64(str(text), ED25519_SIGNATURE_BYTES, error=error)


def parse_card(
    data: Blob,
    *,
    now: datetime | None = None,
    allow_expired: bool = False,
    max_bytes: int = DEFAULT_LIMITS.max_card_bytes,
) -> Card:
    """Parse and verify a card: format, self-signature, rotation signature, dates."""
    value = parse_json(
        data,
        max_bytes=max_bytes,
        name="card",
        require_canonical=True,
        too_large=CardInvalid,
        invalid=CardInvalid,
    )
    if isinstance(value, dict) and "revocation" in value:
        raise CardInvalid("this is a key revocation, not a card")
    validate(value, CARD, name="card", error=CardInvalid)
    doc = as_object(value)
    body = as_object(doc["card"])
    try:
        public = PublicIdentity.from_b64(str(body["age_recipient"]), str(body["signing_key"]))
    except ContactError as exc:
        raise CardInvalid(f"card keys: {exc.detail}") from None
    message = _CARD_DOMAIN + canonical_json(body, error=CardInvalid)
    if not public.verify(_signature(doc["signature"], CardSignatureInvalid), message):
        raise CardSignatureInvalid("self-signature")
    previous_key: bytes | None = None
    if "previous_signing_key" in body:
        if "previous_signature" not in doc:
            raise CardSignatureInvalid("rotation without the previous key's signature")
        try:
            previous = PublicIdentity.from_b64(
                public.age_recipient, str(body["previous_signing_key"])
            )
        except ContactError:
            raise CardInvalid("previous signing key") from None
        if previous.signing_key == public.signing_key:
            raise CardInvalid("the previous key is the same key")
        if not previous.verify(
            _signature(doc["previous_signature"], CardSignatureInvalid), message
        ):
            raise CardSignatureInvalid("previous key's signature")
        previous_key = previous.signing_key
    elif "previous_signature" in doc:
        raise CardInvalid("previous signature without a previous key")
    created = parse_timestamp(str(body["created"]))
    expires = parse_timestamp(str(body["expires"]))
    if expires <= created:
        raise CardInvalid("expires before it was created")
    moment = now or datetime.now(UTC)
    if created > moment + CLOCK_SKEW:
        raise CardNotYetValid(format_timestamp(created))
    if moment > expires and not allow_expired:
        raise CardExpired(format_timestamp(expires))
    return Card(
        name=str(body["name"]),
        role=Role(str(body["role"])),
        institution=str(body["institution"]),
        public=public,
        created=created,
        expires=expires,
        previous_signing_key=previous_key,
        raw=bytes(data),
    )


def card_replaces(old: Card, new: Card) -> bool:
    """True when ``new`` may quietly replace ``old``: it is signed by ``old``'s signing key.

    That is the same signing key (its self-signature), or a rotation naming the old
    key as ``previous_signing_key`` and signed by it. An older card never replaces a
    newer one. Any other change of keys is for the user to confirm (a warning).
    Both cards are re-verified from their bytes, so hand-built :class:`Card` values
    cannot pass.
    """
    old = parse_card(old.raw, allow_expired=True)
    new = parse_card(new.raw, allow_expired=True)
    if new.created < old.created:
        return False
    if new.public.signing_key == old.public.signing_key:
        return True
    return new.previous_signing_key == old.public.signing_key


def make_revocation(
    identity: Identity,
    *,
    reason: RevocationReason = RevocationReason.UNSPECIFIED,
    now: datetime | None = None,
) -> bytes:
    """A revocation of ``identity``'s keys, signed by the key it withdraws."""
    public = identity.public
    body: JsonObject = {
        "format": REVOCATION_FORMAT,
        "version": DOCUMENT_VERSION,
        "age_recipient": public.age_recipient,
        "signing_key": public.signing_key_b64,
        "revoked": format_timestamp((now or datetime.now(UTC)).astimezone(UTC)),
        "reason": RevocationReason(reason).value,
    }
    message = _REVOCATION_DOMAIN + canonical_json(body, error=RevocationInvalid)
    doc: JsonObject = {"revocation": body, "signature": _b64(identity.sign(message))}
    return canonical_json(doc, error=RevocationInvalid)


def parse_revocation(data: Blob, *, max_bytes: int = DEFAULT_LIMITS.max_card_bytes) -> Revocation:
    value = parse_json(
        data,
        max_bytes=max_bytes,
        name="revocation",
        require_canonical=True,
        too_large=RevocationInvalid,
        invalid=RevocationInvalid,
    )
    validate(value, REVOCATION, name="revocation", error=RevocationInvalid)
    doc = as_object(value)
    body = as_object(doc["revocation"])
    try:
        public = PublicIdentity.from_b64(str(body["age_recipient"]), str(body["signing_key"]))
    except ContactError:
        raise RevocationInvalid("keys") from None
    message = _REVOCATION_DOMAIN + canonical_json(body, error=RevocationInvalid)
    if not public.verify(_signature(doc["signature"], RevocationInvalid), message):
        raise RevocationInvalid("signature")
    return Revocation(
        public=public,
        revoked=parse_timestamp(str(body["revoked"])),
        reason=RevocationReason(str(body["reason"])),
        raw=bytes(data),
    )


def parse_card_or_revocation(data: Blob, *, now: datetime | None = None) -> Card | Revocation:
    """For a file picked by the user: either kind of ``.rdcard`` document."""
    if b'{"revocation":' in bytes(data[:32]):
        return parse_revocation(data)
    return parse_card(data, now=now)


# --- safety numbers ----------------------------------------------------------------------
def _fingerprint(public: PublicIdentity) -> str:
    """Signal's numeric fingerprint construction over both of a party's keys."""
    recipient = public.age_recipient.encode("ascii")
    return _fingerprint_of(len(recipient).to_bytes(2, "big") + recipient + public.signing_key)


@functools.lru_cache(maxsize=256)
def _fingerprint_of(material: bytes) -> str:
    # Thousands of hashes: cached, as the contacts page and every card preview ask for
    # the owner's own half again (public keys only, so nothing secret is kept).
    digest = hashlib.sha512(_SAFETY_VERSION + material).digest()
    for _ in range(SAFETY_NUMBER_ITERATIONS):
        digest = hashlib.sha512(digest + material).digest()
    return "".join(
        f"{int.from_bytes(digest[i : i + 5], 'big') % 100_000:05d}" for i in range(0, 30, 5)
    )


def safety_number(a: PublicIdentity, b: PublicIdentity) -> str:
    """60 digits in 12 groups of 5, the same whichever side computes it."""
    digits = "".join(sorted((_fingerprint(a), _fingerprint(b))))
    return " ".join(digits[i : i + 5] for i in range(0, 60, 5))


# --- QR codes ----------------------------------------------------------------------------
def _qr(card_bytes: Blob) -> segno.QRCode:
    try:
        return segno.make(bytes(card_bytes), error="m", micro=False, boost_error=False)
    except segno.DataOverflowError:
        raise CardInvalid("too large for a QR code") from None


def card_qr_svg(card_bytes: Blob, *, scale: int = 4) -> str:
    """The card as a QR code, an SVG document (text)."""
    out = io.BytesIO()
    _qr(card_bytes).save(out, kind="svg", scale=scale, border=4, xmldecl=False)
    return out.getvalue().decode("utf-8")


def card_qr_png(card_bytes: Blob, *, scale: int = 8) -> bytes:
    """The card as a QR code, a PNG image (segno needs no imaging library); the caller
    writes it (atomically)."""
    out = io.BytesIO()
    _qr(card_bytes).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()
