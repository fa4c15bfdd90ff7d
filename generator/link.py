"""``python -m generator link``: every generated section, index and the home page.

Reads all pages first (``graph``), then rewrites only the generated sections, so a run
with nothing changed writes nothing and an editor's text outside the markers survives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.graph import build_graph
from generator.ingest import progress
from generator.model import ENTITY_TYPES
from generator.pages import PageError, digest, replace_section, split, write_if_changed
from generator.registry import load_registry
from generator.render import articles_index, entity_index, entity_section, home, review_page, tags_section
from generator.state import State

INTROS = {
    "index.md": ("Situation Wiki", "A curated wiki of the war in Syria, built from news articles. Editors: see the README."),
    "articles/index.md": ("Articles", "Every article in the wiki, newest first."),
    "actors/index.md": ("Actors", "States, governments, armed groups, people and organisations."),
    "locations/index.md": ("Locations", "Places mentioned in the articles."),
    "agreements/index.md": ("Agreements", "Agreements, ceasefires, talks and other arrangements."),
    "review.md": ("Review", "What the generator found and could not decide: proposed entities and titles to check."),
}


@dataclass
class LinkReport:
    written: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _update(path: Path, name: str, content: str, report: LinkReport, *, at_top: bool = False) -> str | None:
    """Put ``content`` in section ``name`` of ``path``; returns the page text when written."""
    try:
        text = path.read_text(encoding="utf-8")
        meta, front, body = split(text)
    except FileNotFoundError:
        title, intro = INTROS[str(path).split("docs/", 1)[-1]] if str(path).split("docs/", 1)[-1] in INTROS else (path.stem, "")
        front, body = f"title: {title}\n", f"\n{intro}\n"
        text = ""
    except (PageError, UnicodeDecodeError) as exc:
        report.problems.append(f"{path}: {exc}; left unchanged")
        return None
    new = (f"---\n{front}---\n" if front else "") + replace_section(body, name, content, at_top=at_top)
    if new != text and write_if_changed(path, new):
        report.written.append(str(path))
        return new
    return None


def link(docs: Path) -> LinkReport:
    report = LinkReport()
    registry = load_registry(docs)
    entities = registry.entities
    graph = build_graph(docs)
    report.problems += registry.problems + graph.problems
    state = State.load(docs)
    slugs = state.by_slug()
    counts = {k: len(v) for k, v in graph.mentions.items()}

    for ref in progress(graph.articles, "articles"):
        page = docs / "articles" / f"{ref.slug}.md"
        before = page.read_text(encoding="utf-8")
        written = _update(page, "tags", tags_section(ref, entities), report, at_top=True)
        original = slugs.get(ref.slug)
        if written and original and state.articles[original].page == digest(before):
            state.articles[original].page = digest(written)

    for entity in progress(sorted(entities.values(), key=lambda e: e.key), "entities"):
        section = entity_section(entity, graph.mentions.get(entity.key, []), graph.together.get(entity.key, {}), entities)
        _update(docs / entity.type / f"{entity.slug}.md", "mentions", section, report)

    for type_ in ENTITY_TYPES:
        members = [e for e in entities.values() if e.type == type_]
        _update(docs / type_ / "index.md", "index", entity_index(type_, members, counts), report)
    _update(docs / "articles" / "index.md", "index", articles_index(graph.articles), report)
    _update(docs / "index.md", "dashboard", home(graph.articles, entities, counts), report)
    _update(docs / "review.md", "review", review_page(entities, graph.mentions, graph.articles), report)
    state.save(docs)
    return report
