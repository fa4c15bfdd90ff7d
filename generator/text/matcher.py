"""Finding every registry name in a text in one pass (Aho–Corasick).

One automaton holds every title, alias, metonym and demonym of every entity, folded
(see ``textnorm``); acronyms go to a second, case-sensitive automaton so that "US" does
not match "us". An actor named after a state's demonym is also found under the state's
possessive: "Russia's Defence Ministry" is the "Russian Defence Ministry". Overlapping hits
resolve to the longest leftmost, so "Russian Foreign Intelligence Service" wins over "Russian".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from generator.content.model import Entity
from generator.text.textnorm import fold, fold_name, is_acronym

ARTICLE_TOKENS = frozenset({"al", "el"})


@dataclass(frozen=True)
class Candidate:
    """One reading of a hit: which entity, and through which kind of name."""

    type: str
    slug: str
    role: str  # name | ambiguous | metonym | demonym


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    surface: str
    candidates: tuple[Candidate, ...]
    possessive: bool = False  # the name took a trailing "s" / "'s": "Turkeys offensive"


# Initialisms news agencies write with stops: "the U.N. refugee agency" is the registry's "UN refugee agency".
STOPPED = {"un": "u.n.", "us": "u.s.", "uk": "u.k.", "eu": "e.u."}


def name_variants(name: str) -> set[str]:
    """The folded name, plus the name without Arabic articles ("Ain al-Hour" → "ain hour"), and with its initialisms
    written with stops ("UN refugee agency" → "u.n. refugee agency")."""
    folded = fold_name(name)
    variants = {folded}
    tokens = folded.split(" ")
    if len(tokens) > 1 and not STOPPED.keys().isdisjoint(tokens):
        variants.add(" ".join(STOPPED.get(t, t) for t in tokens))
    bare = [t for t in tokens if t not in ARTICLE_TOKENS]
    if bare and bare != tokens:
        short = " ".join(bare)
        if len(bare) >= 2 or len(short) >= 5:
            variants.add(short)
    return {v for v in variants if v}


def name_keys(name: str) -> set[str]:
    """Every key a name occupies in the matcher: two names sharing a key cannot be told apart."""
    return {fold_name(name, lower=False)} if is_acronym(name) else name_variants(name)


def possessives(entities: Iterable[Entity]) -> dict[str, tuple[str, ...]]:
    """Each state's demonym, folded, with the state's one-word names as possessives, folded as the text is ("Russia's"
    → "russias", "United States'" → "united states"); for a state kept as its government ("Syrian government"), the
    government's one-word metonyms ("Syria's"). A demonym two states share names neither."""
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.type == "actors" and e.kind == "state":
            names = [n for n in (e.title, *e.aliases) if n == e.title or " " not in n.strip()]
            demonyms = e.demonyms
        elif e.type == "actors" and e.kind == "government" and len(title := e.title.split()) == 2 and title[1] == "government":
            # a state the registry keeps as its government and its one-word metonyms: "Syria's army" is the Syrian army
            names, demonyms = [n for n in e.metonyms if " " not in n.strip()], (title[0],)
        else:
            continue
        forms = tuple(sorted({f if f.endswith("s") else f + "s" for n in names if not is_acronym(n) and (f := fold_name(n))}))
        for demonym in demonyms:
            owners[fold_name(demonym)].add(forms)
    return {d: next(iter(forms)) for d, forms in owners.items() if len(forms) == 1 and d}


