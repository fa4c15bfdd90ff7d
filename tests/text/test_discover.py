import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.text.discover import discover
from tests.conftest import ROOT


def proposals(text: str, known=()) -> set[tuple[str, str]]:
    return {(p.type, p.title) for p, _, _ in discover(text, known)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("according to Col. Ryan Dillon, a spokesperson", ("actors", "Ryan Dillon")),
        ("met General Alexander Chayko on Friday", ("actors", "Alexander Chayko")),
        ("said Abu Hamza al-Shami, a local commander of the faction", ("actors", "Abu Hamza al-Shami")),
        ("the Military Operations Command (MOC) announced", ("actors", "Military Operations Command")),
        ("data from The Humanitarian Needs Assessment Programme (HNAP) show", ("actors", "Humanitarian Needs Assessment Programme")),
        ("families in Rukban camp went hungry", ("locations", "Rukban camp")),
        ("convoy entered via the Kafr Lusin crossing", ("locations", "Kafr Lusin crossing")),
        ("jets took off from Shayrat airbase", ("locations", "Shayrat air base")),
        ("the strategic town of Al-Qa’im is", ("locations", "Al-Qa’im")),
        ("under the March 5 agreement, patrols", ("agreements", "March 5 agreement")),
        ("the 22 October memorandum holds", ("agreements", "22 October memorandum")),
        ("the Russia-Turkey memorandum holds", ("agreements", "Russia-Turkey memorandum")),
        ("the Amman Initiative was launched", ("agreements", "Amman Initiative")),
        ("White House press secretary Jay Carney called the truce tentative", ("actors", "Jay Carney")),
        ("a drone hit a car near the Hasan Agha village in the countryside", ("locations", "Hasan Agha")),
        ("troops retook key villages along the road in central Hama, including Karnaz, Tal Melh, and Sheikh Hadid",
         ("locations", "Sheikh Hadid")),
        ("camps such as Atmeh and Qah", ("locations", "Qah")),
        ("Aqil Hussein, a public relations officer with the directorate, confirmed it", ("actors", "Aqil Hussein")),
        ("said officer Abu Raed, who fought there", ("actors", "Abu Raed")),
        ("where Mohammed Jarad, brother-in-law of the leader, met his death", ("actors", "Mohammed Jarad")),
        ("Ahmad Hassan, a resident of Douma, said the bread ran out", ("actors", "Ahmad Hassan")),
        ("Ahmed Suleiman, a Syrian Kurdish politician told Reuters on Sunday", ("actors", "Ahmed Suleiman")),
        ("says Abu Ali, a local businessman and Hezbollah supporter", ("actors", "Abu Ali")),
        ("The head of the SDF media office, Mustafa Bali, said he had no comment", ("actors", "Mustafa Bali")),
        ("In Dahr al-Jabal, seven abandoned villas preside over the plain", ("locations", "Dahr al-Jabal")),
        ("shelling near Kafr al-Naha killed two", ("locations", "Kafr al-Naha")),
        ("shelling hit the settlements of Nahsheba, Qallat Marza (twice) and Arafit", ("locations", "Arafit")),
        ("bread was handed out in Aleppo's al-Suryan, Balalat and al-Kalas neighborhoods", ("locations", "Balalat")),
        ("bread was handed out in Aleppo's Karam Daadaa neighborhood", ("locations", "Karam Daadaa")),
        ("they attacked from the direction of Sneisil, Jwalik and al-Qudra", ("locations", "Jwalik")),
        ("strikes north of al-Masri Rotary and at al-Nazihin Camp", ("locations", "al-Nazihin camp")),
        ("Hadi Abdullah of the Syrian Revolution General Commission told AFP", ("actors", "Hadi Abdullah")),
        ("local resident Apo Dogan said the shops were shut", ("actors", "Apo Dogan")),
        ("mechanic Mohammad Zeitun said his work had dried up", ("actors", "Mohammad Zeitun")),
        ("Nasser Haj Mansour, of the predominantly Kurdish forces, said the town fell", ("actors", "Nasser Haj Mansour")),
        ("Deir al-Zor provincial governor Mohammed Ibrahim Samra said", ("actors", "Mohammed Ibrahim Samra")),
        ("Wael Alzayat, a former Middle East policy expert at the department", ("actors", "Wael Alzayat")),
        ("the villages of Inkhil, Khirbat al Ghazalah and Harrah", ("locations", "Khirbat al Ghazalah")),
    ],
)
def test_discovery_patterns(text, expected):
    assert expected in proposals(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Government said the Army and the Forces would return.",
        "the ceasefire held; a truce and the agreement followed; the deal was signed",
        "President The said. General Security Forces deployed.",
        "The New Agreement was rejected. The Syrian Camp.",
        "in the town of The, near the camp of Northern",
        "according to the Syrian Observer (SO) and Reuters News Agency (RNA)",
    ],
)
def test_generic_words_are_never_proposed(text):
    assert proposals(text) == set()


