"""Entities the registry does not know yet, found by patterns a reader would trust.

"Col. Ryan Dillon", "the town of Al-Qa'im", "Rukban camp", "the March 5 agreement",
"Military Operations Command (MOC)". A discovery is only a proposal: it becomes a page
marked ``status: proposed`` for an editor to accept, rename or merge; it never touches a
name the registry already matches, and generic words never qualify.
"""

from __future__ import annotations

import re
from bisect import insort
from collections.abc import Iterable, Iterator
from itertools import chain

from generator.content.model import Proposal
from generator.text import people
from generator.text.names import GENERIC, LOWER, MONTH_NAMES, MONTHS, PLACE, PLACE_BARE, POSSESSOR, TOKEN, UPPER
from generator.text.spans import disjoint, overlaps
from generator.text.stretches import Stretched, Triggers

PLACE_OF = re.compile(rf"\b(?:town|village|city|district|neighbou?rhood|suburb|hamlet|camp|area|settlement|direction) of {PLACE}\b")
# "villages along the road in central Hama, including Karnaz, Tal Melh and Hayalin": a few words may come between.
# "the settlements of Nahsheba, Qallat Marza (twice), Arafit": a word in brackets may follow a name.
_ITEM = rf"{PLACE_BARE}(?:[^\S\n]*\([a-z ]{{1,20}}\))?"
PLACE_LIST = re.compile(
    rf"\b(?:towns|villages|neighbou?rhoods|districts|cities|hamlets|camps|settlements|direction)"
    rf"(?: of|(?:[^\S\n]+[\w’'-]+){{0,10}}?,?[^\S\n]+(?:such as|including|like)) "
    rf"(?P<list>{_ITEM}(?:, {_ITEM})*(?:,? and {_ITEM})?)"
)
# "IDP sites in Al-Hassakeh, Qamishli, Mabrouka and Karama": a list a locative word opens, whose names the registry
# partly knows as places (two at least), is a list of places.
PLACE_SERIES = re.compile(rf"\b(?:in|near|to|towards|around|across|including)[^\S\n]+"
                          rf"(?P<list>{PLACE_BARE}(?:, {PLACE_BARE})+,? and {PLACE_BARE})(?![\w’'-])")
# A body named in full with no acronym: "the United Nations Conference on Trade and Development", "the International
# Organization of La Francophonie". Its first word says it is international, one word of it what kind of body it is.
ORG_NAME = re.compile(r"\b[Tt]he[^\S\n]+(?P<name>(?:United Nations|International|World|European|Arab|Global|Islamic)"
                      r"(?:[^\S\n]+(?:[A-Z][\w’'-]+|(?:of|for|on)(?:[^\S\n]+the)?|and(?![^\S\n]+the\b)|La|de)){1,7})")


ORG_HEADS = frozenset("Organization Organisation Committee Service Agency Office Fund Programme Program Commission Institute "
                      "Centre Center Association Federation Foundation Network Society Council Union Court Tribunal Mission "
                      "Bank Forum Conference".split())
# "the Ithriya–Khanasir road": a road named after the two places it joins (they may be known places).
ROAD = re.compile(r"\b(?P<a>[A-Z][\w’']+(?:[- ](?:al|el|Al|El|ez|Ez)-?[A-Z]?[\w’']+)?)[-–](?P<b>[A-Z][\w’']+(?:[- ](?:al|el|Al|El|ez|Ez)-?[A-Z]?[\w’']+)?)"
                  r"[^\S\n]+(?P<noun>road|highway)\b")


ROAD_BEFORE = re.compile(ROAD.pattern + "$")
# A strike report's line: "-- Near Rawah, two strikes destroyed…".
NEAR_LINE = re.compile(rf"^(?:[-–—•*]+[^\S\n]*)?Near[^\S\n]+{PLACE},", re.M)
# "Aleppo's Handrat, al-Wasita and Jubb al-Hamir neighborhoods": the list before its noun.
PLACE_LIST_BEFORE = re.compile(
    rf"(?<![\w’'-])(?P<list>{PLACE_BARE}(?:, {PLACE_BARE})+(?:,? and {PLACE_BARE})?)[^\S\n]+"
    rf"(?:neighbou?rhoods|villages|towns|districts|camps)\b")
