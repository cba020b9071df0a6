"""The shared-folder transport on a real temporary folder."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest

from reflectdesk.bundles import bundle_file_name
from reflectdesk.errors import (
    Cancelled,
    ExchangeFolderUnavailable,
    ExchangeFolderUnwritable,
    RemoteFileChanged,
    RemoteFileGone,
    RemoteFileNotOwn,
    RemoteNameTaken,
    ServerFull,
    SyncTransferError,
    TransferIncomplete,
)
from reflectdesk.progress import CancelToken, Progress
from reflectdesk.sync import FolderTransport, PutReceipt
from reflectdesk.sync.transport import temp_name


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    return folder


def _visible(folder: Path) -> set[str]:
    return set(os.listdir(folder))


def test_put_list_get_round_trip(shared: Path, tmp_path: Path) -> None:
    transport = FolderTransport(shared)
    name, data = bundle_file_name(), os.urandom(300_000)
    seen: list[Progress] = []
    receipt = transport.put(name, data, progress=seen.append)
    assert receipt == PutReceipt(name, len(data), receipt.etag)
    assert seen[-1].done == seen[-1].total == len(data)
    assert _visible(shared) == {name}  # no temporary file left behind
    [remote] = transport.list()
    assert (remote.name, remote.size, remote.etag) == (name, len(data), receipt.etag)
    dest = tmp_path / "in" / "got.rdbundle"
    dest.parent.mkdir()
    transport.get(name, dest, remote.size, remote.etag)
    assert dest.read_bytes() == data
    assert os.listdir(dest.parent) == ["got.rdbundle"]


def test_list_ignores_temporaries_hidden_foreign_names_dirs_and_symlinks(
    shared: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_bytes(b"outside the exchange folder")
    (shared / temp_name("0123456789abcdef", "x.rdbundle")).write_bytes(b"half")
    (shared / ".~lock.whatever#").write_bytes(b"")
    (shared / "notes about café.txt").write_bytes(b"")
    (shared / "subdir").mkdir()
    (shared / "link.rdbundle").symlink_to(outside)
    transport = FolderTransport(shared)
    assert transport.list() == []
    with pytest.raises(RemoteFileGone):  # a symlink is never followed out of the folder
        transport.get("link.rdbundle", tmp_path / "dest", outside.stat().st_size)
    assert not (tmp_path / "dest").exists()


def test_listing_tolerates_files_appearing_and_vanishing(shared: Path) -> None:
    transport = FolderTransport(shared)
    stop = threading.Event()

    def churn() -> None:
        i = 0
        while not stop.is_set():
            path = shared / f"churn{i % 50}.rdbundle"
            path.write_bytes(b"x" * 100)
            path.unlink()
            i += 1

    worker = threading.Thread(target=churn)
    worker.start()
    try:
        for _ in range(300):
            for remote in transport.list():
                assert remote.size in (0, 100)
    finally:
        stop.set()
        worker.join()


def test_two_clients_racing_for_one_name_one_wins_nothing_overwritten(shared: Path) -> None:
    name = bundle_file_name()
    contents = [os.urandom(2_000_000), os.urandom(2_000_000)]
    results: list[object] = [None, None]
    barrier = threading.Barrier(2)

    def run(i: int) -> None:
        transport = FolderTransport(shared)
        barrier.wait()
        try:
            results[i] = transport.put(name, contents[i])
        except RemoteNameTaken as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [i for i, r in enumerate(results) if isinstance(r, PutReceipt)]
    losers = [i for i, r in enumerate(results) if isinstance(r, RemoteNameTaken)]
    assert len(winners) == 1 and len(losers) == 1
    assert (shared / name).read_bytes() == contents[winners[0]]
    assert _visible(shared) == {name}


def test_a_foreign_file_is_never_overwritten(shared: Path) -> None:
    name = bundle_file_name()
    (shared / name).write_bytes(b"someone else's bundle")
    with pytest.raises(RemoteNameTaken):
        FolderTransport(shared).put(name, b"mine, different")
    assert (shared / name).read_bytes() == b"someone else's bundle"
    assert _visible(shared) == {name}


def test_retry_after_a_crash_reuses_its_temp_and_never_duplicates(shared: Path) -> None:
    token = "00112233aabbccdd"
    name, data = bundle_file_name(), os.urandom(50_000)
    # A crash mid-write left half a temporary file (hidden from every reader).
    (shared / temp_name(token, name)).write_bytes(data[:20_000])
    transport = FolderTransport(shared, client_token=token)
    assert transport.list() == []
    first = transport.put(name, data)
    # The answer was lost (crash after the link): the retry finds its own complete file.
    again = transport.put(name, data)
    assert again.already_there and not first.already_there
    assert again.etag == first.etag
    assert _visible(shared) == {name}
    assert (shared / name).read_bytes() == data


def test_get_checks_size_and_etag_and_keeps_nothing_partial(shared: Path, tmp_path: Path) -> None:
    transport = FolderTransport(shared)
    name = bundle_file_name()
    receipt = transport.put(name, b"a" * 1000)
    dest = tmp_path / "dest.rdbundle"
    with pytest.raises(TransferIncomplete):
        transport.get(name, dest, 2000)
    (shared / name).unlink()
    (shared / name).write_bytes(b"b" * 1000)  # replaced by someone: another ETag
    with pytest.raises(RemoteFileChanged):
        transport.get(name, dest, 1000, receipt.etag)
    with pytest.raises(RemoteFileGone):
        transport.get("gone.rdbundle", dest, 1000)
    assert os.listdir(tmp_path) == ["shared"]


def test_cancel_mid_transfer_leaves_nothing(shared: Path, tmp_path: Path) -> None:
    transport = FolderTransport(shared)
    token = CancelToken()

    def cancel_soon(p: Progress) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        transport.put(bundle_file_name(), os.urandom(1_000_000), cancel_soon, token)
    assert _visible(shared) == set()
    name = bundle_file_name()
    transport.put(name, os.urandom(1_000_000))
    token = CancelToken()
    with pytest.raises(Cancelled):
        transport.get(name, tmp_path / "d", 1_000_000, None, cancel_soon, token)
    assert not (tmp_path / "d").exists()
    assert sorted(os.listdir(tmp_path)) == ["shared"]


def test_delete_own_only_removes_the_file_it_put(shared: Path) -> None:
    transport = FolderTransport(shared)
    mine = transport.put(bundle_file_name(), b"mine")
    foreign = bundle_file_name()
    (shared / foreign).write_bytes(b"theirs")
    with pytest.raises(RemoteFileNotOwn):
        transport.delete_own(PutReceipt(foreign, 6, None))
    with pytest.raises(RemoteFileNotOwn):  # a guessed receipt does not match the file
        transport.delete_own(PutReceipt(foreign, 6, "1-2-6"))
    replaced = transport.put(bundle_file_name(), b"replace me")
    (shared / replaced.name).unlink()
    (shared / replaced.name).write_bytes(b"replaced!!")
    with pytest.raises(RemoteFileNotOwn):
        transport.delete_own(replaced)
    transport.delete_own(mine)
    transport.delete_own(mine)  # already gone: fine
    assert _visible(shared) == {foreign, replaced.name}


def test_missing_folder_is_unavailable_not_a_crash(tmp_path: Path) -> None:
    transport = FolderTransport(tmp_path / "unplugged-stick")
    with pytest.raises(ExchangeFolderUnavailable) as caught:
        transport.list()
    assert caught.value.retryable
    with pytest.raises(ExchangeFolderUnavailable):
        transport.put(bundle_file_name(), b"x")


def test_sweep_removes_only_its_own_temporaries(shared: Path) -> None:
    transport = FolderTransport(shared, client_token="aaaaaaaaaaaaaaaa")
    (shared / temp_name("aaaaaaaaaaaaaaaa", "a.rdbundle")).write_bytes(b"mine")
    (shared / temp_name("bbbbbbbbbbbbbbbb", "b.rdbundle")).write_bytes(b"theirs")
    assert transport.sweep_own_temporaries() == 1
    assert _visible(shared) == {temp_name("bbbbbbbbbbbbbbbb", "b.rdbundle")}


# --- faults this machine's file system cannot produce on cue: injected ------------------
def test_without_hard_links_it_renames_and_still_never_overwrites(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_link(*_a: object, **_k: object) -> None:
        raise OSError(errno.EPERM, "no hard links on this stick")

    monkeypatch.setattr(os, "link", no_link)
    transport = FolderTransport(shared)
    name, data = bundle_file_name(), os.urandom(10_000)
    receipt = transport.put(name, data)
    assert _visible(shared) == {name} and (shared / name).read_bytes() == data
    assert transport.put(name, data).already_there
    with pytest.raises(RemoteNameTaken):
        transport.put(name, b"other bytes")
    assert (shared / name).read_bytes() == data and _visible(shared) == {name}
    transport.delete_own(receipt)


@pytest.mark.parametrize(
    ("err", "error", "retryable"),
    [
        (errno.ENOSPC, ServerFull, False),
        (errno.EROFS, ExchangeFolderUnwritable, False),
        (errno.EIO, ExchangeFolderUnavailable, True),
    ],
)
def test_disk_full_read_only_and_io_errors_map_and_leave_nothing(
    shared: Path,
    monkeypatch: pytest.MonkeyPatch,
    err: int,
    error: type[SyncTransferError],
    retryable: bool,
) -> None:
    real_write = os.write
    calls = [0]

    def failing_write(fd: int, data: object) -> int:
        calls[0] += 1
        if calls[0] > 2:
            raise OSError(err, os.strerror(err))
        return real_write(fd, data)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "write", failing_write)
    with pytest.raises(error) as caught:
        FolderTransport(shared).put(bundle_file_name(), os.urandom(2_000_000))
    assert type(caught.value) is error and caught.value.retryable is retryable
    assert _visible(shared) == set()  # neither a final name nor our temporary file
