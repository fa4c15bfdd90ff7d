"""Markdown for every page and generated section. Pure functions: data in, text out.

Links are relative ``.md`` paths, the form every Markdown site engine resolves.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache

from generator.content.links import link
from generator.content.model import ENTITY_TYPES, SINGULAR, CleanArticle, Entity, Mention
from generator.content.pages import escape, render_front, section
from generator.content.sanitize import neutralize
from generator.settings import DEFAULTS
from generator.site.exports import feed_path
from generator.site.views import EntityNames, agreement_infobox, date_text, entity_names, events_list, original_link, published_text, small_map
from generator.text.matcher import name_keys
from generator.text.slugs import slugify
from generator.text.textnorm import fold_name


@lru_cache(maxsize=65536)
def name_md(name: str) -> str:
    """An entity's name escaped once, not once for every page that links it."""
    return escape(name)


def entity_link(entity: Entity, from_folder: str) -> str:
    return link(name_md(entity.title), entity.type, entity.slug, from_folder)


def linked_body(paragraphs: Sequence[str], mentions: Iterable[Mention], link_keys: set[tuple[str, str]]) -> str:
    """The article's paragraphs, escaped, with the first mention of each entity in ``link_keys`` linked."""
    text = "\n\n".join(paragraphs)
    first: dict[tuple[str, str], Mention] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if (m.type, m.slug) in link_keys:
            first.setdefault((m.type, m.slug), m)
    out, pos = [], 0
    for m in sorted(first.values(), key=lambda m: m.start):
        if m.start < pos:
            continue
        out.append(escape(text[pos:m.start]))
        out.append(link(escape(m.surface), m.type, m.slug, "articles"))
        pos = m.end
    out.append(escape(text[pos:]))
    return "".join(out)


def article_meta(article: CleanArticle, tags: dict[str, list[str]]) -> dict:
    meta: dict = {"title": neutralize(article.title), "original": article.original}  # as guard would write it: see neutralize
    if article.source:
        meta["source"] = article.source
    for key in ("published", "published_estimate", "url", "author"):
        if getattr(article, key):
            meta[key] = getattr(article, key)
    for type_ in ENTITY_TYPES:
        meta[type_] = tags.get(type_, [])
    if article.title_derived:
        meta["review"] = ["title"]
    if article.attribution:
        meta["attribution"] = "\n".join(article.attribution)
    return meta


def article_body(linked: str, tag_line: str = "") -> str:
    """What follows an article's front matter: the tag line section, then the linked text."""
    return f"\n{section('tags', tag_line)}\n{linked}\n"


def article_page(meta: dict, body: str) -> str:
    return render_front(meta) + body


def new_entity_page(entity: Entity, description: str, extra: dict | None = None) -> str:
    """A fresh registry page; after this the page belongs to its editors. ``description`` is Markdown."""
    meta: dict = {"title": entity.title, "aliases": list(entity.aliases)}
    for key, value in (("kind", entity.kind), ("status", entity.status)):
        if value:
            meta[key] = value
    for key in ("ambiguous", "context", "metonyms", "demonyms"):
        if getattr(entity, key):
            meta[key] = list(getattr(entity, key))
    if entity.coordinates:
        meta["coordinates"] = list(entity.coordinates)
    meta.update(extra or {})
    return f"{render_front(meta)}\n{description.strip()}\n"


def kind_label(entity: Entity) -> str:
    return entity.kind or SINGULAR[entity.type]


def reported_by(copies: Sequence) -> str:
    """What a list says of a story's copies: "also reported by 2 outlets", or ""."""
    n = len({c.source or c.slug for c in copies})
    return f"also reported by {n} outlet{'s' if n != 1 else ''}" if copies else ""


def article_line(ref, prefix: str = "", copies: Sequence = ()) -> str:
    """One article as a list line; ``prefix`` is the path from the linking page to ``articles/``; ``copies``: the other
    outlets' copies of its story (``graph.Graph.copies``), counted."""
    bits = [date_text(ref), f"[{ref.title_md}]({prefix}{ref.slug}.md)", ref.source_md,
            f"by {escape(ref.author)}" if ref.author else "", original_link(ref), reported_by(copies)]
    return " · ".join(b for b in bits if b)


