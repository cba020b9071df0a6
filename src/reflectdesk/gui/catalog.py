"""Templates and standards as the GUI needs them, cached per language.

Uses ``vault.templates`` (the one service the entries' template gate also uses).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from reflectdesk.errors import NotFound, TemplateNotFound
from reflectdesk.standards.model import Taxonomy
from reflectdesk.templates.descriptive import DescriptiveHint, descriptive_hints
from reflectdesk.templates.model import Template, TemplateSummary

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)


class Catalog:
    def __init__(self, service: Any) -> None:
        self._service = service
        self._summaries: dict[str, list[TemplateSummary]] = {}
        self._templates: dict[tuple[str, int | None], Template | None] = {}
        self._taxonomy: Taxonomy | None = None

    @classmethod
    def for_vault(cls, vault: Vault) -> Catalog:
        return cls(vault.templates)

    def summaries(self, lang: str) -> list[TemplateSummary]:
        if lang not in self._summaries:
            self._summaries[lang] = list(self._service.list(lang))
        return self._summaries[lang]

    def name(self, template_id: str, lang: str) -> str:
        for summary in self.summaries(lang):
            if summary.id == template_id:
                return summary.name
        template = self.template(template_id)
        return template.name.get(lang) if template is not None else template_id

    def template(self, template_id: str, version: int | None = None) -> Template | None:
        key = (template_id, version)
        if key not in self._templates:
            try:
                self._templates[key] = self._service.get(template_id, version)
            except (TemplateNotFound, NotFound):
                log.info("template %s@%s not available", template_id, version)
                self._templates[key] = None
        return self._templates[key]

    def taxonomy(self) -> Taxonomy | None:
        if self._taxonomy is None:
            try:
                self._taxonomy = self._service.standards()
            except NotFound:
                return None
        return self._taxonomy

    def invalidate(self) -> None:
        self._summaries.clear()
        self._templates.clear()
        self._taxonomy = None

    @staticmethod
    def hints(text: str, template: Template, key: str) -> list[DescriptiveHint]:
        return descriptive_hints(text, template, key)
