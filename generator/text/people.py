"""People the registry does not know yet: named with a title or a role, as a speaker, or as an office's holder.

"Col. Ryan Dillon", "Robert Mardini, the ICRC's head of operations", "Jim Shannon:" at the head of a
transcript's turn, "Commissioner for Humanitarian Aid and Crisis Management Christos Stylianides",
and a full name whose surname later speaks alone ("… Alway, 21, told"). Discovery (text/discover.py)
proposes what these find; ``is_name`` and ``person_name`` keep phrases and titles out of a name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from generator.text.names import GENERIC, PERSON, POSSESSOR, TOKEN, UPPER
from generator.text.stretches import Stretched, Stretches

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
PERSON_TITLED = re.compile(rf"\b{_TITLES}\s+{PERSON}\b")
_ROLES = (r"(?i:spokes(?:person|man|woman)|commander|leader|official|envoy|minister|chief|head|director|general|colonel"
          r"|advis[eo]r|co-chair|chair(?:man|woman)?|member|coordinator|representative|secretary|deputy|negotiator|ambassador"
          r"|governor|mayor|founder|analyst|columnist|researcher|fellow|professor|journalist|correspondent|editor|activist"
          r"|president|rapporteur|commissioner|officer|expert|specialist|scholar|politician|lawmaker|legislator"
          r"|parliamentarian|diplomat|economist|cleric)")
# People quoted as witnesses, after their name: "Ahmad Hassan, a resident of Douma", "Mohammed Jarad, brother-in-law of".
_WITNESSES = (r"(?i:resident|refugee|farmer|teacher|doctor|nurse|surgeon|student|volunteer|paramedic|mother|father|widow"
              r"|brother(?:-in-law)?|sister|cousin|businessman|businesswoman|shopkeeper|trader|merchant|engineer|lawyer"
              r"|pharmacist|driver|survivor)")


PERSON_APPOSITION = re.compile(  # "Robert Mardini, the ICRC's head of operations": "the" and a possessive may lead the role
    rf"{PERSON},[^\S\n]+(?:the\s+[\w‑-]+['’]s\s+|(?:(?:a|an|the|its|his|her|their)\s+)?)"
    rf"(?:(?:U\.N\.|U\.S\.|U\.K\.|[\w‑-]+)\s+){{0,4}}?(?:{_ROLES}|{_WITNESSES})s?\b"
)
PERSON_OF_BODY = re.compile(  # "Fadwa Baroud of the U.N. Office…": a person named by the body they speak for
    rf"{PERSON}\s+(?:of|from|at|with)\s+the\s+(?:U\.N\.|UN\b|United Nations|International Committee|Red Cross|Red Crescent"
    r"|World Food|World Health)")
# ... or any body, when the person then speaks: "Hadi Abdullah of the Syrian Revolution General Commission told AFP".
# "Nasser Haj Mansour, of the predominantly Kurdish Syria Democratic Forces, said": a person set off by the body they
# belong to, then speaking.
PERSON_WITH_BODY = re.compile(rf"{PERSON}, (?:of|with|from) the [^,.;:\n]{{3,90}},\s+(?:said|told|added|says)\b")  # as triggered
# The body and the verb are looked for first, the name then before them (a name first would be tried at every capital).
ORG_SPEAKS = re.compile(r"[^\S\n]+(?:of|from)\s+the\s+[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|for|of|and)){0,6}\s+(?:told|said|says)\b")
PERSON_BEFORE = re.compile(rf"(?<![\w’'-]){PERSON}$")
# "the Russian Ambassador to the UK, Alexander Yakovenko,", "the ICRC head of delegation in Syria, Marianne Gasser,": the
# role may name what it heads and where or whom it serves.
PERSON_AFTER_ROLE = re.compile(  # "A spokesman for the rebel Free Syrian Army in Aleppo, Abou Firas, told", "…, Ravina Shamdasani"
    rf"\b{_ROLES}s?(?:\s+of\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*){{0,2}}"
    r"(?:\s+(?:[a-z]+\s+)?(?:office|bureau|department|cent(?:er|re)|unit|wing|council|committee|branch))?)?"  # "SDF media office"
    rf"(?:\s+(?:to|for|in|at)\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}}){{0,2}},\s+{PERSON}"
    r"(?=[^\w\s’'\-‑]|\n|$)")  # then any mark but a hyphen or an apostrophe: a mark, or the end of its stretch
# "analyst Mahmoud Abdel Salam claimed", "senior ISIS operative Omar Abdul Qader": a role noun right before a name.
PERSON_ROLE_BEFORE = re.compile(
    rf"\b(?:[Ss]pokes(?:man|woman|person)|[Aa]nalyst|[Aa]ctivist|[Oo]perative|[Rr]esearcher|[Jj]ournalist|[Cc]orrespondent"
    rf"|[Cc]olumnist|[Pp]ress [Ss]ecretary|[Oo]fficer|[Rr]esident|[Mm]echanic|[Ff]armer|[Tt]eacher|[Dd]octor|[Ss]hopkeeper"
    rf"|[Tt]rader|[Dd]river|[Pp]aramedic|[Vv]olunteer|[Rr]escuer|[Ss]urgeon)\s+{PERSON}\b")
# "Commissioner for Humanitarian Aid and Crisis Management Christos Stylianides", "Minister of Switzerland Didier
# Burkhalter": an office named with what it is for, then its holder; the holder is what follows the office's words.
_OFFICES = (r"Commissioner|Minister|Secretary[-‑]General|Secretary|Coordinator|Representative|Envoy|Ambassador"
            r"|Director(?:[-‑]General)?|Adviser|Advisor|President|Chair(?:man|woman|person)?|Head|Chief|Rapporteur|Administrator")


OFFICE_HOLDER = re.compile(rf"\b(?:{_OFFICES})[^\S\n]+(?:for|of|on|to)[^\S\n]+(?:the[^\S\n]+)?"
                           rf"(?P<run>{TOKEN}(?:[^\S\n]+(?:and|of|for|the|on|in|to|{TOKEN})){{1,14}})")


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
PERSON_WHO = re.compile(rf"{PERSON}, who\b")  # the trigger's own spacing: what clean leaves
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# Hansard: "the noble Lord, Lord Collins", "the noble Baroness, Baroness Smith of Basildon".
NOBLE = re.compile(rf"\bthe noble (?:and (?:gallant|learned) )?(?:Lord|Baroness|Lady|Earl|Viscount),\s+"
                   rf"(?P<name>(?:Lord|Baroness|Lady|Earl|Viscount)\s+{TOKEN}(?:\s+of\s+{TOKEN})?)")
# A transcript's speaker label at the start of a line: "Jim Shannon:", "Dominic Raab (Foreign Secretary):".
# Hansard also brackets a member's seat and party ("Alison McGovern (Wirral South) (Lab):"), or names a minister after
# the office ("The Minister for the Middle East (Dr Andrew Murrison):").
SPEAKER = re.compile(rf"(?P<name>{TOKEN}(?:[^\S\n]+{TOKEN}){{1,3}})(?:[^\S\n]*\([^()\n]{{1,80}}\)){{0,3}}:")
OFFICE_SPEAKER = re.compile(rf"(?:The[^\S\n]+)?[A-Z][\w’'-]*(?:[^\S\n]+(?:[A-Z][\w’'-]*|for|of|the|and)){{1,8}}[^\S\n]*"
                            rf"\((?:(?:Dr|Mr|Mrs|Ms|Sir|Dame)\.?[^\S\n]+)?(?P<name>{TOKEN}(?:[^\S\n]+{TOKEN}){{1,3}})\):")
# Words a headline ends its first part on ("Aleppo Is Burning: …"), never a speaker's name.
HEADLINE_WORDS = frozenset("is are was were be been the of to in on for and with at by from as how why what when where "
                           "will can not no says say said make makes show shows".split())
# Hansard: "the hon. Member for Barrow and Furness (John Woodcock)".
MEMBER_FOR = re.compile(rf"\bMember for [A-Z][\w’' -]{{0,60}}?\(\s*(?P<name>{TOKEN}(?:\s+{TOKEN}){{1,3}})\s*\)")
PERSON_NEXT = re.compile(rf"\s+(?:{TOKEN})\s+(?:{TOKEN})\b")
_ROLE_WORDS = ("spokes", "commander", "leader", "official", "envoy", "minister", "chief", "head", "director", "general",
               "colonel", "advis", "chair", "member", "coordinator", "representative", "secretary", "deputy", "negotiator",
               "ambassador", "governor", "mayor", "founder", "analyst", "columnist", "researcher", "fellow", "professor",
               "journalist", "correspondent", "editor", "activist", "president", "rapporteur", "commissioner", "operative",
               "officer", "expert", "specialist", "scholar", "politician", "lawmaker", "legislator", "parliamentarian",
               "diplomat", "economist", "cleric")


_ROLE_WORDS += tuple(w.capitalize() for w in _ROLE_WORDS)  # every word _ROLES matches holds one, in either case
_WITNESS_WORDS = ("resident", "refugee", "farmer", "teacher", "doctor", "nurse", "surgeon", "student", "volunteer", "paramedic",
                  "mother", "father", "widow", "brother", "sister", "cousin", "businessman", "businesswoman", "shopkeeper",
                  "trader", "merchant", "engineer", "lawyer", "pharmacist", "driver", "survivor")


_WITNESS_WORDS += tuple(w.capitalize() for w in _WITNESS_WORDS)
# What PERSON_ROLE_BEFORE's roles hold whatever the case of their first letter.
_BEFORE_WORDS = ("pokes", "nalyst", "ctivist", "perative", "esearcher", "ournalist", "orrespondent", "olumnist", "ecretary",
                 "fficer", "esident", "echanic", "armer", "eacher", "octor", "hopkeeper", "rader", "Driver", "driver",
                 "aramedic", "olunteer", "escuer", "urgeon")


STRETCHED = {
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
}

# Words spotted in the same pass though no stretched pattern needs them: where a surname may speak alone.
SPOTTED = {"speech": ("said", "says", "told", "added", "explained", "noted", "stressed", "warned", "continued", "wrote",
                      "asked", "argued", "recalled", "According to", "according to", "Mr", "Ms", "Dr", "Miss")}


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


def is_name(name: str) -> bool:
    """A name, not a phrase: no generic word in it ("In Damascus", "On Monday"), nor only an office's words ("Disarmament
    Affairs")."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    return not any(w.strip("’'").lower() in GENERIC for w in words) and not all(map(_office_word, words)) \
        and words[-1] not in BODY_WORDS and sum(w.lower() in CLAUSE_WORDS for w in words) < 2