# Facilities are named with a capital as often as not ("Roj Hospital", "the Andalus collective centre").
FACILITIES = r"hospital|school|mosque|market|roundabout|rotary|bakery|water station|collective cent(?:re|er)"
PLACE_NOUN = re.compile(  # the name may be quoted: 'an attack on the "Jisren" school'
    rf"\b{PLACE}(?:[\"”](?=\s))?\s+(?P<noun>(?i:refugee camp|displacement camp|camp)|border crossing|crossing|checkpoint|air ?base|airbase"
    r"|military base|base|airport|airfield|dam|prison|Prison|oil field|gas field|bridge|corridor|neighbou?rhood|district|quarter"
    r"|Road|Street|(?i:square)"
    rf"|mountains|valley|plain|(?i:{FACILITIES}))\b"
)
# "In Dahr al-Jabal, seven villas", "shelling near Kafr al-Naha": a name with the article after a locative word. Names of
# armed groups and people are built the same way ("in Jaish al-Islam", "in Ali al-Hajj's house"): their first words and a
# possessive say so.
PLACE_PARTICLE = re.compile(rf"\b(?:[Ii]n|near|inside|outside|into|towards?|around)\s+"
                            rf"(?P<name>{TOKEN}\s+(?:al|el|Al|El)-[{UPPER}][{LOWER}]+)(?![\w’'-])")


GROUP_WORDS = frozenset("jaish jabhat harakat liwa ahrar faylaq kataib katibat saraya ansar hizb jund hayat tahrir abu umm bin ibn "
                        "sheikh shaykh".split())
# "near the Hasan Agha village": "the" opens it (a pattern apart from PLACE_NOUN, which "town" would wake too often).
PLACE_VILLAGE = re.compile(rf"\b[Tt]he\s+{PLACE}\s+(?P<noun>village|town|area|sector)\b")  # "the Wadi Hmayyed area"
AREA_KINDS = {"area": "region", "sector": "neighbourhood"}
# "liberate al-Dashisha, Syria, from", "from Chebaa, Southern Lebanon to": a name the text places in a country, the
# country set off by commas or ending the sentence ("Jaafari, Syria's envoy" is a person and a possessive).
_COUNTRIES = r"(?:Syria|Lebanon|Iraq|Jordan|Turkey|Türkiye|Israel)"
COUNTRY = re.compile(_COUNTRIES)
IN_COUNTRY = re.compile(
    rf",\s+(?:(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)(?:ern|-?(?:[Ee]ast|[Ww]est)(?:ern)?)?\s+)?{_COUNTRIES}(?=\s*(?:[,.;:)]|\(|\s+(?:from|to|on|in)\b)|$)"
)
PLACE_BEFORE = re.compile(rf"(?<![\w’'-]){PLACE}$")
_AGREEMENT_NOUN = r"agreement|deal|accord|memorandum|cease-?fire|truce|protocol|understanding|arrangement|settlement|road ?map"
AGREEMENT_DATED = re.compile(
    rf"\b(?P<name>(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}))\s+(?P<noun>{_AGREEMENT_NOUN})\b"
)
AGREEMENT_NAMED = re.compile(
    rf"\b(?P<name>{TOKEN}(?:\s+{TOKEN}){{0,2}})\s+(?P<noun>Agreement|Accord|Memorandum|Protocol|Declaration|Communiqu[eé]|Framework"
    r"|Initiative|Process|Talks|Conference|Congress|Summit|Ceasefire|Truce|Deal|Road Map|Roadmap|Understanding|Settlement)\b"
)
AGREEMENT_PAIR = re.compile(
    rf"\b(?P<name>[A-Z][\w’']+(?:\s*[-–]\s*[A-Z][\w’']+)+)\s+(?P<noun>{_AGREEMENT_NOUN}|talks|summit)\b"
)
# A state in the possessive, and its adjective, which names its ministry: "Turkey's Interior Ministry" is the Turkish one.
ADJECTIVE = {"Kazakhstan": "Kazakh", "China": "Chinese", "Russia": "Russian", "Turkey": "Turkish", "Iran": "Iranian",
             "Iraq": "Iraqi", "Jordan": "Jordanian", "Lebanon": "Lebanese", "Saudi Arabia": "Saudi", "Qatar": "Qatari",
             "Egypt": "Egyptian", "Syria": "Syrian", "Israel": "Israeli", "Britain": "British", "France": "French",
             "Germany": "German", "Italy": "Italian", "Canada": "Canadian", "Kuwait": "Kuwaiti", "Oman": "Omani",
             "Bahrain": "Bahraini", "Algeria": "Algerian", "Morocco": "Moroccan", "Tunisia": "Tunisian", "Libya": "Libyan"}
