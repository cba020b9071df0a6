"""Child process for the amend crash test: one entry edited as the editor does, in
editing sessions (each save amends the session's revision; every 15th save starts a new
session), reporting each save only after it returned. Killed with SIGKILL by the parent."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from reflectdesk.domain.model import EntryContent
from reflectdesk.services.vault import Vault


def body(tag: str) -> str:
    return f"Reflexión {tag}: " + "el grupo trabajó con material concreto. " * 40


def main() -> None:
    vault_dir, passphrase, run_id = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    vault = Vault.open(vault_dir)
    vault.unlock(passphrase)
    journal = vault.journals.list()[0]
    found = vault.entries.list()
    if found:
        entry = vault.entries.get(found[0].id)
    else:
        entry = vault.entries.add(journal.id, EntryContent(title="inicio", sections={"body": "x"}))
    base = entry.head.id
    # A first save of this process (a new session, not reported): it warms the caches,
    # which would otherwise eat the parent's kill window.
    warm = EntryContent(title=f"{run_id}-w", sections={"body": body("w")})
    entry, base = vault.entries.edit_from(entry.id, warm, base, started=datetime.now(UTC))
    session: str | None = base
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    i = 0
    while True:
        tag = f"{run_id}-{i}"
        if i % 15 == 14:
            session = None  # the session ends (the entry left, a long pause)
        content = EntryContent(title=tag, sections={"body": body(tag)})
        entry, base = vault.entries.edit_from(
            entry.id, content, base, amend=session, started=datetime.now(UTC)
        )
        session = base
        sys.stdout.write(f"saved {entry.id} {tag}\n")
        sys.stdout.flush()
        i += 1


if __name__ == "__main__":
    main()
