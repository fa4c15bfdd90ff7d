"""Which reading a name has where it stands: the actor, the place, or nothing.

"Moscow said" is Russia acting; "in Moscow" is the city. "Russian forces" is Russia;
"the Iraqi border" is not Iraq acting. These rules look only at the words around the
hit, so they stay cheap and explainable.
"""

from __future__ import annotations

import re

LOCATIVE_PREPS = frozenset(
    "in inside into across throughout near around outside at within towards toward to via through "
    "entered reached reaching entering across over beyond off along".split()
)
PLACE_MODIFIERS = frozenset(
    "the northern southern eastern western central north south east west northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern rural occupied neighbouring neighboring city town village "
    "of capital province governorate countryside parts part areas area region".split()
)
GEO_NOUNS = frozenset(
    "border borders frontier crossing crossings countryside province governorate airport suburbs suburb outskirts "
    "desert territory territories city region coast countryside embassy capital soil airspace side".split()
)
# What happened somewhere: "the Paris attacks" were in Paris (after "the": "Moscow attacks rebels" is Moscow acting).
EVENTS = frozenset("attack attacks bombing bombings blast blasts massacre massacres shooting shootings explosion explosions "
                   "earthquake".split())
BORDER_NOUNS = frozenset("border borders frontier crossing crossings boundary".split())
ACTOR_NOUNS = frozenset(
    "forces force troops army military soldiers servicemen personnel government officials official authorities "
    "president presidency minister ministry diplomats envoy delegation leadership regime administration "
    "intelligence agency aviation air jets warplanes aircraft drones drone navy air-force airstrikes strikes strike "
    "raids raid attacks attack incursions incursion operation operations support backing position positions "
    "side sides proposal plan offensive militias militiamen advisers advisors commanders commander patrols patrol "
    "convoy convoys counterpart counterparts spokesman spokesperson statement officials' police representative "
    "representatives delegate delegates officer officers ambassador spokeswoman negotiator negotiators mediators "
    "delegations ministers envoys diplomats leaders allies ally partners backers sponsors governments".split()
)
VERBS = frozenset(
    "said says say has have had is are was were will would wants want wanted sent sends send launched launches "
    "accused accuses denied denies announced announces agreed agrees continues continued stopped warned warns "
    "rejected rejects called calls demanded demands insisted insists claimed claims confirmed confirms refused "
    "refuses signed signs backed backs supports supported deployed deploys struck strikes hit hits responded "
    "responds threatened threatens vowed vows decided decides tried tries seeks sought hopes hoped offered offers "
    "condemned condemns urged urges pledged pledges expressed expresses received receives insisted may might could "
    "should must did does can cannot also still repeatedly once reportedly intends plans planned opposed opposes "
    "welcomed welcomes blamed blames asked asks proposed proposes maintains maintained brokered mediated".split()
)
# A place named by what happens to it or around it: "fleeing Aleppo", "advanced on Damascus", "east of Damascus",
# "coming from Jordan", "the capital Damascus".
LOCATIVE_VERBS = frozenset(
    "fleeing fled flee flees left leaving shelled shelling besieged besieging bombed bombing bombarded bombarding "
    "captured capturing seized seizing encircled encircling surrounded stormed recaptured retook retaking liberated "
    "visited visiting toured evacuated hit struck targeted targeting raided pounded pounding overran".split()
)
APPROACH_NOUNS = frozenset("advanced advance advancing advances march marched marching offensive assault push".split())
# What falls on a place: "fired rockets with chemical heads on Zamalka", "barrel bombs dropped on Daraya".
FIRE = frozenset("fired firing rockets rocket shells shell mortars missiles missile airstrikes airstrike bombs barrel dropped "
                 "bombardment shelling".split())
