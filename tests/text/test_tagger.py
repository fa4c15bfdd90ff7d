import pytest

from generator.content.registry import Registry
from generator.text.tagger import tag
from tests.conftest import SMALL_REGISTRY, entity

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
        ("It ended with the capture of Damascus.", ("locations", "damascus"), ("actors", "syrian-government")),
        ("They took several major cities, including Damascus.", ("locations", "damascus"), ("actors", "syrian-government")),
        ("Iraq appealed to Turkey for calm.", ("actors", "turkey"), ("locations", "turkey")),
        ("Turkey, Iraq and the United States announced a joint plan.", ("actors", "turkey"), ("locations", "turkey")),
        ("Refugees from Turkey, Iraq and Jordan arrived.", ("locations", "turkey"), ("actors", "turkey")),
        # a country's possessive before one of its towns places the town; before a base, the country owns it
        ("Aid crossed from Iraq's Albu Kamal on Monday.", ("locations", "iraq"), ("actors", "iraq")),
        ("Iraq's Al-Tanf base was hit.", ("actors", "iraq"), ("locations", "iraq")),
        ("This follows consultations with the Turkish and Iraqi Governments.", ("actors", "turkey"), ("locations", "turkey")),
        # "from X to Y" is a way between places
        ("UN agencies took humanitarian assistance from Damascus to Kafr Awid.", ("locations", "damascus"), ("actors", "syrian-government")),
        ("Food came in a cross-border delivery from Turkey under the framework.", ("locations", "turkey"), ("actors", "turkey")),
        ("The crossings are closed for UN shipments from Turkey.", ("locations", "turkey"), ("actors", "turkey")),
        ("Afraa, 14, originally from Iraq, waits for her siblings.", ("locations", "iraq"), ("actors", "iraq")),
        ("Support from Turkey helped the rebels.", ("actors", "turkey"), ("locations", "turkey")),
    ],
)
def test_metonyms_and_demonyms_take_their_reading_from_context(text, expected, not_expected):
    found = tags(text)
    assert expected in found
    assert not_expected not in found


def test_both_readings_are_recorded_when_both_occur():
    found = tags("Moscow said it would send envoys. They landed in Moscow later.")
    assert {("actors", "russia"), ("locations", "moscow")} <= found


@pytest.mark.parametrize("text", ["Residents told Syria Direct last week.", "As Syria Weekly reported, the road closed.",
                                  "ERBIL (Iraq 24) - Shelling went on."])
def test_a_place_in_an_outlets_name_is_not_tagged(text):
    assert tags(text) == set()


def test_demonym_of_a_place_noun_is_not_the_state():
    assert ("actors", "iraq") not in tags("They moved close to the Iraqi border.")


def test_pro_prefixed_demonym_is_not_the_state():
    assert ("actors", "russia") not in tags("pro-Russian bloggers wrote about it.")


def test_ambiguous_short_form_needs_support_in_the_article():
    assert ("actors", "islamic-state") not in tags("What IS the plan? Nobody knows.")
    assert ("actors", "islamic-state") in tags("IS fighters attacked. ISIS claimed the attack.")
    assert ("actors", "islamic-state") in tags("IS declared its caliphate in 2014.")


OLD_CITIES = Registry({e.key: e for e in [
    entity("locations", "homs", "Homs", kind="city"), entity("locations", "aleppo", "Aleppo", kind="city"),
    entity("locations", "old-homs", "Old City of Homs", ambiguous=["Old City"], context=["Homs"],
           kind="neighbourhood"),
    entity("locations", "old-aleppo", "Old City of Aleppo", ambiguous=["Old City"], context=["Aleppo"],
           kind="district"),
]})


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels in Homs left the Old City on Friday.", {"homs", "old-homs"}),
    # both cities named: the one named last before it
    ("Fighting went on in Aleppo. Rebels in Homs left the Old City on Friday.", {"aleppo", "homs", "old-homs"}),
    ("In Homs it was quiet. Rebels in Aleppo held the Old City.", {"aleppo", "homs", "old-aleppo"}),
    # a day after the short form is no longer name it is part of
    ("Buses began leaving the Old City Wednesday, Homs officials said.", {"homs", "old-homs"}),
    ("They visited the Old City.", set()),
])
def test_a_short_form_two_places_share_is_the_one_whose_context_was_named_last(text, expected):
    assert {m.slug for m in tag(text, OLD_CITIES)} == expected


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


