"""The built-in template library shipped in ``resources/templates/``.

Each template lives in ``<id>.yaml``. The files are validated with the same strict
loader as university templates. A missing or damaged one (a broken install) is left out
and reported through :mod:`reflectdesk.resources`, so the rest of the library still works
and the user is told to reinstall.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from reflectdesk.errors import ReflectDeskError, TemplateInvalid, TemplateNotFound
from reflectdesk.resources import check_not_damaged, report_damaged, resource_dir
from reflectdesk.templates.loader import TemplateDocument, load_template_file
from reflectdesk.templates.model import Template, TemplateOrigin

log = logging.getLogger(__name__)

#: Stable ids, in the order the library lists them.
BUILTIN_IDS: tuple[str, ...] = (
    "free",
    "gibbs",
    "rolfe",
    "alact",
    "brookfield",
    "kolb",
    "schon",
    "spiral-inquiry",
    "lesson-study",
    "learning-round",
    "critical-incident",
    "bitacora-semanal",
    "triad-meeting",
)

#: Ids of built-ins that were shipped once and removed: still reserved, so a custom
#: template can never take over the id that old entries refer to.
RETIRED_IDS: tuple[str, ...] = ()

RESERVED_IDS: frozenset[str] = frozenset(BUILTIN_IDS) | frozenset(RETIRED_IDS)


def templates_dir() -> Path:
    return resource_dir() / "templates"


@functools.cache
def builtin_documents() -> Mapping[str, TemplateDocument]:
    """Every built-in template with its source bytes, keyed by id, in library order."""
    docs: dict[str, TemplateDocument] = {}
    for template_id in BUILTIN_IDS:
        path = templates_dir() / f"{template_id}.yaml"
        try:
            doc = load_template_file(path, origin=TemplateOrigin.BUILTIN)
            if doc.template.id != template_id:
                raise TemplateInvalid(f"{path.name}:1: id: file_name_mismatch")
        except ReflectDeskError as exc:
            report_damaged(f"templates/{path.name}", exc.code)
            continue
        docs[template_id] = doc
    log.debug("loaded %d built-in templates", len(docs))
    return MappingProxyType(docs)


def builtin_templates() -> list[Template]:
    return [doc.template for doc in builtin_documents().values()]


def builtin_template(template_id: str) -> Template:
    return builtin_document(template_id).template


def builtin_document(template_id: str) -> TemplateDocument:
    try:
        return builtin_documents()[template_id]
    except KeyError:
        check_not_damaged(f"templates/{template_id}.yaml")
        raise TemplateNotFound(template_id) from None
