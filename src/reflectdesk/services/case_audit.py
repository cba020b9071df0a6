"""The signed audit log of a case study (issue 15, point 6).

Each record names what happened (an item added or removed, pseudonymisation accepted, an
export, a withdrawal, an approval) with ids, counts, dates and bundle ids only — never a
name or a text. Records form a hash chain signed by the researcher's Ed25519 key
(``cryptography``, through :class:`~reflectdesk.bundles.keys.Identity`); nothing here is
home-made cryptography:

    record   = {v, study, seq, at, event, data, prev, key, key_id}   (canonical JSON)
    hash     = SHA-256(canonical_json(record))                       (hex)
    prev     = the previous record's hash; "0" * 64 for the first
    sig      = Ed25519(researcher's key, b"RDCASEAUDIT1\\n" || bytes(hash))

A record changed, removed, inserted or reordered breaks the chain or a signature; a
truncated tail is caught in the vault by the vault state MAC (``case_audit`` is a trust
table) and, in an exported copy, by comparing its last hash with the vault's. The export
(``<file>.audit.json``) is canonical JSON plus one newline, and verification requires
the file to be byte-for-byte that canonical form: any single changed byte fails.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from reflectdesk.atomic_files import atomic_write
from reflectdesk.bundles.canonical import JsonValue, canonical_json, parse_json
from reflectdesk.bundles.keys import Identity, key_id_of
from reflectdesk.errors import (
    CaseAuditInvalid,
    CaseAuditProjectMismatch,
    FileUnreadable,
    FileUnwritable,
)
from reflectdesk.services.identity import load_or_create_identity, previous_identities
from reflectdesk.services.unlocked_state import UnlockedState

FORMAT = "reflectdesk-case-audit"
VERSION = 1
GENESIS = "0" * 64
DOMAIN = b"RDCASEAUDIT1\n"
MAX_FILE = 64 * 1024 * 1024

# Events.
CREATED = "created"
APPROVED = "approval-recorded"
ADDED = "item-added"
REMOVED = "item-removed"
PSEUDONYMISED = "pseudonymisation-accepted"
EXPORTED = "exported"
WITHDRAWN = "withdrawn"
IMPORTED = "imported"
DELETED = "deleted"  # the last record, in the copy a deletion writes out
AUDIT_LOG = "audit-log"  # the format of the log exported alone


def _hash(record: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(dict(record), error=CaseAuditInvalid)).hexdigest()


def sign(
    identity: Identity,
    *,
    study: str,
    seq: int,
    event: str,
    data: dict[str, Any],
    previous: Mapping[str, Any] | None,
    at: datetime | None = None,
) -> dict[str, Any]:
    """The next signed record after ``previous`` (a signed record, or None for the first)."""
    public = identity.public
    record = {
        "v": VERSION,
        "study": study,
        "seq": seq,
        "at": (at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0).isoformat(),
        "event": event,
        "data": data,
        "prev": GENESIS if previous is None else str(previous["hash"]),
        "key": public.signing_key_b64,
        "key_id": public.key_id_hex,
    }
    digest = _hash(record)
    signature = identity.sign(DOMAIN + bytes.fromhex(digest))
    return {"record": record, "hash": digest, "sig": base64.b64encode(signature).decode("ascii")}


@dataclass(frozen=True, slots=True)
class AuditEvent:
    seq: int
    at: datetime
    event: str
    data: Mapping[str, Any]
    key_id: str
    hash: str


@dataclass(frozen=True, slots=True)
class ExportEnd:
    """The signed ``exported`` record an exported log ends on: which export it was
    written with (format, the SHA-256 of that file; none for the log exported alone)."""

    seq: int
    at: datetime
    format: str
    sha256: str | None


@dataclass(frozen=True, slots=True)
class AuditCheck:
    """A log that verified: its records, the keys that signed it, its last hash, the
    study it belongs to (its exchange GUID, as every record names it) and, when its last
    record is an export, that export."""

    events: tuple[AuditEvent, ...]
    key_ids: tuple[str, ...]
    head: str
    study: str = ""
    export: ExportEnd | None = None

    @property
    def count(self) -> int:
        return len(self.events)


def verify(
    signed: Sequence[Mapping[str, Any]], trusted: Sequence[bytes] | None = None
) -> AuditCheck:
    """Check the chain and every signature; ``trusted``: the Ed25519 public keys that may
    have signed (the researcher's, current and retired), or None to accept the keys the
    records name (an exported copy: the caller shows the key ids to compare).

    Raises :class:`CaseAuditInvalid` naming the first record that fails."""
    previous = GENESIS
    events: list[AuditEvent] = []
    keys: dict[str, None] = {}
    study: object = None
    for n, item in enumerate(signed, start=1):
        try:
            record = item["record"]
            if set(item) != {"record", "hash", "sig"} or not isinstance(record, Mapping):
                raise CaseAuditInvalid(f"record {n}: shape")
            if record.get("v") != VERSION or record.get("seq") != n:
                raise CaseAuditInvalid(f"record {n}: sequence")
            if study is None:
                study = record.get("study")
            if record.get("study") != study:
                raise CaseAuditInvalid(f"record {n}: study")
            if record.get("prev") != previous:
                raise CaseAuditInvalid(f"record {n}: chain")
            digest = _hash(record)
            if digest != item["hash"]:
                raise CaseAuditInvalid(f"record {n}: hash")
            raw_key = base64.b64decode(str(record["key"]), validate=True)
            if key_id_of(raw_key).hex() != record.get("key_id"):
                raise CaseAuditInvalid(f"record {n}: key id")
            if trusted is not None and raw_key not in trusted:
                raise CaseAuditInvalid(f"record {n}: signer")
            signature = base64.b64decode(str(item["sig"]), validate=True)
            if not _verify_raw(raw_key, signature, DOMAIN + bytes.fromhex(digest)):
                raise CaseAuditInvalid(f"record {n}: signature")
            events.append(
                AuditEvent(
                    n,
                    datetime.fromisoformat(str(record["at"])),
                    str(record["event"]),
                    dict(record["data"]),
                    str(record["key_id"]),
                    digest,
                )
            )
            keys[str(record["key_id"])] = None
            previous = digest
        except CaseAuditInvalid:
            raise
        except (KeyError, TypeError, ValueError, AttributeError):
            raise CaseAuditInvalid(f"record {n}: shape") from None
    end = None
    # A copy ends on the signed record of the export that wrote it, or of the
    # deletion that wrote it out (CaseStudyService.delete): either closes the chain.
    if events and events[-1].event in (EXPORTED, DELETED):
        last = events[-1]
        sha = last.data.get("sha256")
        end = ExportEnd(
            last.seq,
            last.at,
            str(last.data.get("format", DELETED if last.event == DELETED else "")),
            sha if isinstance(sha, str) else None,
        )
    return AuditCheck(
        tuple(events), tuple(keys), previous, "" if study is None else str(study), end
    )


def _verify_raw(raw_key: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(raw_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def file_bytes(signed: Sequence[Mapping[str, Any]]) -> bytes:
    """The exported log: canonical JSON and one newline."""
    doc: JsonValue = {"format": FORMAT, "version": VERSION, "records": [dict(s) for s in signed]}
    return canonical_json(doc, error=CaseAuditInvalid) + b"\n"


def read_file(path: Path) -> list[dict[str, Any]]:
    """The records of an exported log; refused unless byte-for-byte canonical."""
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE + 1)
    except OSError as exc:
        raise FileUnreadable(path.name) from exc
    if not data.endswith(b"\n"):
        raise CaseAuditInvalid("file: not in canonical form")
    doc = parse_json(
        data[:-1],
        max_bytes=MAX_FILE,
        name="audit",
        require_canonical=True,
        too_large=CaseAuditInvalid,
        invalid=CaseAuditInvalid,
    )
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != VERSION:
        raise CaseAuditInvalid("file: format")
    records = doc["records"]
    if not isinstance(records, list):
        raise CaseAuditInvalid("file: records")
    out: list[dict[str, Any]] = []
    for record in records:
        if not isinstance(record, dict):
            raise CaseAuditInvalid("file: records")
        out.append(record)
    return out


def file_sha256(path: Path) -> str:
    """The SHA-256 of an exported file (read in blocks: a project may be large)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise FileUnreadable(path.name) from exc
    return digest.hexdigest()


Append = Callable[[str, str, dict[str, Any]], None]  # (case id, event, data): one signed record


class CaseAuditService:
    """``vault.case_studies.audit``: read and check a study's log, or an exported copy."""

    def __init__(
        self,
        state: Callable[[], UnlockedState],
        signed: Callable[[str], list[dict[str, Any]]],
        append: Append | None = None,
    ) -> None:
        self._state = state
        self._signed = signed
        self._append = append

    def _own_keys(self) -> list[bytes]:
        st = self._state()
        own = load_or_create_identity(st)
        return [own.public.signing_key, *(p.public.signing_key for p in previous_identities(st))]

    def verify(self, case_id: str) -> AuditCheck:
        """The study's log in the vault, against this vault's own keys."""
        return verify(self._signed(case_id), self._own_keys())

    def events(self, case_id: str) -> tuple[AuditEvent, ...]:
        return self.verify(case_id).events

    def export(self, case_id: str, path: Path) -> AuditCheck:
        """The log alone, ended (as every exported copy) by a signed ``exported``
        record (format ``audit-log``): a copy cut short no longer verifies."""
        self.verify(case_id)
        if self._append is not None:
            self._append(case_id, EXPORTED, {"format": AUDIT_LOG})
        signed = self._signed(case_id)
        check = verify(signed, self._own_keys())
        atomic_write(path, file_bytes(signed), error=FileUnwritable)
        return check

    def verify_copy(self, case_id: str, path: Path, project: Path | None = None) -> AuditCheck:
        """An exported copy against the vault's log: it verifies on its own
        (:meth:`verify_file`) signed by this vault's own keys only, belongs to this study, and
        is the vault's log up to the
        export it ends on (the same hash at that place in the chain)."""
        own_ids = [key_id_of(k).hex() for k in self._own_keys()]
        copy = self.verify_file(path, own_ids, project=project)
        own = self.verify(case_id)
        if copy.study != own.study:
            raise CaseAuditInvalid("study: another study's log")
        if copy.count > own.count or own.events[copy.count - 1].hash != copy.head:
            raise CaseAuditInvalid("chain: not this vault's log")
        return copy

    @staticmethod
    def verify_file(
        path: Path, key_ids: Sequence[str] = (), project: Path | None = None
    ) -> AuditCheck:
        """An exported log: chain, signatures and canonical form, at least one record,
        and **ending on a signed export record** (a copy cut short ends elsewhere); with
        ``key_ids``, every record must be signed by one of those keys (hex key ids);
        with ``project``, that file's SHA-256 must be the one the final record signed
        (a log of another study, or of another export, names another hash)."""
        check = verify(read_file(path))
        if not check.events:
            # A study's log always begins with its creation (or import) record: an empty
            # copy is a log truncated to nothing, and would pass any key check vacuously.
            raise CaseAuditInvalid("file: no records")
        if key_ids and any(k not in key_ids for k in check.key_ids):
            raise CaseAuditInvalid("signer")
        if not key_ids and len(check.key_ids) > 1:
            # Self-consistent is all a copy checked without keys can be; with two
            # signers, a tail signed by anyone's key (an export record naming a forged
            # file) chains on a genuine log (attack3, 03 Dec): name the keys to accept.
            raise CaseAuditInvalid("signer: more than one key (name the keys to accept)")
        if check.export is None:
            # Every copy is written ending on the signed record of its own export: one
            # that ends elsewhere lost its tail (attack, 03 Dec).
            raise CaseAuditInvalid("file: truncated (no signed export record at its end)")
        if project is not None and file_sha256(project) != check.export.sha256:
            raise CaseAuditProjectMismatch(project.name, file=project.name)
        return check
