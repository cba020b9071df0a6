"""Fill unfinished messages of a .ts file: English copies the source, Spanish from a JSON map.

    python tools/ts_fill.py resources/i18n/reflectdesk_en.ts
    python tools/ts_fill.py resources/i18n/reflectdesk_es.ts spanish.json

The JSON maps source text to translation. Messages not in the map stay unfinished and are
listed, so nothing is shipped half-translated without notice.
"""

from __future__ import annotations

import json
import logging
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

log = logging.getLogger("ts_fill")


def fill(ts: Path, table: dict[str, str] | None) -> list[str]:
    tree = ET.parse(ts)  # noqa: S314 - our own file
    missing: list[str] = []
    for msg in tree.getroot().iter("message"):
        node = msg.find("translation")
        source = msg.findtext("source") or ""
        if node is None or node.get("type") != "unfinished":
            continue
        text = source if table is None else table.get(source)
        if text is None:
            missing.append(source)
            continue
        node.text = text
        del node.attrib["type"]
    body = ET.tostring(tree.getroot(), encoding="unicode")
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    ts.write_text(header + body + "\n", encoding="utf-8")
    return missing


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ts = Path(sys.argv[1])
    table = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")) if len(sys.argv) > 2 else None
    for source in fill(ts, table):
        log.info("still unfinished: %s", source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
