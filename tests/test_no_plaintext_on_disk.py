"""Non-negotiable 3: journal text, titles, tags, names and attachments never reach
the disk unencrypted. Every CLI command runs as a real process with its own temp
dir; a last one writes and searches, then is killed before any checkpoint (its edits
and their search-index rows only in the WAL); a backup is made of that, verified and
restored; then every file under the vault dir, the backup folder, the restored vault
and the temp dir (database with its index, WAL, SHM, journal, lock, logs, temp files,
backup files) is scanned for the canaries, raw and UTF-16."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from reflectdesk.storage.database import DB_NAME
from tests.support import PYTHON, cli_env

CANARY = "CANARYx7f3aQ"
CANARIES = {
    "name": f"Camila {CANARY}name",
    "journal": f"Diario {CANARY}journal",
    "title": f"Título {CANARY}title",
    "section": f"Reflexión {CANARY}section ñandú",
    "tag": f"{CANARY}tag",
    "standard": f"{CANARY}std",
    "attachment": f"{CANARY}attachment-bytes",
    "filename": f"{CANARY}file.txt",
    "markdown": f"{CANARY}markdown",
    "edit": f"{CANARY}edit",
    "case": f"Estudio {CANARY}case",
    "pupil": f"Martina {CANARY}pupil",
    "memo": f"{CANARY}memo",
    "sheet": f"{CANARY}sheet-bytes",
}


# Writes entries (and so their index rows) holding the canary, searches them (sorting
# and snippets: where SQLite would spill to temp files), then dies without a checkpoint.
_KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from reflectdesk.domain.model import EntryContent
from reflectdesk.services.vault import Vault
vault = Vault.open(Path(sys.argv[1]))
vault.unlock(sys.argv[2])
canary = sys.argv[4]
for i in range(40):
    vault.entries.add(sys.argv[3], EntryContent(
        title=f"{canary}wal {i}", sections={"body": f"{canary}index " * 400},
        tags=(f"{canary}tag",)))
assert vault.search.query(canary + "index", limit=100)
assert vault.search.query(canary[:6] + "*", limit=100)
vault.entries.list(sort="title")
os.kill(os.getpid(), signal.SIGKILL)
"""


