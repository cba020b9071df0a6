from __future__ import annotations

import json

from reflectdesk.standards.loader import mbe_2021


def test_to_dict_is_json_ready_and_complete() -> None:
    data = mbe_2021().to_dict()
    text = json.dumps(data, ensure_ascii=False)
    assert "Planificación de la evaluación" in text
    standards = [s for d in data["domains"] for s in d["standards"]]
    assert len(standards) == 12
    assert {s["code"] for s in standards if not s["verified"]} == {"C8", "D10", "D11", "D12"}


def test_standards_in_order() -> None:
    mbe = mbe_2021()
    assert [s.code for s in mbe.standards()][:4] == ["A1", "A2", "A3", "A4"]
    assert mbe.standard("nope") is None
    assert mbe.domain_of("nope") is None