@pytest.mark.parametrize(("text", "expected"), [
    ("Damascus: Flash Update No. 9\nFighting went on.", {("locations", "damascus")}),  # a heading's place (UN reports)
    ("Turkey: help must reach Afrin\nAid is blocked.", {("locations", "turkey")}),
    ("Talks ended.\nDamascus said it would answer.", {("actors", "syrian-government")}),  # no colon: acting
    # a dateline cleaning did not take out: a capital in capitals opening a line, then a dash, a comma or a bracket
    ("DAMASCUS - The deadline for the truce passed.", {("locations", "damascus")}),
    ("DAMASCUS, February 27, 2016\nThe truce held.", {("locations", "damascus")}),
    ("Talks ended.\nDAMASCUS said it would answer.", {("actors", "syrian-government")}),  # in capitals, acting
])
def test_a_place_heading_a_line_before_a_colon_is_the_place(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("Shelling hit the outskirts of Damascus on Monday.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("The village lies east of Damascus.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("Darayya, a suburb of Damascus, was besieged.", ("locations", "damascus"), ("actors", "syrian-government")),
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


EMBEDDED = Registry({e.key: e for e in [*SMALL_REGISTRY,
    entity("actors", "un-security-council", "UN Security Council", aliases=["Security Council"], ambiguous=["Security Council"],
           context=["resolution"], kind="organisation"),
    entity("agreements", "resolution-2254", "UN Security Council Resolution 2254",
           aliases=["Security Council resolution 2254"], kind="resolution"),
    entity("agreements", "reconciliation", "Reconciliation agreements", aliases=["Russian-brokered reconciliation deals"],
           kind="process"),
    entity("agreements", "southwest-zone", "Southwest de-escalation zone", kind="ceasefire"),
    entity("agreements", "zones-memorandum", "De-escalation zones memorandum", aliases=["de-escalation zone"], kind="memorandum"),
    entity("locations", "astana", "Astana", kind="city"),
]})


def test_actors_an_agreement_is_named_after_are_named_too():
    found = {(m.type, m.slug) for m in tag("They cited Security Council resolution 2254 again.", EMBEDDED)}
    assert {("actors", "un-security-council"), ("agreements", "resolution-2254")} <= found
    found = {(m.type, m.slug) for m in tag("Daraa fell after Russian-brokered reconciliation deals.", EMBEDDED)}
    assert ("actors", "russia") in found
    assert ("locations", "moscow") not in found  # the Astana talks name where they were held, not a place of the story
    assert ("locations", "astana") not in {(m.type, m.slug) for m in tag("The Astana talks resumed.", EMBEDDED)}


def test_the_tail_of_a_longer_agreement_name_is_that_agreement():
    text = "Preserving the Southwest de-escalation zone. Operations inside the de-escalation zone risk a wider war."
    found = {m.slug for m in tag(text, EMBEDDED) if m.type == "agreements"}
    assert found == {"southwest-zone"}


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("Questions were taken via teleconference from Damascus.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("Rockets with chemical heads were fired on Damascus at dawn.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("Turkey's Permanent Representative spoke first.", ("actors", "turkey"), ("locations", "turkey")),
])
def test_more_places_and_states_by_their_context(text, expected, not_expected):
    found = tags(text)
    assert expected in found
    assert not_expected not in found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("He met Recep Tayyip Erdogan, the Prime Minister of Turkey, on Monday.", {("actors", "turkey"), ("locations", "turkey")}),
        ("The Special Envoy for Syria will brief the Council.", {("locations", "syria")}),
        ("The new U.N. envoy for Syria says he sees an opening.", {("locations", "syria")}),
        ("New UN Syria Envoy Sees Opportunity", {("locations", "syria")}),
        ("the Minister of State for Europe and Turkey met the ambassador", {("actors", "turkey"), ("locations", "turkey")}),
    ],
)
def test_a_state_in_the_title_of_an_office_is_neither_actor_nor_place(text, absent):
    assert not tags(text) & absent