_NATION = "(?:" + "|".join(["US", r"U\.S\.", "American", "Emirati", "Dutch", *ADJECTIVE.values()]) + ")"
_PORTFOLIO = r"(?:Foreign(?:\s+Affairs)?|Defen[cs]e|Interior|Justice|Health|Transport|Energy|Oil|Information|Finance|Economy|Education|Awqaf|Social Affairs)"
_STATE = rf"(?P<state>{'|'.join(ADJECTIVE)})['’]s"
# "the Kazakh Foreign Ministry", "Kazakhstan's Foreign Ministry": a state's ministry, named by its adjective or possessive
MINISTRY = re.compile(rf"\b(?P<name>(?P<nation>{_NATION}|{_STATE})\s+(?:{_PORTFOLIO}\s+Ministry"
                      rf"|Ministry\s+of\s+(?:(?:National|Internal|Foreign)\s+)?{_PORTFOLIO}))\b")
# An acronym: capitals and digits, or small letters between capitals ("FinCEN"), never a word ("Reuters"), nor a plural.
_ACRONYM = r"[A-Z](?:[A-Z0-9&]{1,8}|[A-Za-z0-9&]{1,7}[A-Z0-9])"
ORG_ACRONYM = re.compile(
    rf"\b(?P<name>{TOKEN}(?:\s+(?:of|for|the|and|al-|in)?\s*{TOKEN}){{1,6}})\s*\((?P<acr>{_ACRONYM})\)"
)
# Every case of each facility noun's first word (the noun is matched in any case): the triggers of "place noun".
_FACILITY_WORDS = tuple(sorted({v for w in ("hospital", "school", "mosque", "market", "roundabout", "rotary", "bakery", "water",
                                             "collective", "camp")
                                for v in (w, w.capitalize(), w.upper())}))


