"""Revision-graph rules: which revisions of an entry may be held together, and which
one is its head.

Pure functions over revision ids, their parents and their ``seq`` (a revision's
place in its author's history: one more than its parent's). No storage, no Qt: the
import batch calls them today, and the cohort issue's merge engine grows from here.
Every answer depends on the *set* of revisions only, never on the order they came in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reflectdesk.errors import RecordTampered

RevisionGraph = Mapping[str, tuple[int, Sequence[str]]]  # revision id -> (seq, parent ids)


def graph_is_sound(revisions: RevisionGraph) -> bool:
    """Every known parent has a lower ``seq`` than its child: no self-parent, no
    cycle (``seq`` falls strictly along every edge), whatever order bundles came in."""
    for rev_id, (seq, parents) in revisions.items():
        for parent in parents:
            if parent == rev_id:
                return False
            known = revisions.get(parent)
            if known is not None and known[0] >= seq:
                return False
    return True


def choose_head(revisions: RevisionGraph) -> tuple[str, bool]:
    """The head revision and whether concurrent revisions are held (``conflicted``).

    A function of the *set* of known revisions, so any import order gives the same
    result. Heads are revisions no known revision names as a parent. A head whose
    known ancestry has a gap (a parent that was never received, as in a bundle sent
    without history) and a higher ``seq`` may descend from an older head, so it
    supersedes it; any other pair of heads is a real fork: both are kept, the entry
    is conflicted and the head is the one with the highest ``(seq, id)``.
    """
    has_child = {p for _, parents in revisions.values() for p in parents if p in revisions}
    heads = [r for r in revisions if r not in has_child]
    if len(heads) > 1:
        gapped = [h for h in heads if has_gap(h, revisions)]
        heads = [
            h
            for h in heads
            if not any(g != h and revisions[g][0] > revisions[h][0] for g in gapped)
        ]
    if not heads:  # only a cycle can leave no head; graph_is_sound refuses those
        raise RecordTampered("entry_revisions.parents")
    head = max(heads, key=lambda r: (revisions[r][0], r))
    return head, len(heads) > 1


def has_gap(start: str, revisions: RevisionGraph) -> bool:
    """Whether some revision in ``start``'s known ancestry names a parent not held."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for parent in revisions[current][1]:
            if parent not in revisions:
                return True
            todo.append(parent)
    return False
