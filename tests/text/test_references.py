"""Agreements named only by description resolve to the registry agreement the context supports, or to nothing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.content.registry import Registry
from generator.text.references import NOUN, RESOLUTIONS, _resolution_groups, noun_class
from generator.text.tagger import tag
from tests.conftest import entity

AGREEMENTS = [
    entity("agreements", "manbij-truce", "Manbij ceasefire of December 2024", aliases=["Manbij ceasefire"], kind="ceasefire",
           published="2024-12-11", parties=("Syrian Democratic Forces", "United States"), places=("Manbij",)),
    entity("agreements", "sochi-2019", "Sochi memorandum of October 2019", aliases=["Sochi memorandum"], kind="memorandum",
           published="2019-10-22", parties=("Russia", "Turkey"), places=("Sochi",)),
    entity("agreements", "sdf-government-2019", "SDF–Syrian government agreement of October 2019", kind="agreement",
           published="2019-10-13", parties=("Syrian Democratic Forces", "Syrian government"), places=("Hmeimim",)),
    entity("agreements", "southern-settlement-2018", "Southern Syria settlement of 2018", kind="agreement",
           published="2018-07-06", parties=("Russia", "Syrian government"), places=("Daraa",)),
    entity("agreements", "daraa-2021", "Daraa settlement of 2021", kind="agreement", published="2021-09-01",
           parties=("Russia", "Syrian government"), places=("Daraa al-Balad",)),
    entity("agreements", "resolution-2254", "UN Security Council Resolution 2254", aliases=["Resolution 2254"], kind="resolution",
           published="2015-12-18"),
    entity("agreements", "resolution-2268", "UN Security Council Resolution 2268", aliases=["Resolution 2268"], kind="resolution",
           published="2016-02-26"),
    entity("agreements", "evacuation-deal", "Aleppo evacuation deal", kind="deal", published="2016-12-13",
           parties=("Russia", "Turkey"), places=("Aleppo",)),
    entity("agreements", "communique", "Geneva Communiqué", aliases=["Final Communiqué of the Action Group"], kind="statement",
           published="2012-06-30", parties=("United States", "Russia"), places=("Geneva",)),
]
OTHERS = [
    entity("actors", "sdf", "Syrian Democratic Forces", aliases=["SDF"], kind="armed group"),
    entity("actors", "united-states", "United States", aliases=["US"], demonyms=["American"], kind="state"),
    entity("actors", "russia", "Russia", demonyms=["Russian"], kind="state"),
    entity("actors", "turkey", "Turkey", demonyms=["Turkish"], kind="state"),
    entity("actors", "syrian-government", "Syrian government", metonyms=["Damascus"], kind="government"),
    entity("locations", "manbij", "Manbij", kind="city"),
    entity("locations", "sochi", "Sochi", kind="city"),
    entity("locations", "daraa", "Daraa", kind="city"),
    entity("locations", "daraa-al-balad", "Daraa al-Balad", kind="neighbourhood"),
    entity("locations", "aleppo", "Aleppo", kind="city"),
    entity("locations", "geneva", "Geneva", kind="city"),
    entity("locations", "baghuz", "Baghuz", kind="village"),
]
REGISTRY = Registry({e.key: e for e in AGREEMENTS + OTHERS})


def agreements(text: str, published: str = "") -> set[str]:
    return {m.slug for m in tag(text, REGISTRY, published) if m.type == "agreements"}


@pytest.mark.parametrize(("text", "published", "expected"), [
    # the place in the reference's own phrase, and the parties around it
    ("Clashes went on despite a US-brokered truce in Manbij that expired on Tuesday.", "", {"manbij-truce"}),
    # its day, and a party in the same sentence
    ("Forces moved under a Russian-brokered deal with the SDF reached at the Hmeimim base on October 13.", "2019-10-20",
     {"sdf-government-2019"}),
    # the year and the word of its name in the phrase
    ("The negotiators recall the July 2018 settlement agreements in Daraa.", "", {"southern-settlement-2018"}),
    # the article's date: a week after the Sochi memorandum was signed
    ("Turkish and Russian officials met in Sochi. The memorandum keeps the status quo.", "2019-10-29", {"sochi-2019"}),
    # nothing but a generic noun: left alone
    ("The deal was reached after weeks of talks.", "", set()),
    ("Local leaders said a truce would be welcome.", "2020-01-01", set()),
    # an agreement made after the article was published cannot be the one it means
    ("Residents of Daraa al-Balad signed a settlement with the government.", "2018-08-01", set()),
    # "the deal" right after a named deal is that deal: no second agreement
    ("The Aleppo evacuation deal was signed in Ankara by Russia and Turkey. The deal let fighters leave.", "2016-12-15",
     {"evacuation-deal"}),
    # numbered resolutions listed together, or joined by a slash
    ("It stressed resolutions 2254 (2015) and 2268 (2016).", "", {"resolution-2254", "resolution-2268"}),
    ("Aid crossed under the framework of Resolution 2254 / 2268.", "", {"resolution-2254", "resolution-2268"}),
    # "the agreement" after a named one is that one, unless its own phrase tells another: its year and both its parties
    ("The Manbij ceasefire held. They urged a return to the 2019 agreement signed by Russia and Turkey in Sochi.", "",
     {"manbij-truce", "sochi-2019"}),
    ("The Manbij ceasefire held. They urged a return to the 2019 agreement signed by the Russians and Turkey.", "",
     {"manbij-truce", "sochi-2019"}),
    # people's homes are no settlement
    ("Russian shelling in Daraa in July 2018 hit residential neighbourhoods and refugees settlements.", "", set()),
    # a deal placed where no agreement of the registry is, is one the registry lacks, whoever made it
    ("Fighting stopped under a truce between the SDF and the United States.", "", {"manbij-truce"}),
    ("Fighting stopped under a truce between the SDF and the United States in Baghuz.", "", set()),
    # a word every story uses is no clue, though one agreement's name holds it ("Final Communiqué")
    ("The United States issued a final statement on the talks.", "", set()),
    # the council's acronym, and a quote's editorial brackets
    ("A solution as called for by UNSCR 2254 is needed.", "", {"resolution-2254"}),
    ("A solution as called for by [the Security Council Resolution] (UNSCR) 2254 is needed.", "", {"resolution-2254"}),
])
def test_a_generic_reference_is_tagged_only_when_the_context_supports_one_agreement(text, published, expected):
    assert agreements(text, published) == expected


def test_the_reference_itself_is_the_mention():
    text = "Clashes went on despite a US-brokered truce in Manbij that expired on Tuesday."
    [m] = [m for m in tag(text, REGISTRY) if m.type == "agreements"]
    assert text[m.start:m.end] == "truce"


@pytest.mark.parametrize(("noun", "cls"), [
    ("cease-fires", "ceasefire"), ("truce", "ceasefire"), ("cessation of hostilities", "ceasefire"),
    ("memoranda of understanding", "memorandum"), ("MoU", "memorandum"), ("road map", "plan"), ("deals", "deal"),
    ("talks", "talks"), ("process", "process"), ("according", None), ("resolutions", "resolution"),
])
def test_reference_nouns_fall_into_classes(noun, cls):
    assert noun_class(noun) == cls


UMBRELLA = [
    entity("agreements", "reconciliation", "Reconciliation agreements", aliases=["reconciliation deals", "Russian-brokered reconciliation deals"],
           kind="process", parties=("Syrian government", "Russia")),
    entity("agreements", "coh-2016", "Cessation of hostilities of February 2016", aliases=["cessation of hostilities"],
           kind="ceasefire", published="2016-02-27", parties=("United States", "Russia")),
    entity("agreements", "idlib-2020", "Moscow protocol of March 2020", kind="ceasefire", published="2020-03-05",
           parties=("Russia", "Turkey"), places=("Moscow", "Idlib")),
    entity("agreements", "aleppo-2016", "Aleppo evacuation deal of 2016", kind="deal", published="2016-12-13",
           parties=("Russia", "Turkey", "Syrian government", "Iran"), places=("Aleppo", "Idlib")),
    entity("agreements", "sweida-2025", "Sweida ceasefire of July 2025", kind="ceasefire", published="2025-07-19",
           context=("Druze",), parties=("Syrian government",), places=("Sweida",)),
    entity("agreements", "homs-2014", "Homs evacuation deal", kind="deal", published="2014-05-07", places=("Homs",)),
    entity("agreements", "daraa-2018", "Southern Syria settlement of 2018", aliases=["Daraa reconciliation agreement"],
           kind="agreement", published="2018-07-06", parties=("Russia", "Syrian government"), places=("Daraa",)),
]
MORE = [entity("locations", "idlib", "Idlib", kind="city"), entity("locations", "moscow", "Moscow", kind="city"),
        entity("locations", "sweida", "Sweida", kind="city"), entity("locations", "homs", "Homs", kind="city"),
        entity("actors", "iran", "Iran", kind="state")]
WIDER = Registry({e.key: e for e in OTHERS + UMBRELLA + MORE})


def wider(text: str, published: str = "") -> set[str]:
    return {m.slug for m in tag(text, WIDER, published) if m.type == "agreements"}


def test_a_kind_of_agreement_named_in_the_plural_is_the_one_its_context_tells():
    text = "It is the worst fighting since 2018, when the army took Daraa after various Russian-brokered reconciliation deals."
    assert wider(text) == {"daraa-2018"}
    assert wider("Russia has brokered reconciliation deals across the country.") == {"reconciliation"}


def test_a_name_in_plain_words_after_a_is_kept_only_where_something_else_supports_it():
    assert wider("He hopes this will lead to an immediate and lasting cessation of hostilities.") == set()
    assert wider("The cessation of hostilities held for a week.") == {"coh-2016"}


def test_an_agreement_for_a_ceasefire_between_two_parties_is_the_bilateral_ceasefire():
    text = "On the Russian-Turkish agreement for a ceasefire in Idlib, the spokesman said this."
    assert wider(text) == {"idlib-2020"}


def test_an_undated_article_names_an_agreement_by_its_place_and_words_nearby():
    text = "Violence between Bedouin and Druze militias in Sweida was met by a ceasefire the Syrian government announced."
    assert wider(text) == {"sweida-2025"}
    assert wider(text, "2030-01-01") == set()  # dated: its age rules, and five years is too old


PIECES = ["resolution", "Resolution", "resolutions", "RESOLUTION", "reſolution", " ", ", ", " and ", "2254", "(2015)", "No.",
          "No. ", "x", "talks", "road map", "-", "\n", "memorandum of understanding", "UNSCR", "UNSCRs", "(UNSCR)", "]", "UN"]


@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_resolution_numbers_are_looked_for_where_the_noun_is_as_everywhere(text):
    expected = [m.span() for m in RESOLUTIONS.finditer(text)]
    assert [m.span() for m in _resolution_groups(text, list(NOUN.finditer(text)))] == expected


DATED = [
    entity("agreements", "resolution-2139", "UN Security Council Resolution 2139", aliases=["Resolution 2139"],
           kind="resolution", published="2014-02-22", parties=("UN Security Council",)),
    entity("agreements", "resolution-2165", "UN Security Council Resolution 2165", aliases=["Resolution 2165"],
           kind="resolution", published="2014-07-14", parties=("UN Security Council",)),
    entity("agreements", "munich-2016", "ISSG Munich statement", aliases=["Munich statement"], kind="agreement",
           published="2016-02-12", parties=("United States", "Russia"), places=("Munich",)),
    entity("actors", "unsc", "UN Security Council", aliases=["United Nations Security Council", "Security Council"],
           kind="organisation"),
    entity("locations", "munich", "Munich", kind="city"),
]
DATED_REGISTRY = Registry({e.key: e for e in OTHERS + UMBRELLA + MORE + DATED})


def dated(text: str, published: str = "") -> set[str]:
    return {m.slug for m in tag(text, DATED_REGISTRY, published) if m.type == "agreements"}


@pytest.mark.parametrize("day", ["February 22", "February 22nd", "22 February", "the 22nd of February"])
def test_a_day_of_the_year_written_any_way_names_the_resolution_adopted_on_it(day):
    text = f"On {day}, the United Nations Security Council unanimously adopted a resolution on humanitarian aid."
    assert dated(text) == {"resolution-2139"}
    assert dated("The Security Council adopted a resolution on humanitarian aid.") == set()
    # the day it runs until is not the day it was adopted
    assert dated("The Security Council adopted a resolution on humanitarian aid lasting until February 22.") == set()


def test_a_reference_placed_elsewhere_by_its_own_phrase_is_not_the_agreement_just_named():
    text = ("We expect all parties to the cessation of hostilities to abide fully by it, pursuant to the terms of the "
            "arrangements established in Munich in February 2016.")
    assert dated(text) == {"coh-2016", "munich-2016"}
    # without a place of its own, "the arrangements" after a named agreement is that agreement
    assert dated("We expect all parties to the cessation of hostilities to abide by the arrangements.") == {"coh-2016"}


def test_a_statement_is_an_agreement_only_with_its_own_place_or_words_in_the_phrase():
    assert dated("Ministers recalled the statement issued in Munich in February 2016.") == {"munich-2016"}
    assert dated("Russia said in a statement on Tuesday that it had agreed to nothing.") == set()


@pytest.mark.parametrize(("noun", "cls"), [("statement", "statement"), ("communiqué", "statement"),
                                           ("declarations", "statement")])
def test_statements_and_declarations_are_a_class_of_their_own(noun, cls):
    assert noun_class(noun) == cls


@pytest.mark.parametrize(("status", "expected"), [("in force", {"resolution-x"}), ("expired", set())])
def test_an_agreement_still_standing_is_not_too_old_to_be_meant(status, expected):
    registry = Registry({e.key: e for e in [
        entity("agreements", "resolution-x", "UN Security Council Resolution 2999", kind="resolution", status=status,
               published="2015-12-18", parties=("UN Security Council",)),
        entity("actors", "unsc", "UN Security Council", aliases=["Security Council"], kind="organisation")]})
    text = "The Security Council recalled the resolution it adopted in December 2015."
    assert {m.slug for m in tag(text, registry, "2021-06-01") if m.type == "agreements"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a quote closing the reference does not end its phrase
    ('Fighting stopped under a "truce" in Manbij, officials said.', {"manbij-truce"}),
    # nor does a time word before the place
    ("Turkish and Russian officials welcomed the memorandum today in Sochi, saying it would hold.", {"sochi-2019"}),
    # the word alone, with no place in the phrase: left alone
    ('Fighting stopped under a "truce", officials said.', set()),
])
def test_a_closing_quote_or_a_time_word_does_not_cut_the_reference_from_its_place(text, expected):
    assert agreements(text) == expected


# Agreements named by a place beside their noun, by the parties that agreed, by what they create (tuned on
# tests/eval/tune6), on a registry of their own.
CONTEXT_STATES = [entity("actors", k, t, kind="state", demonyms=d, aliases=["US"] if k == "united-states" else []) for k, t, d in (
    ("united-states", "United States", ["American"]), ("russia", "Russia", ["Russian"]), ("turkey", "Turkey", ["Turkish"]),
    ("jordan", "Jordan", ["Jordanian"]), ("iran", "Iran", ["Iranian"]))]
CONTEXT_PLACES = [entity("locations", k, t, kind="city") for k, t in (
    ("geneva", "Geneva"), ("astana", "Astana"), ("idlib", "Idlib"), ("ankara", "Ankara"), ("munich", "Munich"))]
CONTEXT_BODIES = [entity("actors", "united-nations", "United Nations", aliases=["UN"], kind="organisation"),
          entity("actors", "unsc", "UN Security Council", aliases=["Security Council"], ambiguous=["Security Council"],
                 context=["resolution"], kind="organisation")]
CONTEXT_AGREEMENTS = [
    entity("agreements", "geneva-talks", "Geneva talks", aliases=["Geneva process"], kind="talks", published="2014-01-22",
           status="ongoing", places=("Geneva",)),
    entity("agreements", "astana-talks", "Astana talks", aliases=["Astana process"], kind="process", published="2017-01-23",
           parties=("Russia", "Turkey", "Iran"), places=("Astana",)),
    entity("agreements", "de-escalation", "De-escalation zones memorandum", aliases=["de-escalation areas"], kind="memorandum",
           published="2017-05-04", parties=("Russia", "Turkey", "Iran"), places=("Astana", "Idlib")),
    entity("agreements", "constitutional-committee", "Constitutional Committee", kind="process", published="2019-10-30",
           status="ongoing", places=("Geneva",)),
    entity("agreements", "southwest", "Amman memorandum of principles", aliases=["southwest ceasefire"], kind="ceasefire",
           published="2017-07-09", parties=("United States", "Russia", "Jordan")),
    entity("agreements", "sochi-2018", "Sochi memorandum on Idlib", aliases=["Idlib deal"], kind="memorandum",
           published="2018-09-17", parties=("Russia", "Turkey"), places=("Idlib",)),
    entity("agreements", "idlib-dmz", "Idlib demilitarised zone", aliases=["Idlib buffer zone", "demilitarized zone in Idlib"], kind="arrangement",
           published="2018-10-15", parties=("Russia", "Turkey"), places=("Idlib",)),
    entity("agreements", "ankara-2016", "Ankara agreement of December 2016", aliases=["Ankara agreement"], kind="ceasefire",
           published="2016-12-29", parties=("Russia", "Turkey"), places=("Ankara",)),
    entity("agreements", "ankara-2019", "Ankara agreement of October 2019", aliases=["Ankara agreement"], kind="agreement",
           published="2019-10-17", parties=("United States", "Turkey"), places=("Ankara",)),
    entity("agreements", "coh", "2016 cessation of hostilities", aliases=["cessation of hostilities"], kind="ceasefire",
           published="2016-02-27", parties=("United States", "Russia"), places=("Munich",)),
    entity("agreements", "deconfliction", "US–Russia deconfliction arrangement", aliases=["deconfliction mechanism"],
           kind="arrangement", published="2015-10-20", parties=("United States", "Russia")),
    entity("agreements", "res-2401", "UN Security Council Resolution 2401", aliases=["Security Council Resolution 2401"],
           kind="resolution", published="2018-02-24", parties=("UN Security Council",)),
]
CONTEXT_REGISTRY = Registry({e.key: e for e in CONTEXT_STATES + CONTEXT_PLACES + CONTEXT_BODIES + CONTEXT_AGREEMENTS})


def context_tags(text: str, type_: str = "agreements") -> set[str]:
    return {m.slug for m in tag(text, CONTEXT_REGISTRY) if m.type == type_}


@pytest.mark.parametrize(("text", "expected"), [
    # a reference noun with one of the agreement's places right beside it names it as "the Geneva process" does
    ("We call on all sides to support the political process in Geneva towards a settlement.", {"geneva-talks"}),
    # … unless two agreements have that name: "the Ankara agreement" is two
    ("The agreement, reached in Ankara between Russian officers and the factions, collapsed.", set()),
    # the states before "agreed" are the agreement's parties
    ("Separately, Russia and Jordan agreed a ceasefire in the south-west in July.", {"southwest"}),
    # a deal made to create a zone is the deal, not the zone
    ("A deal reached between Russia and Turkey to create a demilitarized buffer zone in Idlib is welcome.", {"sochi-2018"}),
    # a news conference is no conference of an agreement
    ("The envoy told a news conference in Geneva that aid was blocked.", set()),
])
def test_agreements_named_by_description(text, expected):
    assert context_tags(text) == expected


def test_an_agreement_reached_at_talks_is_not_the_talks():
    text = "Russia, Turkey and Iran signed the memorandum in Astana. The agreement reached in Astana creates four areas."
    assert "astana-talks" not in context_tags(text)


def test_a_plain_name_after_an_article_and_adjectives_needs_support():
    text = "We heed UN envoy Pedersen's calls for a permanent, nationwide cessation of hostilities."
    assert "coh" not in context_tags(text)
    assert "coh" in context_tags("The cessation of hostilities held in Munich's wake.")


def test_an_arrangement_of_another_actor_is_not_the_registry_one_of_its_name():
    assert "deconfliction" not in context_tags("attacks on sites that were part of the UN deconfliction mechanism")
    assert "deconfliction" in context_tags("Russia and the United States use the deconfliction mechanism daily.")


def test_the_council_is_named_inside_its_resolution_name():
    text = "Security Council Resolution 2401 was unanimously accepted; the resolution demands a ceasefire."
    assert "unsc" in context_tags(text, "actors")
    assert "res-2401" in context_tags(text)


LOCAL = [
    entity("locations", "syria", "Syria", kind="country"),
    entity("actors", "sna", "Syrian National Army", kind="armed group"),
    entity("agreements", "deconfliction", "US–Russia deconfliction arrangement", kind="arrangement", published="2015-10-20",
           parties=("United States", "Russia"), places=("Syria",)),
    entity("agreements", "sochi-2018", "Sochi memorandum on Idlib of September 2018", kind="memorandum",
           published="2018-09-17", parties=("Russia", "Turkey"), places=("Syria",)),
    entity("agreements", "moscow-2020", "Moscow ceasefire protocol of 5 March 2020", kind="ceasefire", published="2020-03-05",
           parties=("Russia", "Turkey"), places=("Syria",)),
    entity("agreements", "ankara-2019", "Ankara agreement of 17 October 2019", kind="ceasefire", published="2019-10-17",
           parties=("United States", "Turkey"), places=("Syria",)),
]
CONTEXTS = Registry({e.key: e for e in AGREEMENTS + OTHERS + LOCAL})


@pytest.mark.parametrize(("text", "published", "expected"), [
    # an agreement of the month before, with nothing of its own near but the country all agreements are in
    ("Syria is at war. Rebels left the district under the recent deals.", "2015-12-01", set()),
    # a month in the phrase tells two agreements of the same parties apart
    ("A September ceasefire deal between Russia and rebel backer Turkey was meant to protect Idlib.", "", {"sochi-2018"}),
    # "Türkiye" joined to the army's name is the army's, not Turkey a party to the ceasefire
    ("In the north-east, the US-brokered ceasefire between the Syrian Democratic Forces and the Türkiye-Syrian National "
     "Army has been extended.", "", {"manbij-truce"}),
])
def test_what_the_context_says_and_what_it_does_not(text, published, expected):
    assert {m.slug for m in tag(text, CONTEXTS, published) if m.type == "agreements"} == expected


def test_a_year_inside_an_agreements_name_is_not_the_references_year():
    registry = Registry({e.key: e for e in [*OTHERS,
        entity("locations", "suwayda", "Suwayda", kind="city"),
        entity("agreements", "disengagement", "1974 Agreement on Disengagement", aliases=["1974 agreement"], kind="agreement",
               published="1974-05-31", parties=("Israel", "Syria"), places=("Golan Heights",)),
        entity("agreements", "suwayda-2025", "Suwayda ceasefire of July 2025", kind="ceasefire", published="2025-07-19",
               places=("Suwayda",))]})
    text = "They talked of the 1974 agreement and of monitoring the ceasefire in Suwayda."
    assert {m.slug for m in tag(text, registry) if m.type == "agreements"} == {"disengagement", "suwayda-2025"}


def test_a_possessive_is_the_word_it_is_said_of():
    from generator.text.references import _tokens

    assert _tokens("Kofi Annan’s six-point plan, the council's vote") == ["kofi", "annan", "six", "point", "plan", "the",
                                                                       "council", "vote"]


CHEMICAL = Registry({e.key: e for e in [*OTHERS, *LOCAL,
    entity("locations", "geneva", "Geneva", kind="city"),
    entity("actors", "kerry", "John Kerry", kind="person"),
    entity("actors", "lavrov", "Sergey Lavrov", kind="person"),
    entity("agreements", "framework", "Framework for Elimination of Syrian Chemical Weapons",
           aliases=["Kerry-Lavrov framework", "chemical weapons deal"], kind="framework", context=["chemical", "stockpile"], published="2013-09-14",
           parties=("United States", "Russia", "Syrian government"), places=("Geneva",)),
    entity("agreements", "cessation-2016", "September 2016 US–Russia ceasefire deal", aliases=["Kerry-Lavrov deal"],
           kind="ceasefire", published="2016-09-09", parties=("United States", "Russia"), places=("Geneva",)),
    # Geneva, where many agreements were made, says little of any
    *(entity("agreements", f"geneva-{n}", f"Geneva round {n}", kind="talks", published=f"201{n}-01-01", places=("Geneva",))
      for n in range(5))]})


@pytest.mark.parametrize(("text", "expected"), [
    # undated: the parties before "reached agreement", and two words of the agreement's own nearby (a deadline's year is
    # not the agreement's)
    ("GENEVA (AP) — The United States and Russia reached agreement Saturday on a framework to secure and destroy Syria's "
     "chemical weapons by mid-2014. The deal, announced by U.S. Secretary of State John Kerry and Russian Foreign Minister "
     "Sergey Lavrov in Geneva, sets a timetable for the stockpile.",
     {"framework"}),
    # the words of one person's name are one clue, shared by two agreements: nothing
    ("The deal, announced by U.S. Secretary of State John Kerry and Russian Foreign Minister Sergey Lavrov in Geneva, sets "
     "a timetable.", set()),
])
def test_an_undated_article_names_an_agreement_by_its_parties_and_its_own_words(text, expected):
    assert {m.slug for m in tag(text, CHEMICAL) if m.type == "agreements"} == expected


COUNCIL = Registry({e.key: e for e in [*OTHERS,
    entity("actors", "unsc", "UN Security Council", aliases=["United Nations Security Council", "Security Council"],
           kind="organisation"),
    entity("agreements", "res-2118", "UN Security Council Resolution 2118", aliases=["Resolution 2118"], kind="resolution",
           context=["chemical", "stockpiles"], published="2013-09-27", parties=("UN Security Council",)),
    entity("agreements", "res-2165", "UN Security Council Resolution 2165", aliases=["Resolution 2165"], kind="resolution",
           context=["crossings", "consent", "cross-border aid"], published="2014-07-14", parties=("UN Security Council",)),
    entity("agreements", "res-2533", "UN Security Council Resolution 2533", aliases=["Resolution 2533"], kind="resolution",
           context=["crossings", "renewal"], published="2020-07-11", parties=("UN Security Council",)),
    # the council adopted many resolutions: it says little of any one
    *(entity("agreements", f"res-{n}", f"UN Security Council Resolution {n}", kind="resolution", published="2017-01-01",
             parties=("UN Security Council",)) for n in range(2400, 2410))]})


@pytest.mark.parametrize(("text", "expected"), [
    # the council that adopted it, and its subject nearby; the year of its deadline is not its own
    ("The United Nations Security Council unanimously adopted a resolution late Friday requiring Syria to give up its "
     "chemical weapons stockpiles by mid-2014.", {"res-2118"}),
    # a resolution the article names by number is the one its "a resolution" means, not another its words recall
    ("The Security Council adopted resolution 2533 (2020) on Saturday. It followed weeks of talks. Members then spoke. "
     "Several said a resolution on cross-border aid through the crossings was the only way.", {"res-2533"}),
])
def test_a_resolution_by_its_council_its_subject_and_the_one_the_article_names(text, expected):
    assert {m.slug for m in tag(text, COUNCIL) if m.type == "agreements"} == expected


def test_an_undated_article_names_a_local_agreement_by_two_of_its_places_nearby():
    registry = Registry({e.key: e for e in [*OTHERS,
        entity("locations", "zabadani", "Zabadani", kind="town"),
        entity("locations", "foua", "Foua", kind="town"),
        entity("agreements", "zabadani-truce", "Zabadani–Foua–Kafraya truce", kind="ceasefire", published="2015-09-24",
               places=("Zabadani", "Foua"))]})
    text = "Fighters left Zabadani while civilians left Foua under a six-month truce agreed in September."
    assert {m.slug for m in tag(text, registry) if m.type == "agreements"} == {"zabadani-truce"}
    alone = "Fighters left Zabadani under a six-month truce agreed in September."
    assert not {m.slug for m in tag(alone, registry) if m.type == "agreements"}


@pytest.mark.parametrize("text", [
    "Refugees live in the most desperate refugee settlements near Daraa.",
    "Shelling hit the settlements of Nahsheba and Arafit near Daraa.",
])
def test_settlements_people_live_in_are_no_agreement(text):
    registry = Registry({e.key: e for e in [*OTHERS,
        entity("agreements", "settlements", "Reconciliation agreements", aliases=["settlement agreements"], kind="process",
               context=["settlements"], published="2016-02", parties=("Syrian government",), places=("Daraa",))]})
    assert not {m.slug for m in tag(text, registry) if m.type == "agreements"}


def test_compass_words_of_an_agreements_name_tell_only_in_its_own_phrase():
    registry = Registry({e.key: e for e in [*OTHERS,
        entity("agreements", "zones", "Memorandum on four de-escalation areas", aliases=["northern de-escalation areas deal"],
               kind="memorandum", published="2017-05-04", parties=("Russia", "Turkey"), places=("Idlib",)),
        entity("agreements", "southwest", "Southwest Syria ceasefire", kind="ceasefire", published="2017-07-07",
               parties=("United States", "Russia"), places=("Daraa",))]})
    near = "Rebels fled to the northern areas and the eastern region. The deal signed by Russia held."
    assert not {m.slug for m in tag(near, registry) if m.type == "agreements"}
    own = "The United States and Russia agreed a ceasefire in the south-west in July 2017."
    assert {m.slug for m in tag(own, registry) if m.type == "agreements"} == {"southwest"}


def test_a_deal_named_by_what_it_did_beside_its_own_place():
    registry = Registry({e.key: e for e in [*OTHERS,
        entity("locations", "raqqa", "Raqqa", kind="city"),
        entity("agreements", "raqqa-deal", "Raqqa evacuation deal", kind="deal", published="2017-10-14",
               parties=("Syrian Democratic Forces",), places=("Raqqa",))]})

    def found(text: str) -> set[str]:
        return {m.slug for m in tag(text, registry) if m.type == "agreements"}

    assert found("Fighters and civilians will be allowed to evacuate Raqqa, in a deal that signals the city's capture.") \
        == {"raqqa-deal"}
    assert not found("Fighters and civilians will be allowed to leave Raqqa, in a deal that signals the city's capture.")
    assert found("Rebels in Raqqa agreed to abandon their stronghold in a deal with the coalition.") == {"raqqa-deal"}
    # what a truce does is stop fighting: an evacuation beside a ceasefire does not make it the deal
    assert not found("Civilians were evacuated from Raqqa during a ceasefire that held for a day.")


@pytest.mark.parametrize(("text", "expected"), [
    # who announced a deal with someone is its other side; the one it is against is none
    ("The SDF announced Sunday that a deal with the Syrian government to defy Turkey was reached.", {"sdf-government-2019"}),
    ("Turkey warned that a deal with the Syrian government would not stop it.", set()),
])
def test_the_side_that_announces_a_deal_with_another(text, expected):
    assert agreements(text) == expected
