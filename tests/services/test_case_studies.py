"""Case studies (issue 15): approval gate, the consent picker, items with provenance at a
revision, pseudonymisation review, withdrawal propagation; real vaults and bundles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from reflectdesk.domain.model import EntryContent
from reflectdesk.errors import (
    CaseApprovalExpired,
    CaseApprovalMissing,
    CaseConsentMissing,
    CaseEntryNotReceived,
    CaseFieldInvalid,
    CaseItemDuplicate,
    CaseStudyNotFound,
    CohortNotFound,
    ContactNotFound,
    FileUnwritable,
    VaultStateTampered,
)
from reflectdesk.services.vault import Vault
from reflectdesk.storage.consents import NewConsent
from tests.services.case_helpers import (
    CANARIES,
    PUPIL,
    RESEARCH_TEXT,
    Study,
    close,
    make_study,
    yesterday,
)
from tests.support import PASSPHRASE, raw_db


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


# --- projects and the approval gate ------------------------------------------------------------
def test_a_study_is_planned_without_approval_but_nothing_is_added_or_exported(
    study: Study, tmp_path: Path
) -> None:
    cs = study.researcher.case_studies
    case = cs.create("Fracciones en 2º básico", question="¿Qué material usan?")
    assert case.status == "planning" and case.approval is None
    code = cs.coding.add_code(case.id, "Material concreto")  # planning: the codebook
    assert [c.name for c in cs.coding.codes(case.id)] == [code.name]
    with pytest.raises(CaseApprovalMissing) as info:
        cs.add(case.id, study.at("research"))
    assert info.value.message and info.value.hint
    with pytest.raises(CaseApprovalMissing):
        cs.exports.export(case.id, "qdpx", tmp_path / "x.qdpx")
    assert not (tmp_path / "x.qdpx").exists()
    sheet = tmp_path / "hoja.pdf"
    sheet.write_bytes(b"%PDF-1.4 hoja informativa")
    approved = cs.approve(
        case.id,
        committee="CEC-CSAH",
        reference="2026-041",
        expires=date.today() + timedelta(days=30),
        sheet=sheet,
    )
    assert approved.status == "approved" and approved.approval is not None
    assert cs.information_sheet(case.id) == ("hoja.pdf", "application/pdf", sheet.read_bytes())
    assert cs.add(case.id, study.at("research")).pseudonym == "Estudiante A"


def test_an_expired_approval_blocks_additions_and_exports(study: Study, tmp_path: Path) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))
    cs.approve(case, committee="CEC", reference="1", expires=yesterday())
    assert cs.get(case).status == "expired"
    with pytest.raises(CaseApprovalExpired) as info:
        cs.add(case, study.at("pseudo"))
    assert yesterday().isoformat() in str(info.value)
    with pytest.raises(CaseApprovalExpired):
        cs.exports.export(case, "md", tmp_path / "r.md")
    cs.approve(case, committee="CEC", reference="1-bis", expires=date.today())
    cs.exports.export(case, "md", tmp_path / "r.md")  # renewed: today still counts


def test_fields_are_checked_and_studies_resolve_by_title(study: Study) -> None:
    cs = study.researcher.case_studies
    with pytest.raises(CaseFieldInvalid):
        cs.create("   ")
    with pytest.raises(CaseFieldInvalid):
        cs.create("x" * 201)
    case = cs.create("Mi estudio")
    assert cs.resolve("mi estudio").id == case.id
    assert cs.resolve(case.id[:8]).id == case.id
    with pytest.raises(CaseStudyNotFound):
        cs.resolve("otro")


# --- the picker and adding ------------------------------------------------------------------
def test_the_picker_lists_received_entries_with_their_consent(study: Study) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    reasons = {c.title: (c.consent, c.reason) for c in cs.candidates(case)}
    assert reasons == {
        "Clase de fracciones": ("research", "addable"),
        "Observación": ("research-pseudonymised", "addable"),
        "Solo lectura": ("read", "read-only"),
    }
    with pytest.raises(CaseConsentMissing) as info:
        cs.add(case, study.at("read"))
    assert info.value.detail == "read-only"
    cs.add(case, study.at("research"))
    after = {c.title: c.reason for c in cs.candidates(case)}
    assert after["Clase de fracciones"] == "already-added"
    with pytest.raises(CaseItemDuplicate):
        cs.add(case, study.at("research"))
    # Own entries are not research material.
    journal = study.researcher.journals.create("Mis notas")
    own = study.researcher.entries.add(journal.id, EntryContent(title="Nota"))
    with pytest.raises(CaseEntryNotReceived):
        cs.add(case, own.id)


def test_an_entry_is_added_at_a_revision_with_its_provenance(study: Study) -> None:
    s, r = study.student, study.researcher
    entry = study.entries["research"]
    s.entries.edit(
        entry,
        EntryContent(
            title="Clase de fracciones",
            sections={"description": "Versión nueva."},
            template_id="gibbs",
        ),
    )
    from reflectdesk.domain.model import Consent, ExportRequest

    request = ExportRequest(
        recipients=(study.researcher_at_student,),
        entry_ids=(entry,),
        consent=Consent.RESEARCH,
        history=True,
    )
    bundle = s.exports.export(request, study.out)
    r.imports.import_bundle(bundle.path)
    cs = r.case_studies
    case = study.new_case()
    history = r.entries.history(study.at("research"))
    first = min(history, key=lambda rev: rev.seq)
    (listed,) = [c for c in cs.candidates(case) if c.entry_id == study.at("research")]
    head = r.entries.get(study.at("research")).head
    assert (listed.revision_id, listed.revision_seq) == (head.id, 2) and listed.addable
    item = cs.add(case, study.at("research"), first.id)
    assert item.revision_id == first.id and item.revision_seq == 1
    assert item.text("description") == RESEARCH_TEXT  # the text of that revision
    p = item.provenance
    assert p.author_key_id == s.identity.public().key_id_hex
    assert p.signature_checked and p.author_status == "known"
    assert p.bundle_id == bundle.bundle_id  # the bundle whose consent is in force
    assert p.consent == "research"
    assert [e.event for e in cs.audit.events(case)][-1] == "item-added"


# --- withdrawal -------------------------------------------------------------------------------
def test_a_withdrawal_removes_the_items_codings_and_memos_and_is_logged(
    study: Study, tmp_path: Path
) -> None:
    r = study.researcher
    cs = r.case_studies
    case = study.new_case()
    kept = cs.add(case, study.at("pseudo"))
    gone = cs.add(case, study.at("research"))
    code = cs.coding.add_code(case, "Fracciones")
    seg = cs.coding.apply_quote(case, gone.id, "description", "fracciones", code.id)
    cs.coding.apply_quote(case, kept.id, "description", "fracciones", code.id)
    cs.coding.add_memo(case, "Sobre este pasaje", segment_id=seg)
    cs.coding.add_memo(case, "Sobre la entrada", item_id=gone.id)
    cs.coding.add_memo(case, "Del proyecto")
    cs.pseudonymise.apply(case, [])
    export = cs.exports.export(case, "md", tmp_path / "r.md")
    assert "fracciones" in export.path.read_text(encoding="utf-8")
    withdrawal = study.withdraw("research")
    result = r.imports.import_bundle(withdrawal)
    assert result.withdrawals == 1
    # Gone at once (the import propagates), with everything that came from it.
    assert [i.id for i in cs.items(case)] == [kept.id]
    assert [p.item_id for p in cs.coding.passages(case)] == [kept.id]
    assert [m.text for m in cs.coding.memos(case)] == ["Del proyecto"]
    after = cs.get(case)
    assert [e.outdated for e in after.exports] == [True]
    (note,) = after.withdrawals
    consent = r.bundle_log.current_consent(study.at("research"))
    assert consent is not None and consent.withdrawn
    assert note.bundle_id == consent.bundle_id and note.withdrawn_on == consent.stated_at.date()
    assert (note.segments, note.memos) == (1, 2)
    last = cs.audit.events(case)[-1]
    assert last.event == "withdrawn"
    assert last.data["bundle"] == consent.bundle_id
    assert last.data["withdrawn_on"] == consent.stated_at.date().isoformat()
    cs.audit.verify(case)
    # Nothing of it is left in the study's tables.
    r._unlocked().db.checkpoint()
    assert not any(
        c in text for text in _sealed_texts(r) for c in ("Sobre este pasaje", "Sobre la entrada")
    )
    # It cannot come back.
    with pytest.raises(CaseConsentMissing):
        cs.add(case, study.at("research"))


def _sealed_texts(r: Vault) -> list[str]:
    cs = r.case_studies
    out = []
    for case in cs.list():
        out += [m.text for m in cs.coding.memos(case.id)]
        out += [t for i in cs.items(case.id) for _, t in i.sections]
    return out


def test_a_withdrawal_that_arrived_by_another_path_is_applied_before_any_read(
    study: Study,
) -> None:
    r = study.researcher
    cs = r.case_studies
    case = study.new_case()
    item = cs.add(case, study.at("research"))
    # A withdrawal stored without the bundle import's hook (a path added later, say).
    st = r._unlocked()
    st.consents.add_many(
        [
            NewConsent(
                study.at("research"),
                None,
                "in",
                "bundle-from-elsewhere",
                (study.student_at_researcher,),
                datetime.now(UTC),
            )
        ]
    )
    assert item.id in {p[0] for p in cs._ctx.repo().item_places()}  # still stored
    assert cs.items(case) == []  # but never shown: the read applies it first
    assert cs.get(case).withdrawals[0].bundle_id == "bundle-from-elsewhere"
    assert cs.propagate_withdrawals() == 0


# --- storage: sealed, and in the vault state ----------------------------------------------------
def test_names_and_texts_are_sealed_and_a_deleted_audit_record_is_caught(
    study: Study, tmp_path: Path
) -> None:
    r = study.researcher
    cs = r.case_studies
    case = study.new_case(title="Estudio de Valentina Rojas")
    cs.add(case, study.at("research"))
    cs.pseudonymise.add_term(case, "pupil", PUPIL)
    cs.coding.add_memo(case, "Memo con Martina Soto")
    r._unlocked().db.checkpoint()
    path = tmp_path / "researcher"
    with raw_db(path) as conn:
        blobs = b"".join(
            bytes(row[0])
            for table in ("case_studies", "case_items", "memos", "case_audit")
            for row in conn.execute(f"SELECT blob FROM {table}")  # noqa: S608
        )
    for canary in CANARIES:
        assert canary.encode() not in blobs
    r.lock()
    with raw_db(path) as conn:
        conn.execute("DELETE FROM case_audit WHERE seq = (SELECT MAX(seq) FROM case_audit)")
        conn.commit()
    with pytest.raises(VaultStateTampered):
        r.unlock(PASSPHRASE)


def test_several_entries_are_added_together_or_not_at_all(study: Study) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    with pytest.raises(CaseConsentMissing):
        cs.add_many(case, [(study.at("research"), None), (study.at("read"), None)])
    assert cs.items(case) == []
    with pytest.raises(CaseItemDuplicate):
        cs.add_many(case, [(study.at("research"), None), (study.at("research"), None)])
    items = cs.add_many(case, [(study.at("research"), None), (study.at("pseudo"), None)])
    assert [i.pseudonym for i in items] == ["Estudiante A", "Estudiante A"]
    events = cs.audit.verify(case).events  # two records chained in one transaction
    assert [e.event for e in events][-2:] == ["item-added", "item-added"]
    assert [e.seq for e in events] == list(range(1, len(events) + 1))


def test_a_withdrawal_reaches_every_study_holding_the_entry(study: Study) -> None:
    r = study.researcher
    cs = r.case_studies
    first, second = study.new_case(title="Uno"), study.new_case(title="Dos")
    for case in (first, second):
        cs.add(case, study.at("research"))
    r.imports.import_bundle(study.withdraw("research"))
    for case in (first, second):
        assert cs.items(case) == []
        assert cs.audit.verify(case).events[-1].event == "withdrawn"


def test_a_study_is_edited_with_its_cohorts_team_and_cut_off(study: Study) -> None:
    r = study.researcher
    cs = r.case_studies
    cohort = r.cohorts.create("Práctica II", [study.student_at_researcher])
    case = cs.create("Estudio", cohort_ids=[cohort.id], team=[study.student_at_researcher])
    assert case.cohort_ids == (cohort.id,) and case.team == (study.student_at_researcher,)
    with pytest.raises(CohortNotFound):
        cs.update(case.id, cohort_ids=["nope"])
    with pytest.raises(ContactNotFound):
        cs.create("Otro", team=["nope"])
    cut_off = date(2027, 3, 1)
    edited = cs.update(case.id, title="Estudio II", question="¿Qué?", published=cut_off)
    assert (edited.title, edited.question, edited.published) == ("Estudio II", "¿Qué?", cut_off)


# --- deleting a study ----------------------------------------------------------------------
def test_delete_removes_everything_and_writes_the_record_of_deletion(
    study: Study, tmp_path: Path
) -> None:
    r = study.researcher
    cs = r.case_studies
    sheet = tmp_path / "hoja.txt"
    sheet.write_text("Hoja informativa")
    case = study.new_case()
    cs.approve(
        case, committee="CEC", reference="1", expires=date.today() + timedelta(days=9), sheet=sheet
    )
    keep = study.new_case(title="Otro estudio")
    item = cs.add(case, study.at("research"))
    cs.add(keep, study.at("research"))
    code = cs.coding.add_code(case, "Material")
    segment = cs.coding.apply_quote(case, item.id, "description", "fracciones", code.id)
    cs.coding.add_memo(case, "Memo", segment_id=segment)
    cs.pseudonymise.add_term(case, "pupil", PUPIL)
    log = tmp_path / "borrado.audit.json"
    check = cs.delete(case, log)
    assert check is not None and check.events[-1].event == "deleted"
    assert check.events[-1].data == {
        "items": 1, "codes": 1, "segments": 1, "memos": 1, "files": 1, "exports": 0,
    }  # fmt: skip
    copy = cs.audit.verify_file(log, [r.identity.public().key_id_hex])
    assert copy.head == check.head and [e.event for e in copy.events][:2] == [
        "created",
        "approval-recorded",
    ]
    with pytest.raises(CaseStudyNotFound):
        cs.get(case)
    assert [s.id for s in cs.list()] == [keep]
    assert len(cs.items(keep)) == 1  # the other study keeps its copy of the entry
    r._unlocked().db.checkpoint()
    with raw_db(tmp_path / "researcher") as conn:
        for table in ("case_items", "codes", "memos", "case_files", "case_audit"):
            rows = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE case_id = ?", (case,))  # noqa: S608
            assert rows.fetchone()[0] == 0, table
        assert conn.execute("SELECT COUNT(*) FROM coded_segments").fetchone()[0] == 0
    r.lock()
    r.unlock(PASSPHRASE)  # the vault state MAC followed the deletion


def test_delete_without_a_log_and_a_log_that_cannot_be_written(
    study: Study, tmp_path: Path
) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    with pytest.raises(FileUnwritable):
        cs.delete(case, tmp_path / "no-such-folder" / "x.audit.json")
    assert cs.get(case).id == case  # nothing deleted
    assert cs.delete(case) is None
    assert cs.list() == []
    with pytest.raises(CaseStudyNotFound):
        cs.delete(case)
