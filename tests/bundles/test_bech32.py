"""Bech32 as age uses it, checked against pyrage and BIP 173's own examples."""

from __future__ import annotations

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from reflectdesk.bundles import bech32


def test_keys_match_pyrage() -> None:
    for _ in range(50):
        identity = pyrage.x25519.Identity.generate()
        hrp, secret = bech32.decode(str(identity))
        assert hrp == "age-secret-key-"
        hrp, public = bech32.decode(str(identity.to_public()))
        assert hrp == "age"
        assert X25519PrivateKey.from_private_bytes(secret).public_key().public_bytes_raw() == public
        assert bech32.encode("age", public) == str(identity.to_public())
        assert bech32.encode("AGE-SECRET-KEY-", secret).upper() == str(identity)


@pytest.mark.parametrize(
    "text",
    ["A12UEL5L", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "?1ezyfcl"],
)
def test_bip173_valid_strings(text: str) -> None:
    hrp, data = bech32.decode(text)
    assert hrp == text.lower()[: text.lower().rfind("1")]
    assert bech32.decode(text.lower())[1] == data


@pytest.mark.parametrize(
    "text",
    [
        "A1G7SGD8",  # checksum calculated with upper-case HRP
        "10a06t8",  # empty HRP
        "1qzzfhee",  # empty HRP
        "li1dgmt3",  # too short checksum
        "x1b4n0q5v",  # invalid data character
        "A12uEL5L",  # mixed case
        "age1" + "q" * 300,  # far too long to be a key
    ],
)
def test_bip173_invalid_strings(text: str) -> None:
    with pytest.raises(ValueError):
        bech32.decode(text)


def test_a_changed_character_breaks_the_checksum() -> None:
    text = str(pyrage.x25519.Identity.generate().to_public())
    changed = text[:10] + ("q" if text[10] != "q" else "p") + text[11:]
    with pytest.raises(ValueError):
        bech32.decode(changed)
