"""Contacts: pinned keys of the people you exchange bundles with.

Everything a card says (name, role, institution, both keys, the card itself) is
sealed; plaintext are the id, timestamps, the ``verified``/``revoked`` flags and
``key_tag``, an HMAC of the Ed25519 key under a vault subkey
(:meth:`RecordCipher.blind_tag`), which finds a bundle's author without storing
the key in the clear.
"""

from __future__ import annotations

import base64
from typing import Any

from sqlalchemy import select

from reflectdesk.domain.model import CardData, Contact, Role, ms_to_datetime, now_ms
from reflectdesk.errors import ContactNotFound, RecordTampered
from reflectdesk.ids import uuid7
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.storage.entries import ImportBatch, batch_session
from reflectdesk.vault.cipher import RecordCipher

TABLE = "contacts"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _card_doc(card: CardData, key_changed: bool) -> dict[str, Any]:
    return {
        "name": card.name,
        "role": card.role.value,
        "institution": card.institution,
        "age_recipient": card.age_recipient,
        "signing_key": _b64(card.signing_key),
        "key_id": card.key_id,
        "created": int(card.created.timestamp() * 1000),
        "expires": int(card.expires.timestamp() * 1000),
        "card": _b64(card.raw),
        "key_changed": key_changed,
    }


class ContactRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    def _tag(self, signing_key: bytes) -> str:
        return self._cipher.blind_tag(b"contact-signing-key|" + signing_key)

    def _to_domain(self, row: t.Contact) -> Contact:
        doc = self._cipher.open_json(TABLE, row.id, row.rev, row.blob)
        try:
            card = CardData(
                name=str(doc["name"]),
                role=Role(doc["role"]),
                institution=str(doc["institution"]),
                age_recipient=str(doc["age_recipient"]),
                signing_key=base64.b64decode(doc["signing_key"]),
                key_id=str(doc["key_id"]),
                created=ms_to_datetime(int(doc["created"])),
                expires=ms_to_datetime(int(doc["expires"])),
                raw=base64.b64decode(doc["card"]),
            )
        except (KeyError, ValueError, TypeError):
            raise RecordTampered("contacts.shape") from None
        return Contact(
            id=row.id,
            card=card,
            verified=bool(row.verified),
            revoked=bool(row.revoked),
            key_changed=bool(doc.get("key_changed", False)),
            created_at=ms_to_datetime(row.created_at),
            updated_at=ms_to_datetime(row.updated_at),
        )

    # -- writes ----------------------------------------------------------------------
    def add(
        self,
        card: CardData,
        *,
        verified: bool = False,
        batch: ImportBatch | None = None,
    ) -> Contact:
        contact_id = uuid7()
        ts = now_ms()
        row = t.Contact(
            id=contact_id,
            key_tag=self._tag(card.signing_key),
            created_at=ts,
            updated_at=ts,
            rev=1,
            verified=int(verified),
            revoked=0,
            blob=self._cipher.seal_json(TABLE, contact_id, 1, _card_doc(card, False)),
        )
        with batch_session(self._db, batch) as s:
            s.add(row)
            s.flush()
        return self._to_domain(row)

    def replace_card(
        self, contact_id: str, card: CardData, *, verified: bool, key_changed: bool
    ) -> Contact:
        """Pin ``card``'s keys for this contact (the service decided that it may)."""
        with self._db.session() as s:
            row = s.get(t.Contact, contact_id)
            if row is None:
                raise ContactNotFound(contact_id)
            row.rev += 1
            row.updated_at = now_ms()
            row.key_tag = self._tag(card.signing_key)
            row.verified = int(verified)
            row.blob = self._cipher.seal_json(
                TABLE, contact_id, row.rev, _card_doc(card, key_changed)
            )
            return self._to_domain(row)

    def set_flags(
        self,
        contact_id: str,
        *,
        verified: bool | None = None,
        revoked: bool | None = None,
        key_changed: bool | None = None,
    ) -> Contact:
        with self._db.session() as s:
            row = s.get(t.Contact, contact_id)
            if row is None:
                raise ContactNotFound(contact_id)
            current = self._to_domain(row)
            row.updated_at = now_ms()
            if verified is not None:
                row.verified = int(verified)
            if revoked is not None:
                row.revoked = int(revoked)
            if key_changed is not None and key_changed != current.key_changed:
                row.rev += 1
                row.blob = self._cipher.seal_json(
                    TABLE, contact_id, row.rev, _card_doc(current.card, key_changed)
                )
            return self._to_domain(row)

    # -- reads -----------------------------------------------------------------------
    def get(self, contact_id: str) -> Contact:
        with self._db.session() as s:
            row = s.get(t.Contact, contact_id)
            if row is None:
                raise ContactNotFound(contact_id)
            return self._to_domain(row)

    def list(self) -> list[Contact]:
        with self._db.session() as s:
            rows = s.scalars(select(t.Contact).order_by(t.Contact.created_at, t.Contact.id))
            return [self._to_domain(r) for r in rows]

    def by_signing_key(self, signing_key: bytes) -> Contact | None:
        """The contact pinned to this Ed25519 key (a keyed-hash lookup), if any."""
        with self._db.session() as s:
            rows = s.scalars(
                select(t.Contact)
                .where(t.Contact.key_tag == self._tag(signing_key))
                .order_by(t.Contact.created_at, t.Contact.id)
            )
            for row in rows:
                contact = self._to_domain(row)
                if contact.card.signing_key == signing_key:
                    return contact
        return None
