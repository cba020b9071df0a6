"""Adversary review of the case studies (issue 15; attack2, 03 Dec): the signed audit log
(truncated, reordered, replayed, re-signed copies; rows dropped from the closed file), the
approval's expiry rolled back in the file, and a withdrawal racing an addition.

Real vaults, real bundles, real Ed25519 keys. Attacks that hold stay as regression tests."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from reflectdesk.bundles.keys import Identity
from reflectdesk.errors import CaseAuditInvalid, CaseConsentMissing, VaultStateTampered
from reflectdesk.services import case_audit
from reflectdesk.services.case_audit import CaseAuditService, file_bytes, sign
from tests.services.case_helpers import CANARIES, Study, close, make_study
from tests.support import PASSPHRASE, raw_db


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


def _log(identity: Identity, n: int, study: str = "s-guid") -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i in range(n):
        out.append(
            sign(
                identity,
                study=study,
                seq=i + 1,
                event=case_audit.CREATED if i == 0 else case_audit.ADDED,
                data={} if i == 0 else {"item": f"i{i}", "bundle": "b"},
                previous=out[-1] if out else None,
            )
        )
    return out


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_bytes(file_bytes(records))
    return path


# --- exported copies (.audit.json): what `case audit verify --file F --key K` accepts ----------
def test_an_empty_exported_log_never_verifies_even_with_the_researchers_key(
    tmp_path: Path,
) -> None:
    """BROKE before the fix: a file with no records passed `--key K` vacuously (no record
    signed by another key) and the CLI printed "verifies: 0 records". A study's log
    always starts with its creation (or import) record."""
    me = Identity.generate()
    empty = _write(tmp_path / "empty.audit.json", [])
    with pytest.raises(CaseAuditInvalid):
        CaseAuditService.verify_file(empty, [me.public.key_id_hex])
    with pytest.raises(CaseAuditInvalid):
        CaseAuditService.verify_file(empty)


def test_a_log_truncated_and_continued_by_another_key_fails_with_the_key(tmp_path: Path) -> None:
    me, forger = Identity.generate(), Identity.generate()
    real = _log(me, 4)
    forged = copy.deepcopy(real[:2])
    for seq in (3, 4):  # ended, as every exported copy, on an export record
        forged.append(
            sign(
                forger,
                study="s-guid",
                seq=seq,
                event=case_audit.REMOVED if seq == 3 else case_audit.EXPORTED,
                data={"item": "i1"} if seq == 3 else {"format": "md", "sha256": "0" * 64},
                previous=forged[-1],
            )
        )
    path = _write(tmp_path / "forged.audit.json", forged)
    # Without a key, a copy signed by two keys is refused (attack3): the reader who
    # finds the researcher's key id among the signers would take the forger's tail.
    with pytest.raises(CaseAuditInvalid):
        CaseAuditService.verify_file(path)
    both = [me.public.key_id_hex, forger.public.key_id_hex]
    check = CaseAuditService.verify_file(path, both)  # both named: as a rotated key's log
    assert set(check.key_ids) == set(both)
    with pytest.raises(CaseAuditInvalid):
        CaseAuditService.verify_file(path, [me.public.key_id_hex])


@pytest.mark.parametrize("how", ["replayed", "reordered", "from-another-study", "seq-renumbered"])
def test_replayed_or_reordered_records_in_a_copy_fail(tmp_path: Path, how: str) -> None:
    me = Identity.generate()
    log = _log(me, 4)
    if how == "replayed":  # one record twice
        log = [*log[:3], copy.deepcopy(log[2]), log[3]]
    elif how == "reordered":
        log = [log[0], log[2], log[1], log[3]]
    elif how == "from-another-study":  # same researcher, same position, another study
        other = _log(me, 4, study="t-guid")
        log = [*log[:2], other[2], log[3]]
    else:  # a record dropped and the later ones renumbered (hashes no longer match)
        log = [log[0], log[2], log[3]]
        for n, rec in enumerate(log, start=1):
            rec["record"]["seq"] = n
    path = _write(tmp_path / f"{how}.audit.json", log)
    with pytest.raises(CaseAuditInvalid):
        CaseAuditService.verify_file(path, [me.public.key_id_hex])


# --- the closed vault file --------------------------------------------------------------------
@pytest.mark.parametrize(
    "edit",
    [
        "DELETE FROM case_audit WHERE seq = 2",
        "UPDATE case_audit SET seq = 99 WHERE seq = (SELECT MAX(seq) FROM case_audit)",
        "DELETE FROM case_items",
        "UPDATE case_items SET revision_id = 'other'",
        "UPDATE case_studies SET updated_at = updated_at + 1",
    ],
)
def test_a_row_dropped_or_moved_in_the_closed_file_fails_unlock(study: Study, edit: str) -> None:
    r = study.researcher
    case = study.new_case()
    r.case_studies.add(case, study.at("research"))
    r.lock()
    with raw_db(r.path) as conn:
        assert conn.execute(edit).rowcount > 0
        conn.commit()
    with pytest.raises(VaultStateTampered):
        r.unlock(PASSPHRASE)


def test_an_approval_put_back_from_before_it_was_shortened_fails_unlock(study: Study) -> None:
    """Expiry lives in the sealed study record; the row from before the committee
    shortened it (its blob and its clock column together) is an older copy of a trust row."""
    r = study.researcher
    cs = r.case_studies
    case = study.new_case()  # approved for 200 days
    r._unlocked().db.checkpoint()
    with raw_db(r.path) as conn:
        old = conn.execute(
            "SELECT created_at, updated_at, blob FROM case_studies WHERE id = ?", (case,)
        ).fetchone()
    cs.approve(case, committee="CEC", reference="2", expires=date.today() - timedelta(days=1))
    assert cs.get(case).status == "expired"
    r.lock()
    with raw_db(r.path) as conn:
        conn.execute(
            "UPDATE case_studies SET created_at = ?, updated_at = ?, blob = ? WHERE id = ?",
            (*old, case),
        )
        conn.commit()
    with pytest.raises(VaultStateTampered):
        r.unlock(PASSPHRASE)


# --- consent ------------------------------------------------------------------------------------
def test_a_withdrawal_racing_an_addition_never_leaves_the_item_visible(study: Study) -> None:
    r = study.researcher
    cs = r.case_studies
    case = study.new_case()
    bundle = study.withdraw("research")
    entry = study.at("research")
    errors: list[BaseException] = []

    def withdraw() -> None:
        try:
            r.imports.import_bundle(bundle)
        except BaseException as exc:  # reported below
            errors.append(exc)

    worker = threading.Thread(target=withdraw)
    worker.start()
    added = refused = 0
    while worker.is_alive() or not (added or refused):
        try:
            cs.add(case, entry)
            added += 1
            break
        except CaseConsentMissing:
            refused += 1
            break
    worker.join()
    assert errors == []
    # Whichever won, the entry is not in the study once the withdrawal is stored.
    assert all(i.entry_id != entry for i in cs.items(case))
    if added:
        assert [e.event for e in cs.audit.events(case)][-1] == case_audit.WITHDRAWN
    with pytest.raises(CaseConsentMissing):
        cs.add(case, entry)


def test_the_exported_audit_log_names_nobody(study: Study, tmp_path: Path) -> None:
    r = study.researcher
    cs = r.case_studies
    case = study.new_case(title="Estudio de Valentina Rojas")
    cs.add(case, study.at("research"))
    cs.pseudonymise.add_term(case, "pupil", "Martina Soto")
    cs.pseudonymise.apply(case, cs.pseudonymise.propose(case))  # reviewed: it may go
    out = tmp_path / "exp"
    out.mkdir()
    cs.exports.export(case, "md", out / "r.md")
    audit = out / "r.md.audit.json"
    raw = audit.read_bytes()
    for canary in CANARIES:
        assert canary.encode() not in raw
        assert json.dumps(canary).encode() not in raw  # nor escaped
    assert sorted(p.name for p in out.iterdir()) == ["r.md", "r.md.audit.json"]  # no temp left
    check = CaseAuditService.verify_file(audit, [r.identity.public().key_id_hex])
    assert check.head == cs.audit.verify(case).head


def test_a_withdrawal_arriving_while_an_export_is_written_marks_it_outdated(
    study: Study, tmp_path: Path
) -> None:
    """The export reads the items, builds the file (here: the withdrawal bundle is
    imported at that moment, through the export's own progress report), then logs the
    export. The file holds the withdrawn entry: the export must not be listed as current
    (the log's order, "withdrawn" then "exported", would suggest it honoured it)."""
    from reflectdesk.progress import Progress
    from reflectdesk.services.case_export import BUILT

    r = study.researcher
    cs = r.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))
    bundle = study.withdraw("research")

    def progress(p: Progress) -> None:
        if p.done == BUILT:  # the file is built from the items read before
            r.imports.import_bundle(bundle)

    result = cs.exports.export(case, "md", tmp_path / "r.md", progress=progress)
    assert result.record.outdated
    assert cs.items(case) == []
    events = cs.audit.events(case)
    assert [e.event for e in events][-2:] == [case_audit.WITHDRAWN, case_audit.EXPORTED]
    assert events[-1].data["items"] == 1  # the export holds the withdrawn entry
    assert events[-1].data.get("outdated") is True  # and the log says so
    (record,) = cs.get(case).exports
    assert record.outdated, "an export holding a withdrawn entry is listed as current"


