"""Which registry entities an article mentions, and where.

Runs the matcher, then decides each hit's reading (``readings``), keeps ambiguous short
forms only where the article supports them, and learns acronyms the text defines itself:
after "Free Syrian Army (FSA)", every "FSA" in the article is that actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Protocol

from generator.content.model import Entity, Mention
from generator.text.dateline import dateline_spans
from generator.text.matcher import Candidate, Hit, Matcher, Scan, resolve_overlaps
from generator.text.people import PERSON_APPOSITION, PERSON_ROLE_BEFORE, is_name
from generator.text.readings import demonym_acts, heads_acting_list, in_office_title, is_acting, is_locative, topic_of, words_after
from generator.text.references import References, plain_words
from generator.text.textnorm import Offsets, fold, fold_name
from generator.text.variants import INITIAL, SETTLEMENTS, Variants

DASH = ("-", "–", "—")  # what "-based" follows, checked first: most names are followed by a space
# (not a day or a month: "leaving the Old City Wednesday")
NEXT_NAME = re.compile(r" (?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|June|July|August|September"
                       r"|October|November|December)\b)(?:[A-Z][a-z]|al-[A-Z])")
# "in Moscow and Ankara", "in Amman, Jeddah and Moscow": a name listed after a place shares its reading, through names
# the registry does not know.
COORDINATED = re.compile(r"(?:\s*(?:,|,?\s+(?:and|or))\s+(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?=\s*(?:,|,?\s+(?:and|or))\s+))?)+")
ACRONYM_DEFINITION = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z0-9&]{1,9})\s*\)")
# "the government and armed rebel groups", "the regime and its supporters": in a story of Syria's war, the bare
# government or regime is Syria's, unless the text says whose ("the government of Lebanon", "the Iranian regime").
BARE_GOVERNMENT = re.compile(r"\b(?:[Tt]h(?:e|is)|(?P<his>[Hh]is)(?= regime)) (?P<noun>[Gg]overnment|regime)(?![\w-])")
WHOSE = re.compile(r"\s+of\s+(?!Syrian?\b|(?:Syrian\s+)?(?:President\s+)?(?:Bashar\b|(?:al-)?Assad\b|Asad\b)|Damascus\b)[A-Z]")
# "a renewed regime assault", "regime forces": the regime as the adjective of what it does
REGIME_DOES = re.compile(r"\b(?P<noun>regime)(?=['’]s\s|\s+(?:assaults?|offensives?|forces|troops|soldiers|jets|warplanes|aircraft"
                         r"|airstrikes|air strikes|strikes|shelling|bombardment|attacks?|army|militias|artillery|helicopters|barrel"
                         r"|officials|loyalists|positions|checkpoints|advances?|siege)\b)")
WAR_PARTIES = ("opposition", "rebel", "insurgen", "armed group")  # looked for in the lower-cased text
OTHER_REGIME = re.compile(r"\b(?!Syrian\b)[A-Z][a-z]+(?:ian|i|ish|ese|an) $")  # the word before " regime"
SENTENCE_START = re.compile(r"[.!?\n][^.!?\n]*$")


def resolve(hit: Hit, text: str, entities: dict[tuple[str, str], Entity], after_place: bool = False) -> list[Candidate]:
    """The readings of one hit that hold in its context (possibly none, possibly two).

    A capital stands for its state unless it is plainly a place ("in Moscow", or listed after a place: "in Moscow and
    Ankara"); a country named as a metonym of a government ("Syria" for the Syrian government) only when it acts.
    """
    # Called for every hit of every article: one pass sorts the candidates by role and type.
    names: list[Candidate] = []
    places: list[Candidate] = []
    others: list[Candidate] = []  # names that are not of places (actors, agreements)
    actors: list[Candidate] = []  # names of actors
    metonyms: list[Candidate] = []
    demonyms: list[Candidate] = []
    ambiguous: list[Candidate] = []
    for c in hit.candidates:
        role = c.role
        if role == "name":
            names.append(c)
            if c.type == "locations":
                places.append(c)
            else:
                others.append(c)
                if c.type == "actors":
                    actors.append(c)
        elif role == "metonym":
            metonyms.append(c)
        elif role == "demonym":
            demonyms.append(c)
        elif role == "ambiguous":
            ambiguous.append(c)
    if text[hit.end:hit.end + 1] == ":" and (hit.start == 0 or text[hit.start - 1] == "\n") and (places or actors or metonyms) \
            and all(c.type != "actors" or entities[(c.type, c.slug)].kind in GOVERNING for c in (*actors, *metonyms)):
        return places  # a heading's place ("Syrian Arab Republic: Flash Update No. 9", "Syria: help must reach Homs")
    if places and len(hit.surface) > 3 and hit.surface.isupper() and (hit.start == 0 or text[hit.start - 1] == "\n") \
            and FILED.match(text, hit.end):
        return places  # a dateline cleaning left in the text ("BEIRUT - The deadline", "BEIRUT, February 27, 2016")
    if text[hit.end:hit.end + 1] in DASH and words_after(text, hit.end, 1)[:1] == ["-based"]:
        return []  # "a Britain-based monitor" names neither the state nor the place
    if places and text.startswith(" time", hit.end) and TIME_ZONE.match(text, hit.end):
        return []  # "at noon Damascus time": a clock, neither the state nor a place the story is about
    if split_compass(text, hit):
        return []  # "south-east Syria" is not "east Syria", nor "Syria's north-western province" "Syria's north"
    if _of_states(hit.candidates, entities) and in_office_title(text, hit.start, hit.end):
        return []  # "the Special Envoy for Syria", "the Prime Minister of Lebanon": a state in the name of an office
    if places and (actors or metonyms):
        if after_place or is_locative(text, hit.start, hit.end, hit.possessive):
            return places
        if not actors and any(entities[(c.type, c.slug)].kind == "country" for c in places):
            acting = is_acting(text, hit.start, hit.end) or (heads_acting_list(text, hit.end) and not topic_of(text, hit.start))
            return metonyms if acting else places
        return others + metonyms
    if names:
        if not places and all(entities[(c.type, c.slug)].kind == "state" for c in names) and (
                after_place or is_locative(text, hit.start, hit.end, hit.possessive)):
            return []  # "in Da Nang, Vietnam": a state the registry knows no place of, named as a place
        return names
    if metonyms:
        if all(entities[(c.type, c.slug)].kind in STATES for c in metonyms) and (
                after_place or is_locative(text, hit.start, hit.end, hit.possessive)):
            return []  # "killed in Stockholm": a capital the registry knows no place of, named as a place
        return metonyms
    if demonyms:
        return demonyms if demonym_acts(text, hit.start, hit.end, hit.surface) else []
    if NEXT_NAME.match(text, hit.end):
        return []  # "Badr Jamous": the short form is only part of a longer name
    return ambiguous


# The word after a place that makes it the name of an outlet: "Syria Direct", "Jordan Times", "Kurdistan 24".
OUTLET = re.compile(r"[ -](?:Direct|Deeply|Weekly|Daily|Times|Post|News|Today|Report|Observer|Tribune|Herald|Gazette|Monitor|TV"
                    r"|24|Presse)(?![\w’'-])")  # "Agence France-Presse"
FILED = re.compile(r"\s*(?:[,(]|[-–—]\s)")  # what follows a place in capitals opening a dateline
STATES = frozenset({"state", "country"})
TIME_ZONE = re.compile(r"\s+time\b(?!\s+(?:to|for|of|when|since|and)\b)")
# "Geneva, Switzerland, August 26, 2016": a date after a place set off after a place (a line of where and when).
DATE_NEXT = re.compile(r",\s+(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d")
# What makes "Syrian forces" someone else's than the government's: "Kurdish-led Syrian forces", "rebel Syrian forces".
# ("Russian-backed Syrian forces" are the government's.)
OTHERS_FORCES = re.compile(r"\b(?:(?:Kurdish|Arab|US|U\.S\.|American|Western|Turkish|Turkey|coalition|[Rr]ebel|[Oo]pposition)-"
                           r"(?:led|backed|supported|allied|aligned|funded|trained)|[Rr]ebel|[Oo]pposition|Kurdish"
                           r"|anti-(?:government|regime|Assad))\s+$")
GOVERNING = STATES | {"government"}  # the actors a place's name also stands for
# "government forces in southeast Turkey": the forces of the state they are in
IN_STATE = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+)?")


def _in_other_state(text: str, hit: Hit, chosen: Sequence[tuple[Hit, Candidate]], entities) -> bool:
    """Whether a bare "government forces" is set in another state than Syria ("fighting government forces in southeast
    Turkey"), so is that state's."""
    if not text.startswith(" in ", hit.end) or (m := IN_STATE.match(text, hit.end)) is None:
        return False
    return any(h.start == m.end() and (e := entities.get((c.type, c.slug))) is not None and e.kind in STATES
               and e.title != "Syria" for h, c in chosen)
COMPASS = frozenset("north south east west".split())
COMPASS_JOINED = re.compile(r"[-–](?:north|south|east|west)", re.I)


def split_compass(text: str, hit: Hit) -> bool:
    """Whether a name that opens or ends on a point of the compass is only half of a compound one: "south-east Syria",
    "Syria's north-western province"."""
    if text[hit.start - 1:hit.start] not in DASH and text[hit.end:hit.end + 1] not in DASH:
        return False  # most names: no dash either side
    words = hit.surface.lower().split()
    if not words:
        return False
    if words[0] in COMPASS and text[max(0, hit.start - 6):hit.start].lower().rstrip("-–").endswith(("north", "south")) \
            and text[hit.start - 1:hit.start] in DASH:
        return True
    return words[-1].rstrip("’'s") in COMPASS and COMPASS_JOINED.match(text, hit.end) is not None


def _placeless(hit: Hit, text: str, entities: dict[tuple[str, str], Entity], listed: bool) -> bool:
    """Whether a hit left unread was a state or its capital named as a place ("in Stockholm", "in Da Nang, Vietnam")."""
    return bool(hit.candidates) and all(
        c.role in ("name", "metonym") and entities[(c.type, c.slug)].kind in STATES for c in hit.candidates
    ) and (listed or is_locative(text, hit.start, hit.end, hit.possessive))


def _of_states(candidates: Sequence[Candidate], entities: dict[tuple[str, str], Entity]) -> bool:
    """Whether every reading of a hit is a state's or a country's: a metonym, or the name of a state or country."""
    for c in candidates:
        if c.role != "metonym" and entities[(c.type, c.slug)].kind not in STATES:
            return False
    return True


@lru_cache(maxsize=4096)
def _context_words(context: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for an entity's context words, folded as the text is; made once per registry entry."""
    words = sorted({w for w in (fold(word)[0].strip() for word in context) if w})
    return re.compile(r"(?<![0-9a-z])(?:" + "|".join(map(re.escape, words)) + ")") if words else None


def _context_present(entity: Entity, folded_text: str) -> bool:
    pattern = _context_words(entity.context)
    return bool(pattern and pattern.search(folded_text))


def _nearest_context(kept: list[tuple[Hit, Candidate]], firm: set, entities: Mapping[tuple[str, str], Entity],
                     folded: str, offsets: Offsets) -> list[tuple[Hit, Candidate]]:
    """One reading of a short form that two entities' context words both support: the one whose context was named last
    before it ("in Homs … the Old City" in an article that also names Aleppo), else first after it."""
    rivals: dict[Hit, list[Candidate]] = {}
    for h, c in kept:
        if c.role == "ambiguous" and (c.type, c.slug) not in firm:
            rivals.setdefault(h, []).append(c)

    def distance(h: Hit, c: Candidate) -> int:
        pattern = _context_words(entities[(c.type, c.slug)].context)
        at = [offsets[m.start()] for m in pattern.finditer(folded)] if pattern else []
        before = [h.start - a for a in at if a < h.start]
        return min(before) if before else len(folded) + min((a - h.start for a in at), default=len(folded))

    best = {h: min(cs, key=lambda c: (distance(h, c), c.slug)) for h, cs in rivals.items() if len(cs) > 1}
    return [(h, c) for h, c in kept if h not in best or c.role != "ambiguous" or (c.type, c.slug) in firm or c is best[h]]


class Names(Protocol):
    """What tagging reads of the registry (``content.registry.Registry``)."""

    entities: dict[tuple[str, str], Entity]
    matcher: Matcher
    references: References
    variants: Variants


def tag(text: str, names: Names, published: str = "") -> list[Mention]:
    """Mentions of registry entities in ``text``, in text order: by their names, by another spelling of a place's or a
    person's name (``variants``), and the agreements it names only by description ("the truce", ``references``),
    judged against the article's date ``published`` when it is known."""
    return tag_hits(text, names.matcher.find(text), names, published)


def tag_hits(text: str, hits: list[Hit], names: Names, published: str = "") -> list[Mention]:
    """``tag`` for a caller that already has the matcher's hits."""
    mentions = named(text, hits, names)
    found, dropped = names.references.resolve(text, mentions, published)
    if dropped:
        mentions = [m for m in mentions if m not in dropped]
    if found:  # a name in plain words the context tells is one agreement of its kind gives way to it
        mentions = [m for m in mentions if m.type != "agreements" or not any(
            f.start < m.end and m.start < f.end and f.slug != m.slug for f in found)]
    mentions += found
    mentions = others_arrangements(text, mentions, names.entities)
    return sorted(set(mentions), key=lambda m: (m.start, m.end, m.type, m.slug))


def in_title(mentions: list[Mention], hits: list[Hit], body: set[tuple[str, str]]) -> list[Mention]:
    """A title's mentions, but for an agreement it names only by a generic word ("Ceasefire under strain") when the body
    names other agreements and not that one: the body, being longer, tells better which one the word means."""
    named = {(h.start, h.end) for h in hits if any(c.type == "agreements" for c in h.candidates)}
    others = any(t == "agreements" for t, _ in body)
    return [m for m in mentions if m.type != "agreements" or (m.start, m.end) in named or (m.type, m.slug) in body
            or not others]


def others_arrangements(text: str, mentions: list[Mention], entities: dict[tuple[str, str], Entity]) -> list[Mention]:
    """An agreement named in plain words right after an actor that is none of its parties is that actor's arrangement of
    the kind, not the registry's: "the UN deconfliction mechanism" is not the US–Russia deconfliction line."""
    plain = [m for m in mentions if m.type == "agreements" and plain_words(m.surface)]
    if not plain:
        return mentions
    by_end = {m.end: m for m in mentions if m.type == "actors"}
    drop = []
    for m in plain:
        actor = by_end.get(m.start - 1) if text[m.start - 1:m.start] == " " else None
        agreement = entities.get((m.type, m.slug))
        if actor is None or agreement is None or not agreement.parties:
            continue
        who = entities.get((actor.type, actor.slug))
        if who is not None and who.title not in agreement.parties and not set(who.aliases) & set(agreement.parties) \
                and not _named_after(who, agreement):
            drop.append(m)
    return [m for m in mentions if m not in drop] if drop else mentions


def _named_after(who: Entity, agreement: Entity) -> bool:
    """Whether the agreement bears the actor's name ("Kofi Annan's six-point plan" is the Annan plan, though Annan was
    its broker, not a party)."""
    own = [f" {fold_name(n)} " for n in (agreement.title, *agreement.aliases)]
    return any(f" {fold_name(n)} " in o for n in (who.title, *who.aliases) if len(n) > 3 for o in own) or any(
        f" {fold_name(who.title).split()[-1]} " in o for o in own if who.kind == "person")


# A given name right before a hit: "Adnan Afrin", "Shiyar Hasakah" (Kurdish fighters take their town's name).
GIVEN_BEFORE = re.compile(r"(?<![\w’'.-])[A-Z][a-z]{2,}[^\S\n]$")
# the role set off with its article or as a title of a body: ", a SDF spokesperson", ", Commander of the YPJ"
ROLE_AFTER = re.compile(r",[^\S\n]+(?:(?:a|an|the)[^\S\n]|[A-Z][\w-]+[^\S\n]+of[^\S\n])")


def surname_of(text: str, hit: Hit) -> bool:
    """Whether a place's name ends a person's, the person set off by a role: "Adnan Afrin, a SDF spokesperson", "YPG
    spokesperson Shiyar Hasakah said"."""
    if text[hit.start - 1:hit.start] != " " or not all(c.type == "locations" for c in hit.candidates) \
            or not (given := GIVEN_BEFORE.search(text, max(0, hit.start - 30), hit.start)) or not is_name(given[0]):
        return False
    appositive = ROLE_AFTER.match(text, hit.end) and PERSON_APPOSITION.match(text, given.start())
    return (appositive is not None and appositive.end("name") == hit.end) or any(
        m.end("name") == hit.end for m in PERSON_ROLE_BEFORE.finditer(text, max(0, given.start() - 40), hit.end))


def named(text: str, hits: list[Hit], names: Names) -> list[Mention]:
    """The mentions of entities by a name (the registry's, or another spelling of it); a name in a dateline is where
    the story was filed, not what it is about."""
    entities = names.entities
    datelines = dateline_spans(text)
    if datelines:
        hits = [h for h in hits if not any(start <= h.start < end for start, end in datelines)]
    outlets = {m.start() for m in OUTLET.finditer(text)}
    if outlets:  # "Syria Direct reported", "told Syria Weekly": an outlet's name, neither the state nor the place
        hits = [h for h in hits if h.end not in outlets]
    if "$" in text:  # "US$37 million" is a currency
        hits = [h for h in hits if text[h.end:h.end + 1] != "$"]
    hits = [h for h in hits if not surname_of(text, h)]
    chosen: list[tuple[Hit, Candidate]] = []
    # The last hit read only as a place, and whether it was listed after one: a name listed after it shares its reading
    # when that hit plainly read as a place ("in Moscow", not "Syria, Turkey and Iran agreed"). Whether it did is asked
    # only once a name follows it in a list, which most places never have.
    place: Hit | None = None
    place_listed = False
    for i, hit in enumerate(hits):
        listed = (place is not None and COORDINATED.fullmatch(text, place.end, hit.start) is not None
                  and (place_listed or is_locative(text, place.start, place.end, place.possessive)
                       or (text[place.end:hit.start] == ", " and all(c.type == "locations" for c in place.candidates)
                           and (words_after(text, hit.end, 1)[:1] not in (["and"], ["or"], [","])
                                or DATE_NEXT.match(text, hit.end) is not None)))
                  # "the camp of Yarmouk, Damascus on 14 May", "Geneva, Switzerland, August 26, 2016": a place set off
                  # after a place locates it (not a list: "Syria, Turkey and Iraq have agreed")
                  and not is_acting(text, hit.start, hit.end))  # "in Aleppo, Russia said": Russia speaks
        if place is not None and not listed and text[place.end:hit.start] == " (" and text[hit.end:hit.end + 1] == ")" \
                and all(c.type == "locations" for c in place.candidates):
            listed = True  # "Al-Masnaa (Lebanon)": where the place before it is (not "Dina Kawar (Jordan)", a person's)
        if hit.possessive and not listed and i + 1 < len(hits):
            listed = _owns_settlement(text, hit, hits[i + 1], entities)
        readings = resolve(hit, text, entities, listed)
        as_place = bool(readings)
        for c in readings:
            chosen.append((hit, c))
            as_place = as_place and c.type == "locations"
        if not readings and _placeless(hit, text, entities, listed):
            as_place = True  # "in Stockholm and Jerusalem": a place the registry has no page of still heads the list
        place, place_listed = (hit, listed) if as_place else (None, False)
    chosen = [(h, c) for h, c in chosen if not (c.type == "actors" and entities[(c.type, c.slug)].kind == "government"
                                                 and (OTHERS_FORCES.search(text, max(0, h.start - 30), h.start)
                                                      or _in_other_state(text, h, chosen, entities)))]
    chosen += embedded_actors(text, [h for h, c in chosen if c.type == "agreements"], names)
    firm = {(c.type, c.slug) for _, c in chosen if c.role != "ambiguous"}
    folded: list[tuple[str, Offsets]] = []  # folded only when an ambiguous short form needs its context words

    def supported(c: Candidate) -> bool:
        if not folded:
            folded.append(fold(text))
        return _context_present(entities[(c.type, c.slug)], folded[0][0])

    kept = [(h, c) for h, c in chosen if c.role != "ambiguous" or (c.type, c.slug) in firm or supported(c)]
    if len(kept) > len({h.start for h, _ in kept}):  # (a hit read two ways: rare)
        kept = _nearest_context(kept, firm, entities, *folded[0]) if folded else kept
    mentions = [Mention(c.type, c.slug, h.start, h.end, h.surface) for h, c in kept]
    mentions = specified(mentions)
    mentions += learned_acronyms(text, hits, mentions)
    mentions += bare_government(text, mentions, names)
    mentions += names.variants.find(text, [(h.start, h.end) for h in hits] + [(m.start, m.end) for m in mentions],
                                    [m.end for m in mentions if m.type == "locations"])
    mentions += middle_initials(text, names, mentions)
    return mentions


# "Michael R. Pompeo": a person's first name and surname with an initial between them. The initial is looked for
# first (far cheaper), then the names on either side of it.
FIRST = re.compile(r"\b[A-Z][a-z’'-]+$")
LAST = re.compile(r"[A-Z][\w’'-]*[a-z]\b")


def middle_initials(text: str, names: Names, mentions: Sequence[Mention]) -> list[Mention]:
    """Registry people named with a middle initial the registry does not give ("Susan E. Rice" for Susan Rice)."""
    out: list[Mention] = []
    for initial in INITIAL.finditer(text):
        first = FIRST.search(text, max(0, initial.start() - 30), initial.start())
        last = LAST.match(text, initial.end() - 1)
        if first is None or last is None:
            continue
        start, end = first.start(), last.end()
        if any(x.start < end and start < x.end for x in mentions if x.type == "actors"):
            continue  # the name, or its surname alone, is a registry name already
        name = f"{first[0]} {last[0]}"
        hits = names.matcher.find(name)
        if len(hits) == 1 and hits[0].end - hits[0].start == len(name):
            people = [c for c in hits[0].candidates if c.type == "actors" and c.role == "name"
                      and names.entities[(c.type, c.slug)].kind == "person"]
            if len(people) == 1:
                out.append(Mention("actors", people[0].slug, start, end, text[start:end]))
    return out


def _owns_settlement(text: str, hit: Hit, after: Hit, entities: dict[tuple[str, str], Entity]) -> bool:
    """"Türkiye’s Cilvegözü border crossing", "Lebanon's Arsal": a country's possessive right before one of its towns or
    crossings places the town; "Russia's Hmeimim base" is Russia's own."""
    return (text[hit.end:after.start] == " " and bool(after.candidates)
            and all(c.type == "locations" and entities[(c.type, c.slug)].kind in PLACED for c in after.candidates)
            and any(c.type == "locations" and entities[(c.type, c.slug)].kind == "country" for c in hit.candidates))


PLACED = SETTLEMENTS | frozenset("crossing region governorate camp river mountain".split())


@lru_cache(maxsize=8)
def _named_syrian_government(matcher: Matcher) -> tuple[tuple[str, str], ...]:
    """The actors a registry's matcher reads "Syrian government" as, by their own name (once per registry)."""
    return tuple(dict.fromkeys((c.type, c.slug) for hit in matcher.find("Syrian government") for c in hit.candidates
                               if c.type == "actors" and c.role == "name"))


def syrian_government(names: Names) -> tuple[str, str] | None:
    """The registry's Syrian government: the government its own name "Syrian government" reads as."""
    return next((key for key in _named_syrian_government(names.matcher)
                 if (entity := names.entities.get(key)) and entity.kind == "government"), None)


def _bare_government(text: str) -> Iterator[re.Match]:
    """``BARE_GOVERNMENT.finditer(text)``, tried only where "government" or "regime" is (far cheaper than a scan)."""
    for word, back in (("overnment", 1), ("regime", 0)):
        at = text.find(word)
        while at != -1:
            m = BARE_GOVERNMENT.match(text, max(0, at - back - 5), at + len(word) + 8)
            if m is None and at - back >= 4:
                m = BARE_GOVERNMENT.match(text, at - back - 4, at + len(word) + 8)
            if m is None and not back:
                m = REGIME_DOES.match(text, at)
            if m is not None:
                yield m
            at = text.find(word, at + len(word))


def _other_regime(text: str) -> bool:
    """Whether the text names a regime by another state's adjective: "the Iranian regime"."""
    at = text.find(" regime")
    while at != -1:
        if OTHER_REGIME.search(text, max(0, at - 20), at + 1):
            return True
        at = text.find(" regime", at + 7)
    return False


def bare_government(text: str, mentions: Sequence[Mention], names: Names) -> list[Mention]:
    """"The government" and "the regime" as the Syrian government, in an article about Syria's war: "the regime" in one
    that names Syria, "the government" in one that also names the opposition or rebels. Not where the text says whose
    ("the government of Lebanon"), nor after another state in the same sentence ("In Lebanon, the government…"), nor
    "the regime" where another state's regime is named ("the Iranian regime")."""
    if ("overnment" not in text and "regime" not in text) or "Syria" not in text:
        return []  # most articles
    found = [m for m in _bare_government(text) if not WHOSE.match(text, m.end())]
    if any(m.groupdict().get("his") for m in found):  # "Assad … his regime": only right after Assad is named
        assad = [m.end for m in mentions if m.type == "actors" and names.entities[(m.type, m.slug)].kind == "person"
                 and names.entities[(m.type, m.slug)].title.endswith("Assad")]
        found = [m for m in found if not m.groupdict().get("his") or any(0 < m.start() - end < 200 for end in assad)]
    if not found:
        return []
    regimes = any(m["noun"] == "regime" for m in found) and not _other_regime(text)
    war = any(m["noun"] != "regime" for m in found) and any(w in text.lower() for w in WAR_PARTIES)
    found = [m for m in found if (regimes if m["noun"] == "regime" else war)]
    key = syrian_government(names) if found else None
    if key is None:
        return []
    states = [(m.start, m.end) for m in mentions if m.slug != key[1] and (e := names.entities.get((m.type, m.slug)))
              and e.kind in STATES and e.title != "Syria"]
    out: list[Mention] = []
    for m in found:
        cut = SENTENCE_START.search(text, max(0, m.start() - 300), m.start())
        opens = cut.start() if cut else max(0, m.start() - 300)
        if m["noun"] != "regime" and any(opens <= start < m.start() for start, _ in states):
            continue  # "In Lebanon, the government…": that state's (a regime of another state is named by its adjective)
        out.append(Mention(key[0], key[1], m.start(), m.end("noun"), text[m.start():m.end("noun")]))
    return out


AMENDS = re.compile(r"\b(?:[Pp]rotocol|[Aa]nnex|[Aa]mendment|[Aa]ddendum|[Ss]upplement) to (?:the )?$")


def embedded_actors(text: str, agreements: Sequence[Hit], names: Names) -> list[tuple[Hit, Candidate]]:
    """Actors an agreement's own name names: "Security Council resolution 2254" is the Council deciding, "Russian-brokered
    reconciliation deals" Russia brokering. Each name inside is read as it would be on its own (a demonym only when it
    acts); a place inside ("the Astana talks") is where the agreement was made, not a place the article is about. An
    agreement a protocol or annex is added to is named too: "the Additional Protocol to the Memorandum on Stabilization…"."""
    found: list[tuple[Hit, Candidate]] = []
    for outer in dict.fromkeys(agreements):
        scan = names.matcher.scan_name(outer.surface)
        whole = (0, len(outer.surface))
        spans = {span: cands for span, cands in scan.spans.items()
                 if span != whole and (all(c.type == "actors" for c in cands) or (
                     all(c.type == "agreements" for c in cands) and AMENDS.search(outer.surface, 0, span[0])))}
        if not spans:
            continue  # most names: no actor inside ("the Astana talks")
        for h in resolve_overlaps(outer.surface, Scan(spans, scan.extended)):
            hit = Hit(outer.start + h.start, outer.start + h.end, h.surface, h.candidates, h.possessive)
            readings = resolve(hit, text, names.entities)
            if not readings and NEXT_NAME.match(text, hit.end) and all(c.role == "ambiguous" for c in hit.candidates):
                # "Security Council Resolution 2401": the longer name the next word opens is the agreement's own; the
                # short name still needs its context words, as anywhere else
                readings = list(hit.candidates)
            found.extend((hit, c) for c in readings)
    return found


def specified(mentions: list[Mention]) -> list[Mention]:
    """An agreement named by the tail of a longer name the article gives another agreement is that one: after "the
    Southwest De-escalation Zone", "the de-escalation zone" is the same zone, not every de-escalation zone."""
    longer = [(fold_name(m.surface), m.slug) for m in mentions if m.type == "agreements"]
    spans = [(m.start, m.end) for m in mentions if m.type == "agreements"]
    out: list[Mention] = []
    for m in mentions:
        if m.type == "agreements" and not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans):
            # (not a name inside another's: "the Protocol to the Memorandum on…" names the memorandum as well)
            short = fold_name(m.surface)
            owners = {slug for name, slug in longer if slug != m.slug and name.endswith(" " + short)}
            if len(owners) == 1:
                m = Mention(m.type, owners.pop(), m.start, m.end, m.surface)
        out.append(m)
    return out


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
