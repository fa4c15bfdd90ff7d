"""Entities the registry does not know yet, found by patterns a reader would trust.

"Col. Ryan Dillon", "the town of Al-Qa'im", "Rukban camp", "the March 5 agreement",
"Military Operations Command (MOC)". A discovery is only a proposal: it becomes a page
marked ``status: proposed`` for an editor to accept, rename or merge; it never touches a
name the registry already matches, and generic words never qualify.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

import ahocorasick

from generator.content.model import Proposal
from generator.text.spans import disjoint, overlaps

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_NAMES = frozenset(_MONTHS.split("|"))
_UPPER, _LOWER = "A-ZÀ-ÖØ-ÞŞĞİÇ", "a-zß-öø-ÿşğıç’'"
# A token starts with a capital or with the a/e/b/i of al-, el-, abu-, bin-, ibn-: the lookahead in front of it says so,
# so that most words fail one test rather than every alternative.
_TOKEN = (rf"(?=[{_UPPER}aebi])(?:[{_UPPER}](?:a?c[{_UPPER}]|['’][{_UPPER}])?[{_LOWER}]+(?:-"
           rf"[{_UPPER}]?[{_LOWER}]+)*|(?:al|el|Al|El|Abu|abu|bin|ibn|Bin|Ibn|Umm|Tel|Tal)-[{_UPPER}][{_LOWER}]+)")
_PERSON = rf"(?P<name>{_TOKEN}(?:[^\S\n]+(?:al-|el-|bin\s|ibn\s|abu\s|Abu\s|de\s|van\s|von\s|Al-)?{_TOKEN}){{1,3}})"
_PLACE_BARE = rf"(?:{_TOKEN}(?:-\d+)?(?:\s+(?:al-|el-|Al-|al\s+|el\s+)?{_TOKEN}){{0,2}}|(?:al|el)-[A-Z][a-z’']+)"  # "Khirbat al Ghazalah"
_PLACE = rf"(?P<name>{_PLACE_BARE})"
_TITLES = (
    r"(?:Lieutenant General|Lt\.? ?Gen\.|Major General|Maj\.? ?Gen\.|Brigadier General|Brig\.? ?Gen\.|General|Gen\."
    r"|Lieutenant Colonel|Lt\.? ?Col\.|Colonel|Col\.|Major|Maj\.|Captain|Capt\.|Admiral|Adm\.|Brigadier|Commander"
    r"|Lieutenant|Lt\.|Staff Sergeant|Staff Sgt\.|Sergeant Major|Sergeant|Sgt\.|Lance Corporal|Corporal|Cpl\.|Amb\."
    r"|Sheikh|Shaykh|Imam|Emir|President|Vice President|Prime Minister|Foreign Minister|Defen[cs]e Minister"
    r"|Under[-‑]?Secretary[-‑]General|Under[-‑]?Secretary of State|Under[-‑]?Secretary|Assistant Secretary[-‑]General"
    r"|Assistant Secretary of State|Deputy Secretary[-‑]General|Secretary[-‑]General|Secretary of State|Deputy Foreign Minister"
    r"|Deputy Prime Minister|Deputy Minister|Special Envoy|Special Representative|High Commissioner|Commissioner|Rapporteur"
    r"|Spokesman|Spokesperson|Spokeswoman|Professor|Prof\.|Ms\.|Mrs\.|Mr\."
    r"|Interior Minister|Minister|Ambassador|Envoy|Senator|Sen\.|Governor|Mayor|Dr\.|Judge"
    r"|Foreign Secretary|Home Secretary|Defen[cs]e Secretary|Rt\.? Hon\.?|Sir|Dame"
    r"|spokesperson|spokesman|spokeswoman|commander|envoy|ambassador|minister|official|leader|chief|sheikh|colonel|general|diplomat"
    r"|governor|director"
    r"|coordinator|negotiator|adviser|advisor|analyst|columnist|researcher|journalist|correspondent|author|blogger|activist)"
)
TITLE_WORDS = frozenset(
    "general colonel major captain admiral brigadier commander lieutenant sheikh shaykh imam emir president minister "
    "ambassador envoy senator governor mayor judge prime foreign defence defense interior vice dr mr mrs ms prof professor "
    "assistant deputy under-secretary secretary-general special high commissioner spokesman spokesperson spokeswoman "
    "secretary rt hon sir dame sergeant sgt staff corporal cpl lance amb".split()
)
PERSON_TITLED = re.compile(rf"\b{_TITLES}\s+{_PERSON}\b")
_ROLES = (r"(?i:spokes(?:person|man|woman)|commander|leader|official|envoy|minister|chief|head|director|general|colonel"
          r"|advis[eo]r|co-chair|chair(?:man|woman)?|member|coordinator|representative|secretary|deputy|negotiator|ambassador"
          r"|governor|mayor|founder|analyst|columnist|researcher|fellow|professor|journalist|correspondent|editor|activist"
          r"|president|rapporteur|commissioner|officer|expert|specialist|scholar)")
# People quoted as witnesses, after their name: "Ahmad Hassan, a resident of Douma", "Mohammed Jarad, brother-in-law of".
_WITNESSES = (r"(?i:resident|refugee|farmer|teacher|doctor|nurse|surgeon|student|volunteer|paramedic|mother|father|widow"
              r"|brother(?:-in-law)?|sister|cousin)")
PERSON_APPOSITION = re.compile(  # "Robert Mardini, the ICRC's head of operations": "the" and a possessive may lead the role
    rf"{_PERSON},[^\S\n]+(?:the\s+[\w‑-]+['’]s\s+|(?:(?:a|an|the|its|his|her|their)\s+)?)"
    rf"(?:(?:U\.N\.|U\.S\.|U\.K\.|[\w‑-]+)\s+){{0,4}}?(?:{_ROLES}|{_WITNESSES})s?\b"
)
PERSON_OF_BODY = re.compile(  # "Fadwa Baroud of the U.N. Office…": a person named by the body they speak for
    rf"{_PERSON}\s+(?:of|from|at|with)\s+the\s+(?:U\.N\.|UN\b|United Nations|International Committee|Red Cross|Red Crescent"
    r"|World Food|World Health)")
# ... or any body, when the person then speaks: "Hadi Abdullah of the Syrian Revolution General Commission told AFP".
# "Nasser Haj Mansour, of the predominantly Kurdish Syria Democratic Forces, said": a person set off by the body they
# belong to, then speaking.
PERSON_WITH_BODY = re.compile(rf"{_PERSON}, (?:of|with|from) the [^,.;:\n]{{3,90}},\s+(?:said|told|added|says)\b")  # as triggered
# The body and the verb are looked for first, the name then before them (a name first would be tried at every capital).
ORG_SPEAKS = re.compile(r"[^\S\n]+(?:of|from)\s+the\s+[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|for|of|and)){0,6}\s+(?:told|said|says)\b")
PERSON_BEFORE = re.compile(rf"(?<![\w’'-]){_PERSON}$")
# "the Russian Ambassador to the UK, Alexander Yakovenko,", "the ICRC head of delegation in Syria, Marianne Gasser,": the
# role may name what it heads and where or whom it serves.
PERSON_AFTER_ROLE = re.compile(  # "A spokesman for the rebel Free Syrian Army in Aleppo, Abou Firas, told", "…, Ravina Shamdasani"
    rf"\b{_ROLES}s?(?:\s+of\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*){{0,2}})?"
    rf"(?:\s+(?:to|for|in|at)\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}}){{0,2}},\s+{_PERSON}"
    r"(?=[^\w\s’'\-‑]|\n|$)")  # then any mark but a hyphen or an apostrophe: a mark, or the end of its stretch
# "analyst Mahmoud Abdel Salam claimed", "senior ISIS operative Omar Abdul Qader": a role noun right before a name.
PERSON_ROLE_BEFORE = re.compile(
    rf"\b(?:[Ss]pokes(?:man|woman|person)|[Aa]nalyst|[Aa]ctivist|[Oo]perative|[Rr]esearcher|[Jj]ournalist|[Cc]orrespondent"
    rf"|[Cc]olumnist|[Pp]ress [Ss]ecretary|[Oo]fficer|[Rr]esident|[Mm]echanic|[Ff]armer|[Tt]eacher|[Dd]octor|[Ss]hopkeeper"
    rf"|[Tt]rader|[Dd]river|[Pp]aramedic|[Vv]olunteer|[Rr]escuer|[Ss]urgeon)\s+{_PERSON}\b")
# "Commissioner for Humanitarian Aid and Crisis Management Christos Stylianides", "Minister of Switzerland Didier
# Burkhalter": an office named with what it is for, then its holder; the holder is what follows the office's words.
_OFFICES = (r"Commissioner|Minister|Secretary[-‑]General|Secretary|Coordinator|Representative|Envoy|Ambassador"
            r"|Director(?:[-‑]General)?|Adviser|Advisor|President|Chair(?:man|woman|person)?|Head|Chief|Rapporteur|Administrator")
OFFICE_HOLDER = re.compile(rf"\b(?:{_OFFICES})[^\S\n]+(?:for|of|on|to)[^\S\n]+(?:the[^\S\n]+)?"
                           rf"(?P<run>{_TOKEN}(?:[^\S\n]+(?:and|of|for|the|on|in|to|{_TOKEN})){{1,14}})")
CONNECTORS = frozenset("and of for the on in to".split())
OFFICE_WORDS = frozenset("""affairs humanitarian aid crisis management emergency relief coordinator human rights refugees refugee
political peacebuilding peace operations security policy foreign defence defense interior justice health development cooperation
trade economy economic finance energy environment migration children armed conflict women europe european middle east north africa
near americas asia commonwealth countering terrorism counter-terrorism disarmament prevention genocide protection civilians sexual
violence situation syria commission inquiry independent office assembly council state ministry department staff response plan
resident kingdom republic federation league organization organisation world food programme program fund agency special chief
executive board committee mission missions global public information communications strategic planning support field legal
counsel ethics oversight internal services safety prohibition chemical weapons reconstruction stabilisation stabilization transition
transitional expatriates diaspora religious freedom representative representatives delegate delegates distinguished
excellency excellencies colleagues members""".split())
# "explained Andrea Reis, who coordinates …": only a person is a "who" (not "the Army of Islam, who", which is loose).
PERSON_WHO = re.compile(rf"{_PERSON}, who\b")  # the trigger's own spacing: what clean leaves
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
POSSESSOR = re.compile(r"[^\s’']+['’]s\s+")  # "Aleppo's " before a name of its own
# Hansard: "the noble Lord, Lord Collins", "the noble Baroness, Baroness Smith of Basildon".
NOBLE = re.compile(rf"\bthe noble (?:and (?:gallant|learned) )?(?:Lord|Baroness|Lady|Earl|Viscount),\s+"
                   rf"(?P<name>(?:Lord|Baroness|Lady|Earl|Viscount)\s+{_TOKEN}(?:\s+of\s+{_TOKEN})?)")
# A transcript's speaker label at the start of a line: "Jim Shannon:", "Dominic Raab (Foreign Secretary):".
# Hansard also brackets a member's seat and party ("Alison McGovern (Wirral South) (Lab):"), or names a minister after
# the office ("The Minister for the Middle East (Dr Andrew Murrison):").
SPEAKER = re.compile(rf"(?P<name>{_TOKEN}(?:[^\S\n]+{_TOKEN}){{1,3}})(?:[^\S\n]*\([^()\n]{{1,80}}\)){{0,3}}:")
OFFICE_SPEAKER = re.compile(rf"(?:The[^\S\n]+)?[A-Z][\w’'-]*(?:[^\S\n]+(?:[A-Z][\w’'-]*|for|of|the|and)){{1,8}}[^\S\n]*"
                            rf"\((?:(?:Dr|Mr|Mrs|Ms|Sir|Dame)\.?[^\S\n]+)?(?P<name>{_TOKEN}(?:[^\S\n]+{_TOKEN}){{1,3}})\):")
# Words a headline ends its first part on ("Aleppo Is Burning: …"), never a speaker's name.
HEADLINE_WORDS = frozenset("is are was were be been the of to in on for and with at by from as how why what when where "
                           "will can not no says say said make makes show shows".split())
# Hansard: "the hon. Member for Barrow and Furness (John Woodcock)".
MEMBER_FOR = re.compile(rf"\bMember for [A-Z][\w’' -]{{0,60}}?\(\s*(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{1,3}})\s*\)")
PLACE_OF = re.compile(rf"\b(?:town|village|city|district|neighbou?rhood|suburb|hamlet|camp|area|settlement|direction) of {_PLACE}\b")
# "villages along the road in central Hama, including Karnaz, Tal Melh and Hayalin": a few words may come between.
# "the settlements of Nahsheba, Qallat Marza (twice), Arafit": a word in brackets may follow a name.
_ITEM = rf"{_PLACE_BARE}(?:[^\S\n]*\([a-z ]{{1,20}}\))?"
PLACE_LIST = re.compile(
    rf"\b(?:towns|villages|neighbou?rhoods|districts|cities|hamlets|camps|settlements|direction)"
    rf"(?: of|(?:[^\S\n]+[\w’'-]+){{0,10}}?,?[^\S\n]+(?:such as|including|like)) "
    rf"(?P<list>{_ITEM}(?:, {_ITEM})*(?:,? and {_ITEM})?)"
)
# "IDP sites in Al-Hassakeh, Qamishli, Mabrouka and Karama": a list a locative word opens, whose names the registry
# partly knows as places (two at least), is a list of places.
PLACE_SERIES = re.compile(rf"\b(?:in|near|to|towards|around|across|including)[^\S\n]+"
                          rf"(?P<list>{_PLACE_BARE}(?:, {_PLACE_BARE})+,? and {_PLACE_BARE})(?![\w’'-])")
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
NEAR_LINE = re.compile(rf"^(?:[-–—•*]+[^\S\n]*)?Near[^\S\n]+{_PLACE},", re.M)
# "Aleppo's Handrat, al-Wasita and Jubb al-Hamir neighborhoods": the list before its noun.
PLACE_LIST_BEFORE = re.compile(
    rf"(?<![\w’'-])(?P<list>{_PLACE_BARE}(?:, {_PLACE_BARE})+(?:,? and {_PLACE_BARE})?)[^\S\n]+"
    rf"(?:neighbou?rhoods|villages|towns|districts|camps)\b")
# Facilities are named with a capital as often as not ("Roj Hospital", "the Andalus collective centre").
FACILITIES = r"hospital|school|mosque|market|roundabout|rotary|bakery|water station|collective cent(?:re|er)"
PLACE_NOUN = re.compile(  # the name may be quoted: 'an attack on the "Jisren" school'
    rf"\b{_PLACE}(?:[\"”](?=\s))?\s+(?P<noun>(?i:refugee camp|displacement camp|camp)|border crossing|crossing|checkpoint|air ?base|airbase"
    r"|military base|base|airport|airfield|dam|prison|Prison|oil field|gas field|bridge|corridor|neighbou?rhood|district|quarter"
    r"|Road|Street|(?i:square)"
    rf"|mountains|valley|plain|(?i:{FACILITIES}))\b"
)
# "In Dahr al-Jabal, seven villas", "shelling near Kafr al-Naha": a name with the article after a locative word. Names of
# armed groups and people are built the same way ("in Jaish al-Islam", "in Ali al-Hajj's house"): their first words and a
# possessive say so.
PLACE_PARTICLE = re.compile(rf"\b(?:[Ii]n|near|inside|outside|into|towards?|around)\s+"
                            rf"(?P<name>{_TOKEN}\s+(?:al|el|Al|El)-[{_UPPER}][{_LOWER}]+)(?![\w’'-])")
GROUP_WORDS = frozenset("jaish jabhat harakat liwa ahrar faylaq kataib katibat saraya ansar hizb jund hayat tahrir abu umm bin ibn "
                        "sheikh shaykh".split())
# "near the Hasan Agha village": "the" opens it (a pattern apart from PLACE_NOUN, which "town" would wake too often).
PLACE_VILLAGE = re.compile(rf"\b[Tt]he\s+{_PLACE}\s+(?P<noun>village|town|area|sector)\b")  # "the Wadi Hmayyed area"
AREA_KINDS = {"area": "region", "sector": "neighbourhood"}
# "liberate al-Dashisha, Syria, from", "from Chebaa, Southern Lebanon to": a name the text places in a country, the
# country set off by commas or ending the sentence ("Jaafari, Syria's envoy" is a person and a possessive).
_COUNTRIES = r"(?:Syria|Lebanon|Iraq|Jordan|Turkey|Türkiye|Israel)"
IN_COUNTRY = re.compile(
    rf",\s+(?:(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)(?:ern|-?(?:[Ee]ast|[Ww]est)(?:ern)?)?\s+)?{_COUNTRIES}(?=\s*(?:[,.;:)]|\(|\s+(?:from|to|on|in)\b)|$)"
)
PLACE_BEFORE = re.compile(rf"(?<![\w’'-]){_PLACE}$")
_AGREEMENT_NOUN = r"agreement|deal|accord|memorandum|cease-?fire|truce|protocol|understanding|arrangement|settlement|road ?map"
AGREEMENT_DATED = re.compile(
    rf"\b(?P<name>(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS}))\s+(?P<noun>{_AGREEMENT_NOUN})\b"
)
AGREEMENT_NAMED = re.compile(
    rf"\b(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{0,2}})\s+(?P<noun>Agreement|Accord|Memorandum|Protocol|Declaration|Communiqu[eé]|Framework"
    r"|Initiative|Process|Talks|Conference|Congress|Summit|Ceasefire|Truce|Deal|Road Map|Roadmap|Understanding|Settlement)\b"
)
AGREEMENT_PAIR = re.compile(
    rf"\b(?P<name>[A-Z][\w’']+(?:\s*[-–]\s*[A-Z][\w’']+)+)\s+(?P<noun>{_AGREEMENT_NOUN}|talks|summit)\b"
)
_NATION = r"(?:US|U\.S\.|American|Russian|Turkish|Syrian|Iranian|Iraqi|Israeli|Jordanian|Lebanese|Saudi|Qatari|Emirati|Egyptian|British|French|German)"
_PORTFOLIO = r"(?:Foreign|Defen[cs]e|Interior|Justice|Health|Transport|Energy|Oil|Information|Finance|Economy|Education|Awqaf|Social Affairs)"
MINISTRY = re.compile(rf"\b(?P<name>{_NATION}\s+(?:{_PORTFOLIO}\s+Ministry|Ministry\s+of\s+(?:(?:National|Internal|Foreign)\s+)?{_PORTFOLIO}))\b")
PERSON_NEXT = re.compile(rf"\s+(?:{_TOKEN})\s+(?:{_TOKEN})\b")
# An acronym: capitals and digits, or small letters between capitals ("FinCEN"), never a word ("Reuters"), nor a plural.
_ACRONYM = r"[A-Z](?:[A-Z0-9&]{1,8}|[A-Za-z0-9&]{1,7}[A-Z0-9])"
ORG_ACRONYM = re.compile(
    rf"\b(?P<name>{_TOKEN}(?:\s+(?:of|for|the|and|al-|in)?\s*{_TOKEN}){{1,6}})\s*\((?P<acr>{_ACRONYM})\)"
)



@dataclass(frozen=True)
class Stretched:
    """A pattern tried only where it can match: in a stretch of text between two punctuation marks, around a trigger.

    Every match of ``pattern`` holds one of the ``triggers`` and no punctuation but ``inside`` (characters other than
    letters, digits, spaces and apostrophes), so its matches are those of ``finditer`` over the whole text, found
    without trying it at every capital letter (discovery was the largest cost of reading an article). A stretch ends
    at a character that is not a word character, so ``\\b`` at its end sees what it sees in the whole text.
    tests/test_discover.py checks both ways agree.
    """

    pattern: re.Pattern
    triggers: tuple[str, ...]
    inside: str = "-"


# Every case of each facility noun's first word (the noun is matched in any case): the triggers of "place noun".
_FACILITY_WORDS = tuple(sorted({v for w in ("hospital", "school", "mosque", "market", "roundabout", "rotary", "bakery", "water",
                                             "collective", "camp")
                                for v in (w, w.capitalize(), w.upper())}))
_ROLE_WORDS = ("spokes", "commander", "leader", "official", "envoy", "minister", "chief", "head", "director", "general",
               "colonel", "advis", "chair", "member", "coordinator", "representative", "secretary", "deputy", "negotiator",
               "ambassador", "governor", "mayor", "founder", "analyst", "columnist", "researcher", "fellow", "professor",
               "journalist", "correspondent", "editor", "activist", "president", "rapporteur", "commissioner", "operative",
               "officer", "expert", "specialist", "scholar")
_ROLE_WORDS += tuple(w.capitalize() for w in _ROLE_WORDS)  # every word _ROLES matches holds one, in either case
_WITNESS_WORDS = ("resident", "refugee", "farmer", "teacher", "doctor", "nurse", "surgeon", "student", "volunteer", "paramedic",
                  "mother", "father", "widow", "brother", "sister", "cousin")
_WITNESS_WORDS += tuple(w.capitalize() for w in _WITNESS_WORDS)
# What PERSON_ROLE_BEFORE's roles hold whatever the case of their first letter.
_BEFORE_WORDS = ("pokes", "nalyst", "ctivist", "perative", "esearcher", "ournalist", "orrespondent", "olumnist", "ecretary",
                 "fficer", "esident", "echanic", "armer", "eacher", "octor", "hopkeeper", "rader", "Driver", "driver",
                 "aramedic", "olunteer", "escuer", "urgeon")
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
    "person apposition": Stretched(PERSON_APPOSITION, _ROLE_WORDS + _WITNESS_WORDS, inside=",-‑."),  # "., the U.N. resident coordinator"
    "person after role": Stretched(PERSON_AFTER_ROLE, _ROLE_WORDS, inside=",-‑"),
    "person role before": Stretched(PERSON_ROLE_BEFORE, _BEFORE_WORDS),
    "person who": Stretched(PERSON_WHO, (", who",), inside=",-‑"),
    # every title's first word ("Lt" of "Lt. Gen.", "Defen" of "Defence Minister"); a title may hold dots and hyphens
    "person titled": Stretched(PERSON_TITLED, tuple(sorted({re.match(r"[A-Za-z]+", t)[0] for t in _TITLES[3:-1].split("|")})),
                               inside=".-‑"),
    "office holder": Stretched(OFFICE_HOLDER, tuple(sorted({w for t in _OFFICES.split("|") for w in (re.match(r"[A-Za-z]+", t)[0],)})),
                               inside="-‑"),
    "person of body": Stretched(PERSON_OF_BODY, ("U.N.", "UN", "United Nations", "International Committee", "Red Cross",
                                                 "Red Crescent", "World Food", "World Health"), inside="-."),
    "person of org": Stretched(ORG_SPEAKS, ("told", "said", "says"), inside="-"),
    "person with body": Stretched(PERSON_WITH_BODY, (", of the", ", with the", ", from the"), inside=",-"),
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
}
_MARKS = re.compile(r"[^\w\s’']")


# Words spotted in the same pass though no stretched pattern needs them: where a surname may speak alone.
SPOTTED = {"speech": ("said", "says", "told", "added", "explained", "noted", "stressed", "warned", "continued", "wrote",
                      "asked", "argued", "recalled", "According to", "according to", "Mr", "Ms", "Dr", "Miss")}


def _triggers() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    spotted = {name: stretched.triggers for name, stretched in STRETCHED.items()} | SPOTTED
    for name, words in spotted.items():
        for word in words:
            automaton.add_word(word, (*automaton.get(word, (len(word),)), name))
    automaton.make_automaton()
    return automaton


_TRIGGERS = _triggers()


class Stretches:
    """One pass over a text for every ``Stretched`` pattern: where its punctuation is, where the triggers are."""

    def __init__(self, text: str):
        self.text = text
        self.marks = [(m.start(), m[0]) for m in _MARKS.finditer(text)]
        self.found: dict[str, list[int]] = {}
        self.cuts: dict[str, list[int]] = {}  # where the stretches end, for each set of marks a stretch may hold
        for end, (length, *names) in _TRIGGERS.iter(text):
            for name in names:
                self.found.setdefault(name, []).append(end - length + 1)

    def finditer(self, name: str) -> Iterator[re.Match]:
        starts = self.found.get(name)
        if not starts:
            return  # no trigger of this pattern in the text: nothing to cut
        stretched, text = STRETCHED[name], self.text
        cuts = self.cuts.get(stretched.inside)
        if cuts is None:
            cuts = self.cuts[stretched.inside] = [at for at, mark in self.marks if mark not in stretched.inside]
        done = -1
        for at in sorted(starts):
            i = bisect_right(cuts, at)
            start = cuts[i - 1] + 1 if i else 0
            if start > done:
                done = start
                yield from stretched.pattern.finditer(text, start, cuts[i] if i < len(cuts) else len(text))


DIGIT = re.compile(r"\d")
ACRONYM = re.compile(rf"\({_ACRONYM}\)")  # the end of ORG_ACRONYM, which is far cheaper to look for alone
GENERIC = frozenset(
    """the a an this that these those its their his her our my new old last next first second third final previous
    former current recent joint local regional national international islamic arab syrian russian turkish american
    iranian israeli iraqi jordanian lebanese kurdish western eastern northern southern central north south east west
    government army forces force ministry state states council president minister regime opposition rebels rebel
    coalition agreement deal talks meeting summit conference city town village camp base area region province
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december however meanwhile according also after before during while since although
    in on at by for from with of and or but as his security defense defence foreign interior military general
    colonel commander spokesman spokesperson official officials sources source news agency press times media
    daily post observer monitor network television tv radio channel report reports reuters afp ap bbc cnn statement
    operation operations peace human rights un united nations european union washington-based moscow-based
    palestinian informal makeshift nearby main largest besieged field public private primary secondary high""".split()
)
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


HONORIFICS = frozenset("mr mrs ms dr sir dame lord lady".split())
# Words of a clause in title case, two of which make no name: "We Will Now Do Ours" (one may: "Will Todman").
CLAUSE_WORDS = frozenset("will now do does did ours your yours we our you they their is are was were be been not must can "
                         "should would could shall has have had says said".split())
# The last word of a body's name, never of a person's or a place's: "the Press and External Relation Section".
BODY_WORDS = frozenset("Section Service Office Unit Department Division Branch Agency Committee Commission Council Ministry "
                       "Directorate Secretariat Mission Programme Program Fund Organization Organisation".split())
# The last word of a building's or a street's name: "President Wilson Hotel" is where a press conference was held.
BUILDINGS = frozenset("Hotel Palace Hall House Building Tower Centre Center Hospital School University Mosque Church Airport "
                      "Stadium Street Avenue Square Road Bridge Park Museum Embassy Consulate Room".split())


def _person(name: str) -> bool:
    """A name, not a phrase: no generic word in it ("In Damascus", "On Monday"), nor only an office's words ("Disarmament
    Affairs")."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    return not any(w.strip("’'").lower() in GENERIC for w in words) and not all(map(_office_word, words)) \
        and words[-1] not in BODY_WORDS and sum(w.lower() in CLAUSE_WORDS for w in words) < 2


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
    return not COMMUNITIES.isdisjoint(name.lower().split())


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


