import functools
import os
import threading
from datetime import date
from pathlib import Path

import pytest

from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.domain.model import HIGHLIGHT_START, EntryContent, SearchFilters
from reflectdesk.errors import InvalidQuery
from reflectdesk.search import index as index_module
from reflectdesk.search.index import SearchIndex
from reflectdesk.storage import pages


def _doc(eid: str, title: str, body: str, **kw: object) -> IndexDoc:
    content = EntryContent(title=title, sections={"body": body}, **kw)  # type: ignore[arg-type]
    return IndexDoc.from_content(eid, "j1", 1_700_000_000_000, 1_700_000_000_000, 1, content)


@pytest.fixture
def index() -> SearchIndex:
    idx = SearchIndex()
    idx.add_many(
        [
            _doc(
                "e1",
                "Reflexión sobre la clase",
                "Los ESTUDIANTES trabajaron en grupo.",
                tags=("Aula", "grupos"),
                standards=("A1",),
                event_date=date(2026, 4, 2),
                template_id="gibbs",
            ),
            _doc(
                "e2",
                "Evaluación formativa",
                "Usé tickets de salida para evaluar.",
                tags=("evaluación",),
                standards=("B6",),
                event_date=date(2026, 5, 10),
                template_id="alact",
            ),
            _doc(
                "e3",
                "Lesson study",
                "We planned the research lesson together.",
                tags=("lesson-study",),
                event_date=date(2026, 6, 1),
                template_id="lesson-study",
            ),
        ]
    )
    return idx


def ids(hits) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.entry_id for h in hits]


def test_accent_and_case_insensitive(index: SearchIndex) -> None:
    assert ids(index.search("reflexion")) == ["e1"]
    assert ids(index.search("REFLEXIÓN")) == ["e1"]
    assert ids(index.search("estudiantes")) == ["e1"]
    assert ids(index.search("evaluacion")) == ["e2"]


def test_phrase_prefix_boolean(index: SearchIndex) -> None:
    assert ids(index.search('"trabajaron en grupo"')) == ["e1"]
    assert ids(index.search('"grupo trabajaron"')) == []
    assert set(ids(index.search("evalu*"))) == {"e2"}
    assert set(ids(index.search("grupo OR lesson"))) == {"e1", "e3"}
    assert ids(index.search("lesson NOT research")) == []
    assert ids(index.search("(clase OR lesson) AND grupo")) == ["e1"]


def test_snippets_are_highlighted(index: SearchIndex) -> None:
    hit = index.search("tickets")[0]
    assert HIGHLIGHT_START + "tickets" in hit.snippet


def test_title_ranks_above_body() -> None:
    idx = SearchIndex()
    idx.add_many(
        [
            _doc("body", "Otra cosa", "una nota sobre inclusión y algo más " * 3),
            _doc("title", "Inclusión", "texto"),
        ]
    )
    assert ids(idx.search("inclusion"))[0] == "title"


def test_filters(index: SearchIndex) -> None:
    assert ids(index.search("grupo OR tickets OR lesson", SearchFilters(tag="aula"))) == ["e1"]
    assert ids(index.search("grupo OR tickets", SearchFilters(standard="b6"))) == ["e2"]
    assert ids(index.search("lesson OR grupo", SearchFilters(template_id="lesson-study"))) == ["e3"]
    window = SearchFilters(date_from=date(2026, 5, 1), date_to=date(2026, 5, 31))
    assert ids(index.search("evalu* OR grupo", window)) == ["e2"]
    assert [s.id for s in index.summaries(window)] == ["e2"]


def test_summaries_sort(index: SearchIndex) -> None:
    assert [s.id for s in index.summaries(sort="date")] == ["e3", "e2", "e1"]
    assert [s.id for s in index.summaries(sort="title", descending=False)] == ["e2", "e3", "e1"]


def test_upsert_replaces_and_remove(index: SearchIndex) -> None:
    index.upsert(_doc("e1", "Nuevo título", "sin grupo"))
    assert ids(index.search("reflexion")) == []
    assert ids(index.search("nuevo")) == ["e1"]
    index.remove("e1")
    assert ids(index.search("nuevo")) == []
    assert len(index) == 2


