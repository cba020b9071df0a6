"""Exchange GUIDs: the same for an object on every export, apart for kinds, no time in them."""

from __future__ import annotations

import uuid

from reflectdesk.ids import uuid7
from reflectdesk.research.guids import CODE, SOURCE, guid


def test_stable_per_object_and_kind() -> None:
    ours = uuid7()
    assert guid(CODE, ours) == guid(CODE, ours)
    assert guid(CODE, ours) != guid(SOURCE, ours)
    parsed = uuid.UUID(guid(CODE, ours))
    assert parsed.version == 5 and str(parsed) == guid(CODE, ours)
    assert ours[:13] not in guid(CODE, ours)  # the creation time of our id stays here
    # Fixed forever: a changed namespace would give every exported object a new identity.
    assert guid(CODE, "x") == "0b5b70d9-066a-5d92-9ed0-6fcaaab7d853"