def _speakers(text: str) -> list[re.Match]:
    """Speaker labels of a transcript: a name with the speaker's office in brackets ("Dominic Raab (Foreign Secretary):"),
    or one that labels two turns or is named elsewhere in the text too. A heading ("Key Messages:", "Aleppo Is
    Burning:") is none of these."""
    labels = [m for m in _speaker_labels(text) if not HEADLINE_WORDS.intersection(m["name"].lower().split())]
    if not labels:
        return []
    names = Counter(m["name"] for m in labels)
    return [m for m in labels if m[0][len(m["name"]):].strip() != ":" or names[m["name"]] > 1
            or text.count(m["name"]) > names[m["name"]]]


def _speaker_labels(text: str) -> Iterator[re.Match]:
    """``SPEAKER`` tried at the start of each line with a colon in its first 120 characters (most texts have no colon)."""
    at, last = text.find(":"), -1
    while at != -1:
        start = text.rfind("\n", 0, at) + 1
        if start != last and at - start <= 120:
            last = start
            label = text[start:at]
            head = label.split("(", 1)[0].split()
            # a name of two to four words, each capitalised, before the colon or the bracketed office
            if 2 <= len(head) <= 4 and all(w[:1].isupper() for w in head) and (m := SPEAKER.match(text, start, at + 1)):
                yield m
            elif label.endswith(")") and (m := OFFICE_SPEAKER.match(text, start, at + 1)):
                yield m  # an office, then the name in brackets
        at = text.find(":", at + 1)


