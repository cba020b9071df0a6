"""What the services share while a vault is unlocked."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from reflectdesk.bundles.keys import Identity
from reflectdesk.domain.model import Changes
from reflectdesk.search.index import SearchIndex
from reflectdesk.services.templates import TemplateService
from reflectdesk.storage.attachments import AttachmentRepo
from reflectdesk.storage.bundle_log import BundleLogRepo
from reflectdesk.storage.consents import ConsentRepo
from reflectdesk.storage.contacts import ContactRepo
from reflectdesk.storage.database import Database
from reflectdesk.storage.documents import DocumentStore
from reflectdesk.storage.entries import EntryRepo
from reflectdesk.storage.journals import JournalRepo
from reflectdesk.storage.profile import ProfileRepo
from reflectdesk.vault.cipher import RecordCipher


@dataclass
class UnlockedState:
    """Keys, repositories and the index; dropped as one on lock."""

    db: Database
    cipher: RecordCipher
    index: SearchIndex
    author: str
    emit: Callable[[Changes], None]
    write_lock: threading.RLock = field(default_factory=threading.RLock)
    identity: Identity | None = None  # this profile's key pair, loaded at unlock
    previous: tuple[Identity, ...] | None = None  # retired key pairs, newest first
    own_authors: frozenset[str] = frozenset()  # key ids of this profile, old ones too
    untrusted: frozenset[bytes] | None = None  # own signing keys revoked or lost

    def __post_init__(self) -> None:
        self.profile = ProfileRepo(self.db, self.cipher)
        self.journals = JournalRepo(self.db, self.cipher)
        self.entries = EntryRepo(self.db, self.cipher)
        self.attachments = AttachmentRepo(self.db, self.cipher)
        self.documents = DocumentStore(self.db, self.cipher)
        self.templates = TemplateService(self.documents)
        self.contacts = ContactRepo(self.db, self.cipher)
        self.consents = ConsentRepo(self.db, self.cipher)
        self.bundle_log = BundleLogRepo(self.db, self.cipher)
