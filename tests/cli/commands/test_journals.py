"""`journal create` and `journal list` through the real CLI, in text and JSON."""

from __future__ import annotations

import json

from tests.cli.conftest import Cli


def test_create_and_list(ready: Cli) -> None:
    empty = ready("journal", "list", env={"REFLECTDESK_LANG": "es"})
    assert empty.code == 0 and "Aún no hay diarios" in empty.out + empty.err
    jid = ready("journal", "create", "Práctica I", "--description", "primer semestre").out.strip()
    listed = json.loads(ready("journal", "list", "--json").out)
    assert [(j["id"], j["title"], j["description"], j["space"]) for j in listed] == [
        (jid, "Práctica I", "primer semestre", "own")
    ]
    assert listed[0]["default_template"] == ""
    with_template = ready("journal", "create", "Práctica II", "--template", "gibbs")
    assert with_template.code == 0, with_template.err
    listed = json.loads(ready("journal", "list", "--json").out)
    assert listed[1]["default_template"] == "gibbs"
    unknown = ready("journal", "create", "Práctica III", "--template", "no-such-template")
    assert unknown.code != 0 and "Traceback" not in unknown.err
    assert len(json.loads(ready("journal", "list", "--json").out)) == 2
    ready("journal", "create", "Práctica IV")
    assert ready("journal", "list").out.startswith(f"{jid}  Práctica I\n")
    too_long = ready("journal", "create", "x" * 301)
    assert too_long.code == 6 and "Traceback" not in too_long.err