def test_names_the_registry_matched_are_not_proposed_again():
    text = "met General Alexander Chayko on Friday"
    start = text.index("Alexander")
    assert proposals(text, [(start, start + len("Alexander Chayko"))]) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("left through the Jleighem corridor on Tuesday", ("locations", "Jleighem corridor")),
        ("families returned to the Jeddah-1 camp south of Mosul", ("locations", "Jeddah-1 camp")),
        ("departed from the al-Amiriya neighborhood at dawn", ("locations", "al-Amiriya")),
        ("between Palmyra and the Jabal al-Bishri mountains", ("locations", "Jabal al-Bishri")),
        ("looting in villages such as al-Mazraa and Walgha", ("locations", "Walgha")),
        ("looting in villages such as al-Mazraa and Walgha", ("locations", "al-Mazraa")),
        ("the villages of Tal Hamis, Umm Kahf and Tal Baydar fell", ("locations", "Umm Kahf")),
        # "the X area", "the X sector": a place named with its kind after it
        ("the overnight swap took place in the Wadi Hmayyed area in Arsal's outskirts", ("locations", "Wadi Hmayyed")),
        ("activists uncovered 39 bodies in the Rifai sector of town", ("locations", "Rifai")),
    ],
)
def test_place_discovery_patterns(text, expected):
    assert expected in proposals(text)


def test_a_named_operation_is_not_a_place():
    assert proposals("outside the area of Operation Peace Spring and the Operation Olive Branch camp") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Syrian Ministry of Interior said", ("actors", "Syrian Ministry of Interior")),
        ("the Turkish Ministry of National Defence said", ("actors", "Turkish Ministry of National Defence")),
        ("the Syrian Transport Ministry said", ("actors", "Syrian Transport Ministry")),
        ("the Kazakh Ministry of Foreign Affairs said", ("actors", "Kazakh Ministry of Foreign Affairs")),
        ("the Kazakh Foreign Ministry said", ("actors", "Kazakh Foreign Ministry")),
    ],
)
def test_ministries_of_a_state_are_organisations(text, expected):
    assert expected in proposals(text)


@pytest.mark.parametrize(("text", "adjective", "expected"), [
    ("reports the Kazakh Foreign Ministry press service", "Kazakh", ("Kazakh Foreign Ministry", ())),
    ("A Chinese Foreign Ministry spokesperson urged", "Chinese", ("Chinese Foreign Ministry", ())),
    # a state's possessive names the ministry by the state's adjective, its own words an alias
    ("a bomb attack that targeted Turkey's Interior Ministry headquarters", "Turkey", ("Turkish Interior Ministry", ("Turkey's Interior Ministry",))),
    ("Kazakhstan’s Ministry of Foreign Affairs said", "Kazakhstan", ("Kazakh Ministry of Foreign Affairs", ("Kazakhstan’s Ministry of Foreign Affairs",))),
])
def test_a_ministry_is_proposed_though_the_registry_knows_its_states_adjective(text, adjective, expected):
    start = text.index(adjective)  # the registry's demonym or state, already tagged
    found = [(p.title, p.aliases) for p, _, _ in discover(text, [(start, start + len(adjective))]) if p.type == "actors"]
    assert found == [expected]


def test_a_ministry_is_not_proposed_over_a_longer_known_name():
    text = "the Kazakh Foreign Ministry said"
    assert proposals(text, [(4, 18)]) == set()  # "Kazakh Foreign" (a name that runs into the ministry's words)


