"""Issue 11: what the page-encrypted designs do to the vault's promises (evidence for
docs/scale-design.md; not a test of shipped code).

    .venv/bin/python benchmarks/check_page_designs.py [--kills 30]

For each page design (``vault_designs.PAGE_DESIGNS``), on a small vault of its own:

1. canary: a marker word written through an edit is looked for in every file of the
   vault folder (database, ``-wal``, ``-shm``) while the connection is open, after a
   checkpoint, and after a SIGKILL in the middle of a write;
2. wrong key: opening with another data key fails before any row is read;
3. rekey: ``PRAGMA rekey`` in WAL mode, then the old key fails and the new one opens;
4. rollback of one page: an older copy of a page put back in place of the current one;
   a page moved to another position;
5. crash safety: ``--kills`` SIGKILLs at random moments while a child edits; every edit
   that returned before the kill must be there, and both integrity checks pass.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import PASSPHRASE, build, make_content
from vault_designs import (
    PAGE_DB,
    PAGE_DESIGNS,
    PageDb,
    PageVault,
    migrate_to_pages,
    page_key_of,
    unwrap_dek,
)

OUT = Path(__file__).resolve().parent / "out"
MARK = "zqxcanaryword"


def files_with(folder: Path, needle: bytes) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file() and needle in p.read_bytes())


def open_vault(d: Path, design: str) -> PageVault:
    dek, vault_id, _ = unwrap_dek(d, PASSPHRASE)
    return PageVault(d, design, dek, vault_id)


def content_with(word: str, seed: int):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    c = make_content(random.Random(seed), date(2026, 5, 1))
    return replace(c, title=f"{word} {c.title}")


def canary(d: Path, design: str) -> dict[str, object]:
    pv = open_vault(d, design)
    entry = pv.entry_ids(1)[0]
    pv.edit(entry, content_with(MARK, 1))
    found = pv.search(MARK)
    out: dict[str, object] = {
        "search_finds_marker": bool(found),
        "open": files_with(d, MARK.encode()),
    }
    pv.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    out["after_checkpoint"] = files_with(d, MARK.encode())
    # The page header of a plain SQLite file is readable text; here it must not be.
    out["plain_sqlite_header"] = (d / PAGE_DB).read_bytes()[:16] == b"SQLite format 3\x00"
    pv.lock()
    return out


def wrong_key(d: Path, design: str) -> str:
    try:
        db = PageDb(d / PAGE_DB, design, os.urandom(32))
        db.execute("SELECT count(*) FROM entries").fetchall()
    except Exception as exc:
        return f"refused: {type(exc).__name__}: {exc}"
    return "OPENED WITH A WRONG KEY"


def rekey(d: Path, design: str) -> dict[str, object]:
    work = d.parent / (d.name + "-rekey")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(d, work)
    dek, _, _ = unwrap_dek(work, PASSPHRASE)
    old, new = page_key_of(dek), os.urandom(32)
    db = PageDb(work / PAGE_DB, design, old)
    n = db.execute("SELECT count(*) FROM entries").fetchall()[0][0]
    t = time.perf_counter()
    if design.startswith("mc-"):
        db.execute(f"PRAGMA hexrekey='{new.hex()}'").fetchall()
    else:
        db.execute(f"PRAGMA rekey = \"x'{new.hex()}'\"").fetchall()
    secs = time.perf_counter() - t
    db.close()
    result: dict[str, object] = {"seconds": secs, "mb": (work / PAGE_DB).stat().st_size / 1e6}
    for name, key in (("old_key", old), ("new_key", new)):
        try:
            db = PageDb(work / PAGE_DB, design, key)
            got = db.execute("SELECT count(*) FROM entries").fetchall()[0][0]
            db.close()
            result[name] = "opens" if got == n else f"opens, {got} rows"
        except Exception as exc:
            result[name] = f"refused ({type(exc).__name__})"
    shutil.rmtree(work)
    return result


def rollback(d: Path, design: str) -> dict[str, object]:
    """Put an older copy of a page back; move a page elsewhere."""
    work = d.parent / (d.name + "-rollback")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(d, work)
    dek, _, _ = unwrap_dek(work, PASSPHRASE)
    db = PageDb(work / PAGE_DB, design, page_key_of(dek))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    page_size = int(db.execute("PRAGMA page_size").fetchall()[0][0])
    entry = db.execute("SELECT id FROM entries ORDER BY id LIMIT 1").fetchall()[0][0]
    db.close()
    before = (work / PAGE_DB).read_bytes()
    # The trust-deciding kind of change issue 10 names: a flag on one row.
    db = PageDb(work / PAGE_DB, design, page_key_of(dek))
    db.execute("UPDATE entries SET deleted = 1 WHERE id = ?", (entry,))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    db.close()
    after = (work / PAGE_DB).read_bytes()
    changed = [
        i
        for i in range(len(after) // page_size)
        if before[i * page_size : (i + 1) * page_size] != after[i * page_size : (i + 1) * page_size]
    ]
    out: dict[str, object] = {"pages_changed_by_the_update": len(changed)}
    # 1. Old copies of the changed pages put back: a rollback of that row.
    rolled = bytearray(after)
    for i in changed:
        rolled[i * page_size : (i + 1) * page_size] = before[i * page_size : (i + 1) * page_size]
    (work / PAGE_DB).write_bytes(bytes(rolled))
    try:
        db = PageDb(work / PAGE_DB, design, page_key_of(dek))
        flag = db.execute("SELECT deleted FROM entries WHERE id = ?", (entry,)).fetchall()[0][0]
        check = db.execute("PRAGMA integrity_check").fetchall()[0][0]
        db.close()
        out["old_page_put_back"] = (
            f"NOT DETECTED: row reads deleted={flag} (was set to 1), integrity_check={check}"
        )
    except Exception as exc:
        out["old_page_put_back"] = f"detected: {type(exc).__name__}: {exc}"
    # 2. A page moved to another position (two pages swapped).
    a, b = changed[0], (changed[0] + 7) % (len(after) // page_size) or 2
    swapped = bytearray(after)
    swapped[a * page_size : (a + 1) * page_size] = after[b * page_size : (b + 1) * page_size]
    swapped[b * page_size : (b + 1) * page_size] = after[a * page_size : (a + 1) * page_size]
    (work / PAGE_DB).write_bytes(bytes(swapped))
    try:
        db = PageDb(work / PAGE_DB, design, page_key_of(dek))
        db.execute("SELECT count(*), sum(deleted) FROM entries").fetchall()
        check = db.execute("PRAGMA integrity_check").fetchall()[0][0]
        db.close()
        out["pages_swapped"] = f"NOT DETECTED (integrity_check={check})"
    except Exception as exc:
        out["pages_swapped"] = f"detected: {type(exc).__name__}: {exc}"
    shutil.rmtree(work)
    return out


CRASH_CHILD = r"""
import sys, random
sys.path.insert(0, sys.argv[3])
from pathlib import Path
from check_page_designs import open_vault, content_with
pv = open_vault(Path(sys.argv[1]), sys.argv[2])
ids = pv.entry_ids(200)
i = 0
while True:
    i += 1
    word = f"crashmark{i:06d}"
    pv.edit(ids[i % len(ids)], content_with(word, i))
    print(i, ids[i % len(ids)], flush=True)
