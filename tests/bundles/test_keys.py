from __future__ import annotations

import base64
import re
import subprocess
from pathlib import Path

import pyrage
import pytest

from reflectdesk.bundles import Identity, PublicIdentity, bech32, key_id_of, keys
from reflectdesk.bundles.keys import minisign_key_id_text, x25519_identity_from_str
from reflectdesk.errors import IdentityInvalid, PublicKeyInvalid
from tests.bundles.helpers import need_tool


def test_identity_round_trips_through_bytes(alice: Identity) -> None:
    again = Identity.from_bytes(alice.to_bytes())
    assert again == alice
    assert again.public == alice.public
    assert again.created == alice.created
    assert again.key_id == alice.key_id


def test_identity_bytes_are_versioned_and_strict(alice: Identity) -> None:
    raw = alice.to_bytes()
    assert raw.startswith(b"RDID\x01")
    for bad in (
        b"",
        raw[:10],
        raw[:-1],
        raw + b"x",
        b"XXXX" + raw[4:],
        raw[:4] + b"\x02" + raw[5:],
    ):
        with pytest.raises(IdentityInvalid):
            Identity.from_bytes(bad)


def test_repr_shows_no_secret(alice: Identity) -> None:
    text = repr(alice)
    assert "AGE-SECRET-KEY" not in text
    assert alice.public.key_id_hex in text


def test_key_id_is_blake2b_prefix(alice: Identity) -> None:
    import hashlib

    pk = alice.public.signing_key
    assert key_id_of(pk) == hashlib.blake2b(pk, digest_size=64).digest()[:8]
    assert len(alice.public.key_id_hex) == 16


def test_public_identity_validates_its_keys(alice: Identity) -> None:
    good = alice.public
    with pytest.raises(PublicKeyInvalid):
        PublicIdentity(good.age_recipient, good.signing_key[:31])
    with pytest.raises(PublicKeyInvalid):
        PublicIdentity("age1notakey", good.signing_key)
    with pytest.raises(PublicKeyInvalid):
        PublicIdentity(good.age_recipient.upper(), good.signing_key)
    with pytest.raises(PublicKeyInvalid):
        PublicIdentity.from_b64(good.age_recipient, good.signing_key_b64 + "A")


@pytest.mark.parametrize("point", [bytes(32), (1).to_bytes(32, "little")])
def test_a_low_order_age_recipient_is_refused(alice: Identity, point: bytes) -> None:
    """A card may not name one: sealing to it would leave the file key unprotected."""
    with pytest.raises(PublicKeyInvalid, match="low-order"):
        PublicIdentity(bech32.encode("age", point), alice.public.signing_key)


def test_the_low_order_check_is_kept_per_recipient_and_a_refusal_every_time(
    alice: Identity,
) -> None:
    """Kept per text (two scalar multiplications each time made the GUI wait behind
    500 contacts' identities); a refused point is never kept as accepted."""
    low = bech32.encode("age", bytes(32))
    keys._x25519_recipient.cache_clear()
    for _ in range(3):
        PublicIdentity(alice.public.age_recipient, alice.public.signing_key)
        with pytest.raises(PublicKeyInvalid, match="low-order"):
            PublicIdentity(low, alice.public.signing_key)
    info = keys._x25519_recipient.cache_info()
    assert info.hits == 2 and info.currsize == 1  # only the good one, checked once


def test_a_malformed_secret_key_is_an_identity_error() -> None:
    with pytest.raises(IdentityInvalid):
        x25519_identity_from_str("AGE-SECRET-KEY-1NOTAKEY")


def test_raw_signatures_verify(alice: Identity, bob: Identity) -> None:
    sig = alice.sign(b"message")
    assert alice.public.verify(sig, b"message")
    assert not alice.public.verify(sig, b"messagE")
    assert not bob.public.verify(sig, b"message")
    assert not alice.public.verify(sig[:-1], b"message")


def test_age_identity_text_is_the_standard_file(alice: Identity, tmp_path: Path) -> None:
    text = alice.export_age_identity_text()
    lines = text.splitlines()
    assert re.fullmatch(r"# created: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", lines[0])
    assert lines[1] == f"# public key: {alice.public.age_recipient}"
    assert lines[2].startswith("AGE-SECRET-KEY-1")
    # The age binary itself accepts it.
    age = need_tool("age")
    identity_file = tmp_path / "id.txt"
    identity_file.write_text(text)
    encrypted = pyrage.encrypt(b"hola", [alice.public.pyrage_recipient])
    out = subprocess.run(
        [age, "-d", "-i", str(identity_file)], input=encrypted, capture_output=True, check=True
    )
    assert out.stdout == b"hola"


def test_minisign_public_key_text_is_exact(alice: Identity) -> None:
    text = alice.minisign_public_key_text()
    comment, key, end = text.split("\n")
    assert end == ""
    key_id = alice.public.key_id
    assert comment == f"untrusted comment: minisign public key {minisign_key_id_text(key_id)}"
    assert int(comment.rsplit(" ", 1)[1], 16) == int.from_bytes(key_id, "little")
    assert base64.b64decode(key) == b"Ed" + key_id + alice.public.signing_key