def story_lines(main=None, copies: Sequence = ()) -> list[str]:
    """A copy's tag line names the story's main article; the main article's names the copies, outlet, date and page."""
    lines = []
    if main is not None:
        lines.append(f"Same story as [{main.title_md}]({main.slug}.md)" + (f", first reported by {main.source_md}" if main.source else ""))
    if copies:
        lines.append("**Also reported by:** " + " · ".join(f"[{c.source_md or c.title_md}]({c.slug}.md) ({date_text(c)})" for c in copies))
    return lines


def tags_section(ref, entities: dict[tuple[str, str], Entity], main=None, copies: Sequence = ()) -> str:
    """The tag line at the top of an article page; ``main``, ``copies``: its story's (``story_lines``)."""
    lines = []
    for type_ in ENTITY_TYPES:
        keys = [k for k in ref.tags if k[0] == type_]
        if not keys:
            continue
        shown = [entity_link(entities[k], "articles") if k in entities else escape(k[1]) for k in keys]
        lines.append(f"**{type_.capitalize()}:** " + " · ".join(shown))
    source = f"**Source:** [{escape(ref.source)}](../sources/{slugify(ref.source)}.md)" if ref.source else ""
    facts = [source, f"**Published:** {published_text(ref)}" if ref.published else "", original_link(ref),
             f"by {escape(ref.author)}" if ref.author else ""]
    if any(facts):
        lines.append(" · ".join(f for f in facts if f))
    lines += story_lines(main, copies)
    return "\n\n".join(lines) if lines else "*No tags yet.*"


def mention_list(mentions, sentences_shown: int = DEFAULTS.sentences_shown, group_from: int = DEFAULTS.group_from,
                 copies: dict | None = None, made: dict[str, str] | None = None) -> str:
    """Every mentioning article, by year once there are more than ``group_from``; sentences for the first
    ``sentences_shown`` only.

    An actor named in 3,000 articles keeps a page that loads fast and still reaches every article. ``made``: article
    lines already made for other entity pages of this run, by slug (an article is listed on the page of each entity it
    names).
    """
    made = {} if made is None else made
    lines, year = [], None
    for i, (ref, sentence) in enumerate(mentions):
        if len(mentions) > group_from:
            current = ref.published[:4] if ref.published else "Undated"
            if current != year:
                lines += ["", f"### {current}", ""]
                year = current
        shown = f"  \n  “{sentence}”" if sentence and i < sentences_shown else ""
        line = made.get(ref.slug)
        if line is None:
            line = made[ref.slug] = article_line(ref, "../articles/", copies.get(ref.slug, ()) if copies else ())
        lines.append(f"- {line}{shown}")
    return "\n".join(lines).strip()


PROPOSAL_NOTE = ("*Proposed by the generator, which found this name in the articles below.* Accept it by deleting the "
                 "`status: proposed` line, reject it by deleting this page (it will not be proposed again), or merge it "
                 "into an existing entity with `python -m generator merge`.")


WEB_ADDRESS = re.compile(r"https?://(?P<host>[A-Za-z0-9.-]+)(?::\d+)?(?:/[^\s<>\"`]*)?")


def source_links(sources: Sequence[str]) -> list[str]:
    """Each web address as a link named by its host ("en.wikipedia.org"); anything else is not a link and is left out
    (check does not judge it, so an editor's note there shows nowhere)."""
    links = []
    for source in sources:
        m = WEB_ADDRESS.fullmatch(source.strip())
        if m:
            url = m[0].replace("(", "%28").replace(")", "%29")
            links.append(f"[{escape(m['host'].removeprefix('www.'))}]({url})")
    return links


