"""The vault session: create, open, unlock, lock, change passphrase, recover.

This is the one object the CLI and the GUI hold. While locked it holds only the
parsed header and the single-writer lock; unlocking builds an
:class:`UnlockedState` (keys, repositories, search index) that ``lock`` drops.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from reflectdesk import __version__
from reflectdesk.crypto import aead, kdf, recovery
from reflectdesk.crypto.kdf import KdfParams as KdfParams  # the type create() takes
from reflectdesk.domain.model import Changes, Profile, Role
from reflectdesk.errors import (
    InvalidValue,
    NotAVault,
    StorageUnwritable,
    VaultCorrupt,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    VaultStateTampered,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from reflectdesk.ids import uuid7
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)
from reflectdesk.search.index import SearchIndex
from reflectdesk.services.backup import BackupService
from reflectdesk.services.batch_import import BatchImportService
from reflectdesk.services.bundle_export import BundleExportService
from reflectdesk.services.bundle_import import BundleImportService
from reflectdesk.services.bundle_log import BundleLogService
from reflectdesk.services.case_studies import CaseStudyService
from reflectdesk.services.cohort_dashboard import CohortDashboardService
from reflectdesk.services.cohorts import CohortService
from reflectdesk.services.contacts import ContactService
from reflectdesk.services.entries import EntryService, TemplateGate
from reflectdesk.services.exchange import ExchangeService
from reflectdesk.services.identity import IdentityService, load_own_authors
from reflectdesk.services.journals import JournalService
from reflectdesk.services.review import ReviewService
from reflectdesk.services.search import SearchService
from reflectdesk.services.sync import SyncService
from reflectdesk.services.templates import TemplateService
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage import migration, pages
from reflectdesk.storage.database import DB_NAME, LEGACY_DB_NAME, Database
from reflectdesk.storage.keyed_migration import migrate_with_key
from reflectdesk.storage.lockfile import VaultLock
from reflectdesk.storage.pages import page_key
from reflectdesk.storage.trust_state import TrustState
from reflectdesk.vault.header import (
    HEADER_FORMAT,
    HEADER_NAME,
    VaultHeader,
    WrappedKey,
    read_header,
    write_header,
)

log = logging.getLogger(__name__)

MIN_PASSPHRASE = 10
LOCK_NAME = "vault.lock"
LANGS = ("es", "en")


def _start_trust_state(state: UnlockedState, *, establish: bool) -> None:
    """Check the rows that decide trust against the sealed vault state (or, for a new
    vault or one from before it, migrate and seal it now: one transaction), then keep
    it current on every later commit."""
    db = state.db
    trust = TrustState(state.cipher)
    db.trust = None
    with db.session() as s:
        conn = s.connection()
        # A format-1 header over a file that already holds a sealed state: the migration
        # committed but the header was not rewritten (a crash), or an old header was put
        # back. Either way the state must check; only a file without one is migrated.
        if establish and not trust.has_state(conn):
            migrate_with_key(conn, state.cipher)
            trust.establish(conn)
        else:
            trust.verify(conn)
    db.trust = trust


@dataclass(frozen=True, slots=True)
class NewProfile:
    name: str
    role: Role
    lang: str = "es"
    institution: str = ""


def _slot_ad(vault_id: str, slot: str) -> bytes:
    return f"RDSLOT1|{vault_id}|{slot}".encode()


def unwrap_passphrase(header: VaultHeader, passphrase: str) -> bytes:
    """The data key from the passphrase slot (the slow Argon2id step)."""
    kek = kdf.derive_key(passphrase, header.kdf)
    slot = header.passphrase_slot
    dek = aead.unwrap_key(kek, slot.nonce, slot.wrapped, _slot_ad(header.vault_id, "passphrase"))
    if dek is None:
        raise WrongPassphrase()
    return dek


def unwrap_recovery(header: VaultHeader, recovery_text: str) -> bytes:
    """The data key from the recovery slot."""
    raw = recovery.parse_key(recovery_text)
    slot = header.recovery_slot
    kek = recovery.recovery_kek(raw, slot.salt)
    dek = aead.unwrap_key(kek, slot.nonce, slot.wrapped, _slot_ad(header.vault_id, "recovery"))
    if dek is None:
        raise WrongRecoveryKey()
    return dek


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(min_length=MIN_PASSPHRASE)


class Vault:
    def __init__(self, path: Path, header: VaultHeader, lock: VaultLock) -> None:
        self.path = path
        self._header = header
        self._lock = lock
        self._state: UnlockedState | None = None
        self._subscribers: list[Callable[[Changes], None]] = []
        self._sub_lock = threading.Lock()
        self.journals = JournalService(self._unlocked)
        self.entries = EntryService(self._unlocked, self._template_gate)
        self.search = SearchService(self._unlocked)
        # Sharing: this profile's key pair, contacts, and bundles in and out.
        self.identity = IdentityService(self._unlocked)
        self.contacts = ContactService(self._unlocked)
        self.exports = BundleExportService(self._unlocked, self.contacts)
        self.case_studies = CaseStudyService(self._unlocked)  # before imports: they share it
        self.imports = BundleImportService(self._unlocked, self.contacts, self.case_studies)
        self.bundle_log = BundleLogService(self._unlocked)
        # Mentor review: comments, sign-offs, statuses (review issue).
        self.review = ReviewService(self._unlocked, self.contacts)
        self.exchange = ExchangeService(self._unlocked)
        self.sync = SyncService(self._unlocked, self.exchange, self.exports, self.imports)
        self.backups = BackupService(self._unlocked, lambda: self.path, self.header_bytes)
        # A cohort's bundles at once, and cohorts as data (issue 14).
        self.batch_import = BatchImportService(self._unlocked, self.contacts, self.imports)
        self.cohorts = CohortService(self._unlocked)
        self.dashboard = CohortDashboardService(self._unlocked, self.contacts)

    # -- lifecycle ------------------------------------------------------------------
    @staticmethod
    def exists(path: Path) -> bool:
        return (path / HEADER_NAME).is_file()

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        profile: NewProfile,
        kdf_params: kdf.KdfParams | None = None,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> tuple[Vault, str]:
        """A new vault, unlocked, and its recovery key text (to show once)."""
        check_passphrase(passphrase)
        name = profile.name.strip()
        if not name or len(name) > 200:
            raise InvalidValue("name")
        if profile.lang not in LANGS:
            raise InvalidValue("lang")
        if cls.exists(path):
            raise VaultExists(str(path))
        if path.exists() and not path.is_dir():
            raise NotAVault(str(path))
        try:
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StorageUnwritable(str(path)) from exc
        lock = VaultLock(path / LOCK_NAME)
        lock.acquire()
        try:
            progress(Progress(0, 3, "calibrate"))
            params = kdf_params or kdf.calibrate()
            cancel.raise_if_cancelled()
            progress(Progress(1, 3, "kdf"))
            kek = kdf.derive_key(passphrase, params)
            cancel.raise_if_cancelled()
            vault_id = uuid7()
            dek = os.urandom(32)
            rec_raw = recovery.generate()
            rec_salt = os.urandom(16)
            p_nonce, p_wrapped = aead.wrap_key(kek, dek, _slot_ad(vault_id, "passphrase"))
            r_nonce, r_wrapped = aead.wrap_key(
                recovery.recovery_kek(rec_raw, rec_salt), dek, _slot_ad(vault_id, "recovery")
            )
            header = VaultHeader(
                vault_id=vault_id,
                created=int(time.time()),
                app_version=__version__,
                kdf=params,
                passphrase_slot=WrappedKey(p_nonce, p_wrapped),
                recovery_slot=WrappedKey(r_nonce, r_wrapped, rec_salt),
            ).sealed(dek)
            progress(Progress(2, 3, "create"))
            db_path = path / DB_NAME
            if db_path.exists():
                # Left by an interrupted create: it has no header, so no key opens it.
                db_path.rename(path / f"{DB_NAME}.orphaned-{int(time.time())}")
            key = page_key(dek)
            db = Database(db_path, key)
            db.initialise(vault_id)
            vault = cls(path, header, lock)
            state = vault._make_state(
                db, dek, vault_id, SearchIndex(functools.partial(pages.connect, db_path, key))
            )
            _start_trust_state(state, establish=True)
            profile_id = uuid7()
            state.profile.create(profile_id, name, profile.role, profile.lang, profile.institution)
            # The key pair (age + Ed25519), sealed in the vault; revisions record its key id.
            load_own_authors(state)
            # The header goes last: until it exists there is no vault to open.
            write_header(path, header)
            vault._state = state
            progress(Progress(3, 3, "create"))
        except BaseException:
            lock.release()
            raise
        return vault, recovery.format_key(rec_raw)

    @classmethod
    def open(cls, path: Path) -> Vault:
        """Read and check the header and take the single-writer lock; stays locked."""
        if path.exists() and not path.is_dir():
            raise NotAVault(str(path))
        try:
            header = read_header(path)
        except FileNotFoundError:
            if (path / DB_NAME).exists() or (path / LEGACY_DB_NAME).exists():
                raise VaultCorrupt("header.missing") from None
            raise VaultNotFound(str(path)) from None
        lock = VaultLock(path / LOCK_NAME)
        lock.acquire()
        return cls(path, header, lock)

    def close(self) -> None:
        self.lock()
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- unlocking --------------------------------------------------------------------
    @property
    def is_unlocked(self) -> bool:
        return self._state is not None

    @property
    def vault_id(self) -> str:
        return self._header.vault_id

    @property
    def created(self) -> int:
        """When the vault was made (seconds since the epoch; in the plaintext header)."""
        return self._header.created

    @property
    def kdf_params(self) -> kdf.KdfParams:
        return self._header.kdf

    def unlock(
        self,
        passphrase: str,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> None:
        if self._state is not None:
            return
        progress(Progress(0, 2, "kdf"))
        dek = self._unwrap_with_passphrase(passphrase)
        cancel.raise_if_cancelled()
        self._open_with_dek(dek, progress, cancel)

    def _unwrap_with_passphrase(self, passphrase: str) -> bytes:
        return unwrap_passphrase(self._header, passphrase)

    def _recover_dek(self, recovery_text: str) -> bytes:
        return unwrap_recovery(self._header, recovery_text)

    def unlock_with_data_key(
        self,
        dek: bytes,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> None:
        """Unlock with a data key already unwrapped from this header (a backup's
        verify and restore: one Argon2id run for the backup and its copy)."""
        if self._state is None:
            self._open_with_dek(dek, progress, cancel)

    def header_bytes(self) -> bytes:
        """``vault.rdh`` as this session holds it (no secrets: wrapped keys only)."""
        return self._header.to_bytes()

    def recover(
        self,
        recovery_text: str,
        new_passphrase: str,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> None:
        """Unlock with the recovery key and set a new passphrase."""
        check_passphrase(new_passphrase)
        dek = self._recover_dek(recovery_text)
        self._header.verify(dek)
        self._rewrap(dek, new_passphrase, progress)
        if self._state is None:
            self._open_with_dek(dek, progress, cancel)

    def change_passphrase(
        self, old: str, new: str, progress: ProgressSink = ignore_progress
    ) -> None:
        check_passphrase(new)
        self._rewrap(self._unwrap_with_passphrase(old), new, progress)

    def rotate_recovery_key(self, passphrase: str, progress: ProgressSink = ignore_progress) -> str:
        """A new recovery key replaces the old one, which stops opening this vault;
        returns its text, to show once.

        Asks for the passphrase even when unlocked: someone at an unlocked, unattended
        vault must not walk away with a key to it. Only the recovery slot of the header
        changes (written atomically); the data key stays, so a copy of the vault made
        before (a backup) still opens with the old key (docs/threat-model.md).
        Raises ``WrongPassphrase``.
        """
        progress(Progress(0, 1, "kdf"))
        dek = self._unwrap_with_passphrase(passphrase)
        self._header.verify(dek)
        raw, salt = recovery.generate(), os.urandom(16)
        nonce, wrapped = aead.wrap_key(
            recovery.recovery_kek(raw, salt), dek, _slot_ad(self.vault_id, "recovery")
        )
        header = replace(self._header, recovery_slot=WrappedKey(nonce, wrapped, salt)).sealed(dek)
        write_header(self.path, header)
        self._header = header
        progress(Progress(1, 1, "kdf"))
        log.info("recovery key replaced")
        return recovery.format_key(raw)

    def _rewrap(self, dek: bytes, new_passphrase: str, progress: ProgressSink) -> None:
        """Only the passphrase slot changes; every record stays as it is (the data key
        is the same: see docs/threat-model.md, "Changing the passphrase")."""
        progress(Progress(0, 1, "kdf"))
        params = replace(self._header.kdf, salt=os.urandom(kdf.SALT_BYTES))
        kek = kdf.derive_key(new_passphrase, params)
        nonce, wrapped = aead.wrap_key(kek, dek, _slot_ad(self.vault_id, "passphrase"))
        header = replace(
            self._header, kdf=params, passphrase_slot=WrappedKey(nonce, wrapped)
        ).sealed(dek)
        write_header(self.path, header)
        self._header = header
        progress(Progress(1, 1, "kdf"))

    def _make_state(
        self, db: Database, dek: bytes, vault_id: str, index: SearchIndex | None = None
    ) -> UnlockedState:
        from reflectdesk.vault.cipher import RecordCipher

        return UnlockedState(
            db=db,
            cipher=RecordCipher(dek, vault_id),
            # In memory only for the old file a migration reads (it never searches).
            index=index if index is not None else SearchIndex(),
            author="",
            emit=self._emit,
        )

    def _open_with_dek(self, dek: bytes, progress: ProgressSink, cancel: CancelToken) -> None:
        self._header.verify(dek)
        if not self._header.pages:
            self._migrate_to_pages(dek, progress, cancel)
        else:
            # A crash between the header switch and the old file's removal.
            migration.remove_legacy(self.path)
        db_path = self.path / DB_NAME
        if not db_path.is_file():
            raise VaultDamaged(DB_NAME)
        key = page_key(dek)
        db = Database(db_path, key)
        state: UnlockedState | None = None
        try:
            db.check_and_migrate(self.vault_id)
            state = self._make_state(
                db, dek, self.vault_id, SearchIndex(functools.partial(pages.connect, db_path, key))
            )
            # Before anything reads a trust record: a vault edited while closed stops here.
            _start_trust_state(state, establish=False)
            self._open_checks(state)
            self._catch_up_index(state, progress)
        except BaseException:
            if state is not None:
                state.index.close()
            db.close()
            raise
        self._state = state
        self._emit(Changes(profile=True))

    @staticmethod
    def _open_checks(state: UnlockedState) -> None:
        # Needs the data key, so not a schema migration: seal the trust flags of
        # contacts from before 0.3 (once, atomically) and open every contact record,
        # so an edited or swapped one is reported now (RecordTampered).
        sealed = state.contacts.seal_legacy_trust()
        if sealed:
            log.info("sealed the trust state of %d contacts", sealed)
        # Made here for vaults created before identities existed.
        load_own_authors(state)

    @staticmethod
    def _catch_up_index(state: UnlockedState, progress: ProgressSink) -> None:
        """The index is persistent: only entries whose head moved without their index
        row (a crash between the two commits) are re-indexed — one join, no rebuild."""
        progress(Progress(0, 1, "index"))
        fixed = state.index.catch_up(lambda ids: state.entries.iter_head_docs(ids))
        if fixed:
            log.info("search index caught up %d entries", fixed)
        progress(Progress(1, 1, "index"))

    def _migrate_to_pages(self, dek: bytes, progress: ProgressSink, cancel: CancelToken) -> None:
        """A format-1/2 vault: open and check the old file as before, copy it into the
        page-encrypted file, verify, then switch the header (storage/migration.py)."""
        if not (self.path / LEGACY_DB_NAME).is_file():
            # Only an older header put back beside a converted vault gets here (the
            # switch is written after the new file, the old file removed after it).
            raise VaultStateTampered("header.format")
        legacy = Database(self.path / LEGACY_DB_NAME)
        key = page_key(dek)
        try:
            legacy.check_and_migrate(self.vault_id)
            state = self._make_state(legacy, dek, self.vault_id)
            old_format = not self._header.has_state
            _start_trust_state(state, establish=old_format)
            if old_format:
                self._header = replace(self._header, format=2).sealed(dek)
                write_header(self.path, self._header)
            self._open_checks(state)
            cipher = state.cipher
            live = state.entries.count()

            def verify_state(path: Path) -> None:
                copy = Database(path, key)
                try:
                    with copy.session() as s:
                        TrustState(cipher).verify(s.connection())
                finally:
                    copy.close()

            log.info("converting the vault to the page-encrypted format")
            migration.migrate_to_pages(
                self.path,
                key,
                self.vault_id,
                docs=state.entries.iter_head_docs,
                live_entries=live,
                verify_state=verify_state,
                progress=progress,
                cancel=cancel,
            )
            state.index.close()
        finally:
            legacy.close()
        # The switch: until this header is on disk the old file is the vault.
        self._header = replace(self._header, format=HEADER_FORMAT).sealed(dek)
        write_header(self.path, self._header)
        migration.remove_legacy(self.path)
        log.info("vault converted")

    def lock(self) -> None:
        """Drop the keys, the index and every decrypted cache."""
        state, self._state = self._state, None
        if state is None:
            return
        with state.write_lock:
            state.cipher.wipe()
            state.index.close()
            state.db.close()
        self._emit(Changes(locked=True))

    # -- access -----------------------------------------------------------------------
    def _unlocked(self) -> UnlockedState:
        if self._state is None:
            raise VaultLocked()
        return self._state

    def _template_gate(self) -> TemplateGate | None:
        return self._state.templates if self._state is not None else None

    @property
    def templates(self) -> TemplateService:
        """Templates, standards and rendering (built-ins plus this vault's own)."""
        return self._unlocked().templates

    @property
    def profile(self) -> Profile:
        return self._unlocked().profile.get()

    def update_profile(self, **changes: str) -> Profile:
        st = self._unlocked()
        with st.write_lock:
            profile = st.profile.update(**changes)
        self._emit(Changes(profile=True))
        return profile

    def integrity_check(self) -> str:
        return self._unlocked().db.integrity_check()

    # -- change notification ----------------------------------------------------------
    def subscribe(self, callback: Callable[[Changes], None]) -> Callable[[], None]:
        with self._sub_lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._sub_lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def _emit(self, changes: Changes) -> None:
        with self._sub_lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(changes)
            except Exception:  # a broken view must not break a save
                log.exception("change subscriber failed")