def _org_speakers(text: str, stretches: Stretches) -> Iterator[re.Match]:
    """The names right before "of the <body> told": PERSON_OF_BODY for any body, when the person then speaks."""
    for m in stretches.finditer("person of org"):
        if person := PERSON_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            yield person


# A person named in full once, then by surname alone as a speaker: "Yassin Alway … "I've been here for 12 days," Alway, 21,
# told", "Mr Eide said", "according to Savchenko". A reader takes the full name for a person from the repeated surname.
SPEECH = re.compile(r"\b(?:" + "|".join(sorted({*SPOTTED["speech"], "Mrs"}, key=len, reverse=True)) + r")\b")  # "Mr" spots "Mrs"
TOKEN = re.compile(_TOKEN)
SURNAME_AFTER = re.compile(rf"\.?[^\S\n]+({_TOKEN})(?![\w’'-]|[^\S\n]+[{_UPPER}])")  # "Mr Eide" and no further name
GIVEN_NAMES = re.compile(rf"(?:(?<![\w’'-]){_TOKEN}[^\S\n]+(?:(?:al-|el-|bin\s|ibn\s|abu\s|Abu\s|de\s|van\s|von\s)?{_TOKEN}[^\S\n]+)?)$")
ROLE_WORD = re.compile(_ROLES)
QUOTES = frozenset('"”\'’')
ADDRESS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Miss", "According to", "according to"})