def entity_section(entity: Entity, mentions, common: Sequence[tuple[tuple[str, str], int]], entities: dict[tuple[str, str], Entity],
                   events=(), by_title: EntityNames | None = None, *, sentences_shown: int = DEFAULTS.sentences_shown,
                   group_from: int = DEFAULTS.group_from, copies: dict | None = None, made: dict[str, str] | None = None) -> str:
    """The generated part of an entity page: names, infobox or map, articles (each story once, ``copies`` counted),
    timeline, and ``common``, the entities most often named with it and how often (``graph.CoMentions.strongest``).

    ``by_title``: ``views.entity_names`` of the registry, made once per run; without it (or given anything else) an
    agreement's infobox makes it from ``entities``.
    """
    out = [PROPOSAL_NOTE] if entity.proposed else []  # goes with the status line: an accepted page says nothing of it
    out.append(type_line(entity, entities))
    if entity.type == "agreements":  # its facts first: an agreement may have twenty names
        names = by_title if isinstance(by_title, EntityNames) else entity_names(entities.values())
        out.append(agreement_infobox(entity, names))
        mentions = sorted(mentions, key=lambda m: (m[0].published or "9999", m[0].slug))  # in date order
    if len(entity.aliases) > DEFAULTS.aliases_shown:  # an agreement may have twenty names: folded, a click away
        names = " · ".join(html.escape(a, quote=False) for a in entity.aliases)
        out.append(f'<details class="wiki-aliases"><summary>Also known as: {len(entity.aliases)} other names</summary>\n'
                   f"<p><strong>Also known as:</strong> {names}</p>\n</details>")
    elif entity.aliases:
        out.append("**Also known as:** " + " · ".join(escape(a) for a in entity.aliases))
    if entity.coordinates:
        lat, lon = entity.coordinates
        out.append(f"**Coordinates:** {lat:.4f}, {lon:.4f}")
        out.append(small_map(entity))
    if links := source_links(entity.sources):
        out.append("**Sources:** " + " · ".join(links))
    out.append(f"**Follow:** [RSS feed of the articles naming it](../{feed_path(entity)})")
    n = len(mentions)
    out.append(f"## Mentioned in {n} article{'s' if n != 1 else ''}")
    if mentions:
        out.append(mention_list(mentions, sentences_shown, group_from, copies, made))
    else:
        out.append("*No article mentions it yet.*")
    if events:
        out.append("## Timeline")
        out.append(events_list(events, "../articles/"))
    if common:
        out.append("## Often mentioned with")
        out.append("\n".join(f"- {entity_link(entities[k], entity.type)} ({kind_label(entities[k])}) — {c} article{'s' if c != 1 else ''}"
                             for k, c in common))
    return "\n\n".join(out)


TYPE_LABELS = {"actors": "Actor", "locations": "Place", "agreements": "Agreement"}  # as search labels its results
TWINS = {"actors": "locations", "locations": "actors"}


def type_line(entity: Entity, entities: dict[tuple[str, str], Entity]) -> str:
    """What the entity is ("*Place · country*"), and the page of the same real-world thing in its other role: a country
    is an actor (the state) and a place (the territory), two pages that point at each other."""
    line = f"*{TYPE_LABELS[entity.type]}" + (f" · {escape(entity.kind)}" if entity.kind else "") + "*"
    twin = entities.get((TWINS.get(entity.type, ""), entity.slug))
    if twin is not None and fold_name(twin.title) == fold_name(entity.title):
        line += f" · also {'a place' if twin.type == 'locations' else 'an actor'}: {entity_link(twin, entity.type)}"
    return line


def entity_index(type_: str, entities: Sequence[Entity], counts: dict[tuple[str, str], int], last: dict[tuple[str, str], str]) -> str:
    """The entities articles name, most named first, with their kind, how many stories name them and when one last did
    (``last``: the latest publication date among them). Registry entries no article names yet stay off this list, which
    is for readers: the editors' list of them is registry.md (``unmentioned_page``)."""
    named = sorted((e for e in entities if counts.get(e.key, 0)), key=lambda e: (-counts[e.key], e.title.casefold(), e.slug))
    waiting = len(entities) - len(named)
    rest = (f" {waiting:,} more in the registry are named by no article yet ([listed for editors](../registry.md#{type_}))."
            if waiting else "")
    if not named:
        return f"No article names any of the {len(entities):,} {type_} in the registry yet.{rest}"
    rows = ["| Name | Kind | Articles | Last named |", "|---|---|--:|---|"]
    rows += [f"| [{escape(e.title)}]({e.slug}.md){' · *proposed*' if e.proposed else ''} | {escape(kind_label(e))} | "
             f"{counts[e.key]:,} | {last.get(e.key) or 'undated'} |" for e in named]
    return f"{len(named):,} {type_} named in the articles, the most named first.{rest}\n\n" + "\n".join(rows)


