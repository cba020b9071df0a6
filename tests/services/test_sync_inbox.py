"""The sync inbox (services/sync_inbox.py): download faults, files gone or replaced, the
unverified sender who waits for you, attacks through the shared folder, hostile listings."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import delete

from reflectdesk.domain.model import ExportRequest, Role
from reflectdesk.domain.sync import RemoteState
from reflectdesk.services import sync_inbox
from reflectdesk.storage import schema
from tests.services.sync_helpers import (
    Duo,
    connect_folder,
    connect_webdav,
    finals,
    imported_bundles,
    make_duo,
    new_vault,
    reopen,
    sync_repo,
)
from tests.sync.davserver import PASSWORD, USER, DavServer


@pytest.mark.parametrize("kind", ["truncate", "drop_body"])
def test_download_faults_are_retried_and_imported_once(dav: DavServer, duo: Duo, kind: str) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    bundle = duo.send(duo.write("Descarga"))
    duo.student.sync.sync_now()
    dav.faults.add("GET", kind)
    dav.faults.add("GET", kind)
    dav.faults.add("GET", kind)  # more than one run's retries: the next run fetches it
    first = duo.mentor.sync.sync_now()
    assert first.received == 0 and [c for _, c in first.errors] == ["transfer_incomplete"]
    assert not list((duo.mentor._unlocked().db.path.parent / "inbox").glob("*.rdbundle*"))
    assert duo.mentor.sync.sync_now().received == 1
    assert imported_bundles(duo.mentor) == [bundle]


def test_file_deleted_by_someone_else_between_list_and_get(dav: DavServer, duo: Duo) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    duo.send(duo.write("Borrado"))
    duo.student.sync.sync_now()
    (name,) = finals(dav)
    dav.faults.add("GET", "before", action=lambda: os.unlink(dav.root / "exchange" / name))
    report = duo.mentor.sync.sync_now()
    assert report.errors == () and report.received == 0
    assert [r.error for r in sync_repo(duo.mentor).remote()] == ["remote_file_gone"]
    assert imported_bundles(duo.mentor) == []


def test_unverified_sender_waits_for_you_then_accept(dav: DavServer, tmp_path: Path) -> None:
    d = make_duo(tmp_path, verify=False)
    try:
        connect_webdav(d, dav.url(), USER, PASSWORD)
        bundle = d.send(d.write("Espera"))
        d.student.sync.sync_now()
        report = d.mentor.sync.sync_now()
        assert (report.received, report.waiting) == (0, 1)
        assert imported_bundles(d.mentor) == []
        (item,) = d.mentor.sync.waiting()
        assert item.preview.author_name == "Camila Pérez"
        assert d.mentor.sync.status().waiting == 1
        assert d.mentor.sync.sync_now().waiting == 0  # not listed twice
        d.mentor.sync.accept(item.id)
        assert imported_bundles(d.mentor) == [bundle]
        assert d.mentor.sync.waiting() == [] and d.mentor.sync.status().waiting == 0
    finally:
        d.student.close()
        d.mentor.close()


def test_shared_folder_attacks_swap_replay_huge_foreign(duo: Duo, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    connect_folder(duo, share)
    first = duo.send(duo.write("Primera"))
    duo.student.sync.sync_now()
    (name,) = os.listdir(share)
    assert duo.mentor.sync.sync_now().received == 1
    # A co-user replays the old bundle under a new name: already imported, nothing new.
    shutil.copy(share / name, share / ("a" * 32 + ".rdbundle"))
    # … swaps garbage in under another name, and plants a huge (sparse) file.
    (share / ("b" * 32 + ".rdbundle")).write_bytes(os.urandom(5000))
    with open(share / ("c" * 32 + ".rdbundle"), "wb") as huge:
        huge.truncate(600 * 1024 * 1024)
    # A third person's bundle for someone else in the same folder.
    third = new_vault(tmp_path / "third", "Otra Persona", Role.STUDENT)
    try:
        to_student = third.contacts.import_card(duo.student.identity.card()).contact
        assert to_student is not None
        j = third.journals.create("Otro")
        from reflectdesk.domain.model import EntryContent

        e = third.entries.add(j.id, EntryContent(title="Ajeno", sections={}))
        third.exports.export(ExportRequest(recipients=(to_student.id,), entry_ids=(e.id,)), share)
    finally:
        third.close()
    report = duo.mentor.sync.sync_now()
    assert (report.received, report.waiting, report.errors) == (0, 0, ())
    states = sorted((r.state.value, r.error) for r in sync_repo(duo.mentor).remote())
    assert ("rejected", "bundle_too_large") in states
    assert ("not_for_you", "bundle_not_for_you") in states
    assert sum(1 for s, _ in states if s == "imported") == 2  # the first, and its replay
    assert any(s == "rejected" and e not in ("", "bundle_too_large") for s, e in states)
    assert imported_bundles(duo.mentor) == [first]
    # Nothing it did not put there was removed or changed.
    assert len(os.listdir(share)) == 5 and (share / ("c" * 32 + ".rdbundle")).stat().st_size
    assert duo.mentor.sync.sync_now().skipped == 0  # each file looked at once


def test_a_file_replaced_under_the_same_name_is_looked_at_again(duo: Duo, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    connect_folder(duo, share)
    duo.send(duo.write("Uno"))
    duo.student.sync.sync_now()
    (name,) = os.listdir(share)
    assert duo.mentor.sync.sync_now().received == 1
    (share / name).write_bytes(os.urandom(3000))  # swapped in place by someone
    report = duo.mentor.sync.sync_now()
    assert report.received == 0 and report.skipped == 1
    assert len(imported_bundles(duo.mentor)) == 1


def test_a_file_that_never_arrives_whole_does_not_block_the_others(
    dav: DavServer, duo: Duo
) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    bundles = [duo.send(duo.write(f"Archivo {i}")) for i in range(3)]
    duo.student.sync.sync_now()
    bad = finals(dav)[0]
    for _ in range(30):  # the server keeps cutting this one file short (it lies)
        dav.faults.add("GET", "truncate", path_part=bad)
    first = duo.mentor.sync.sync_now()
    assert first.received == 2 and [c for _, c in first.errors] == ["transfer_incomplete"]
    for _ in range(6):
        duo.mentor.sync.sync_now()
    states = {r.name: (r.state, r.error) for r in sync_repo(duo.mentor).remote()}
    assert states[bad] == (RemoteState.REJECTED, "transfer_incomplete")
    assert len(imported_bundles(duo.mentor)) == 2 and set(imported_bundles(duo.mentor)) < set(
        bundles
    )
    last = duo.mentor.sync.sync_now()  # set aside: no more errors, nothing lost silently
    assert last.errors == () and duo.mentor.sync.log()[1].code in ("", "transfer_incomplete")
    assert bad in os.listdir(dav.root / "exchange")  # and never deleted


def test_hostile_listing_hrefs_never_reach_the_disk(
    dav: DavServer, duo: Duo, tmp_path: Path
) -> None:
    import re

    connect_webdav(duo, dav.url(), USER, PASSWORD)
    bundle = duo.send(duo.write("Lista"))
    duo.student.sync.sync_now()
    (name,) = finals(dav)
    hostile = [
        "/dav/exchange/../../../../tmp/escape.rdbundle",
        "/dav/exchange/..%2F..%2Fescape2.rdbundle",
        "/dav/exchange/sub/inner.rdbundle",
        "/dav/other/elsewhere.rdbundle",
        "http://evil.example/dav/exchange/remote.rdbundle",
        "/dav/exchange/%2e%2e",
        "/dav/exchange/.hidden.rdbundle",
    ]

    served: list[int] = []

    def add_entries(body: bytes) -> bytes:
        text = body.decode()
        block = re.search(
            r"<(\w+:)?response>((?!response>).)*?" + re.escape(name) + r".*?</(\w+:)?response>",
            text,
            re.S,
        )
        if block is None:  # the folder's own PROPFIND (depth 0): left as it is
            return body
        served.append(1)
        extra = "".join(block.group(0).replace(f"/dav/exchange/{name}", h) for h in hostile)
        return text.replace(block.group(0), block.group(0) + extra).encode()

    for _ in range(3):  # the folder check, the folder's stamp (depth 0), the listing
        dav.faults.add("PROPFIND", "rewrite", rewrite=add_entries)
    report = duo.mentor.sync.sync_now()
    assert served  # the hostile listing was served
    assert report.received == 1 and report.errors == ()
    assert imported_bundles(duo.mentor) == [bundle]
    # An absolute href is legal WebDAV: its host is ignored, the name is only ever asked
    # of the configured server (which has no such file: set aside, nothing fetched).
    seen = {r.name: (r.state, r.error) for r in sync_repo(duo.mentor).remote()}
    assert seen == {
        name: (RemoteState.IMPORTED, ""),
        "remote.rdbundle": (RemoteState.REJECTED, "remote_file_gone"),
    }
    assert not (Path("/tmp") / "escape.rdbundle").exists()
    inbox = duo.mentor._unlocked().db.path.parent / "inbox"
    assert list(inbox.iterdir()) == []


def test_outcomes_lost_in_a_crash_only_mean_fetching_again(tmp_path: Path, duo: Duo) -> None:
    """The inbox stores outcomes a batch at a time: a kill before a batch is stored leaves
    no row for those files (and maybe a half-downloaded file in inbox/). The next run
    fetches them again and imports nothing twice."""
    shared = tmp_path / "shared"
    shared.mkdir()
    connect_folder(duo, shared)
    sent = sorted(duo.send(duo.write(f"Clase {i}")) for i in range(3))
    assert duo.student.sync.sync_now().sent == 3
    assert duo.mentor.sync.sync_now().received == 3
    st = duo.mentor._unlocked()
    with st.write_lock, st.db.session() as s:  # what the vault holds after such a kill
        s.execute(delete(schema.SyncRemote))
    orphan = st.db.path.parent / "inbox" / ("0" * 32 + ".rdbundle")
    orphan.write_bytes(b"half a download")
    again = duo.mentor.sync.sync_now()
    assert again.received == 0 and again.skipped == 3 and not again.errors
    assert sorted(imported_bundles(duo.mentor)) == sent  # each once
    assert sync_repo(duo.mentor).remote_count(RemoteState.IMPORTED) == 3
    assert not orphan.exists()
    assert duo.mentor.sync.sync_now().skipped == 0  # known now: nothing fetched
    duo.mentor.close()
    duo.mentor = reopen(duo.mentor.path)  # the vault state MAC held
    assert sorted(imported_bundles(duo.mentor)) == sent


def _listings(dav: DavServer) -> int:
    return sum(1 for m, _p, depth in dav.app.requests if m == "PROPFIND" and depth == "1")


def _age_folder(dav: DavServer, when: float | None = None) -> None:
    """The folder as it is a while later: its Last-Modified (``when``, default a minute
    ago) well before the server's Date."""
    old = time.time() - 60 if when is None else when
    os.utime(dav.root / "exchange", (old, old))


