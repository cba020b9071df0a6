"""What a batch import computes for a bundle before its turn to be stored (issue 14).

A batch has one thread that holds the write lock and stores bundle after bundle (one
SQLite writer): everything it does not have to do there shortens the batch. Two
pieces of every bundle's import are pure functions of the opened bundle and the vault's
keys: the keyed hashes that become this vault's ids of the author's entries, revisions
and attachments (``local_id``, one HMAC each; see :mod:`reflectdesk.storage.local_ids`),
and the sealed records of each revision and of the consent each entry arrives with
(AES-256-GCM under a per-write HKDF subkey, ~25 µs each). :func:`compute`
makes both on the opening side, on the batch's second thread or in its worker process
(:mod:`~reflectdesk.services.batch_open`), right after the bundle was opened.

Nothing here decides anything: the plan and the import still run every check on the
storing thread, and use what was computed ahead only where it is what they would have
computed themselves (an id is looked up by everything its hash is made of; a sealed row
by :func:`~reflectdesk.storage.entry_import.revision_key`, a consent's by the
statement itself), so a guess that turned out
wrong (the author's contact changed meanwhile, the plan names another author for a
revision) costs the work again, never a wrong row. Nothing is written anywhere: the
values live in memory until the bundle is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from reflectdesk.bundles import OpenedBundle
from reflectdesk.domain.model import AuthorStatus
from reflectdesk.storage.bundle_log import IN
from reflectdesk.storage.consents import NewConsent, consent_row
from reflectdesk.storage.entry_import import SealedRevision, revision_key, revision_row
from reflectdesk.vault.cipher import RecordCipher


@dataclass(frozen=True, slots=True)
class Ahead:
    """The ids and revision rows of one opened bundle, computed before its turn."""

    ids: Mapping[tuple[str, str, str], str]  # (kind, scope, external id) -> local id
    sealed: Mapping[str, Mapping[str, SealedRevision]]  # local entry id -> revision id ->
    consents: Mapping[NewConsent, dict[str, object]]  # the statement -> its sealed row

    @property
    def empty(self) -> bool:
        return not self.ids and not self.sealed and not self.consents


NOTHING = Ahead({}, {}, {})


def compute(cipher: RecordCipher, opened: OpenedBundle) -> Ahead:
    """The ids and sealed revision rows the import of ``opened`` will most likely need.

    Made for the author as the table of known authors the bundle was opened against
    named her (a contact, or you); an unknown sender's contact id is only made at the
    import, so nothing is computed for her bundles. Revisions naming anyone but the
    signer are left to the plan (it decides whom they name)."""
    status = opened.author_status
    if status is AuthorStatus.SELF:
        contact_id: str | None = None
    elif (
        status in (AuthorStatus.KNOWN, AuthorStatus.VERIFIED)
        and opened.pinned is not None
        and opened.pinned.contact_id is not None
    ):
        contact_id = opened.pinned.contact_id
    else:
        return NOTHING
    own = contact_id is None
    ids: dict[tuple[str, str, str], str] = {}

    def local(kind: str, scope: str, external: str) -> str:
        if own:
            return external
        key = (kind, scope, external)
        found = ids.get(key)
        if found is None:
            found = ids[key] = cipher.local_id(kind, scope, external)
        return found

    signer = opened.manifest.author.key_id_hex
    via = opened.bundle_id if own else None  # as BundleImportService._store seals them
    sealed: dict[str, dict[str, SealedRevision]] = {}
    consents: dict[NewConsent, dict[str, object]] = {}
    for source_id, entry in opened.entries.items():
        entry_id = local("entry", str(contact_id), source_id)
        rows: dict[str, SealedRevision] = {}
        for rev in entry.revisions:
            mine = replace(
                rev,
                id=local("revision", entry_id, rev.id),
                entry_id=entry_id,
                parent_ids=tuple(local("revision", entry_id, p) for p in rev.parent_ids),
            )
            if rev.author != signer:
                continue
            source = None if own else (source_id, rev.id)
            rows[mine.id] = SealedRevision(
                revision_key(entry_id, mine, source, via),
                revision_row(cipher, entry_id, mine, source, via),
            )
        for ref in entry.attachments:
            local("attachment", entry_id, ref.id)
        sealed[entry_id] = rows
        # The consent each entry arrives with, as BundleImportService._store states it.
        stated = NewConsent(
            entry_id,
            opened.manifest.consent_for(source_id),
            IN,
            opened.bundle_id,
            () if own else (str(contact_id),),
            opened.manifest.created,
        )
        consents[stated] = consent_row(cipher, stated)
    return Ahead(ids, sealed, consents)