def test_an_unqualified_ministry_is_generic():
    assert proposals("the Interior Ministry and the Ministry of Defence said") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("evacuated to Roj Hospital in the town", ("locations", "Roj Hospital")),
        ("the mission to repair Allouk water station was a success", ("locations", "Allouk water station")),
        ("questioned in the Andalus collective centre, an abandoned school", ("locations", "Andalus collective centre")),
        ("to liberate al-Dashisha, Syria, from the scourge of ISIS", ("locations", "al-Dashisha")),
        ("refugees from Chebaa, Southern Lebanon to Syria", ("locations", "Chebaa")),
        ("fighting in Kafr Zita, Syria.", ("locations", "Kafr Zita")),
    ],
)
def test_facilities_and_places_the_text_sets_in_a_country(text, expected):
    assert expected in proposals(text)


@pytest.mark.parametrize(
    "text",
    [
        "food parcels in the Palestinian refugee camp, as before",
        "children at the High School and the Primary school",
        "Iran, Syria and Hezbollah met in secret",
        "said Bashar al-Jaafari, Syria's envoy",
        "the meeting of Iran, Syria and Russia ended",
        "gunmen attacked the Druze village and then the Kurdish-majority town",  # who lives there, not names
        "He went back to Aleppo Town and to a Village nearby",  # "the" must open "the X village"
        "the villages were hit, and officials including Ahmed Hassan said",  # the list is of officials: a mark between
        "fighters in Harakat al-Zinki and in Ali al-Hajj's house",  # a group's name, a person's house
        "gunmen raided Alawite, Druze and Christian villages",  # who lives there
        "Iran could establish a \"Shi'ite corridor\" of land links from Iraq to Lebanon",  # who it would serve
        "Thank you Mr Chair,\n\nI am grateful to the Director General for his update",  # a role on the next line
    ],
)
def test_kinds_of_place_lists_and_possessives_are_not_places(text):
    assert {p for p in proposals(text) if p[0] == "locations"} == set()


def test_a_headline_in_title_case_names_no_agreement():
    found = proposals("SDF Continues Withdrawal from Aleppo Amid Prisoner Exchange and Stability Deal\n\nThe convoy left.")
    assert not any(t == "agreements" for t, _ in found)
    assert ("agreements", "Stability Deal") in proposals("The two sides signed what they called the Stability Deal on Monday.")


def test_an_office_with_its_acronym_and_its_holder_is_no_organisation():
    found = proposals("UN Emergency Relief Coordinator (ERC) Martin Griffiths visited the crossing.")
    assert ("actors", "UN Emergency Relief Coordinator") not in found
    assert ("actors", "Emergency Relief Coordinator") not in found
    assert ("actors", "Syrian Civil Defence") in proposals("the Syrian Civil Defence (SCD) said on Monday")


# People named with their role, Hansard's forms, facilities (tuned on tests/eval/tune6).
def people(text: str, known=(), places=()) -> set[str]:
    return {p.title for p, _, _ in discover(text, known, places) if p.type == "actors"}


def test_a_name_never_runs_over_a_line_break():
    assert "Heather Nauert" in people("Press Statement\nHeather Nauert, Department Spokesperson")


def test_a_place_inside_a_pair_of_parties_does_not_name_an_agreement():
    text = "under the Russia-Turkey agreement of 5 March"
    turkey = (text.index("Turkey"), text.index("Turkey") + len("Turkey"))
    assert not any(p.type == "agreements" and p.title.startswith("Turkey")
                   for p, _, _ in discover(text, [turkey], [turkey]))


@pytest.mark.parametrize(("text", "known", "expected"), [
    ('killed in an attack on the "Jisren" school. A separate attack on the “Misraba” school', (), {"Jisren school", "Misraba school"}),
    ("a mutiny in Hama Prison, held by the guards", ("Hama",), {"Hama Prison"}),  # a facility named after a known city
    ("a mutiny in Hama prison, held by the guards", ("Hama",), set()),  # … but only when its noun is part of its name
])
def test_facilities_named_in_quotes_or_after_a_known_place(text, known, expected):
    spans = [(text.index(k), text.index(k) + len(k)) for k in known]
    found = {p.title for p, _, _ in discover(text, spans) if p.type == "locations"}
    assert found == expected

