"""Issue 14: received journals are one per sender *and* her journal, titled as she
titled it, so the cohort dashboard filters by course. Real vaults, real bundles (the
bundle layer, real keys and age), imported through ``vault.imports``.

- Bundles carry each journal's title in a signed, encrypted ``journal`` record; a
  bundle that names none (an older sender's) imports as before: one journal per
  sender, titled with her name.
- A later title renames the journal; an older one arriving later does not.
- A vault holding an older-style journal keeps working: an untitled bundle lands in
  it, a titled one moves the entries it carries to their own journal.
- The titles are cleaned (bidi overrides, invisible characters), bounded, never in
  clear on disk or in a log; two senders using the same journal id stay apart.
"""

from __future__ import annotations

import hashlib
import json
import logging
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.dashboard import DashboardFilters
from reflectdesk.domain.model import EntryContent, Journal, Role, Space
from reflectdesk.errors import BundleJsonTooLarge, BundleSchemaInvalid
from reflectdesk.ids import uuid7
from reflectdesk.services.vault import NewProfile, Vault
from tests.bundles.helpers import encrypt_to, resign, unpack, zip_of
from tests.services.batch_helpers import Student, add_contacts, make_students
from tests.services.bundle_helpers import Pair, clone_vault, export, received, table_digest
from tests.services.dashboard_helpers import Spec, bundle_bytes, entry_files, send
from tests.support import PASSPHRASE

PRACTICA = "Práctica Profesional II — Sección 2"
SEMINARIO = "Seminario de Investigación"
DIDACTICA = "Didáctica de la Matemática"
AT = datetime(2026, 3, 20, 15, 30, tzinfo=UTC)
DAY = date(2026, 3, 11)


