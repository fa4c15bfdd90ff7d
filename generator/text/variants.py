"""Registry places and people under a spelling the registry does not list: "Maaret al-Nouman" for Maarat al-Numan.

A name the matcher did not find is looked up by its transliteration skeleton (``translit``) among the
registry's places and people. It is taken as that entity only when exactly one entity of the type has
that skeleton and the context fits the type: a place where the text uses it as one ("in", "near", "the
town of"), a person under two names or more. Discovery then proposes no twin for it (``steps/propose``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from generator.content.model import Entity, Mention
from generator.text.names import GENERIC
from generator.text.people import TITLE_WORDS, person_name
from generator.text.readings import is_locative, words_before
from generator.text.spans import INF, disjoint, overlaps
from generator.text.translit import VariantIndex

_PARTICLE = r"(?:al|el|an|ash|as|ad|ar|az|ez|at|Al|El|An|Ash|As|Ad|Ar|Az|Ez|At)[-‑]"
_REST = r"[a-zà-öø-ÿ’']+(?:[-‑][A-Z]?[a-zà-öø-ÿ’']+)*"  # a word after its capital
_WORD = rf"[A-Z]{_REST}"
# Up to five words, the first not inside a word: ``(?<![\w’'-])(?:{_PARTICLE})?{_WORD}`` written to open on a set of
# letters, which the regex engine skips to instead of trying every position of the text; then the particle's other
# letters (al-, ash-, el-, ez-…) or none, when that first letter is a capital.
_FIRST = r"[A-Zae](?<![\w’'-].)(?:(?<=[aA])(?:l|n|sh|s|d|r|z|t)[-‑][A-Z]|(?<=[eE])[lz][-‑][A-Z]|(?<=[A-Z]))"
NAME = re.compile(rf"{_FIRST}{_REST}(?:[ ](?:{_PARTICLE}|(?:al|el)[ ])?{_WORD}){{0,4}}(?![\w’'-])")  # "Abu al Dahour" too
LEADING = frozenset("the in at on from to near and but for of by with as a an this that its his her their".split())
NOT_PART = LEADING | TITLE_WORDS  # a first word that is not part of the name: "In Kafranbel", "General X"
# Titles a surname follows when the person is named by it alone: "Dr Attar", "Mr Putros".
HONORIFICS = frozenset("mr mrs ms dr prof professor president general minister ambassador sheikh senator governor envoy "
                       "chancellor judge".split())
PARTICLE_START = re.compile(rf"^{_PARTICLE}")


def surname_key(word: str) -> str:
    """"al-Attar", "Attar" → "attar"."""
    return PARTICLE_START.sub("", word).lower()


PLACE_NOUNS = frozenset("town village city district neighbourhood neighborhood suburb suburbs hamlet camp area countryside hospital "
                        "hospitals people province governorate region".split())
# "the suburb of Jazra" is a settlement: not the Jazira region, though the two spell alike. The kinds of place such a
# noun may name.
SETTLEMENT_NOUNS = frozenset("town village city district neighbourhood neighborhood suburb hamlet quarter".split())
SETTLEMENTS = frozenset("town city village neighbourhood district".split())


def proper(name: str) -> bool:
    """A name of capitalised words only: "Al Dana town" spelled another way would be "Denton"."""
    return all(NAME.fullmatch(w) or re.fullmatch(_PARTICLE + _WORD, w) for w in name.split())


class Variants:
    """Built once per registry: one index of places, one of people, proposals included (a person proposed from one
    article is that person in the next, under "al-" or another vowel)."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        entities = sorted(entities, key=lambda e: tuple(e.key))
        self.places = VariantIndex.build((e.slug, n) for e in entities if e.type == "locations"
                                         for n in (e.title, *e.aliases) if proper(n))
        self.unsettled = frozenset(e.slug for e in entities if e.type == "locations" and e.kind not in SETTLEMENTS)
        people = [(e.slug, n) for e in entities if e.kind == "person" for n in (e.title, *e.aliases)
                  if proper(n) and len(n.split()) >= 2]
        self.people = VariantIndex.build(people)
        surnames: dict[str, set[str]] = {}  # each surname's people: "attar" → {abdul-rahman-attar}
        for slug, name in people:
            surnames.setdefault(surname_key(name.split()[-1]), set()).add(slug)
        self.surnames = {k: frozenset(v) for k, v in surnames.items()}

    def of(self, type_: str, name: str, settlement: bool = False) -> frozenset[str]:
        """Slugs of the ``type_`` entities ``name`` may be a spelling of (more than one: do not guess). A ``settlement``
        ("the suburb of Jazra") is no spelling of a region or a base, however alike the two are spelled."""
        words = name.split()
        if type_ == "actors" and len(words) == 2 and words[0].lower().rstrip(".") in HONORIFICS:
            return self.surnames.get(surname_key(words[1]), frozenset())  # "Dr Attar": the one person of that surname
        if type_ != "locations":
            return self.people.lookup(name)
        found = self.places.lookup(name)
        return found - self.unsettled if settlement else found

    def find(self, text: str, taken: Iterable[tuple[int, int]], places: Iterable[int] = ()) -> list[Mention]:
        """Mentions of registry places and people in names outside ``taken`` (the spans the matcher found); ``places``:
        where the places the text names end, for a spelling listed after one ("Idleb city, Saraqab and Arihah")."""
        found: list[Mention] = []
        ends = set(places)
        for start, end, name in names_outside(text, taken):
            if name.lower() in GENERIC:
                continue  # "Syrian" spells like the al-Suryan neighbourhood, and is a word of every story
            bare = person_name(name)  # "Syrian Foreign Minister Asaad al-Sheibani": the person is who the title is followed by
            if len(bare.split()) >= 2 and len(person := self.people.lookup(bare)) == 1:
                found.append(Mention("actors", next(iter(person)), end - len(bare), end, bare))
                continue
            if " " not in name and len(person := self.surnames.get(surname_key(name), ())) == 1 \
                    and (before := words_before(text, start, 1)) and before[-1] in HONORIFICS \
                    and not INITIAL.match(text, end):  # "Ambassador Susan E. Rice": a first name
                found.append(Mention("actors", next(iter(person)), start, end, name))  # "Dr Attar"
                continue
            place = self.of("locations", name, settled(text, start))
            if len(place) == 1 and (used_as_place(text, start, end) or listed_after(text, start, ends)):
                found.append(Mention("locations", next(iter(place)), start, end, name))
                ends.add(end)
        return found


