"""The review-record store's own reads on a real vault: revisions named as their author
names them. Storing and reading signed records end to end: tests/services/test_review*.py."""

from __future__ import annotations

from reflectdesk.domain.model import EntryContent
from reflectdesk.services.vault import Vault
from reflectdesk.storage.review_records import ReviewRecordRepo


def test_own_revisions_keep_their_ids_and_nothing_is_held_yet(vault: Vault) -> None:
    st = vault._unlocked()
    repo = ReviewRecordRepo(st.db, st.cipher)
    journal = vault.journals.create("J")
    entry = vault.entries.add(journal.id, EntryContent(title="v1", sections={"body": "a"}))
    edited = vault.entries.edit(entry.id, EntryContent(title="v2", sections={"body": "b"}))
    refs = repo.revisions(entry.id)
    assert [(r.seq, r.local_id, r.revision_ref) for r in refs] == [
        (1, entry.head.id, entry.head.id),
        (2, edited.head.id, edited.head.id),
    ]
    assert {r.entry_ref for r in refs} == {entry.id}
    assert refs[1].content_hash == edited.head.content_hash
    assert {r.author for r in refs} == {st.author}
    assert repo.held(["some-record"]) == set()
    assert repo.for_entries([entry.id]) == [] and repo.for_entries() == []
    assert repo.row_id("r") == repo.row_id("r") != repo.row_id("s")  # keyed, stable


def test_many_entries_revisions_at_once_match_one_by_one(vault: Vault) -> None:
    st = vault._unlocked()
    repo = ReviewRecordRepo(st.db, st.cipher)
    journal = vault.journals.create("J")
    a = vault.entries.add(journal.id, EntryContent(title="a", sections={"body": "uno"}))
    vault.entries.edit(a.id, EntryContent(title="a2", sections={"body": "dos"}))
    b = vault.entries.add(journal.id, EntryContent(title="b", sections={"body": "tres"}))
    many = repo.revisions_many([a.id, b.id, "not-held"])
    assert set(many) == {a.id, b.id}
    for entry_id in (a.id, b.id):
        assert [ref for ref, _c in many[entry_id]] == repo.revisions(entry_id)
    assert [c.sections["body"] for _r, c in many[a.id]] == ["uno", "dos"]
    assert repo.revisions_many([]) == {}