def _surname_speakers(text: str, stretches: Stretches) -> Iterator[list[tuple[int, int]]]:
    """For each surname that speaks alone, the spans of its first full name, longest first ("Syria Vladimir Savchenko",
    "Vladimir Savchenko"): the first one free of known names is the person."""
    surnames: set[str] = set()
    for at in stretches.found.get("speech", ()):
        if text[at - 1:at].isalnum() or not (m := SPEECH.match(text, at)):
            continue  # inside a longer word ("Drone", "unsaid")
        word, surname = m[0], None
        address = word in ADDRESS
        # most speech words have no name beside them: a look at the first letter of the word after or before is enough
        if (address or text[max(0, at - 2):at] in {", ", "” ", '" '}) and _name_like(text[m.end():m.end() + 3].lstrip(". ")):
            if after := SURNAME_AFTER.match(text, m.end()):
                surname = after[1]  # "Mr Eide", "according to Savchenko", '…," said Alway'
        if surname is None and not address:
            # '…," Alway, 21, told', '…," Jibreel added': a surname right after a quote, then the speech word
            space = text.rfind(" ", max(0, at - 40), at - 1)
            if text[space + 1:space + 2].isdigit():
                space = text.rfind(" ", max(0, space - 40), space)  # an age after the name
            if text[space - 1:space] in QUOTES and _name_like(text[space + 1:space + 2]):
                surname = _surname_before(text[max(0, at - 60):at])
        if surname and surname.lower() not in GENERIC and surname.lower() not in TITLE_WORDS and not POSSESSOR.match(f"{surname} "):
            surnames.add(surname)
    for surname in sorted(surnames):
        at = text.find(surname)
        while at != -1:
            end = at + len(surname)
            if text[at - 1:at] in {" ", "\t"} and _word_ends(text, end) and (given := GIVEN_NAMES.search(text, max(0, at - 60), at)):
                starts = [w.start() for w in re.finditer(r"\S+", given[0])]
                spans = [(given.start() + s, end) for s in starts if _given(text[given.start() + s:at].split()[0])]
                if spans:
                    yield spans
                    break
            at = text.find(surname, end)


