"""Benchmark: build and open a large bundle, side by side with the ``age`` binary.

The bundle: 1,000 entries (~600 words of JSON each) and 100 MB of attachments
(20 x 5 MB random bytes), from one author to one recipient. Reported:

* build and open throughput (MB of bundle per second) next to ``age -r`` and
  ``age -d -i`` encrypting and decrypting the very same ZIP (targets: ours >= 0.5x);
* the peak RSS of the open step, measured in a child process with
  ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` (target: <= 2 x bundle + 150 MB).

Run: ``.venv/bin/python benchmarks/bench_bundle.py [--entries N] [--attachments N]
[--attachment-mb N] [--repeat N]``. Needs ``age`` on PATH.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pyrage

from reflectdesk.atomic_files import AtomicFile
from reflectdesk.bundles import (
    BundleKind,
    BundleMeta,
    Identity,
    age_io,
    attachment_path,
    build_bundle,
    entry_path,
    open_bundle,
    read_bundle_file,
    write_bundle,
)
from reflectdesk.bundles.age_header import parse_header
from reflectdesk.bundles.canonical import canonical_json
from reflectdesk.ids import uuid7
from timing import best_of, fsync

MB = 1_000_000
_VOCABULARY = (
    "pupils lesson reflect mentor feedback classroom planning assessment group task "
    "questioning behaviour learning objective differentiation explanation worked example "
    "observed noticed tried changed next time because although however evidence standard "
    "reading writing number science timing transition praise routine support challenge"
)
WORDS = _VOCABULARY.split()


def _entry(rng: random.Random, attachment: tuple[str, bytes] | None) -> tuple[str, bytes]:
    entry_id = uuid7()
    sections = [
        [key, " ".join(rng.choice(WORDS) for _ in range(200))]
        for key in ("context", "what-happened", "next-steps")
    ]
    content = {
        "title": "Lesson " + " ".join(rng.choice(WORDS) for _ in range(5)),
        "sections": sections,
        "tags": ["practicum"],
        "standards": ["TS2"],
        "event_date": "2025-03-01",
        "template_id": "free",
        "template_version": 1,
    }
    stamp = "2025-03-01T10:00:00Z"
    attachments = []
    if attachment is not None:
        att_id, data = attachment
        attachments.append(
            {
                "id": att_id,
                "filename": "photo.jpg",
                "media_type": "image/jpeg",
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "created_at": stamp,
            }
        )
    doc = {
        "format": "reflectdesk-entry",
        "version": 1,
        "id": entry_id,
        "journal_id": "01890000-0000-7000-8000-000000000000",
        "created_at": stamp,
        "updated_at": stamp,
        "revisions": [
            {
                "id": uuid7(),
                "seq": 1,
                "parent_ids": [],
                "author": "bench",
                "created_at": stamp,
                "content_hash": hashlib.sha256(canonical_json(content)).hexdigest(),
                "content": content,
            }
        ],
        "attachments": attachments,
    }
    return entry_path(entry_id), json.dumps(doc).encode("utf-8")


def make_files(entries: int, attachments: int, attachment_bytes: int) -> dict[str, bytes]:
    rng = random.Random(5)
    files: dict[str, bytes] = {}
    blobs = [(uuid7(), os.urandom(attachment_bytes)) for _ in range(attachments)]
    for index in range(entries):
        attachment = blobs[index] if index < len(blobs) else None
        path, data = _entry(rng, attachment)
        files[path] = data
    for att_id, data in blobs:
        files[attachment_path(att_id)] = data
    return files


def _child_open(bundle: str, identity: str) -> None:
    """Runs in a child process: read the bundle and open it, nothing else."""
    reader = Identity.from_bytes(Path(identity).read_bytes())
    data = Path(bundle).read_bytes()
    opened = open_bundle(data, reader, {})
    print(len(opened.entries), len(opened.attachments))


def _measure_open(bundle: str, identity: str) -> None:
    """Runs in a small child process that spawns the open step and reads its peak RSS.

    Linux counts a child's memory before ``exec`` (inherited from the process that
    spawned it) in ``RUSAGE_CHILDREN``; spawning from this small process keeps the
    benchmark's own large buffers out of the figure.
    """
    child = [sys.executable, __file__, "--child-open", bundle, identity]
    subprocess.run(child, check=True, capture_output=True)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--attachments", type=int, default=20)
    parser.add_argument("--attachment-mb", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child-open", nargs=2, metavar=("BUNDLE", "IDENTITY"))
    parser.add_argument("--measure-open", nargs=2, metavar=("BUNDLE", "IDENTITY"))
    args = parser.parse_args()
    if args.child_open:
        _child_open(*args.child_open)
        return
    if args.measure_open:
        _measure_open(*args.measure_open)
        return
    if shutil.which("age") is None:
        sys.exit("the age binary is needed (apt-get install age)")

    author, reader = Identity.generate(), Identity.generate()
    files = make_files(args.entries, args.attachments, args.attachment_mb * MB)
    content_mb = sum(len(v) for v in files.values()) / MB
    meta = BundleMeta(BundleKind.JOURNAL)
    bundle = build_bundle(author, [reader.public], files, meta)
    size_mb = len(bundle) / MB
    # The very same ZIP, for the age binary and for pyrage alone.
    zip_bytes = bytes(age_io.decrypt(bundle, reader.x25519_key, parse_header(bundle)))
    zip_mb = len(zip_bytes) / MB
    recipients = [author.public.x25519_public, reader.public.x25519_public]
    pyrage_recipients = [author.public.pyrage_recipient, reader.public.pyrage_recipient]
    pyrage_bundle = pyrage.encrypt(zip_bytes, pyrage_recipients)

    with tempfile.TemporaryDirectory(prefix="rd-bench-") as tmp:
        work = Path(tmp)
        zip_file, enc_file, out_file = work / "b.zip", work / "b.age", work / "out.zip"
        zip_file.write_bytes(zip_bytes)
        id_file = work / "reader.txt"
        id_file.write_text(reader.export_age_identity_text())
        bundle_file = work / "b.rdbundle"
        bundle_file.write_bytes(bundle)
        secret_file = work / "reader.key"
        secret_file.write_bytes(reader.to_bytes())

        # Peak RSS of the open step, in a fresh child process.
        measure = [sys.executable, __file__, "--measure-open", str(bundle_file), str(secret_file)]
        result = subprocess.run(measure, check=True, capture_output=True, text=True)
        peak_mb = int(result.stdout.strip()) * 1024 / MB
        target_rss = 2 * size_mb + 150

        age = shutil.which("age") or "age"
        age_enc = [age, "-r", author.public.age_recipient, "-r", reader.public.age_recipient]
        age_enc += ["-o", str(enc_file), str(zip_file)]
        age_dec = [age, "-d", "-i", str(id_file), "-o", str(out_file), str(enc_file)]
        subprocess.run(age_enc, check=True)
        header = parse_header(bundle)
        age_enc_sync = [*age_enc[:-1], "-o", str(enc_file), str(zip_file)]

        def export_to_file() -> None:
            with AtomicFile(work / "export.rdbundle") as out:
                write_bundle(out.write, author, [reader.public], files, meta)
                out.commit()

        def age_enc_fsync() -> None:
            subprocess.run(age_enc_sync, check=True)
            fsync(enc_file)

        t = best_of(
            args.repeat,
            export=export_to_file,
            age_enc_fsync=age_enc_fsync,
            import_=lambda: open_bundle(read_bundle_file(bundle_file), reader, {}),
            build=lambda: build_bundle(author, [reader.public], files, meta),
            layer_enc=lambda: age_io.encrypt_to_memory([zip_bytes], len(zip_bytes), recipients),
            pyrage_enc=lambda: pyrage.encrypt(zip_bytes, pyrage_recipients),
            age_enc=lambda: subprocess.run(age_enc, check=True),
            open=lambda: open_bundle(bundle, reader, {}),
            layer_dec=lambda: age_io.decrypt(bundle, reader.x25519_key, header),
            pyrage_dec=lambda: pyrage.decrypt(pyrage_bundle, [reader.age_identity]),
            age_dec=lambda: subprocess.run(age_dec, check=True),
        )

    def row(label: str, ours: float, theirs: float, note: str) -> None:
        ours_rate, age_rate = zip_mb / ours, zip_mb / theirs
        print(
            f"{label:<22}{ours:>8.3f}{ours_rate:>10.0f}{theirs:>8.3f}{age_rate:>10.0f}"
            f"{ours_rate / age_rate:>7.2f}  {note}"
        )

    print(f"content: {len(files)} files, {content_mb:.1f} MB; ZIP {zip_mb:.1f} MB; ", end="")
    print(f"bundle {size_mb:.1f} MB; best of {args.repeat}, MB = 10^6 bytes of ZIP")
    print(f"{'step':<22}{'ours s':>8}{'MB/s':>10}{'age s':>8}{'MB/s':>10}{'ratio':>7}")
    print("file to file (what a user waits for), target >= 0.5:")
    row("export to a file", t["export"], t["age_enc_fsync"], "vs age -r, both fsync'd")
    row("import from a file", t["import_"], t["age_dec"], "vs age -d (every check)")
    print("in memory:")
    row("build_bundle", t["build"], t["age_enc"], "vs age -r (target >= 0.5)")
    row("open_bundle", t["open"], t["age_dec"], "vs age -d (target >= 0.5)")
    row("  age layer (ours)", t["layer_enc"], t["age_enc"], "encrypt only")
    row("  age layer (ours)", t["layer_dec"], t["age_dec"], "decrypt only")
    row("  pyrage, for scale", t["pyrage_enc"], t["age_enc"], "encrypt only")
    row("  pyrage, for scale", t["pyrage_dec"], t["age_dec"], "decrypt only")
    verdict = "ok" if peak_mb <= target_rss else "OVER"
    print(
        f"open_bundle peak RSS in a child process: {peak_mb:.0f} MB "
        f"(target <= 2 x {size_mb:.0f} + 150 = {target_rss:.0f} MB: {verdict})"
    )


if __name__ == "__main__":
    main()
