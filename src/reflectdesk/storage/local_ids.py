"""Where identifiers that come from other people are stored: keyed hashes, by author.

Another author's entry, revision and attachment ids arrive in her bundles, and so
reach every co-recipient's vault. Stored as they are, they (a) let a co-recipient
squat an id: re-sign the author's entry under its own key and deliver it first, and
(b) let anyone holding two seized vaults join them row by row. So a received id is
stored as ``RecordCipher.local_id`` (HMAC-SHA256 under a subkey of the data key,
shaped as a UUID version 8) of the id *and its author*: the contact record, which
follows the author's key chain across rotations. Your own entries keep their ids
(scope ``None``): they are the ids your bundles carry, whichever own key signed them.
The original ids stay inside the sealed revision (``source``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reflectdesk.vault.cipher import RecordCipher


@dataclass(frozen=True, slots=True)
class IdScope:
    """Maps a bundle's ids to this vault's ids for one author (``None``: yourself).

    ``known``: ids computed ahead, keyed by everything the hash is made of (kind,
    scope, external id), so a wrong guess of the scope is only a miss (a batch import
    computes them on its opening side, off the thread that holds the write lock)."""

    cipher: RecordCipher
    contact_id: str | None
    known: Mapping[tuple[str, str, str], str] = field(default_factory=dict)

    @property
    def own(self) -> bool:
        return self.contact_id is None

    def _local(self, kind: str, scope: str, external: str) -> str:
        found = self.known.get((kind, scope, external))
        return found if found is not None else self.cipher.local_id(kind, scope, external)

    def entry(self, external: str) -> str:
        if self.contact_id is None:
            return external
        return self._local("entry", self.contact_id, external)

    def journal(self, external: str) -> str:
        """The received journal holding this author's journal ``external`` (issue 14:
        one per sender and source journal). Your own journals keep their ids."""
        if self.contact_id is None:
            return external
        return self.cipher.local_id("journal", self.contact_id, external)

    def revision(self, local_entry: str, external: str) -> str:
        if self.contact_id is None:
            return external
        return self._local("revision", local_entry, external)

    def attachment(self, local_entry: str, external: str) -> str:
        if self.contact_id is None:
            return external
        return self._local("attachment", local_entry, external)


def bundle_log_id(cipher: RecordCipher, author_key_id: str, bundle_id: str) -> str:
    """The bundle log's row id: scoped by the signing author (another sender reusing a
    bundle id must not make the real bundle look imported), readable by neither."""
    return cipher.local_id("bundle", author_key_id, bundle_id)
