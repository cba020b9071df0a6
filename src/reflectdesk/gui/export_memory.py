"""What the export wizard remembers between runs: the last folder and recipients, per vault.

Kept in the plaintext settings file (``gui/prefs.py``, ``export_memory``), which can be
read while the vault is locked, so it holds nothing readable from inside the vault:

- ``folder``: the folder the last bundle was saved to (a path the user chose; the
  backup settings keep theirs the same way);
- ``recipients``: for each person chosen, a hash of the vault id and the contact's key
  id (``recipient_token``), never a name, and not the key id itself — a key id is
  printed on that person's card, so a key id in the file would tell anyone holding the
  card whom you share with. The vault id is in the vault's plaintext header, so someone
  with the disk *and* the card can still confirm it (docs/threat-model.md); nobody can
  read a list of people off the file.

One record per vault id (the newest ``MAX_VAULTS``), so two vaults on one account (a
student's and a mentor's test vault) each keep their own.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)

MAX_VAULTS = 8
MAX_RECIPIENTS = 64
MAX_FOLDER = 4096


@dataclass(frozen=True, slots=True)
class Remembered:
    folder: str = ""
    recipients: tuple[str, ...] = ()  # recipient tokens


def recipient_token(vault_id: str, key_id: str) -> str:
    """What the settings file keeps for a recipient: 16 hex digits of SHA-256 over the
    vault id and the key id."""
    digest = hashlib.sha256(f"reflectdesk-export-recipient|{vault_id}|{key_id}".encode())
    return digest.hexdigest()[:16]


def _load(stored: str) -> dict[str, dict[str, object]]:
    if not stored:
        return {}
    try:
        doc = json.loads(stored)
    except (json.JSONDecodeError, TypeError, ValueError):
        log.warning("export memory damaged; starting afresh")
        return {}
    if not isinstance(doc, dict):
        return {}
    return {k: v for k, v in doc.items() if isinstance(k, str) and isinstance(v, dict)}


def recall(stored: str, vault_id: str) -> Remembered:
    """The choices remembered for ``vault_id`` (nothing when none or damaged)."""
    record = _load(stored).get(vault_id, {})
    folder = record.get("folder", "")
    recipients = record.get("recipients", [])
    return Remembered(
        folder=folder if isinstance(folder, str) and len(folder) < MAX_FOLDER else "",
        recipients=tuple(r for r in recipients if isinstance(r, str) and len(r) == 16)[
            :MAX_RECIPIENTS
        ]
        if isinstance(recipients, list)
        else (),
    )


def remember(
    stored: str,
    vault_id: str,
    *,
    folder: str | None = None,
    recipients: Iterable[str] | None = None,
) -> str:
    """``stored`` with ``vault_id``'s folder and/or recipient tokens replaced (``None``:
    kept as it was); this vault becomes the newest, the oldest beyond ``MAX_VAULTS`` go."""
    doc = _load(stored)
    before = recall(stored, vault_id)
    record: dict[str, object] = {
        "folder": before.folder if folder is None else folder[:MAX_FOLDER],
        "recipients": list(before.recipients if recipients is None else recipients)[
            :MAX_RECIPIENTS
        ],
    }
    doc.pop(vault_id, None)
    doc[vault_id] = record  # dicts keep insertion order: the newest last
    for old in list(doc)[:-MAX_VAULTS]:
        del doc[old]
    return json.dumps(doc, separators=(",", ":"))
