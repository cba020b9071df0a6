"""The vault header file ``vault.rdh``: KDF parameters and the two wrapped DEK slots.

Layout: the 8 magic bytes ``RDVAULT\\n`` then canonical UTF-8 JSON. The header is
authenticated with an HMAC under a subkey of the DEK, checked after unlock, so a
downgrade of the KDF parameters or a swapped slot is detected.
"""

from __future__ import annotations

import base64
import hmac
import json
from dataclasses import dataclass, replace
from hashlib import sha256
from pathlib import Path
from typing import Any

from reflectdesk.atomic_files import atomic_write
from reflectdesk.crypto.aead import derive_subkey
from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.errors import InvalidValue, NotAVault, VaultCorrupt, VaultTooNew

MAGIC = b"RDVAULT\n"
# 2: the database carries the sealed vault state (storage/trust_state.py) and scoped
# ids; a format-1 vault is migrated at its next unlock, then its header rewritten as 2.
# 3: the database is one page-encrypted file (SQLCipher, storage/pages.py) holding the
# search index too; a format-1 or -2 vault is converted at its next unlock
# (storage/migration.py) and this header, written last, is the switch.
HEADER_FORMAT = 3
PAGES_FORMAT = 3
MAX_HEADER_BYTES = 64 * 1024
HEADER_NAME = "vault.rdh"


def b64e(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def b64d(text: object, field: str) -> bytes:
    if not isinstance(text, str):
        raise VaultCorrupt(field)
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise VaultCorrupt(field) from None


@dataclass(frozen=True, slots=True)
class WrappedKey:
    nonce: bytes
    wrapped: bytes
    salt: bytes = b""  # recovery slot only: HKDF salt


@dataclass(frozen=True, slots=True)
class VaultHeader:
    vault_id: str
    created: int
    app_version: str
    kdf: KdfParams
    passphrase_slot: WrappedKey
    recovery_slot: WrappedKey
    mac: bytes = b""
    format: int = HEADER_FORMAT

    @property
    def has_state(self) -> bool:
        """Whether the database must hold a sealed vault state (a missing one is tampering)."""
        return self.format >= 2

    @property
    def pages(self) -> bool:
        """Whether the database is the page-encrypted file (else the format-2 one)."""
        return self.format >= PAGES_FORMAT

    def body(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "vault_id": self.vault_id,
            "created": self.created,
            "app_version": self.app_version,
            "kdf": {
                "alg": "argon2id",
                "salt": b64e(self.kdf.salt),
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "lanes": self.kdf.lanes,
                "light": self.kdf.light,
            },
            "slots": {
                "passphrase": {
                    "nonce": b64e(self.passphrase_slot.nonce),
                    "wrapped": b64e(self.passphrase_slot.wrapped),
                },
                "recovery": {
                    "salt": b64e(self.recovery_slot.salt),
                    "nonce": b64e(self.recovery_slot.nonce),
                    "wrapped": b64e(self.recovery_slot.wrapped),
                },
            },
        }

    def mac_input(self) -> bytes:
        return json.dumps(self.body(), sort_keys=True, separators=(",", ":")).encode()

    def compute_mac(self, dek: bytes) -> bytes:
        key = derive_subkey(dek, b"reflectdesk/header-mac/v1")
        return hmac.new(key, self.mac_input(), sha256).digest()

    def sealed(self, dek: bytes) -> VaultHeader:
        return replace(self, mac=self.compute_mac(dek))

    def verify(self, dek: bytes) -> None:
        if not hmac.compare_digest(self.mac, self.compute_mac(dek)):
            raise VaultCorrupt("header.mac")

    def to_bytes(self) -> bytes:
        body = self.body()
        body["mac"] = b64e(self.mac)
        return MAGIC + json.dumps(body, sort_keys=True, indent=1).encode() + b"\n"


def _get(obj: object, key: str, kind: type, field: str) -> Any:
    if not isinstance(obj, dict) or key not in obj or not isinstance(obj[key], kind):
        raise VaultCorrupt(field)
    if kind is int and isinstance(obj[key], bool):
        raise VaultCorrupt(field)
    return obj[key]


def parse_header(raw: bytes) -> VaultHeader:
    if not raw.startswith(MAGIC):
        # A prefix of the magic is a truncated header, anything else is foreign.
        if raw and MAGIC.startswith(raw):
            raise VaultCorrupt("header.truncated")
        raise NotAVault("header.magic")
    if len(raw) > MAX_HEADER_BYTES:
        raise VaultCorrupt("header.size")
    try:
        doc = json.loads(raw[len(MAGIC) :].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise VaultCorrupt("header.json") from None
    fmt = _get(doc, "format", int, "header.format")
    if fmt > HEADER_FORMAT:
        raise VaultTooNew(f"header format {fmt}")
    if fmt < 1:
        raise VaultCorrupt("header.format")
    kdf_doc = _get(doc, "kdf", dict, "header.kdf")
    if _get(kdf_doc, "alg", str, "header.kdf.alg") != "argon2id":
        raise VaultCorrupt("header.kdf.alg")
    kdf = KdfParams(
        salt=b64d(kdf_doc.get("salt"), "header.kdf.salt"),
        memory_kib=_get(kdf_doc, "memory_kib", int, "header.kdf.memory_kib"),
        iterations=_get(kdf_doc, "iterations", int, "header.kdf.iterations"),
        lanes=_get(kdf_doc, "lanes", int, "header.kdf.lanes"),
        light=_get(kdf_doc, "light", bool, "header.kdf.light"),
    )
    try:
        kdf.validate()
    except InvalidValue as exc:
        raise VaultCorrupt(f"header.{exc.detail}") from None
    slots = _get(doc, "slots", dict, "header.slots")
    pslot = _get(slots, "passphrase", dict, "header.slots.passphrase")
    rslot = _get(slots, "recovery", dict, "header.slots.recovery")
    header = VaultHeader(
        vault_id=_get(doc, "vault_id", str, "header.vault_id"),
        created=_get(doc, "created", int, "header.created"),
        app_version=_get(doc, "app_version", str, "header.app_version"),
        kdf=kdf,
        passphrase_slot=WrappedKey(
            b64d(pslot.get("nonce"), "header.slots.passphrase.nonce"),
            b64d(pslot.get("wrapped"), "header.slots.passphrase.wrapped"),
        ),
        recovery_slot=WrappedKey(
            b64d(rslot.get("nonce"), "header.slots.recovery.nonce"),
            b64d(rslot.get("wrapped"), "header.slots.recovery.wrapped"),
            b64d(rslot.get("salt"), "header.slots.recovery.salt"),
        ),
        mac=b64d(doc.get("mac"), "header.mac"),
        format=fmt,
    )
    for slot, name in ((header.passphrase_slot, "passphrase"), (header.recovery_slot, "recovery")):
        if len(slot.nonce) != 12 or len(slot.wrapped) != 48:
            raise VaultCorrupt(f"header.slots.{name}")
    return header


def read_header(vault_dir: Path) -> VaultHeader:
    path = vault_dir / HEADER_NAME
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_HEADER_BYTES + 1)
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise NotAVault(str(path)) from None
    if not raw:
        raise VaultCorrupt("header.empty")
    return parse_header(raw)


def write_header(vault_dir: Path, header: VaultHeader) -> None:
    atomic_write(vault_dir / HEADER_NAME, header.to_bytes())
