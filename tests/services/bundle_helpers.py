"""Two and three real vaults exchanging bundles: what the bundle service tests (and the
CLI, contacts and storage tests) build on."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reflectdesk.bundles import (
    BundleKind,
    BundleMeta,
    PublicIdentity,
    build_bundle,
    card_path,
)
from reflectdesk.bundles.canonical import canonical_json
from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import (
    EntryContent,
    ExportRequest,
    Role,
)
from reflectdesk.services.vault import NewProfile, Vault
from reflectdesk.storage.database import DB_NAME
from tests.support import PASSPHRASE, raw_db

CCTV = Path(__file__).resolve().parents[1] / "bundles" / "cctv_age" / "testdata"


FLIPS = 1000


TRUNCATIONS = 100


# --- helpers (also used by the CLI and canary tests) ---------------------------------------
def new_vault(path: Path, name: str, role: Role = Role.MENTOR) -> Vault:
    vault, _ = Vault.create(
        path, PASSPHRASE, NewProfile(name, role, "es"), kdf_params=KdfParams.insecure_for_tests()
    )
    return vault


def table_digest(vault_dir: Path) -> dict[str, str]:
    """A digest of every table's rows (read through a separate read-only connection)."""
    if (vault_dir / DB_NAME).exists():
        conn = raw_db(vault_dir, readonly=True)
    else:  # a format-2 vault not yet converted
        conn = sqlite3.connect(f"file:{vault_dir / 'vault.db'}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        out = {}
        for table in tables:
            digest = hashlib.sha256()
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):  # noqa: S608
                digest.update(repr(row).encode())
            out[table] = digest.hexdigest()
        return out
    finally:
        conn.close()


def clone_vault(vault: Vault, source: Path, target: Path) -> Vault:
    """An unlocked copy of ``vault`` (same keys): a second reader of the same bundles."""
    vault._unlocked().db.checkpoint()
    target.mkdir(mode=0o700)
    for name in ("vault.rdh", DB_NAME):
        shutil.copy2(source / name, target / name)
    copy = Vault.open(target)
    copy.unlock(PASSPHRASE)
    return copy


def exchange_cards(a: Vault, b: Vault) -> tuple[str, str]:
    """Both import the other's card: (b's contact id at a, a's contact id at b)."""
    at_a = a.contacts.import_card(b.identity.card()).contact
    at_b = b.contacts.import_card(a.identity.card()).contact
    assert at_a is not None and at_b is not None
    return at_a.id, at_b.id


@dataclass
class Pair:
    student: Vault
    mentor: Vault
    mentor_dir: Path
    mentor_at_student: str  # contact id of the mentor in the student's vault
    student_at_mentor: str
    journal_id: str
    out: Path


def received(p: Pair, entry_id: str) -> str:
    """The mentor's id for the student's entry (received ids are scoped and keyed)."""
    return p.mentor.imports.received_entry_id(p.student_at_mentor, entry_id)


def export(p: Pair, **kw: object) -> Path:
    request = ExportRequest(recipients=(p.mentor_at_student,), **kw)  # type: ignore[arg-type]
    return p.student.exports.export(request, p.out).path


def craft(
    author: Vault,
    to: list[PublicIdentity],
    files: dict[str, bytes],
    *,
    card: bool = True,
    meta: BundleMeta | None = None,
) -> bytes:
    """A bundle made with the pure layer and ``author``'s real keys (for odd content)."""
    identity = author.identity.key_pair()
    files = dict(files)
    if card:
        files[card_path(identity.public.key_id_hex)] = author.identity.card()
    return build_bundle(identity, to, files, meta or BundleMeta(BundleKind.JOURNAL))


def entry_file(
    entry_id: str,
    revisions: list[tuple[str, int, list[str], str]],
    journal: str,
    author: str = "x",
) -> bytes:
    """An entry document with revisions (id, seq, parents, title)."""
    revs = []
    for rev_id, seq, parents, title in revisions:
        content = EntryContent(title=title, sections={"body": f"texto {title}"}).to_json()
        revs.append(
            {
                "id": rev_id,
                "seq": seq,
                "parent_ids": parents,
                "author": author,
                "created_at": "2025-03-01T10:00:00Z",
                "content_hash": hashlib.sha256(canonical_json(content)).hexdigest(),
                "content": content,
            }
        )
    doc = {
        "format": "reflectdesk-entry",
        "version": 1,
        "id": entry_id,
        "journal_id": journal,
        "created_at": "2025-03-01T10:00:00Z",
        "updated_at": "2025-03-01T10:00:00Z",
        "revisions": revs,
        "attachments": [],
    }
    return json.dumps(doc).encode()


def entry_state(vault: Vault) -> dict[str, object]:
    """Everything order-independence is about: heads, flags, revisions, consent."""
    st = vault._unlocked()
    state: dict[str, object] = {}
    with st.db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, head_revision_id, head_seq, conflicted, created_at, updated_at "
            "FROM entries ORDER BY id"
        ).all()
    for entry_id, head, seq, conflicted, created, updated in rows:
        history = vault.entries.history(entry_id)
        current = vault.bundle_log.current_consent(entry_id)
        state[entry_id] = (
            head,
            seq,
            conflicted,
            created,
            updated,
            sorted((r.id, r.parent_ids, r.content_hash, r.author) for r in history),
            None if current is None else (current.level, current.bundle_id),
        )
    return state


# --- order independence and concurrent revisions --------------------------------------------
def rid(n: int) -> str:
    return f"01890000-0000-7000-8000-{n:012d}"


# --- issue 10: authorship bound to the signer (point 2), ids scoped by author (point 7) ----
@dataclass
class Trio:
    s: Vault  # the author
    m: Vault  # the reader
    c: Vault  # a co-recipient, also the reader's contact
    s_at_m: str
    c_at_m: str
    m_at_s: str
    c_at_s: str
    out: Path
