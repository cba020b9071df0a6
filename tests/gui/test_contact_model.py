"""The sharing item models pass pytest-qt's model tester."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.modeltest import ModelTester

from reflectdesk.domain.model import (
    BundleLogItem,
    CardData,
    Contact,
    Role,
)
from reflectdesk.gui.contact_model import (
    BundleLogModel,
    CheckItem,
    CheckListModel,
    ContactTableModel,
)


def _contact(i: int, *, verified: bool = False, revoked: bool = False) -> Contact:
    now = datetime(2026, 3, 1, tzinfo=UTC)
    card = CardData(
        name=f"Persona {i}",
        role=Role.MENTOR,
        institution="Liceo",
        age_recipient="age1x",
        signing_key=bytes(32),
        key_id=f"{i:016x}",
        created=now,
        expires=now,
        raw=b"",
    )
    return Contact(f"c{i}", card, verified, revoked, False, now, now)


def test_sharing_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    contacts = ContactTableModel()
    contacts.set_contacts([_contact(1, verified=True), _contact(2), _contact(3, revoked=True)])
    qtmodeltester.check(contacts)
    assert contacts.index(2, 3).data() == "Revoked"

    checks = CheckListModel()
    checks.set_items(
        [
            CheckItem("a", "Uno", checked=True),
            CheckItem("b", "Dos"),
            CheckItem("c", "Tres", enabled=False),
        ]
    )
    qtmodeltester.check(checks)
    checks.set_checked("b", True)
    checks.set_checked("c", True)  # disabled: stays unchecked
    assert checks.checked_ids() == ["a", "b"]

    log = BundleLogModel("out")
    now = datetime(2026, 3, 1, tzinfo=UTC)
    log.set_items(
        [BundleLogItem("b1", "out", "journal", now, ("c1",), ("e1", "e2"), False)],
        {"c1": "Persona 1"},
        "you",
    )
    qtmodeltester.check(log)
    assert log.index(0, 1).data() == "Persona 1"
