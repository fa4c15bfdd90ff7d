"""People found by discovery: named with a title or a role, as speakers, as an office's holder; never a phrase,
a heading, a body or a building."""

import pytest

from generator.text.discover import discover
from tests.text.test_discover import people, proposals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Osama Abu Zeid, a legal adviser to the opposition, said", ("actors", "Osama Abu Zeid")),
        ("Othman Sheikh Issa, co-chair of the executive council, said", ("actors", "Othman Sheikh Issa")),
        ("Its spokesman, Naji al-Mustafa, told reporters", ("actors", "Naji al-Mustafa")),
        ("the UN humanitarian coordinator Panos Moumtzis said", ("actors", "Panos Moumtzis")),
        ("Sedat Önal, the Turkish deputy minister, attended", ("actors", "Sedat Önal")),
    ],
)
def test_people_named_with_their_role(text, expected):
    assert expected in proposals(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From Geert Cappelaere, UNICEF Regional Director for the Middle East", ("actors", "Geert Cappelaere")),
        ("condolences to the family of Sergeant Matt Tonroe from the battalion", ("actors", "Matt Tonroe")),
        ("Mr President (Amb. Zhang Jun), thank you", ("actors", "Zhang Jun")),
        ("briefed by Staff Sgt. John Smith on the raid", ("actors", "John Smith")),
    ],
)
def test_people_after_a_rank_or_a_capitalised_opening_word(text, expected):
    assert expected in proposals(text)


def test_a_phrase_before_a_role_is_not_a_person():
    assert proposals("In Damascus, the head of the council said. On Monday, a spokesman said.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreign Secretary Dominic Raab said:", ("actors", "Dominic Raab")),
        ("The Rt Hon Alistair Burt MP, Minister of State, welcomed the report", ("actors", "Alistair Burt")),
        ("Sir Alan Duncan met the ambassador", ("actors", "Alan Duncan")),
        ("met Russian Ambassador to the UK, Alexander Yakovenko, at the Foreign Office", ("actors", "Alexander Yakovenko")),
        ("I am grateful to the hon. Member for Barrow and Furness (John Woodcock) for raising it.", ("actors", "John Woodcock")),
        ('"It must end," said Ali al-Za\'tari, the U.N. resident and humanitarian coordinator.', ("actors", "Ali al-Za'tari")),
    ],
)
def test_people_named_with_british_titles_and_roles_that_name_whom_they_serve(text, expected):
    assert expected in proposals(text)


@pytest.mark.parametrize(("text", "expected"), [
    ('"We help," said Robert Mardini, the ICRC\'s head of operations for the Near East.', "Robert Mardini"),
    ("said the ICRC head of delegation in Syria, Marianne Gasser, who is in Aleppo.", "Marianne Gasser"),
    ("the Head of Delegation in Syria, Marianne Gasser, said.", "Marianne Gasser"),
    ('"It is vital," explained Andrea Reis, who coordinates the ICRC\'s health activities.', "Andrea Reis"),
    ("as the noble Lord, Lord Collins, said, not for a few hours", "Lord Collins"),
    ("Jim Shannon: First, may I wish you a happy St Patrick's day?\nDominic Raab: I thank him.\nJim Shannon: And?", "Jim Shannon"),
    ("Dominic Raab (The Foreign Secretary): We welcome the ceasefire.", "Dominic Raab"),
    ("says activist, journalist, and Global Voices author Leila Nachawati Rego about her novel", "Leila Nachawati Rego"),
    # tuned on tests/eval/tune7: a role with two phrases after it, a name that ends the line, a role noun before a name
    ("A spokesman for the rebel Free Syrian Army in Aleppo, Abou Firas, told Alhurra TV", "Abou Firas"),
    ("Delivered by Spokesperson for the UN High Commissioner for Human Rights, Ravina Shamdasani\nGeneva", "Ravina Shamdasani"),
    ('Analyst Mahmoud Abdel Salam claimed rebel groups had "harassed" troops.', "Mahmoud Abdel Salam"),
    ("the death of senior ISIS operative Omar Abdul Qader who sought to attack", "Omar Abdul Qader"),
    ("Alison McGovern (Wirral South) (Lab) (Urgent Question): To ask the Minister", "Alison McGovern"),
    ("The Minister for the Middle East (Dr Andrew Murrison): The Government are concerned.", "Andrew Murrison"),
])
def test_people_named_with_their_role_or_as_speakers_are_proposed(text, expected):
    assert expected in people(text)


