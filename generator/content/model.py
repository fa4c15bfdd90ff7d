"""The content model: every step reads these typed objects, each page parsed once per run into one. No I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from generator.content.pages import escape
from generator.content.schema import Problem

ENTITY_TYPES = ("actors", "locations", "agreements")
SINGULAR = {"actors": "actor", "locations": "location", "agreements": "agreement"}


class EntityRef(NamedTuple):
    """An entity by its folder and slug: ``EntityRef("actors", "sdf")``, written ``actors/sdf``; a plain tuple underneath,
    so it hashes, sorts and compares as the ``(type, slug)`` pairs it replaces."""

    type: str
    slug: str

    @classmethod
    def parse(cls, text: str) -> EntityRef:
        type_, _, slug = text.partition("/")
        return cls(type_, slug)

    def __str__(self) -> str:
        return f"{self.type}/{self.slug}"

    @property
    def page(self) -> str:
        """Its page, relative to docs/."""
        return f"{self.type}/{self.slug}.md"


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
    sources: tuple[str, ...] = ()  # where the entry's facts come from (web addresses)

    @property
    def key(self) -> EntityRef:
        return EntityRef(self.type, self.slug)

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
    dateline: str = ""  # "DAMASCUS, June 8 (Reuters) -", taken out of the text: where and by whom it was filed
    url: str = ""  # the original's web address
    author: str = ""
    published_estimate: str = ""  # when ``published`` is only a lower bound: why ("not before 2023-06-21 (names …)")

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Event:
    """A dated sentence: what an article says happened on a day (``--MM-DD`` when the year is unknown)."""

    date: str
    sentence: str
    refs: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class ArticleRef:
    """What lists, feeds, exports and entity pages show of an article page (its front matter and its events)."""

    slug: str
    title: str
    published: str
    source: str
    tags: tuple[tuple[str, str], ...]
    review: tuple[str, ...] = ()
    attribution: str = ""
    events: tuple[Event, ...] = ()
    published_estimate: str = ""  # set when ``published`` is an estimate: says why
    url: str = ""
    author: str = ""
    copy_of: str = ""  # the slug of the article this one is a copy of (the same story from another outlet)

    @cached_property
    def title_md(self) -> str:
        """The title escaped for Markdown once, not once per entity page listing the article."""
        return escape(self.title)

    @cached_property
    def source_md(self) -> str:
        return escape(self.source)

    @cached_property
    def distinct_tags(self) -> tuple[tuple[str, str], ...]:
        """Each tag once, in page order: an editor may list a slug twice."""
        return tuple(dict.fromkeys(self.tags))


@dataclass(frozen=True)
class ArticlePage:
    """An article page as read once (``content/article.py``), by every step that needs it.

    Nothing in it depends on the generated sections, so it stays true when only those are rewritten.
    ``ref`` is None when the page cannot be read: ``unreadable`` says why and ``problems`` holds it for check.
    """

    ref: ArticleRef | None
    first: dict[tuple[str, str], str]  # per tag, the first sentence linking it, the name in bold
    problems: tuple[Problem, ...]  # the page's own: front matter against the article schema
    tag_lines: tuple[int, ...]  # the front-matter line of each tag, in ``ref.tags`` order
    text_digest: str  # of its text folded, to find the same article twice
    owned: str  # digest of everything outside the generated sections: what an editor changed
    unreadable: str = ""
    copy_line: int = 0  # the front-matter line of ``copy_of``, for check
    listing: str = ""  # digest of what the lists of articles show of it (``article.listing_digest``)


@dataclass(frozen=True)
class EntityPage:
    """An entity page as read once (``content/entity.py``), by the registry and by check."""

    entity: Entity | None  # None for a redirect or a page that cannot be read
    redirect: bool
    problems: tuple[Problem, ...]
    claims: tuple[tuple[str, str, int], ...]  # (name, matching key, line) of its title and aliases
    unreadable: str = ""