SURROUNDINGS = frozenset(
    "outskirts suburbs edge edges gates centre center heart streets north south east west northeast northwest "
    "southeast southwest countryside outside residents inhabitants districts neighbourhoods neighborhoods capital suburb "
    "district neighbourhood neighborhood city town village province governorate vicinity environs periphery "
    "capture recapture fall siege liberation".split()  # "the capture of Damascus": what happened to the city
)
# "several major cities, including Damascus": a place named in a list of places.
PLACE_PLURALS = frozenset("cities towns villages areas districts neighbourhoods neighborhoods provinces governorates".split())
# A place named after a preposition, then a comma: what follows is where that place is ("in Da Nang, Vietnam").
APPOSITION = re.compile(r"\b(?:in|from|near|at|outside)\s+(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*,\s*$")
REPORTING = frozenset(  # where someone speaks from is a place: "briefed by video link from Damascus"
    "briefing briefed briefings link speaking spoke reporting reported broadcast interview telephone phone video videoconference "
    "teleconference videolink satellite "
    "conference remarks writing writes wrote".split()
)
MOVEMENT = frozenset(
    "coming come came comes originally fled flee flees fleeing returned return returning returnees returnee arrived arriving "
    "arrive arrivals flowing flow flows flowed deported deportation deportations expelled crossed crossing crossings smuggled smuggling withdrew "
    "withdrawn withdrawal pulled displaced refugees refugee travelled traveled travelling traveling flew flights flight "
    "imported exported fired launched moved moving transferred transported evacuated evacuees migrants km kilometres kilometers flown "
    "miles aid reached reach delivered delivery deliveries shipment shipments brought bring brings bringing sent shipped "
    "trucks convoy convoys supplies goods highway road roads route routes motorway corridor pipeline journey trip way fighters".split()
)
# "to" after these addresses the state, not a place: "a reference to Turkey", "a message to Damascus".
RECIPIENTS = frozenset(
    "reference references according letter message messages appeal appeals appealed call calls talk talked talking speak spoke "
    "said told warning warnings ultimatum sold sell selling offer offered gave give giving support loyal close allied "
    "ally ties relations threat threats handed belonging belongs opposed similar hostile addressed".split()
)
# Words an office is built of: "Russian Deputy Foreign Minister" is Russia acting through its minister.
TITLE_MODIFIERS = frozenset("deputy foreign defence defense interior prime vice assistant special senior chief acting top state permanent".split())
WORD = re.compile(r"[^\W_][\w’'-]*|[,;:.()]")
# A state named inside an office's title is part of the name of the office, not the state acting nor a place: "the
# Special Envoy for Syria", "the Prime Minister of Lebanon", "Minister of State for Europe and the Americas".
OFFICES = ("envoy", "representative", "minister", "secretary", "ambassador", "commissioner", "coordinator", "rapporteur")
OFFICE_TITLE = re.compile(
    rf"(?i:{'|'.join(OFFICES)})(?: of State)? (?:for|of) "
    r"(?:the )?(?:[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*(?:,| and) (?:the )?)*$")
# A Council delegate speaks for the state: "The representative of Mozambique, supporting the resolution, said".
DELEGATE = re.compile(r"(?:^|(?<=\n)|(?<=[.;] ))[Tt]he representative of (?:the )?$")
# The characters other than ASCII letters that a case-insensitive pattern takes for one, as that letter.
CASELESS_ASCII = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})
ENVOY = re.compile(r"\s+[Ee]nvoys?\b")
ENVOY_OF = re.compile(r"(?:\bU\.?N\.?|United Nations|UN’s|UN's) $")  # "the UN Syria envoy"


POSSESSIVE_ENDS = ("'s", "’s")
STATE_CODE = re.compile(r",\s*D\.?\s?C\.?(?![\w])")


def words_before(text: str, start: int, n: int = 5) -> list[str]:
    return [w.lower() for w in WORD.findall(text[max(0, start - 80):start])[-n:]]


def words_after(text: str, end: int, n: int = 3) -> list[str]:
    rest = text[end:end + 60]
    if rest[:1] in "-–—" and rest[1:12].lower().startswith(("backed", "led", "based", "allied", "funded", "supported", "brokered",
                                                             "sponsored", "mediated", "trained", "armed")):
        return ["-" + rest[1:].split()[0].lower()]
    return [w.lower() for w in WORD.findall(rest)[:n]]