STRETCHED = {
    "place noun": Stretched(PLACE_NOUN, ("camp", "crossing", "checkpoint", "base", "airport", "field", "dam", "prison", "Prison",
                                         "bridge", "corridor", "neighbourhood", "neighborhood", "district", "quarter",
                                         "mountains", "valley", "plain", "Road", "Street", "square", "Square",
                                         *_FACILITY_WORDS), inside="-\"“”"),
    "place village": Stretched(PLACE_VILLAGE, ("village", "town", "area", "sector"), inside="-"),
    "agreement named": Stretched(AGREEMENT_NAMED, ("Agreement", "Accord", "Memorandum", "Protocol", "Declaration", "Communiqu",
                                                   "Framework", "Initiative", "Process", "Talks", "Conference", "Congress",
                                                   "Summit", "Ceasefire", "Truce", "Deal", "Road Map", "Roadmap",
                                                   "Understanding", "Settlement")),
    "agreement pair": Stretched(AGREEMENT_PAIR, ("-", "–"), inside="-–"),
    "organisation acronym": Stretched(ORG_ACRONYM, ("(",), inside="-()&"),
    "place of": Stretched(PLACE_OF, tuple(f"{noun} of" for noun in ("town", "village", "city", "district", "neighbourhood",
                                                                   "neighborhood", "suburb", "hamlet", "camp", "area",
                                                                   "settlement", "direction"))),
    "place list": Stretched(PLACE_LIST, ("towns", "villages", "neighbourhoods", "neighborhoods", "districts", "cities",
                                         "hamlets", "camps", "settlements", "direction"), inside=",-()"),
    "place list before": Stretched(PLACE_LIST_BEFORE, ("neighbourhoods", "neighborhoods", "villages", "towns", "districts",
                                                       "camps"), inside=",-"),
    "place particle": Stretched(PLACE_PARTICLE, ("al-", "el-", "Al-", "El-"), inside="-"),
    "agreement dated": Stretched(AGREEMENT_DATED, ("agreement", "deal", "accord", "memorandum", "cease", "truce", "protocol",
                                                   "understanding", "arrangement", "settlement", "road")),
    **people.STRETCHED,
}
# Words spotted in the same pass though no stretched pattern needs them: where a surname may speak alone.
TRIGGERS = Triggers(STRETCHED, people.SPOTTED)
DIGIT = re.compile(r"\d")
ACRONYM = re.compile(rf"\({_ACRONYM}\)")  # the end of ORG_ACRONYM, which is far cheaper to look for alone
PLACE_KINDS = {
    "refugee camp": "camp", "displacement camp": "camp", "border crossing": "crossing", "air base": "base",
    "military base": "base", "airfield": "airport", "oil field": "region", "gas field": "region", "corridor": "road",
    **{noun: "facility" for noun in ("hospital", "school", "mosque", "market", "roundabout", "water station",
                                     "collective centre", "collective center", "square")},
    "road": "road", "street": "road",
}
DESCRIPTIVE_NOUNS = {"neighbourhood": "neighbourhood", "district": "district", "quarter": "neighbourhood",
                     "mountains": "mountain", "valley": "region", "plain": "region"}
# "the Druze village", "the Kurdish-majority town": who lives there, not the place's name.
COMMUNITIES = frozenset("druze alawite alawi christian sunni shia shiite turkmen armenian assyrian yazidi ismaili circassian "
                        "bedouin border frontline".split())


OUTLET_WORDS = frozenset("news agency press times tv television channel radio observer post journal network monitor media daily gazette herald tribune".split())


def _meaningful(name: str) -> bool:
    """At least one word that is not generic, and nothing that looks like an outlet."""
    words = [w.strip("’'").lower() for w in re.split(r"[\s-]+", name) if w]
    if any(w in OUTLET_WORDS for w in words):
        return False
    return any(w not in GENERIC and len(w) > 2 for w in words)

HEADLINE_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")  # words of four letters or more: a headline capitalises them all


