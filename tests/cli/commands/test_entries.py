"""`journal`, `entry`, `attachment` and `search` through the real CLI, JSON output."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.support import CliResult

Cli = Callable[..., CliResult]


def test_journal_entry_search_flow(ready: Cli, tmp_path: Path) -> None:
    jid = ready("journal", "create", "Práctica I").out.strip()
    listed = json.loads(ready("journal", "list", "--json").out)
    assert listed[0]["id"] == jid and listed[0]["title"] == "Práctica I"
    md = tmp_path / "nota.md"
    md.write_text("# Clase de fracciones\n\nHoy trabajamos la reflexión en grupos.\n")
    att = tmp_path / "pauta.pdf"
    att.write_bytes(b"%PDF-1.4 fake but real bytes")
    r = ready(
        "entry",
        "add",
        "--journal",
        "Práctica I",
        "--from-markdown",
        str(md),
        "--tag",
        "fracciones",
        "--standard",
        "A1",
        "--date",
        "2026-04-02",
        "--attach",
        str(att),
    )
    assert r.code == 0, r.err
    eid = r.out.strip()
    entries = json.loads(ready("entry", "list", "--json").out)
    assert entries[0]["id"] == eid and entries[0]["title"] == "Clase de fracciones"
    assert entries[0]["date"] == "2026-04-02"

    hits = json.loads(ready("search", "reflexion", "--json").out)
    assert [h["id"] for h in hits] == [eid]
    assert "[reflexión]" in hits[0]["snippet"]
    assert json.loads(ready("search", "reflexion", "--tag", "otra", "--json").out) == []
    assert len(json.loads(ready("search", "grupo*", "--from", "2026-04-01", "--json").out)) == 1

    r = ready("entry", "edit", eid, "--section", "body=Texto nuevo")
    assert r.code == 0 and "2" in r.out
    history = json.loads(ready("entry", "history", eid, "--json").out)
    assert [h["seq"] for h in history] == [1, 2]
    assert history[1]["started_at"] is None  # the CLI writes no editing session
    diff = ready("entry", "diff", eid, history[0]["id"], history[1]["id"]).out
    assert "+Texto nuevo" in diff
    assert ready("entry", "restore", eid, history[0]["id"]).code == 0

    shown = json.loads(ready("entry", "show", eid, "--format", "json").out)
    assert shown["revision"]["seq"] == 3
    att_id = shown["attachments"][0]["id"]
    out = tmp_path / "copia.pdf"
    r = ready("attachment", "get", att_id, "-o", str(out))
    assert r.code == 0 and "not encrypted" in r.out
    assert out.read_bytes() == att.read_bytes()
    assert "Clase de fracciones" in ready("entry", "show", eid, "--format", "md").out


def test_attachment_over_limit(ready: Cli, tmp_path: Path) -> None:
    ready("journal", "create", "J")
    big = tmp_path / "big.bin"
    with big.open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)
    r = ready("entry", "add", "--journal", "J", "--title", "x", "--attach", str(big))
    assert r.code == 6 and "50 MB" in r.err
    assert json.loads(ready("entry", "list", "--json").out) == []
