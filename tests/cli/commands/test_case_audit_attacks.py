"""`case audit verify --file F --key K` on a forged copy (attack2, 03 Dec): a log with no
records used to print "verifies: 0 records" with exit 0 under any --key."""

from __future__ import annotations

from pathlib import Path

from reflectdesk.bundles.keys import Identity
from reflectdesk.services.case_audit import file_bytes
from tests.cli.conftest import Cli


def test_an_empty_audit_log_does_not_verify_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    key = Identity.generate().public.key_id_hex
    path = tmp_path / "estudio.qdpx.audit.json"
    path.write_bytes(file_bytes([]))
    r = cli("case", "audit", "verify", "--file", str(path), "--key", key)
    assert r.code == 6 and "audit log does not verify" in r.err
    assert "verifies" not in r.out
