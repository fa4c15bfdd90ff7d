"""Bulk-adding registry entries from YAML lists: new pages for new entities, never a page overwritten."""

from pathlib import Path

import pytest
import yaml

from generator.content.pages import split
from generator.content.registry import load_registry
from generator.dev.starter import import_entries


def entries(folder: Path, items, name: str = "batch.yaml") -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def page(docs: Path, ref: str) -> dict:
    return split((docs / f"{ref}.md").read_text(encoding="utf-8"))[0]


@pytest.mark.parametrize(
    ("entry", "ref", "expected"),
    [
        ({"title": "Hamas", "type": "actor", "kind": "armed group", "aliases": ["Islamic Resistance Movement"]},
         "actors/hamas", {"title": "Hamas", "kind": "armed group", "aliases": ["Islamic Resistance Movement"]}),
        ({"title": "Jordan", "type": "actors", "kind": "state", "demonyms": ["Jordanian"], "metonyms": ["Amman"]},
         "actors/jordan", {"title": "Jordan", "demonyms": ["Jordanian"], "metonyms": ["Amman"]}),
        ({"title": "Aleppo", "type": "location", "kind": "city", "coordinates": [36.2, 37.15]},
         "locations/aleppo", {"title": "Aleppo", "kind": "city", "coordinates": [36.2, 37.15]}),
        ({"title": "Sochi memorandum", "type": "agreement", "kind": "memorandum", "date": "2018-09-17", "parties": ["russia", "turkey"]},
         "agreements/sochi-memorandum", {"title": "Sochi memorandum", "date": "2018-09-17", "parties": ["russia", "turkey"]}),
        ({"title": "Hayat Tahrir al-Sham", "type": "actor", "aliases": ["HTS"], "ambiguous": ["Tahrir"], "context": ["Idlib"]},
         "actors/hayat-tahrir-al-sham", {"aliases": ["HTS"], "ambiguous": ["Tahrir"], "context": ["Idlib"]}),
        ({"title": "Ryan Dillon", "type": "actor", "kind": "person", "status": "proposed"},
         "actors/ryan-dillon", {"title": "Ryan Dillon", "status": "proposed"}),
    ],
)
def test_an_entry_becomes_a_page_with_the_fields_of_its_type(wiki, entry, ref, expected):
    docs = wiki / "docs"
    created, problems = import_entries([entries(wiki, [entry])], docs)
    assert (created, problems) == (1, [])
    meta = page(docs, ref)
    assert {key: meta.get(key) for key in expected} == expected
    type_, slug = ref.split("/")
    assert (type_, slug) in load_registry(docs).entities  # the next run tags it


def test_the_description_is_the_pages_text(wiki):
    docs = wiki / "docs"
    import_entries([entries(wiki, [{"title": "Hamas", "type": "actor", "description": "A Palestinian movement."}])], docs)
    assert split((docs / "actors" / "hamas.md").read_text(encoding="utf-8"))[2].strip() == "A Palestinian movement."


@pytest.mark.parametrize(
    ("title", "type_"),
    [("Russia", "actor"), ("russia", "actors"), ("RUSSIA", "actor"), ("Damascus", "location"), ("Astana talks", "agreement")],
)
def test_an_entity_already_in_the_registry_is_left_as_its_editors_made_it(wiki, title, type_):
    docs = wiki / "docs"
    before = {p: p.read_bytes() for p in docs.rglob("*.md")}
    created, problems = import_entries([entries(wiki, [{"title": title, "type": type_, "aliases": ["Overwritten"],
                                                        "description": "Overwritten."}])], docs)
    assert (created, problems) == (0, [])
    assert {p: p.read_bytes() for p in docs.rglob("*.md")} == before


def test_a_new_entity_whose_slug_is_taken_gets_a_page_of_its_own(wiki):
    docs = wiki / "docs"
    existing = docs / "actors" / "russia.md"
    existing.write_text("---\ntitle: Russian Federation\naliases: []\n---\n\nAn editor's text.\n", encoding="utf-8")
    created, problems = import_entries([entries(wiki, [{"title": "Russia", "type": "actor"}])], docs)
    assert (created, problems) == (1, [])
    assert existing.read_text(encoding="utf-8").endswith("An editor's text.\n")
    assert page(docs, "actors/russia-2")["title"] == "Russia"


def test_an_actor_and_a_place_may_share_a_name(wiki):
    docs = wiki / "docs"
    created, _ = import_entries([entries(wiki, [{"title": "Hasakah", "type": "actor", "kind": "government"},
                                                {"title": "Hasakah", "type": "location", "kind": "city"}])], docs)
    assert created == 2
    assert page(docs, "actors/hasakah")["kind"] == "government" and page(docs, "locations/hasakah")["kind"] == "city"


def test_an_entity_listed_twice_is_created_once_as_first_listed(wiki):
    docs = wiki / "docs"
    first = entries(wiki, [{"title": "Hamas", "type": "actor", "kind": "armed group"}], "one.yaml")
    second = entries(wiki, [{"title": "HAMAS", "type": "actor", "kind": "party"}], "two.yaml")
    assert import_entries([first, second], docs) == (1, [])
    assert page(docs, "actors/hamas")["kind"] == "armed group"
    assert not (docs / "actors" / "hamas-2.md").exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "actor", "kind": "armed group"},  # no title
        {"title": "  ", "type": "actor"},
        {"title": "Hamas"},  # no type
        {"title": "Hamas", "type": "person"},  # not a type of the registry
    ],
)
def test_a_bad_entry_is_reported_by_file_and_number_and_the_rest_imported(wiki, bad):
    docs = wiki / "docs"
    batch = entries(wiki, [{"title": "Aleppo", "type": "location"}, bad, {"title": "Sochi memorandum", "type": "agreement"}])
    created, problems = import_entries([batch], docs)
    assert created == 2
    assert problems == [f"{batch}: entry 2: needs a title and a type (actor, location or agreement)"]
    assert (docs / "locations" / "aleppo.md").is_file() and (docs / "agreements" / "sochi-memorandum.md").is_file()


def test_an_entry_that_is_only_a_name_is_reported(wiki):
    created, problems = import_entries([entries(wiki, ["Hamas", {"title": "Aleppo", "type": "location"}])], wiki / "docs")
    assert created == 1 and len(problems) == 1 and "entry 1" in problems[0]


def test_an_empty_file_adds_nothing(wiki):
    empty = wiki / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    before = sorted(p.name for p in (wiki / "docs").rglob("*.md"))
    assert import_entries([empty], wiki / "docs") == (0, [])
    assert sorted(p.name for p in (wiki / "docs").rglob("*.md")) == before