@pytest.mark.parametrize(("text", "unwanted"), [
    ("Press Statement\nHeather Nauert, Department Spokesperson", "Statement Heather Nauert"),  # a heading, then a name
    ("My Lords, will the Minister be so kind as to explain why", "My Lords"),
    ("Aleppo Is Burning: Make Your Profile Photograph Red", "Aleppo Is Burning"),
    ("Key Messages: The situation continues to deteriorate.\nSituation Overview: Fighting goes on.", "Key Messages"),
    ("fighters of the Army Islam, who were evacuated", "Army Islam"),  # "the Army Islam, who": a body, loosely
    ("Rejecting Claims Cross-Border Action Only Targets Terrorists, Syria’s Permanent Representative Says",
     "Action Only Targets Terrorists"),
    ("Izumi Nakamitsu, High Representative for Disarmament Affairs, who commended the OPCW", "Disarmament Affairs"),
    ("The Special Envoy, in consultation with the Secretary-General, accepted to be in Astana", "Special Envoy"),
    ("Mr President, Distinguished Delegates, the Special Representative, Mr Smith, spoke", "Distinguished Delegates"),
])
def test_headings_and_forms_of_address_are_not_people(text, unwanted):
    assert unwanted not in people(text)


@pytest.mark.parametrize(("text", "expected"), [
    # tuned on /work/tune10 and tune11: named in full once, then by the surname alone as a speaker
    ('for Yassin Alway that means sleeping in the open.\n\n"I\'ve been here for 12 days," Alway, 21, told a reporter.',
     {"Yassin Alway"}),
    ("said Minister of Foreign Affairs Espen Barth Eide during a visit. \"The pressure is great,\" Mr Eide said.",
     {"Espen Barth Eide"}),
    ("the chief of the centre Vladimir Savchenko said on Friday. According to Savchenko, shelling went on.",
     {"Vladimir Savchenko"}),
    ('Khaled Jibreel, with the PFLP-GC, spoke. "The agreement was violated," Jibreel added.', {"Khaled Jibreel"}),
    ('Karen Smith visited the camp. "It is dire," said Smith.', {"Karen Smith"}),
    ('SWEIDA, Syria: Maysoun Saab\'s eyes filled with tears. "It\'s like a dream," said Saab, a slender woman.', {"Maysoun Saab"}),
    # no full name before the surname, or a surname that is the last word of a longer name or a form of address
    ('"It is dire," said Smith.', set()),
    ("Human Rights Watch reported it. Watch said more.", set()),
    ("Human Rights Watch said the attack was unlawful.", set()),
    ("Mr Speaker, the Government is concerned. I thank Mr Speaker.", set()),
])
def test_a_full_name_whose_surname_speaks_alone_is_a_person(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He met Commissioner for Humanitarian Aid and Crisis Management Christos Stylianides on « an emergency initiative ».",
     {"Christos Stylianides"}),
    ("said Under-Secretary-General for Humanitarian Affairs and Emergency Relief Coordinator Stephen O'Brien today",
     {"Stephen O'Brien"}),
    # the office's own words and a state are no name
    ("The Coordinator for the Syria Regional Refugee Response Plan said the appeal was underfunded.", set()),
    ("The Minister of Defence of the Russian Federation spoke.", set()),
])
def test_the_holder_of_an_office_named_with_what_it_is_for(text, expected):
    assert people(text) == expected


def test_a_known_place_opening_an_office_holders_name_is_left_out():
    text = "The President and Foreign Minister of Switzerland Didier Burkhalter will speak."
    switzerland = (text.index("Switzerland"), text.index("Switzerland") + len("Switzerland"))
    assert people(text, [switzerland]) == {"Didier Burkhalter"}


def test_a_building_named_after_a_person_is_no_person():
    text = "Remarks at a Press Availability\n\nPresident Wilson Hotel, Geneva, August 26, 2016. President Ashraf Ghani said."
    assert {p.title for p, _, _ in discover(text, []) if p.type == "actors"} == {"Ashraf Ghani"}


@pytest.mark.parametrize(("text", "expected"), [
    # no person: a clause in title case, a body's name, a title before a lone surname
    ("You Have Done Your Part, We Will Now Do Ours, Emergency Relief Coordinator Says\n\nAid will go on.", set()),
    ("Rhéal LeBlanc, Chief of the Press and External Relation Section, chaired the briefing.", set()),
    ("It's a pleasure to meet with Special Envoy Pederson from the UN to talk.", set()),
    # Hansard's honorific and surname are the name it gives
    ("as the one I identified for my hon. Friend the Member for Huntingdon (Mr Djanogly). Syria has", {"Mr Djanogly"}),
])
def test_no_person_is_made_of_a_clause_a_body_or_a_lone_surname(text, expected):
    assert {p.title for p, _, _ in discover(text, []) if p.type == "actors" and p.kind == "person"} == expected