def unmentioned_page(entities: Sequence[Entity], counts: dict[tuple[str, str], int]) -> str:
    """For editors: the registry entries no article names yet, by type and kind (the readers' lists leave them out)."""
    out = []
    for type_ in ENTITY_TYPES:
        waiting = sorted((e for e in entities if e.type == type_ and not counts.get(e.key, 0)),
                         key=lambda e: (kind_label(e).casefold(), e.title.casefold(), e.slug))
        out.append(f"## {type_.capitalize()}")  # its anchor, #actors, is what the index pages link to
        out.append(f"{len(waiting):,} named by no article yet." if waiting else "*Every one is named by an article.*")
        if waiting:
            out.append("\n".join(f"- [{escape(e.title)}]({type_}/{e.slug}.md) — {escape(kind_label(e))}"
                                  f"{' · *proposed*' if e.proposed else ''}" for e in waiting))
    return "\n\n".join(out)


def articles_index(refs, copies: dict | None = None, shown: int = DEFAULTS.articles_shown) -> str:
    """The newest ``shown`` stories and every undated one (``refs``: the main articles, newest first, undated last), with
    how many other outlets reported each; the older ones are on their year's timeline page, linked from here. All of
    them on one page made a 2 MB page at 10,000 articles, rendered and indexed again whenever one article came in."""
    copies = copies or {}
    n = sum(len(c) for c in copies.values())
    also = f" {n} more {'are copies' if n != 1 else 'is a copy'} of these stories from other outlets, counted with them." if n else ""
    dated = [ref for ref in refs if ref.published]
    older = ""
    if len(dated) > shown:
        years = sorted({ref.published[:4] for ref in dated}, reverse=True)
        older = (f" The {shown:,} newest are below; every article is listed on its year's page: "
                 + " · ".join(f"[{year}](../timeline/{year}.md)" for year in years) + ".")
    out, month = [f"{len(refs):,} articles, newest first.{also}{older}"], None
    for ref in dated[:shown] + [ref for ref in refs if not ref.published]:
        current = ref.published[:7] if ref.published else "Undated"
        if current != month:
            out.append(f"## {current}")
            month = current
        out.append(f"- {article_line(ref, '', copies.get(ref.slug, ()))}")
    return "\n\n".join(out[:1]) + "\n\n" + "\n".join(_grouped(out[1:]))


def _grouped(lines: list[str]) -> list[str]:
    """Blank lines around headings so each list renders as one list."""
    out: list[str] = []
    for line in lines:
        if line.startswith("## "):
            out += ["", line, ""] if out else [line, ""]
        else:
            out.append(line)
    return out


def home(refs, entities: dict[tuple[str, str], Entity], counts: dict[tuple[str, str], int], latest: int = DEFAULTS.home_latest,
         period_days: int = DEFAULTS.home_period_days, copies: dict | None = None) -> str:
    """The dashboard: what is new, who and where matters now. ``refs``: each story once."""
    copies = copies or {}
    # assets/wiki/wiki.js draws the situation picture into the first element from site/situation.py's data, over the
    # lists below up to the second: they are what a reader without scripts (or a search engine) reads.
    out = ['<div class="wiki-dashboard"></div>']
    out.append(f"**{len(refs)}** [articles](articles/index.md), naming " + " · ".join(  # what the articles name: the registry's size is no news
        f"**{sum(1 for k in entities if k[0] == t and counts.get(k, 0))}** [{t}]({t}/index.md)" for t in ENTITY_TYPES)
        + " · [timeline](timeline.md) · [map](map.md) · [relations](graph.md) · [sources](sources/index.md) · [RSS feed](feed.xml)")
    out.append("## Latest articles")
    out.append("\n".join(f"- {article_line(r, 'articles/', copies.get(r.slug, ()))}" for r in refs[:latest]) or "*None yet.*")
    newest = max((r.published for r in refs if r.published), default="")
    if newest:
        since = (date.fromisoformat(newest[:10]) - timedelta(days=period_days)).isoformat()
        recent = [r for r in refs if r.published and r.published >= since]
        period = f"since {since}"
    else:
        recent, period = list(refs), "all articles (none is dated yet)"
    recent_counts: Counter = Counter(k for r in recent for k in dict.fromkeys(r.tags) if k in entities)
    for type_ in ("actors", "locations"):
        ranked = sorted((k for k in recent_counts if k[0] == type_), key=lambda k: (-recent_counts[k], k))[:10]
        if ranked:
            out.append(f"## Most mentioned {type_}, {period}")
            out.append("\n".join(f"- [{escape(entities[k].title)}]({type_}/{k[1]}.md) — {recent_counts[k]}" for k in ranked))
    referenced = list(dict.fromkeys(k for r in refs[:latest * 2] for k in r.tags if k[0] == "agreements" and k in entities))
    if referenced:
        out.append("## Agreements recently referenced")
        out.append("\n".join(f"- [{escape(entities[k].title)}](agreements/{k[1]}.md)" for k in referenced[:10]))
    out.append('<div class="wiki-dashboard-end"></div>')  # what waits for an editor is under the Editors tab, not here
    return "\n\n".join(out)


