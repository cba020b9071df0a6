import pytest

from reflectdesk.crypto import recovery
from reflectdesk.errors import WrongRecoveryKey


def test_format_and_parse_round_trip() -> None:
    raw = recovery.generate()
    text = recovery.format_key(raw)
    assert len(text.split("-")) == 14
    assert recovery.parse_key(text) == raw
    # Case, spaces and dashes do not matter.
    assert recovery.parse_key(text.lower().replace("-", " ")) == raw


def test_typo_is_caught_by_checksum() -> None:
    text = recovery.format_key(recovery.generate())
    swapped = ("B" if text[0] != "B" else "C") + text[1:]
    with pytest.raises(WrongRecoveryKey) as info:
        recovery.parse_key(swapped)
    assert info.value.detail == "checksum"


@pytest.mark.parametrize("bad", ["", "ABCD", "!" * 56, "A" * 70])
def test_garbage_rejected(bad: str) -> None:
    with pytest.raises(WrongRecoveryKey):
        recovery.parse_key(bad)
