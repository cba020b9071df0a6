"""Stable exchange GUIDs: uuid5 of our own id under one fixed namespace.

The same object gets the same GUID on every export, so a re-export keeps its identity in
the researcher's analysis program; our UUIDv7 ids (which carry their creation time) never
leave the vault; the kind prefix keeps a code and a source with equal ids apart.
"""

from __future__ import annotations

import functools
import uuid

# Fixed forever: changing it would give every exported object a new identity.
NAMESPACE = uuid.UUID("6f1d8a52-3c1e-5b7a-9d0e-2a4c6b8e0f13")

USER = "user"
CODE = "code"
SOURCE = "source"
SELECTION = "selection"
CODING = "coding"
CASE = "case"
NOTE = "note"
VARIABLE = "variable"


@functools.lru_cache(maxsize=1 << 16)  # a user's and a code's GUID recur on every passage
def guid(kind: str, our_id: str) -> str:
    """The GUID of ``our_id`` as a ``kind`` (lower case, hyphenated)."""
    return str(uuid.uuid5(NAMESPACE, f"reflectdesk/{kind}/{our_id}"))
