"""The signed audit log's chain (issue 15, point 6): real Ed25519 keys; a record changed,
removed, reordered, re-signed by another key or re-chained fails."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from reflectdesk.bundles.keys import Identity
from reflectdesk.errors import CaseAuditInvalid
from reflectdesk.services import case_audit
from reflectdesk.services.case_audit import file_bytes, sign, verify


def _log(identity: Identity, n: int = 4) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i in range(n):
        out.append(
            sign(
                identity,
                study="s-guid",
                seq=i + 1,
                event=case_audit.ADDED,
                data={"item": f"i{i}", "bundle": "b"},
                previous=out[-1] if out else None,
            )
        )
    return out


def test_a_log_verifies_and_names_its_signer() -> None:
    me = Identity.generate()
    log = _log(me)
    check = verify(log, [me.public.signing_key])
    assert [e.seq for e in check.events] == [1, 2, 3, 4]
    assert check.key_ids == (me.public.key_id_hex,) and check.head == log[-1]["hash"]
    assert verify([]).events == ()


def _broken(log: list[dict[str, Any]], how: str, other: Identity) -> list[dict[str, Any]]:
    log = copy.deepcopy(log)
    if how == "data":
        log[1]["record"]["data"]["item"] = "other"
    elif how == "hash":
        log[1]["record"]["data"]["item"] = "other"
        log[1]["hash"] = case_audit._hash(log[1]["record"])
    elif how == "removed":
        del log[1]
    elif how == "reordered":
        log[1], log[2] = log[2], log[1]
    elif how == "truncated-head":
        del log[0]
    elif how == "signature":
        sig = bytearray(log[2]["sig"].encode())
        sig[3] = ord("A") if sig[3] != ord("A") else ord("B")
        log[2]["sig"] = sig.decode()
    elif how == "other-study":
        log[3]["record"]["study"] = "other"
    elif how == "extra-field":
        log[0]["note"] = "x"
    return log


@pytest.mark.parametrize(
    "how",
    ["data", "hash", "removed", "reordered", "truncated-head", "signature", "other-study",
     "extra-field"],
)  # fmt: skip
def test_any_change_breaks_the_chain(how: str) -> None:
    me, other = Identity.generate(), Identity.generate()
    with pytest.raises(CaseAuditInvalid):
        verify(_broken(_log(me), how, other))


def test_a_log_rebuilt_with_another_key_is_not_the_researchers() -> None:
    me, forger = Identity.generate(), Identity.generate()
    forged = _log(forger)
    verify(forged)  # self-consistent...
    with pytest.raises(CaseAuditInvalid) as info:
        verify(forged, [me.public.signing_key])  # ...but not signed by the researcher
    assert "signer" in info.value.detail


def test_the_exported_form_is_canonical(tmp_path: Any) -> None:
    me = Identity.generate()
    data = file_bytes(_log(me))
    path = tmp_path / "a.audit.json"
    path.write_bytes(data)
    assert len(case_audit.read_file(path)) == 4
    # Same content, other bytes (pretty-printed): refused.
    path.write_bytes(data.replace(b'{"format"', b'{ "format"'))
    with pytest.raises(CaseAuditInvalid):
        case_audit.read_file(path)
    path.write_bytes(data[:-1])  # no final newline
    with pytest.raises(CaseAuditInvalid):
        case_audit.read_file(path)
