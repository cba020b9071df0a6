"""attack3 (03 Dec): keeping an excerpt alive after its author withdrew consent
(issue 15) by sending it round through the researcher's own export: the study exported
as .qdpx and that file imported back as a new study, whose items came from a "file"
and not from an entry, so no withdrawal reached them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.case_helpers import RESEARCH_TEXT, Study, close, make_study


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


def _texts(study: Study, case: str) -> list[str]:
    return [t for i in study.researcher.case_studies.items(case) for _k, t in i.sections]


@pytest.mark.parametrize("imported_first", [True, False])
def test_a_study_reimported_from_its_own_export_loses_a_withdrawn_entry_too(
    study: Study, tmp_path: Path, imported_first: bool
) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))
    exported = cs.exports.export(case, "qdpx", tmp_path / "a.qdpx").path
    bundle = study.withdraw("research")
    if imported_first:  # imported, then the withdrawal arrives
        copy = cs.exports.import_qdpx(exported, title="Copia")
        assert any("regletas" in t for t in _texts(study, copy))
        study.researcher.imports.import_bundle(bundle)
    else:  # the withdrawal arrived; the export made before it is imported afterwards
        study.researcher.imports.import_bundle(bundle)
        copy = cs.exports.import_qdpx(exported, title="Copia")
    assert _texts(study, case) == []
    assert not any(RESEARCH_TEXT[:40] in t or "regletas" in t for t in _texts(study, copy))