def test_the_capital_of_a_country_makes_the_country_a_place():
    found = tags("The talks were held in the capital of Turkey.")
    assert ("locations", "turkey") in found
    assert ("actors", "turkey") not in found


def test_turkey_still_acts_and_is_still_a_place_outside_titles():
    assert ("actors", "turkey") in tags("Turkey said it would send troops.")
    assert ("locations", "syria") in tags("Fighting continued in Syria.")


def test_a_capital_the_registry_knows_no_place_of_named_as_a_place_is_not_its_state():
    registry = Registry({e.key: e for e in [
        *SMALL_REGISTRY,
        entity("actors", "sweden", "Sweden", metonyms=["Stockholm"], demonyms=["Swedish"], kind="state"),
    ]})
    found = {(m.type, m.slug) for m in tag("Two people died in Stockholm and Moscow last week.", registry)}
    assert ("actors", "sweden") not in found
    assert ("actors", "russia") not in found  # listed after a place, even one without a page
    assert ("actors", "sweden") in {(m.type, m.slug) for m in tag("Stockholm said it would send aid.", registry)}


LEBANON = Registry({e.key: e for e in [*SMALL_REGISTRY,
    entity("actors", "lebanon", "Lebanon", demonyms=["Lebanese"], kind="state"),
    entity("locations", "lebanon", "Lebanon", kind="country"),
    entity("actors", "france", "France", demonyms=["French"], kind="state"),
    entity("actors", "united-states", "United States", metonyms=["Washington"], demonyms=["American"], kind="state"),
    entity("locations", "washington", "Washington", kind="city"),
    entity("locations", "yarmouk", "Yarmouk", kind="camp"),
    entity("locations", "eastern-syria", "Eastern Syria", aliases=["east Syria"], kind="region"),
    entity("locations", "northern-syria", "Northern Syria", aliases=["Syria's north"], kind="region"),
    entity("agreements", "sochi-memorandum", "Sochi memorandum", kind="memorandum",
           aliases=["Memorandum on Stabilization of the Situation in the Idlib De-escalation Area"]),
    entity("agreements", "moscow-additional-protocol", "Moscow protocol", kind="ceasefire",
           aliases=["Additional Protocol to the Memorandum on Stabilization of the Situation in the Idlib De-escalation Area"]),
]})


def tags_in(text: str, registry: Registry = LEBANON) -> set[tuple[str, str]]:
    return {(m.type, m.slug) for m in tag(text, registry)}


@pytest.mark.parametrize(("text", "government"), [
    # in a story of Syria's war (it names the opposition or rebels), the bare government is Syria's
    ("In Syria, the talks brought together representatives of the Government and of the opposition.", True),
    ("Airstrikes hit Idlib in Syria, to stop the government and armed rebel groups from fighting.", True),
    ("The war in Syria began as a peaceful protest against the Government by the opposition.", True),
    # "the regime" in a story that names Syria
    ("We call on the regime's backers to stop the attacks in Syria.", True),
    # "regime" as the adjective of what it does, even after another state in the sentence; "the regime of Syrian President"
    ("Towns in Syria were pounded by Russian jets since a renewed regime assault last month.", True),
    ("In Syria, forces loyal to the regime of Syrian President Bashar al-Assad attacked.", True),
    # "his regime" right after Assad is named
    ("Assad will have no role in Syria, as his regime is the main source of terror.", True),
    ("The envoy said his regime of sanctions on Syria would stay.", False),
    ("Syria's talks set up a regime of calm in Aleppo.", False),
    # not where the text says whose, nor without a war, nor after another state, nor beside another regime
    ("Syrian rebels fled; the government of Lebanon hosts them.", False),
    ("Syrian refugees in Lebanon thanked the government and its people.", False),
    ("Syrian rebels fled. In Lebanon, the government said it would help.", False),
    ("Syria and the Iranian regime are allies; the regime denies it.", False),
    ("The government said the rebels had left.", False),  # not a story of Syria
])
def test_the_bare_government_or_regime_is_syrias_in_a_story_of_its_war(text, government):
    assert (("actors", "syrian-government") in tags_in(text)) is government


