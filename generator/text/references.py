"""Agreements an article names only by description: "the truce", "a Russian-brokered deal with the SDF".

A reader resolves "the deal" from what the article says around it (the places and parties named near
it, words of the agreement's name, a year, the article's date) against what the registry knows of
each agreement: its kind, parties, places and date. Every candidate gets a score; the best is taken
only when it reaches THRESHOLD and beats the next one by MARGIN, so an unsupported reference stays
untagged. An agreement the article already names by name takes its generic references, which then
add nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from generator.content.model import Entity, Mention
from generator.text.sentences import sentence_spans
from generator.text.spans import disjoint, overlaps
from generator.text.textnorm import fold_name

THRESHOLD, MARGIN = 5.0, 2.0
ANAPHORIC, ANTECEDENT = frozenset({"the", "this", "that"}), 600
MONTHS = "january february march april may june july august september october november december".split()
# Each class of reference: its nouns, and the kinds of agreement it can name.
CLASSES = {
    "ceasefire": ("ceasefire truce cessation pause", {"ceasefire", "agreement", "deal", "arrangement", "memorandum"}),
    "deal": ("deal agreement accord understanding arrangement settlement protocol pact",
             {"agreement", "deal", "arrangement", "memorandum", "ceasefire", "framework"}),
    "memorandum": ("memorandum mou", {"memorandum", "agreement", "arrangement"}),
    "resolution": ("resolution", {"resolution"}),
    "mechanism": ("mechanism", {"arrangement", "mechanism", "agreement", "framework"}),
    "talks": ("talks negotiations conference dialogue", {"talks"}),
    "process": ("process", {"process"}),
    "plan": ("plan roadmap initiative framework", {"framework", "agreement", "deal", "process"}),
    # Said of any press release too ("in a statement"): only the agreements whose own names say it, and only with their
    # words or places in the phrase ("the statement issued in Munich").
    "statement": ("statement declaration communique communiqué", set()),
}
KIND_CLASS = {"ceasefire": "ceasefire", "memorandum": "memorandum", "resolution": "resolution", "talks": "talks",
              "mechanism": "mechanism", "process": "process"}
# Talks make agreements; "the agreement reached in Astana" is what the talks produced, not the talks (unless their title
# says what they are: "Reconciliation agreements" is a process of deals).
MEETINGS, MADE = frozenset({"talks", "process"}), frozenset({"deal", "ceasefire", "memorandum", "resolution"})
NOUN_CLASS = {noun: cls for cls, (nouns, _) in CLASSES.items() for noun in nouns.split()}
# Nouns too vague alone ("the political process", "a plan"): they name an agreement only with its own words or places
# right in the phrase ("the Astana process", "the Russian road map for Daraa").
VAGUE = frozenset("process plan initiative framework dialogue conference understanding arrangement settlement mechanism pause "
                  "statement declaration communique communiqué".split())
# "October 13", "February 22nd", "13 October", "the 22nd of February".
MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)
DAY = re.compile(rf"\b(?:({MONTH_NAMES})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES}))\b")
NOUN = re.compile(
    r"\b(?=[cdtaumrsnpfi])(?:cease-?fires?|truces?|cessation of (?:hostilities|(?:armed )?violence)|deals?|agreements?|accords?|understandings?"
    r"|arrangements?|settlements?|protocols?|pacts?|memorand(?:um|a)(?: of understanding)?|MoU|resolutions?|talks"
    r"|negotiations|conferences?|process|dialogue|plans?|road ?maps?|initiatives?|frameworks?|mechanisms?|pauses?"
    r"|statements?|declarations?|communiqu[eé]s?)\b",
    re.I,
)
LEAD_WORD = re.compile(r"[\w’'-]+")
CLAUSE_END = re.compile(r"[.,;:!?()\n\"“”][^.,;:!?()\n\"“”]*$")
DETERMINERS = frozenset("the a an this that its their new".split())
STANDING = frozenset({"in force", "ongoing"})  # statuses of agreements an article may mean long after their date


class Ref(NamedTuple):
    """A generic reference: ``text[start:end]`` is its phrase ("a US-brokered truce"), ``noun`` its last word."""

    start: int
    noun_start: int
    end: int
    noun: str
    det: str  # the determiner nearest the noun ("the", "a"…), or ""


def references_in(text: str) -> Iterator[Ref]:
    """Each reference noun with the words before it in its clause (four at most), from its nearest determiner."""
    return map(_reference, NOUN.finditer(text))


def _reference(m: re.Match) -> Ref:
    """The reference of one match of ``NOUN``: the noun with the words before it in its clause."""
    text, at = m.string, m.start()
    before = text[max(0, at - 60):at]
    cut = CLAUSE_END.search(before)
    part = before[cut.start() + 1:] if cut else before
    offset = at - len(part)
    words = list(LEAD_WORD.finditer(part))[-4:]
    det, begin = "", offset + words[0].start() if words else at
    for w in reversed(words):
        if w[0].lower() in DETERMINERS:
            det, begin = w[0].lower(), offset + w.start()
            break
    return Ref(begin, at, m.end(), m[0], det)


# "resolutions 2254 (2015) and 2268 (2016)", "Resolution 2165 / 2191": each number names its resolution.
# "Resolution 2254", "UNSCR 2254", "[the Security Council Resolution] (UNSCR) 2254" (a quote's editorial brackets)
RESOLUTIONS = re.compile(r"\b(?:[Rr]esolutions?\]?|UNSCRs?)\s+(?:\(UNSCRs?\)\s+)?(?:No\.?\s*)?\d{3,4}(?:\s*\(\d{4}\))?"
                         r"(?:(?:\s*[,/]\s*|,?\s+and\s+)\d{3,4}(?:\s*\(\d{4}\))?)*")
NUMBER = re.compile(r"(?<!\()\b\d{3,4}\b(?!\))")
# The words after the noun that still belong to its phrase: "the mechanism for cross-border aid", "a truce in Manbij".
_PREPOSITION = r"(?:for|on|in|of|over|with|between|to|at|under|by)\b"
# "the agreement today in Astana", "a deal reached last week in Sochi": a time word does not end the phrase.
_WHEN = r"(?:today|yesterday|tonight|earlier|(?:this|last) (?:week|month|weekend))"
TAIL = re.compile(rf"(?:,?\s+(?:(?:brokered|sponsored|mediated|agreed|signed|reached|established|concluded|struck|adopted|announced"
                  rf"|made|held|negotiated|hammered out|issued|released|aimed|designed|intended|meant)\s+)?(?:{_WHEN}\s+)?{_PREPOSITION}"
                  rf"\s+(?:the\s+)?[\w’'-]+(?:\s+(?!{_PREPOSITION}|and\b)[\w’'-]+){{0,2}}(?:\s+and\s+(?:the\s+)?[A-Z][\w’'-]*)?){{1,2}}")
# "a deal between Russia and rebel backer Turkey": both sides, each up to four words.
_SIDE = r"(?:the\s+)?[\w’'-]+(?:\s+(?!and\b|or\b)[\w’'-]+){0,3}"
BETWEEN = re.compile(rf",?\s+(?:(?:brokered|agreed|signed|reached|struck|concluded|negotiated)\s+)?(?:{_WHEN}\s+)?between\s+"
                     rf"{_SIDE}\s+and\s+{_SIDE}")
CLOSING_QUOTES = frozenset('"”»')
YEAR = re.compile(r"\b(19[4-9]\d|20[0-4]\d)\b")
LAST_YEAR, THIS_YEAR = re.compile(r"last year", re.I), re.compile(r"this year|that year", re.I)
STOP = frozenset(
    "the of on in and for to a an with between by at from over syria syrian un nations united security council "
    "agreement agreements deal deals ceasefire truce memorandum understanding accord resolution talks process plan "
    "conference protocol arrangement arrangements settlement framework initiative statement declaration joint "
    "de s brokered backed sponsored led mediated military cooperation strategic defence defense forces government "
    "national political humanitarian peace zone zones mechanism committee new local first second nationwide "
    "international year all its their his her this that these those which who into under within without forms form "
    "any every each other such day days hour hours week weeks final way step call future general around along additional "
    "advance situation approach party document decision order support supporting team group visit creation long term".split()
) | frozenset(MONTHS)


# Words of agreements' names that tell something only in the reference's own phrase ("a ceasefire in the south-west"):
# nearby, any story has them.
WEAK = frozenset("north south east west northern southern eastern western area areas region long term border".split())


@dataclass(frozen=True)
class Profile:
    """What a reader knows of one registry agreement."""

    key: tuple[str, str]
    kinds: frozenset[str]  # the reference classes that can name it
    places: dict[tuple[str, str], float]  # each place's weight: a place few agreements share tells more
    parties: dict[tuple[str, str], float]
    words: frozenset[str]  # distinctive words of its names (places and parties aside)
    nouns: frozenset[str]  # reference nouns its own names use ("truce", "memorandum")
    first: int | None  # the first day its date allows, as a day number
    day: int | None  # its date as a day number (mid-month or mid-year when only those are known)
    year: int | None
    month: int | None
    date: str  # as the registry gives it, for "October 13"
    kind: str = ""  # the reference class its own kind is ("ceasefire" for a ceasefire), or ""
    standing: bool = False  # in force or ongoing: still referred to years after its date ("the resolution" for 2254)
    # (place, class) of its names made of a place and a reference noun: "Geneva process" → (Geneva, process), so that
    # "the political process in Geneva" and "talks in Astana" name it as "the Geneva process" and "the Astana talks" do.
    by_place: frozenset = frozenset()
    titled: frozenset = frozenset()  # the reference classes of the nouns of its title ("Reconciliation agreements": deal)
    local: frozenset = frozenset()  # its places that few agreements share, countries aside
    acts: frozenset = frozenset()  # what its names say it did (``ACTS``): "Raqqa evacuation deal" → "out"


# What a local deal did, by the stems of the words that say it, each with the act it names: fighters evacuated, withdrew,
# surrendered or abandoned a place ("out"), prisoners were exchanged ("swap"), forces disengaged.
ACTS = {"evacuat": "out", "withdr": "out", "surrend": "out", "abandon": "out", "exchang": "swap", "swap": "swap",
        "disengag": "disengage"}


ACT_STEM = re.compile(r"\b(" + "|".join(ACTS) + ")", re.I)


def acts_of(text: str) -> frozenset[str]:
    return frozenset(ACTS[m.lower()] for m in ACT_STEM.findall(text))


PARTY_COMPOUND = re.compile(r"\b[\w.]+[-–](?:brokered|backed|led|sponsored|mediated|facilitated)\b")


@lru_cache(maxsize=4096)
def plain_words(name: str) -> bool:
    """A name of lower-case words only, once "Russian-brokered" and the like are set aside: "cessation of hostilities"."""
    words = PARTY_COMPOUND.sub("", name).split()
    return bool(words) and not any(w[:1].isupper() or w[:1].isdigit() for w in words)


# "calls for a permanent, nationwide cessation": the article stands before adjectives the comma cut off the reference.
ADJECTIVES_AFTER_ARTICLE = re.compile(r"\b(?:a|an)\s+(?:[\w’'-]+\s*,\s*)+$", re.I)


def indefinite(text: str, mentions: Sequence[Mention], nouns: Sequence[re.Match] | None = None) -> set[tuple[int, int]]:
    """Spans of agreements named in plain words after "a" or "an": "an immediate and lasting cessation of hostilities"
    is a kind of agreement, not the one of that name (which the reference may still turn out to be). ``nouns``: the
    matches of ``NOUN`` in ``text``, when the caller has them."""
    plain = [m for m in mentions if m.type == "agreements" and plain_words(m.surface)]
    if not plain:
        return set()
    out: set[tuple[int, int]] = set()
    for ref in (references_in(text) if nouns is None else map(_reference, nouns)):
        if ref.det in {"a", "an"}:
            out |= {(m.start, m.end) for m in plain if m.start <= ref.noun_start < m.end and ref.start < m.start}
        elif not ref.det and ADJECTIVES_AFTER_ARTICLE.search(text, max(0, ref.start - 60), ref.start):
            out |= {(m.start, m.end) for m in plain if m.start <= ref.noun_start < m.end and ref.start <= m.start}
    return out


@lru_cache(maxsize=4096)
def descriptive(name: str) -> bool:
    """A name in plain words for a kind of agreement, in the plural ("Russian-brokered reconciliation deals", "local
    truces"): it is also said of one agreement of that kind, which the context then tells. "The eight-point agreement"
    is one agreement already."""
    words = PARTY_COMPOUND.sub("", name).split()
    return (bool(words) and not any(w[:1].isupper() or w[:1].isdigit() for w in words) and NOUN.fullmatch(words[-1]) is not None
            and words[-1].lower().endswith("s") and words[-1].lower() not in {"talks", "negotiations", "process"})


@lru_cache(maxsize=1024)
def day_number(text: str) -> tuple[int | None, int | None, int | None, int | None]:
    """(first possible day, middle day, year, month) of a YYYY, YYYY-MM or YYYY-MM-DD date, as day numbers; Nones
    when there is none."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text or "")
    if not m:
        return None, None, None, None
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        first = date(year, month or 1, day or 1).toordinal()
        return first, date(year, month or 7, day or (15 if month else 1)).toordinal(), year, month or None
    except ValueError:
        return None, None, year, None


@lru_cache(maxsize=4096)
def noun_class(noun: str) -> str | None:
    """"cease-fires" → ceasefire, "memoranda of understanding" → memorandum, "road map" → plan."""
    n = re.sub(r"of(understanding|hostilities|violence|armedviolence)$", "", noun.lower().replace("-", "").replace(" ", "").replace("memoranda", "memorandum"))
    return NOUN_CLASS.get(n) or NOUN_CLASS.get(n[:-1]) if n.endswith("s") else NOUN_CLASS.get(n)


POSSESSIVE = re.compile(r"['’]s\b")
TOKEN = re.compile(r"[a-z0-9]+")


def _tokens(text: str) -> list[str]:
    """The words of ``text``, folded, a possessive's "s" dropped: "Annan's" is "annan"."""
    return TOKEN.findall(fold_name(POSSESSIVE.sub("", text)))


class References:
    """Built once per registry; ``find`` resolves the generic references of one article."""

    def __init__(self, entities: Mapping[tuple[str, str], Entity]) -> None:
        by_name: dict[str, tuple[str, str]] = {}
        names_of: dict[tuple[str, str], tuple[str, ...]] = {}  # a place's or party's names, demonyms included
        for e in sorted(entities.values(), key=lambda e: tuple(e.key)):
            if e.type != "agreements":
                for name in (e.title, *e.aliases):
                    by_name.setdefault(fold_name(name), tuple(e.key))
                names_of[tuple(e.key)] = (e.title, *e.aliases, *e.metonyms, *e.demonyms)
        agreements = [e for e in entities.values() if e.type == "agreements" and not e.proposed]
        place_kind = {tuple(e.key): e.kind for e in entities.values() if e.type == "locations"}
        df = Counter(w for e in agreements for w in {t for n in (e.title, *e.aliases) for t in _tokens(n)})
        keyed = {tuple(e.key): {k for n in (*e.places, *e.parties) if (k := by_name.get(fold_name(n)))} for e in agreements}
        shared = Counter(k for keys in keyed.values() for k in keys)
        # places where no agreement is: a reference placed there is to one the registry lacks ("a deal … in Baghouz")
        self.unplaced = frozenset(k for k, kind in place_kind.items() if kind != "country" and not shared[k])
        agreements.sort(key=lambda e: tuple(e.key))
        self.numbered = {m[1]: tuple(e.key) for e in agreements for n in (e.title, *e.aliases)
                         if (m := re.search(r"\bresolution\s+(\d{3,4})\b", n, re.I))}
        self.profiles: list[Profile] = []
        by_place_of: dict[tuple[str, str], frozenset] = {}
        for e in agreements:
            names = (e.title, *e.aliases)
            keys = keyed[tuple(e.key)]
            places = {k: 3.0 if shared[k] <= 3 else 2.0 if shared[k] <= 6 else 1.0 for k in keys if k[0] == "locations"}
            parties = {k: 1.0 if shared[k] <= 3 else 0.5 if shared[k] <= 10 else 0.25 for k in keys if k[0] == "actors"}
            known = {t for k in keys for n in names_of[k] for t in _tokens(n)}
            words = {t for n in names for t in _tokens(n) if t not in STOP and t not in known and not t.isdigit()
                     and len(t) > 2 and df[t] <= 3}
            words |= {t for c in (*e.context, *(p for p in e.places if fold_name(p) not in by_name))
                      for t in _tokens(c) if t not in STOP and t not in known and not t.isdigit()}
            nouns = {c for n in names for t in _tokens(n) if (c := noun_class(t))}
            kinds = frozenset(cls for cls, (_, allowed) in CLASSES.items() if e.kind in allowed or cls in nouns)
            by_place = frozenset(_place_nouns(names, places, names_of))
            by_place_of[tuple(e.key)] = by_place
            self.profiles.append(Profile(tuple(e.key), kinds, places, parties, frozenset(words), frozenset(nouns),
                                         *day_number(e.published), e.published, KIND_CLASS.get(e.kind, ""),
                                         e.status in STANDING, by_place,
                                         frozenset(c for t in _tokens(e.title) if (c := noun_class(t))),
                                         frozenset(k for k, w in places.items() if w >= 2.0 and place_kind.get(k) != "country"),
                                         acts_of(" ".join(names))))
        # "The Ankara agreement" names two agreements: a name by place tells only when one agreement has it.
        owners = Counter(pair for pairs in by_place_of.values() for pair in pairs)
        self.profiles = [replace(p, by_place=frozenset(x for x in p.by_place if owners[x] == 1)) if p.by_place else p
                         for p in self.profiles]
        # A party named in the reference's own phrase by a one-word name or adjective: "the Russian-Turkish agreement".
        parties = {k for e in agreements for k in keyed[tuple(e.key)] if k[0] == "actors"}
        self.party_words = {t: k for k in sorted(parties) for n in names_of[k] if len(t := fold_name(n)) > 2 and " " not in t
                            and t.isalpha()}
        self.kinds = {p.key[1]: p.kinds for p in self.profiles}
        self.by_class: dict[str, list[Profile]] = {}
        for p in self.profiles:
            for cls in p.kinds:
                self.by_class.setdefault(cls, []).append(p)

    def find(self, text: str, mentions: Sequence[Mention], published: str = "") -> list[Mention]:
        """Mentions of registry agreements that ``text`` names only by a generic reference."""
        return self.resolve(text, mentions, published)[0]

    def resolve(self, text: str, mentions: Sequence[Mention], published: str = "") -> tuple[list[Mention], list[Mention]]:
        """``find``, and the mentions of ``mentions`` the context takes back: "an immediate and lasting cessation of
        hostilities" in an article nothing else ties to the 2016 cessation of hostilities is not that one."""
        dropped: list[Mention] = []
        found = [m for m, _ in self.judge(text, mentions, published, dropped) if m is not None]
        return found, dropped

    def judge(self, text: str, mentions: Sequence[Mention], published: str = "",
              dropped: list[Mention] | None = None) -> list[tuple[Mention | None, Judgement]]:
        """Every reference with its verdict (a mention, or None) and the best two candidates with their clues: what
        ``python -m generator explain-references`` prints. A name in plain words after "a" is judged as a reference
        too: kept when the context supports it, else put in ``dropped``."""
        nouns = list(NOUN.finditer(text))
        if not nouns and "UNSCR" not in text:
            return []  # no reference noun, hence no "resolution 2254" either: nothing to judge
        generic = indefinite(text, mentions, nouns)
        plain = [m for m in mentions if m.type == "agreements" and (descriptive(m.surface) or (m.start, m.end) in generic)]
        taken = disjoint((m.start, m.end) for m in mentions if m not in plain)
        anywhere = frozenset((m.type, m.slug) for m in mentions if m not in plain)
        named = frozenset(k for k in anywhere if k[0] == "agreements")
        sentences: list[tuple[int, int]] = []  # made when a reference first needs its window
        _, pub_day, pub_year, _ = day_number(published)
        named_words = frozenset(t for m in mentions if m.type == "actors" for t in _tokens(m.surface)) \
            if pub_day is None else frozenset()  # only an undated article asks it (``undated_clue``)
        out: list[tuple[Mention | None, Judgement]] = []
        for group in _resolution_groups(text, nouns):
            for number in NUMBER.finditer(text, group.start(), group.end()):
                key = self.numbered.get(number[0])
                if key and not overlaps(taken, number.start(), number.end()):
                    mention = Mention("agreements", key[1], number.start(), number.end(), number[0])
                    out.append((mention, Judgement(group[0], [(key[1], 0.0, {"resolution number": 0.0})])))
        if out:
            taken = disjoint(taken + [(m.start, m.end) for m, _ in out])
        for noun in nouns:
            start, end = noun.span()
            if overlaps(taken, start, end):
                continue  # part of a name the registry matched: "the Adana agreement"
            cls = noun_class(noun[0])
            if cls is None or PRESS.search(text, max(0, start - 7), start):
                continue  # "a news conference in Geneva", "a press statement": no agreement
            if noun[0][:10].lower() == "settlement" and (HOMES.search(text, max(0, start - 16), start)
                                                         or (noun[0][-1] == "s" and NAMED_AFTER.match(text, end))):
                continue  # "refugee settlements", "the settlements of Nahsheba": where people live
            ref = _reference(noun)
            vague = ref.noun.lower().rstrip("s") in VAGUE or ref.noun.lower() == "process"
            if not sentences:
                sentences = sentence_spans(text)
            ctx = Context.of(text, self._window(sentences, start), ref, mentions, anywhere, named, pub_day, pub_year,
                             self.party_words, named_words, self.unplaced)
            if ref.det in ANAPHORIC and self._antecedent(cls, mentions, start) and not ctx.specific:
                continue  # "the deal" after the article named a deal: that one, already tagged (unless its own phrase
                # tells another: "the arrangements established in Munich", "the 2018 agreement signed by Russia and Turkey")
            scored = self._scored(cls, vague, ctx)
            top = scored[0][0] if scored else 0.0
            runner = scored[1][0] if len(scored) > 1 else 0.0
            chosen = scored[0][1] if top >= THRESHOLD and round(top - runner, 6) >= MARGIN else None
            own = [m for m in plain if m.start < end and start < m.end]
            if own:
                unsupported = [m for m in own if (m.start, m.end) in generic and not self._supported(m, ctx)]
                if unsupported:
                    if dropped is not None:
                        dropped.extend(unsupported)
                elif chosen is None or any(m.slug == chosen for m in own):
                    continue  # a name in plain words ("reconciliation deals") keeps its entry unless the context names another
            mention = Mention("agreements", chosen, start, end, text[start:end]) if chosen else None
            out.append((mention, Judgement(text[ref.start:ref.end], [(k, v, why) for v, k, why in scored[:2]])))
        return out

    def _supported(self, mention: Mention, ctx: Context) -> bool:
        """Whether anything around a name in plain words, other than its own words, points at the agreement it names."""
        own = frozenset(_tokens(mention.surface))
        bare = replace(ctx, phrase=ctx.phrase - own, words=ctx.words - own)
        return any(p.key[1] == mention.slug and (specific(p, bare) or len(p.words & bare.words) >= 2) for p in self.profiles)

    def _antecedent(self, cls: str, mentions: Sequence[Mention], at: int) -> bool:
        """Whether an agreement of this class was named by name in the ``ANTECEDENT`` characters before ``at``."""
        kinds = self.kinds
        return any(m.type == "agreements" and at - ANTECEDENT <= m.end <= at and cls in kinds.get(m.slug, ()) for m in mentions)

    @staticmethod
    def _window(sentences: list[tuple[int, int]], at: int) -> tuple[int, int]:
        """The sentence holding the reference and the one before it (where "the deal" usually got its name)."""
        for i, (s, e) in enumerate(sentences):
            if s <= at < e:
                return (sentences[i - 1][0] if i else s), e
        return at, at

    def _scored(self, cls: str, vague: bool, ctx: Context) -> list[tuple[float, str, dict[str, float]]]:
        """The candidates with a score, best first: (score, slug, clues)."""
        scored: list[tuple[float, str, dict[str, float]]] = []
        candidates = self.by_class.get(cls, ())
        # "a resolution" in an article that names Resolution 2533 is 2533 rather than another resolution its words recall
        rival = bool(ctx.named) and cls in MADE and any(p.kind == cls and p.key in ctx.named for p in candidates)
        for p in candidates:
            if vague and not (p.words & ctx.phrase or ctx.in_phrase.intersection(p.places)):
                continue
            if ctx.pub_day is not None and p.first is not None and p.first > ctx.pub_day + (60 if cls == "talks" else 3):
                continue  # an article cannot refer to an agreement made after it was published (talks can be announced)
            why = evidence(p, cls, ctx)
            if why and rival and p.kind == cls and p.key not in ctx.named:
                why["another of its kind named"] = -2.0
            if sum(why.values()) > 0:
                scored.append((sum(why.values()), p.key[1], why))
        return sorted(scored, key=lambda s: (-s[0], s[1]))


def _blanked(text: str, start: int, end: int, mentions: Sequence[Mention]) -> str:
    """``text[start:end]`` with the mentions in it cut out."""
    out, at = [], start
    for m in sorted(mentions, key=lambda m: m.start):
        out.append(text[at:max(at, m.start)])
        at = max(at, m.end)
    out.append(text[at:end])
    return " ".join(out)


def _place_nouns(names: Sequence[str], places: Mapping[tuple[str, str], float],
                 names_of: Mapping[tuple[str, str], tuple[str, ...]]) -> Iterator[tuple[tuple[str, str], str]]:
    """(place, class) for each name that is one of the agreement's places followed by its reference noun, or by "peace"
    and the noun: "Geneva process", "Astana peace talks", "Sochi memorandum"."""
    for name in names:
        tokens = _tokens(name)
        cls = noun_class(tokens[-1]) if tokens else None
        if cls is None:
            continue
        for k in places:
            for place in names_of.get(k, ()):
                head = _tokens(place)
                rest = tokens[len(head):]
                if head and tokens[:len(head)] == head and (len(rest) == 1 or (len(rest) == 2 and rest[0] == "peace")):
                    yield k, cls


def _resolution_groups(text: str, nouns: Sequence[re.Match]) -> Iterator[re.Match]:
    """``RESOLUTIONS.finditer(text)``, given the matches of ``NOUN`` in ``text``: each group opens on the noun
    "resolution" or on "UNSCR", so it is looked for only there rather than at every position of the text."""
    starts = [noun.start() for noun in nouns if noun[0][:10].lower() == "resolution"]
    if "UNSCR" in text:
        starts = sorted(starts + [m.start() for m in re.finditer("UNSCR", text)])
    end = 0
    for start in starts:
        if start >= end:
            group = RESOLUTIONS.match(text, start)
            if group:
                end = group.end()
                yield group


class Judgement(NamedTuple):
    phrase: str
    best: list[tuple[str, float, dict[str, float]]]  # the two best candidates: slug, score, clues


@dataclass(frozen=True)
class Context:
    """What the words around one reference, and the article, say."""

    near: frozenset  # entities named in the reference's sentence or the one before
    anywhere: frozenset
    in_phrase: frozenset  # entities named in the reference's own phrase ("a truce in Manbij")
    named: frozenset  # agreements the article names by name
    words: frozenset
    phrase: frozenset
    years: frozenset
    months: frozenset
    days: frozenset  # "-10-13" for "October 13"
    pub_day: int | None
    parties: frozenset = frozenset()  # actors named in the reference's own phrase, by name or adjective
    classes: frozenset = frozenset()  # the classes of the reference nouns in its phrase ("agreement for a ceasefire")
    creates: bool = False  # the phrase says what the agreement creates: "a deal … to create a buffer zone"
    beside: frozenset = frozenset()  # places right before the noun or right after it: "Astana talks", "talks in Astana"
    phrase_months: frozenset = frozenset()  # months the reference's own phrase names: "a September ceasefire deal"
    named_words: frozenset = frozenset()  # the words of the actors the article names: "Kofi Annan" is one clue, not two
    elsewhere: frozenset = frozenset()  # places of no agreement in the reference's own phrase: "a deal with ISIS in Baghouz"
    acts: frozenset = frozenset()  # the ``ACTS`` the reference's sentence and the one before tell of

    @property
    def placed(self) -> bool:
        """Whether the reference's own phrase names a place: "the arrangements established in Munich"."""
        return any(k[0] == "locations" for k in self.in_phrase)

    @property
    def specific(self) -> bool:
        """Whether the reference's own phrase tells which agreement it is: a place, a year, two parties."""
        return self.placed or len(self.parties) >= 2 or any(YEAR.fullmatch(w) for w in self.phrase)

    @classmethod
    def of(cls, text: str, window: tuple[int, int], ref: Ref, mentions: Sequence[Mention], anywhere: frozenset,
           named: frozenset, pub_day: int | None, pub_year: int | None, party_words: Mapping[str, tuple[str, str]],
           named_words: frozenset = frozenset(), unplaced: frozenset = frozenset()) -> Context:
        lo, hi = window
        part = text[lo:hi]
        words = set(_tokens(part))
        # a year inside an agreement's name is that agreement's ("the 1974 agreement"), not the reference's
        inside = [(m.start, m.end) for m in mentions if m.type == "agreements" and lo <= m.start < hi]
        years = {int(y[0]) for y in YEAR.finditer(text, lo, hi)
                 if not any(s <= y.start() < e for s, e in inside) and not DEADLINE.search(text, max(0, y.start() - 30), y.start())}
        if pub_year and LAST_YEAR.search(part):
            years.add(pub_year - 1)
        if pub_year and THIS_YEAR.search(part):
            years.add(pub_year)
        after = ref.end  # past the quote that closes '"humanitarian pause" in Homs'
        while after < len(text) and text[after] in CLOSING_QUOTES:
            after += 1
        tail = TAIL.match(text, after)
        end = tail.end() if tail else ref.end
        if (between := BETWEEN.match(text, after)) and between.end() > end:
            more = TAIL.match(text, between.end())
            end = more.end() if more else between.end()
        phrase = _tokens(text[ref.start:end])
        in_phrase = frozenset((m.type, m.slug) for m in mentions if ref.start <= m.start < end)
        named_in = [m for m in mentions if m.type == "actors" and ref.start <= m.start < end]
        # "the Türkiye-Syrian National Army" is the army, not Turkey a party: a name joined by a dash to the next one
        starts = {m.start for m in named_in}
        sides = [m for m in named_in if not (text[m.end:m.end + 1] in "-–" and m.end + 1 in starts)
                 and not AGAINST.search(text, max(ref.start, m.start - 16), m.start)]
        loose = _tokens(_blanked(text, ref.start, end, named_in)) if named_in else phrase
        parties = {party_words[t] for t in loose if t in party_words} | {(m.type, m.slug) for m in sides}
        if WITH.match(text, ref.end) and (said := SAID_THAT.search(text, max(lo, ref.start - 60), ref.start)):
            # "the SDF announced that a deal with the Syrian government…": who announced it is the other side
            parties |= _subject(text, mentions, said.start())
        if agreed := AGREED_BY.search(text, max(0, ref.start - 12), ref.noun_start):
            # "the US, Russia and Jordan agreed a ceasefire", "the United States and Russia reached agreement": the
            # parties are the clause's subject
            parties |= _subject(text, mentions, agreed.start())
        classes = frozenset(c for t in phrase if (c := noun_class(t)))
        return cls(
            near=frozenset((m.type, m.slug) for m in mentions if lo <= m.start < hi),
            anywhere=anywhere,
            in_phrase=in_phrase,
            named=named, words=frozenset(words) - WEAK, years=frozenset(years),
            phrase=frozenset(phrase),
            months=frozenset(i + 1 for i, m in enumerate(MONTHS) if m in words),
            days=frozenset(f"-{MONTHS.index((m[1] or m[4]).lower()) + 1:02d}-{int(m[2] or m[3]):02d}" for m in DAY.finditer(part)
                           if not UNTIL.search(part, max(0, m.start() - 12), m.start())),
            pub_day=pub_day,
            parties=frozenset(parties),
            classes=classes,
            phrase_months=frozenset(i + 1 for i, m in enumerate(MONTHS) if m in phrase),
            named_words=named_words,
            elsewhere=unplaced.intersection(in_phrase),
            acts=acts_of(part) if "deal" in classes else frozenset(),  # what a deal did: for "deal" nouns only
            creates=not CREATE.isdisjoint(phrase),
            # (places beside the noun are places of its phrase: most phrases have none)
            beside=frozenset((m.type, m.slug) for m in mentions if m.type == "locations" and ref.start <= m.start < end and (
                (m.end <= ref.noun_start and PLACE_BEFORE_NOUN.fullmatch(text, m.end, ref.noun_start))
                or (m.start >= ref.end and PLACE_AFTER_NOUN.fullmatch(text, ref.end, m.start))))
            if any(k[0] == "locations" for k in in_phrase) else frozenset(),
        )


def _subject(text: str, mentions: Sequence[Mention], verb: int) -> set[tuple[str, str]]:
    """The actors named in the clause before a verb at ``verb`` (at most 80 characters back): its subject."""
    lo = max(max(text.rfind(c, 0, verb) for c in ".;:!?\n") + 1, verb - 80)
    return {(m.type, m.slug) for m in mentions if m.type == "actors" and lo <= m.start < verb}


# "a deal with Damascus to defy Turkey": the one a deal is against is no party to it
AGAINST = re.compile(r"\b(?:against|defy|confront|challenge|counter|resist|repel|halt|stop|deter)\s+(?:the\s+)?$")
WITH = re.compile(r"\s+with\s")
# "the SDF announced Sunday that a deal…": the verb of a clause whose subject tells a side of the deal after it
SAID_THAT = re.compile(r"\b(?:announced|said|says|confirmed|declared|revealed|stated)\b[^.;:!?\n]{0,20}?\bthat\s+$")
# The clause before a reference when it ends on the verb that made the agreement: "the US, Russia and Jordan agreed".
AGREED_BY = re.compile(r"\b(?:agreed|signed|reached|brokered|struck|concluded|negotiated|adopted|passed|approved)\s+(?:(?:on|to)\s+)?(?:[\w’'-]+\s+)?$")
# "by mid-2014", "until the end of 2025": a deadline the agreement sets, not the year it was made
DEADLINE = re.compile(r"\b(?:by|until|till|through|before)\s+(?:(?:mid|early|late|end)[- ]|the (?:end|middle|start|beginning) of\s+"
                      rf"|(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})\s+(?:\d{{1,2}},?\s+)?)?$")
UNTIL = re.compile(r"\b(?:until|till|through)\s+(?:the\s+)?$", re.I)  # "until January 10": when it ends, not its day
PRESS = re.compile(r"\b(?:news|press)\s+$", re.I)
NAMED_AFTER = re.compile(r"\s+of\s+[A-Z]")
HOMES = re.compile(r"\b(?:refugees?|displaced|IDPs?|informal|tented|makeshift|Israeli|Jewish|illegal|residential|rural|human|nearby|small)\s+$", re.I)
PLACE_BEFORE_NOUN, PLACE_AFTER_NOUN = re.compile(r"\s+(?:peace\s+)?"), re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")
CREATE = frozenset("create creates creating establish establishes establishing".split())


def specific(p: Profile, ctx: Context) -> bool:
    """One clue that points at this agreement rather than at any: its name nearby, its place or words in the reference's
    own phrase, its day or year, an article dated just after it. Places and parties alone are shared by too many."""
    # Called for every candidate of every reference, most of which fail every test: the tests allocate nothing.
    return bool((p.key in ctx.named and p.key in ctx.near) or not ctx.in_phrase.isdisjoint(p.places)
                or not p.words.isdisjoint(ctx.phrase)
                or (len(ctx.parties) >= 2 and len(ctx.parties.intersection(p.parties)) >= 2)
                or (ctx.days and p.date[4:] in ctx.days) or (ctx.years and p.year in ctx.years)
                or (ctx.pub_day is not None and p.day is not None and ctx.pub_day - p.day <= 45 and recent_and_near(p, ctx))
                or (ctx.pub_day is None and not ctx.years and undated_clue(p, ctx))
                or (p.acts and ctx.acts and acted_near(p, ctx)))


def acted_near(p: Profile, ctx: Context) -> bool:
    """A deal named by what it did beside its own place: "allowed to evacuate Raqqa, in a deal" (not "a ceasefire": what
    a truce does is stop fighting, and evacuations happen under many)."""
    return not p.acts.isdisjoint(ctx.acts) and any(p.places[k] >= 3.0 for k in p.local & ctx.near)


def undated_clue(p: Profile, ctx: Context) -> bool:
    """In an article without a date or a year: its words nearby with a place of its own, two of its words (not those of a
    person the article names), or two of its own places ("the Sheikh Maqsoud and Ashrafieh neighborhoods")."""
    return ((not p.words.isdisjoint(ctx.words) and (any(w >= 2.0 for k, w in p.places.items() if k in ctx.near)
                                                    or len(p.words & ctx.words - ctx.named_words) >= 2))
            or (len(p.local) >= 2 and len(p.local & ctx.near) >= 2))


def recent_and_near(p: Profile, ctx: Context) -> bool:
    """An agreement of the weeks before the article is one it may mean when its parties, a place few agreements share or
    its words are near: not for Syria alone ("the recent deals" a month after the US–Russia deconfliction arrangement)."""
    return not ctx.near.isdisjoint(p.parties) or not ctx.near.isdisjoint(p.local) or not p.words.isdisjoint(ctx.words)


def evidence(p: Profile, cls: str, ctx: Context) -> dict[str, float]:
    """Each clue for agreement ``p`` and its weight; their sum is the candidate's score (nothing without a ``specific``
    clue)."""
    if not specific(p, ctx):
        return {}
    if ctx.creates and not p.nouns:
        return {}  # "a deal … to create a buffer zone": the zone, named without any agreement noun, is what it made
    why: dict[str, float] = {}
    if p.by_place and any((k, cls) in p.by_place for k in ctx.beside):
        why["named by its place"] = 4.0  # "the political process in Geneva": the Geneva process
    if p.key in ctx.named:
        why["named"] = 3.0 if p.key in ctx.near else 1.0  # "the deal" right after its name is that deal
    spread = min(1.0, 3 / len(p.places)) if p.places else 0.0  # an agreement over ten places says little of each
    if here := sum(w for k, w in p.places.items() if k in ctx.in_phrase):
        why["place in phrase"] = min(4.0, 4 / 3 * here * spread)
    if near := sum(w for k, w in p.places.items() if k in ctx.near and k not in ctx.in_phrase):
        why["place"] = min(3.0, 2 / 3 * near * spread)
    if far := sum(w / 6 for k, w in p.places.items() if k in ctx.anywhere and k not in ctx.near):
        why["place in article"] = min(0.5, far * spread)
    if near := sum(w for k, w in p.parties.items() if k in ctx.near):
        why["party"] = min(1.5, near)
    if far := sum(w / 4 for k, w in p.parties.items() if k in ctx.anywhere and k not in ctx.near):
        why["party in article"] = min(0.5, far)
    if here := p.words & ctx.phrase:
        why["words in phrase: " + " ".join(sorted(here))] = 3.0
    if near := p.words & ctx.words - ctx.phrase:
        why["words: " + " ".join(sorted(near))] = min(3.0, 1.5 * len(near))
    if both := len(ctx.parties.intersection(p.parties)):
        why["parties in phrase"] = 3.0 if both >= 2 else 1.0  # "the Russian-Turkish agreement"
    if cls in p.nouns:
        why["noun"] = 1.0
    if ctx.elsewhere and p.local:
        why["another place in phrase"] = -3.0  # "a deal with ISIS in Baghouz" is not the one made in Raqqa
    if p.acts and ctx.acts and acted_near(p, ctx):
        why["what it did, near its place"] = 3.0  # "allowed to evacuate Raqqa, in a deal": the Raqqa evacuation deal
    if p.kind in MEETINGS and cls in MADE and cls not in p.titled:
        why["talks, not what they agreed"] = -3.0
    if (ctx.classes - {cls}) & p.nouns:
        why["nouns in phrase"] = 1.0  # "an agreement for a ceasefire": a ceasefire agreement
    if p.kind and p.kind != cls and p.kind in ctx.classes:
        why["kind in phrase"] = 1.0  # … and one that is a ceasefire rather than a deal that brought one
    if len(p.parties) >= 2 and set(p.parties) <= ctx.parties:
        why["all parties in phrase"] = 1.0  # "the Russian-Turkish agreement": between those two, not five
    if ctx.days and len(p.date) == 10 and p.date[4:] in ctx.days:
        why["day"] = 4.0  # "On February 22nd … adopted a resolution": a day of the year names nearly one agreement
    if ctx.phrase_months and not ctx.years and p.month is not None:
        why["month in phrase"] = 2.0 if p.month in ctx.phrase_months else -2.0  # "a September ceasefire deal"
    if ctx.years and p.year is not None:
        why["year"] = (2.0 + (1.0 if p.month in ctx.months else 0.0)) if p.year in ctx.years else -2.0
    if ctx.pub_day is not None and p.day is not None:
        age = ctx.pub_day - p.day
        # An old agreement is seldom the one meant, unless it still stands: a resolution in force, talks going on.
        why["age"] = 3.0 if age <= 45 else 1.0 if age <= 400 else -2.0 if age > 1100 and not p.standing else 0.0
    return why
