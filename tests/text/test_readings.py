"""Which reading a name has where it stands: a place things happen in, an actor doing something, or neither."""

import pytest

from generator.text.readings import OFFICE_TITLE, demonym_acts, in_office_title, is_acting, is_locative


def span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


@pytest.mark.parametrize(
    ("sentence", "name", "possessive", "expected"),
    [
        ("Protests spread in Idlib on Friday.", "Idlib", False, True),
        ("Shelling hit villages in northern rural Idlib.", "Idlib", False, True),
        ("Aid entered Syria via Bab al-Hawa.", "Syria", False, True),
        ("Russian jets struck targets across Idlib.", "Idlib", False, True),
        ("Refugees fled to Turkey.", "Turkey", False, True),
        ("Iraq border crossings reopened on Monday.", "Iraq", False, True),
        ("Syria's border with Iraq stayed closed.", "Syria's", True, True),
        ("a crossing between Syria and Iraq", "Iraq", False, True),
        ("a crossing between Syria and Iraq", "Syria", False, True),
        ("The Britain-based monitor reported the strikes.", "Britain", False, True),
        # the name acts, or is only the other side of a relation
        ("Moscow said the patrols would resume.", "Moscow", False, False),
        ("Turkey decided to attack.", "Turkey", False, False),
        ("Turkey's offensive began at dawn.", "Turkey's", True, False),
        ("Ankara's envoy arrived in Moscow.", "Ankara's", True, False),
        ("talks between Russia and Turkey", "Turkey", False, False),
        # a comma ends the phrase: "in the north of the country" is not about Damascus
        ("Fighting continued in the north of the country, Damascus said.", "Damascus", False, False),
        # a list a locative word opened: every name of it is a place, unless "to" addresses them
        ("Israel bombed government forces in both Sweida and Damascus this week.", "Damascus", False, True),
        ("Refugees fled to Iraq, Jordan and Turkey.", "Turkey", False, True),
        ("Refugees fled to Iraq, Jordan and Turkey.", "Jordan", False, True),
        ("He talked to Russia and Turkey about it.", "Turkey", False, False),
        ("Officials in Ankara and Moscow said the talks would go on.", "Moscow", False, True),
        ("Talks between Ankara and Moscow went on.", "Moscow", False, False),
        ("Trucks crossed the border with Iraq and Jordan.", "Jordan", False, True),
        ("It is 30 km from Turkey's southern border. Last month, Ankara and Moscow agreed.", "Ankara", False, False),
        ("Talks were driven by urgency after the Paris attacks that killed 129 people.", "Paris", False, True),
        ("Moscow attacks rebel positions daily.", "Moscow", False, False),
    ],
)
def test_a_name_is_a_place_after_a_locative_word_or_before_a_place_noun(sentence, name, possessive, expected):
    assert is_locative(sentence, *span(sentence, name), possessive=possessive) is expected


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("Ankara sent more troops.", "Ankara", True),
        ("Damascus reportedly agreed to the terms.", "Damascus", True),
        ("Moscow's position has not changed.", "Moscow's", True),
        ("Iran-backed militias moved in.", "Iran", True),
        ("US-led coalition jets struck the bridge.", "US", True),
        ("Tehran denied the report.", "Tehran", True),
        ("Washington, meanwhile, stayed silent.", "Washington", False),
        ("The delegation flew to Moscow.", "Moscow", False),
        ("They fled to Turkey", "Turkey", False),
        ("Syria's airspace was closed.", "Syria's", False),
        ("Turkey's economy is struggling.", "Turkey's", False),
        # a state after another's possessive is where the possessor acts: "Turkey's Syria offensive"
        ("Turkey's Syria offensive drew criticism.", "Syria", False),
        ("Russia's Syria campaign has cost billions.", "Syria", False),
        ("Turkey's Syria said nothing.", "Syria", True),
        ("Officials say Syria and Israel are close to a deal.", "Israel", True),
        ("More people in besieged areas of Syria are getting food.", "Syria", False),
    ],
)
def test_a_name_acts_when_a_verb_or_an_actor_noun_follows(sentence, name, expected):
    assert is_acting(sentence, *span(sentence, name)) is expected


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        ("Russian forces entered the town.", "Russian", True),
        ("the Russians passed on the message", "Russians", True),
        ("The Turks shelled the village overnight.", "Turks", True),
        ("Turkish-backed factions advanced.", "Turkish", True),
        ("The Turkish Foreign Ministry condemned the strike.", "Turkish", True),
        ("They moved close to the Iraqi border.", "Iraqi", False),
        ("Sand blew in from the Iraqi desert.", "Iraqi", False),
        ("pro-Russian bloggers wrote about it.", "Russian", False),
        ("Turkish coffee was served.", "Turkish", False),
        ("The pilot was Russian.", "Russian", False),
        pytest.param("Anti-Russian forces clashed with the army.", "Russian", False, marks=pytest.mark.xfail(
            strict=True, reason="readings.demonym_acts: the 'anti-' check looks at 4 characters and the word before keeps "
                                "its hyphen, so anti-Russian forces are read as Russia")),
    ],
)
def test_a_demonym_stands_for_the_state_only_when_it_acts(sentence, surface, expected):
    assert demonym_acts(sentence, *span(sentence, surface), surface) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("the UN Special Envoy for Syria said", "Syria", True),
        ("the Prime Minister of Lebanon met", "Lebanon", True),
        ("the Minister of State for Europe and the Americas", "Americas", True),
        ("the MINISTER of Lebanon", "Lebanon", True),
        ("the Miniſter of Lebanon", "Lebanon", True),  # what the pattern takes for an "s" the cheap test must take too
        ("the Secretary of State for Iraq and Lebanon", "Lebanon", True),
        ("the Mİnister of Lebanon", "Lebanon", True),
        ("the Envoy of Turkey", "Turkey", True),
        ("refugees of Syria fled", "Syria", False),
        ("talks between the envoy and Syria", "Syria", False),
        ("the UN Syria envoy", "Syria", True),
        ("Syria envoy Geir Pedersen said", "Syria", True),
        ("the US Syria envoy James Jeffrey said", "Syria", True),
        ("Syria's envoy Bashar Jaafari said", "Syria's", False),
    ],
)
def test_a_state_inside_the_title_of_an_office(text, name, expected):
    start, end = span(text, name)
    assert in_office_title(text, start, end) is expected


@pytest.mark.parametrize("text", ["Miniſter of ", "envoy for the ", "ſecretary of State for France and the ", "rapporteur on "])
def test_the_test_before_the_office_pattern_never_hides_a_match(text):
    for lead in ("the ", "a Prime ", "é "):
        padded = lead + text
        assert (OFFICE_TITLE.search(padded) is not None) == in_office_title(padded + "X", len(padded), len(padded) + 1)


@pytest.mark.parametrize(("sentence", "name", "expected"), [
    ("to keep humanitarian aid flowing for another year from Turkey to millions", "Turkey", True),
    ("with support from Turkey", "Turkey", False),
    ("critical to bringing in weapons and fighters from Lebanon", "Lebanon", True),
    ("government ministers from Iraq announced", "Iraq", False),
    ("62 different countries, including 20,000 from Iraq.", "Iraq", True),
])
def test_aid_flowing_from_a_country_places_it(sentence, name, expected):
    start = sentence.index(name)
    assert is_locative(sentence, start, start + len(name)) is expected