def _word_ends(text: str, end: int) -> bool:
    """Whether a word ends at ``end``, or only its possessive follows ("Maysoun Saab's eyes")."""
    after = text[end:end + 3]
    if after[:1] in {"'", "’"}:
        return after[1:2] == "s" and not after[2:3].isalnum()
    return not (after[:1].isalnum() or after[:1] in {"-", "_"})


def _office_holders(stretches: Stretches) -> Iterator[list[tuple[int, int]]]:
    """For each office named with what it is for, the spans its holder's name may take, longest first: the capitalised
    words after the office's own words, two to four of them."""
    for m in stretches.finditer("office holder"):
        words = list(re.finditer(r"\S+", m["run"]))
        while words and words[-1][0] in CONNECTORS:
            words.pop()  # "… Christos Stylianides on «an emergency initiative»"
        i = len(words)
        while i and words[i - 1][0][:1].isupper() and not _office_word(words[i - 1][0]):
            i -= 1
        name = words[i:]
        if 2 <= len(name) <= 5:  # a place may open it ("Switzerland Didier Burkhalter"): the spans of four words at most
            base, end = m.start("run"), m.start("run") + name[-1].end()
            yield [(base + w.start(), end) for k, w in enumerate(name[:-1]) if len(name) - k <= 4]