def test_an_unchanged_folder_is_not_listed_again_and_a_change_is_seen(
    dav: DavServer, duo: Duo, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    base = time.time() - 120  # fixed: the same Last-Modified gives the same stamp

    def mentor_sync() -> tuple[int, int]:  # (received, listings of the folder it made)
        before = _listings(dav)
        report = duo.mentor.sync.sync_now(due_only=True)  # the app's periodic run
        assert report.errors == ()
        return report.received, _listings(dav) - before

    first = duo.send(duo.write("Una"))
    duo.student.sync.sync_now()
    _age_folder(dav, base)
    assert mentor_sync() == (1, 1)  # listed in full, the folder's stamp remembered
    assert mentor_sync() == (0, 0)  # one PROPFIND depth 0, no listing
    # Another file arrives: the folder's Last-Modified moves, so the mentor lists again.
    second = duo.send(duo.write("Otra"))
    duo.student.sync.sync_now()
    assert mentor_sync() == (1, 1)
    assert sorted(imported_bundles(duo.mentor)) == sorted([first, second])
    # A server whose folder stamp misses a change (here: put back by hand) delays the
    # file until the next full listing (every FULL_LISTING_EVERY_S), never loses it.
    _age_folder(dav, base + 10)
    assert mentor_sync() == (0, 1)  # the stamp changed: listed, remembered
    third = duo.send(duo.write("Tercera"))
    duo.student.sync.sync_now()
    _age_folder(dav, base + 10)
    assert mentor_sync() == (0, 0)  # the stamp did not move
    # "Sync now" (or Retry now) lists it at once; so does the periodic full listing.
    before = _listings(dav)
    assert duo.mentor.sync.sync_now().received == 1 and _listings(dav) == before + 1
    assert third in imported_bundles(duo.mentor)
    fourth = duo.send(duo.write("Cuarta"))
    duo.student.sync.sync_now()
    _age_folder(dav, base + 10)
    assert mentor_sync() == (0, 0)
    monkeypatch.setattr(sync_inbox, "FULL_LISTING_EVERY_S", 0.0)
    assert mentor_sync() == (1, 1)
    assert fourth in imported_bundles(duo.mentor)


def test_a_folder_changed_just_now_or_failing_files_are_listed_every_run(
    dav: DavServer, duo: Duo
) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    duo.send(duo.write("Una"))
    duo.student.sync.sync_now()  # the folder's Last-Modified is now: no stamp to trust
    before = _listings(dav)
    duo.mentor.sync.sync_now()
    duo.mentor.sync.sync_now()
    assert _listings(dav) == before + 2
    # A download that failed is tried again at the next run, whatever the stamp says.
    duo.send(duo.write("Otra"))
    duo.student.sync.sync_now()
    _age_folder(dav)
    for _ in range(3):
        dav.faults.add("GET", "truncate")
    assert duo.mentor.sync.sync_now().received == 0
    assert duo.mentor.sync.sync_now().received == 1
