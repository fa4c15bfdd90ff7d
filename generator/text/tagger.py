"""Which registry entities an article mentions, and where.

Runs the matcher, then decides each hit's reading (``readings``), keeps ambiguous short
forms only where the article supports them, and learns acronyms the text defines itself:
after "Free Syrian Army (FSA)", every "FSA" in the article is that actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.content.model import Entity, Mention
from generator.text.dateline import dateline_spans
from generator.text.matcher import Candidate, Hit, Matcher
from generator.text.readings import demonym_acts, is_acting, is_locative, words_after
from generator.text.textnorm import fold

DASH = ("-", "–", "—")  # what "-based" follows, checked first: most names are followed by a space
NEXT_NAME = re.compile(r" (?:[A-Z][a-z]|al-[A-Z])")
ACRONYM_DEFINITION = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z0-9&]{1,9})\s*\)")


def resolve(hit: Hit, text: str, entities: dict[tuple[str, str], Entity]) -> list[Candidate]:
    """The readings of one hit that hold in its context (possibly none, possibly two).

    A capital stands for its state unless it is plainly a place ("in Moscow"); a country
    named as a metonym of a government ("Syria" for the Syrian government) only when it acts.
    """
    by_role: dict[str, list[Candidate]] = {}
    for c in hit.candidates:
        by_role.setdefault(c.role, []).append(c)
    names = by_role.get("name", [])
    places = [c for c in names if c.type == "locations"]
    actors = [c for c in names if c.type == "actors"] + by_role.get("metonym", [])
    if text[hit.end:hit.end + 1] in DASH and words_after(text, hit.end, 1)[:1] == ["-based"]:
        return []  # "a Britain-based monitor" names neither the state nor the place
    if places and actors:
        if is_locative(text, hit.start, hit.end, hit.possessive):
            return places
        if not any(c.role == "name" for c in actors) and any(entities[(c.type, c.slug)].kind == "country" for c in places):
            return actors if is_acting(text, hit.start, hit.end) else places
        return [c for c in names if c.type != "locations"] + by_role.get("metonym", [])
    if names:
        return names
    if by_role.get("metonym"):
        return by_role["metonym"]
    if by_role.get("demonym"):
        return by_role["demonym"] if demonym_acts(text, hit.start, hit.end, hit.surface) else []
    if NEXT_NAME.match(text, hit.end):
        return []  # "Badr Jamous": the short form is only part of a longer name
    return by_role.get("ambiguous", [])


def _context_present(entity: Entity, folded_text: str) -> bool:
    for word in entity.context:
        w = fold(word)[0].strip()
        if w and re.search(r"(?<![0-9a-z])" + re.escape(w), folded_text):
            return True
    return False


def tag(text: str, matcher: Matcher, entities: dict[tuple[str, str], Entity]) -> list[Mention]:
    """Mentions of registry entities in ``text``, in text order."""
    return tag_hits(text, matcher.find(text), entities)


def tag_hits(text: str, hits: list[Hit], entities: dict[tuple[str, str], Entity]) -> list[Mention]:
    """``tag`` for a caller that already has the matcher's hits. A name in a dateline is where the story was filed."""
    datelines = dateline_spans(text)
    if datelines:
        hits = [h for h in hits if not any(start <= h.start < end for start, end in datelines)]
    chosen: list[tuple[Hit, Candidate]] = []
    for hit in hits:
        for c in resolve(hit, text, entities):
            chosen.append((hit, c))
    firm = {(c.type, c.slug) for _, c in chosen if c.role != "ambiguous"}
    folded: list[str] = []  # folded only when an ambiguous short form needs its context words

    def supported(c: Candidate) -> bool:
        if not folded:
            folded.append(fold(text)[0])
        return _context_present(entities[(c.type, c.slug)], folded[0])

    mentions = [
        Mention(c.type, c.slug, h.start, h.end, h.surface)
        for h, c in chosen
        if c.role != "ambiguous" or (c.type, c.slug) in firm or supported(c)
    ]
    mentions += learned_acronyms(text, hits, mentions)
    return sorted(set(mentions), key=lambda m: (m.start, m.end, m.type, m.slug))


def learned_acronyms(text: str, hits: Sequence[Hit], mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions of acronyms the article defines right after a known name."""
    by_end = {m.end: m for m in mentions}
    covered = [(h.start, h.end) for h in hits]
    learned: list[Mention] = []
    for definition in ACRONYM_DEFINITION.finditer(text):
        owner = by_end.get(len(text[: definition.start()].rstrip()))
        if owner is None:
            continue
        acr = definition.group("acr")
        for m in re.finditer(r"(?<![\w-])" + re.escape(acr) + r"(?![\w-])", text):
            if not any(s <= m.start() < e for s, e in covered):
                learned.append(Mention(owner.type, owner.slug, m.start(), m.end(), acr))
    return learned
