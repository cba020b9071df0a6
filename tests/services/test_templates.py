from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reflectdesk.domain.model import EntryContent
from reflectdesk.errors import (
    NotFound,
    TaxonomyInvalid,
    TaxonomyVersionExists,
    TemplateIdReserved,
    TemplateNotFound,
    TemplateVersionExists,
    UnknownSection,
    VaultLocked,
)
from reflectdesk.rendering.entry_render import render_html, render_markdown
from reflectdesk.services.templates import SNAPSHOT_KIND, TEMPLATE_KIND, TemplateService
from reflectdesk.templates.builtin import builtin_documents
from reflectdesk.templates.model import TemplateOrigin
from reflectdesk.templates.store import DocumentSource
from tests.templates.memory_store import MemoryDocumentStore

CUSTOM_V1 = """\
format: reflectdesk/template@1
id: ucsc-semanal
version: 1
name: {es: Registro UCSC, en: UCSC log}
description: {es: Registro semanal., en: Weekly log.}
prompts:
  - key: what
    title: {es: "¿Qué hiciste?", en: "What did you do?"}
    guidance: {es: Describe., en: Describe.}
  - key: learn
    title: {es: "¿Qué aprendiste?", en: "What did you learn?"}
    guidance: {es: Reflexiona., en: Reflect.}
"""

CUSTOM_V2 = (
    CUSTOM_V1.replace("version: 1", "version: 2")
    .replace("¿Qué hiciste?", "Descripción de la jornada")
    .replace("What did you do?", "The day")
    .replace("¿Qué aprendiste?", "Aprendizajes")
    .replace("What did you learn?", "Learning")
)

