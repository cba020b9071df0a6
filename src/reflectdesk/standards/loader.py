"""Read and validate standards taxonomies (``reflectdesk/standards@1``).

Same strict reader and error shape as templates: one
:class:`~reflectdesk.errors.TaxonomyInvalid` whose ``detail`` is
``file:line: field: reason``.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from yaml.nodes import Node

from reflectdesk.errors import NotFound, ReflectDeskError, TaxonomyInvalid
from reflectdesk.resources import check_not_damaged, report_damaged, resource_dir
from reflectdesk.standards.model import (
    TAXONOMY_FORMAT,
    Descriptor,
    Domain,
    Standard,
    Taxonomy,
)
from reflectdesk.templates import strict_yaml as sy
from reflectdesk.templates.loader import (
    ID_RE,
    MAX_DESCRIPTION,
    MAX_ID,
    MAX_NAME,
    MAX_REFERENCE,
    MAX_TITLE,
    MAX_VERSION,
    URL_RE,
    localized,
    read_limited,
)
from reflectdesk.templates.model import TemplateOrigin

log = logging.getLogger(__name__)

CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
MAX_DOMAINS = 50
MAX_STANDARDS = 200
MAX_DESCRIPTORS = 100
MAX_NOTE = 2_000

#: Built-in taxonomies (``resources/standards/<id>.yaml``); the first is the default.
BUILTIN_TAXONOMY_IDS: tuple[str, ...] = ("mbe-2021",)
DEFAULT_TAXONOMY_ID = BUILTIN_TAXONOMY_IDS[0]


@dataclass(frozen=True, slots=True)
class TaxonomyDocument:
    """A validated taxonomy, the exact bytes it came from and its top-level fields' lines."""

    taxonomy: Taxonomy
    source: bytes
    lines: Mapping[str, int]


class _Reader:
    def __init__(self) -> None:
        self.codes: set[str] = set()
        self.lines: dict[str, int] = {}

    def code(self, node: Node, path: str) -> str:
        code = sy.pattern(node, path, CODE_RE, reason="bad_code")
        if code in self.codes:
            raise sy.YamlProblem(sy.line_of(node), path, "duplicate_code")
        self.codes.add(code)
        return code

    @staticmethod
    def verified(mapping: sy.YMap) -> bool:
        field = mapping.get("verified")
        return sy.boolean(field.value, field.path) if field else True

    def descriptor(self, node: Node, path: str) -> Descriptor:
        m = sy.YMap(node, path, required=("code", "text"), optional=("verified",))
        code = self.code(m.field("code").value, sy.join(path, "code"))
        text = localized(
            m.field("text").value, sy.join(path, "text"), max_len=MAX_DESCRIPTION, multiline=True
        )
        return Descriptor(code=code, text=text, verified=self.verified(m))

    def standard(self, node: Node, path: str) -> Standard:
        m = sy.YMap(
            node,
            path,
            required=("code", "title"),
            optional=("verified", "note", "descriptors"),
        )
        code = self.code(m.field("code").value, sy.join(path, "code"))
        title = localized(m.field("title").value, sy.join(path, "title"), max_len=MAX_TITLE)
        note_field = m.get("note")
        note = (
            sy.text(note_field.value, note_field.path, max_len=MAX_NOTE, multiline=True)
            if note_field
            else None
        )
        descriptors: list[Descriptor] = []
        descriptors_field = m.get("descriptors")
        if descriptors_field:
            items = sy.sequence(
                descriptors_field.value, descriptors_field.path, max_items=MAX_DESCRIPTORS
            )
            for i, item in enumerate(items):
                descriptors.append(self.descriptor(item, sy.join(descriptors_field.path, i)))
        return Standard(
            code=code,
            title=title,
            verified=self.verified(m),
            note=note,
            descriptors=tuple(descriptors),
        )

    def domain(self, node: Node, path: str) -> Domain:
        m = sy.YMap(node, path, required=("code", "title", "standards"), optional=("verified",))
        code = self.code(m.field("code").value, sy.join(path, "code"))
        title = localized(m.field("title").value, sy.join(path, "title"), max_len=MAX_TITLE)
        standards_path = sy.join(path, "standards")
        items = sy.sequence(
            m.field("standards").value, standards_path, max_items=MAX_STANDARDS, min_items=1
        )
        standards = tuple(
            self.standard(item, sy.join(standards_path, i)) for i, item in enumerate(items)
        )
        return Domain(code=code, title=title, standards=standards, verified=self.verified(m))

    def taxonomy(
        self, root: Node, reserved_ids: Collection[str], origin: TemplateOrigin
    ) -> Taxonomy:
        top = sy.YMap(
            root,
            "",
            required=("format", "id", "version", "name", "description", "reference", "domains"),
            optional=("url",),
        )
        self.lines.update(top.line_map())
        fmt = top.field("format")
        if sy.text(fmt.value, fmt.path, max_len=64) != TAXONOMY_FORMAT:
            raise sy.YamlProblem(sy.line_of(fmt.value), fmt.path, "bad_format")
        id_field = top.field("id")
        taxonomy_id = sy.text(id_field.value, id_field.path, max_len=MAX_ID)
        if len(taxonomy_id) < 2 or not ID_RE.fullmatch(taxonomy_id):
            raise sy.YamlProblem(sy.line_of(id_field.value), id_field.path, "bad_id")
        if taxonomy_id in reserved_ids:
            raise sy.YamlProblem(sy.line_of(id_field.value), id_field.path, "reserved_id")
        version_field = top.field("version")
        version = sy.integer(version_field.value, version_field.path, low=1, high=MAX_VERSION)
        name = localized(top.field("name").value, "name", max_len=MAX_NAME)
        description = localized(
            top.field("description").value, "description", max_len=MAX_DESCRIPTION, multiline=True
        )
        reference = sy.text(
            top.field("reference").value, "reference", max_len=MAX_REFERENCE, multiline=True
        )
        url_field = top.get("url")
        url = sy.pattern(url_field.value, "url", URL_RE, reason="bad_url") if url_field else None
        items = sy.sequence(
            top.field("domains").value, "domains", max_items=MAX_DOMAINS, min_items=1
        )
        domains = tuple(self.domain(item, sy.join("domains", i)) for i, item in enumerate(items))
        return Taxonomy(
            id=taxonomy_id,
            version=version,
            name=name,
            description=description,
            reference=reference,
            domains=domains,
            url=url,
            origin=origin,
        )


