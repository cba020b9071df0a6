"""The merge engine: an entry's concurrent revisions merged section by section.

Pure and Qt-free: storage hands in an entry's revision graph and the contents it
needs, and gets back what to store. The rules (docs/merge.md has them as a table):

- **Tips.** The revisions that matter are the *tips*: the heads of the graph once
  automatic merges nobody built on (``dangling``) are set aside. An automatic merge is
  *derived*: its id is a hash of the entry and its parents
  (:func:`merge_revision_id`), its content the merge of theirs, so every vault that
  merges the same tips makes the same revision. Setting the dangling ones aside makes
  the outcome a function of the *set* of authored revisions, whatever order bundles
  came in.
- **One tip**: fast-forward, it is the head.
- **Several tips** (the same author on two computers, or bundles out of order): the
  merge base is their lowest common ancestor; each field (title, event date,
  template, each section by its prompt key) changed on one side only takes that side,
  changed on several sides to the same value takes it, changed differently is a
  conflict. Tags and standards merge as sets (additions and removals from every side).
- **Own entries** (the author is this vault's owner): a clean merge is stored as an
  automatic merge revision with every tip as a parent, signed by the owner; a
  conflict keeps the tips as heads and the entry ``conflicted`` until the author
  resolves it (:func:`apply_choices`), never a copy of the entry.
- **Received entries**: nothing is ever made in the author's name. Her own merge of
  the tips, when held, is the head; otherwise the tips are shown side by side.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from reflectdesk.domain.model import EntryContent
from reflectdesk.errors import InvalidValue, RecordTampered

_ID_DOMAIN = b"reflectdesk merge v1\x00"
MAX_PARENTS = 16  # a bundle's revision names at most 16 parents

TITLE = "title"
EVENT_DATE = "event_date"
TEMPLATE = "template"
TAGS = "tags"  # shown side by side; merged as sets, never a conflict
STANDARDS = "standards"
SECTION = "section:"  # + the prompt key


def section_field(key: str) -> str:
    return SECTION + key


def merge_revision_id(entry_id: str, parents: Iterable[str], content_hash: str) -> str:
    """The id of the automatic merge of ``parents`` into content ``content_hash`` (a UUID,
    version 8): the same in every vault that merges the same revisions the same way, so
    merges made on two computers meet. The content is in it: a vault missing part of the
    history may find another base and merge otherwise, and that must be another id."""
    digest = hashlib.sha256(
        _ID_DOMAIN + "\x00".join([entry_id, content_hash, *sorted(set(parents))]).encode("utf-8")
    ).digest()
    value = int.from_bytes(digest[:16], "big")
    value &= ~(0xF << 76)
    value |= 0x8 << 76  # version 8
    value &= ~(0x3 << 62)
    value |= 0b10 << 62  # RFC 9562 variant
    return str(uuid.UUID(int=value))


def is_automatic(
    entry_id: str, revision_id: str, parents: Sequence[str], content_hash: str
) -> bool:
    """Whether a revision is an automatic merge (its id derived from parents and content)."""
    return len(parents) >= 2 and revision_id == merge_revision_id(entry_id, parents, content_hash)


# --- the graph --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Node:
    """One revision in an entry's graph, as the merge engine sees it."""

    seq: int
    parents: tuple[str, ...]
    automatic: bool = False  # an automatic merge (derived, see merge_revision_id)
    created_ms: int = 0


Graph = Mapping[str, Node]


