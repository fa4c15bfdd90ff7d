"""The registry: every actor, location and agreement page under ``docs/``.

Pages are the single source of truth, so an editor who adds an alias in a page's front
matter changes what the next run tags. Reading is tolerant: a page that cannot be read
(``broken``) is reported by check, once, and kept as what the last run read of it (or what
still reads of it), so the articles naming it keep their tags, links and matches until it is
fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from generator.content.entity import read_entity
from generator.content.model import ENTITY_TYPES, Entity, EntityPage, EntityRef
from generator.content.pages import digest, md_files
from generator.store.filecache import FileCache, signature
from generator.text.matcher import Matcher
from generator.text.references import References
from generator.text.variants import Variants

INDEX = "index.md"


@dataclass
class Registry:
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    broken: dict[EntityRef, str] = field(default_factory=dict)  # pages that cannot be read → why; in ``entities`` too

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher(self.entities.values())

    @cached_property
    def references(self) -> References:
        return References(self.entities)

    @cached_property
    def variants(self) -> Variants:
        return Variants(self.entities.values())

    @cached_property
    def unjudged(self) -> frozenset[str]:
        """``type/slug`` of the broken pages: whether an article names them cannot be told, so no tag of theirs goes."""
        return frozenset(str(k) for k in self.broken)

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever anything that tagging reads changes."""
        parts = sorted(repr((tuple(e.key), e.title, e.aliases, e.ambiguous, e.context, e.metonyms, e.demonyms, e.kind, e.status,
                             e.published, e.parties, e.places))
                       for e in self.entities.values())
        return digest("\n".join(parts))

    @cached_property
    def shown(self) -> str:
        """Changes whenever anything a page shows of the registry changes (titles, aliases, kinds, coordinates…)."""
        return digest(repr(sorted((tuple(e.key), repr(e)) for e in self.entities.values())))

    def slugs(self, type_: str) -> set[str]:
        return {slug for t, slug in self.entities if t == type_}

    def with_entities(self, extra: list[Entity]) -> Registry:
        """The registry grown by ``extra``; itself when there is none, so that its matcher and references, made once,
        serve the tagging too (a run that adds one article made them twice)."""
        if not extra:
            return self
        return Registry({**self.entities, **{e.key: e for e in extra}}, list(self.problems), dict(self.broken))


def entity_pages(docs: Path, type_: str) -> list[Path]:
    folder = docs / type_
    return [p for p in md_files(folder) if p.name != INDEX]


def load_registry(docs: Path, cache: FileCache | None = None) -> Registry:
    """Every entity page; with ``cache``, only pages changed since a run saw them are read (``content/entity.py``)."""
    registry = Registry()
    for type_ in ENTITY_TYPES:
        for page in entity_pages(docs, type_):
            found = read_entity_cached(cache, type_, page) if cache else read_entity(type_, page)
            if found.unreadable:  # reported by check; the link step has nothing to add
                registry.broken[EntityRef(type_, page.stem)] = found.unreadable
            if found.entity:
                registry.entities[found.entity.key] = found.entity
    return registry


def read_entity_cached(cache: FileCache, type_: str, page: Path) -> EntityPage:
    """The page as read once, by the registry or by check, whichever asks first. A page that cannot be read stands for
    what the last run read of it, so nothing rendered from it changes until it is fixed."""
    sig = signature(page)
    found = cache.get("entity", page, sig)
    if found is None:
        found = read_entity(type_, page)
        before = cache.stale("entity", page) if found.unreadable else None
        if before is not None and (before.entity is not None or before.redirect):
            found = replace(found, entity=before.entity, redirect=before.redirect)
        cache.put("entity", page, found, sig)
    return found
