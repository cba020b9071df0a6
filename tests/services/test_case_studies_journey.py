"""The issue's journey through the services (the GUI test of a later session drives the
same calls): 20 students' bundles with mixed consent → a study with an approval → only
the consented entries can be added → pseudonymisation accepted → three codes on passages
in two sections (accents and an emoji before one) → a memo → the `.qdpx` validates and
re-imports with the same codes, passages and memos → a withdrawal bundle arrives → its
excerpts are gone and the log says so → the log verifies, and fails after one byte."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from reflectdesk.bundles import BundleKind, BundleMeta, build_bundle, card_path
from reflectdesk.domain.model import Consent
from reflectdesk.errors import CaseAuditInvalid, CaseConsentMissing
from reflectdesk.research.qdpx_validate import validate_project
from tests.services.batch_helpers import _entry, add_contacts, make_students
from tests.services.case_helpers import close, make_study

LEVELS = (Consent.RESEARCH, Consent.RESEARCH_PSEUDONYMISED, Consent.READ)


def test_twenty_students_to_a_verified_audit_log(tmp_path: Path) -> None:
    study = make_study(tmp_path)  # one real student vault (who will withdraw) …
    try:
        r = study.researcher
        others = make_students(19)  # … and 19 more, bundles made with the bundle layer
        add_contacts(r, others, verify=False)
        me = r.identity.public()
        rnd = random.Random(15)
        expected_addable = 2  # the real student's research and research-pseudonymised
        for n, student in enumerate(others):
            files = {card_path(student.key_id): student.card}
            consent: dict[str, Consent] = {}
            for k in range(3):
                entry_id, more = _entry(
                    rnd, f"Semana {k}", 30, student.journal_id, None, student.key_id
                )
                files.update(more)
                consent[entry_id] = LEVELS[(n + k) % 3]
                expected_addable += consent[entry_id] is not Consent.READ
            meta = BundleMeta(BundleKind.JOURNAL, entry_consent=consent)
            path = tmp_path / f"b{n}.rdbundle"
            path.write_bytes(build_bundle(student.identity, [me], files, meta))
            r.imports.import_bundle(path)
        cs = r.case_studies
        case = study.new_case()
        candidates = cs.candidates(case)
        assert len(candidates) == 3 + 19 * 3
        addable = [c for c in candidates if c.addable]
        assert len(addable) == expected_addable
        refused = next(c for c in candidates if c.reason == "read-only")
        with pytest.raises(CaseConsentMissing):
            cs.add(case, refused.entry_id)
        items = cs.add_many(case, [(c.entry_id, None) for c in addable])
        assert len({i.pseudonym for i in items}) == 20
        # Pseudonymisation: every proposal accepted.
        cs.pseudonymise.add_term(case, "pupil", "Martina Soto")
        cs.pseudonymise.apply(case, cs.pseudonymise.propose(case))
        assert cs.pseudonymise.propose(case) == []
        # Three codes on passages in two sections; an emoji and accents before one.
        real = next(i for i in items if i.entry_id == study.at("research"))
        coding = cs.coding
        a = coding.add_code(case, "Material concreto", color="#2E8B57")
        b = coding.add_code(case, "Preguntas de alumnos")
        c = coding.add_code(case, "Reflexión", parent_id=a.id)
        description = real.text("description") or ""
        assert "😀" in description[: description.index("fracciones")]
        p1 = coding.apply_quote(case, real.id, "description", "fracciones", a.id)
        coding.apply_quote(case, real.id, "description", "preguntó", b.id)
        coding.apply_quote(case, real.id, "analysis", "regletas", c.id)
        other = next(i for i in items if i.entry_id != real.entry_id)
        other_section, other_text = other.sections[0]
        coding.apply(case, other.id, other_section, 0, min(12, len(other_text)), b.id)
        coding.add_memo(case, "Las regletas aparecen con las fracciones.", segment_id=p1)
        before = sorted((p.text, p.start, p.end) for p in coding.passages(case))
        # The export validates and re-imports whole.
        export = cs.exports.export(case, "qdpx", tmp_path / "estudio.qdpx")
        with zipfile.ZipFile(export.path) as archive:
            validate_project({n: archive.read(n) for n in archive.namelist()})
        fresh = cs.exports.import_qdpx(export.path)
        assert sorted((p.text, p.start, p.end) for p in coding.passages(fresh)) == before
        assert sorted(x.name for x in coding.codes(fresh)) == sorted(
            x.name for x in coding.codes(case)
        )
        assert [m.text for m in coding.memos(fresh)] == [
            "Las regletas aparecen con las fracciones."
        ]
        # The real student withdraws her research entry.
        r.imports.import_bundle(study.withdraw("research"))
        assert real.id not in {i.id for i in cs.items(case)}
        assert all(p.item_id != real.id for p in coding.passages(case))
        assert coding.memos(case) == []
        last = cs.audit.events(case)[-1]
        assert last.event == "withdrawn" and last.data["withdrawn_on"] and last.data["bundle"]
        assert cs.get(case).exports[0].outdated
        log = tmp_path / "log.audit.json"
        exported = cs.audit.export(case, log)  # ends on its own signed "exported" record
        assert cs.audit.verify_file(log).head == exported.head == cs.audit.verify(case).head
        data = bytearray(log.read_bytes())
        data[len(data) // 3] ^= 0x04
        log.write_bytes(bytes(data))
        with pytest.raises(CaseAuditInvalid):
            cs.audit.verify_file(log)
    finally:
        close(study)
