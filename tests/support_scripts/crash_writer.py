"""Child process for crash tests: saves entries (and edits, and attachments) in a
loop and reports each save only after it returned. Killed with SIGKILL by the parent."""

from __future__ import annotations

import io
import sys
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
    # One save before "ready", not reported: the first save of a process also loads the
    # templates and warms SQLAlchemy's caches (≈ 0.2 s, more on a loaded machine), which
    # would otherwise eat the parent's whole kill window.
    vault.entries.add(journal.id, EntryContent(title="warm-up", sections={"body": body("w")}))
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    i = 0
    last = None
    while True:
        tag = f"{run_id}-{i}"
        if last is not None and i % 3 == 0:
            entry = vault.entries.edit(last, EntryContent(title=tag, sections={"body": body(tag)}))
        else:
            entry = vault.entries.add(
                journal.id, EntryContent(title=tag, sections={"body": body(tag)})
            )
        if i % 7 == 0:
            repo = vault._unlocked().attachments
            repo.add(entry.id, io.BytesIO(tag.encode() * 50_000), f"{tag}.bin", "x/y")
        last = entry.id
        sys.stdout.write(f"saved {entry.id} {tag}\n")
        sys.stdout.flush()
        i += 1


if __name__ == "__main__":
    main()
