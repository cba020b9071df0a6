"""The document source contract, held by the vault's encrypted store and the in-memory
one the template tests use: versions count up per name, reads pick the latest."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reflectdesk.errors import NotFound
from reflectdesk.services.vault import Vault
from reflectdesk.templates.store import DocumentSource
from tests.templates.memory_store import MemoryDocumentStore


@pytest.fixture(params=["memory", "vault"])
def source(request: pytest.FixtureRequest) -> DocumentSource:
    if request.param == "memory":
        return MemoryDocumentStore()
    vault: Vault = request.getfixturevalue("vault")
    return vault._unlocked().documents


def test_versions_per_name_and_the_latest_by_default(source: DocumentSource) -> None:
    assert source.list("template") == []
    first = source.put("template", "gibbs", b"v1")
    second = source.put("template", "gibbs", b"v2")
    other = source.put("template", "kolb", b"k1")
    assert (first.version, second.version, other.version) == (1, 2, 1)
    assert source.get("template", "gibbs") == b"v2"
    assert source.get("template", "gibbs", 1) == b"v1"
    assert [(i.name, i.version) for i in source.list("template")] == [
        ("gibbs", 1),
        ("gibbs", 2),
        ("kolb", 1),
    ]
    assert source.list("snapshot") == []  # kinds are apart


@pytest.mark.parametrize(
    "read", [lambda s: s.get("template", "none"), lambda s: s.get("template", "gibbs", 9)]
)
def test_a_missing_document_is_not_found(
    source: DocumentSource, read: Callable[[DocumentSource], bytes]
) -> None:
    source.put("template", "gibbs", b"v1")
    with pytest.raises(NotFound):
        read(source)
