"""Benchmark: review records of the size of one feedback bundle (issue 13).

200 comments (on passages of a 3,000-word section) and 20 sign-offs by the mentor on a
student's entry, in real vaults (light KDF: only the review is measured). Reported, best
of ``--repeat``:

* sign: build and sign the 220 records (``review.records.sign``, the core);
* fold: fold them into the entry's state (``review.state.fold_entry``);
* receive: the student's vault takes them (``ReviewService.receive``: parse, verify every
  signature, check the rules against the vault, store sealed in one transaction), into a
  fresh copy of the vault each time — what a feedback bundle's import adds to the bundle;
* state: the student's view of the entry after it (re-anchoring 200 comments);
* bundle-build: the mentor's feedback bundle of those records
  (``BundleExportService.export_feedback``: select, wrap, sign, zip, encrypt, atomic
  write, bundle log);
* bundle-import: the student imports it (``BundleImportService.import_bundle``: read,
  decrypt, every bundle check, the review checks, one transaction), into a fresh copy.

Targets (issue 13, for the whole feedback bundle): built <= 200 ms, imported <= 300 ms.

Run: ``.venv/bin/python benchmarks/bench_review.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import EntryContent, ExportRequest, Role
from reflectdesk.review.anchor import make_anchor
from reflectdesk.review.records import EntryRef, RecordType, ReviewRecord, parse, sign
from reflectdesk.review.state import fold_entry
from reflectdesk.services.vault import NewProfile, Vault
from timing import best_of

PASSPHRASE = "correct horse battery staple"
WORDS = (
    "pupils lesson reflect mentor feedback classroom planning assessment group task "
    "questioning behaviour learning objective differentiation explanation worked example"
).split()
CODES = ["A1", "A2", "A3", "A4", "B5", "B6", "C7", "C8", "C9", "D10", "D11", "D12"]


def _vault(path: Path, name: str, role: Role) -> Vault:
    vault, _ = Vault.create(
        path, PASSPHRASE, NewProfile(name, role, "es"), kdf_params=KdfParams.insecure_for_tests()
    )
    return vault


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--comments", type=int, default=200)
    parser.add_argument("--sign-offs", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(13)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        student = _vault(root / "student", "Camila", Role.STUDENT)
        mentor = _vault(root / "mentor", "Ana", Role.MENTOR)
        at_student = student.contacts.import_card(mentor.identity.card()).contact
        at_mentor = mentor.contacts.import_card(student.identity.card()).contact
        assert at_student is not None and at_mentor is not None
        text = " ".join(rng.choice(WORDS) for _ in range(3_000))
        journal = student.journals.create("Práctica")
        entry = student.entries.add(
            journal.id,
            EntryContent(title="Larga", sections={"body": text}, standards=("C7",)),
        )
        sent = student.exports.export(
            ExportRequest(recipients=(at_student.id,), journal_id=journal.id), root
        )
        mentor.imports.import_bundle(sent.path)
        head = entry.head
        ref = EntryRef(student.identity.public().key_id_hex, entry.id, head.id, head.content_hash)
        me = mentor.identity.key_pair()
        t0 = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
        starts = [rng.randrange(0, len(text) - 40) for _ in range(args.comments)]

        def build() -> list[ReviewRecord]:
            out = []
            for i, start in enumerate(starts):
                a = make_anchor("body", text, start, start + 30)
                body = {
                    "section": "body", "quote": a.quote, "start": a.start, "end": a.end,
                    "prefix": a.prefix, "suffix": a.suffix, "text": f"Comentario {i}.",
                }  # fmt: skip
                out.append(sign(me, RecordType.COMMENT, ref, body, t0 + timedelta(seconds=i)))  # type: ignore[arg-type]
            for i in range(args.sign_offs):
                standards = {c: {"verdict": "met", "note": "Bien."} for c in CODES[: 1 + i % 12]}
                body = {"standards": standards, "overall": "met", "note": "Nota."}
                out.append(
                    sign(me, RecordType.SIGN_OFF, ref, body, t0 + timedelta(hours=1, seconds=i))
                )  # type: ignore[arg-type]
            return out

        records = build()
        docs = [r.to_json() for r in records]
        student.close()
        copies: list[Vault] = []

        def fresh() -> Vault:
            target = root / f"copy{len(copies)}"
            shutil.copytree(root / "student", target)
            vault = Vault.open(target)
            vault.unlock(PASSPHRASE)
            copies.append(vault)
            return vault

        receivers = [fresh() for _ in range(args.repeat)]
        queue = list(receivers)
        importers = [fresh() for _ in range(args.repeat)]
        mentor.review.receive(docs, me.public.key_id_hex)  # his own, held in his vault
        out_dir = root / "bundles"
        out_dir.mkdir()
        built: list[Path] = []

        def bundle_build() -> None:
            built.append(mentor.exports.export_feedback([at_mentor.id], out_dir)[0].path)

        def bundle_import() -> None:
            result = importers.pop().imports.import_bundle(built[-1])
            assert result.review_records_added == len(docs), result

        mentor_key = me.public.key_id_hex

        done: list[Vault] = []

        def receive() -> None:
            vault = queue.pop()
            result = vault.review.receive(docs, mentor_key)
            assert result.added == len(docs), result
            done.append(vault)

        figures = best_of(
            args.repeat,
            sign=build,
            fold=lambda: fold_entry(parse(d) for d in docs),
            receive=receive,
            state=lambda: done[-1].review.state(entry.id),  # after this round's receive
            bundle_build=bundle_build,
            bundle_import=bundle_import,
        )
        state = done[-1].review.state(entry.id)
        assert len(state.threads) == args.comments and len(state.sign_offs) == args.sign_offs
        for vault in copies:
            vault.close()
        mentor.close()
    n = args.comments + args.sign_offs
    print(f"review records: {args.comments} comments + {args.sign_offs} sign-offs ({n})")
    for name, seconds in figures.items():
        print(f"  {name:13s} best of {args.repeat}: {seconds * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
