"""Contacts: pinned keys of the people you exchange bundles with.

Everything that decides trust is sealed, in one record per contact under the data
key, bound to the row's id and revision (AAD): what the card says (name, role,
institution, both keys, the card itself), ``verified``, ``vouched``, ``revoked`` by
hand, ``key_changed``, the rotation chain (every key pinned, and which key vouched
for which) and the revocations received. Plaintext are the id, timestamps and
``key_tag``, an HMAC of the current Ed25519 key under a vault subkey
(:meth:`RecordCipher.blind_tag`). The plaintext ``verified``/``revoked`` columns of
vaults before 0.3 are read once, when such a vault is first unlocked
(:meth:`ContactRepo.seal_legacy_trust`), and written as 0 since: nothing reads them.
"""

from __future__ import annotations

import base64
import builtins
from dataclasses import replace
from typing import Any

from sqlalchemy import select

from reflectdesk.domain.key_chain import reached_by_rotation, revoked_keys
from reflectdesk.domain.model import (
    CardData,
    Contact,
    KeyLink,
    KeyRevocation,
    Role,
    ms_to_datetime,
    now_ms,
)
from reflectdesk.errors import ContactNotFound, RecordTampered
from reflectdesk.ids import uuid7
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.storage.entry_import import ImportBatch, batch_session
from reflectdesk.vault.cipher import RecordCipher

TABLE = "contacts"
SEALED_VERSION = 2  # version 1 (before 0.3): card only, trust flags in plaintext columns
TRUST_SEALED_MARKER = t.TRUST_SEALED_MARKER


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _ms(value: Any) -> int:
    return int(value.timestamp() * 1000)


def _card_doc(card: CardData) -> dict[str, Any]:
    return {
        "name": card.name,
        "role": card.role.value,
        "institution": card.institution,
        "age_recipient": card.age_recipient,
        "signing_key": _b64(card.signing_key),
        "key_id": card.key_id,
        "created": _ms(card.created),
        "expires": _ms(card.expires),
        "card": _b64(card.raw),
    }


def _link_doc(link: KeyLink) -> dict[str, Any]:
    return {
        "signing_key": _b64(link.signing_key),
        "age_recipient": link.age_recipient,
        "key_id": link.key_id,
        "since": _ms(link.since),
        "vouched_by": _b64(link.vouched_by) if link.vouched_by is not None else None,
        "pinned_at": _ms(link.pinned_at),
    }


def _revocation_doc(rev: KeyRevocation) -> dict[str, Any]:
    return {
        "signing_key": _b64(rev.signing_key),
        "stated": _ms(rev.stated),
        "imported_at": _ms(rev.imported_at),
    }


def _doc(contact: Contact) -> dict[str, Any]:
    """The sealed record of a contact (``revoked`` here is the by-hand flag only)."""
    return {
        "v": SEALED_VERSION,
        **_card_doc(contact.card),
        "key_changed": contact.key_changed,
        "verified": contact.verified,
        "vouched": contact.vouched,
        "revoked": contact.revoked_by_hand,
        "chain": [_link_doc(link) for link in contact.chain],
        "revocations": [_revocation_doc(r) for r in contact.revocations],
    }


def link_of(card: CardData, *, vouched_by: bytes | None, pinned_ms: int) -> KeyLink:
    return KeyLink(
        signing_key=card.signing_key,
        age_recipient=card.age_recipient,
        key_id=card.key_id,
        since=card.created,
        vouched_by=vouched_by,
        pinned_at=ms_to_datetime(pinned_ms),
    )


class ContactRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    def _tag(self, signing_key: bytes) -> str:
        return self._cipher.blind_tag(b"contact-signing-key|" + signing_key)

    def _to_domain(self, row: t.Contact, *, legacy_ok: bool = False) -> Contact:
        doc = self._cipher.open_json(TABLE, row.id, row.rev, row.blob)
        if not isinstance(doc, dict):
            raise RecordTampered("contacts.shape")
        legacy = doc.get("v") is None
        if legacy and not legacy_ok:
            raise RecordTampered("contacts.legacy")
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
            if legacy:  # before 0.3: the flags were plaintext columns; one key known
                verified, vouched, by_hand = bool(row.verified), False, bool(row.revoked)
                chain: tuple[KeyLink, ...] = (
                    link_of(card, vouched_by=None, pinned_ms=row.created_at),
                )
                revocations: tuple[KeyRevocation, ...] = ()
            else:
                if int(doc["v"]) != SEALED_VERSION:
                    raise RecordTampered("contacts.version")
                verified, vouched = bool(doc["verified"]), bool(doc["vouched"])
                by_hand = bool(doc["revoked"])
                chain = tuple(
                    KeyLink(
                        signing_key=base64.b64decode(d["signing_key"]),
                        age_recipient=str(d["age_recipient"]),
                        key_id=str(d["key_id"]),
                        since=ms_to_datetime(int(d["since"])),
                        vouched_by=(
                            base64.b64decode(d["vouched_by"])
                            if d["vouched_by"] is not None
                            else None
                        ),
                        pinned_at=ms_to_datetime(int(d["pinned_at"])),
                    )
                    for d in doc["chain"]
                )
                revocations = tuple(
                    KeyRevocation(
                        signing_key=base64.b64decode(d["signing_key"]),
                        stated=ms_to_datetime(int(d["stated"])),
                        imported_at=ms_to_datetime(int(d["imported_at"])),
                    )
                    for d in doc["revocations"]
                )
        except (KeyError, ValueError, TypeError):
            raise RecordTampered("contacts.shape") from None
        if not chain or chain[-1].signing_key != card.signing_key:
            raise RecordTampered("contacts.chain")
        contact = Contact(
            id=row.id,
            card=card,
            verified=verified,
            revoked=by_hand,
            key_changed=bool(doc.get("key_changed", False)),
            created_at=ms_to_datetime(row.created_at),
            updated_at=ms_to_datetime(row.updated_at),
            vouched=vouched,
            chain=chain,
            revocations=revocations,
            revoked_by_hand=by_hand,
        )
        return _derive(contact)

    def _write(self, row: t.Contact, contact: Contact) -> Contact:
        """Seal ``contact`` into ``row`` as its next revision."""
        row.rev += 1
        row.updated_at = now_ms()
        row.key_tag = self._tag(contact.card.signing_key)
        row.verified = 0  # not authoritative: kept only because old files have the column
        row.revoked = 0
        row.blob = self._cipher.seal_json(TABLE, row.id, row.rev, _doc(contact))
        return self._to_domain(row)

    # -- writes ----------------------------------------------------------------------
    def add(
        self,
        card: CardData,
        *,
        verified: bool = False,
        vouched_by: bytes | None = None,
        batch: ImportBatch | None = None,
        contact_id: str | None = None,
    ) -> Contact:
        """A new contact; ``vouched_by`` is the previous key that signed its card, if any
        (not a contact's: kept so that a revocation of that key still reaches it). The
        bundle importer names ``contact_id`` ahead: received ids are scoped by it."""
        contact_id = contact_id or uuid7()
        ts = now_ms()
        contact = Contact(
            id=contact_id,
            card=card,
            verified=verified,
            revoked=False,
            key_changed=False,
            created_at=ms_to_datetime(ts),
            updated_at=ms_to_datetime(ts),
            chain=(link_of(card, vouched_by=vouched_by, pinned_ms=ts),),
        )
        row = t.Contact(
            id=contact_id,
            key_tag=self._tag(card.signing_key),
            created_at=ts,
            updated_at=ts,
            rev=1,
            verified=0,
            revoked=0,
            blob=self._cipher.seal_json(TABLE, contact_id, 1, _doc(contact)),
        )
        with batch_session(self._db, batch) as s:
            s.add(row)
            s.flush()
        return self._to_domain(row)

    def _update(self, contact_id: str, change: Any) -> Contact:
        with self._db.session() as s:
            row = s.get(t.Contact, contact_id)
            if row is None:
                raise ContactNotFound(contact_id)
            return self._write(row, change(self._to_domain(row)))

    def replace_card(
        self,
        contact_id: str,
        card: CardData,
        *,
        verified: bool,
        key_changed: bool,
        vouched: bool = False,
        vouched_by: bytes | None = None,
    ) -> Contact:
        """Pin ``card`` for this contact (the service decided that it may); a new key
        is added to the chain, vouched for by ``vouched_by`` when a rotation."""

        def change(current: Contact) -> Contact:
            chain = current.chain
            if card.signing_key != current.card.signing_key:
                chain = (*chain, link_of(card, vouched_by=vouched_by, pinned_ms=now_ms()))
            elif card.age_recipient != chain[-1].age_recipient:
                # The same signing key with another age key: bundles are checked on it.
                chain = (*chain[:-1], replace(chain[-1], age_recipient=card.age_recipient))
            return replace(
                current,
                card=card,
                verified=verified,
                vouched=vouched,
                key_changed=key_changed,
                chain=chain,
            )

        return self._update(contact_id, change)

    def set_flags(
        self,
        contact_id: str,
        *,
        verified: bool | None = None,
        vouched: bool | None = None,
        revoked: bool | None = None,
        key_changed: bool | None = None,
    ) -> Contact:
        def change(c: Contact) -> Contact:
            return replace(
                c,
                verified=c.verified if verified is None else verified,
                vouched=c.vouched if vouched is None else vouched,
                revoked_by_hand=c.revoked_by_hand if revoked is None else revoked,
                key_changed=c.key_changed if key_changed is None else key_changed,
            )

        return self._update(contact_id, change)

    def add_revocation(self, contact_id: str, revocation: KeyRevocation) -> Contact:
        """Record a revocation of one of this contact's keys. If it reaches the current
        key, the contact is no longer verified (nor vouched); a current key that came by
        a confirmed key change, not vouched for by the revoked one, keeps its mark."""

        def change(c: Contact) -> Contact:
            same = any(
                (r.signing_key, r.stated) == (revocation.signing_key, revocation.stated)
                for r in c.revocations
            )  # the same revocation imported again adds nothing
            reached = c.card.signing_key in reached_by_rotation(c.chain, revocation.signing_key)
            return replace(
                c,
                verified=c.verified and not reached,
                vouched=c.vouched and not reached,
                revocations=c.revocations if same else (*c.revocations, revocation),
            )

        return self._update(contact_id, change)

    # -- reads -----------------------------------------------------------------------
    def get(self, contact_id: str) -> Contact:
        with self._db.reading() as s:
            row = s.get(t.Contact, contact_id)
            if row is None:
                raise ContactNotFound(contact_id)
            return self._to_domain(row)

    def list(self) -> list[Contact]:
        with self._db.session() as s:
            rows = s.scalars(select(t.Contact).order_by(t.Contact.created_at, t.Contact.id))
            return [self._to_domain(r) for r in rows]

    def by_signing_key(self, signing_key: bytes) -> Contact | None:
        """The contact whose *current* key this is (a keyed-hash lookup), if any."""
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

    def with_key(self, signing_key: bytes) -> builtins.list[Contact]:
        """Every contact that has had this key, current or replaced (its chain).

        Reads every record: the sealed chain is the authority, not an index an edit
        of the file could empty.
        """
        return [c for c in self.list() if any(k.signing_key == signing_key for k in c.chain)]

    def touched_by(self, signing_key: bytes) -> builtins.list[Contact]:
        """Every contact a revocation of this key reaches: it has had the key, or a key
        of it was vouched for by it."""
        return [
            c
            for c in self.list()
            if any(signing_key in (k.signing_key, k.vouched_by) for k in c.chain)
        ]

    def sealed_records(self) -> builtins.list[tuple[str, bytes]]:
        """(row id, sealed record) for every contact: what a vault-wide MAC covers.

        The record holds every field that decides trust; its AAD binds it to the row
        id and revision, so a MAC over these pairs also fixes the revision.
        """
        with self._db.session() as s:
            rows = s.execute(select(t.Contact.id, t.Contact.blob).order_by(t.Contact.id))
            return [(row_id, blob) for row_id, blob in rows]

    # -- unlock ----------------------------------------------------------------------
    def seal_legacy_trust(self) -> int:
        """At unlock: seal the plaintext trust flags of a vault from before 0.3 into each
        contact's record (one transaction), then check every record opens.

        Returns how many rows were sealed. After the first run a marker in ``meta``
        says so, and a version-1 record is a restored old copy: ``RecordTampered``.
        """
        sealed = 0
        with self._db.session() as s:
            marker = s.get(t.Meta, TRUST_SEALED_MARKER)
            rows = list(s.scalars(select(t.Contact).order_by(t.Contact.id)))
            for row in rows:
                contact = self._to_domain(row, legacy_ok=marker is None)
                doc = self._cipher.open_json(TABLE, row.id, row.rev, row.blob)
                if doc.get("v") is None:
                    self._write(row, contact)
                    sealed += 1
            if marker is None:
                s.add(t.Meta(key=TRUST_SEALED_MARKER, value="1"))
        return sealed


def _derive(contact: Contact) -> Contact:
    """``revoked`` is by hand, or a revocation reached the current key."""
    if contact.revoked:
        return contact
    if contact.card.signing_key in revoked_keys(contact):
        return replace(contact, revoked=True)
    return contact