def _encodings(text: str) -> list[bytes]:
    return [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def _scan(roots: list[Path]) -> list[str]:
    needles = [(label, b) for label, t in CANARIES.items() for b in _encodings(t)]
    needles += [("canary", b) for b in _encodings(CANARY)]
    hits = []
    for root in roots:
        for path in root.rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            for label, needle in needles:
                if needle in data:
                    hits.append(f"{path.relative_to(root)}: {label}")
    return hits


def test_canaries_never_reach_disk(tmp_path: Path) -> None:
    home = tmp_path / "home"  # REFLECTDESK_HOME: settings, and the vault in vault/
    vault_dir = home / "vault"
    tmp_dir = tmp_path / "tmp"
    outside = tmp_path / "outside"  # the user's own files and explicit exports
    tmp_dir.mkdir()
    outside.mkdir()
    env = cli_env(home, TMPDIR=str(tmp_dir), TEMP=str(tmp_dir), TMP=str(tmp_dir))

    def run(*argv: str, **extra: str) -> str:
        proc = subprocess.run(
            [PYTHON, "-m", "reflectdesk.cli", *argv],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, (argv, proc.stderr)
        return proc.stdout

    out = run("init", "--name", CANARIES["name"], "--role", "student", "--insecure-test-kdf")
    recovery = next(line.strip() for line in out.splitlines() if line.count("-") == 13)
    jid = run("journal", "create", CANARIES["journal"]).strip()
    attachment = outside / CANARIES["filename"]
    attachment.write_text(CANARIES["attachment"] * 2000)
    md = outside / "nota.md"
    md.write_text(f"# {CANARIES['title']}\n\n{CANARIES['markdown']} texto\n")
    eid = run(
        "entry",
        "add",
        "--journal",
        jid,
        "--title",
        CANARIES["title"],
        "--section",
        f"body={CANARIES['section']}",
        "--tag",
        CANARIES["tag"],
        "--standard",
        CANARIES["standard"],
        "--attach",
        str(attachment),
    ).strip()
    run("entry", "add", "--journal", jid, "--from-markdown", str(md))
    run("entry", "edit", eid, "--section", f"body={CANARIES['edit']}", "--tag", CANARIES["tag"])
    run("journal", "list", "--json")
    run("entry", "list", "--json")
    shown = json.loads(run("entry", "show", eid, "--format", "json"))
    run("entry", "show", eid, "--format", "md")
    history = json.loads(run("entry", "history", eid, "--json"))
    run("entry", "diff", eid, history[0]["id"], history[1]["id"])
    run("entry", "restore", eid, history[0]["id"])
    run("search", "reflexion", "--json")
    run("search", f"{CANARY}section", "--tag", CANARIES["tag"])
    run("status", "--json")
    run("attachment", "get", shown["attachments"][0]["id"], "-o", str(outside / "copy.txt"))
    # The portfolio PDF: drawn by Qt in a child process from HTML piped through memory;
    # only the PDF the user asked for is written (no temp file here, in TMPDIR or HOME).
    run("entry", "export", eid, "--journal", jid, "--format", "pdf", "-o",
        str(outside / "portfolio.pdf"), HOME=str(home))  # fmt: skip
    assert [p.name for p in outside.iterdir() if "portfolio" in p.name] == ["portfolio.pdf"]
    assert (outside / "portfolio.pdf").read_bytes().startswith(b"%PDF-")
    # A case study (issue 15): title, codebook, a researcher's term, a memo, the
    # information sheet: all sealed in the vault.
    case = run("case", "create", CANARIES["case"], "--question", CANARIES["case"]).split()[0]
    sheet = outside / "hoja.txt"
    sheet.write_text(CANARIES["sheet"] * 100)
    run("case", "approve", case, "--committee", "CEC", "--reference", CANARIES["case"],
        "--expires", "2099-01-01", "--sheet", str(sheet))  # fmt: skip
    run("case", "codebook", case, "--add", CANARIES["case"])
    run("case", "pseudonymise", case, "--term", "pupil", CANARIES["pupil"], "--list")
    run("case", "memo", case, CANARIES["memo"])
    run("case", "show", case, "--json")
    newpass = outside / "new.txt"
    newpass.write_text("changed passphrase 1\n")
    run("passphrase", "change", "--new-passphrase-file", str(newpass))
    keyfile = outside / "key.txt"
    keyfile.write_text(recovery)
    newpass.write_text("recovered passphrase 2\n")
    run("recover", "--recovery-key-file", str(keyfile), "--new-passphrase-file", str(newpass))
    # A failing command must not spill either.
    subprocess.run(
        [PYTHON, "-m", "reflectdesk.cli", "search", f'"{CANARY}'],
        env={**env, "REFLECTDESK_PASSPHRASE": "recovered passphrase 2"},
        capture_output=True,
        timeout=120,
    )

    # Killed mid-session: the last edits only in the WAL (never checkpointed), the index
    # rows with them, whatever SQLite spilled to temp files (TMPDIR is tmp_dir).
    killed = subprocess.run(
        [PYTHON, "-c", _KILLED_WRITER, str(vault_dir), "recovered passphrase 2", jid, CANARY],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert killed.returncode == -9, killed.stderr
    assert (vault_dir / f"{DB_NAME}-wal").stat().st_size > 0

    # Backups (issue 16): made from the vault with its last edits only in the WAL, checked
    # (in a private temp folder under TMPDIR) and restored beside it: all scanned below.
    after = {"REFLECTDESK_PASSPHRASE": "recovered passphrase 2"}
    made = json.loads(run("backup", "create", str(home / "backups"), "--json", **after))
    run("backup", "verify", made["file"], **after)
    run("backup", "restore", made["file"], "--to", str(home / "restored"), **after)
    run("--vault", str(home / "restored"), "search", f"{CANARY}index", **after)
    assert (home / "restored" / "vault.rdh").exists()
    assert sorted(p.name for p in tmp_dir.iterdir()) == []  # the verify folder is gone

    if os.name == "posix":
        modes = {p.name: p.stat().st_mode & 0o777 for p in vault_dir.iterdir()}
        assert all(m == 0o600 for m in modes.values()), modes
        assert vault_dir.stat().st_mode & 0o777 == 0o700
    files = sorted(p.name for p in vault_dir.iterdir())
    assert DB_NAME in files and "vault.rdh" in files
    assert _scan([home, tmp_dir]) == []
    # The scan itself can find what it looks for: the user's own file holds the canary.
    assert _scan([outside])
