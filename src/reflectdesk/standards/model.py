"""A teaching-standards framework as data: domains, standards, optional descriptors.

Generic on purpose: MBE 2021 ships built in, and a university can load another
framework in the same format (``reflectdesk/standards@1``, see ``docs/templates.md``).
Items whose wording could not be checked against the official source carry
``verified=False`` so that the GUI can mark them and nobody forgets to check them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reflectdesk.templates.model import LocalizedText, TemplateOrigin

TAXONOMY_FORMAT = "reflectdesk/standards@1"


@dataclass(frozen=True, slots=True)
class Descriptor:
    code: str
    text: LocalizedText
    verified: bool = True


@dataclass(frozen=True, slots=True)
class Standard:
    code: str
    title: LocalizedText
    verified: bool = True
    note: str | None = None
    descriptors: tuple[Descriptor, ...] = ()


@dataclass(frozen=True, slots=True)
class Domain:
    code: str
    title: LocalizedText
    standards: tuple[Standard, ...]
    verified: bool = True


@dataclass(frozen=True, slots=True)
class UnverifiedItem:
    """Something whose wording still has to be checked against the official source."""

    code: str
    level: str  # "domain" | "standard" | "descriptor"
    title_es: str


@dataclass(frozen=True, slots=True)
class Taxonomy:
    id: str
    version: int
    name: LocalizedText
    description: LocalizedText
    reference: str
    domains: tuple[Domain, ...]
    url: str | None = None
    origin: TemplateOrigin = TemplateOrigin.BUILTIN

    def standards(self) -> list[Standard]:
        return [standard for domain in self.domains for standard in domain.standards]

    def codes(self) -> list[str]:
        return [standard.code for standard in self.standards()]

    def standard(self, code: str) -> Standard | None:
        for standard in self.standards():
            if standard.code == code:
                return standard
        return None

    def domain_of(self, code: str) -> Domain | None:
        for domain in self.domains:
            if any(standard.code == code for standard in domain.standards):
                return domain
        return None

    def label(self, code: str, lang: str) -> str:
        """``"A1 — Aprendizaje y desarrollo..."``, or the bare code when it is unknown."""
        standard = self.standard(code)
        return f"{code} — {standard.title.get(lang)}" if standard else code

    def walk(self) -> Iterator[tuple[str, str, LocalizedText, bool]]:
        """(level, code, text, verified) for every domain, standard and descriptor."""
        for domain in self.domains:
            yield "domain", domain.code, domain.title, domain.verified
            for standard in domain.standards:
                yield "standard", standard.code, standard.title, standard.verified
                for descriptor in standard.descriptors:
                    yield "descriptor", descriptor.code, descriptor.text, descriptor.verified

    def unverified(self) -> list[UnverifiedItem]:
        return [
            UnverifiedItem(code, level, text.es)
            for level, code, text, verified in self.walk()
            if not verified
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "origin": self.origin.value,
            "name": self.name.to_dict(),
            "description": self.description.to_dict(),
            "reference": self.reference,
            "url": self.url,
            "domains": [
                {
                    "code": d.code,
                    "title": d.title.to_dict(),
                    "verified": d.verified,
                    "standards": [
                        {
                            "code": s.code,
                            "title": s.title.to_dict(),
                            "verified": s.verified,
                            "note": s.note,
                            "descriptors": [
                                {"code": x.code, "text": x.text.to_dict(), "verified": x.verified}
                                for x in s.descriptors
                            ],
                        }
                        for s in d.standards
                    ],
                }
                for d in self.domains
            ],
        }