def speakers(text: str) -> list[re.Match]:
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


def org_speakers(text: str, stretches: Stretches) -> Iterator[re.Match]:
    """The names right before "of the <body> told": PERSON_OF_BODY for any body, when the person then speaks."""
    for m in stretches.finditer("person of org"):
        if person := PERSON_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            yield person

# A person named in full once, then by surname alone as a speaker: "Yassin Alway … "I've been here for 12 days," Alway, 21,
# told", "Mr Eide said", "according to Savchenko". A reader takes the full name for a person from the repeated surname.
SPEECH = re.compile(r"\b(?:" + "|".join(sorted({*SPOTTED["speech"], "Mrs"}, key=len, reverse=True)) + r")\b")  # "Mr" spots "Mrs"
NAME_WORD = re.compile(TOKEN)
SURNAME_AFTER = re.compile(rf"\.?[^\S\n]+({TOKEN})(?![\w’'-]|[^\S\n]+[{UPPER}])")  # "Mr Eide" and no further name
GIVEN_NAMES = re.compile(rf"(?:(?<![\w’'-]){TOKEN}[^\S\n]+(?:(?:al-|el-|bin\s|ibn\s|abu\s|Abu\s|de\s|van\s|von\s)?{TOKEN}[^\S\n]+)?)$")
ROLE_WORD = re.compile(_ROLES)
QUOTES = frozenset('"”\'’')
ADDRESS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Miss", "According to", "according to"})


def surname_speakers(text: str, stretches: Stretches) -> Iterator[list[tuple[int, int]]]:
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


def office_holders(stretches: Stretches) -> Iterator[list[tuple[int, int]]]:
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
    if not _name_like(surname) or not NAME_WORD.fullmatch(surname) or NAME_WORD.fullmatch(before):
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
