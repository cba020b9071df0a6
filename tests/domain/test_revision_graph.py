"""Revision-graph rules: a received graph must be acyclic (seq falls along every parent
edge), otherwise the import refuses it instead of crashing or wedging the entry; the
head is a function of the set of revisions held, never of the order they came in."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflectdesk.domain.revision_graph import (
    RevisionGraph,
    choose_head,
    graph_is_sound,
    has_gap,
)
from reflectdesk.errors import RecordTampered

Graph = dict[str, tuple[int, tuple[str, ...]]]


def test_sound_graphs() -> None:
    assert graph_is_sound({"a": (1, ()), "b": (2, ("a",)), "c": (2, ("a",))})
    assert graph_is_sound({"b": (2, ("missing",))})  # history not sent: a gap is fine


@pytest.mark.parametrize(
    "graph",
    [
        {"a": (1, ("a",))},  # its own parent
        {"a": (2, ("b",)), "b": (3, ("a",))},  # a cycle, split or not over bundles
        {"a": (1, ()), "b": (1, ("a",))},  # a child no newer than its parent
    ],
)
def test_unsound_graphs(graph: Graph) -> None:
    assert not graph_is_sound(graph)


def test_choose_head_never_crashes_on_a_cycle() -> None:
    with pytest.raises(RecordTampered):
        choose_head({"a": (2, ("b",)), "b": (3, ("a",))})


def test_a_fork_is_a_conflict_and_a_gap_is_not() -> None:
    fork: Graph = {"a": (1, ()), "b": (2, ("a",)), "c": (2, ("a",))}
    assert choose_head(fork) == ("c", True)  # highest (seq, id)
    # v3 arrived without v2: it may well descend from v1, so it supersedes it.
    gap: Graph = {"v1": (1, ()), "v3": (3, ("v2",))}
    assert has_gap("v3", gap) and not has_gap("v1", gap)
    assert choose_head(gap) == ("v3", False)
    # A gapped head no newer than the other head does not hide a real fork.
    assert choose_head({"v1": (2, ()), "x": (2, ("lost",))}) == ("x", True)


# --- properties over generated histories -----------------------------------------------------
@st.composite
def histories(draw: st.DrawFn) -> Graph:
    """A sound history: each revision names 0-2 earlier ones as parents and has a
    higher seq than each (by one, or more when history was left out of a bundle)."""
    size = draw(st.integers(1, 12))
    graph: Graph = {}
    order: list[str] = []
    for n in range(size):
        rev_id = f"r{n:02d}"
        parents = tuple(
            sorted(set(draw(st.lists(st.sampled_from(order), max_size=2)))) if order else ()
        )
        base = max((graph[p][0] for p in parents), default=0)
        graph[rev_id] = (base + draw(st.integers(1, 3)), parents)
        order.append(rev_id)
    return graph


@st.composite
def held_subsets(draw: st.DrawFn) -> Graph:
    """Part of a history, as a vault holds it after some bundles went missing."""
    graph = draw(histories())
    keep = draw(st.lists(st.sampled_from(sorted(graph)), min_size=1, unique=True))
    return {r: graph[r] for r in keep}


def _reordered(graph: RevisionGraph, order: list[str]) -> Graph:
    return {r: (graph[r][0], tuple(graph[r][1])) for r in order}


@given(held_subsets(), st.randoms(use_true_random=False))
def test_the_head_depends_on_the_set_not_the_order(graph: Graph, rnd: random.Random) -> None:
    order = sorted(graph)
    rnd.shuffle(order)
    assert graph_is_sound(graph)
    assert choose_head(_reordered(graph, order)) == choose_head(graph)


@given(held_subsets())
def test_the_head_is_held_and_no_held_revision_names_it_as_parent(graph: Graph) -> None:
    head, _ = choose_head(graph)
    assert head in graph
    assert all(head not in parents for _, parents in graph.values())


@given(st.integers(1, 20), st.data())
def test_any_part_of_a_linear_history_has_its_newest_revision_as_head(
    length: int, data: st.DataObject
) -> None:
    chain: Graph = {
        f"v{n:02d}": (n, (f"v{n - 1:02d}",) if n > 1 else ()) for n in range(1, length + 1)
    }
    held = data.draw(st.lists(st.sampled_from(sorted(chain)), min_size=1, unique=True))
    graph = {r: chain[r] for r in held}
    newest = max(held, key=lambda r: graph[r][0])
    assert choose_head(graph) == (newest, False)  # missing history is never a conflict


@given(histories(), st.data())
def test_naming_a_descendant_as_parent_is_unsound(graph: Graph, data: st.DataObject) -> None:
    ids = sorted(graph)
    child = data.draw(st.sampled_from(ids))
    older = [r for r in ids if graph[r][0] <= graph[child][0]]
    victim = data.draw(st.sampled_from(older))  # itself, or no newer than it: a cycle
    seq, parents = graph[victim]
    graph[victim] = (seq, (*parents, child))
    assert not graph_is_sound(graph)
