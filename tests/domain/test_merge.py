"""The merge engine: three-way merges per section, sets, the merge base, automatic merges
as derived revisions, and - over generated histories of several authors and devices -
the same state whatever order (and however often) the bundles arrive."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field, replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflectdesk.domain.merge import (
    EVENT_DATE,
    TEMPLATE,
    TITLE,
    ContentMerge,
    Node,
    apply_choices,
    dangling_merges,
    decide,
    is_automatic,
    merge_base,
    merge_contents,
    merge_revision_id,
    section_field,
    tips,
)
from reflectdesk.domain.model import EntryContent
from reflectdesk.errors import InvalidValue

BASE = EntryContent(
    title="Visita",
    sections={"what": "Observé la clase.", "so_what": "Aprendí algo.", "now_what": "Probaré."},
    tags=("aula", "lectura"),
    standards=("A1",),
    event_date=date(2026, 3, 1),
    template_id="gibbs",
    template_version=1,
)


def sec(content: EntryContent, key: str, text: str) -> EntryContent:
    return replace(content, sections={**content.sections, key: text})


# --- contents -------------------------------------------------------------------------------
def test_a_section_changed_on_one_side_only_is_taken() -> None:
    left = sec(BASE, "what", "Observé la clase de 4º.")
    right = sec(BASE, "now_what", "Probaré el debate.")
    merged = merge_contents(BASE, [left, right])
    assert merged.clean
    assert merged.content.sections == {
        "what": "Observé la clase de 4º.",
        "so_what": "Aprendí algo.",
        "now_what": "Probaré el debate.",
    }


def test_the_same_change_on_both_sides_is_taken_and_different_ones_conflict() -> None:
    same = sec(BASE, "what", "Igual.")
    assert merge_contents(BASE, [same, same]).content.sections["what"] == "Igual."
    merged = merge_contents(BASE, [sec(BASE, "what", "Uno."), sec(BASE, "what", "Dos.")])
    assert not merged.clean
    (conflict,) = merged.conflicts
    assert conflict.field == section_field("what")
    assert conflict.base == "Observé la clase." and conflict.values == ("Uno.", "Dos.")


def test_title_event_date_and_template_merge_as_sections() -> None:
    left = replace(BASE, title="Visita al liceo")
    right = replace(BASE, event_date=date(2026, 3, 2))
    merged = merge_contents(BASE, [left, right])
    assert merged.clean
    assert merged.content.title == "Visita al liceo"
    assert merged.content.event_date == date(2026, 3, 2)
    both = merge_contents(
        BASE,
        [
            replace(BASE, title="A", event_date=None, template_version=2),
            replace(BASE, title="B", event_date=date(2026, 1, 1), template_id="free"),
        ],
    )
    assert {c.field for c in both.conflicts} == {TITLE, EVENT_DATE, TEMPLATE}


def test_tags_and_standards_merge_as_sets() -> None:
    left = replace(BASE, tags=("aula", "debate"), standards=("A1", "B2"))  # -lectura +debate
    right = replace(BASE, tags=("lectura", "aula", "tic"), standards=())  # +tic, -A1
    merged = merge_contents(BASE, [left, right])
    assert merged.clean
    assert set(merged.content.tags) == {"aula", "debate", "tic"}
    assert merged.content.standards == ("B2",)


def test_a_section_removed_on_one_side_and_added_on_the_other() -> None:
    left = replace(BASE, sections={k: v for k, v in BASE.sections.items() if k != "so_what"})
    right = sec(BASE, "extra", "Nueva sección.")
    merged = merge_contents(BASE, [left, right])
    assert merged.clean
    assert "so_what" not in merged.content.sections
    assert merged.content.sections["extra"] == "Nueva sección."
    # Removed on one side, changed on the other: a conflict, never a silent loss.
    changed = sec(BASE, "so_what", "Aprendí mucho.")
    clash = merge_contents(BASE, [left, changed])
    assert [c.field for c in clash.conflicts] == [section_field("so_what")]


def test_without_a_common_ancestor_only_equal_fields_are_clean() -> None:
    merged = merge_contents(None, [BASE, sec(BASE, "what", "Otra.")])
    assert [c.field for c in merged.conflicts] == [section_field("what")]
    assert merge_contents(None, [BASE, BASE]).content == BASE


def test_the_author_resolves_by_side_or_by_her_own_text() -> None:
    left = replace(sec(BASE, "what", "Uno."), title="Título A")
    right = replace(sec(BASE, "what", "Dos."), title="Título B")
    sides = [left, right]
    merged = merge_contents(BASE, sides)
    done = apply_choices(merged, sides, {TITLE: 1, section_field("what"): "Uno y dos."})
    assert done.title == "Título B" and done.sections["what"] == "Uno y dos."
    assert list(done.sections) == list(BASE.sections)
    with pytest.raises(InvalidValue):
        apply_choices(merged, sides, {TITLE: 0})  # a conflict left open
    with pytest.raises(InvalidValue):
        apply_choices(merged, sides, {TITLE: 0, section_field("what"): 0, "section:x": 1})
    with pytest.raises(InvalidValue):
        apply_choices(merged, sides, {TITLE: 2, section_field("what"): 0})


# --- the graph --------------------------------------------------------------------------------
def test_merge_ids_are_derived_from_the_parents() -> None:
    mid = merge_revision_id("e", ["b", "a"], "h")
    assert mid == merge_revision_id("e", ["a", "b"], "h") != merge_revision_id("f", ["a", "b"], "h")
    assert mid != merge_revision_id("e", ["a", "b"], "other content")
    assert mid[14] == "8" and is_automatic("e", mid, ("a", "b"), "h")
    assert not is_automatic("e", mid, ("a",), "h") and not is_automatic("e", "x", ("a", "b"), "h")
    assert not is_automatic("e", mid, ("a", "b"), "other content")


def test_merge_base_is_the_lowest_common_ancestor() -> None:
    g = {
        "o": Node(1, ()),
        "a": Node(2, ("o",)),
        "b": Node(3, ("a",)),
        "c": Node(3, ("a",)),
        "d": Node(4, ("c",)),
    }
    assert merge_base(g, ["b", "d"]) == "a"
    assert merge_base(g, ["b"]) == "b"
    assert merge_base({"x": Node(1, ()), "y": Node(1, ())}, ["x", "y"]) is None


def test_dangling_automatic_merges_are_set_aside() -> None:
    m = merge_revision_id("e", ["a", "b"], "h")
    g = {
        "o": Node(1, ()),
        "a": Node(2, ("o",)),
        "b": Node(2, ("o",)),
        m: Node(3, ("a", "b"), automatic=True),
        "c": Node(2, ("o",)),
    }
    assert dangling_merges(g) == {m}
    assert tips(g) == (("a", "b", "c"), frozenset({m}))
    # Built on, it is history like any other revision.
    g["d"] = Node(4, (m,))
    assert tips(g) == (("c", "d"), frozenset())
    # Carried without its parents (a bundle without history), it stays.
    assert tips({m: Node(3, ("a", "b"), automatic=True)}) == ((m,), frozenset())


def test_decide_fast_forwards_merges_own_and_never_makes_revisions_for_others() -> None:
    contents = {
        "o": BASE,
        "a": sec(BASE, "what", "A."),
        "b": sec(BASE, "so_what", "B."),
        "c": sec(BASE, "what", "C."),
    }
    g = {"o": Node(1, ()), "a": Node(2, ("o",), created_ms=5), "b": Node(2, ("o",), created_ms=7)}
    assert decide("e", {"o": g["o"], "a": g["a"]}, contents.__getitem__, own=True).head == "a"
    own = decide("e", g, contents.__getitem__, own=True)
    assert own.new_merge is not None and not own.conflicted
    mid = merge_revision_id("e", ["a", "b"], own.new_merge.content.content_hash())
    assert own.head == own.new_merge.id == mid
    assert own.new_merge.parents == ("a", "b") and own.new_merge.seq == 3
    assert own.new_merge.created_ms == 7
    assert own.new_merge.content.sections["what"] == "A."
    assert own.new_merge.content.sections["so_what"] == "B."
    theirs = decide("e", g, contents.__getitem__, own=False)
    assert theirs.conflicted and theirs.new_merge is None and theirs.head == "b"
    # Her own merge, when held, is the head of a received entry.
    g2 = {**g, own.head: Node(3, ("a", "b"), automatic=True)}
    assert decide("e", g2, contents.__getitem__, own=False).head == own.head
    # A conflict: the tips stay, flagged; a superseded merge of an own entry goes.
    g3 = {**g2, "c": Node(2, ("o",))}
    clash = decide("e", g3, contents.__getitem__, own=True)
    assert clash.conflicted and clash.tips == ("a", "b", "c") and clash.drop == {own.head}
    assert decide("e", g3, contents.__getitem__, own=False).drop == frozenset()


# --- generated histories: several authors, several devices ------------------------------------
KEYS = ("what", "so_what", "now_what")
TAGS = ("aula", "tic", "debate")


@dataclass
class Rev:
    id: str
    seq: int
    parents: tuple[str, ...]
    created_ms: int
    content: EntryContent


@dataclass
class Store:
    """A model of a vault's revisions (the storage does the same with rows)."""

    own: bool
    revs: dict[str, dict[str, Rev]] = field(default_factory=dict)  # entry -> id -> rev
    heads: dict[str, tuple[str, bool]] = field(default_factory=dict)
    merges: list[tuple[EntryContent | None, list[EntryContent], EntryContent]] = field(
        default_factory=list
    )

    def absorb(self, bundle: dict[str, list[Rev]]) -> None:
        for entry_id, revisions in bundle.items():
            held = self.revs.setdefault(entry_id, {})
            for rev in revisions:
                held.setdefault(rev.id, rev)
            graph = {
                r.id: Node(
                    r.seq,
                    r.parents,
                    is_automatic(entry_id, r.id, r.parents, r.content.content_hash()),
                    r.created_ms,
                )
                for r in held.values()
            }
            d = decide(entry_id, graph, lambda i, held=held: held[i].content, own=self.own)
            if d.new_merge is not None:
                m = d.new_merge
                held[m.id] = Rev(m.id, m.seq, m.parents, m.created_ms, m.content)
                base = merge_base(graph, d.tips)
                self.merges.append(
                    (
                        held[base].content if base else None,
                        [held[t].content for t in d.tips],
                        m.content,
                    )
                )
            for gone in d.drop:
                del held[gone]
            self.heads[entry_id] = (d.head, d.conflicted)

    def digest(self) -> str:
        h = hashlib.sha256()
        for entry_id in sorted(self.revs):
            h.update(repr((entry_id, self.heads[entry_id])).encode())
            for r in sorted(self.revs[entry_id].values(), key=lambda r: r.id):
                h.update(repr((r.id, r.seq, r.parents, r.content.content_hash())).encode())
        return h.hexdigest()