@pytest.mark.parametrize(("text", "known", "expected"), [
    # a list a locative word opens, two of whose names are known places, lists places
    ("Medicines went to IDP sites in Al-Hassakeh, Qamishli, Mabrouka and Karama.", ("Al-Hassakeh", "Qamishli"),
     {"Mabrouka", "Karama"}),
    ("Medicines went to IDP sites in Al-Hassakeh, Mabrouka and Karama.", ("Al-Hassakeh",), set()),  # one known: not enough
    ("They met in Geneva, Vienna and Mr Smith said so.", ("Geneva", "Vienna"), set()),  # a person's title is no place
    # a strike report's line
    ("-- Near Qayyarah, two strikes engaged two ISIS tactical units.\n-- Near Rawah, one strike hit a building.", (),
     {"Qayyarah", "Rawah"}),
    ("Near Monday, nothing happened.", (), set()),
])
def test_places_listed_beside_known_places_or_opening_a_strike_line(text, known, expected):
    spans = [(text.index(k), text.index(k) + len(k)) for k in known]
    found = {p.title for p, _, _ in discover(text, spans, spans) if p.type == "locations"}
    assert found == expected


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@given(SPANS, SPANS)
def test_spans_are_taken_as_the_linear_check_takes_them(known, proposed):
    """``_free`` searches the taken spans kept sorted and merged; the slow way compares with every span."""
    from generator.text.discover import _free, _take
    from generator.text.spans import disjoint

    fast, slow, taken, kept = [], [], disjoint(known), list(known)
    for span in proposed:
        if _free(span, taken):
            fast.append(span)
            _take(span, taken)
        if all(span[1] <= s or span[0] >= e for s, e in kept):
            slow.append(span)
            kept.append(span)
    assert fast == slow


@pytest.mark.parametrize(("text", "place", "expected"), [
    ("maximising the chances of the Istanbul Joint Statement to be upheld", "Istanbul", {"Istanbul joint statement"}),
    ("a truce held in Manbij. The Manbij truce held.", "Manbij", {"Manbij truce"}),
    ("A new round of Syria talks in Geneva will be held in late May.", "Syria", set()),  # talks about the country
])
def test_an_agreement_named_after_a_known_place_but_not_a_country(text, place, expected):
    at = text.rindex(place)
    found = discover(text, [(at, at + len(place))], [(at, at + len(place))])
    assert {p.title for p, _, _ in found if p.type == "agreements"} == expected


@pytest.mark.parametrize(("text", "known", "expected"), [
    # a body named in full, with no acronym: international by its first word, a body by one of its words
    ("attended by the United Nations Refugee Agency and the United Nations Conference on Trade and Development, in addition",
     ("United Nations Refugee Agency", "United Nations"), {"United Nations Conference on Trade and Development"}),
    ("the Permanent Representative of the International Organization of La Francophonie to the United Nations", (),
     {"International Organization of La Francophonie"}),
    ("The World Economic Forum is due to begin in Davos.", (), {"World Economic Forum"}),
    # not a phrase of capitals without a body's word, nor a body the registry knows
    ("The International Day of Peace was marked.", (), set()),
    ("the International Committee of the Red Cross said", ("International Committee of the Red Cross",), set()),
])
def test_international_bodies_named_in_full(text, known, expected):
    spans = [(text.rindex(k), text.rindex(k) + len(k)) if k == "United Nations" else (text.index(k), text.index(k) + len(k))
             for k in known]
    found = {p.title for p, _, _ in discover(text, spans) if p.type == "actors"}
    assert found == expected


@pytest.mark.parametrize(("text", "known", "expected"), [
    # a road named after the two places it joins, known or not
    ("Clashes on the Aleppo-Gaziantep road cut the route.", ("Aleppo",), {"Aleppo–Gaziantep road"}),
    ("the Deir ez-Zor–Raqqa highway reopened", ("Deir ez-Zor", "Raqqa"), {"Deir ez-Zor–Raqqa highway"}),
    ("the Damascus-Beirut highway", ("Damascus-Beirut highway",), set()),  # a road the registry knows
    ("a North-South road", (), set()),
])
def test_roads_named_after_their_ends(text, known, expected):
    spans = [(text.index(k), text.index(k) + len(k)) for k in known]
    found = {p.title for p, _, _ in discover(text, spans, spans) if p.type == "locations"}
    assert found == expected