def test_a_withdrawal_in_a_batch_group_leaves_every_study_with_a_valid_log(study: Study) -> None:
    """The withdrawal is stored in a batch import's group transaction (a SAVEPOINT among
    other bundles): the items leave the study and the log's chain stays whole."""
    r = study.researcher
    cs = r.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))
    cs.add(case, study.at("pseudo"))
    r.batch_import.group_bundles = 64
    report = r.batch_import.run([study.withdraw("research")])
    assert [i.outcome.value for i in report.items] == ["imported"]
    assert [i.entry_id for i in cs.items(case)] == [study.at("pseudo")]
    events = cs.audit.verify(case).events
    assert [e.event for e in events].count(case_audit.WITHDRAWN) == 1
    r.lock()
    r.unlock(PASSPHRASE)  # the sealed state followed the group's commit
    assert [i.entry_id for i in cs.items(case)] == [study.at("pseudo")]


def test_the_information_sheet_deleted_in_the_closed_file_fails_unlock(
    study: Study, tmp_path: Path
) -> None:
    """The ethics information sheet is the approval's evidence: deleting its row from the
    closed file must not turn the study into one approved "without a sheet"."""
    r = study.researcher
    cs = r.case_studies
    case = cs.create("Fracciones").id
    sheet = tmp_path / "hoja.pdf"
    sheet.write_bytes(b"%PDF-1.4 hoja informativa")
    cs.approve(
        case, committee="CEC", reference="1", expires=date.today() + timedelta(days=9), sheet=sheet
    )
    r.lock()
    with raw_db(r.path) as conn:
        assert conn.execute("DELETE FROM case_files").rowcount == 1
        conn.commit()
    with pytest.raises(VaultStateTampered):
        r.unlock(PASSPHRASE)
