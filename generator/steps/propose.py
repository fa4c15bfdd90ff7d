"""Discovery's side of ingest: pages for the names the registry lacks, and what editors decided about them.

A proposal is a page with ``status: proposed``. An editor accepts it by deleting that line,
retitles it by editing ``title:`` (its file keeps its slug), and rejects it by deleting the page.
A deleted entity page is remembered in ``docs/.generator/rejected.txt`` (one ``type/slug`` per
line), so its name is never proposed again; retag takes back the tags and links it had.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.content.model import ENTITY_TYPES, Entity, Proposal
from generator.content.pages import write_if_changed
from generator.content.registry import Registry
from generator.site.render import new_entity_page
from generator.store.state import STATE_FILE, State
from generator.text.discover import discover
from generator.text.gazetteer import SOURCE as GAZETTEER
from generator.text.gazetteer import locate, syrian_place, world_city
from generator.text.matcher import Hit, name_keys
from generator.text.slugs import slugify, unique_slug
from generator.text.tagger import COORDINATED, surname_of
from generator.text.textnorm import fold_name
from generator.text.translit import skeleton
from generator.text.variants import SETTLEMENTS, names_outside, used_as_place

REJECTED = STATE_FILE.parent / "rejected.txt"
# The pages one run's proposals make, listed before the first is written and removed after the last: a run killed in
# between leaves a set of proposals the next run would not make again (a known "Ain Sultan" hides "Ain Sultan camp"
# from discovery), so that run writes the rest first (``finish_proposals``).
PENDING = STATE_FILE.parent / "proposals-pending.json"
REJECTED_HEADER = ("# Entity pages an editor deleted: the generator never proposes them again.\n"
                   "# Delete a line to let the generator propose that name again.\n")

def place_name(p: Proposal) -> str:
    """The bare place name of a proposal: "Rukban camp" → "Rukban"."""
    return p.title.rsplit(" ", 1)[0] if p.kind in {"camp", "crossing", "base", "airport", "dam", "prison"} else p.title


def found_in(text: str, hits: list[Hit]) -> list[Proposal]:
    """Names in one article that discovery would propose, before checking what the registry knows."""
    hits = [h for h in hits if not surname_of(text, h)]  # "Adnan Afrin, a SDF spokesperson" is a person to propose
    spans = [(h.start, h.end) for h in hits]
    places = [(h.start, h.end) for h in hits if any(c.type == "locations" for c in h.candidates)]
    found = discover(text, spans, places)
    return [proposal for proposal, _, _ in found] + gazetteer_places(text, spans + [f[1:] for f in found])


def gazetteer_places(text: str, taken: list[tuple[int, int]]) -> list[Proposal]:
    """Places GeoNames knows in Syria ("shelling in Kafr Zita") or large cities anywhere ("talks in Hamburg") that the
    text uses as places, the registry does not."""
    out, last = [], -1  # where the last place found ended: "in Kafr Zita and Taftanaz" lists two
    for start, end, name in names_outside(text, taken):
        listed = last >= 0 and COORDINATED.fullmatch(text, last, start) is not None
        if (place := syrian_place(name)) and (listed or used_as_place(text, start, end)):
            out.append(Proposal("locations", name, "village" if place.population < 5000 else "town", name))
            last = end
        elif world_city(name) and used_as_place(text, start, end):  # "a meeting in Hamburg"
            out.append(Proposal("locations", name, "city", name))
            last = end
        else:
            last = -1
    return out


def propose(docs: Path, registry: Registry, proposals: list[Proposal], rejected: frozenset[str] = frozenset()) -> list[Entity]:
    """Pages for entities found by discovery that the registry does not know, nor has known under the same slug (a
    retitled page, a rejected one: ``rejected`` holds ``type/slug``)."""
    if not proposals:
        return []  # what the registry claims takes a pass over every name: not for nothing
    found: dict[tuple[str, str], Proposal] = {}
    for proposal in proposals:
        found.setdefault((proposal.type, fold_name(proposal.title)), proposal)
    claimed = {(e.type, key) for e in registry.entities.values() for n in (e.title, *e.aliases) for key in name_keys(n)}
    created: list[Entity] = []
    pages: list[tuple[str, str]] = []  # (path under docs/, text) of each created entity's page
    spelled: set[tuple[str, str]] = set()  # the skeletons of this run's proposals: one page per name, whatever its spellings
    known = {type_: registry.slugs(type_) for type_ in ENTITY_TYPES}
    for (type_, _), p in sorted(found.items()):
        if any((type_, key) in claimed for key in name_keys(p.title)):
            continue  # never merged silently into a name someone already has
        if spelling_of_known(registry, p) or (type_, skeleton(p.title)) in spelled:
            continue  # another spelling of a registry place or person (tagged as it, see text/variants), never a twin
        base = slugify(p.title)
        if base in known[type_] or f"{type_}/{base}" in rejected or (docs / type_ / f"{base}.md").exists():
            continue  # an editor retitled that page, rejected it, or made it a redirect
        aliases = tuple(a for a in p.aliases if not any((type_, key) in claimed for key in name_keys(a)))
        claimed |= {(type_, key) for n in (p.title, *aliases) for key in name_keys(n)}
        p = Proposal(p.type, p.title, p.kind, p.surface, aliases)
        slug = unique_slug(p.title, known[type_] | {e.slug for e in created if e.type == type_})
        coords = locate(place_name(p)) if type_ == "locations" else None
        entity = Entity(type_, slug, p.title, aliases=p.aliases, kind=p.kind, status="proposed", coordinates=coords)
        extra = {"coordinates_source": GAZETTEER} if coords else {}
        pages.append((f"{type_}/{slug}.md", new_entity_page(entity, "", extra)))
        created.append(entity)
        spelled.add((type_, skeleton(p.title)))
    if pages:
        write_if_changed(docs / PENDING, json.dumps(pages, ensure_ascii=False))
        for name, text in pages:
            write_if_changed(docs / name, text)
        (docs / PENDING).unlink()
    return created


def finish_proposals(docs: Path) -> list[str]:
    """The proposal pages a killed run listed and did not write, written now (never over a page that exists); notes."""
    path = docs / PENDING
    try:
        pages = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError):  # written atomically, so never half: unreadable is someone else's doing
        path.unlink(missing_ok=True)
        return []
    missing = [(name, text) for name, text in pages if not (docs / name).exists()]
    for name, text in missing:
        write_if_changed(docs / name, text)
    path.unlink()
    return [f"{docs / name}: proposed by a run that was stopped before it wrote the page; written now" for name, _ in missing]


def spelling_of_known(registry: Registry, p: Proposal) -> bool:
    """Whether a proposed place or person may be a registry one spelled another way; a road, one the registry knows
    between the same two places ("Khanaser-Atharaya road" is the Ithriya–Khanasir road)."""
    if p.kind == "road" and (ends := _road_ends(registry, p.title)):
        return any(e.kind == "road" and _road_ends(registry, e.title) == ends for e in registry.entities.values())
    if p.type == "locations" or (p.type == "actors" and p.kind == "person"):
        return bool(registry.variants.of(p.type, p.title, settlement=p.type == "locations" and p.kind in SETTLEMENTS))
    return False


def _road_ends(registry: Registry, title: str) -> frozenset[str] | None:
    """The registry places a road's name joins ("Aleppo–Gaziantep road": Aleppo, Gaziantep), if it names two."""
    name = title.rsplit(" ", 1)[0]
    words = name.split("–") if "–" in name else name.split("-")
    if len(words) != 2:
        return None
    ends = [registry.variants.of("locations", w.strip(), settlement=True) for w in words]
    return frozenset(slug for found in ends for slug in found) if all(len(found) == 1 for found in ends) else None


def rejections(docs: Path, state: State, registry: Registry) -> frozenset[str]:
    """The entities editors rejected: those remembered, and those some article was tagged with whose page is gone
    (recorded now, before retag takes the tags back and the names would be forgotten)."""
    path = docs / REJECTED
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    known = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    tagged = {ref for record in state.articles.values() for ref in set(record.tags) - set(record.own or ())}
    gone = {ref for ref in tagged - known if tuple(ref.split("/", 1)) not in registry.entities and not (docs / f"{ref}.md").exists()}
    if gone:
        write_if_changed(path, REJECTED_HEADER + "".join(f"{ref}\n" for ref in sorted(known | gone)))
    return frozenset(known | gone)
