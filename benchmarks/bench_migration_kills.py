"""SIGKILL at random moments of the conversion to format 3 (issue 11, point 2).

    .venv/bin/python benchmarks/bench_migration_kills.py [--entries 2000] [--kills 30]

Builds a corpus vault (corpus.py), turns it back into the format-2 layout (plaintext
``vault.db`` with sealed records: what 0.5 wrote), times one full conversion, then for
each run copies the format-2 vault, starts an unlock in a child process (which converts
it) and kills it with SIGKILL at a random moment of that span. After every kill the
vault must unlock (finishing the conversion if the kill came before the header switch),
hold every entry with the same head, pass ``integrity_check`` and FTS5's check, and
leave no old or partial file behind.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import PASSPHRASE, build

OUT = Path(__file__).resolve().parent / "out"
CHILD = """
import sys
from pathlib import Path
from reflectdesk.services.vault import Vault
vault = Vault.open(Path(sys.argv[1]))
print("ready", flush=True)
vault.unlock(sys.argv[2])
vault.close()
"""


def _dek(vault_dir: Path) -> bytes:
    from reflectdesk.crypto import aead, kdf
    from reflectdesk.vault.header import read_header

    header = read_header(vault_dir)
    slot = header.passphrase_slot
    ad = f"RDSLOT1|{header.vault_id}|passphrase".encode()
    dek = aead.unwrap_key(kdf.derive_key(PASSPHRASE, header.kdf), slot.nonce, slot.wrapped, ad)
    assert dek is not None
    return dek


def to_format_2(src: Path, dst: Path) -> None:
    """A copy of ``src`` (format 3) as 0.5 kept it: plaintext ``vault.db``, header 2."""
    from reflectdesk.storage import pages
    from reflectdesk.storage.database import LEGACY_DB_NAME
    from reflectdesk.vault.header import read_header, write_header

    dst.mkdir(mode=0o700)
    shutil.copy2(src / "vault.rdh", dst / "vault.rdh")
    dek = _dek(src)
    conn = pages.connect(src / "vault-pages.db", pages.page_key(dek))
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(dst / LEGACY_DB_NAME),))
    conn.execute("SELECT sqlcipher_export('plain')").fetchall()
    conn.execute("DETACH DATABASE plain")
    conn.close()
    plain = sqlite3.connect(dst / LEGACY_DB_NAME)
    for name in ("search_docs", "search_meta", "search_tags", "search_std"):
        plain.execute(f"DROP TABLE IF EXISTS {name}")
    plain.commit()
    plain.execute("PRAGMA journal_mode=WAL")
    plain.close()
    write_header(dst, replace(read_header(dst), format=2).sealed(dek))


def heads(vault_dir: Path) -> dict[str, str]:
    from reflectdesk.services.vault import Vault

    vault = Vault.open(vault_dir)
    try:
        vault.unlock(PASSPHRASE)
        assert vault.integrity_check() == "ok"
        index = vault._unlocked().index
        index.integrity_check()
        assert index.stale() == ([], [])
        listed = {s.id: s.title for s in vault.entries.list()}
        out = {}
        for s in vault.entries.list():
            out[s.id] = vault.entries.get(s.id).head.id
        assert len(listed) == len(out)
        return out
    finally:
        vault.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=2000)
    ap.add_argument("--kills", type=int, default=30)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    corpus = build(OUT, args.entries)
    work = OUT / f"migration-kills-{args.entries}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    source = work / "format2"
    to_format_2(corpus, source)
    probe = work / "probe"
    shutil.copytree(source, probe)
    t = time.perf_counter()
    expected = heads(probe)  # converts
    span = time.perf_counter() - t
    shutil.rmtree(probe)
    rng = random.Random(args.seed)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    outcomes = {"before the switch": 0, "after the switch": 0}
    for run in range(args.kills):
        path = work / f"k{run}"
        shutil.copytree(source, path)
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), PASSPHRASE],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, span * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        from reflectdesk.vault.header import read_header

        fmt = read_header(path).format
        outcomes["after the switch" if fmt == 3 else "before the switch"] += 1
        assert heads(path) == expected, run
        left = sorted(p.name for p in path.iterdir())
        assert left == ["vault-pages.db", "vault.lock", "vault.rdh"], left
        shutil.rmtree(path)
    shutil.rmtree(work)
    print(
        json.dumps(
            {
                "entries": args.entries,
                "conversion_s": round(span, 2),
                "kills": args.kills,
                "outcomes": outcomes,
                "lost": 0,
                "load_1min": os.getloadavg()[0],
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
