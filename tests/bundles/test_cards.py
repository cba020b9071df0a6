from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reflectdesk.bundles import (
    Card,
    Identity,
    Revocation,
    RevocationReason,
    card_qr_png,
    card_qr_svg,
    card_replaces,
    make_card,
    make_revocation,
    parse_card,
    parse_card_or_revocation,
    parse_revocation,
    safety_number,
)
from reflectdesk.bundles.canonical import canonical_json
from reflectdesk.domain.model import Role
from reflectdesk.errors import (
    CardExpired,
    CardInvalid,
    CardNotYetValid,
    CardSignatureInvalid,
    RevocationInvalid,
)

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _card(identity: Identity, **kw: object) -> bytes:
    args: dict[str, object] = {"name": "Camila Pérez", "role": Role.STUDENT, "institution": "UCh"}
    args.update(kw)
    return make_card(identity, now=NOW, **args)  # type: ignore[arg-type]


def test_round_trip(alice: Identity) -> None:
    raw = _card(alice)
    card = parse_card(raw, now=NOW)
    assert card.name == "Camila Pérez"
    assert card.role is Role.STUDENT
    assert card.institution == "UCh"
    assert card.public == alice.public
    assert card.created == NOW
    assert card.expires == NOW + timedelta(days=730)
    assert card.previous_signing_key is None
    assert card.raw == raw
    assert canonical_json(json.loads(raw)) == raw


def test_expiry_and_future_dates(alice: Identity) -> None:
    raw = _card(alice, valid_for=timedelta(days=30))
    parse_card(raw, now=NOW + timedelta(days=29))
    with pytest.raises(CardExpired):
        parse_card(raw, now=NOW + timedelta(days=31))
    assert parse_card(raw, now=NOW + timedelta(days=31), allow_expired=True).is_expired(
        NOW + timedelta(days=31)
    )
    with pytest.raises(CardNotYetValid):
        parse_card(raw, now=NOW - timedelta(days=2))


def _flip(text: str, at: int = 10) -> str:
    return text[:at] + ("B" if text[at] == "A" else "A") + text[at + 1 :]


def _edit(raw: bytes, change: object) -> bytes:
    doc = json.loads(raw)
    change(doc)  # type: ignore[operator]
    return canonical_json(doc)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["card"].update(name="Mallory"),
        lambda d: d["card"].update(role="educator"),
        lambda d: d["card"].update(expires="2099-01-01T00:00:00Z"),
        lambda d: d.update(signature=_flip(d["signature"])),
    ],
)
def test_tampering_breaks_the_signature(alice: Identity, change: object) -> None:
    with pytest.raises(CardSignatureInvalid):
        parse_card(_edit(_card(alice), change), now=NOW)


def test_swapped_keys_break_the_signature(alice: Identity, bob: Identity) -> None:
    raw = _edit(_card(alice), lambda d: d["card"].update(age_recipient=bob.public.age_recipient))
    with pytest.raises(CardSignatureInvalid):
        parse_card(raw, now=NOW)
    raw = _edit(_card(alice), lambda d: d["card"].update(signing_key=bob.public.signing_key_b64))
    with pytest.raises(CardSignatureInvalid):
        parse_card(raw, now=NOW)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"not json",
        b"{}",
        b'{"card":{},"signature":""}',
        b"[" * 10,
        b"x" * 10_000,
    ],
)
def test_garbage_is_card_invalid(raw: bytes) -> None:
    with pytest.raises(CardInvalid):
        parse_card(raw, now=NOW)


def test_non_canonical_and_unknown_fields_are_rejected(alice: Identity) -> None:
    raw = _card(alice)
    with pytest.raises(CardInvalid):
        parse_card(json.dumps(json.loads(raw), indent=1).encode(), now=NOW)
    with pytest.raises(CardInvalid):
        parse_card(_edit(raw, lambda d: d["card"].update(photo="x")), now=NOW)
    with pytest.raises(CardInvalid):
        _card(alice, name="")
    with pytest.raises(CardInvalid):
        _card(alice, name="two\nlines")


