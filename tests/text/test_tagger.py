import pytest

from generator.content.registry import Registry
from generator.text.tagger import tag
from tests.conftest import SMALL_REGISTRY

REGISTRY = Registry({e.key: e for e in SMALL_REGISTRY})


def tags(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.slug) for m in tag(text, REGISTRY)}


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("Moscow said the patrols would go on.", ("actors", "russia"), ("locations", "moscow")),
        ("The delegation arrived in Moscow on Monday.", ("locations", "moscow"), ("actors", "russia")),
        ("Ankara sent more troops.", ("actors", "turkey"), ("locations", "turkey")),
        ("Damascus continues its raids on Barah.", ("actors", "syrian-government"), ("locations", "damascus")),
        ("Protests spread in Damascus.", ("locations", "damascus"), ("actors", "syrian-government")),
        ("Turkey decided to attack.", ("actors", "turkey"), ("locations", "turkey")),
        ("Refugees fled to Turkey.", ("locations", "turkey"), ("actors", "turkey")),
        ("a crossing between Syria and Iraq", ("locations", "iraq"), ("actors", "iraq")),
        ("Russian forces entered the town.", ("actors", "russia"), ("locations", "moscow")),
        ("the Turkish-backed factions", ("actors", "turkey"), ("locations", "turkey")),
        ("the Russians passed on the message", ("actors", "russia"), ("locations", "moscow")),
    ],
)
def test_metonyms_and_demonyms_take_their_reading_from_context(text, expected, not_expected):
    found = tags(text)
    assert expected in found
    assert not_expected not in found


def test_both_readings_are_recorded_when_both_occur():
    found = tags("Moscow said it would send envoys. They landed in Moscow later.")
    assert {("actors", "russia"), ("locations", "moscow")} <= found


def test_demonym_of_a_place_noun_is_not_the_state():
    assert ("actors", "iraq") not in tags("They moved close to the Iraqi border.")


def test_pro_prefixed_demonym_is_not_the_state():
    assert ("actors", "russia") not in tags("pro-Russian bloggers wrote about it.")


def test_ambiguous_short_form_needs_support_in_the_article():
    assert ("actors", "islamic-state") not in tags("What IS the plan? Nobody knows.")
    assert ("actors", "islamic-state") in tags("IS fighters attacked. ISIS claimed the attack.")
    assert ("actors", "islamic-state") in tags("IS declared its caliphate in 2014.")


def test_acronym_defined_in_the_text_is_learned():
    found = tag("The Free Syrian Army (FSA) said. Later the FSA denied it.", REGISTRY)
    assert [m.surface for m in found if m.slug == "free-syrian-army"] == ["Free Syrian Army", "FSA", "FSA"]


def test_mentions_point_at_their_text():
    text = "Talks in Astana resumed; the Astana talks ended."
    for m in tag(text, REGISTRY):
        assert text[m.start:m.end] == m.surface


@pytest.mark.parametrize(("text", "expected"), [
    ("DAMASCUS, June 8 (Reuters) - The army shelled the town.", set()),
    ("BEIRUT (AP) — The army shelled the town.\n\nDAMASCUS (Reuters) - Talks resumed.", set()),  # a page written before
    ("DAMASCUS (Reuters) - Damascus said talks resumed.", {("actors", "syrian-government")}),  # named again, in the text
    ("MOSCOW, March 5, 2020 (Reuters) - Turkey said it would answer.", {("actors", "turkey")}),
])
def test_a_dateline_names_no_actor(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("Shelling hit the outskirts of Damascus on Monday.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("The village lies east of Damascus.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("Rebels advanced on Damascus.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("Thousands were fleeing Damascus.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("Shells fell on the Syrian capital Damascus.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("Families coming from Iraq crossed the border.", ("locations", "iraq"), ("actors", "iraq")),
    ("The town lies near a highway from Damascus to the coast.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("The militiamen, pressed from Damascus, withdrew.", ("actors", "syrian-government"), ("locations", "damascus")),
    ("They asked for support from Turkey.", ("actors", "turkey"), ("locations", "turkey")),
    ("It was an obvious reference to Turkey.", ("actors", "turkey"), ("locations", "turkey")),
    ("Talks were held in Moscow and Damascus.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("Refugees fled to Iraq and Turkey.", ("locations", "turkey"), ("actors", "turkey")),
    ("Delegates met in Moscow, Jeddah and Damascus.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("Syria, Turkey and Iraq have agreed on the road map.", ("actors", "turkey"), ("locations", "turkey")),
    ("Russian Deputy Foreign Minister Gennady Gatilov arrived.", ("actors", "russia"), ("locations", "moscow")),
])
def test_a_place_by_how_the_text_uses_it_a_state_when_it_acts(text, expected, not_expected):
    found = tags(text)
    assert expected in found
    assert not_expected not in found


def test_a_country_can_be_both_the_state_and_the_place_in_one_article():
    found = tags("Turkey said it would respond. Thousands fled to Turkey.")
    assert {("actors", "turkey"), ("locations", "turkey")} <= found
