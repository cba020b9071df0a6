"""A received revision graph must be acyclic (seq falls along every parent edge);
otherwise the import refuses it instead of crashing or wedging the entry."""

from __future__ import annotations

import pytest

from reflectdesk.errors import RecordTampered
from reflectdesk.storage.entries import choose_head, graph_is_sound


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
def test_unsound_graphs(graph: dict[str, tuple[int, tuple[str, ...]]]) -> None:
    assert not graph_is_sound(graph)


def test_choose_head_never_crashes_on_a_cycle() -> None:
    with pytest.raises(RecordTampered):
        choose_head({"a": (2, ("b",)), "b": (3, ("a",))})
