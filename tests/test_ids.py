"""UUIDv7 ids: valid RFC 9562 version 7, unique, and in creation order."""

from __future__ import annotations

import uuid

from reflectdesk.ids import is_uuid, uuid7


def test_uuid7_are_version_7_unique_and_ordered() -> None:
    ids = [uuid7() for _ in range(5000)]  # many in the same millisecond
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)  # string order is creation order
    parsed = uuid.UUID(ids[0])
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert ids[0] == str(parsed)  # lowercase, canonical


def test_is_uuid() -> None:
    assert is_uuid(uuid7())
    assert not is_uuid("not-a-uuid")
    assert not is_uuid("")
    assert not is_uuid(None)  # type: ignore[arg-type]