@st.composite
def cohorts(draw: st.DrawFn) -> tuple[list[dict[str, list[Rev]]], bool]:
    """Bundles from several authors' devices. Each device edits, exports (with history)
    and imports its author's other devices' bundles, merging as a vault would. Returns the
    bundles and whether the reader is their author (own entries) or a tutor."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    authors = draw(st.integers(1, 3))
    own_reader = draw(st.booleans())
    if own_reader:
        authors = 1
    bundles: list[dict[str, list[Rev]]] = []
    counter = 0
    for a in range(authors):
        entries = [f"e{a}-{n}" for n in range(draw(st.integers(1, 2)))]
        origin = {
            e: Rev(f"{e}-r0", 1, (), 0, replace(BASE, sections=dict.fromkeys(KEYS, "base")))
            for e in entries
        }
        devices = [Store(own=True) for _ in range(draw(st.integers(1, 3)))]
        for dev in devices:
            dev.absorb({e: [r] for e, r in origin.items()})
        for _ in range(draw(st.integers(1, 8))):
            dev = rnd.choice(devices)
            action = rnd.random()
            if action < 0.55:  # edit an entry on this device
                e = rnd.choice(entries)
                head_id, _ = dev.heads[e]
                head = dev.revs[e][head_id]
                counter += 1
                content = head.content
                if rnd.random() < 0.7:
                    key = rnd.choice(KEYS)
                    content = sec(content, key, f"texto {counter} en {key}")
                else:
                    tag = rnd.choice(TAGS)
                    tags = tuple(t for t in content.tags if t != tag)
                    content = replace(content, tags=tags if tag in content.tags else (*tags, tag))
                rev = Rev(f"{e}-r{counter}", head.seq + 1, (head_id,), counter, content)
                dev.absorb({e: [rev]})
            elif action < 0.72:  # export with history
                bundles.append({e: list(dev.revs[e].values()) for e in entries})
            elif action < 0.8:  # export without history: the heads only
                bundles.append({e: [dev.revs[e][dev.heads[e][0]]] for e in entries})
            else:  # import a bundle of this author's
                mine = [b for b in bundles if any(e in b for e in entries)]
                if mine:
                    dev.absorb(rnd.choice(mine))
        for dev in devices:  # each device exports what it has at the end
            bundles.append({e: list(dev.revs[e].values()) for e in entries})
    return bundles, own_reader


def _import_all(bundles: list[dict[str, list[Rev]]], own: bool) -> Store:
    store = Store(own=own)
    for b in bundles:
        store.absorb(b)
    return store


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cohorts(), st.randoms(use_true_random=False))
def test_any_order_with_duplicates_gives_the_same_state(
    made: tuple[list[dict[str, list[Rev]]], bool], rnd: random.Random
) -> None:
    bundles, own = made
    reference = _import_all(bundles, own)
    shuffled = bundles + rnd.sample(bundles, k=min(3, len(bundles)))
    rnd.shuffle(shuffled)
    again = _import_all(shuffled, own)
    assert again.digest() == reference.digest()
    before = again.digest()
    for b in bundles:  # importing again changes nothing
        again.absorb(b)
    assert again.digest() == before
    if not own:  # nothing is ever made in another author's name
        made_ids = {r.id for e in reference.revs.values() for r in e.values()}
        sent = {r.id for b in bundles for revs in b.values() for r in revs}
        assert made_ids <= sent


@settings(max_examples=200, deadline=None)
@given(cohorts())
def test_an_automatic_merge_never_loses_a_sides_text(
    made: tuple[list[dict[str, list[Rev]]], bool],
) -> None:
    bundles, _ = made
    store = _import_all(bundles, own=True)
    for base, sides, merged in store.merges:
        root = base or EntryContent()
        for side in sides:
            for key, text in side.sections.items():
                if root.sections.get(key) != text:  # this side wrote it
                    assert merged.sections.get(key) == text
            for key in root.sections:
                if key not in side.sections:
                    assert key not in merged.sections
            assert {t for t in side.tags if t not in root.tags} <= set(merged.tags)
        for key in merged.sections:
            assert any(merged.sections[key] == s.sections.get(key) for s in sides)


@given(
    st.dictionaries(st.sampled_from(KEYS), st.text(max_size=5), max_size=3),
    st.lists(
        st.dictionaries(st.sampled_from(KEYS), st.text(max_size=5), max_size=3),
        min_size=1,
        max_size=4,
    ),
)
def test_merging_contents_is_clean_exactly_when_no_field_changed_two_ways(
    base: dict[str, str], sides: list[dict[str, str]]
) -> None:
    merged: ContentMerge = merge_contents(
        EntryContent(sections=base), [EntryContent(sections=s) for s in sides]
    )
    for key in KEYS:
        changes = {s.get(key) for s in sides if s.get(key) != base.get(key)}
        conflicted = section_field(key) in {c.field for c in merged.conflicts}
        assert conflicted == (len(changes) > 1)
        if not conflicted:
            expected = next(iter(changes)) if changes else base.get(key)
            assert merged.content.sections.get(key) == expected


def test_differing_fields_lists_what_a_reader_sees_side_by_side() -> None:
    from reflectdesk.domain.merge import TAGS, differing_fields

    other = replace(sec(BASE, "what", "Otra."), tags=("aula",))
    found = {c.field: c.values for c in differing_fields([BASE, other])}
    assert found == {
        section_field("what"): ("Observé la clase.", "Otra."),
        TAGS: ("aula, lectura", "aula"),
    }
    assert differing_fields([BASE, BASE]) == ()
