"""Two vaults that exchange bundles through an exchange point (sync tests, benchmarks)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import EntryContent, ExportRequest, Role
from reflectdesk.services.vault import NewProfile, Vault
from reflectdesk.storage.sync_state import SyncStateRepo
from reflectdesk.sync import Retry
from tests.support import PASSPHRASE
from tests.sync.davserver import DavServer

FAST = Retry(base=0.01, cap=0.05, max_attempts=3, max_retry_after=0.05)


def new_vault(path: Path, name: str, role: Role) -> Vault:
    vault, _ = Vault.create(
        path, PASSPHRASE, NewProfile(name, role, "es"), kdf_params=KdfParams.insecure_for_tests()
    )
    vault.sync.retry = FAST
    return vault


def reopen(path: Path) -> Vault:
    vault = Vault.open(path)
    vault.unlock(PASSPHRASE)
    vault.sync.retry = FAST
    return vault


@dataclass
class Duo:
    student: Vault
    mentor: Vault
    mentor_at_student: str
    student_at_mentor: str
    journal_id: str

    def write(self, title: str, body: str = "Hoy observé una clase de matemáticas.") -> str:
        entry = self.student.entries.add(
            self.journal_id, EntryContent(title=title, sections={"body": body})
        )
        return entry.id

    def send(self, entry_id: str) -> str:
        request = ExportRequest(recipients=(self.mentor_at_student,), entry_ids=(entry_id,))
        return self.student.sync.queue_export(request).result.bundle_id

    def reply(self, entry_id: str) -> str:
        request = ExportRequest(recipients=(self.student_at_mentor,), entry_ids=(entry_id,))
        return self.mentor.sync.queue_export(request).result.bundle_id


def make_duo(root: Path, *, verify: bool = True) -> Duo:
    student = new_vault(root / "student", "Camila Pérez", Role.STUDENT)
    mentor = new_vault(root / "mentor", "Ana Mentor", Role.MENTOR)
    at_student = student.contacts.import_card(mentor.identity.card()).contact
    at_mentor = mentor.contacts.import_card(student.identity.card()).contact
    assert at_student is not None and at_mentor is not None
    if verify:
        student.contacts.verify(at_student.id)
        mentor.contacts.verify(at_mentor.id)
    journal = student.journals.create("Práctica II")
    return Duo(student, mentor, at_student.id, at_mentor.id, journal.id)


def connect_webdav(duo: Duo, url: str, user: str, password: str) -> tuple[str, str]:
    a = duo.student.exchange.add_webdav(
        "Universidad — Nextcloud", url, user, password, [duo.mentor_at_student]
    )
    b = duo.mentor.exchange.add_webdav(
        "Universidad — Nextcloud", url, user, password, [duo.student_at_mentor]
    )
    return a.id, b.id


def connect_folder(duo: Duo, folder: Path) -> tuple[str, str]:
    a = duo.student.exchange.add_folder(
        "Escuela — carpeta compartida", folder, [duo.mentor_at_student]
    )
    b = duo.mentor.exchange.add_folder(
        "Escuela — carpeta compartida", folder, [duo.student_at_mentor]
    )
    return a.id, b.id


def imported_bundles(vault: Vault) -> list[str]:
    return [i.bundle_id for i in vault.bundle_log.list("in")]


def on_server(dav: DavServer) -> list[str]:
    folder = dav.root / "exchange"
    return sorted(os.listdir(folder)) if folder.exists() else []


def finals(dav: DavServer) -> list[str]:
    return [n for n in on_server(dav) if not n.startswith(".")]


def sync_repo(vault: Vault) -> SyncStateRepo:
    st = vault._unlocked()
    return SyncStateRepo(st.db, st.cipher)
