"""Child process for the batch-import SIGKILL test and benchmark: imports a folder of
bundles and prints each file's result only after the service reported it (so after its
transaction committed). Killed with SIGKILL at a random moment."""

from __future__ import annotations

import sys
from pathlib import Path

from reflectdesk.services.batch_import import BatchProgress
from reflectdesk.services.vault import Vault


def main() -> None:
    vault_dir, passphrase, folder = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    vault = Vault.open(vault_dir)
    vault.unlock(passphrase)
    sys.stdout.write("ready\n")
    sys.stdout.flush()

    def show(p: BatchProgress) -> None:
        if p.item is not None:
            item = p.item
            sys.stdout.write(
                f"{item.outcome.value} {item.bundle_id} {item.sender_key_id} {item.path}\n"
            )
            sys.stdout.flush()

    report = vault.batch_import.run([folder], progress=show)
    sys.stdout.write(f"done {len(report.items)}\n")
    sys.stdout.flush()
    vault.close()


if __name__ == "__main__":
    main()
