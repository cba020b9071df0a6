"""Templates as plain, frozen data: prompts, sub-prompts and their texts in es and en.

A template is read from a YAML file (see :mod:`reflectdesk.templates.loader` and
``docs/templates.md``); nothing here knows about files, the vault or Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from reflectdesk.errors import InvalidValue, UnknownSection

Lang = Literal["es", "en"]
LANGS: tuple[Lang, ...] = ("es", "en")

TEMPLATE_FORMAT = "reflectdesk/template@1"


def normalize_lang(lang: str) -> Lang:
    """``"es"``, ``"es_CL"``, ``"es-CL"`` → ``"es"``; likewise for English."""
    base = lang.strip().lower().replace("_", "-").split("-", 1)[0]
    if base == "es":
        return "es"
    if base == "en":
        return "en"
    raise InvalidValue(f"lang: {lang}")


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """One user-visible text in every supported language."""

    es: str
    en: str

    def get(self, lang: str) -> str:
        return self.es if normalize_lang(lang) == "es" else self.en

    def to_dict(self) -> dict[str, str]:
        return {"es": self.es, "en": self.en}


class TemplateKind(StrEnum):
    REFLECTION = "reflection"
    OBSERVATION = "observation"
    PLANNING = "planning"
    MEETING = "meeting"


class TemplateOrigin(StrEnum):
    BUILTIN = "builtin"
    CUSTOM = "custom"
    SNAPSHOT = "snapshot"


@dataclass(frozen=True, slots=True)
class FrameworkRef:
    """The reflective framework a template follows, with a citation."""

    name: LocalizedText
    reference: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Prompt:
    """One section of an entry; ``prompts`` holds its sub-prompts (nested sections)."""

    key: str
    title: LocalizedText
    guidance: LocalizedText
    example: LocalizedText | None = None
    required: bool = False
    words: int | None = None  # a suggested length, never enforced
    descriptive: bool | None = None  # None: as the template's kind says
    prompts: tuple[Prompt, ...] = ()

    def walk(self, depth: int = 0) -> Iterator[tuple[int, Prompt]]:
        yield depth, self
        for sub in self.prompts:
            yield from sub.walk(depth + 1)


@dataclass(frozen=True, slots=True)
class EvaluativeWords:
    """Extra words an observation template flags as judgements, per language."""

    es: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def all(self) -> tuple[str, ...]:
        return self.es + self.en


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    version: int
    name: LocalizedText
    description: LocalizedText
    prompts: tuple[Prompt, ...]
    kind: TemplateKind = TemplateKind.REFLECTION
    framework: FrameworkRef | None = None
    tags: tuple[LocalizedText, ...] = ()
    standards: tuple[str, ...] = ()
    evaluative_words: EvaluativeWords = field(default_factory=EvaluativeWords)
    origin: TemplateOrigin = TemplateOrigin.BUILTIN

    def walk(self) -> Iterator[tuple[int, Prompt]]:
        """Every prompt depth-first, in document order, with its nesting depth (0 = top)."""
        for prompt in self.prompts:
            yield from prompt.walk()

    def section_keys(self) -> list[str]:
        """Every section key, nested ones included, in document order."""
        return [prompt.key for _, prompt in self.walk()]

    def section_titles(self, lang: str = "es") -> list[tuple[str, str]]:
        """(key, title in ``lang``) for every section, nested ones included."""
        return [(prompt.key, prompt.title.get(lang)) for _, prompt in self.walk()]

    def prompt(self, key: str) -> Prompt | None:
        for _, prompt in self.walk():
            if prompt.key == key:
                return prompt
        return None

    def is_descriptive(self, key: str) -> bool:
        """Whether answers to ``key`` should stay free of judgements (observation notes)."""
        prompt = self.prompt(key)
        if prompt is not None and prompt.descriptive is not None:
            return prompt.descriptive
        return self.kind is TemplateKind.OBSERVATION

    def has_descriptive(self) -> bool:
        """Whether any of its sections should stay free of judgements."""
        return any(self.is_descriptive(key) for key in self.section_keys())

    def summary(self, lang: str) -> TemplateSummary:
        return TemplateSummary(
            id=self.id,
            version=self.version,
            name=self.name.get(lang),
            description=self.description.get(lang),
            kind=self.kind,
            framework=self.framework.name.get(lang) if self.framework else None,
            origin=self.origin,
            section_count=len(self.section_keys()),
            aliases=self.aliases(),
        )

    def aliases(self) -> tuple[str, ...]:
        texts = [self.id, self.name.es, self.name.en]
        if self.framework is not None:
            texts += [self.framework.name.es, self.framework.name.en]
        for tag in self.tags:
            texts += [tag.es, tag.en]
        return tuple(dict.fromkeys(texts))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description (both languages), for ``templates show --json``."""
        return {
            "id": self.id,
            "version": self.version,
            "kind": self.kind.value,
            "origin": self.origin.value,
            "name": self.name.to_dict(),
            "description": self.description.to_dict(),
            "framework": (
                {
                    "name": self.framework.name.to_dict(),
                    "reference": self.framework.reference,
                    "url": self.framework.url,
                }
                if self.framework
                else None
            ),
            "tags": [tag.to_dict() for tag in self.tags],
            "standards": list(self.standards),
            "evaluative_words": {
                "es": list(self.evaluative_words.es),
                "en": list(self.evaluative_words.en),
            },
            "prompts": [_prompt_dict(p) for p in self.prompts],
        }


def _prompt_dict(prompt: Prompt) -> dict[str, Any]:
    return {
        "key": prompt.key,
        "title": prompt.title.to_dict(),
        "guidance": prompt.guidance.to_dict(),
        "example": prompt.example.to_dict() if prompt.example else None,
        "required": prompt.required,
        "words": prompt.words,
        "descriptive": prompt.descriptive,
        "prompts": [_prompt_dict(p) for p in prompt.prompts],
    }


@dataclass(frozen=True, slots=True)
class TemplateSummary:
    """One row of the template list, in one language."""

    id: str
    version: int
    name: str
    description: str
    kind: TemplateKind
    framework: str | None
    origin: TemplateOrigin
    section_count: int
    # What else a person may type to find it: its id, its name and framework in every
    # language, its tags ("lesson study" finds "Estudio de clases" in Spanish).
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "name": self.name,
            "description": self.description,
            "kind": self.kind.value,
            "framework": self.framework,
            "origin": self.origin.value,
            "section_count": self.section_count,
        }


def check_section_keys(template: Template, keys: Iterable[str]) -> None:
    """Raise :class:`UnknownSection` for the first key the template does not have.

    The error's ``valid`` parameter lists the valid keys (for the hint), and ``detail``
    names the template and the offending key.
    """
    valid = template.section_keys()
    known = set(valid)
    for key in keys:
        if key not in known:
            raise UnknownSection(
                f"{template.id}@{template.version}: {key}", valid=", ".join(valid), key=key
            )
