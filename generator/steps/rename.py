"""``rename`` and ``merge``: change an entity's slug, or fold one entity into another.

Every article's front matter and every link follow; the old names stay as aliases; the
old page becomes a small redirect page, so its URL keeps working; the generator's memory
(``state``) follows too, so an editor's earlier decisions still hold.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.content.article import tags_in
from generator.content.links import retarget
from generator.content.model import ENTITY_TYPES
from generator.content.pages import SECTION, escape, join, set_front_value, split, write_if_changed
from generator.content.registry import INDEX
from generator.store.state import State
from generator.text.slugs import slugify

LIST_FIELDS = ("aliases", "ambiguous", "context", "metonyms", "demonyms")


class EntityError(ValueError):
    """An entity reference that names no page, or names two."""


def resolve_ref(docs: Path, ref: str, *, must_exist: bool = True) -> tuple[str, str]:
    """``actors/sdf`` or plain ``sdf`` (when only one folder has it) → (type, slug)."""
    ref = ref.removesuffix(".md").strip("/")
    if "/" in ref:
        type_, slug = ref.split("/", 1)
        if type_ not in ENTITY_TYPES:
            raise EntityError(f"{ref}: the folder must be one of {', '.join(ENTITY_TYPES)}")
        candidates = [(type_, slug)]
    else:
        candidates = [(t, ref) for t in ENTITY_TYPES if (docs / t / f"{ref}.md").is_file()] or [(t, ref) for t in ENTITY_TYPES]
    existing = [c for c in candidates if (docs / c[0] / f"{c[1]}.md").is_file()]
    if must_exist:
        if not existing:
            raise EntityError(f"{ref}: no such entity page under {docs}")
        if len(existing) > 1:
            raise EntityError(f"{ref}: several pages have this slug; write it as " + " or ".join(f"{t}/{s}" for t, s in existing))
        return existing[0]
    if len(candidates) != 1:
        raise EntityError(f"{ref}: say which folder, e.g. actors/{ref}")
    return candidates[0]


def redirect_page(title: str, type_: str, target_slug: str) -> str:
    front = set_front_value(set_front_value("", "title", f"{title} (moved)"), "redirect", f"{type_}/{target_slug}")
    body = (
        f'\n<meta http-equiv="refresh" content="0; url=../{target_slug}/">\n\n'
        f"This page has moved to [{escape(title)}]({target_slug}.md).\n"
    )
    return join(front, body)


def _rewrite_references(docs: Path, type_: str, old: str, new: str) -> list[str]:
    """Front matter lists and Markdown links in every page now point at ``new``."""
    written = []
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        meta, front, body = split(text)
        if page.parent.name == "articles" and page.name != INDEX and old in (meta.get(type_) or []):
            values = list(dict.fromkeys(new if s == old else s for t, s in tags_in(meta) if t == type_))
            front = set_front_value(front, type_, values)
        body = retarget(body, type_, old, new, in_folder=page.parent.name == type_)
        if write_if_changed(page, join(front, body)):
            written.append(str(page))
    return written


def _rewrite_state(docs: Path, type_: str, old: str, new: str) -> None:
    state = State.load(docs)
    for record in state.articles.values():
        for name in ("tags", "linked", "own", "cut"):
            if getattr(record, name) is None:
                continue
            refs = [f"{type_}/{new}" if r == f"{type_}/{old}" else r for r in getattr(record, name)]
            setattr(record, name, sorted(set(refs)))
        if record.own is not None and record.cut:  # a merge can fold a removed tag into one the article keeps
            record.cut = sorted(set(record.cut) - set(record.own))
    state.save(docs)


def rename(docs: Path, old_ref: str, new_ref: str) -> list[str]:
    """Give an entity a new slug (``rename sdf syrian-democratic-forces``) or a new title
    (``rename sdf "Syrian Democratic Forces"``: the slug follows, the old title becomes an alias)."""
    type_, old = resolve_ref(docs, old_ref)
    new_title = None
    if not re.fullmatch(r"(?:[a-z]+/)?[a-z0-9]+(?:-[a-z0-9]+)*", new_ref):
        new_title, new_ref = new_ref, slugify(new_ref)
    new_type, new = resolve_ref(docs, new_ref if "/" in new_ref else f"{type_}/{new_ref}", must_exist=False)
    if new_type != type_:
        raise EntityError(f"{new_ref}: a rename stays in {type_}/; to change the type, create the new page and merge")
    if (docs / type_ / f"{new}.md").exists():
        raise EntityError(f"{type_}/{new}: a page with this slug exists; use merge to fold one entity into the other")
    page = docs / type_ / f"{old}.md"
    text = page.read_text(encoding="utf-8")
    meta, front, body = split(text)
    title = str(meta.get("title") or old)
    if new_title and new_title != title:
        aliases = [str(a) for a in meta.get("aliases") or []]
        front = set_front_value(set_front_value(front, "title", new_title), "aliases", list(dict.fromkeys(aliases + [title])))
        text = join(front, body)
    write_if_changed(docs / type_ / f"{new}.md", text)
    write_if_changed(page, redirect_page(title, type_, new))
    written = [str(docs / type_ / f"{new}.md"), str(page)] + _rewrite_references(docs, type_, old, new)
    _rewrite_state(docs, type_, old, new)
    return written


def merge(docs: Path, from_ref: str, into_ref: str) -> list[str]:
    type_, source = resolve_ref(docs, from_ref)
    into_type, target = resolve_ref(docs, into_ref if "/" in into_ref else f"{type_}/{into_ref}")
    if into_type != type_:
        raise EntityError(f"{from_ref} and {into_ref}: only entities of the same type can be merged")
    if source == target:
        raise EntityError(f"{from_ref}: cannot merge an entity into itself")
    source_page, target_page = docs / type_ / f"{source}.md", docs / type_ / f"{target}.md"
    s_meta, _, s_body = split(source_page.read_text(encoding="utf-8"))
    t_meta, t_front, t_body = split(target_page.read_text(encoding="utf-8"))
    s_title = str(s_meta.get("title") or source)
    for key in LIST_FIELDS:
        extra = ([s_title] if key == "aliases" else []) + [str(v) for v in s_meta.get(key) or []]
        merged = list(dict.fromkeys([str(v) for v in t_meta.get(key) or []] + [v for v in extra if v != t_meta.get("title")]))
        if merged != list(t_meta.get(key) or []):
            t_front = set_front_value(t_front, key, merged)
    editor_text = SECTION.sub("", s_body).strip()
    if editor_text:
        t_body = t_body.rstrip("\n") + f"\n\n## Merged from {escape(s_title)}\n\n{editor_text}\n"
    write_if_changed(target_page, join(t_front, t_body))
    write_if_changed(source_page, redirect_page(s_title, type_, target))
    written = [str(target_page), str(source_page)] + _rewrite_references(docs, type_, source, target)
    _rewrite_state(docs, type_, source, target)
    return written
