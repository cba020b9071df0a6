"""`case audit verify --file F [--key K] [--project P]` on forged copies (attack2, 03 Dec):
a log with no records used to print "verifies: 0 records" with exit 0 under any --key; a
copy cut short, and another study's copy passed off as this project's, used to verify."""

from __future__ import annotations

from pathlib import Path

from reflectdesk.bundles.keys import Identity
from reflectdesk.services.case_audit import CaseAuditService, file_bytes, read_file
from tests.cli.conftest import Cli
from tests.services.case_helpers import Study, make_study


def test_an_empty_audit_log_does_not_verify_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    key = Identity.generate().public.key_id_hex
    path = tmp_path / "estudio.qdpx.audit.json"
    path.write_bytes(file_bytes([]))
    r = cli("case", "audit", "verify", "--file", str(path), "--key", key)
    assert r.code == 6 and "audit log does not verify" in r.err
    assert "verifies" not in r.out


# --- a copy cut short, another study's copy (adversary, 03 Dec; fixed the same day) -------
def _two_studies(tmp_path: Path, vault_dir: Path) -> tuple[Study, str, str]:
    study = make_study(tmp_path, vault_dir / "vault")
    cs = study.researcher.case_studies
    mine = study.new_case(title="Fracciones")
    cs.add(mine, study.at("research"))
    other = study.new_case(title="Otro estudio")
    cs.coding.add_code(other, "Otro")
    study.researcher.close()  # the CLI opens it
    return study, mine, other


def test_a_truncated_copy_and_another_studys_copy_fail_from_the_command_line(
    cli: Cli, tmp_path: Path, vault_dir: Path
) -> None:
    study, mine, other = _two_studies(tmp_path, vault_dir)
    try:
        a, b = tmp_path / "mine.qdpx", tmp_path / "other.qdc"
        assert cli("case", "export", mine, str(a), "--format", "qdpx").code == 0
        assert cli("case", "export", other, str(b), "--format", "qdc").code == 0
        a_log, b_log = Path(f"{a}.audit.json"), Path(f"{b}.audit.json")
        # The genuine copy with its project: verifies, and says what it proves.
        r = cli("case", "audit", "verify", "--file", str(a_log), "--project", str(a))
        assert r.code == 0, r.err
        check = CaseAuditService.verify_file(a_log)
        assert check.export is not None
        assert f"Study: {check.study}." in r.out
        assert f"the qdpx export of {check.export.at.isoformat()}" in r.out
        assert check.export.sha256 is not None and check.export.sha256 in r.out
        assert "mine.qdpx is that export: its SHA-256 matches." in r.out
        r = cli("case", "audit", "verify", mine, "--file", str(a_log), "--project", str(a))
        assert r.code == 0 and "this study's log in the vault" in r.out, r.err
        # (a) Truncated: the records kept are intact and canonical, the end is gone.
        cut = tmp_path / "cut.audit.json"
        cut.write_bytes(file_bytes(read_file(a_log)[:-1]))
        r = cli("case", "audit", "verify", "--file", str(cut))
        assert r.code == 6 and "audit log does not verify" in r.err and "verifies" not in r.out
        # (b) Another study's copy (same researcher, same key) for this project: refused.
        r = cli("case", "audit", "verify", "--file", str(b_log), "--project", str(a))
        assert r.code == 6 and "does not end on the export of this file (mine.qdpx)" in r.err
        r = cli("case", "audit", "verify", mine, "--file", str(b_log))
        assert r.code == 6 and "audit log does not verify" in r.err
        # Spanish.
        r = cli("case", "audit", "verify", "--file", str(b_log), "--project", str(a),
                env={"REFLECTDESK_LANG": "es"})  # fmt: skip
        assert r.code == 6 and "no termina en la exportación de este archivo (mine.qdpx)" in r.err
        # --project needs --file.
        assert cli("case", "audit", "verify", mine, "--project", str(a)).code == 6
    finally:
        study.student.close()


# --- attack3 (03 Dec): a tail signed by another key ------------------------------------
def test_a_copy_continued_by_another_key_fails_from_the_command_line(
    cli: Cli, tmp_path: Path, vault_dir: Path
) -> None:
    from reflectdesk.services.case_audit import EXPORTED, file_sha256, sign

    study, mine, _other = _two_studies(tmp_path, vault_dir)
    try:
        a = tmp_path / "mine.qdpx"
        assert cli("case", "export", mine, str(a), "--format", "qdpx").code == 0
        log = Path(f"{a}.audit.json")
        own = CaseAuditService.verify_file(log).key_ids[0]
        forged = tmp_path / "forged.qdpx"
        forged.write_bytes(a.read_bytes() + b"\0")
        records = read_file(log)
        extra = sign(
            Identity.generate(),
            study=str(records[-1]["record"]["study"]),
            seq=len(records) + 1,
            event=EXPORTED,
            data={"format": "qdpx", "sha256": file_sha256(forged)},
            previous=records[-1],
        )
        spliced = tmp_path / "forged.qdpx.audit.json"
        spliced.write_bytes(file_bytes([*records, extra]))
        for args in (
            ("--file", str(spliced), "--project", str(forged)),
            ("--file", str(spliced), "--project", str(forged), "--key", own),
            (mine, "--file", str(spliced), "--project", str(forged)),
        ):
            r = cli("case", "audit", "verify", *args)
            assert r.code == 6 and "audit log does not verify" in r.err, (args, r.out)
            assert "matches" not in r.out
        r = cli("case", "audit", "verify", "--file", str(log), "--project", str(a), "--key", own)
        assert r.code == 0, r.err
    finally:
        study.student.close()
