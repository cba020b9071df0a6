"""attack3 (03 Dec) on branch journal-title (runs once it is merged): a student titles
her journal with another student's name; where the tutor reads the title without the
sender beside it (``journal list``), her entries pass for the other student's."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Role, Space
from reflectdesk.services.vault import NewProfile, Vault
from tests.services.batch_helpers import add_contacts, make_students
from tests.services.dashboard_helpers import AT, W10, Spec, send
from tests.support import PASSPHRASE

# Titles travel from branch journal-title on (issue 14); before it, a received journal
# is titled with the sender's name by this vault and this cannot happen.
pytest.importorskip("reflectdesk.domain.titles")


def test_a_title_naming_another_student_never_shows_without_the_sender(
    vault_dir: Path,
    cli,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    tutor, _key = Vault.create(
        vault_dir,
        PASSPHRASE,
        NewProfile("Tutora Ruiz", Role.EDUCATOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    victim, forger = make_students(2, seed=7)
    add_contacts(tutor, [victim, forger])
    send_titled = send  # journal-title's send(…, title=…)
    a, b = tmp_path / "a", tmp_path / "b"
    send_titled(tutor, victim, [Spec("gibbs", W10, title="Mi semana")], a, AT, title="Práctica II")  # type: ignore[call-arg]
    send_titled(tutor, forger, [Spec("gibbs", W10, title="Plagio")], b, AT, title=victim.name)  # type: ignore[call-arg]
    titles = {j.title for j in tutor.journals.list(Space.RECEIVED)}
    tutor.close()
    assert victim.name in titles  # the forger's journal carries the victim's name
    listed = cli("journal", "list").out
    (line,) = [x for x in listed.splitlines() if victim.name in x and "Práctica" not in x]
    # The forger's journal must name its sender (as the sidebar does: "name — title").
    assert forger.name in line, line


def test_a_title_naming_another_student_does_not_pick_her_journal_by_name(
    vault_dir: Path,
    cli,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    # Before titles travelled, a received journal was titled with its sender's name, so
    # `entry list --journal "Valentina Rojas"` listed hers. Now the forger titles hers
    # with the victim's name and the victim titles hers with a course: the name
    # resolved, uniquely, to the forger's journal.
    tutor, _key = Vault.create(
        vault_dir,
        PASSPHRASE,
        NewProfile("Tutora Ruiz", Role.EDUCATOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    victim, forger = make_students(2, seed=7)
    add_contacts(tutor, [victim, forger])
    a, b = tmp_path / "a", tmp_path / "b"
    send(tutor, victim, [Spec("gibbs", W10, title="Mi semana")], a, AT, title="Práctica II")  # type: ignore[call-arg]
    send(tutor, forger, [Spec("gibbs", W10, title="Plagio")], b, AT, title=victim.name)  # type: ignore[call-arg]
    tutor.close()
    listed = cli("entry", "list", "--journal", victim.name, "--json")
    assert "Plagio" not in listed.out, listed.out
    # The user's own journals are still found by their titles.
    own = cli("journal", "create", "Mis notas").out.strip()
    assert cli("entry", "list", "--journal", "Mis notas").code == 0
    assert own
