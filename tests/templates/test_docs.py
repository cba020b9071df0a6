"""The examples in docs/templates.md are valid files."""

from __future__ import annotations

import re
from pathlib import Path

from reflectdesk.standards.loader import parse_taxonomy
from reflectdesk.templates.loader import parse_template

DOC = Path(__file__).resolve().parents[2] / "docs" / "templates.md"


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_documented_template_example_is_valid() -> None:
    blocks = [b for b in _yaml_blocks() if "format: reflectdesk/template@1" in b]
    assert blocks
    for block in blocks:
        template = parse_template(block.encode(), "docs/templates.md").template
        assert template.section_keys() == [
            "what",
            "looking-back",
            "i-did",
            "they-did",
            "commitment",
        ]


def test_documented_taxonomy_example_is_valid() -> None:
    blocks = [b for b in _yaml_blocks() if "format: reflectdesk/standards@1" in b]
    assert blocks
    for block in blocks:
        taxonomy = parse_taxonomy(block.encode(), "docs/templates.md").taxonomy
        assert taxonomy.codes() == ["P1", "P2"]
        assert [i.code for i in taxonomy.unverified()] == ["P2"]