TAXONOMY = """\
format: reflectdesk/standards@1
id: uni-standards
version: 1
name: {es: Estándares UNI, en: UNI standards}
description: {es: Prueba., en: Test.}
reference: Universidad (2024).
domains:
  - code: P
    title: {es: Práctica, en: Practice}
    standards:
      - code: P1
        title: {es: Planifica, en: Plans}
        descriptors:
          - code: P1.1
            text: {es: Define metas., en: Sets goals.}
            verified: false
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def entry(template_id: str, version: int, **sections: str) -> EntryContent:
    return EntryContent(
        title="Semana 3",
        sections=sections,
        tags=("fracciones",),
        standards=("A3",),
        event_date=date(2025, 4, 2),
        template_id=template_id,
        template_version=version,
    )


def test_list_has_builtins_then_custom(
    service: TemplateService, tmp_path: Path, store: MemoryDocumentStore
) -> None:
    ids = [s.id for s in service.list("es")]
    assert ids[0] == "free"
    assert len(ids) == 13
    service.import_file(write(tmp_path, "t.yaml", CUSTOM_V1))
    service.import_file(write(tmp_path, "t2.yaml", CUSTOM_V2))
    summaries = service.list("en")
    assert summaries[-1].id == "ucsc-semanal"
    assert summaries[-1].version == 2
    assert summaries[-1].origin is TemplateOrigin.CUSTOM
    assert summaries[0].name == "Free entry"
    assert len(store.list(TEMPLATE_KIND)) == 2


def test_get_resolves_custom_builtin_and_versions(service: TemplateService, tmp_path: Path) -> None:
    assert service.get("gibbs").origin is TemplateOrigin.BUILTIN
    assert service.get("gibbs", 1).version == 1
    with pytest.raises(TemplateNotFound):
        service.get("gibbs", 99)
    with pytest.raises(TemplateNotFound):
        service.get("nope")
    service.import_file(write(tmp_path, "a.yaml", CUSTOM_V1))
    service.import_file(write(tmp_path, "b.yaml", CUSTOM_V2))
    assert service.get("ucsc-semanal").version == 2
    assert service.get("ucsc-semanal", 1).prompts[0].title.es == "¿Qué hiciste?"
    assert service.versions("ucsc-semanal") == [1, 2]
    assert service.source("ucsc-semanal", 1) == CUSTOM_V1.encode()


def test_import_is_idempotent_and_versions_are_immutable(
    service: TemplateService, tmp_path: Path, store: MemoryDocumentStore
) -> None:
    path = write(tmp_path, "a.yaml", CUSTOM_V1)
    service.import_file(path)
    service.import_file(path)
    assert store.puts == 1
    changed = write(tmp_path, "changed.yaml", CUSTOM_V1.replace("Describe.", "Cuenta."))
    with pytest.raises(TemplateVersionExists) as info:
        service.import_file(changed)
    assert info.value.detail == "changed.yaml:3: version: version_exists"
    assert store.puts == 1


def test_custom_id_may_not_clash_with_builtin(
    service: TemplateService, tmp_path: Path, store: MemoryDocumentStore
) -> None:
    for builtin_id in ("gibbs", "free", "bitacora-semanal"):
        path = write(tmp_path, f"{builtin_id}.yaml", CUSTOM_V1.replace("ucsc-semanal", builtin_id))
        with pytest.raises(TemplateIdReserved) as info:
            service.import_file(path)
        assert info.value.detail == f"{builtin_id}.yaml:2: id: reserved_id"
    assert store.docs == []


def test_old_entries_render_unchanged_after_the_template_is_updated(
    service: TemplateService, tmp_path: Path
) -> None:
    service.import_file(write(tmp_path, "v1.yaml", CUSTOM_V1))
    template = service.pin("ucsc-semanal")
    assert template.version == 1
    old = entry("ucsc-semanal", template.version, what="Guié la lectura.", learn="Esperar.")
    before_md = service.markdown(old, "es")
    before_html = service.html(old, "en")
    assert "## ¿Qué hiciste?" in before_md

    service.import_file(write(tmp_path, "v2.yaml", CUSTOM_V2))
    assert service.get("ucsc-semanal").prompts[0].title.es == "Descripción de la jornada"
    assert service.markdown(old, "es") == before_md
    assert service.html(old, "en") == before_html
    # A new entry gets the new version and its titles.
    new = entry("ucsc-semanal", service.pin("ucsc-semanal").version, what="Otra cosa.")
    assert "## Descripción de la jornada" in service.markdown(new, "es")


def test_snapshot_wins_when_a_builtin_changes(
    store: MemoryDocumentStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = TemplateService(store)
    service.snapshot("rolfe", 1)
    service.snapshot("rolfe", 1)  # idempotent
    assert [i.name for i in store.list(SNAPSHOT_KIND)] == ["rolfe@1"]
    old = entry("rolfe", 1, what="Hice X.", **{"so-what": "Significa Y.", "now-what": "Haré Z."})
    before = render_markdown(old, service.get("rolfe", 1), "es")

    # A later release ships rolfe v2 with other titles and drops "so-what".
    docs = dict(builtin_documents())
    v2_source = (
        docs["rolfe"]
        .source.decode()
        .replace("version: 1", "version: 2")
        .replace("¿Qué?", "Descripción")
    )
    from reflectdesk.templates.loader import parse_template

    v2 = parse_template(v2_source.encode(), "rolfe.yaml", origin=TemplateOrigin.BUILTIN)
    docs["rolfe"] = v2
    monkeypatch.setattr("reflectdesk.services.templates.builtin_documents", lambda: docs)

    fresh = TemplateService(store)
    assert fresh.get("rolfe").version == 2
    pinned = fresh.get("rolfe", 1)
    assert pinned.origin is TemplateOrigin.SNAPSHOT
    assert render_markdown(old, pinned, "es") == before
    assert fresh.markdown(old, "es") == service.markdown(old, "es")
    assert fresh.versions("rolfe") == [1, 2]


def test_removed_template_still_renders_sections_under_their_keys(
    service: TemplateService,
) -> None:
    orphan = entry("gone-template", 4, intro="Texto uno.", cierre="Texto dos.")
    text = service.markdown(orphan, "es")
    assert "gone-template (v4, no disponible)" in text
    assert text.index("## intro") < text.index("## cierre")


def test_check_content_and_pin(service: TemplateService) -> None:
    ok = entry("rolfe", 1, what="x")
    assert service.check_content(ok) is ok
    with pytest.raises(UnknownSection) as info:
        service.check_content(entry("rolfe", 1, body="x"))
    assert "so-what" in info.value.params["valid"]
    with pytest.raises(TemplateNotFound):
        service.check_content(entry("rolfe", 42, what="x"))
    assert service.check_sections("alact", ["teacher-feel"]).id == "alact"


def test_without_a_store_only_builtins_and_no_writes(tmp_path: Path) -> None:
    service = TemplateService(None)
    assert len(service.list("es")) == 13
    assert service.validate_file(write(tmp_path, "a.yaml", CUSTOM_V1)).id == "ucsc-semanal"
    with pytest.raises(VaultLocked):
        service.import_file(write(tmp_path, "a.yaml", CUSTOM_V1))
    with pytest.raises(VaultLocked):
        service.snapshot("gibbs", 1)


def test_render_html_through_the_service(service: TemplateService) -> None:
    html = service.html(entry("rolfe", 1, what="**Hice** <script>x</script>"), "en")
    assert "<h2>What?</h2>" in html
    assert "<strong>Hice</strong>" in html
    assert "<script" not in html
    assert "A3 — Planning teaching" in html
    assert render_html(entry("rolfe", 1), service.get("rolfe"), "es").startswith("<article>")


def test_taxonomies(service: TemplateService, tmp_path: Path, store: MemoryDocumentStore) -> None:
    assert service.standards().id == "mbe-2021"
    with pytest.raises(NotFound):
        service.standards("uni-standards")
    path = write(tmp_path, "std.yaml", TAXONOMY)
    assert service.validate_taxonomy_file(path).id == "uni-standards"
    assert store.docs == []
    loaded = service.load_taxonomy_file(path)
    service.load_taxonomy_file(path)  # idempotent
    assert store.puts == 1
    assert loaded.unverified()[0].code == "P1.1"
    assert service.standards("uni-standards").codes() == ["P1"]
    assert [t.id for t in service.taxonomies()] == ["mbe-2021", "uni-standards"]
    with pytest.raises(TaxonomyVersionExists) as info:
        service.load_taxonomy_file(
            write(tmp_path, "std2.yaml", TAXONOMY.replace("(2024)", "(2025)"))
        )
    assert info.value.detail == "std2.yaml:3: version: version_exists"
    with pytest.raises(TaxonomyInvalid):
        service.load_taxonomy_file(
            write(tmp_path, "mbe.yaml", TAXONOMY.replace("uni-standards", "mbe-2021"))
        )


def test_with_the_real_vault_store(vault: object, tmp_path: Path) -> None:
    """The lead's encrypted document store satisfies the protocol; the flow works end to end."""
    store: DocumentSource = vault._unlocked().documents  # type: ignore[attr-defined]
    service = TemplateService(store)
    service.import_file(write(tmp_path, "v1.yaml", CUSTOM_V1))
    old = entry(
        "ucsc-semanal", service.pin("ucsc-semanal").version, what="Guié.", learn="A esperar."
    )
    before = service.html(old, "es")
    service.import_file(write(tmp_path, "v2.yaml", CUSTOM_V2))
    again = TemplateService(store)
    assert again.get("ucsc-semanal").version == 2
    assert again.html(old, "es") == before
    assert again.versions("ucsc-semanal") == [1, 2]
    assert [i.name for i in store.list(SNAPSHOT_KIND)] == ["ucsc-semanal@1"]


