"""What the case-study services share: approvals, documents, field checks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reflectdesk.errors import CaseFieldInvalid, RecordTampered
from reflectdesk.services.case_common import Approval, clean_text, item_of, study_of
from reflectdesk.storage.case_studies import StoredItem, StoredStudy


def test_an_approval_is_current_through_its_expiry_day() -> None:
    today = date(2026, 12, 3)
    a = Approval("CEC", "1", today)
    assert a.current(today) and not a.current(today + timedelta(days=1))
    assert Approval.from_json(a.to_json()) == a


def test_text_fields() -> None:
    assert clean_text("  Mi   estudio ", "title") == "Mi estudio"
    with pytest.raises(CaseFieldInvalid) as info:
        clean_text("", "title")
    assert info.value.params == {"field": "title"}
    assert clean_text("", "question", limit=20_000, required=False) == ""


def test_a_document_of_the_wrong_shape_is_tampering() -> None:
    with pytest.raises(RecordTampered):
        study_of(StoredStudy("c", 0, 0, {"no": "title"}))
    with pytest.raises(RecordTampered):
        item_of(StoredItem("i", "c", "e", "r", 0, {"sections": []}))
    study = study_of(StoredStudy("c", 0, 0, {"title": "T"}))
    assert study.status == "planning" and study.language == "es"