_NAME = r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}"
LISTED_AFTER = re.compile(rf"\b(?P<prep>in|inside|into|across|throughout|near|around|outside|at|within|towards?|to|via|through|along)"
                          rf"\s+(?:both\s+|either\s+)?{_NAME}(?:\s*,\s*{_NAME}){{0,6}}(?:\s*,)?(?:\s+(?:and|or)\s+(?:the\s+)?|\s*,\s*)$")


FROM_TO = re.compile(r",?\s+to\s+(?:the\s+)?[A-Z]")  # "assistance from Damascus to Madaya": a way from a place to one


def is_locative(text: str, start: int, end: int, possessive: bool = False) -> bool:
    """A place where something happens: "in Idlib", "Syria's border", "border with Iraq", "fled to Turkey", "coming
    from Jordan"; "support from Turkey" is Turkey acting."""
    before = words_before(text, start, 6)
    after = words_after(text, end, 2)
    if after and (after[0] in GEO_NOUNS or after[0].startswith("-based") or (after[0] in EVENTS and before[-1:] == ["the"])):
        return True
    if STATE_CODE.match(text, end):
        return True  # "Washington, DC": the city, not the government
    if possessive:
        return False  # "Ankara's violations", "Turkeys offensive": the possessor acts
    if before and (before[-1] == "capital" or before[-1] in LOCATIVE_VERBS or before[-2:] == ["capital", ","]):
        return True  # "the capital Damascus", "the capital, Damascus"
    if len(before) >= 2 and ((before[-1] == "on" and before[-2] in APPROACH_NOUNS)
                             or (before[-1] == "of" and before[-2] in SURROUNDINGS)):
        return True
    if before[-1:] == [","] and APPOSITION.search(text, max(0, start - 80), start) and words_after(text, end, 1)[:1] != ["-"]:
        # "in Da Nang, Vietnam"; not "in Aleppo, Russia said", nor a list ("from Iraq, Jordan, Lebanon and Turkey")
        return not (after and (after[0] in VERBS or after[0] in {",", "and", "or"}))
    if before[-1:] == ["on"] and any(w in FIRE for w in before[:-1]):
        return True
    if before[-1:] in (["including"], ["like"]) and not PLACE_PLURALS.isdisjoint(before[-4:-1]):
        return True
    if before and before[-1] == "from":  # "coming from Jordan", "a briefing from Amman"; not "support from Turkey"
        return any(w in MOVEMENT or w in REPORTING for w in before[-5:-1]) or FROM_TO.match(text, end) is not None \
            or (len(before) > 1 and before[-2][:1].isdigit())  # "20,000 from Iraq": people from there
    for i in range(len(before) - 1, -1, -1):
        w = before[i]
        if w in LOCATIVE_PREPS:
            return not (w == "to" and i and before[i - 1] in RECIPIENTS)
        if w not in PLACE_MODIFIERS:
            break
    if before and before[-1] in {"and", "or", ","} and (listed := LISTED_AFTER.search(text, max(0, start - 150), start)):
        # "in both Sweida and Damascus", "to Iraq, Jordan and Lebanon": a list a locative word opened
        return not (listed["prep"] == "to" and not RECIPIENTS.isdisjoint(words_before(text, listed.start(), 1)))
    if before and before[-1] in {"with", "between", "and", "of", ","}:
        for w in reversed(before[-5:]):
            if w in {".", "!", "?", ";"}:
                return False  # "…Turkey's southern border. Last month, Ankara and Moscow agreed": no border of Ankara
            if w in BORDER_NOUNS:
                return True
        return False
    return False