BOLD = re.compile(r"\*\*(.+?)\*\*")
UNESCAPE = re.compile(r"\\(.)")


def other_spellings(entities: dict[tuple[str, str], Entity], mentions) -> list[tuple[str, Entity, object]]:
    """(spelling, entity, first article) for each place or person an article names by a spelling its page does not list
    (``text/variants`` took it for that entity): the editor confirms it as an alias, or makes it a page of its own."""
    found: dict[tuple[str, tuple[str, str]], tuple[str, Entity, object]] = {}
    keys_of: dict[str, set[str]] = {}  # a surface's name keys, worked out once: the same few spellings recur
    for key, listed in sorted(mentions.items()):
        e = entities.get(key)
        if e is None or not (e.type == "locations" or e.kind == "person"):
            continue
        names = {k for n in (e.title, *e.aliases) for k in name_keys(n)}
        judged: set[str] = set()
        for ref, snippet in listed:
            for shown in BOLD.findall(snippet):
                if shown in judged:
                    continue
                judged.add(shown)
                name = UNESCAPE.sub(r"\1", shown)
                if not name[:1].isupper():
                    continue
                if name not in keys_of:
                    keys_of[name] = name_keys(name)
                if not keys_of[name] & names:
                    found.setdefault((fold_name(name), key), (name, e, ref))
    return sorted(found.values(), key=lambda f: (f[1].type, f[1].title.casefold(), f[0]))


def review_page(entities: dict[tuple[str, str], Entity], mentions, refs, found_shown: int = DEFAULTS.found_shown) -> str:
    """Proposed entities, each with the latest articles it was found in, and the articles flagged for checking.

    A proposal names its latest ``found_shown`` articles and counts the rest (its own page lists them all): listing
    every one made the page too big to read or to render on every save in the preview.
    """
    out = []
    proposed = sorted((e for e in entities.values() if e.proposed), key=lambda e: (e.type, e.title.casefold(), e.slug))
    out.append(f"## Proposed entities ({len(proposed)})")
    if proposed:
        lines = []
        for e in proposed:
            found = mentions.get(e.key, [])
            shown = ", ".join(f"[{escape(r.title)}](articles/{r.slug}.md)" for r, _ in found[:found_shown])
            more = len(found) - found_shown
            if more > 0:
                shown += f" and {more:,} more article{'s' if more != 1 else ''} (all on [its page]({e.type}/{e.slug}.md))"
            lines.append(f"- [{escape(e.title)}]({e.type}/{e.slug}.md) ({kind_label(e)}) — found in {shown or 'no article'}")
        out.append("\n".join(lines))
    else:
        out.append("*Nothing to review.*")
    spellings = other_spellings(entities, mentions)
    out.append(f"## Other spellings to confirm ({len(spellings)})")
    out.append("\n".join(
        f"- “{escape(name)}” for [{escape(e.title)}]({e.type}/{e.slug}.md), in [{escape(r.title)}](articles/{r.slug}.md) — "
        "if right, add it to the page's aliases; if another place or person, add a page for it" for name, e, r in spellings)
        or "*Nothing to confirm.*")
    flagged = [r for r in refs if r.review]
    out.append(f"## Articles to check ({len(flagged)})")
    lines = [f"- [{escape(r.title)}](articles/{r.slug}.md) — check: {', '.join(escape(x) for x in r.review)}" for r in flagged]
    out.append("\n".join(lines) or "*Nothing to check.*")
    return "\n\n".join(out)
