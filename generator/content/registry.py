"""The registry: every actor, location and agreement page under ``docs/``.

Pages are the single source of truth, so an editor who adds an alias in a page's front
matter changes what the next run tags. Reading is tolerant: a broken page is reported
and left out, never rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator.content.model import ENTITY_TYPES, Entity
from generator.content.pages import PageError, digest, md_files, split
from generator.store.filecache import FileCache, signature
from generator.text.matcher import Matcher

INDEX = "index.md"


def _strings(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value if v is not None and str(v).strip())
    return ()


def entity_from_meta(type_: str, slug: str, meta: dict) -> Entity:
    coords = meta.get("coordinates")
    point = None
    if isinstance(coords, list) and len(coords) == 2 and all(isinstance(c, (int, float)) for c in coords):
        point = (float(coords[0]), float(coords[1]))
    return Entity(
        type=type_,
        slug=slug,
        title=str(meta.get("title") or slug),
        aliases=_strings(meta.get("aliases")),
        ambiguous=_strings(meta.get("ambiguous")),
        context=_strings(meta.get("context")),
        metonyms=_strings(meta.get("metonyms")),
        demonyms=_strings(meta.get("demonyms")),
        kind=str(meta.get("kind") or ""),
        status=str(meta.get("status") or ""),
        published=str(meta.get("date") or ""),
        coordinates=point,
        parties=_strings(meta.get("parties")),
        places=_strings(meta.get("places")),
    )


@dataclass
class Registry:
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher(self.entities.values())

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever anything that tagging reads changes."""
        parts = sorted(repr((e.key, e.title, e.aliases, e.ambiguous, e.context, e.metonyms, e.demonyms, e.kind)) for e in self.entities.values())
        return digest("\n".join(parts))

    @cached_property
    def shown(self) -> str:
        """Changes whenever anything a page shows of the registry changes (titles, aliases, kinds, coordinates…)."""
        return digest(repr(sorted((e.key, repr(e)) for e in self.entities.values())))

    def slugs(self, type_: str) -> set[str]:
        return {slug for t, slug in self.entities if t == type_}

    def with_entities(self, extra: list[Entity]) -> Registry:
        return Registry({**self.entities, **{e.key: e for e in extra}}, list(self.problems))


def entity_pages(docs: Path, type_: str) -> list[Path]:
    folder = docs / type_
    return [p for p in md_files(folder) if p.name != INDEX]


def _read_entity(type_: str, page: Path) -> tuple[Entity | None, str]:
    """The entity a page defines (None for a redirect), or the reason it cannot be read."""
    try:
        meta, _, _ = split(page.read_text(encoding="utf-8"))
    except (PageError, UnicodeDecodeError) as exc:
        return None, f"{page}: {exc}"
    if meta.get("redirect"):
        return None, ""  # a renamed or merged entity's old address
    return entity_from_meta(type_, page.stem, meta), ""


def load_registry(docs: Path, cache: FileCache | None = None) -> Registry:
    """Every entity page; with ``cache``, only pages changed since a run saw them are parsed."""
    registry = Registry()
    for type_ in ENTITY_TYPES:
        for page in entity_pages(docs, type_):
            sig = signature(page)
            found = cache.get("entity", page, sig) if cache else None
            if found is None:
                found = _read_entity(type_, page)
                if cache:
                    cache.put("entity", page, found, sig)
            entity, problem = found
            if problem:
                registry.problems.append(problem)
            elif entity:
                registry.entities[entity.key] = entity
    return registry