def parse_taxonomy(
    data: bytes,
    source_name: str,
    *,
    reserved_ids: Collection[str] = (),
    origin: TemplateOrigin = TemplateOrigin.CUSTOM,
) -> TaxonomyDocument:
    """Validate ``data``; raise :class:`TaxonomyInvalid` on the first problem."""
    reader = _Reader()
    try:
        taxonomy = reader.taxonomy(sy.compose(data), reserved_ids, origin)
    except sy.YamlProblem as problem:
        log.info("taxonomy %s rejected: %s", source_name, problem)
        raise problem.to_error(source_name, TaxonomyInvalid) from None
    return TaxonomyDocument(taxonomy, bytes(data), MappingProxyType(reader.lines))


def load_taxonomy(
    path: Path,
    *,
    reserved_ids: Collection[str] = (),
    origin: TemplateOrigin = TemplateOrigin.CUSTOM,
) -> Taxonomy:
    """Read and validate a standards file (any framework in the generic format)."""
    return load_taxonomy_document(path, reserved_ids=reserved_ids, origin=origin).taxonomy


def load_taxonomy_document(
    path: Path,
    *,
    reserved_ids: Collection[str] = (),
    origin: TemplateOrigin = TemplateOrigin.CUSTOM,
) -> TaxonomyDocument:
    return parse_taxonomy(read_limited(path), path.name, reserved_ids=reserved_ids, origin=origin)


def standards_dir() -> Path:
    return resource_dir() / "standards"


@functools.cache
def builtin_taxonomy_documents() -> Mapping[str, TaxonomyDocument]:
    docs: dict[str, TaxonomyDocument] = {}
    for taxonomy_id in BUILTIN_TAXONOMY_IDS:
        path = standards_dir() / f"{taxonomy_id}.yaml"
        try:
            doc = load_taxonomy_document(path, origin=TemplateOrigin.BUILTIN)
            if doc.taxonomy.id != taxonomy_id:
                raise TaxonomyInvalid(f"{path.name}:1: id: file_name_mismatch")
        except ReflectDeskError as exc:
            # A broken install: reported once, the rest of the app keeps working.
            report_damaged(f"standards/{path.name}", exc.code)
            continue
        docs[taxonomy_id] = doc
    return MappingProxyType(docs)


def builtin_taxonomy(taxonomy_id: str = DEFAULT_TAXONOMY_ID) -> Taxonomy:
    try:
        return builtin_taxonomy_documents()[taxonomy_id].taxonomy
    except KeyError:
        check_not_damaged(f"standards/{taxonomy_id}.yaml")
        raise NotFound(f"taxonomy:{taxonomy_id}") from None


def mbe_2021() -> Taxonomy:
    """The Marco para la Buena Enseñanza (CPEIP, 2021), as shipped."""
    return builtin_taxonomy("mbe-2021")