def _office_word(word: str) -> bool:
    w = word.lower().strip("’'.,")
    return w in OFFICE_WORDS or w in GENERIC or w in TITLE_WORDS


def _surname_before(head: str) -> str | None:
    """The surname that ends ``head`` (the text before a speech word), alone: "Alway" of '"…," Alway, 21, ', not "Watch" of
    "Human Rights Watch "."""
    words = head.rsplit(None, 3)
    if len(words) < 2 or "\n" in head[len(head.rstrip()):]:
        return None
    if words[-1].endswith(",") and words[-1][:-1].isdigit() and words[-2].endswith(","):
        words = [*words[:-2], words[-2][:-1]]  # an age after the name
    surname, before = words[-1], words[-2] if len(words) > 1 else ""
    if not _name_like(surname) or not TOKEN.fullmatch(surname) or TOKEN.fullmatch(before):
        return None
    return surname


def _name_like(word: str) -> bool:
    """Whether a word may be (or open) a name: a capital, or the "a" of "al-" or "e" of "el-"."""
    return word[:1].isupper() or word[:1] in {"a", "e"}


def _given(word: str) -> bool:
    """Whether a word can open a person's name: not a title, a role, a generic word or a possessive."""
    return not (word.lower().rstrip(".") in TITLE_WORDS or word.lower() in GENERIC or POSSESSOR.match(f"{word} ")
                or ROLE_WORD.fullmatch(word))


