"""Reading an entity page once into an ``EntityPage``: the registry's entry and check's findings."""

from __future__ import annotations

from pathlib import Path

from generator.content.model import Entity, EntityPage
from generator.content.pages import PageError, split
from generator.content.schema import ENTITY_REQUIRED, ENTITY_SCHEMA, REDIRECT_SCHEMA, STATUSES, Problem, check_schema, key_line
from generator.text.matcher import name_keys


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


def read_entity(type_: str, page: Path) -> EntityPage:
    """The entity a page defines (None for a redirect or a page that cannot be read), its problems and the names it claims."""
    try:
        text = page.read_text(encoding="utf-8")
        meta = split(text)[0]
    except (PageError, UnicodeDecodeError) as exc:
        return EntityPage(None, True, (Problem(page, 1, str(exc), "fix the YAML between the --- lines"),), (), f"{page}: {exc}")
    if "redirect" in meta:
        return EntityPage(None, True, tuple(check_schema(page, text, meta, REDIRECT_SCHEMA, ("title", "redirect"))), ())
    problems = check_schema(page, text, meta, ENTITY_SCHEMA, ENTITY_REQUIRED)
    if str(meta.get("status") or "") not in STATUSES:
        allowed = ", ".join(sorted(STATUSES - {""}))
        problems.append(Problem(page, key_line(text, "status"), f"unknown status `{meta['status']}`", f"use one of: {allowed}"))
    names = [meta.get("title")] + (meta.get("aliases") if isinstance(meta.get("aliases"), list) else [])
    claims = tuple((name, key, key_line(text, "aliases" if name != meta.get("title") else "title"))
                   for name in names if isinstance(name, str) and name.strip() for key in name_keys(name))
    # A redirect with an empty value is still a redirect to check, but no entity (as the registry always read it).
    entity = None if meta.get("redirect") else entity_from_meta(type_, page.stem, meta)
    return EntityPage(entity, False, tuple(problems), claims)