@pytest.fixture
def tutor(tmp_path: Path) -> Iterator[Vault]:
    vault, _key = Vault.create(
        tmp_path / "tutor",
        PASSPHRASE,
        NewProfile("Tutora Ruiz", Role.EDUCATOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    yield vault
    vault.close()


@pytest.fixture
def students(tutor: Vault) -> list[Student]:
    people = make_students(2, seed=21)
    add_contacts(tutor, people)
    return people


def contact_of(tutor: Vault, student: Student) -> str:
    (found,) = [c.id for c in tutor.contacts.list() if c.name == student.name]
    return found


def journals_of(tutor: Vault, student: Student) -> list[Journal]:
    cid = contact_of(tutor, student)
    return sorted(
        (j for j in tutor.journals.list(Space.RECEIVED) if j.author_contact_id == cid),
        key=lambda j: j.title,
    )


def where(tutor: Vault) -> dict[str, str]:
    """Entry title → the title of the journal it is in."""
    titles = {j.id: j.title for j in tutor.journals.list(Space.RECEIVED)}
    return {s.title: titles[s.journal_id] for s in tutor.entries.list()}


def specs(*titles: str) -> list[Spec]:
    return [Spec("free", DAY, ("A1",), t) for t in titles]


def test_two_students_in_two_courses_each(
    tutor: Vault, students: list[Student], tmp_path: Path
) -> None:
    ana, bea = students
    ana_sem, bea_did = uuid7(), uuid7()
    folder = tmp_path / "in"
    send(tutor, ana, specs("a1", "a2"), folder, AT, title=PRACTICA)
    send(tutor, ana, specs("a3"), folder, AT, journal_id=ana_sem, title=SEMINARIO)
    # Bea typed the course without accents and in capitals: the same course.
    send(tutor, bea, specs("b1"), folder, AT, title="PRACTICA PROFESIONAL II — SECCION 2")
    send(tutor, bea, specs("b2", "b3"), folder, AT, journal_id=bea_did, title=DIDACTICA)
    assert [j.title for j in journals_of(tutor, ana)] == [PRACTICA, SEMINARIO]
    assert where(tutor) == {
        "a1": PRACTICA,
        "a2": PRACTICA,
        "a3": SEMINARIO,
        "b1": "PRACTICA PROFESIONAL II — SECCION 2",
        "b2": DIDACTICA,
        "b3": DIDACTICA,
    }
    data = tutor.dashboard.load(None)
    # Distinct, sorted ignoring accents and case: one "Práctica" for both students.
    assert len(data.titles()) == 3
    assert data.titles()[0] == DIDACTICA and data.titles()[2] == SEMINARIO
    assert data.titles()[1] in (PRACTICA, "PRACTICA PROFESIONAL II — SECCION 2")
    names = [s.name for s in data.view().students]
    count = {
        title: dict(
            zip(
                names,
                (s.entries for s in data.view(DashboardFilters(journal_title=title)).students),
                strict=True,
            )
        )
        for title in data.titles()
    }
    assert count[DIDACTICA] == {ana.name: 0, bea.name: 2}
    assert count[SEMINARIO] == {ana.name: 1, bea.name: 0}
    assert count[data.titles()[1]] == {ana.name: 2, bea.name: 1}
    # The triad view (review): one row per student, over all her journals.
    rows = tutor.review.triad()
    assert sorted((r.student, r.entries) for r in rows) == sorted([(ana.name, 3), (bea.name, 3)])


def test_a_later_title_renames_and_an_older_one_does_not(
    tutor: Vault, students: list[Student], tmp_path: Path
) -> None:
    ana = students[0]
    folder = tmp_path / "in"
    first = send(tutor, ana, specs("a1"), folder, AT, title="Práctica I")
    (journal,) = journals_of(tutor, ana)
    assert journal.title == "Práctica I" and first.journal_ids == (journal.id,)
    renamed = send(
        tutor, ana, specs("a2"), folder, AT, title=PRACTICA, titled_at=AT + timedelta(days=7)
    )
    assert renamed.journal_ids == (journal.id,)  # announced: the sidebar renames it
    # A bundle made before the rename, delivered late: the newer title stays.
    late = send(tutor, ana, specs("a3"), folder, AT, title="Práctica I", titled_at=AT)
    assert late.journal_ids == ()
    ((kept),) = journals_of(tutor, ana)
    assert (kept.id, kept.title) == (journal.id, PRACTICA)
    assert set(where(tutor).values()) == {PRACTICA}


def test_titles_order_independent(tutor: Vault, students: list[Student], tmp_path: Path) -> None:
    """A (X, t1), B (Y, t2), C (X, t3) arriving A, C, B: X, her latest statement."""
    ana = students[0]
    folder = tmp_path / "in"
    t1, t2, t3 = AT, AT + timedelta(days=1), AT + timedelta(days=2)
    a = bundle_bytes(tutor, ana, specs("a"), AT, title="X", titled_at=t1)
    b = bundle_bytes(tutor, ana, specs("b"), AT, title="Y", titled_at=t2)
    c = bundle_bytes(tutor, ana, specs("c"), AT, title="X", titled_at=t3)
    folder.mkdir()
    for n, data in enumerate((a, c, b)):
        path = folder / f"{n}.rdbundle"
        path.write_bytes(data)
        tutor.imports.import_bundle(path)
    assert [j.title for j in journals_of(tutor, ana)] == ["X"]


def test_a_bundle_without_titles_imports_as_before(
    tutor: Vault, students: list[Student], tmp_path: Path
) -> None:
    """An older sender's bundle: one journal per sender, titled with her name, even
    for entries of two of her journals."""
    ana = students[0]
    folder = tmp_path / "in"
    other = uuid7()
    send(tutor, ana, specs("a1"), folder, AT)
    a2 = entry_files(ana, specs("a2")[0], AT, other)[1]
    folder.joinpath("a2.rdbundle").write_bytes(bundle_bytes(tutor, ana, [], AT, entries=a2))
    tutor.imports.import_bundle(folder / "a2.rdbundle")
    (journal,) = journals_of(tutor, ana)
    assert journal.title == ana.name
    assert where(tutor) == {"a1": ana.name, "a2": ana.name}
    # She updates ReflectDesk: her next bundle names her journal; the journal keeps its
    # entries and takes the title.
    send(tutor, ana, specs("a3"), folder, AT, title=PRACTICA)
    assert [j.title for j in journals_of(tutor, ana)] == [PRACTICA]
    # Her other journal, sent again with its title: "a2" moves to its own journal.
    titled = bundle_bytes(tutor, ana, [], AT, journal_id=other, entries=a2, title=SEMINARIO)
    folder.joinpath("a2-again.rdbundle").write_bytes(titled)
    moved = tutor.imports.import_bundle(folder / "a2-again.rdbundle")
    assert len(moved.entries_moved) == 1
    assert [j.title for j in journals_of(tutor, ana)] == [PRACTICA, SEMINARIO]
    assert where(tutor) == {"a1": PRACTICA, "a2": SEMINARIO, "a3": PRACTICA}


def test_an_older_style_journal_keeps_working_and_hands_its_entries_over(
    tutor: Vault, students: list[Student], tmp_path: Path
) -> None:
    """A vault from before titles travelled holds one journal per sender (a random id,
    titled with her name): untitled bundles still land there; a titled bundle moves
    the entries it carries to their own journal, and the emptied one is hidden."""
    ana = students[0]
    folder = tmp_path / "in"
    st = tutor._unlocked()
    legacy = st.journals.create(
        ana.name, space=Space.RECEIVED, author_contact_id=contact_of(tutor, ana)
    )
    entries: dict[str, bytes] = {}
    for spec in specs("a1", "a2"):
        entries.update(entry_files(ana, spec, AT)[1])
    folder.mkdir()
    (folder / "old.rdbundle").write_bytes(bundle_bytes(tutor, ana, [], AT, entries=entries))
    tutor.imports.import_bundle(folder / "old.rdbundle")
    assert [j.id for j in journals_of(tutor, ana)] == [legacy.id]
    assert where(tutor) == {"a1": ana.name, "a2": ana.name}
    # Her new version sends her whole journal again, titled: the entries move (found by
    # search under their new journal too), nothing is duplicated.
    same_entries = folder / "again.rdbundle"
    same_entries.write_bytes(bundle_bytes(tutor, ana, [], AT, entries=entries, title=PRACTICA))
    result = tutor.imports.import_bundle(same_entries)
    assert len(result.entries_moved) == 2 and result.entries_new == ()
    (journal,) = journals_of(tutor, ana)
    assert journal.id != legacy.id and journal.title == PRACTICA
    assert where(tutor) == {"a1": PRACTICA, "a2": PRACTICA}
    assert {legacy.id, journal.id} <= set(result.journal_ids)
    hits = tutor.search.query("fracciones", limit=50)
    assert {h.journal_id for h in hits} == {journal.id}
    assert tutor.journals.get(legacy.id).id == legacy.id  # hidden, not deleted
    data = tutor.dashboard.load(None)
    assert data.titles() == [PRACTICA]
    assert data.view(DashboardFilters(journal_title=PRACTICA)).entries == 2


def forged(tutor: Vault, student: Student, title: str) -> bytes:
    """Her bundle with a journal title her ReflectDesk would never write (the builder
    refuses it): made valid, then the record edited, re-hashed and re-signed with her
    real key (so only the title's own checks can refuse it)."""
    reader = tutor.identity.key_pair()
    good = bundle_bytes(tutor, student, specs("f1"), AT, title="PLACEHOLDER")
    members = unpack(good, reader)
    (path,) = [p for p in members if p.startswith("records/")]
    doc = json.loads(members[path])
    doc["body"]["title"] = title
    members[path] = json.dumps(doc, ensure_ascii=False).encode()
    manifest = json.loads(members["manifest.json"])
    manifest["files"] = [
        {"path": p, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
        for p, d in sorted(members.items())
        if not p.startswith("manifest.json")
    ]
    members = resign(members, manifest, student.identity)
    return encrypt_to(zip_of(members), [reader.public, student.identity.public])


@pytest.mark.parametrize(
    ("title", "error"),
    [
        ("Práctica\nII", BundleSchemaInvalid),
        ("Práctica\x1b[31mII", BundleSchemaInvalid),
        ("P" * 301, BundleSchemaInvalid),
        ("P" * (10 * 1024 * 1024), BundleJsonTooLarge),
    ],
)
def test_a_forged_title_refuses_the_bundle_and_stores_nothing(
    tutor: Vault, students: list[Student], tmp_path: Path, title: str, error: type
) -> None:
    ana = students[0]
    path = tmp_path / "forged.rdbundle"
    path.write_bytes(forged(tutor, ana, title))
    digest = table_digest(tmp_path / "tutor")
    with pytest.raises(error):
        tutor.imports.import_bundle(path)
    assert table_digest(tmp_path / "tutor") == digest
    assert tutor.journals.list(Space.RECEIVED) == []


def test_invisible_and_direction_characters_are_dropped(
    tutor: Vault, students: list[Student], tmp_path: Path
) -> None:
    """A right-to-left override would draw the rest of the title backwards in the
    sidebar and the filter ("Práctica II" made to look like another course)."""
    ana, bea = students
    folder = tmp_path / "in"
    send(tutor, ana, specs("a1"), folder, AT, title="\u202eII acitcárP\u202c\u200b")
    send(tutor, bea, specs("b1"), folder, AT, title="Seminario\u2066 I\u2069\ufeff")
    assert [j.title for j in journals_of(tutor, ana)] == ["II acitcárP"]
    assert [j.title for j in journals_of(tutor, bea)] == ["Seminario I"]


def test_titles_differing_only_by_normalisation_are_one_course(
    tutor: Vault, students: list[Student], tmp_path: Path
) -> None:
    ana, bea = students
    folder = tmp_path / "in"
    decomposed = unicodedata.normalize("NFD", PRACTICA)
    assert decomposed != PRACTICA
    send(tutor, ana, specs("a1"), folder, AT, title=PRACTICA)
    send(tutor, bea, specs("b1"), folder, AT, title=decomposed)
    assert {j.title for j in tutor.journals.list(Space.RECEIVED)} == {PRACTICA}  # stored NFC
    data = tutor.dashboard.load(None)
    assert data.titles() == [PRACTICA]
    assert data.view(DashboardFilters(journal_title=decomposed)).entries == 2


def test_two_senders_with_the_same_journal_id_stay_apart(
    tutor: Vault, students: list[Student], tmp_path: Path
) -> None:
    """Bea names Ana's journal id (she saw it, or guessed): her bundle reaches only a
    journal of her own; Ana's journal keeps its title and entries."""
    ana, bea = students
    folder = tmp_path / "in"
    send(tutor, ana, specs("a1"), folder, AT, title=PRACTICA)
    send(
        tutor,
        bea,
        specs("b1"),
        folder,
        AT,
        journal_id=ana.journal_id,
        title="Otro curso",
        titled_at=AT + timedelta(days=30),
    )
    (hers,) = journals_of(tutor, ana)
    (theirs,) = journals_of(tutor, bea)
    assert hers.id != theirs.id and hers.id != ana.journal_id
    assert (hers.title, theirs.title) == (PRACTICA, "Otro curso")
    assert where(tutor) == {"a1": PRACTICA, "b1": "Otro curso"}


def test_titles_are_sealed_and_never_logged(
    tutor: Vault, students: list[Student], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ana = students[0]
    canary = "CANARYjt7 Práctica"
    caplog.set_level(logging.DEBUG)
    data = bundle_bytes(tutor, ana, specs("a1"), AT, title=canary)
    assert canary.encode() not in data  # encrypted in the bundle
    path = tmp_path / "in.rdbundle"
    path.write_bytes(data)
    tutor.imports.import_bundle(path)
    tutor.dashboard.load(None)
    assert [j.title for j in journals_of(tutor, ana)] == [canary]
    tutor.close()
    for file in (tmp_path / "tutor").rglob("*"):
        if file.is_file():
            raw = file.read_bytes()
            assert b"CANARYjt7" not in raw and "CANARYjt7".encode("utf-16-le") not in raw
    assert "CANARYjt7" not in caplog.text
    tutor.unlock(PASSPHRASE)  # the fixture closes it


def test_a_students_export_carries_her_journal_titles(pair: Pair) -> None:
    """The real exporter writes a ``journal`` record per journal of the entries it
    sends (cleaned as a receiver would store it); her mentor's journals follow."""
    s, m = pair.student, pair.mentor
    s.journals.rename(pair.journal_id, "Práctica\u202e II")
    other = s.journals.create("Seminario")
    one = s.entries.add(pair.journal_id, EntryContent(title="Uno"))
    two = s.entries.add(other.id, EntryContent(title="Dos"))
    path = export(pair, entry_ids=(one.id, two.id))
    members = unpack(path.read_bytes(), m.identity.key_pair())
    records = [json.loads(d) for p, d in members.items() if p.startswith("records/")]
    titled = sorted((r["refs"][0], r["body"]["title"]) for r in records if r["type"] == "journal")
    assert titled == sorted([(pair.journal_id, "Práctica II"), (other.id, "Seminario")])
    m.imports.import_bundle(path)
    titles = {j.id: j.title for j in m.journals.list(Space.RECEIVED)}
    assert sorted(titles.values()) == ["Práctica II", "Seminario"]
    assert titles[m.entries.get(received(pair, one.id)).journal_id] == "Práctica II"
    assert titles[m.entries.get(received(pair, two.id)).journal_id] == "Seminario"
    # She renames her journal: her next bundle renames it at her mentor's.
    s.journals.rename(other.id, "Seminario de Investigación")
    m.imports.import_bundle(export(pair, entry_ids=(two.id,)))
    assert sorted(j.title for j in m.journals.list(Space.RECEIVED)) == [
        "Práctica II",
        "Seminario de Investigación",
    ]


def test_your_own_bundle_on_another_computer_brings_the_journal_title(
    pair: Pair, vault_dir: Path, tmp_path: Path
) -> None:
    """Your bundle (you are always one of its recipients) imported on a computer that
    does not have the journal yet: the journal is made with its title, not untitled."""
    s = pair.student
    laptop = clone_vault(s, vault_dir, tmp_path / "laptop")
    try:
        seminar = s.journals.create("Seminario de Investigación")
        entry = s.entries.add(seminar.id, EntryContent(title="Uno"))
        laptop.imports.import_bundle(export(pair, entry_ids=(entry.id,)))
        assert laptop.journals.get(seminar.id).title == "Seminario de Investigación"
        assert laptop.entries.get(entry.id).journal_id == seminar.id
    finally:
        laptop.close()