def test_allies_backers_and_partners_make_a_demonym_the_state():
    found = tags_in("The strikes were taken together with our American and French allies.")
    assert {("actors", "united-states"), ("actors", "france")} <= found


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("The statement was issued.\nWashington, DC\nJuly 22, 2018", ("locations", "washington"), ("actors", "united-states")),
    ("Food was handed out in the camp of Yarmouk, Damascus on 14 May.", ("locations", "damascus"), ("actors", "syrian-government")),
    ("Aid reached people in south-east Syria's camps.", None, ("locations", "eastern-syria")),
    ("Bombs fell on Syria's north-western province.", None, ("locations", "northern-syria")),
    ("Fighting went on in east Syria.", ("locations", "eastern-syria"), None),
])
def test_places_set_off_by_a_comma_and_compound_compass_points(text, expected, not_expected):
    found = tags_in(text)
    assert expected is None or expected in found
    assert not_expected is None or not_expected not in found


def test_an_agreement_a_protocol_is_added_to_is_named_too():
    text = ("On 5 March the presidents agreed an Additional Protocol to the Memorandum on Stabilization of the Situation "
            "in the Idlib De-Escalation Area.")
    found = {m.slug for m in tag(text, LEBANON) if m.type == "agreements"}
    assert found == {"moscow-additional-protocol", "sochi-memorandum"}


def test_a_plan_named_after_its_broker_is_not_someone_elses_arrangement():
    registry = Registry({e.key: e for e in [
        entity("actors", "kofi-annan", "Kofi Annan", kind="person"),
        entity("actors", "united-nations", "United Nations", aliases=["UN"], kind="organisation"),
        entity("agreements", "annan-plan", "Annan six-point plan", aliases=["six-point plan"], kind="agreement",
               parties=("Syrian government",)),
    ]})
    assert ("agreements", "annan-plan") in tags_in("We support Kofi Annan’s six-point plan and the Syrian people.", registry)
    assert ("agreements", "annan-plan") not in tags_in("They back the UN six-point plan for schools.", registry)


SYRIA = Registry({e.key: e for e in [
    entity("actors", "syrian-government", "Syrian government", metonyms=["Syria", "Damascus"], kind="government"),
    entity("locations", "syria", "Syria", kind="country"),
]})


@pytest.mark.parametrize(("text", "acting"), [
    ("Syria will attend the talks.", True),
    # what a meeting is about is no subject of the verb after it
    ("An Action Group meeting on Syria will be held in Geneva.", False),
    ("After a meeting on Syria, Foreign Secretary William Hague said it was vital.", False),
    ("Sanctions against Syria were lifted.", False),
])
def test_a_country_a_meeting_is_about_is_the_place(text, acting):
    found = tags_in(text, SYRIA)
    assert (("actors", "syrian-government") in found) is acting
    assert (("locations", "syria") in found) is not acting



@pytest.mark.parametrize(("text", "acting"), [
    # a Council delegate speaks for the state; a representative's title names the state only as part of an office
    ("The representative of Turkey, supporting the resolution, said aid must flow.", True),
    ("Syria's needs were discussed. The representative of Turkey said aid must flow.", True),
    ("He met the Special Representative of Turkey on Monday.", False),
])
def test_a_council_delegate_speaks_for_the_state(text, acting):
    assert (("actors", "turkey") in tags(text)) is acting