def names_outside(text: str, taken: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """Capitalised names (Arabic particles allowed) that overlap no span of ``taken``, without a leading "In" or rank."""
    taken = disjoint(taken)
    for m in NAME.finditer(text):
        start, end, name = *m.span(), m[0]
        while " " in name and name.split(" ", 1)[0].lower().rstrip(".") in NOT_PART:  # "In Kafranbel", "General X"
            cut = name.index(" ") + 1
            start, name = start + cut, name[cut:]
        if overlaps(taken, start, end):
            i = bisect_right(taken, (start, INF)) - 1
            if i < 0 or not taken[i][0] <= start < taken[i][1] or " " not in name:
                continue  # a known name inside it or after it
            while " " in name and start < taken[i][1]:  # a known name before it: "… for Syria Geir Pederson"
                cut = name.index(" ") + 1
                start, name = start + cut, name[cut:]
            if start < taken[i][1] or overlaps(taken, start, end):
                continue
        yield start, end, name


LISTED = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+")


def listed_after(text: str, start: int, ends: set[int]) -> bool:
    """Whether the name at ``start`` follows, in a list, a place ending at one of ``ends``."""
    return any(end < start and LISTED.fullmatch(text, end, start) for end in ends)


def settled(text: str, start: int) -> bool:
    """Whether the text calls the name at ``start`` a settlement: "the village of X", "the western suburb of X"."""
    before = words_before(text, start, 2)
    return len(before) == 2 and before[1] == "of" and before[0] in SETTLEMENT_NOUNS


INITIAL = re.compile(r" [A-Z]\. [A-Z]")  # a middle initial between two names: "Susan E. Rice"
# What may follow a place named before the place it is in: more names of a list, then "in" and a capitalised name.
IN_PLACE = re.compile(r"(?:(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)[A-Z][\w’'-]*(?:[ -](?:al|el|Al|El|[A-Z][\w’'-]*)){0,3})*"
                      r",?[^\S\n]+in[^\S\n]+(?:the[^\S\n]+)?[A-Z]")


def used_as_place(text: str, start: int, end: int) -> bool:
    """"in Kafranbel", "fleeing Kafranbel", "the town of Kafranbel", "Ma'arat Ano'man, Jesr el Shoughour, and Teftanaz in
    Idleb" (names listed before the place they are in)."""
    before = words_before(text, start, 2)
    return is_locative(text, start, end) or (len(before) == 2 and before[1] == "of" and before[0] in PLACE_NOUNS) \
        or IN_PLACE.match(text, end) is not None