def test_rotation_signed_by_the_old_key_replaces_quietly(alice: Identity) -> None:
    old = parse_card(_card(alice), now=NOW)
    rotated_identity = Identity.generate()
    new_raw = make_card(
        rotated_identity,
        name="Camila Pérez",
        role=Role.STUDENT,
        previous=alice,
        now=NOW + timedelta(days=1),
    )
    new = parse_card(new_raw, now=NOW + timedelta(days=1))
    assert new.previous_signing_key == alice.public.signing_key
    assert card_replaces(old, new)
    # A renewal with the same key also replaces; an older card never does.
    renewed = parse_card(_card(alice, valid_for=timedelta(days=900)), now=NOW)
    assert card_replaces(old, renewed)
    later = parse_card(make_card(alice, name="C", role=Role.STUDENT, now=NOW + timedelta(days=2)))
    assert not card_replaces(later, old)


def test_any_other_key_change_does_not_replace(alice: Identity, bob: Identity) -> None:
    old = parse_card(_card(alice), now=NOW)
    stranger = parse_card(_card(bob), now=NOW)
    assert not card_replaces(old, stranger)
    # Naming the old key without its signature is refused outright...
    rotation = make_card(bob, name="C", role=Role.STUDENT, previous=Identity.generate(), now=NOW)
    forged = _edit(
        rotation, lambda d: d["card"].update(previous_signing_key=alice.public.signing_key_b64)
    )
    with pytest.raises(CardSignatureInvalid):
        parse_card(forged, now=NOW)
    # ...and a rotation from some other key does not replace this contact.
    other_rotation = parse_card(
        make_card(bob, name="C", role=Role.STUDENT, previous=Identity.generate(), now=NOW), now=NOW
    )
    assert not card_replaces(old, other_rotation)


def test_hand_built_cards_cannot_claim_a_rotation(alice: Identity, bob: Identity) -> None:
    old = parse_card(_card(alice), now=NOW)
    real = parse_card(_card(bob), now=NOW)
    fake = Card(
        real.name,
        real.role,
        real.institution,
        real.public,
        real.created,
        real.expires,
        alice.public.signing_key,
        real.raw,
    )
    assert not card_replaces(old, fake)


def test_revocation(alice: Identity, bob: Identity) -> None:
    raw = make_revocation(alice, reason=RevocationReason.COMPROMISED, now=NOW)
    revocation = parse_revocation(raw)
    assert revocation.public == alice.public
    assert revocation.reason is RevocationReason.COMPROMISED
    assert revocation.revoked == NOW
    assert isinstance(parse_card_or_revocation(raw), Revocation)
    assert isinstance(parse_card_or_revocation(_card(alice)), Card)
    with pytest.raises(CardInvalid, match="revocation"):
        parse_card(raw, now=NOW)
    forged = _edit(raw, lambda d: d["revocation"].update(signing_key=bob.public.signing_key_b64))
    with pytest.raises(RevocationInvalid):
        parse_revocation(forged)
    with pytest.raises(RevocationInvalid):
        parse_revocation(_card(alice))


def _fixed(age_secret: str, seed: int) -> Identity:
    return Identity(
        pyrage.x25519.Identity.from_str(age_secret),
        Ed25519PrivateKey.from_private_bytes(bytes([seed]) * 32),
        NOW,
    )


def test_safety_number_is_symmetric_and_stable() -> None:
    a = _fixed("AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0", 1)
    b = _fixed("AGE-SECRET-KEY-143WN7DCXU4G8R5AXQSSYD9AEPYDNT3HXSLWSPK36CDU6E8M59SSSAGZ3KG", 2)
    number = safety_number(a.public, b.public)
    assert number == safety_number(b.public, a.public)
    assert re.fullmatch(r"\d{5}( \d{5}){11}", number)
    assert number == ("43192 48152 37478 22429 10413 85231 77074 38918 56050 08847 16343 11302")


def test_safety_number_changes_with_either_key(alice: Identity, bob: Identity) -> None:
    base = safety_number(alice.public, bob.public)
    assert safety_number(alice.public, Identity.generate().public) != base
    assert safety_number(Identity.generate().public, bob.public) != base


def test_qr_codes(alice: Identity, tmp_path: Path) -> None:
    raw = _card(alice)
    svg = card_qr_svg(raw)
    assert svg.lstrip().startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert card_qr_png(raw).startswith(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(CardInvalid):
        card_qr_svg(b"x" * 5000)