@pytest.mark.parametrize(("text", "absent"), [
    ("It will save an estimated US$37 million per year.", ("actors", "united-states")),  # a currency
    ("Kurdish-led Syrian forces, backed by US air power, launched an offensive.", ("actors", "syrian-government")),
    ("Rebel Syrian forces held the town.", ("actors", "syrian-government")),
])
def test_a_currency_and_others_syrian_forces_are_not_the_state(text, absent):
    registry = Registry({e.key: e for e in [
        entity("actors", "syrian-government", "Syrian government", aliases=["Syrian forces"], kind="government"),
        entity("actors", "united-states", "United States", aliases=["US"], kind="state"),
    ]})
    assert absent not in tags_in(text, registry)


def test_the_governments_forces_backed_by_an_ally_are_still_the_governments():
    registry = Registry({e.key: e for e in [
        entity("actors", "syrian-government", "Syrian government", aliases=["Syrian forces"], kind="government"),
    ]})
    assert ("actors", "syrian-government") in tags_in("Russian-backed Syrian forces advanced on Idlib.", registry)


def test_a_country_after_a_place_and_before_a_date_is_the_place():
    registry = Registry({e.key: e for e in [
        entity("locations", "geneva", "Geneva", kind="city"),
        entity("actors", "switzerland", "Switzerland", kind="state"),
    ]})
    found = tags_in("President Wilson Hotel, Geneva, Switzerland, August 26, 2016\n\nGood evening.", registry)
    assert ("actors", "switzerland") not in found
    assert ("actors", "switzerland") in tags_in("Geneva, Switzerland, said it would host the talks.", registry)


@pytest.mark.parametrize(("body", "kept"), [
    ({("agreements", "suwayda-truce")}, {"suwayda-truce"}),  # the body names another: the title's generic word goes
    ({("actors", "un")}, {"suwayda-truce", "annan-ceasefire"}),  # the body names none: the title's reading stands
])
def test_a_titles_generic_agreement_gives_way_to_the_bodys(body, kept):
    from generator.content.model import Mention
    from generator.text.matcher import Candidate, Hit
    from generator.text.tagger import in_title

    title = "Sweida truce holds; Ceasefire under strain"
    named = Hit(0, 12, "Sweida truce", (Candidate("agreements", "suwayda-truce", "name"),))
    mentions = [Mention("agreements", "suwayda-truce", 0, 12, "Sweida truce"),
                Mention("agreements", "annan-ceasefire", 20, 29, title[20:29])]
    assert {m.slug for m in in_title(mentions, [named], body)} == kept


@pytest.mark.parametrize(("text", "expected"), [
    ("Statement by Ambassador Susan E. Rice on Syria", {("actors", "susan-rice")}),  # an initial the registry lacks
    ("Ambassador Sousan said so.", {("actors", "ayman-sousan")}),
    ("Ambassador Susan E. Rice said so.", {("actors", "susan-rice")}),  # a first name, not Sousan's surname
    ("Then Rice. E. Smith came.", set()),
])
def test_a_person_named_with_a_middle_initial(text, expected):
    registry = Registry({e.key: e for e in [entity("actors", "susan-rice", "Susan Rice", kind="person"),
                                            entity("actors", "ayman-sousan", "Ayman Sousan", kind="person")]})
    assert tags_in(text, registry) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a place's name ending a person's, the person set off by a role: Kurdish fighters take their town's name
    ("Adnan Afrin, a SDF spokesperson, told AFP the clashes were sporadic.", set()),
    ("A YPG spokesperson, said YPG spokesperson Shiyar Hasakah at a funeral.", set()),
    # the place, though a capital or a role is near
    ("In Afrin, a SDF spokesperson said the clashes were sporadic.", {("locations", "afrin")}),
    ("Shelling hit Afrin, a Kurdish-held town, and Hasakah.", {("locations", "afrin"), ("locations", "hasakah")}),
    ("Shelling hit Rural Afrin, rebel commanders said.", {("locations", "afrin")}),  # a role with no article: no apposition
    # or the role is the title of a body's office
    ("Present were Rohilat Afrin, Commander of the Women's Protection Units, and others.", set()),
    ("Shelling hit Rural Afrin, Capital of the canton.", {("locations", "afrin")}),
])
def test_a_place_that_ends_a_persons_name_is_no_place(text, expected):
    registry = Registry({e.key: e for e in [
        entity("locations", "afrin", "Afrin", kind="city"), entity("locations", "hasakah", "Hasakah", kind="city"),
    ]})
    assert tags_in(text, registry) == expected


