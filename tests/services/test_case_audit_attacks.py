"""Exported audit logs (issue 15, point 6) against last night's adversary: a copy cut
short, and a copy of another study (or another export) passed off as this project's.

Every exported copy ends on the signed ``exported`` record of the export it was written
with (its format and the SHA-256 of that file); ``verify_file`` requires it, and with the
project file checks that file's hash; ``verify_copy`` compares with the vault's own log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reflectdesk.errors import CaseAuditInvalid, CaseAuditProjectMismatch
from reflectdesk.research import guids
from reflectdesk.services.case_audit import (
    AUDIT_LOG,
    EXPORTED,
    CaseAuditService,
    file_bytes,
    file_sha256,
    read_file,
)
from reflectdesk.services.case_common import STUDY_KIND
from tests.services.case_helpers import Study, close, make_study


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


def _ready(study: Study, title: str = "Fracciones") -> str:
    cs = study.researcher.case_studies
    case = study.new_case(title=title)
    cs.add(case, study.at("research"))
    cs.add(case, study.at("pseudo"))
    cs.pseudonymise.apply(case, cs.pseudonymise.propose(case))
    cs.coding.add_code(case, "Material")
    return case


def _truncated(audit: Path, drop: int, to: Path) -> Path:
    records = read_file(audit)
    to.write_bytes(file_bytes(records[:-drop]))  # canonical, every kept record intact
    return to


def test_an_exported_log_ends_on_the_signed_record_of_its_export(
    study: Study, tmp_path: Path
) -> None:
    case = _ready(study)
    out = tmp_path / "e.qdpx"
    result = study.researcher.case_studies.exports.export(case, "qdpx", out)
    check = CaseAuditService.verify_file(result.audit_path, project=out)
    assert check.study == guids.guid(STUDY_KIND, case)
    assert check.export is not None and check.export.format == "qdpx"
    assert check.export.sha256 == result.sha256 == file_sha256(out)
    assert check.export.seq == check.count == len(read_file(result.audit_path))
    vault_check = study.researcher.case_studies.audit.verify(case)
    assert vault_check.study == check.study and vault_check.head == check.head
    assert study.researcher.case_studies.audit.verify_copy(case, result.audit_path, out) == check


@pytest.mark.parametrize("drop", [1, 2, 5])
def test_a_truncated_copy_does_not_verify(study: Study, tmp_path: Path, drop: int) -> None:
    case = _ready(study)
    result = study.researcher.case_studies.exports.export(case, "md", tmp_path / "r.md")
    cut = _truncated(result.audit_path, drop, tmp_path / "cut.audit.json")
    CaseAuditService.verify_file(result.audit_path)  # the whole copy verifies
    with pytest.raises(CaseAuditInvalid) as info:
        CaseAuditService.verify_file(cut)
    assert "truncated" in info.value.detail


def test_a_copy_cut_back_to_an_earlier_export_is_not_the_later_export(
    study: Study, tmp_path: Path
) -> None:
    """Cut exactly at an earlier export's record, a copy is that earlier export's log
    (genuine and complete); it is not the log of the later file."""
    exports = study.researcher.case_studies.exports
    case = _ready(study)
    first = exports.export(case, "md", tmp_path / "first.md")
    later = exports.export(case, "qdpx", tmp_path / "later.qdpx")
    cut = _truncated(later.audit_path, 1, tmp_path / "cut.audit.json")
    assert cut.read_bytes() == first.audit_path.read_bytes()
    CaseAuditService.verify_file(cut, project=first.path)
    with pytest.raises(CaseAuditProjectMismatch):
        CaseAuditService.verify_file(cut, project=later.path)


def test_another_studys_log_is_not_this_projects(study: Study, tmp_path: Path) -> None:
    cs = study.researcher.case_studies
    mine = _ready(study, "Fracciones")
    other = study.new_case(title="Otro estudio")  # same researcher, same key
    cs.coding.add_code(other, "Otro")
    a = cs.exports.export(mine, "qdpx", tmp_path / "mine.qdpx")
    b = cs.exports.export(other, "qdc", tmp_path / "other.qdc")
    # Each copy verifies alone (the same researcher signed both) and names its study...
    check_b = CaseAuditService.verify_file(b.audit_path)
    assert check_b.study == guids.guid(STUDY_KIND, other) != guids.guid(STUDY_KIND, mine)
    # ...but B's log is not the log of A's project: the hash it ends on is B's file's.
    with pytest.raises(CaseAuditProjectMismatch) as info:
        CaseAuditService.verify_file(b.audit_path, project=a.path)
    assert info.value.params == {"file": "mine.qdpx"}
    # Against the vault: another study's log, refused whatever the project.
    with pytest.raises(CaseAuditInvalid) as refused:
        cs.audit.verify_copy(mine, b.audit_path)
    assert "another study" in refused.value.detail


def test_a_copy_whose_export_record_was_relabelled_does_not_verify(
    study: Study, tmp_path: Path
) -> None:
    """The end record is signed: changing its hash to another file's breaks it."""
    case = _ready(study)
    result = study.researcher.case_studies.exports.export(case, "md", tmp_path / "r.md")
    other = tmp_path / "other.md"
    other.write_text("otro informe\n", encoding="utf-8")
    records = read_file(result.audit_path)
    assert records[-1]["record"]["event"] == EXPORTED
    records[-1]["record"]["data"]["sha256"] = file_sha256(other)
    forged = tmp_path / "forged.audit.json"
    forged.write_bytes(file_bytes(records))
    with pytest.raises(CaseAuditInvalid):
        CaseAuditService.verify_file(forged, project=other)