def _real_texts() -> list[str]:
    folders = [ROOT / "seeds", ROOT / "tests/eval/articles", *(ROOT / f"tests/eval/{name}/articles" for name in (
        "tune", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7", "tune14", "tune15", "tune16"))]
    return [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.iterdir())]


def test_bodies_and_roads_are_found_as_the_whole_text_scan_finds_them():
    """``_org_names`` and ``_roads`` look only where a first word or a road's noun is; the slow way scans the text."""
    from generator.text.discover import ORG_NAME, ROAD, _org_names, _roads

    texts = _real_texts() + ["the World Bank and the International Organization for Migration met on the Aleppo-Gaziantep "
                             "road and the Deir ez-Zor–Raqqa highway; The Arab League Council said so."]
    for pattern, fast in ((ORG_NAME, _org_names), (ROAD, _roads)):
        slow = [[m.span() for m in pattern.finditer(t)] for t in texts]
        assert [sorted(m.span() for m in fast(t)) for t in texts] == slow
        assert sum(map(len, slow)) >= 3


def test_lists_of_places_are_looked_for_only_beside_two_known_places_yet_all_are_found():
    """``_place_series`` tries the pattern only in a text where two known places follow each other; the slow way scans
    every text. Both keep the lists holding two known places."""
    from generator.content.registry import load_registry
    from generator.text.discover import PLACE_SERIES, _place_series
    from generator.text.names import PLACE_BARE

    registry = load_registry(ROOT / "docs")
    count = 0
    for text in _real_texts():
        places = sorted((h.start, h.end) for h in registry.matcher.find(text) if any(c.type == "locations" for c in h.candidates))
        starts = {s for s, _ in places}
        slow = [m.span() for m in PLACE_SERIES.finditer(text)
                if sum(m.start("list") + n.start() in starts for n in re.finditer(PLACE_BARE, m["list"])) >= 2]
        fast = [m.span() for m in _place_series(text, places)
                if sum(m.start("list") + n.start() in starts for n in re.finditer(PLACE_BARE, m["list"])) >= 2]
        assert fast == slow
        count += len(slow)
    assert count >= 3


@pytest.mark.parametrize(("text", "expected"), [
    ("the Terrorist Financing Targeting Center (TFTC) said", {"Terrorist Financing Targeting Center"}),
    ("the Humanitarian Needs Assessment Programme (HNAP) found", {"Humanitarian Needs Assessment Programme"}),
    ("staff of the Counter Terrorism Executive Directorate (CTED) met", {"Counter Terrorism Executive Directorate"}),
    ("officials of the Syrian Ministry of Defence (MoD) said", {"Syrian Ministry of Defence"}),
    ("the Foreign Crimes Enforcement Bureau (FinCEB) said", {"Foreign Crimes Enforcement Bureau"}),  # small letters inside
    ("is under the control of Non-State Armed Groups (NSAGs).", set()),  # a plural is no acronym
    ("Damascus Free Media (Reuters) said", set()),  # nor is a word
])
def test_bodies_named_with_their_acronym(text, expected):
    found = {p.title for p, _, _ in discover(text, []) if p.type == "actors" and p.kind == "organisation"}
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    # squares and named roads and streets are places
    ("civilians were shot dead in al-Ahrar Square in the old city", {("al-Ahrar Square", "facility")}),
    ("trucks reached Deir Ezzor via Salamiyah Road in western Syria", {("Salamiyah Road", "road")}),
    ("a car bomb on Abu Rummaneh Street killed two", {("Abu Rummaneh Street", "road")}),
    ("The Road to Damascus was long", set()),  # a road with no name of its own
])
def test_squares_and_named_roads(text, expected):
    assert {(p.title, p.kind) for p, _, _ in discover(text, []) if p.type == "locations"} == expected


def test_a_day_and_month_name_no_new_agreement():
    """The registry's agreements are looked up by their day instead (``text/references``)."""
    text = "On 29 October, the 150-hour period referred to in the 22 October Memorandum of Understanding ended."
    assert {p.title for p, _, _ in discover(text, []) if p.type == "agreements"} == set()


def test_the_united_nations_office_at_a_city_is_not_cut_to_a_body_of_its_own():
    text = "United Nations Information Service at the United Nations Office at Geneva, chaired the briefing"
    found = {p.title for p, _, _ in discover(text, []) if p.type == "actors"}
    assert "United Nations Office" not in found