def is_acting(text: str, start: int, end: int) -> bool:
    """The name is doing something: "Ankara sent", "Moscow's position", "Iran-backed"."""
    after = words_after(text, end, 2)
    if not after:
        return False
    if after[0].startswith("-"):
        return True
    if text[max(0, start - 3):start - 1] in POSSESSIVE_ENDS and after[0] not in VERBS:
        return False  # "Turkey's Syria offensive", "Russia's Syria campaign": the possessor acts, in Syria
    if after[0] in VERBS:  # "Syria said", but not "a meeting on Syria will be held": the verb's subject came before
        return not topic_of(text, start) and words_before(text, start, 1) != ["of"]  # nor "areas of Syria are"
    if after[0] in TITLE_MODIFIERS:  # "Syria's Permanent Representative", "Moscow's Deputy Foreign Minister"
        rest = [w for w in words_after(text, end, 4) if w not in TITLE_MODIFIERS]
        return bool(rest) and rest[0] in ACTOR_NOUNS
    return after[0] in ACTOR_NOUNS


# The rest of a list of names after one: ", Jordan, and the United States" (then the verb they share).
LIST_REST = re.compile(rf"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){_NAME}")


# The words that make the name after them what something is about or aimed at, so never the subject of a verb after it.
TOPIC = frozenset({"on", "about", "over", "regarding", "concerning", "against", "toward", "towards"})


def topic_of(text: str, start: int) -> bool:
    """Whether the name at ``start`` is the object of "on", "about", "against"…: "a meeting on Syria will be held"."""
    before = words_before(text, start, 1)
    return bool(before) and before[-1] in TOPIC


def heads_acting_list(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` opens a list of names that then acts: "Syria, Jordan and the United States
    announced"."""
    at = end
    while (m := LIST_REST.match(text, at)) is not None:
        at = m.end()
    verb = words_after(text, at, 1) if at > end else []
    return bool(verb) and verb[0] in VERBS


def demonym_acts(text: str, start: int, end: int, surface: str) -> bool:
    """"Russian forces", "Turkish-backed", "the Americans" stand for the state; "Iraqi border" does not."""
    before = words_before(text, start, 1)
    if before and before[-1] in {"pro", "anti"} or text[max(0, start - 4):start].lower().endswith(("pro-", "anti-")):
        return False
    if surface.rstrip("’'").lower().endswith("s") and not surface.lower().endswith(("ss", "is", "us")):
        return True  # plural: the Russians, the Turks
    after = words_after(text, end, 3)
    if not after:
        return False
    if after[0].startswith("-"):
        return True
    if after[0] in TITLE_MODIFIERS:
        rest = [w for w in words_after(text, end, 4) if w not in TITLE_MODIFIERS]
        return bool(rest) and rest[0] in ACTOR_NOUNS
    if after[0] in {"and", "or"} and len(after) > 2 and after[1].isalpha():
        return after[2] in ACTOR_NOUNS  # "Russian and Iranian forces", "our American and French allies"
    return after[0] in ACTOR_NOUNS or (len(after) > 1 and after[0] not in GEO_NOUNS and after[1] in ACTOR_NOUNS and after[0].isalpha())


def in_office_title(text: str, start: int, end: int) -> bool:
    """The name is part of an office's title: "Special Envoy for Syria", "Prime Minister of Lebanon", "UN Syria envoy"."""
    lead = text[max(0, start - 4):start]
    if lead.endswith(("for ", "of ", "the ", "and ", ", ")):
        # Searching the pattern tries every position of the 120 characters (most states' hits come here): first, more
        # cheaply, whether any office is named there at all.
        window = text[max(0, start - 120):start]
        if not window.isascii():
            window = window.translate(CASELESS_ASCII)
        window = window.lower()
        if not any(office in window for office in OFFICES):
            return False
        office = OFFICE_TITLE.search(text, max(0, start - 120), start)
        return office is not None and DELEGATE.search(text, max(0, office.start() - 4), office.end()) is None
    # "the UN Syria envoy", "Syria envoy Geir Pedersen": the envoy for Syria ("Syria's envoy" is Syria's own)
    return ENVOY.match(text, end) is not None and (ENVOY_OF.search(text, max(0, start - 16), start) is not None
                                                   or text[end - 2:end] not in POSSESSIVE_ENDS)
