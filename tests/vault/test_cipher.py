"""The record cipher: every sealed row is bound to its vault, table, id and revision."""

from __future__ import annotations

import os
import uuid

import pytest

from reflectdesk.errors import RecordTampered, VaultLocked
from reflectdesk.vault.cipher import RecordCipher


@pytest.fixture
def cipher() -> RecordCipher:
    return RecordCipher(os.urandom(32), "vault-1")


def test_a_sealed_record_opens_only_where_it_was_sealed(cipher: RecordCipher) -> None:
    blob = cipher.seal_json("entries", "e1", 3, {"title": "CANARYcipher"})
    assert b"CANARYcipher" not in blob
    assert cipher.open_json("entries", "e1", 3, blob) == {"title": "CANARYcipher"}
    other_vault = RecordCipher(cipher.key, "vault-2")
    for opener, args in [
        (cipher, ("journals", "e1", 3)),  # another table
        (cipher, ("entries", "e2", 3)),  # another row
        (cipher, ("entries", "e1", 4)),  # another revision
        (other_vault, ("entries", "e1", 3)),  # the same key, another vault
    ]:
        with pytest.raises(RecordTampered):
            opener.open_json(*args, blob)


def test_sealed_bytes_that_are_not_json_are_tampered(cipher: RecordCipher) -> None:
    blob = cipher.seal_bytes("t", "r", "1:last", b"\xff not json")
    assert cipher.open_bytes("t", "r", "1:last", blob) == b"\xff not json"
    with pytest.raises(RecordTampered):
        cipher.open_json("t", "r", "1:last", blob)


def test_blind_tags_and_local_ids_are_keyed(cipher: RecordCipher) -> None:
    other = RecordCipher(os.urandom(32), "vault-1")
    assert cipher.blind_tag(b"key") == cipher.blind_tag(b"key") != other.blind_tag(b"key")
    local = cipher.local_id("entry", "contact", "their-id")
    assert local == cipher.local_id("entry", "contact", "their-id")
    assert local != other.local_id("entry", "contact", "their-id")
    assert uuid.UUID(local).version == 8
    # Parts are length-prefixed: moving a boundary gives another id.
    assert cipher.local_id("entry", "ab", "c") != cipher.local_id("entry", "a", "bc")


def test_after_wipe_nothing_opens(cipher: RecordCipher) -> None:
    blob = cipher.seal_bytes("t", "r", 1, b"x")
    cipher.wipe()
    with pytest.raises(VaultLocked):
        cipher.open_bytes("t", "r", 1, blob)
    with pytest.raises(VaultLocked):
        cipher.derive(b"reflectdesk/test")