@pytest.mark.parametrize("text", ["Agence France Presse reported it.", "Agence France-Presse reported it."])
def test_a_state_in_a_news_agencys_name_is_not_tagged(text):
    registry = Registry({e.key: e for e in [entity("actors", "france", "France", kind="state")]})
    assert tags_in(text, registry) == set()


@pytest.fixture(scope="module")
def shipped():
    from generator.content.registry import load_registry
    from tests.conftest import ROOT
    return load_registry(ROOT / "docs")


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    # the wiki's own registry: the state's formal name is the place unless the state acts
    ("members reaffirmed the territorial integrity of the Syrian Arab Republic.", ("locations", "syria"),
     ("actors", "syrian-government")),
    ("The Syrian Arab Republic has submitted its declaration.", ("actors", "syrian-government"), ("locations", "syria")),
    ("They were received by the Government of the Syrian Arab Republic.", ("actors", "syrian-government"), ("locations", "syria")),
    # after Assad, "Syria's interim government" is the state's, not the opposition's Syrian Interim Government
    ("a deal signed by the head of Syria’s interim government, Ahmed al-Sharaa.", ("actors", "syrian-government"),
     ("actors", "syrian-interim-government")),
    ("The Syrian military also announced that its forces seized the town.", ("actors", "syrian-arab-army"), None),
    ("security and stability across North and East Syria", ("locations", "northeast-syria"), ("locations", "eastern-syria")),
    ("Rebels in Homs are to abandon their stronghold in the Old City area.", ("locations", "old-city-of-homs"),
     ("locations", "old-city-of-aleppo")),
    # a clock names neither the state nor the place
    ("The ceasefire starts at noon Damascus time on Sunday.", None, ("actors", "syrian-government")),
    ("The ceasefire starts at noon Damascus time on Sunday.", None, ("locations", "damascus")),
    ("Moscow time and again said no.", ("actors", "russia"), None),
    # government forces in another state are that state's
    ("a Kurdish force fighting government forces in southeast Turkey", None, ("actors", "syrian-government")),
    ("Government forces in Lebanon moved in.", None, ("actors", "syrian-government")),
    ("government forces in northern Syria shelled the town", ("actors", "syrian-government"), None),
    ("government forces in Idlib shelled the town", ("actors", "syrian-government"), None),
    # a country in brackets after a place is where it is; after a person, whose state they speak for
    ("the road between Al-Masnaa (Lebanon) and Jdeidet Yabous (Syria) border crossings", ("locations", "lebanon"),
     ("actors", "lebanon")),
    ("a statement issued by Council President Dina Kawar (Jordan):", ("actors", "jordan"), ("locations", "jordan")),
    ("The border will open at Bab al-Salam and Al Ra’ee for three months.", ("locations", "al-rai"), None),
])
def test_the_shipped_registry_reads_names_as_a_reader_would(shipped, text, expected, not_expected):
    found = {(m.type, m.slug) for m in tag(text, shipped)}
    assert expected is None or expected in found
    assert not_expected not in found
