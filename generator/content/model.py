"""The data model. No I/O and no framework imports, so every stage can share it."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("actors", "locations", "agreements")
SINGULAR = {"actors": "actor", "locations": "location", "agreements": "agreement"}


@dataclass(frozen=True)
class Entity:
    """One registry entry, read from the front matter of its page."""

    type: str
    slug: str
    title: str
    aliases: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    kind: str = ""
    status: str = ""
    published: str = ""
    coordinates: tuple[float, float] | None = None
    parties: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.slug)

    @property
    def proposed(self) -> bool:
        return self.status == "proposed"


@dataclass(frozen=True)
class Mention:
    """An entity found in an article's text, with the span of its surface form."""

    type: str
    slug: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class Proposal:
    """An entity the registry does not know yet, found by a discovery pattern."""

    type: str
    title: str
    kind: str
    surface: str
    aliases: tuple[str, ...] = ()


@dataclass
class CleanArticle:
    """A raw file after cleaning: what the page shows and what moves to metadata."""

    original: str
    title: str
    title_derived: bool
    paragraphs: list[str]
    source: str = ""
    published: str = ""
    attribution: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)
