"""Link syntax, written and parsed here only.

Links between pages are relative ``.md`` paths, the form every Markdown site engine resolves.
A link to an entity from an article's text is ``[text](../<type>/<slug>.md)``: that is what the
generator inserts, what the graph reads back as a mention, and what rename rewrites.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.content.model import EntityRef

ENTITY_LINK = re.compile(r"\[((?:\\.|[^\]\\])+)\]\(\.\./(actors|locations|agreements)/([^)\s]+)\.md\)")


def path_to(folder: str, slug: str, from_folder: str = "") -> str:
    """The relative path from a page in ``from_folder`` ("" for docs/ itself) to ``folder/slug.md``."""
    if from_folder == folder:
        return f"{slug}.md"
    return f"{folder}/{slug}.md" if not from_folder else f"../{folder}/{slug}.md"


def link(text_md: str, folder: str, slug: str, from_folder: str = "") -> str:
    """``[text](path)``; ``text_md`` is already Markdown (escaped)."""
    return f"[{text_md}]({path_to(folder, slug, from_folder)})"


def entity_links(body: str) -> Iterator[tuple[re.Match, EntityRef]]:
    """Every link to an entity page in an article's text, with the entity it names."""
    for m in ENTITY_LINK.finditer(body):
        yield m, EntityRef(m[2], m[3])


def plain_text(markdown: str) -> str:
    """The text with each entity link replaced by its text (still escaped Markdown)."""
    return ENTITY_LINK.sub(r"\1", markdown)


def retarget(body: str, type_: str, old: str, new: str, *, in_folder: bool) -> str:
    """``body`` with every link to ``type_/old`` pointing at ``type_/new`` instead (rename and merge); ``in_folder``: the
    page is in ``type_``'s own folder, where links are bare ``old.md``."""
    pattern = rf"\]\(\.\./{type_}/{re.escape(old)}\.md\)" + (rf"|\]\({re.escape(old)}\.md\)" if in_folder else "")
    return re.sub(pattern, lambda m: m.group(0).replace(f"{old}.md", f"{new}.md"), body)


def unlink(body: str, ref: EntityRef | tuple[str, str], *, skip: tuple[tuple[int, int], ...] = ()) -> str:
    """``body`` with its first link to the entity ``ref`` (outside the ``skip`` spans, the generated sections) replaced by
    the link's text: what the generator inserted, taken back when the tag it stood for loses its match."""
    for m in ENTITY_LINK.finditer(body):
        if (m[2], m[3]) == tuple(ref) and not any(s <= m.start() < e for s, e in skip):
            return body[:m.start()] + m[1] + body[m.end():]
    return body
