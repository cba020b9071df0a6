"""Which keys a revocation reaches through a rotation chain, and from when."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reflectdesk.domain.key_chain import (
    ALWAYS,
    reached_by_rotation,
    refused_from,
    revocation_dates,
    revoked_keys,
)
from reflectdesk.domain.model import CardData, Contact, KeyLink, KeyRevocation, Role

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def _link(key: bytes, vouched_by: bytes | None, day: int) -> KeyLink:
    return KeyLink(key, "age1x", key.hex(), T0 + timedelta(days=day), vouched_by, T0)


def _contact(chain: tuple[KeyLink, ...], *revocations: KeyRevocation) -> Contact:
    card = CardData("Ana", Role.MENTOR, "", "age1x", chain[-1].signing_key, "k", T0, T0, b"")
    return Contact("c", card, False, False, False, T0, T0, chain=chain, revocations=revocations)


A, T, T2, B = b"A" * 32, b"T" * 32, b"U" * 32, b"B" * 32


def test_a_revocation_reaches_every_key_vouched_from_the_revoked_one() -> None:
    chain = (_link(A, None, 0), _link(T, A, 1), _link(T2, T, 2))
    assert reached_by_rotation(chain, A) == {A, T, T2}
    assert reached_by_rotation(chain, T) == {T, T2}
    assert reached_by_rotation(chain, T2) == {T2}


def test_a_key_change_not_vouched_is_not_reached() -> None:
    chain = (_link(A, None, 0), _link(B, None, 1))  # accepted after a safety-number check
    assert reached_by_rotation(chain, A) == {A}


def test_a_loop_in_the_chain_terminates() -> None:
    chain = (_link(A, T, 0), _link(T, A, 1), _link(A, T, 2))  # hand-made: A -> T -> A
    assert reached_by_rotation(chain, A) == {A, T}
    assert reached_by_rotation(chain, T) == {A, T}


def test_the_earliest_revocation_wins_and_a_future_date_counts_from_its_import() -> None:
    chain = (_link(A, None, 0), _link(T, A, 1))
    late = KeyRevocation(A, T0 + timedelta(days=9), T0 + timedelta(days=9))
    early = KeyRevocation(T, T0 + timedelta(days=5), T0 + timedelta(days=9))
    future = KeyRevocation(A, T0 + timedelta(days=999), T0 + timedelta(days=7))
    assert revoked_keys(_contact(chain, early)) == {T: T0 + timedelta(days=5)}
    contact = _contact(chain, late, early, future)
    assert revocation_dates(contact) == {A: T0 + timedelta(days=7), T: T0 + timedelta(days=5)}
    # Reached through the rotation, T counts for nothing; A from its revocation's date.
    assert revoked_keys(contact) == {A: T0 + timedelta(days=7), T: ALWAYS}
    # A was also replaced on day 1 (the rotation card's date): refused from then.
    assert refused_from(contact, A) == T0 + timedelta(days=1)
    assert refused_from(contact, T) == ALWAYS
    assert refused_from(_contact(chain), T) is None
