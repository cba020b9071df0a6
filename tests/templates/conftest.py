from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.services.templates import TemplateService
from tests.templates.memory_store import MemoryDocumentStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def store() -> MemoryDocumentStore:
    return MemoryDocumentStore()


@pytest.fixture
def service(store: MemoryDocumentStore) -> TemplateService:
    return TemplateService(store)
