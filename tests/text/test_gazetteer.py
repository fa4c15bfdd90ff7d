from generator.content.pages import split
from generator.steps.ingest import ingest
from generator.text.gazetteer import SOURCE, locate


def test_gazetteer_knows_syrian_towns_and_folds_accents():
    lat, lon = locate("Saraqib")
    assert 35.8 < lat < 35.9 and 36.7 < lon < 36.9
    assert locate("Ariha") is None  # GeoNames' only large "Ariha" is Jericho, outside the region we accept
    assert locate("Al Qa’im") is not None
    assert locate("Nowhere-on-earth") is None


def test_proposed_place_gets_gazetteer_coordinates_with_their_source(wiki):
    (wiki / "seeds" / "a.txt").write_text("Fighting near Tanf.\nDisplaced families reached the Saraqib camp on Monday.\n", encoding="utf-8")
    ingest(wiki / "seeds", wiki / "docs")
    meta = split((wiki / "docs" / "locations" / "saraqib-camp.md").read_text(encoding="utf-8"))[0]
    assert meta["status"] == "proposed"
    assert meta["coordinates"] == list(locate("Saraqib"))
    assert meta["coordinates_source"] == SOURCE
