"""Child process for the trust-state crash test: in a loop, makes the writes that change
trust rows (contacts, their verification, consents and withdrawals, the bundle log,
own-key rotation) and reports each only after it returned. Killed with SIGKILL."""

from __future__ import annotations

import sys
from pathlib import Path

from reflectdesk.bundles import Identity, make_card
from reflectdesk.domain.model import Consent, EntryContent, ExportRequest, Role
from reflectdesk.services.vault import Vault


def main() -> None:
    vault_dir, passphrase, run_id = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    out = Path(sys.argv[4])
    vault = Vault.open(vault_dir)
    vault.unlock(passphrase)
    journal = vault.journals.list()[0]
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    i = 0
    while True:
        tag = f"{run_id}-{i}"
        step = i % 3
        if step == 0:
            card = make_card(Identity.generate(), name=f"P {tag}", role=Role.MENTOR)
            contact = vault.contacts.import_card(card).contact
            assert contact is not None
            vault.contacts.verify(contact.id)
            line = f"contact {contact.id}"
        elif step == 1:
            entry = vault.entries.add(journal.id, EntryContent(title=tag))
            request = ExportRequest(recipients=(), entry_ids=(entry.id,), consent=Consent.RESEARCH)
            vault.exports.export(request, out)
            vault.exports.withdraw_consent([entry.id], [], out)
            line = f"withdrawn {entry.id}"
        else:
            vault.identity.rotate(vouch=True)
            line = f"rotated {vault.identity.public().key_id_hex}"
        sys.stdout.write(f"saved {line}\n")
        sys.stdout.flush()
        i += 1


if __name__ == "__main__":
    main()
