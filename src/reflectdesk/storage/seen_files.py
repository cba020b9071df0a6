"""Bundle files a batch import has already dealt with (issue 14).

A row is a keyed hash (``RecordCipher.local_id``) of the file's SHA-256, written
*after* the bundle's own transaction committed (imported, or found already held): the
same folder imported again is answered from here, before anything is decrypted. The
table decides nothing about trust, so it is not in the vault state MAC: a row deleted
or a whole table rolled back only sends that file through every check again (and the
bundle log then says "already imported"); a row cannot be added without the data key,
and a file whose hash matches a row is byte for byte one that passed every check here.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from reflectdesk.domain.model import now_ms
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.vault.cipher import RecordCipher


def seen_key(cipher: RecordCipher, sha256_hex: str) -> str:
    """The row's id for a file of this SHA-256 (the batch's worker process checks it
    too, against :meth:`SeenFileRepo.keys` taken when the batch began)."""
    return cipher.local_id("seen-file", sha256_hex)


class SeenFileRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    def key(self, sha256_hex: str) -> str:
        return seen_key(self._cipher, sha256_hex)

    def keys(self) -> frozenset[str]:
        """Every recorded key (the files this vault has dealt with)."""
        with self._db.session() as s:
            return frozenset(s.scalars(select(t.SeenFile.id)))

    def seen(self, sha256_hex: str) -> bool:
        with self._db.session() as s:
            return s.get(t.SeenFile, self.key(sha256_hex)) is not None

    def seen_keys(self, sha256_hexes: Iterable[str]) -> set[str]:
        """Which of these hashes are recorded (one query per 500)."""
        wanted = {self.key(h): h for h in sha256_hexes}
        found: set[str] = set()
        keys = list(wanted)
        with self._db.session() as s:
            for i in range(0, len(keys), 500):
                part = keys[i : i + 500]
                found.update(s.scalars(select(t.SeenFile.id).where(t.SeenFile.id.in_(part))))
        return {wanted[k] for k in found}

    def record(self, sha256_hexes: Iterable[str]) -> None:
        """Record files as dealt with, in one short transaction."""
        keys = dict.fromkeys(self.key(h) for h in sha256_hexes)
        if not keys:
            return
        at = now_ms()
        with self._db.session() as s:
            present = set(s.scalars(select(t.SeenFile.id).where(t.SeenFile.id.in_(list(keys)))))
            s.add_all(t.SeenFile(id=k, created_at=at) for k in keys if k not in present)
