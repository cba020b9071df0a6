"""A contact's rotation chain: which keys a revocation reaches, and from when.

Each contact keeps every signing key it has had (:class:`KeyLink`, oldest first) and
which earlier key vouched for each (signed its rotation card). A revocation of key
``R`` applies to ``R`` and to every key reached from ``R`` by rotation — whoever
stole ``R`` could have made those rotations. Loops cannot be made through the
service (a card for a key already in the chain is refused), but nothing here
depends on that: the walk keeps a visited set.
"""

from __future__ import annotations

from datetime import UTC, datetime

from reflectdesk.domain.model import Contact, KeyLink


def reached_by_rotation(chain: tuple[KeyLink, ...], start: bytes) -> frozenset[bytes]:
    """``start`` and every key vouched for by it, directly or through other keys."""
    found = {start}
    grew = True
    while grew:
        grew = False
        for link in chain:
            if link.vouched_by in found and link.signing_key not in found:
                found.add(link.signing_key)
                grew = True
    return frozenset(found)


# Refused from the beginning: nothing a key reached through a rotation signed counts.
ALWAYS = datetime.min.replace(tzinfo=UTC)


def revocation_dates(contact: Contact) -> dict[bytes, datetime]:
    """Every key a revocation reaches -> the earliest (effective) revocation reaching it."""
    out: dict[bytes, datetime] = {}
    for revocation in contact.revocations:
        when = revocation.effective
        for key in reached_by_rotation(contact.chain, revocation.signing_key):
            out[key] = min(out.get(key, when), when)
    return out


def revoked_keys(contact: Contact) -> dict[bytes, datetime]:
    """Every key a revocation reaches -> the date from which its bundles are refused.

    The revoked key itself: from the revocation's date (what it signed before stays;
    its holder can back-date, docs/threat-model.md). A key reached *through* a rotation:
    :data:`ALWAYS` — it exists only because the revoked key vouched for it, and its
    holder could date a bundle before the revocation as easily as after.
    """
    out: dict[bytes, datetime] = {}
    for revocation in contact.revocations:
        for key in reached_by_rotation(contact.chain, revocation.signing_key):
            when = revocation.effective if key == revocation.signing_key else ALWAYS
            out[key] = min(out.get(key, when), when)
    return out


def retired_at(chain: tuple[KeyLink, ...], signing_key: bytes) -> datetime | None:
    """When a key stopped being the current one (the next key's card date), or None."""
    for i in range(len(chain) - 1, -1, -1):
        if chain[i].signing_key == signing_key:
            return chain[i + 1].since if i + 1 < len(chain) else None
    return None


def link_for(contact: Contact, signing_key: bytes) -> KeyLink | None:
    for link in reversed(contact.chain):
        if link.signing_key == signing_key:
            return link
    return None


def refused_from(contact: Contact, signing_key: bytes) -> datetime | None:
    """From when bundles signed by ``signing_key`` (a key of this contact) are refused:
    the earliest of its revocation and its retirement; None while it is in force."""
    dates = [
        d
        for d in (revoked_keys(contact).get(signing_key), retired_at(contact.chain, signing_key))
        if d is not None
    ]
    return min(dates) if dates else None
