"""`search` through the real CLI: accent-insensitive, filters, highlights, nothing found."""

from __future__ import annotations

import json

from tests.cli.conftest import Cli


def test_search_text_json_and_filters(ready: Cli) -> None:
    ready("journal", "create", "J")
    ready("entry", "add", "--journal", "J", "--title", "Canción", "--tag", "música",
          "--section", "body=Cantamos una canción en grupo")  # fmt: skip
    hits = json.loads(ready("search", "cancion", "--json").out)
    assert [h["title"] for h in hits] == ["Canción"]
    assert "[canción]" in hits[0]["snippet"].lower()
    assert json.loads(ready("search", "cancion", "--tag", "otra", "--json").out) == []
    text = ready("search", "grupo")
    assert text.code == 0 and "Canción" in text.out and "[grupo]" in text.out
    none = ready("search", "nada", env={"REFLECTDESK_LANG": "es"})
    assert none.code == 0 and "Ninguna entrada coincide" in none.out + none.err