class Matcher:
    """Built once per registry; ``find`` is linear in the length of the text."""

    def __init__(self, entities: Iterable[Entity]):
        entities = list(entities)
        table: dict[tuple[bool, str], set[Candidate]] = defaultdict(set)
        owner = possessives(entities)
        for e in entities:
            ambiguous = set(e.ambiguous)
            roles = [("ambiguous" if n in ambiguous else "name", n) for n in (e.title, *e.aliases)]
            roles += [("ambiguous", n) for n in e.ambiguous if n not in e.aliases]
            roles += [("metonym", n) for n in e.metonyms]
            roles += [("demonym", n) for n in e.demonyms]
            for role, name in roles:
                if not name or not name.strip():
                    continue
                if is_acronym(name):
                    table[(True, fold_name(name, lower=False))].add(Candidate(e.type, e.slug, role))
                else:
                    for variant in name_variants(name):
                        table[(False, variant)].add(Candidate(e.type, e.slug, role))
                        first, _, rest = variant.partition(" ")
                        if role == "name" and rest and e.type == "actors" and e.kind != "state":
                            for form in owner.get(first, ()):
                                table[(False, f"{form} {rest}")].add(Candidate(e.type, e.slug, role))
        self._names: dict[str, Scan] = {}
        self._automata = {}
        for case_sensitive in (False, True):
            automaton = ahocorasick.Automaton()
            for (cs, key), cands in table.items():
                if cs == case_sensitive:
                    automaton.add_word(key, (key, tuple(sorted(cands, key=lambda c: (c.type, c.slug, c.role)))))
            if len(automaton):
                automaton.make_automaton()
                self._automata[case_sensitive] = automaton

    def find(self, text: str) -> list[Hit]:
        return resolve_overlaps(text, self.scan(text))

    def scan_name(self, name: str) -> Scan:
        """``scan`` of a name found in a text (the names inside an agreement's name): the same few hundred names come
        back in article after article, so each is scanned once per matcher."""
        scan = self._names.get(name)
        if scan is None:
            scan = self._names[name] = self.scan(name)
        return scan

    def scan(self, text: str) -> Scan:
        """Every occurrence of every name, overlaps included: scans by two matchers of the same text add up (``Scan.merged``)."""
        raw: dict[tuple[int, int], set[Candidate]] = defaultdict(set)
        extended: set[tuple[int, int]] = set()
        for case_sensitive, automaton in self._automata.items():
            folded, offsets = fold(text, lower=not case_sensitive)
            for end, (key, cands) in automaton.iter(folded):
                start = end - len(key) + 1
                if start > 0 and folded[start - 1].isalnum():
                    continue
                if folded[end] == "s" and text[offsets[end] - 1:offsets[end]] in ("'", "’") and offsets[end] > offsets[start]:
                    continue  # "Hama's" is Hama's, not "Hamas": the fold dropped the possessive's apostrophe
                after = end + 1
                grew = after < len(folded) and folded[after] == "s" and (after + 1 == len(folded) or not folded[after + 1].isalnum())
                if grew:
                    after += 1  # possessive or plural with the apostrophe gone: "Assads", "Moscow's"
                elif after < len(folded) and folded[after].isalnum():
                    continue
                span = (offsets[start], offsets[after - 1] + 1)
                raw[span].update(cands)
                if grew:
                    extended.add(span)
        return Scan(dict(raw), extended)


@dataclass
class Scan:
    """What one matcher found in a text before overlaps are resolved."""

    spans: dict[tuple[int, int], set[Candidate]]
    extended: set[tuple[int, int]]

    def merged(self, other: Scan) -> Scan:
        """The scan a matcher holding both matchers' names would have made; neither scan changes."""
        spans = dict(self.spans)
        for span, cands in other.spans.items():
            spans[span] = spans[span] | cands if span in spans else set(cands)
        return Scan(spans, self.extended | other.extended)


def resolve_overlaps(text: str, scan: Scan) -> list[Hit]:
    """Longest leftmost hits, each with its candidates in a fixed order; a hit does not end inside a longer name that
    starts within it when a shorter name at its start stops short of it ("the buffer zone in the Golan Heights" is
    "buffer zone" and "Golan Heights", not "buffer zone in the Golan" and "Heights")."""
    hits: list[Hit] = []
    last_end = -1
    ordered = sorted(scan.spans, key=lambda s: (s[0], -(s[1] - s[0])))
    n = len(ordered)
    for i, (start, end) in enumerate(ordered):
        if start < last_end:
            continue
        if i + 1 < n and ordered[i + 1][0] == start and _crossed(ordered, i):
            continue  # a shorter name at this start comes next and stops short of the longer name
        cands = tuple(sorted(scan.spans[(start, end)], key=lambda c: (c.type, c.slug, c.role)))
        hits.append(Hit(start, end, text[start:end], cands, (start, end) in scan.extended))
        last_end = end
    return hits


def _crossed(ordered: list[tuple[int, int]], i: int) -> bool:
    """Whether span ``i`` of ``ordered`` (sorted by start, longest first) ends inside a name that opens within it and
    reaches past it, while the shortest span at its start ends before that name opens."""
    start, end = ordered[i]
    j = i + 1
    while j < len(ordered) and ordered[j][0] == start:
        j += 1
    shortest = ordered[j - 1][1]
    while j < len(ordered) and ordered[j][0] < end:
        if ordered[j][1] > end:
            return shortest <= ordered[j][0]
        j += 1
    return False