def test_unreadable_stored_documents_do_not_break_the_library(
    service: TemplateService, store: MemoryDocumentStore
) -> None:
    store.put(TEMPLATE_KIND, "broken", b"format: [unclosed")
    store.put(SNAPSHOT_KIND, "gibbs@1", b"not: a template")
    assert len(service.list("es")) == 13
    with pytest.raises(TemplateNotFound):
        service.get("broken")
    # The damaged snapshot is ignored; the built-in version 1 still serves.
    assert service.get("gibbs", 1).origin is TemplateOrigin.BUILTIN


def test_warm_reads_every_snapshot_and_custom_template_ahead(
    store: MemoryDocumentStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the unlock a worker reads the pinned YAML, so opening an entry on the GUI
    thread parses nothing."""
    TemplateService(store).snapshot("rolfe", 1)
    TemplateService(store).snapshot("gibbs", 1)
    TemplateService(store).import_file(write(tmp_path, "v1.yaml", CUSTOM_V1))
    service = TemplateService(store)
    assert service.warm() == 3
    parsed: list[str] = []
    monkeypatch.setattr(
        "reflectdesk.services.templates.parse_template",
        lambda *a, **k: parsed.append(a[1]),  # type: ignore[func-returns-value]
    )
    assert service.get("rolfe", 1).id == "rolfe"
    assert service.get("gibbs", 1).id == "gibbs"
    assert service.get("ucsc-semanal").id == "ucsc-semanal"
    assert parsed == []
    assert TemplateService(None).warm() == 0


def test_warm_compiles_the_hint_patterns_ahead(store: MemoryDocumentStore) -> None:
    from reflectdesk.templates import descriptive

    descriptive._pattern.cache_clear()
    TemplateService(store).warm()
    compiled = descriptive._pattern.cache_info().currsize
    assert compiled >= 1
    observation = next(
        doc.template
        for doc in builtin_documents().values()
        if any(doc.template.is_descriptive(k) for k in doc.template.section_keys())
    )
    descriptive.descriptive_hints("fue excelente", observation)
    assert descriptive._pattern.cache_info().currsize == compiled  # nothing new to compile
