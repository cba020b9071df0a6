"""The case-study project as plain data: what a REFI-QDA project or codebook carries.

Offsets count **Unicode code points** (Python ``str`` indices), end exclusive, as
everywhere in ReflectDesk (docs/review.md); the GUI converts from Qt's UTF-16 units
with ``reflectdesk.review.anchor.from_utf16``. Ids are our own (UUIDv7 strings from
the vault, or GUIDs of an imported project); the exchange GUIDs are derived from them
(:mod:`reflectdesk.research.guids`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

AttributeValue = str | bool | int | float | date | datetime
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")

# Conventional attribute names of a case (one student pseudonym), see case_attributes().
COHORT = "Cohort"
SCHOOL_TYPE = "School type"
TEMPLATE = "Template"
MBE_STANDARDS = "MBE standards"


@dataclass(frozen=True, slots=True)
class Attribute:
    """A named value; it becomes a REFI-QDA ``Variable`` and a ``VariableValue``."""

    name: str
    value: AttributeValue


@dataclass(frozen=True, slots=True)
class User:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Memo:
    """A memo (a REFI-QDA ``Note``) on the project, a code or a coded passage."""

    id: str
    text: str
    title: str = ""
    user: str | None = None  # a User.id
    created: datetime | None = None


@dataclass(frozen=True, slots=True)
class Code:
    id: str
    name: str
    parent: str | None = None  # a Code.id: codes form a tree
    color: str | None = None  # "#RRGGBB"
    description: str = ""
    memos: tuple[Memo, ...] = ()
    codable: bool = True  # False for a category that only groups codes

    def __post_init__(self) -> None:
        if self.color is not None and not _COLOR.fullmatch(self.color):
            raise ValueError("a code colour is #RRGGBB")


@dataclass(frozen=True, slots=True)
class Source:
    """One text (an entry's section, pseudonymised) the researcher codes."""

    id: str
    name: str
    text: str
    attributes: tuple[Attribute, ...] = ()
    description: str = ""
    user: str | None = None
    created: datetime | None = None
    memos: tuple[Memo, ...] = ()


@dataclass(frozen=True, slots=True)
class CodedSelection:
    """``source.text[start:end]`` coded with ``code`` (code points, end exclusive)."""

    id: str
    source: str  # a Source.id
    start: int
    end: int
    code: str  # a Code.id
    user: str | None = None
    created: datetime | None = None
    memos: tuple[Memo, ...] = ()


@dataclass(frozen=True, slots=True)
class Case:
    """One student pseudonym, its attributes and the sources it holds.

    REFI-QDA cases cannot carry a note: the case memo is the ``description``."""

    id: str
    name: str
    description: str = ""
    attributes: tuple[Attribute, ...] = ()
    sources: tuple[str, ...] = ()  # Source.ids


@dataclass(frozen=True, slots=True)
class Project:
    name: str
    origin: str  # the writing program, always set (QualCoder crashes without it)
    description: str = ""
    users: tuple[User, ...] = ()
    codes: tuple[Code, ...] = ()
    sources: tuple[Source, ...] = ()
    selections: tuple[CodedSelection, ...] = ()
    cases: tuple[Case, ...] = ()
    memos: tuple[Memo, ...] = ()  # on the project as a whole
    creating_user: str | None = None
    created: datetime | None = None


@dataclass(frozen=True, slots=True)
class Codebook:
    codes: tuple[Code, ...]
    origin: str = ""


def case_attributes(
    *,
    cohort: str | None = None,
    school_type: str | None = None,
    template: str | None = None,
    mbe_standards: tuple[str, ...] = (),
) -> tuple[Attribute, ...]:
    """The attributes of a case under their conventional names; MBE codes joined by ", "."""
    out: list[Attribute] = []
    if cohort:
        out.append(Attribute(COHORT, cohort))
    if school_type:
        out.append(Attribute(SCHOOL_TYPE, school_type))
    if template:
        out.append(Attribute(TEMPLATE, template))
    if mbe_standards:
        out.append(Attribute(MBE_STANDARDS, ", ".join(mbe_standards)))
    return tuple(out)