def test_the_count_follows_writes_without_waiting_for_a_reader(tmp_path: Path) -> None:
    """``len`` is asked on the GUI thread: once known it is kept by the index's own
    writes, and never waits for the reader's lock (held here as a long list query on a
    worker would hold it)."""
    path, key = _keyed_file(tmp_path)
    index = SearchIndex(functools.partial(pages.connect, path, key))
    index.add_many(_many(5))
    assert len(index) == 5
    index.add_many([_doc("m1", "otra", "x"), _doc("n1", "nueva", "y"), _doc("n1", "dos", "z")])
    index.remove("m2")
    index.remove("nadie")
    with index._r.lock:  # a reader busy elsewhere
        done = threading.Event()
        seen: list[int] = []
        worker = threading.Thread(target=lambda: (seen.append(len(index)), done.set()))
        worker.start()
        assert done.wait(2), "len waited for the reader's lock"
    worker.join()
    truth = index.conn.execute("SELECT count(*) FROM search_meta").fetchone()[0]
    assert seen == [truth] == [5]
    index.close()


@pytest.mark.parametrize(
    ("snippet", "shown"),
    [
        ("**Lo que** pasó con _grupos_ y `código`", "Lo que pasó con grupos y código"),
        ("# Título\n- punto \x02uno\x03\n> cita", "Título punto \x02uno\x03 cita"),
        ("ver [la guía](https://x.org) y snake_case_word", "ver la guía y snake_case_word"),
        ("…un **\x02reflexión\x03** clave…", "…un \x02reflexión\x03 clave…"),
        ("2 * 3 = 6 y a_b", "2 * 3 = 6 y a_b"),
    ],
)
def test_snippets_show_text_not_markdown(snippet: str, shown: str) -> None:
    assert index_module.plain_snippet(snippet) == shown


def test_a_hit_on_emphasised_words_has_no_markers(index: SearchIndex) -> None:
    index.upsert(_doc("md", "Marcas", "Hoy **la pregunta abierta** funcionó con _todo_ el curso"))
    (hit,) = index.search("pregunta")
    assert "*" not in hit.snippet and "_" not in hit.snippet
    assert f"{HIGHLIGHT_START}pregunta" in hit.snippet


def test_malformed_query_is_a_clear_error(index: SearchIndex) -> None:
    with pytest.raises(InvalidQuery):
        index.search('"unclosed')


def _many(n: int) -> list[IndexDoc]:
    return [
        _doc(
            f"m{i}",
            f"Título {i}",
            f"reflexión número {i} sobre el aula" + (" questioning" if i % 2 else " questions"),
            tags=(f"t{i % 4}",),
            event_date=date(2026, 1, 1 + i % 28),
        )
        for i in range(n)
    ]


def _keyed_file(tmp_path: Path) -> tuple[Path, bytes]:
    """A page-encrypted file holding an ``entries`` table, as a vault's does."""
    key = os.urandom(32)
    path = tmp_path / "index.db"
    conn = pages.connect(path, key)
    conn.execute(
        "CREATE TABLE entries(id TEXT PRIMARY KEY, head_revision_id TEXT, deleted INTEGER)"
    )
    conn.close()
    return path, key


def test_persistent_index_answers_like_the_memory_one(tmp_path: Path) -> None:
    docs = _many(60)
    memory = SearchIndex()
    memory.add_many(docs)
    path, key = _keyed_file(tmp_path)
    persistent = SearchIndex(functools.partial(pages.connect, path, key))
    persistent.bulk_load(iter(docs))
    persistent.close()
    persistent = SearchIndex(
        functools.partial(pages.connect, path, key)
    )  # reopened: nothing rebuilt
    assert len(persistent) == 60
    for q in ("reflexion", "quest*", '"numero 7"', "aula NOT questions"):
        assert [(h.entry_id, h.snippet) for h in persistent.search(q, limit=100)] == [
            (h.entry_id, h.snippet) for h in memory.search(q, limit=100)
        ]
    for sort in ("date", "title", "updated"):
        for desc in (True, False):
            assert [s.id for s in persistent.summaries(sort=sort, descending=desc)] == [
                s.id for s in memory.summaries(sort=sort, descending=desc)
            ]
    page = [s.id for s in persistent.summaries(limit=10, offset=20)]
    assert page == [s.id for s in memory.summaries()][20:30]
    assert persistent.all_tags() == memory.all_tags()
    persistent.remove("m1")
    assert "m1" not in {h.entry_id for h in persistent.search("reflexion", limit=100)}
    persistent.integrity_check()
    persistent.close()
    # The file is encrypted: without the key nothing of the index is readable.
    assert b"reflexi" not in path.read_bytes()
    assert not path.read_bytes().startswith(b"SQLite format 3")


def test_prefix_is_expanded_into_the_index_terms(index: SearchIndex) -> None:
    index.add_many(_many(6))
    # "quest*" stands for "questioning" and "questions": every match, highlighted.
    hits = index.search("quest*", limit=100)
    assert {h.entry_id for h in hits} == {f"m{i}" for i in range(6)}
    assert all(HIGHLIGHT_START + "question" in h.snippet for h in hits)
    # A prefix nothing starts with, and one with accents (folded like the tokenizer).
    assert index.search("zzz*") == []
    assert set(ids(index.search("REFLEXIÓ*"))) == {"e1"} | {f"m{i}" for i in range(6)}


