"""Benchmark: export and import a large bundle through the SERVICES, next to ``age``.

A student vault with 1,000 entries (~600 words each, the corpus generator's text) and
100 MB of attachments (20 x 5 MB of random bytes, one per entry); a mentor vault that
has the student's card. Measured:

* export (``BundleExportService.export``: read and decrypt from the vault, build, sign,
  encrypt, write atomically) against ``age -r`` encrypting the same ZIP;
* import (``BundleImportService.import_bundle``: read, every check of ``open_bundle``, plan,
  one SQLite transaction that seals every revision and attachment chunk, commit with
  ``synchronous=FULL``, index) against ``age -d`` decrypting it. Each import runs in a
  fresh child process on a fresh copy of the mentor vault; its peak RSS comes from
  ``resource.getrusage`` in that child (target: <= 2 x bundle + 150 MB);
* the phases of each (from the progress reports), so the cost can be placed;
* what the CLI and the GUI do (a preview, then the import): ``prepare`` +
  ``import_prepared``, one read and one decryption, next to ``preview`` + ``import_bundle``
  (the file read and opened twice, as before issue 10), each with its peak RSS.

Throughput is MB of ZIP (10^6 bytes) per second. The >= 0.5 x age target is for the
bundle operations, which do what age does (``bench_bundle.py``); this script adds the
vault's own work on top (reading and storing durably, indexing) and reports it for the
record (docs/benchmarks.md says why).

Run: ``.venv/bin/python benchmarks/bench_bundle_vault.py [--entries N] [--attachments N]
[--attachment-mb N] [--repeat N]``. Needs ``age`` on PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_content
from reflectdesk.bundles import age_io
from reflectdesk.bundles.age_header import parse_header
from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Consent, ExportRequest, Role
from reflectdesk.progress import Progress
from reflectdesk.services.vault import NewProfile, Vault
from timing import best_of, fsync

MB = 1_000_000
PASSPHRASE = "benchmark passphrase 2026"


class Phases:
    """Wall time at each change of progress label (the service's phases)."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.marks: list[tuple[str, float]] = []

    def __call__(self, p: Progress) -> None:
        if not self.marks or self.marks[-1][0] != p.label_code:
            self.marks.append((p.label_code, time.perf_counter() - self.start))

    def at(self, label: str) -> float:
        return next(t for name, t in self.marks if name == label)


def _make_vault(path: Path, name: str, role: Role) -> Vault:
    vault, _ = Vault.create(
        path, PASSPHRASE, NewProfile(name, role), kdf_params=KdfParams.insecure_for_tests()
    )
    return vault


def build_student(work: Path, entries: int, attachments: int, size: int) -> tuple[Vault, str]:
    rng = random.Random(2026)
    vault = _make_vault(work / "student", "Camila", Role.STUDENT)
    journal = vault.journals.create("Práctica profesional").id
    blob = work / "photo.jpg"
    start = date(2025, 3, 1)
    for i in range(entries):
        files = []
        if i < attachments:
            blob.write_bytes(os.urandom(size))
            files.append(blob)
        content = make_content(rng, start + timedelta(days=i))  # valid for its template
        vault.entries.add(journal, content, files)
    blob.unlink(missing_ok=True)
    return vault, journal


FLOWS = ("direct", "prepared", "twice")


def _child_import(mentor_dir: str, bundle: str, flow: str = "direct") -> None:
    """In a fresh process: unlock the mentor vault and import, nothing else.

    ``direct``: ``import_bundle`` (one read, no preview); ``prepared``: ``prepare`` then
    ``import_prepared`` (the CLI and GUI now); ``twice``: ``preview`` then
    ``import_bundle`` (the file read and opened a second time, as before)."""
    vault = Vault.open(Path(mentor_dir))
    vault.unlock(PASSPHRASE)
    phases = Phases()
    path = Path(bundle)
    if flow == "prepared":
        prepared = vault.imports.prepare(path, progress=phases)
        result = vault.imports.import_prepared(prepared, progress=phases)
    elif flow == "twice":
        vault.imports.preview(path, progress=phases)
        result = vault.imports.import_bundle(path, progress=phases)
    else:
        result = vault.imports.import_bundle(path, progress=phases)
    total = time.perf_counter() - phases.start
    stored = phases.at("import-entries")
    vault.close()
    print(
        json.dumps(
            {
                "total_s": total,
                "open_plan_s": stored,
                "store_s": total - stored,
                "entries": len(result.entries_new),
                "attachments": result.attachments_added,
            }
        )
    )


def _measure_import(mentor_dir: str, bundle: str, flow: str = "direct") -> None:
    """A small process that spawns the import and reads its peak RSS.

    Linux carries the RSS a process had when it forked into the child's maximum, so the
    import is spawned from this small interpreter, not from the benchmark's big one.
    """
    child = [sys.executable, __file__, "--child-import", mentor_dir, bundle, "--flow", flow]
    proc = subprocess.run(child, check=True, capture_output=True, text=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / MB
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--attachments", type=int, default=20)
    parser.add_argument("--attachment-mb", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child-import", nargs=2, metavar=("MENTOR_DIR", "BUNDLE"))
    parser.add_argument("--measure-import", nargs=2, metavar=("MENTOR_DIR", "BUNDLE"))
    parser.add_argument("--flow", choices=FLOWS, default="direct")
    args = parser.parse_args()
    if args.child_import:
        _child_import(*args.child_import, flow=args.flow)
        return
    if args.measure_import:
        _measure_import(*args.measure_import, flow=args.flow)
        return
    age = shutil.which("age")
    if age is None:
        sys.exit("the age binary is needed (apt-get install age)")

    with tempfile.TemporaryDirectory(prefix="rd-bench-vault-") as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        student, journal = build_student(
            work, args.entries, args.attachments, args.attachment_mb * MB
        )
        mentor = _make_vault(work / "mentor", "Ana", Role.MENTOR)
        mentor_id = student.contacts.import_card(mentor.identity.card()).contact.id  # type: ignore[union-attr]
        mentor.contacts.import_card(student.identity.card())
        mentor.close()
        print(f"setup: {args.entries} entries, {args.attachments} attachments in "
              f"{time.perf_counter() - t0:.0f} s")  # fmt: skip
        out = work / "out"
        out.mkdir()
        request = ExportRequest(
            recipients=(mentor_id,), journal_id=journal, consent=Consent.RESEARCH
        )
        exports: list[tuple[float, Phases]] = []
        bundle = Path()
        for _ in range(args.repeat):
            phases = Phases()
            result = student.exports.export(request, out, progress=phases)
            exports.append((time.perf_counter() - phases.start, phases))
            if bundle != Path():
                bundle.unlink()
            bundle = result.path
        export_s, export_phases = min(exports, key=lambda x: x[0])
        data = bundle.read_bytes()
        size_mb = len(data) / MB
        reader = student.identity.key_pair()
        zip_bytes = bytes(age_io.decrypt(data, reader.x25519_key, parse_header(data)))
        zip_mb = len(zip_bytes) / MB
        zip_file, enc_file, dec_file = work / "b.zip", work / "b.age", work / "out.zip"
        zip_file.write_bytes(zip_bytes)
        id_file = work / "mentor-age.txt"
        mentor = Vault.open(work / "mentor")
        mentor.unlock(PASSPHRASE)
        mentor.identity.export_age_identity(id_file)
        mentor_recipient = mentor.identity.info().age_recipient
        mentor.close()
        student_recipient = student.identity.info().age_recipient
        student.close()
        age_enc = [age, "-r", student_recipient, "-r", mentor_recipient, "-o", str(enc_file)]
        age_enc.append(str(zip_file))
        age_dec = [age, "-d", "-i", str(id_file), "-o", str(dec_file), str(enc_file)]
        subprocess.run(age_enc, check=True)
        t = best_of(
            args.repeat,
            age_enc=lambda: subprocess.run(age_enc, check=True),
            age_dec=lambda: subprocess.run(age_dec, check=True),
            # The same, made durable like our writes (the output fsynced).
            age_enc_sync=lambda: (subprocess.run(age_enc, check=True), fsync(enc_file)),
            age_dec_sync=lambda: (subprocess.run(age_dec, check=True), fsync(dec_file)),
        )
        runs: dict[str, list[dict[str, float]]] = {flow: [] for flow in FLOWS}
        for n in range(args.repeat):
            for flow in FLOWS:  # interleaved, so a noisy moment hits every flow alike
                copy = work / f"mentor-{n}-{flow}"
                shutil.copytree(work / "mentor", copy)
                (copy / "vault.lock").unlink(missing_ok=True)
                child = [sys.executable, __file__, "--measure-import", str(copy), str(bundle),
                         "--flow", flow]  # fmt: skip
                proc = subprocess.run(child, check=True, capture_output=True, text=True)
                runs[flow].append(json.loads(proc.stdout.strip().splitlines()[-1]))
                shutil.rmtree(copy)
        imports = runs["direct"]
        best = min(imports, key=lambda r: r["total_s"])
        peak = max(r["maxrss_mb"] for r in imports)
        assert best["entries"] == args.entries and best["attachments"] == args.attachments
        flows = {
            flow: (min(r["total_s"] for r in rs), max(r["maxrss_mb"] for r in rs))
            for flow, rs in runs.items()
        }

    def row(label: str, ours: float, theirs: float, note: str) -> None:
        rate, age_rate = zip_mb / ours, zip_mb / theirs
        print(f"{label:<30}{ours:>8.3f}{rate:>8.0f}{theirs:>8.3f}{age_rate:>8.0f}"
              f"{rate / age_rate:>7.2f}  {note}")  # fmt: skip

    print(f"bundle {size_mb:.1f} MB (ZIP {zip_mb:.1f} MB); best of {args.repeat}; "
          f"MB/s of ZIP, MB = 10^6 bytes")  # fmt: skip
    print(f"{'step':<30}{'ours s':>8}{'MB/s':>8}{'age s':>8}{'MB/s':>8}{'ratio':>7}")
    row("export (services)", export_s, t["age_enc"], "vs age -r  (for the record)")
    row("export (services)", export_s, t["age_enc_sync"], "vs age -r + fsync of its output")
    read_s = export_phases.at("bundle-hash")
    write_s = export_phases.at("bundle-write")
    row("  read from the vault", read_s, t["age_enc"], "decrypt entries + attachments")
    row("  build: sign, zip, encrypt", write_s - read_s, t["age_enc"], "build_bundle")
    row("  write (atomic, fsync)", export_s - write_s, t["age_enc"], "")
    row("import (services)", best["total_s"], t["age_dec"], "vs age -d  (for the record)")
    row("import (services)", best["total_s"], t["age_dec_sync"], "vs age -d + fsync of its output")
    row("  open + checks + plan", best["open_plan_s"], t["age_dec"], "in memory, nothing stored")
    row("  store (1 transaction)", best["store_s"], t["age_dec"], "seal, insert, commit, index")
    target = 2 * size_mb + 150
    verdict = "ok" if peak <= target else "OVER"
    print(f"import peak RSS in a child process: {peak:.0f} MB "
          f"(target <= 2 x {size_mb:.0f} + 150 = {target:.0f} MB: {verdict})")  # fmt: skip
    print("preview, then import (what the CLI and the GUI do):")
    for flow, label in (("prepared", "prepare + import_prepared (read once)"),
                        ("twice", "preview + import_bundle (read twice, before)")):  # fmt: skip
        seconds, rss = flows[flow]
        print(f"  {label:<46}{seconds:>8.3f} s  peak RSS {rss:>5.0f} MB")


if __name__ == "__main__":
    main()