"""


def crash(d: Path, design: str, kills: int) -> dict[str, object]:
    work = d.parent / (d.name + "-crash")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(d, work)
    rng = random.Random(11)
    returned = lost = 0
    checks: set[str] = set()
    plaintext_files: set[str] = set()
    for _ in range(kills):
        proc = subprocess.Popen(
            [sys.executable, "-c", CRASH_CHILD, str(work), design, str(Path(__file__).parent)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # writing has started (imports and unlock done)
        time.sleep(rng.uniform(0.0, 0.8))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        out = first + out
        done = [line.split() for line in out.splitlines() if line.strip()]
        # The WAL as the kill left it, before any reopen replays or checkpoints it.
        plaintext_files.update(files_with(work, b"crashmark"))
        pv = open_vault(work, design)
        latest: dict[str, int] = {}
        for i, entry in done:
            latest[entry] = int(i)
        for entry, i in latest.items():
            returned += 1
            # The head is this edit or a later one (a commit may finish unprinted), and
            # the index row says the same as the sealed head revision.
            (title,) = pv.db.execute(
                "SELECT title FROM search_meta WHERE entry_id = ?", (entry,)
            ).fetchall()[0]
            seq, head = pv.db.execute(
                "SELECT head_seq, head_revision_id FROM entries WHERE id = ?", (entry,)
            ).fetchall()[0]
            (blob,) = pv.db.execute(
                "SELECT blob FROM entry_revisions WHERE id = ?", (head,)
            ).fetchall()[0]
            sealed = pv.cipher.open_json("entry_revisions", f"{entry}/{head}", seq, blob)
            j = int(title[9:15]) if title.startswith("crashmark") else -1
            lost += not (j >= i and sealed["content"]["title"] == title)
        checks.add(pv.db.execute("PRAGMA integrity_check").fetchall()[0][0])
        pv.db.execute("INSERT INTO docs(docs, rank) VALUES ('integrity-check', 1)")
        pv.lock()
    shutil.rmtree(work)
    return {
        "kills": kills,
        "entries_whose_last_returned_edit_was_checked": returned,
        "lost": lost,
        "integrity_check": sorted(checks),
        "fts_integrity_check": "ok (no error raised)",
        "files_with_plaintext_after_kill": sorted(plaintext_files),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=30)
    ap.add_argument("--designs", default=",".join(PAGE_DESIGNS))
    args = ap.parse_args()
    base = build(OUT, 500)
    report: dict[str, object] = {}
    for design in args.designs.split(","):
        d = OUT / f"check-{design}"
        migrate_to_pages(base, d, design, PASSPHRASE)
        report[design] = {
            "canary": canary(d, design),
            "wrong_key": wrong_key(d, design),
            "rekey": rekey(d, design),
            "rollback": rollback(d, design),
            "crash": crash(d, design, args.kills),
        }
        print(json.dumps({design: report[design]}, indent=1), flush=True)
        shutil.rmtree(d)
    (OUT / "check_page_designs.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
