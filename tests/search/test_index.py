from datetime import date

import pytest

from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.domain.model import HIGHLIGHT_START, EntryContent, SearchFilters
from reflectdesk.errors import InvalidQuery
from reflectdesk.search.index import SearchIndex


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


def test_malformed_query_is_a_clear_error(index: SearchIndex) -> None:
    with pytest.raises(InvalidQuery):
        index.search('"unclosed')


def test_sharded_index_answers_like_one(index: SearchIndex) -> None:
    sharded = SearchIndex(shards=3)
    docs = [
        _doc(
            f"e{i}",
            f"Título {i}",
            f"reflexión número {i} sobre el aula",
            tags=(f"t{i % 4}",),
            event_date=date(2026, 1, 1 + i % 28),
        )
        for i in range(60)
    ]
    single = SearchIndex()
    single.add_many(docs)
    sharded.bulk_load(iter(docs))
    assert len(sharded) == 60
    assert {h.entry_id for h in sharded.search("reflexion", limit=100)} == {
        h.entry_id for h in single.search("reflexion", limit=100)
    }
    for sort in ("date", "title", "updated"):
        for desc in (True, False):
            assert [s.id for s in sharded.summaries(sort=sort, descending=desc)] == [
                s.id for s in single.summaries(sort=sort, descending=desc)
            ]
    page = [s.id for s in sharded.summaries(limit=10, offset=20)]
    assert page == [s.id for s in single.summaries()][20:30]
    assert sharded.all_tags() == single.all_tags()
    sharded.remove("e1")
    assert "e1" not in {h.entry_id for h in sharded.search("reflexion", limit=100)}


def test_index_is_memory_only(index: SearchIndex) -> None:
    files = index.conn.execute("PRAGMA database_list").fetchall()
    assert all(row[2] == "" for row in files)  # no file behind any attached database