def ancestry(graph: Graph, start: str) -> set[str]:
    """``start`` and every known revision it descends from."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        current = todo.pop()
        if current in seen or current not in graph:
            continue
        seen.add(current)
        todo.extend(graph[current].parents)
    return seen


def _has_gap(graph: Graph, start: str) -> bool:
    return any(p not in graph for r in ancestry(graph, start) for p in graph[r].parents)


def dangling_merges(graph: Graph) -> frozenset[str]:
    """Automatic merges no kept revision builds on (set aside repeatedly: a merge of
    merges nobody built on goes too)."""
    children: dict[str, int] = {r: 0 for r in graph}
    for node in graph.values():
        for p in set(node.parents):
            if p in children:
                children[p] += 1

    def removable(r: str) -> bool:  # its parents held: setting it aside shows them
        node = graph[r]
        return node.automatic and all(p in graph for p in node.parents)

    out: set[str] = set()
    todo = [r for r in graph if removable(r) and children[r] == 0]
    while todo:
        current = todo.pop()
        if current in out:
            continue
        out.add(current)
        for p in set(graph[current].parents):
            if p in children:
                children[p] -= 1
                if children[p] == 0 and removable(p):
                    todo.append(p)
    return frozenset(out)


def tips(graph: Graph) -> tuple[tuple[str, ...], frozenset[str]]:
    """The tips (sorted) and the dangling automatic merges set aside to find them.

    A tip whose known ancestry has a gap (history not sent) and a higher ``seq`` may
    descend from another tip, so it supersedes it (as in revision_graph.choose_head).
    """
    dangling = dangling_merges(graph)
    kept = {r: n for r, n in graph.items() if r not in dangling}
    has_child = {p for n in kept.values() for p in n.parents if p in kept}
    heads = [r for r in kept if r not in has_child]
    if len(heads) > 1:
        gapped = [h for h in heads if _has_gap(kept, h)]
        heads = [h for h in heads if not any(g != h and kept[g].seq > kept[h].seq for g in gapped)]
    if not heads:
        raise RecordTampered("entry_revisions.parents")
    return tuple(sorted(heads)), dangling


def merge_base(graph: Graph, heads: Sequence[str]) -> str | None:
    """The lowest common ancestor of ``heads`` (the highest ``(seq, id)`` when several
    are equally low, as after criss-cross merges); ``None`` when they share none."""
    if not heads:
        return None
    common = set.intersection(*(ancestry(graph, h) for h in heads))
    if not common:
        return None
    below: set[str] = set()
    for c in common:
        below |= ancestry(graph, c) - {c}
    lowest = common - below
    return max(lowest, key=lambda r: (graph[r].seq, r))


# --- contents ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FieldConflict:
    """A field changed differently on several sides: its value in the base and per side
    (``None``: absent; the event date as ISO text; the template as ``id@version``)."""

    field: str
    base: str | None
    values: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class ContentMerge:
    """The merged content and the conflicts left; a conflicted field holds the first
    side's value in ``content`` (a draft only, never stored as a merge)."""

    content: EntryContent
    conflicts: tuple[FieldConflict, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _date_text(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _template_text(content: EntryContent) -> str:
    return f"{content.template_id}@{content.template_version}"


def _three_way(base: str | None, values: Sequence[str | None]) -> tuple[bool, str | None]:
    """(clean, value): one change, or the same change on every side that changed."""
    changed = list(dict.fromkeys(v for v in values if v != base))
    if not changed:
        return True, base
    if len(changed) == 1:
        return True, changed[0]
    return False, values[0]


def _merge_set(base: Sequence[str], sides: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """Three-way set merge: kept unless a side removed it, added if a side added it."""
    held = set(base)
    order = list(dict.fromkeys([*(x for s in sides for x in s), *base]))
    return tuple(
        x
        for x in order
        if (x in held and all(x in s for s in sides))
        or (x not in held and any(x in s for s in sides))
    )


def merge_contents(base: EntryContent | None, sides: Sequence[EntryContent]) -> ContentMerge:
    """Merge ``sides`` field by field against ``base`` (``None``: no common ancestor,
    every field counts as added). The result depends on the order of ``sides`` only
    in the order of sections and tags and in a conflicted field's draft value: callers
    pass them in a fixed order (by revision id)."""
    if not sides:
        raise ValueError("nothing to merge")
    root = base if base is not None else EntryContent(title="", template_id="", template_version=0)
    conflicts: list[FieldConflict] = []

    def field(name: str, old: str | None, values: Sequence[str | None]) -> str | None:
        ok, value = _three_way(old, values)
        if not ok:
            conflicts.append(FieldConflict(name, old, tuple(values)))
        return value

    title = field(TITLE, root.title, [s.title for s in sides]) or ""
    event = field(
        EVENT_DATE, _date_text(root.event_date), [_date_text(s.event_date) for s in sides]
    )
    template = field(
        TEMPLATE,
        _template_text(root) if base is not None else None,
        [_template_text(s) for s in sides],
    )
    keys = list(dict.fromkeys([*(k for s in sides for k in s.sections), *root.sections]))
    sections: dict[str, str] = {}
    for key in keys:
        value = field(
            section_field(key), root.sections.get(key), [s.sections.get(key) for s in sides]
        )
        if value is not None:
            sections[key] = value
    template_id, _, version = (template or _template_text(sides[0])).rpartition("@")
    content = EntryContent(
        title=title,
        sections=sections,
        tags=_merge_set(root.tags, [s.tags for s in sides]),
        standards=_merge_set(root.standards, [s.standards for s in sides]),
        event_date=date.fromisoformat(event) if event else None,
        template_id=template_id,
        template_version=int(version),
    )
    return ContentMerge(content, tuple(conflicts))


Choice = int | str  # a side's index, or the author's own text for the field


def apply_choices(
    merged: ContentMerge, sides: Sequence[EntryContent], choices: Mapping[str, Choice]
) -> EntryContent:
    """The author's resolution: for each conflict, a side (by index) or her own text.

    Every conflict needs a choice; a choice for a field not in conflict is refused
    (``InvalidValue``), as is edited text for the template (pick a side).
    """
    conflicted = {c.field for c in merged.conflicts}
    for name in choices:
        if name not in conflicted:
            raise InvalidValue(f"merge:{name}")
    content = merged.content
    sections = dict(content.sections)
    for c in merged.conflicts:
        if c.field not in choices:
            raise InvalidValue(f"merge:{c.field}")
        choice = choices[c.field]
        if isinstance(choice, int):
            if not 0 <= choice < len(sides):
                raise InvalidValue(f"merge:{c.field}")
            side = sides[choice]
            if c.field == TITLE:
                content = replace(content, title=side.title)
            elif c.field == EVENT_DATE:
                content = replace(content, event_date=side.event_date)
            elif c.field == TEMPLATE:
                content = replace(
                    content, template_id=side.template_id, template_version=side.template_version
                )
            else:
                key = c.field.removeprefix(SECTION)
                if key in side.sections:
                    sections[key] = side.sections[key]
                else:
                    sections.pop(key, None)
            continue
        if c.field == TITLE:
            content = replace(content, title=choice)
        elif c.field == EVENT_DATE:
            try:
                content = replace(
                    content, event_date=date.fromisoformat(choice) if choice else None
                )
            except ValueError as exc:
                raise InvalidValue(f"merge:{c.field}") from exc
        elif c.field == TEMPLATE:
            raise InvalidValue(f"merge:{c.field}")
        else:
            sections[c.field.removeprefix(SECTION)] = choice
    # Keep the merged order of sections; a section chosen back in goes at its side's place.
    order = list(dict.fromkeys([*content.sections, *sections]))
    return replace(content, sections={k: sections[k] for k in order if k in sections})


# --- what an import does with an entry --------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AutoMerge:
    """An automatic merge revision to store (own entries only)."""

    id: str
    parents: tuple[str, ...]
    seq: int
    created_ms: int
    content: EntryContent


@dataclass(frozen=True, slots=True)
class HeadDecision:
    head: str
    conflicted: bool
    tips: tuple[str, ...]
    new_merge: AutoMerge | None = None  # to store, then the head
    drop: frozenset[str] = frozenset()  # superseded automatic merges (own entries)


def decide(
    entry_id: str,
    graph: Graph,
    content_of: Callable[[str], EntryContent],
    *,
    own: bool,
) -> HeadDecision:
    """The head of an entry and what to store or drop, from the set of its revisions
    (docs/merge.md).

    ``own``: the entry is this vault owner's, so a clean merge is made here (its id
    from ``entry_id``, this vault's id for the entry = the author's). For a received
    entry nothing is made: the author's own merge of the tips is the head when held.
    """
    if len(graph) == 1:  # a new entry, the common case of an import
        (only,) = graph
        return HeadDecision(only, False, (only,))
    found, dangling = tips(graph)
    keep = dangling if not own else frozenset()  # a received entry keeps what she sent
    if len(found) == 1:
        return HeadDecision(found[0], False, found, drop=dangling - keep)
    # Merges of exactly these tips already held (made here, on another computer, by her).
    held = sorted(r for r in dangling if set(graph[r].parents) == set(found))
    fallback = max(found, key=lambda r: (graph[r].seq, r))
    if own and len(found) <= MAX_PARENTS:
        base = merge_base(graph, found)
        merged = merge_contents(
            content_of(base) if base is not None else None, [content_of(r) for r in found]
        )
        if merged.clean:
            merge_id = merge_revision_id(entry_id, found, merged.content.content_hash())
            new = None
            if merge_id not in graph:
                new = AutoMerge(
                    id=merge_id,
                    parents=found,
                    seq=max(graph[r].seq for r in found) + 1,
                    created_ms=max(graph[r].created_ms for r in found),
                    content=merged.content,
                )
            return HeadDecision(merge_id, False, found, new_merge=new, drop=dangling - {merge_id})
    if held:  # her merge (or, for yours, one made where the history differed)
        return HeadDecision(held[0], False, found, drop=dangling - keep - {held[0]})
    return HeadDecision(fallback, True, found, drop=dangling - keep)


# --- the conflict as the author (or a reader) sees it -----------------------------------------
class Origin(StrEnum):
    """Where a version came from, for its label."""

    THIS_COMPUTER = "this_computer"  # written in this vault
    OTHER_COMPUTER = "other_computer"  # written by you elsewhere, came in a bundle
    MERGED = "merged"  # an automatic merge
    AUTHOR = "author"  # a received entry: written by its author


@dataclass(frozen=True, slots=True)
class Version:
    revision_id: str
    created_at: datetime
    origin: Origin
    content: EntryContent


@dataclass(frozen=True, slots=True)
class EntryConflict:
    """An entry's concurrent versions side by side: the tips (oldest first), their
    merge base and what merges by itself; ``own``: the reader is the author."""

    entry_id: str
    own: bool
    versions: tuple[Version, ...]
    base: EntryContent | None
    merged: ContentMerge

    @property
    def tips(self) -> tuple[str, ...]:
        return tuple(v.revision_id for v in self.versions)

    @property
    def resolvable(self) -> bool:
        return self.own and 2 <= len(self.versions) <= MAX_PARENTS


def conflict_of(
    entry_id: str,
    graph: Graph,
    versions: Mapping[str, Version],
    base_content: Callable[[str], EntryContent],
    *,
    own: bool,
) -> EntryConflict | None:
    """The conflict held in ``graph`` (``versions``: each tip's label and content), or
    ``None`` when it has one tip or (received) the author merged her tips herself."""
    found, dangling = tips(graph)
    if len(found) < 2:
        return None
    if any(graph[r].automatic and set(graph[r].parents) == set(found) for r in dangling):
        return None
    ordered = sorted((versions[r] for r in found), key=lambda v: (v.created_at, v.revision_id))
    base_id = merge_base(graph, found)
    base = base_content(base_id) if base_id is not None else None
    merged = merge_contents(base, [v.content for v in ordered])
    return EntryConflict(entry_id, own, tuple(ordered), base, merged)


def differing_fields(contents: Sequence[EntryContent]) -> tuple[FieldConflict, ...]:
    """Every field whose value differs between ``contents`` (no base): what a reader
    of someone else's unmerged versions is shown side by side."""

    def values(c: EntryContent) -> dict[str, str | None]:
        out: dict[str, str | None] = {
            TITLE: c.title,
            EVENT_DATE: _date_text(c.event_date),
            TEMPLATE: _template_text(c),
            TAGS: ", ".join(c.tags),
            STANDARDS: ", ".join(c.standards),
        }
        out.update({section_field(k): v for k, v in c.sections.items()})
        return out

    per_side = [values(c) for c in contents]
    names = list(dict.fromkeys(k for side in per_side for k in side))
    return tuple(
        FieldConflict(name, None, tuple(side.get(name) for side in per_side))
        for name in names
        if len({side.get(name) for side in per_side}) > 1
    )