def _headline(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is a headline in title case, where a capital makes no name."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = HEADLINE_WORD.findall(text, start, len(text) if end < 0 else end)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _inhabitants(name: str) -> bool:
    """Whether a name says who lives in a place rather than naming it: "Druze", "Alawite"."""
    return not COMMUNITIES.isdisjoint(name.lower().replace("'", "").replace("’", "").split())  # "Shi'ite" too

ORG_FIRST = ("United Nations ", "International ", "World ", "European ", "Arab ", "Global ", "Islamic ")


def _org_names(text: str) -> Iterator[re.Match]:
    """``ORG_NAME.finditer(text)``, tried only where one of its first words is (far cheaper than a scan)."""
    starts = sorted({at for word in ORG_FIRST for at in _found(text, word)})
    end = 0
    for at in starts:
        if at >= end and (m := ORG_NAME.match(text, max(0, at - 4))) and m.start("name") == at:
            end = m.end()
            yield m


def _found(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + len(word))


def _roads(text: str) -> Iterator[re.Match]:
    """``ROAD.finditer(text)``, looked for only before " road" and " highway"."""
    for noun in (" road", " highway"):
        for at in _found(text, noun):
            if (m := ROAD_BEFORE.search(text, max(0, at - 60), at + len(noun))) is not None:
                yield m


def _place_series(text: str, places: list[tuple[int, int]]) -> Iterator[re.Match]:
    """``PLACE_SERIES.finditer(text)``, only in a text where two known places follow each other closely ("Al-Hassakeh,
    Qamishli"): a list holding two known places has such a pair, and most texts have none."""
    if any(0 < s2 - e1 <= 80 and ("," in text[e1:s2] or " and " in text[e1:s2]) for (_, e1), (s2, _) in zip(places, places[1:], strict=False)):
        yield from PLACE_SERIES.finditer(text)


def _free(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps no span of ``taken`` (disjoint and sorted: ``_take`` keeps it so)."""
    return not overlaps(taken, span[0], span[1])


def _take(span: tuple[int, int], taken: list[tuple[int, int]]) -> None:
    insort(taken, span)

PLACE_THEN_AGREEMENT = re.compile(
    r"\s+(?P<noun>truce|cease-?fire|deal|agreement|accord|memorandum|talks|meeting|summit|conference|initiative|settlement"
    r"|protocol|declaration|communiqu[eé]|understanding|[Jj]oint\s+[Ss]tatement)\b"  # "the Istanbul Joint Statement"
)


def discover(
    text: str, known_spans: Iterable[tuple[int, int]], place_spans: Iterable[tuple[int, int]] = ()
) -> list[tuple[Proposal, int, int]]:
    """Proposals found in ``text`` outside the spans the registry already matched.

    ``place_spans`` are known locations: "Manbij truce" after a known "Manbij" is an agreement.
    """
    known_spans, place_spans = list(known_spans), list(place_spans)
    taken = disjoint(known_spans)
    found: list[tuple[Proposal, int, int]] = []

    def add(proposal: Proposal, start: int, end: int, *, qualified: bool = False) -> None:
        if _free((start, end), taken) and (qualified or _meaningful(proposal.title)):
            found.append((proposal, start, end))
            _take((start, end), taken)

    for start, end in place_spans:
        m = PLACE_THEN_AGREEMENT.match(text, end)
        if m and text[start - 1:start] in {"-", "–"}:
            continue  # "the Russia-Turkey agreement" is the two states' agreement, not one named after Turkey
        if m and COUNTRY.fullmatch(text, start, end):
            continue  # "a new round of Syria talks": talks about the country, named after no place of their own
        if m and _free((end, m.end()), taken):
            title = f"{text[start:end]} {' '.join(m['noun'].lower().split())}"
            found.append((Proposal("agreements", title, "agreement", title), start, m.end()))
            _take((end, m.end()), taken)
    # Patterns that need a digit, "Ministry" or "(ACRONYM)" are not tried on a text without one: most texts have none.
    stretches = TRIGGERS.scan(text)
    for m in stretches.finditer("agreement dated") if DIGIT.search(text) else ():
        add(Proposal("agreements", f"{m['name']} {m['noun'].lower()}", "agreement", m.group(0)), m.start(), m.end(), qualified=True)
    for m in stretches.finditer("agreement pair"):
        add(Proposal("agreements", m.group(0), "agreement", m.group(0)), m.start(), m.end())
    for m in stretches.finditer("agreement named"):
        if not _headline(text, m.start()) and m.group(0).split()[0] not in MONTH_NAMES:
            # (a headline capitalises every word: "… Amid Prisoner Exchange and Stability Deal"; "the 22 October
            # Memorandum of Understanding" is named by its day, which the registry's agreements are looked up by)
            add(Proposal("agreements", m.group(0), "agreement", m.group(0)), m.start(), m.end())
    for m in stretches.finditer("organisation acronym") if ACRONYM.search(text) else ():
        if people.PERSON_NEXT.match(text, m.end()):
            continue  # "UN Emergency Relief Coordinator (ERC) Martin Griffiths": the title of an office, its holder named
        name = m["name"].strip()
        start = m.start("name")
        if name.startswith("The ") and " " in name[4:]:
            name, start = name[4:], start + 4  # "The Humanitarian Needs Assessment Programme (HNAP)"
        add(Proposal("actors", name, "organisation", m.group(0), (m["acr"],)), start, m.end())
    for m in MINISTRY.finditer(text) if "Ministry" in text else ():
        # the state's adjective alone may be known ("Kazakh" for Kazakhstan): the ministry's name is longer, and its own
        if _free((m.end("nation"), m.end()), taken) and not any(s < m.start() < e for s, e in taken):
            name = m["name"] if not m["state"] else f"{ADJECTIVE[m['state']]} {m['name'][m.end('nation') - m.start():].lstrip()}"
            found.append((Proposal("actors", name, "organisation", m["name"], (m["name"],) if m["state"] else ()),
                          m.start(), m.end()))
            _take((m.start(), m.end()), taken)
    member_for = people.MEMBER_FOR.finditer(text) if "Member for" in text else ()
    noble = people.NOBLE.finditer(text) if "noble " in text else ()
    labels = people.speakers(text)
    who = (m for m in stretches.finditer("person who") if not people.THE_BEFORE.search(text, max(0, m.start() - 5), m.start()))
    for matches in (stretches.finditer("person titled"), stretches.finditer("person apposition"), stretches.finditer("person after role"),
                    stretches.finditer("person role before"), stretches.finditer("person of body"),
                    people.org_speakers(text, stretches), stretches.finditer("person with body"), who, member_for, noble,
                    labels):
        for m in matches:
            name = people.person_name(m["name"])
            if " " in name and people.is_name(name) and name.rsplit(" ", 1)[-1] not in people.BUILDINGS:  # ("Special Envoy Pederson": no name)
                add(Proposal("actors", name, "person", name), m.end("name") - len(name), m.end("name"))
    for spans in chain(people.office_holders(stretches), people.surname_speakers(text, stretches)):
        # the longest name no known name overlaps, and no body's ("Chief of the Press and External Relation Section")
        if free := next((span for span in spans
                         if _free(span, taken) and text[span[0]:span[1]].rsplit(None, 1)[-1] not in people.BODY_WORDS), None):
            add(Proposal("actors", text[free[0]:free[1]], "person", text[free[0]:free[1]]), *free)
    for m in stretches.finditer("place noun"):
        if m["name"].split()[0] in {"Operation", "The"}:
            continue
        if (owner := POSSESSOR.match(m["name"])) and " " in m["name"]:
            m = PLACE_NOUN.match(text, m.start() + owner.end(), m.end())  # "Aleppo's Karam Daadaa neighborhood"
            if m is None:
                continue
        if not _meaningful(m["name"]) or _inhabitants(m["name"]):
            continue  # "the Palestinian refugee camp", "the High School", a "Shi'ite corridor": a kind of place, not its name
        noun = re.sub(r"\s+", " ", m["noun"].lower()).replace("airbase", "air base").replace("neighborhood", "neighbourhood")
        # A facility's noun written with a capital is part of its name: "Roj Hospital".
        titled = m["noun"][:1].isupper() and (PLACE_KINDS.get(noun) in ("facility", "road") or noun == "prison")
        full = f"{m['name']} {m['noun'] if titled else noun}"
        if titled and not _free((m.start(), m.end()), taken) and _free((m.start("noun"), m.end()), taken) \
                and all(e <= m.start("noun") for s, e in known_spans if s < m.end() and m.start() < e):
            # "Hama Prison", "Idlib Central Hospital": a facility named after a place the registry knows is a place of its own
            add(Proposal("locations", full, PLACE_KINDS.get(noun, "facility"), m.group(0)), m.start("noun"), m.end())
            continue
        if noun in DESCRIPTIVE_NOUNS:  # "Jabal al-Bishri mountains" is the place "Jabal al-Bishri"
            add(Proposal("locations", m["name"], DESCRIPTIVE_NOUNS[noun], m.group(0), (full,)), m.start(), m.end())
        else:
            add(Proposal("locations", full, PLACE_KINDS.get(noun, noun), m.group(0), (m["name"],)), m.start(), m.end())
    for m in IN_COUNTRY.finditer(text) if ", " in text else ():
        place = PLACE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if place is None or place["name"].split()[0] == "Operation":
            continue
        name = place["name"]
        while " " in name and name.split(" ", 1)[0].lower() in GENERIC:  # "In Kafr Zita, Syria": not "In"
            name = name.split(" ", 1)[1]
        if people.is_name(name):
            add(Proposal("locations", name, "town", name), place.end("name") - len(name), place.end("name"))
    for m in stretches.finditer("place of"):
        if m["name"].split()[0] not in {"Operation", "The"}:
            add(Proposal("locations", m["name"], "town", m["name"]), m.start("name"), m.end("name"))
    for m in stretches.finditer("place village"):
        name = m["name"]
        if not re.search(r"-[a-z]", name) and not _inhabitants(name):  # not "the Kurdish-majority town", "the Druze village"
            add(Proposal("locations", name, AREA_KINDS.get(m["noun"], m["noun"]), m.group(0), (f"{name} {m['noun']}",)),
                m.start("name"), m.end())
    for m in stretches.finditer("place particle"):
        first = m["name"].split()[0]
        if first.lower() not in GROUP_WORDS and first.lower() not in GENERIC and not m["name"].endswith(("'s", "’s")):
            add(Proposal("locations", m["name"], "town", m["name"]), m.start("name"), m.end("name"))
    for m in (*stretches.finditer("place list"), *stretches.finditer("place list before")):
        for name in re.finditer(PLACE_BARE, m["list"]):
            start, item = m.start("list") + name.start(), name.group(0)
            if (owner := POSSESSOR.match(item)) and " " in item:
                start, item = start + owner.end(), item[owner.end():]  # "Aleppo's Handrat"
            if item != "and" and not POSSESSOR.match(item) and not _inhabitants(item):
                add(Proposal("locations", item, "village", item), start, start + len(item))
    for m in _org_names(text):
        words = m["name"].split()
        while words and not words[-1][:1].isupper():
            words.pop()  # "… and" is not part of the name
        if len(words) < (4 if m["name"].startswith("United Nations") else 3) or not ORG_HEADS.intersection(words[1:]):
            continue  # ("the United Nations Office at Geneva" is cut at "at": "United Nations Office" names no one body)
        name = " ".join(words)
        start = m.start("name")
        # "the United Nations Conference on Trade and Development" is a body of its own, not the UN
        inner = start + len("United Nations ") if name.startswith("United Nations ") else start
        if _free((inner, start + len(name)), taken) and _meaningful(name) and "\n" not in m["name"]:
            found.append((Proposal("actors", name, "organisation", name), start, start + len(name)))
            _take((inner, start + len(name)), taken)
    for m in _roads(text):
        # known places may name its two ends, nothing known or found may overlap the rest
        clash = [span for span in known_spans if span[0] < m.end() and m.start() < span[1]
                 and not (m.start() <= span[0] and span[1] <= m.end("b"))]
        if not clash and not any(st < m.end() and m.start() < en for _, st, en in found) and people.is_name(f"{m['a']} {m['b']}"):
            title = f"{m['a']}–{m['b']} {m['noun']}"
            found.append((Proposal("locations", title, "road", m.group(0), (m.group(0),) if m.group(0) != title else ()),
                          m.start(), m.end()))
            _take((m.end("b"), m.end()), taken)
    starts = {start for start, _ in place_spans}
    for m in _place_series(text, sorted(place_spans)):
        items = [(m.start("list") + n.start(), n.group(0)) for n in re.finditer(PLACE_BARE, m["list"]) if n.group(0) != "and"]
        if sum(start in starts for start, _ in items) >= 2:
            for start, item in items:
                if start not in starts and not POSSESSOR.match(item) and not _inhabitants(item) and people.is_name(item) \
                        and item.split()[0].lower().rstrip(".") not in people.TITLE_WORDS:
                    add(Proposal("locations", item, "village", item), start, start + len(item))
    for m in NEAR_LINE.finditer(text) if "Near " in text else ():
        if people.is_name(m["name"]):
            add(Proposal("locations", m["name"], "town", m["name"]), m.start("name"), m.end("name"))
    return sorted(found, key=lambda f: (f[1], f[2]))