def person_name(name: str) -> str:
    """"General Mikhail Mizintsev" → "Mikhail Mizintsev": a rank is not part of the name, nor a capitalised word that
    opens the sentence ("From Geert Cappelaere, UNICEF Regional Director": "From")."""
    words = name.split()
    while len(words) > 1 and (words[0].lower().rstrip(".") in TITLE_WORDS or words[0].lower() in GENERIC):
        if len(words) == 2 and words[0].lower().rstrip(".") in HONORIFICS:
            break  # Hansard's "(Mr Djanogly)": the honorific and the surname are the name it gives
        words.pop(0)
    return " ".join(words)


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
        if m and _free((end, m.end()), taken):
            title = f"{text[start:end]} {' '.join(m['noun'].lower().split())}"
            found.append((Proposal("agreements", title, "agreement", title), start, m.end()))
            _take((end, m.end()), taken)
    # Patterns that need a digit, "Ministry" or "(ACRONYM)" are not tried on a text without one: most texts have none.
    stretches = Stretches(text)
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
        if PERSON_NEXT.match(text, m.end()):
            continue  # "UN Emergency Relief Coordinator (ERC) Martin Griffiths": the title of an office, its holder named
        name = m["name"].strip()
        start = m.start("name")
        if name.startswith("The ") and " " in name[4:]:
            name, start = name[4:], start + 4  # "The Humanitarian Needs Assessment Programme (HNAP)"
        add(Proposal("actors", name, "organisation", m.group(0), (m["acr"],)), start, m.end())
    for m in MINISTRY.finditer(text) if "Ministry" in text else ():
        add(Proposal("actors", m["name"], "organisation", m["name"]), m.start(), m.end(), qualified=True)
    member_for = MEMBER_FOR.finditer(text) if "Member for" in text else ()
    noble = NOBLE.finditer(text) if "noble " in text else ()
    speakers = _speakers(text)
    who = (m for m in stretches.finditer("person who") if not THE_BEFORE.search(text, max(0, m.start() - 5), m.start()))
    for matches in (stretches.finditer("person titled"), stretches.finditer("person apposition"), stretches.finditer("person after role"),
                    stretches.finditer("person role before"), stretches.finditer("person of body"),
                    _org_speakers(text, stretches), stretches.finditer("person with body"), who, member_for, noble,
                    speakers):
        for m in matches:
            name = person_name(m["name"])
            if " " in name and _person(name) and name.rsplit(" ", 1)[-1] not in BUILDINGS:  # ("Special Envoy Pederson": no name)
                add(Proposal("actors", name, "person", name), m.end("name") - len(name), m.end("name"))
    for spans in chain(_office_holders(stretches), _surname_speakers(text, stretches)):
        # the longest name no known name overlaps, and no body's ("Chief of the Press and External Relation Section")
        if free := next((span for span in spans
                         if _free(span, taken) and text[span[0]:span[1]].rsplit(None, 1)[-1] not in BODY_WORDS), None):
            add(Proposal("actors", text[free[0]:free[1]], "person", text[free[0]:free[1]]), *free)
    for m in stretches.finditer("place noun"):
        if m["name"].split()[0] in {"Operation", "The"}:
            continue
        if (owner := POSSESSOR.match(m["name"])) and " " in m["name"]:
            m = PLACE_NOUN.match(text, m.start() + owner.end(), m.end())  # "Aleppo's Karam Daadaa neighborhood"
            if m is None:
                continue
        if not _meaningful(m["name"]):
            continue  # "the Palestinian refugee camp", "the High School": a kind of place, not its name
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
        if _person(name):
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
        for name in re.finditer(_PLACE_BARE, m["list"]):
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
        if not clash and not any(st < m.end() and m.start() < en for _, st, en in found) and _person(f"{m['a']} {m['b']}"):
            title = f"{m['a']}–{m['b']} {m['noun']}"
            found.append((Proposal("locations", title, "road", m.group(0), (m.group(0),) if m.group(0) != title else ()),
                          m.start(), m.end()))
            _take((m.end("b"), m.end()), taken)
    starts = {start for start, _ in place_spans}
    for m in _place_series(text, sorted(place_spans)):
        items = [(m.start("list") + n.start(), n.group(0)) for n in re.finditer(_PLACE_BARE, m["list"]) if n.group(0) != "and"]
        if sum(start in starts for start, _ in items) >= 2:
            for start, item in items:
                if start not in starts and not POSSESSOR.match(item) and not _inhabitants(item) and _person(item) \
                        and item.split()[0].lower().rstrip(".") not in TITLE_WORDS:
                    add(Proposal("locations", item, "village", item), start, start + len(item))
    for m in NEAR_LINE.finditer(text) if "Near " in text else ():
        if _person(m["name"]):
            add(Proposal("locations", m["name"], "town", m["name"]), m.start("name"), m.end("name"))
    return sorted(found, key=lambda f: (f[1], f[2]))
