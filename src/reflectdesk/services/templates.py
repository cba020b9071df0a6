"""The template library and standards taxonomies of one vault.

Built-in templates come from ``resources/templates``; a university's own templates are
imported into the vault (kind ``template``, name = template id, one stored version per
imported file). Entries keep the exact template version they were written with: when an
entry is saved the service stores a *snapshot* of that version (kind
``template-snapshot``, name ``<id>@<version>``), and :meth:`TemplateService.get` with
an exact version prefers that snapshot. Updating a built-in in a new release, or
importing a new version of a custom template, therefore never changes how an old entry
reads.

Satisfies :class:`reflectdesk.services.entries.TemplateGate` (``check_content`` and
``snapshot``).
"""

from __future__ import annotations

import builtins
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from reflectdesk.errors import (
    NotFound,
    TaxonomyVersionExists,
    TemplateInvalid,
    TemplateNotFound,
    TemplateVersionExists,
    VaultLocked,
)
from reflectdesk.rendering.entry_render import EntryContentLike, render_html, render_markdown
from reflectdesk.resources import check_not_damaged
from reflectdesk.standards.loader import (
    BUILTIN_TAXONOMY_IDS,
    DEFAULT_TAXONOMY_ID,
    TaxonomyDocument,
    builtin_taxonomy_documents,
    load_taxonomy_document,
    parse_taxonomy,
)
from reflectdesk.standards.model import Taxonomy
from reflectdesk.templates import descriptive
from reflectdesk.templates.builtin import RESERVED_IDS, builtin_documents
from reflectdesk.templates.loader import TemplateDocument, load_template_file, parse_template
from reflectdesk.templates.model import (
    Template,
    TemplateOrigin,
    TemplateSummary,
    check_section_keys,
)
from reflectdesk.templates.store import DocumentInfo, DocumentSource

log = logging.getLogger(__name__)

TEMPLATE_KIND = "template"
SNAPSHOT_KIND = "template-snapshot"
TAXONOMY_KIND = "taxonomy"

RenderFormat = Literal["md", "html"]


_Content = TypeVar("_Content", bound=EntryContentLike)


def snapshot_name(template_id: str, version: int) -> str:
    return f"{template_id}@{version}"


@dataclass(frozen=True, slots=True)
class _Stored:
    info: DocumentInfo
    doc: TemplateDocument


