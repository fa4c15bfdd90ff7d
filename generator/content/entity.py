"""Reading an entity page once into an ``EntityPage``: the registry's entry and check's findings."""

from __future__ import annotations

import re
from pathlib import Path

from generator.content.model import Entity, EntityPage
from generator.content.pages import PageError, split, split_front
from generator.content.schema import ENTITY_REQUIRED, ENTITY_SCHEMA, REDIRECT_SCHEMA, Problem, accepted, check_schema, key_line, type_error
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
    """The entity as views and exports see it: only the values check accepts (``schema.accepted``)."""
    meta = accepted(meta, ENTITY_SCHEMA)
    coords = meta.get("coordinates")
    point = (float(coords[0]), float(coords[1])) if coords else None
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
        sources=_strings(meta.get("sources")),
    )


KEY_LINE = re.compile(r"^[^\s#-][^\n]*:", re.M)  # where a top-level key starts


def salvage(type_: str, slug: str, text: str) -> Entity | None:
    """What the articles naming a page that cannot be read link to until it is fixed: the entity its front matter
    describes, read key by key, each key that still reads alone and fits the schema kept (the title at worst the slug).
    None when what still reads is a redirect."""
    front = split_front(text)[0]
    starts = [m.start() for m in KEY_LINE.finditer(front)]
    schema, meta = ENTITY_SCHEMA | REDIRECT_SCHEMA, {}
    for start, end in zip(starts, starts[1:] + [len(front)], strict=True):
        try:
            part = split(f"---\n{front[start:end].rstrip()}\n---\n")[0]
        except PageError:
            continue
        meta.update((k, v) for k, v in part.items() if k in schema and not type_error(schema[k], v))
    return None if meta.get("redirect") else entity_from_meta(type_, slug, meta)


def unreadable(type_: str, page: Path, text: str, exc: Exception) -> EntityPage:
    """A page that cannot be read: one problem at its line, and the entity as far as it reads, so that the articles naming
    it keep their tags and links and are not told it is "unknown"."""
    line = getattr(exc, "line", 1)
    fix = ("write each value out instead of `&name` and `*name`" if "anchor" in str(exc) or "alias" in str(exc)
           else "save the file as UTF-8" if isinstance(exc, UnicodeDecodeError) else "fix the YAML between the --- lines")
    entity = salvage(type_, page.stem, text)
    return EntityPage(entity, entity is None, (Problem(page, line, str(exc), fix),), (), f"{page}:{line}: {exc}")


def read_entity(type_: str, page: Path) -> EntityPage:
    """The entity a page defines (None for a redirect; for a page that cannot be read what still reads, ``unreadable``
    saying why), its problems and the names it claims."""
    text = ""
    try:
        text = page.read_text(encoding="utf-8")
        meta = split(text)[0]
    except (PageError, UnicodeDecodeError) as exc:
        return unreadable(type_, page, text, exc)
    if "redirect" in meta:
        return EntityPage(None, True, tuple(check_schema(page, text, meta, REDIRECT_SCHEMA, ("title", "redirect"))), ())
    problems = check_schema(page, text, meta, ENTITY_SCHEMA, ENTITY_REQUIRED)
    names = [meta.get("title")] + (meta.get("aliases") if isinstance(meta.get("aliases"), list) else [])
    claims = tuple((name, key, key_line(text, "aliases" if name != meta.get("title") else "title"))
                   for name in names if isinstance(name, str) and name.strip() for key in name_keys(name))
    # A redirect with an empty value is still a redirect to check, but no entity (as the registry always read it).
    entity = None if meta.get("redirect") else entity_from_meta(type_, page.stem, meta)
    return EntityPage(entity, False, tuple(problems), claims)