def test_the_log_exported_alone_ends_on_its_own_signed_record(study: Study, tmp_path: Path) -> None:
    cs = study.researcher.case_studies
    case = _ready(study)
    path = tmp_path / "log.audit.json"
    cs.audit.export(case, path)
    check = CaseAuditService.verify_file(path)
    assert check.export is not None and check.export.format == AUDIT_LOG
    assert check.export.sha256 is None
    assert json.loads(path.read_bytes())["records"][-1]["record"]["event"] == EXPORTED
    with pytest.raises(CaseAuditInvalid):
        CaseAuditService.verify_file(_truncated(path, 1, tmp_path / "cut.audit.json"))
    # No project file is the log's own export.
    project = tmp_path / "p.qdpx"
    project.write_bytes(b"PK")
    with pytest.raises(CaseAuditProjectMismatch):
        CaseAuditService.verify_file(path, project=project)


# --- attack3 (03 Dec, second session): a tail signed by another key -------------------------
def _spliced(audit: Path, forged: Path, to: Path) -> Path:
    """The genuine copy with one more record: an ``exported`` record naming ``forged``'s
    SHA-256, chained on correctly and signed by the attacker's own key."""
    from reflectdesk.bundles import Identity
    from reflectdesk.services.case_audit import sign

    records = read_file(audit)
    last = records[-1]
    extra = sign(
        Identity.generate(),
        study=str(last["record"]["study"]),
        seq=len(records) + 1,
        event=EXPORTED,
        data={"format": "qdpx", "sha256": file_sha256(forged), "items": 2, "passages": 0},
        previous=last,
    )
    to.write_bytes(file_bytes([*records, extra]))
    return to


def test_a_copy_with_a_tail_signed_by_another_key_is_not_the_researchers(
    study: Study, tmp_path: Path
) -> None:
    # Attack (a): whoever holds an export and its log (a co-author, the shared folder)
    # edits the project (an excerpt made up, a withdrawn one put back) and appends to
    # the genuine log one record of her own: the chain holds, each signature is good
    # for the key its record names, and the output said "signed by <researcher>,
    # <attacker>" — the researcher's key id is there for whoever compares it.
    cs = study.researcher.case_studies
    case = _ready(study)
    out = tmp_path / "e.qdpx"
    result = cs.exports.export(case, "qdpx", out)
    forged = tmp_path / "forged.qdpx"
    forged.write_bytes(out.read_bytes() + b"\0")
    spliced = _spliced(result.audit_path, forged, tmp_path / "forged.qdpx.audit.json")
    own = CaseAuditService.verify_file(result.audit_path).key_ids
    # Without --key, a log signed by more than one key proves nothing about who wrote
    # which record: refused (name the keys to accept, current and retired).
    with pytest.raises(CaseAuditInvalid):
        CaseAuditService.verify_file(spliced, project=forged)
    with pytest.raises(CaseAuditInvalid):
        CaseAuditService.verify_file(spliced, key_ids=own, project=forged)
    with pytest.raises(CaseAuditInvalid):
        cs.audit.verify_copy(case, spliced, project=forged)
    # The genuine copy still verifies, with and without the key.
    CaseAuditService.verify_file(result.audit_path, project=out)
    CaseAuditService.verify_file(result.audit_path, key_ids=own, project=out)
    cs.audit.verify_copy(case, result.audit_path, project=out)