class TemplateService:
    """Templates (built-in, custom, pinned snapshots) and standards, for one vault.

    ``store`` is the unlocked vault's document store; ``None`` gives a library of the
    built-ins only (enough for ``templates validate`` without a vault), and any method
    that must write raises :class:`~reflectdesk.errors.VaultLocked`.
    """

    def __init__(self, store: DocumentSource | None = None) -> None:
        self._store = store
        self._lock = threading.RLock()
        self._custom: dict[str, _Stored] = {}  # DocumentInfo.id -> parsed template
        self._broken: set[str] = set()  # DocumentInfo.id of payloads that no longer parse
        self._snapshots: dict[str, TemplateDocument] = {}  # snapshot name -> parsed
        self._taxonomies: dict[str, TaxonomyDocument] = {}  # DocumentInfo.id -> parsed

    # -- store access ----------------------------------------------------------------------
    def _require_store(self) -> DocumentSource:
        if self._store is None:
            raise VaultLocked()
        return self._store

    def _custom_versions(self) -> dict[str, dict[int, _Stored]]:
        """Every custom template: id → template version → stored document (latest wins)."""
        if self._store is None:
            return {}
        store = self._store
        result: dict[str, dict[int, _Stored]] = {}
        with self._lock:
            infos = sorted(store.list(TEMPLATE_KIND), key=lambda i: (i.name, i.version))
            for info in infos:
                stored = self._custom.get(info.id)
                if stored is None:
                    if info.id in self._broken:
                        continue
                    payload = store.get(TEMPLATE_KIND, info.name, info.version)
                    source = f"vault:{TEMPLATE_KIND}/{info.name}#{info.version}"
                    try:
                        doc = parse_template(payload, source, origin=TemplateOrigin.CUSTOM)
                    except TemplateInvalid as exc:  # stored by a build that read it differently
                        log.warning("stored template %s is unreadable: %s", source, exc)
                        self._broken.add(info.id)
                        continue
                    stored = _Stored(info, doc)
                    self._custom[info.id] = stored
                template = stored.doc.template
                result.setdefault(template.id, {})[template.version] = stored
        return result

    def _snapshot(self, template_id: str, version: int) -> TemplateDocument | None:
        if self._store is None:
            return None
        name = snapshot_name(template_id, version)
        with self._lock:
            cached = self._snapshots.get(name)
            if cached is not None:
                return cached
            try:
                payload = self._store.get(SNAPSHOT_KIND, name)
            except NotFound:
                return None
            try:
                doc = parse_template(
                    payload, f"vault:{SNAPSHOT_KIND}/{name}", origin=TemplateOrigin.SNAPSHOT
                )
            except TemplateInvalid as exc:
                log.warning("snapshot %s is unreadable: %s", name, exc)
                return None
            if (doc.template.id, doc.template.version) != (template_id, version):
                log.warning("snapshot %s holds another template version; ignored", name)
                return None
            self._snapshots[name] = doc
            return doc

    def _latest_snapshot(self, template_id: str) -> TemplateDocument | None:
        if self._store is None:
            return None
        prefix = f"{template_id}@"
        versions = [
            int(info.name[len(prefix) :])
            for info in self._store.list(SNAPSHOT_KIND)
            if info.name.startswith(prefix) and info.name[len(prefix) :].isdigit()
        ]
        return self._snapshot(template_id, max(versions)) if versions else None

    def _document(self, template_id: str, version: int | None) -> TemplateDocument:
        if version is not None:
            snapshot = self._snapshot(template_id, version)
            if snapshot is not None:
                return snapshot
            custom = self._custom_versions().get(template_id, {}).get(version)
            if custom is not None:
                return custom.doc
            builtin = builtin_documents().get(template_id)
            if builtin is not None and builtin.template.version == version:
                return builtin
            check_not_damaged(f"templates/{template_id}.yaml")
            raise TemplateNotFound(snapshot_name(template_id, version))
        versions = self._custom_versions().get(template_id)
        if versions:
            return versions[max(versions)].doc
        builtin = builtin_documents().get(template_id)
        if builtin is not None:
            return builtin
        snapshot = self._latest_snapshot(template_id)
        if snapshot is not None:
            return snapshot
        check_not_damaged(f"templates/{template_id}.yaml")
        raise TemplateNotFound(template_id)

    def warm(self) -> int:
        """Read every pinned snapshot and custom template now, and compile the hint
        patterns of every template (for a worker, after the unlock): opening an entry
        then finds its template parsed instead of reading its YAML on the GUI thread.
        Returns how many stored templates are ready."""
        stored: list[TemplateDocument] = []
        if self._store is not None:
            custom = self._custom_versions().values()
            stored += [s.doc for versions in custom for s in versions.values()]
            for info in self._store.list(SNAPSHOT_KIND):
                template_id, _, version = info.name.rpartition("@")
                snapshot = self._snapshot(template_id, int(version)) if version.isdigit() else None
                if snapshot is not None:
                    stored.append(snapshot)
        for doc in (*builtin_documents().values(), *stored):
            descriptive.prepare(doc.template)
        return len(stored)

    # -- templates -----------------------------------------------------------------------------
    def list(self, lang: str) -> builtins.list[TemplateSummary]:
        """Built-ins in library order, then custom templates (latest version) by name."""
        summaries = [doc.template.summary(lang) for doc in builtin_documents().values()]
        custom = [
            versions[max(versions)].doc.template.summary(lang)
            for versions in self._custom_versions().values()
        ]
        custom.sort(key=lambda s: (s.name.casefold(), s.id))
        return summaries + custom

    def versions(self, template_id: str) -> builtins.list[int]:
        """Every version of ``template_id`` this vault can show, oldest first."""
        found: set[int] = set(self._custom_versions().get(template_id, {}))
        builtin = builtin_documents().get(template_id)
        if builtin is not None:
            found.add(builtin.template.version)
        if self._store is not None:
            prefix = f"{template_id}@"
            for info in self._store.list(SNAPSHOT_KIND):
                tail = info.name[len(prefix) :]
                if info.name.startswith(prefix) and tail.isdigit():
                    found.add(int(tail))
        if not found:
            raise TemplateNotFound(template_id)
        return sorted(found)

    def get(self, template_id: str, version: int | None = None) -> Template:
        """The template; an exact ``version`` if given (a pinned snapshot wins), else the
        newest: a custom template from the vault, else the built-in."""
        return self._document(template_id, version).template

    def source(self, template_id: str, version: int | None = None) -> bytes:
        """The YAML a template was read from (to export or inspect it)."""
        return self._document(template_id, version).source

    def validate_file(self, path: Path) -> Template:
        """Validate a template file as an import would; store nothing."""
        return load_template_file(path, reserved_ids=RESERVED_IDS).template

    def import_file(self, path: Path) -> Template:
        """Validate and store a university template; a new ``version`` adds a version.

        Importing the same file twice is a no-op. The same id and version with other
        content raises :class:`TemplateVersionExists`; an invalid file stores nothing.
        """
        store = self._require_store()
        doc = load_template_file(path, reserved_ids=RESERVED_IDS)
        template = doc.template
        with self._lock:
            existing = self._custom_versions().get(template.id, {}).get(template.version)
            if existing is not None:
                if existing.doc.source == doc.source:
                    log.info("template %s v%d already imported", template.id, template.version)
                    return existing.doc.template
                line = doc.lines.get("version", 1)
                raise TemplateVersionExists(
                    f"{path.name}:{line}: version: version_exists",
                    file=path.name,
                    line=line,
                    field="version",
                    reason="version_exists",
                )
            info = store.put(TEMPLATE_KIND, template.id, doc.source)
            self._custom[info.id] = _Stored(info, doc)
        log.info("imported template %s v%d", template.id, template.version)
        return template

    def snapshot(self, template_id: str, version: int) -> None:
        """Pin the exact template version an entry was written with (idempotent)."""
        store = self._require_store()
        with self._lock:
            if self._snapshot(template_id, version) is not None:
                return
            doc = self._document(template_id, version)
            store.put(SNAPSHOT_KIND, snapshot_name(template_id, version), doc.source)
            self._snapshots[snapshot_name(template_id, version)] = doc
        log.debug("pinned template %s v%d", template_id, version)

    def pin(self, template_id: str, version: int | None = None) -> Template:
        """Resolve a template for a new entry and snapshot it; use its ``version``."""
        template = self.get(template_id, version)
        self.snapshot(template.id, template.version)
        return template

    def check_content(self, content: _Content) -> _Content:
        """Refuse content whose template version is unknown or whose sections it lacks."""
        template = self.get(content.template_id, content.template_version)
        check_section_keys(template, content.sections.keys())
        return content

    def check_sections(
        self, template_id: str, keys: Iterable[str], version: int | None = None
    ) -> Template:
        template = self.get(template_id, version)
        check_section_keys(template, keys)
        return template

    def render(self, content: EntryContentLike, lang: str, fmt: RenderFormat = "md") -> str:
        """An entry as Markdown or sanitised HTML, with the template version it was written
        with (or, if that is gone, with its sections under their keys)."""
        try:
            template: Template | None = self.get(content.template_id, content.template_version)
        except TemplateNotFound:
            log.info(
                "template %s@%d not found; rendering raw sections",
                content.template_id,
                content.template_version,
            )
            template = None
        taxonomy = self.standards()
        if fmt == "html":
            return render_html(content, template, lang, taxonomy=taxonomy)
        return render_markdown(content, template, lang, taxonomy=taxonomy)

    def markdown(self, content: EntryContentLike, lang: str) -> str:
        """``render(content, lang, "md")``."""
        return self.render(content, lang, "md")

    def html(self, content: EntryContentLike, lang: str) -> str:
        """``render(content, lang, "html")``: a sanitised HTML fragment."""
        return self.render(content, lang, "html")

    # -- standards ----------------------------------------------------------------------------
    def _custom_taxonomies(self) -> dict[str, dict[int, TaxonomyDocument]]:
        if self._store is None:
            return {}
        store = self._store
        result: dict[str, dict[int, TaxonomyDocument]] = {}
        with self._lock:
            for info in sorted(store.list(TAXONOMY_KIND), key=lambda i: (i.name, i.version)):
                doc = self._taxonomies.get(info.id)
                if doc is None:
                    payload = store.get(TAXONOMY_KIND, info.name, info.version)
                    doc = parse_taxonomy(
                        payload, f"vault:{TAXONOMY_KIND}/{info.name}#{info.version}"
                    )
                    self._taxonomies[info.id] = doc
                result.setdefault(doc.taxonomy.id, {})[doc.taxonomy.version] = doc
        return result

    def standards(self, taxonomy_id: str | None = None) -> Taxonomy:
        """A taxonomy (newest version); MBE 2021 unless another id is given."""
        wanted = taxonomy_id or DEFAULT_TAXONOMY_ID
        custom = self._custom_taxonomies().get(wanted)
        if custom:
            return custom[max(custom)].taxonomy
        builtin = builtin_taxonomy_documents().get(wanted)
        if builtin is None:
            check_not_damaged(f"standards/{wanted}.yaml")
            raise NotFound(f"taxonomy:{wanted}")
        return builtin.taxonomy

    def taxonomies(self) -> builtins.list[Taxonomy]:
        """Built-in taxonomies, then loaded ones (newest version of each)."""
        out = [doc.taxonomy for doc in builtin_taxonomy_documents().values()]
        for versions in self._custom_taxonomies().values():
            out.append(versions[max(versions)].taxonomy)
        return out

    def validate_taxonomy_file(self, path: Path) -> Taxonomy:
        return load_taxonomy_document(path, reserved_ids=BUILTIN_TAXONOMY_IDS).taxonomy

    def load_taxonomy_file(self, path: Path) -> Taxonomy:
        """Validate a university's standards file and keep it in the vault."""
        store = self._require_store()
        doc = load_taxonomy_document(path, reserved_ids=BUILTIN_TAXONOMY_IDS)
        taxonomy = doc.taxonomy
        with self._lock:
            existing = self._custom_taxonomies().get(taxonomy.id, {}).get(taxonomy.version)
            if existing is not None:
                if existing.source == doc.source:
                    return existing.taxonomy
                line = doc.lines.get("version", 1)
                raise TaxonomyVersionExists(
                    f"{path.name}:{line}: version: version_exists",
                    file=path.name,
                    line=line,
                    field="version",
                    reason="version_exists",
                )
            info = store.put(TAXONOMY_KIND, taxonomy.id, doc.source)
            self._taxonomies[info.id] = doc
        log.info("loaded taxonomy %s v%d", taxonomy.id, taxonomy.version)
        return taxonomy