def test_first_answer_ranks_the_newest_then_grows(index: SearchIndex, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(index_module, "FIRST_WINDOW", 5)
    docs = _many(40)
    index.add_many(docs)
    first = index.search("reflexion", limit=3, first=True)
    # Only the newest writes are ranked, and enough hits are found.
    assert len(first) == 3
    assert {h.entry_id for h in first} <= {f"m{i}" for i in range(35, 40)}
    # Fewer matches than the window's: it grows to the whole index.
    assert ids(index.search("estudiantes", first=True)) == ["e1"]
    full = index.search("reflexion", limit=100)
    assert len(index.search("reflexion", limit=100, first=True)) == len(full) == 41


def test_index_is_memory_only(index: SearchIndex) -> None:
    files = index.conn.execute("PRAGMA database_list").fetchall()
    assert all(row[2] == "" for row in files)  # no file behind any attached database


def test_facts_for_the_dashboard(index: SearchIndex) -> None:
    """The dashboard's facts: per entry of the journals asked for, its template, date and
    last change, and its standards, without the title or the text."""
    index.add_many(
        [
            IndexDoc.from_content(
                "e9", "j2", 1_700_000_000_000, 1_700_000_500_000, 2,
                EntryContent(title="Otra", sections={"body": "x"}, standards=("C7", "D10")),
            )
        ]
    )  # fmt: skip
    rows = index.facts(["j1"])
    assert sorted(rows) == [
        ("e1", "j1", "gibbs", "2026-04-02", 1_700_000_000_000, "A1"),
        ("e2", "j1", "alact", "2026-05-10", 1_700_000_000_000, "B6"),
        ("e3", "j1", "lesson-study", "2026-06-01", 1_700_000_000_000, ""),
    ]
    assert index.facts(["j2"]) == [("e9", "j2", "free", "2023-11-14", 1_700_000_500_000, "C7\nD10")]
    assert index.facts([]) == []
    plan = index.conn.execute(
        "EXPLAIN QUERY PLAN SELECT entry_id, journal_id, template_id, sort_date, updated_ms, "
        "standards FROM search_meta INDEXED BY search_meta_facts WHERE journal_id IN (?)",
        ["j1"],
    ).fetchall()
    assert "COVERING INDEX search_meta_facts" in str(plan)  # the text stays unread
    assert all("Reflexión" not in str(r) for r in index.facts(["j1"]))


def _titled(
    entry_id: str, title: str, tags: tuple[str, ...] = (), std: tuple[str, ...] = ()
) -> IndexDoc:
    return IndexDoc(entry_id, "j", 1_700_000_000_000, 1_700_000_000_000, 1, title,
                    "cuerpo " + title, tags, std, "free", None)  # fmt: skip


def test_many_at_once_replace_in_the_order_of_writes_with_their_tags() -> None:
    """add_many gives the rowids itself (one executemany per table): as SQLite would,
    after the largest; a replaced entry moves to the end with its tags and standards;
    of two documents of one entry in one call, the later one, at its place."""
    index = SearchIndex()
    conn = index._w.conn
    index.add_many(
        [_titled("a", "alfa", ("t1",)), _titled("b", "beta"), _titled("c", "gamma", (), ("S1",))]
    )
    index.add_many([_titled("c", "delta", ("t4",), ("S2",))])  # the newest row, replaced
    index.add_many(
        [_titled("a", "epsilon", ("t5",)), _titled("d", "zeta")]
    )  # a middle one, and new
    rows = conn.execute("SELECT rowid, entry_id, title FROM search_meta ORDER BY rowid").fetchall()
    assert rows == [(2, "b", "beta"), (3, "c", "delta"), (4, "a", "epsilon"), (5, "d", "zeta")]
    assert conn.execute("SELECT doc, tag FROM search_tags ORDER BY doc").fetchall() == [
        (3, "t4"), (4, "t5")
    ]  # fmt: skip
    assert conn.execute("SELECT doc, code FROM search_std").fetchall() == [(3, "S2")]
    assert [h.entry_id for h in index.search("gamma")] == []
    assert [h.entry_id for h in index.search("epsilon")] == ["a"]
    assert len(index) == 4
    index.add_many([_titled("x", "uno"), _titled("y", "dos"), _titled("x", "tres")])
    rows = conn.execute("SELECT rowid, entry_id, title FROM search_meta WHERE rowid > 5").fetchall()
    assert rows == [(6, "y", "dos"), (7, "x", "tres")]
    assert len(index) == 6
