"""Split a Markdown file into an entry: ``# Title`` and ``## section`` headings."""

from __future__ import annotations

import re
from collections.abc import Mapping

from reflectdesk.errors import UnknownSection

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_H2 = re.compile(r"^##\s+(.+?)\s*#*\s*$")


def split_markdown(
    text: str, section_titles: Mapping[str, str], default_key: str | None
) -> tuple[str, dict[str, str]]:
    """(title, sections). ``section_titles`` maps each valid key to its prompt title;
    a ``##`` heading may name either. Text outside a ``##`` goes to ``default_key``."""
    lookup = {k.casefold(): k for k in section_titles}
    lookup.update({t.casefold(): k for k, t in section_titles.items()})
    title = ""
    sections: dict[str, list[str]] = {}
    current = default_key
    in_fence = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence:
            h1 = _H1.match(line)
            if h1 and not title and not any(sections.values()):
                title = h1.group(1)
                continue
            h2 = _H2.match(line)
            if h2:
                name = h2.group(1).strip()
                key = lookup.get(name.casefold())
                if key is None:
                    raise UnknownSection(name, valid=", ".join(section_titles))
                current = key
                sections.setdefault(key, [])
                continue
        if current is None:
            if line.strip():
                raise UnknownSection("(no section)", valid=", ".join(section_titles))
            continue
        sections.setdefault(current, []).append(line)
    return title, {k: "\n".join(v).strip() for k, v in sections.items() if "\n".join(v).strip()}
