"""Bulk-adding registry entries from a YAML list; never overwrites an existing page.

The curated starter registry arrived this way, and an editor can add a batch of
entities the same way. Each entry: title, type, aliases and the fields that fit its type
(see the README). After import the pages are the registry; the YAML is not kept.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.content.model import ENTITY_TYPES, Entity
from generator.content.pages import escape, write_if_changed
from generator.content.registry import load_registry
from generator.site.render import new_entity_page
from generator.text.slugs import unique_slug

TYPES = {"actor": "actors", "location": "locations", "agreement": "agreements", **{t: t for t in ENTITY_TYPES}}
LISTS = ("aliases", "ambiguous", "context", "metonyms", "demonyms")
EXTRA = ("date", "parties", "places", "status", "parent", "predecessors", "successors", "coordinates_source", "sources")


def import_entries(files: list[Path], docs: Path) -> tuple[int, list[str]]:
    registry = load_registry(docs)
    titles = {(e.type, e.title.casefold()) for e in registry.entities.values()}
    created, problems = 0, []
    for file in files:
        entries = yaml.safe_load(file.read_text(encoding="utf-8")) or []
        for i, entry in enumerate(entries, 1):
            if not isinstance(entry, dict):
                problems.append(f"{file}: entry {i}: must be a mapping with a title and a type, not {entry!r}")
                continue
            type_ = TYPES.get(str(entry.get("type", "")))
            title = str(entry.get("title") or "").strip()
            if not type_ or not title:
                problems.append(f"{file}: entry {i}: needs a title and a type (actor, location or agreement)")
                continue
            if (type_, title.casefold()) in titles:
                continue
            coords = entry.get("coordinates")
            entity = Entity(
                type=type_,
                slug=unique_slug(title, registry.slugs(type_)),
                title=title,
                kind=str(entry.get("kind") or ""),
                coordinates=(float(coords[0]), float(coords[1])) if isinstance(coords, list) and len(coords) == 2 else None,
                **{key: tuple(str(v) for v in entry.get(key) or []) for key in LISTS},
            )
            extra = {key: entry[key] for key in EXTRA if entry.get(key) not in (None, "", [])}
            if "date" in extra:
                extra["date"] = str(extra["date"])
            page = new_entity_page(entity, escape(str(entry.get("description") or "")), extra)
            write_if_changed(docs / type_ / f"{entity.slug}.md", page)
            registry.entities[entity.key] = entity
            titles.add((type_, title.casefold()))
            created += 1
    return created, problems
