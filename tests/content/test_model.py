"""The data model every stage shares: how an entity is keyed, when it awaits review, what an article's text is."""

import dataclasses

import pytest

from generator.content.model import CleanArticle, Entity


@pytest.mark.parametrize(
    ("entity", "key"),
    [
        (Entity("actors", "russia", "Russia"), ("actors", "russia")),
        (Entity("locations", "turkey", "Turkey"), ("locations", "turkey")),
        (Entity("agreements", "astana-talks", "Astana talks", aliases=("Astana process",)), ("agreements", "astana-talks")),
        # the key is the page's address, not its title: a retitled page keeps its key
        (Entity("actors", "syrian-government", "Government of Syria"), ("actors", "syrian-government")),
    ],
)
def test_an_entity_is_keyed_by_its_type_and_slug(entity, key):
    assert entity.key == key


def test_an_actor_and_a_location_of_the_same_name_are_two_entities():
    actor, place = Entity("actors", "turkey", "Turkey"), Entity("locations", "turkey", "Turkey")
    assert actor.key != place.key
    assert len({e.key: e for e in (actor, place)}) == 2


@pytest.mark.parametrize(
    ("status", "proposed"),
    [
        ("proposed", True),  # found by discovery, waiting for an editor
        ("", False),  # curated
        ("accepted", False),
        ("Proposed", False),  # only the exact status the generator writes
    ],
)
def test_an_entity_is_proposed_only_while_its_status_says_so(status, proposed):
    assert Entity("actors", "ryan-dillon", "Ryan Dillon", status=status).proposed is proposed


def test_an_entity_cannot_be_changed_in_place():
    entity = Entity("actors", "russia", "Russia")
    with pytest.raises(dataclasses.FrozenInstanceError):
        entity.slug = "russian-federation"


def article(paragraphs: list[str]) -> CleanArticle:
    return CleanArticle(original="001.txt", title="A title", title_derived=False, paragraphs=paragraphs)


@pytest.mark.parametrize(
    ("paragraphs", "text"),
    [
        (["Moscow said the patrols would resume."], "Moscow said the patrols would resume."),
        (["First paragraph.", "Second paragraph."], "First paragraph.\n\nSecond paragraph."),
        (["One.", "Two.", "Three."], "One.\n\nTwo.\n\nThree."),
        ([], ""),
    ],
)
def test_an_articles_text_is_its_paragraphs_with_a_blank_line_between(paragraphs, text):
    assert article(paragraphs).text == text


def test_an_articles_text_follows_its_paragraphs():
    a = article(["Lead."])
    a.paragraphs.append("A paragraph added after cleaning.")
    assert a.text == "Lead.\n\nA paragraph added after cleaning."
    assert a.text.split("\n\n") == a.paragraphs


def test_articles_do_not_share_their_attribution_lists():
    a, b = article([]), article([])
    a.attribution.append("This article was translated and edited by The Syrian Observer.")
    assert b.attribution == []
