"""The SQLite file: WAL checkpoints run in the background, and the data is all there."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import DatabaseError

from reflectdesk.storage.database import Database
from reflectdesk.storage.schema import Meta

BIG = "x" * (6 * 1024 * 1024)


def _wait_for(condition, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_a_big_commit_is_checkpointed_by_the_background_thread(tmp_path: Path) -> None:
    db = Database(tmp_path / "vault.db")
    db.initialise("vault-1")
    main_before = os.stat(db.path).st_size
    with db.session() as s:
        s.execute(insert(Meta).values(key="big", value=BIG))
    # The commit returned with the frames in the WAL; the checkpointer copies them.
    assert _wait_for(lambda: os.stat(db.path).st_size > main_before + len(BIG) // 2)
    with db.session() as s:
        assert s.execute(select(Meta.value).where(Meta.key == "big")).scalar() == BIG
    db.close()


def test_small_commits_do_not_wake_it(tmp_path: Path) -> None:
    db = Database(tmp_path / "vault.db")
    db.initialise("vault-1")
    with db.session() as s:
        s.execute(insert(Meta).values(key="small", value="y"))
    assert db._checkpointer._thread is None
    db.close()


def test_closing_leaves_a_complete_database_file(tmp_path: Path) -> None:
    db = Database(tmp_path / "vault.db")
    db.initialise("vault-1")
    with db.session() as s:
        s.execute(insert(Meta).values(key="big", value=BIG))
    db.close()
    # SQLite checkpoints when the last connection closes: no WAL is left to replay.
    assert (
        not (tmp_path / "vault.db-wal").exists() or not (tmp_path / "vault.db-wal").stat().st_size
    )
    conn = sqlite3.connect(tmp_path / "vault.db")  # a Database without a page key
    assert conn.execute("SELECT length(value) FROM meta WHERE key='big'").fetchone() == (len(BIG),)
    conn.close()


def test_once_checkpointed_small_commits_stay_quiet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The WAL is cut back when it restarts, so its size keeps meaning "work waiting"."""
    db = Database(tmp_path / "vault.db")
    db.initialise("vault-1")
    with db.session() as s:
        s.execute(insert(Meta).values(key="big", value=BIG))
    assert _wait_for(lambda: os.stat(db.path).st_size > len(BIG) // 2)
    # The file grows before its pages are copied: wait until every WAL frame is back in
    # the database (a loaded machine may see it half done), so the next commit restarts
    # the WAL and cuts it back.

    def fully_checkpointed() -> bool:
        conn = sqlite3.connect(db.path)
        try:
            busy, log, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            conn.close()
        return bool(busy == 0 and log == done)

    assert _wait_for(fully_checkpointed, timeout=60.0)
    wakes: list[int] = []
    real_wake = db._checkpointer.wake
    monkeypatch.setattr(db._checkpointer, "wake", lambda: (wakes.append(1), real_wake()))
    for i in range(20):
        with db.session() as s:
            s.execute(insert(Meta).values(key=f"small{i}", value="y"))
    assert wakes == []
    assert os.stat(tmp_path / "vault.db-wal").st_size <= 1024 * 1024
    db.close()


def test_the_checkpointer_survives_an_unexpected_error(tmp_path: Path) -> None:
    db = Database(tmp_path / "vault.db")
    db.initialise("vault-1")
    checkpointer = db._checkpointer
    real_engine = checkpointer._engine

    class FailsOnce:  # injects the fault a real disk gives rarely: "malformed"
        calls = 0

        def connect(self):  # type: ignore[no-untyped-def]
            FailsOnce.calls += 1
            if FailsOnce.calls == 1:
                raise DatabaseError("PRAGMA", {}, Exception("database disk image is malformed"))
            return real_engine.connect()

    checkpointer._engine = FailsOnce()
    with db.session() as s:
        s.execute(insert(Meta).values(key="big", value=BIG))
    assert _wait_for(lambda: FailsOnce.calls >= 1)
    with db.session() as s:
        s.execute(insert(Meta).values(key="big2", value=BIG))
    assert _wait_for(lambda: os.stat(db.path).st_size > len(BIG))
    assert checkpointer._thread is not None and checkpointer._thread.is_alive()
    db.close()


# -- group(): many units of work, one transaction (the batch import) -----------------------
def _keys(db: Database) -> set[str]:
    """What another connection sees: only what is committed."""
    with db.engine.connect() as conn:
        return {r[0] for r in conn.execute(select(Meta.key).where(Meta.key.like("k%")))}


def test_a_group_commits_its_units_once_and_each_sees_the_earlier(tmp_path: Path) -> None:
    db = Database(tmp_path / "vault.db")
    db.initialise("vault-1")
    with db.group():
        with db.session() as s:
            s.execute(insert(Meta).values(key="k1", value="1"))
        assert _keys(db) == set()  # released, not committed: RELEASE is not a COMMIT
        with db.session() as s:
            assert s.execute(select(Meta.value).where(Meta.key == "k1")).scalar() == "1"
            s.execute(insert(Meta).values(key="k2", value="2"))
        assert _keys(db) == set()
    assert _keys(db) == {"k1", "k2"}
    db.close()


def test_a_failed_unit_rolls_back_alone_and_the_group_goes_on(tmp_path: Path) -> None:
    db = Database(tmp_path / "vault.db")
    db.initialise("vault-1")
    with db.group():
        with db.session() as s:
            s.execute(insert(Meta).values(key="k1", value="1"))
        with pytest.raises(ZeroDivisionError), db.session() as s:
            s.execute(insert(Meta).values(key="k2", value="2"))
            _ = 1 / 0
        with db.session() as s:
            s.execute(insert(Meta).values(key="k3", value="3"))
    assert _keys(db) == {"k1", "k3"}
    db.close()


def test_an_error_in_the_group_keeps_nothing_of_it(tmp_path: Path) -> None:
    db = Database(tmp_path / "vault.db")
    db.initialise("vault-1")
    with db.session() as s:
        s.execute(insert(Meta).values(key="k0", value="0"))
    with pytest.raises(KeyError), db.group():
        with db.session() as s:
            s.execute(insert(Meta).values(key="k1", value="1"))
        raise KeyError("stop")
    assert _keys(db) == {"k0"}
    with db.group(), db.session() as s:  # the thread is free for the next group
        s.execute(insert(Meta).values(key="k2", value="2"))
    assert _keys(db) == {"k0", "k2"}
    db.close()


def test_other_threads_get_their_own_sessions_during_a_group(tmp_path: Path) -> None:
    import threading

    db = Database(tmp_path / "vault.db")
    db.initialise("vault-1")
    seen: list[object] = []

    def read() -> None:
        with db.session() as s:
            seen.append(s.execute(select(Meta.value).where(Meta.key == "k1")).scalar())

    with db.group():
        with db.session() as s:
            s.execute(insert(Meta).values(key="k1", value="1"))
        worker = threading.Thread(target=read)
        worker.start()
        worker.join()
    assert seen == [None]  # the group's uncommitted row is not the other thread's
    with pytest.raises(RuntimeError), db.group(), db.group():
        pass
    db.close()
