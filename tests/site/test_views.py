"""What an analyst sees, on the seeds' own site in real headless Chromium; screenshots go to tests/artifacts/."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import geojson
import pytest

from generator.content.model import ArticleRef, Entity, Event
from generator.content.pages import sections, split
from generator.dev.bench import scaffold
from generator.dev.synth import synth
from generator.site.render import new_entity_page
from generator.site.views import timeline_page, timeline_years, year_page
from generator.steps.ingest import ingest
from generator.steps.link import link
from generator.text.dates import event_dates
from tests.conftest import ROOT, artifact, strict_build

DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def site(seeds_site):
    return seeds_site


@pytest.fixture(scope="module")
def browser_page(site):
    from tests.browser import chromium, served

    with served(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.base = base
        yield page


@pytest.mark.slow
def test_typing_an_alias_into_search_lists_the_entity_page_first(browser_page):
    page = browser_page
    for alias, slug in (("Bukamal", "locations/albu-kamal/"), ("QSD", "actors/syrian-democratic-forces/"),
                        ("Lavrentiev", "actors/alexander-lavrentyev/")):
        page.goto(page.base + "index.html")
        assert page.locator(".md-search").count() == 0  # the theme's own search is off: one search box, Pagefind's
        page.focus("input.pf-search__input")
        page.keyboard.type(alias, delay=20)
        page.wait_for_selector(".pf-search__hit", timeout=15_000)
        first = page.locator(".pf-search__hit").first.get_attribute("href")
        assert slug in first, (alias, first)
        kind = {"locations/": "Place", "actors/": "Actor"}[slug.split("/")[0] + "/"]
        assert page.locator(".pf-search__hit .pf-search__type").first.inner_text().casefold() == kind.casefold()  # the type shown
    page.screenshot(path=str(artifact("search-alias.png")))
    page.keyboard.press("Enter")  # the first result opens
    page.wait_for_url("**/actors/alexander-lavrentyev/")


@pytest.mark.slow
def test_search_indexes_articles_entities_and_the_guide_not_the_lists_of_them(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    articles = [p for p in (DOCS / "articles").glob("*.md") if p.name != "index.md"]
    entities = [p for t in ("actors", "locations", "agreements") for p in (DOCS / t).glob("*.md") if p.name != "index.md"]
    assert indexed == len(articles) + len(entities) + 1  # + the editing guide; no index, timeline, sources or review page


@pytest.mark.slow
def test_clicking_from_an_article_to_an_actor_to_a_location(browser_page):
    page = browser_page
    page.goto(page.base + "articles/syria-the-first-russia-turkey-joint-patrol-arrives-in-latakia-from-idlib/")
    page.click("article a[href$='actors/russia/']")
    page.wait_for_url("**/actors/russia/")
    assert page.inner_text("h1") == "Russia"
    location = page.locator("article a[href*='/locations/']").first
    name, href = location.inner_text(), location.get_attribute("href")
    location.click()
    page.wait_for_url("**/locations/" + href.rstrip("/").rsplit("/", 1)[-1] + "/")
    assert page.inner_text("h1") == name
    page.wait_for_function("document.querySelector('.wiki-map') && document.querySelector('.wiki-map').dataset.markers === '1'")
    page.screenshot(path=str(artifact("location-page.png")), full_page=True)


@pytest.mark.slow
def test_map_page_shows_one_marker_per_place_the_articles_name(browser_page):
    page = browser_page
    page.goto(page.base + "map/?period=all")  # the whole span (by default, the last 90 days of news)
    page.wait_for_function("document.querySelector('.wiki-map').dataset.period === 'all'")
    places = json.loads(page.inner_text("#map-data") or page.eval_on_selector("#map-data", "e => e.textContent"))
    every = geojson.loads((DOCS / "exports" / "locations.geojson").read_text(encoding="utf-8"))["features"]
    named = {f["id"] for f in every if f["properties"]["mentions"]}
    assert {p["slug"] for p in places} == named and 10 < len(named) < len(every) / 5  # no marker for what no article names
    assert page.locator(".wiki-map path.leaflet-interactive").count() == len(places)
    page.locator(".wiki-map path.leaflet-interactive").last.click(force=True)
    assert page.locator(".leaflet-popup-content a").count() >= 1  # the biggest marker's popup links to its page
    page.screenshot(path=str(artifact("map.png")))


@pytest.mark.slow
def test_the_map_says_when_its_background_cannot_load(browser_page):
    page = browser_page
    tiles = []
    page.on("request", lambda r: tiles.append(r.url) if "/{z}" not in r.url and r.url.endswith(".png") and "tile" in r.url else None)
    page.goto(page.base + "map/?period=all")
    page.wait_for_function("document.querySelector('.wiki-map').dataset.tiles === 'failed'")  # no network here
    assert "could not be loaded" in page.inner_text(".wiki-map__offline")
    assert tiles and all(t.startswith("https://tile.openstreetmap.org/") for t in tiles)  # mkdocs.yml's extra.map_tiles
    assert page.locator(".wiki-map path.leaflet-interactive").count() > 10  # the places are still there
    page.screenshot(path=str(artifact("map-offline.png")))


@pytest.mark.slow
def test_graph_page_renders_actors_and_links_to_them(browser_page):
    page = browser_page
    page.goto(page.base + "graph/")
    page.wait_for_function("document.querySelector('.wiki-graph').dataset.nodes > 0")
    nodes = int(page.eval_on_selector(".wiki-graph", "e => e.dataset.nodes"))
    data = json.loads(page.eval_on_selector("#graph-data", "e => e.textContent"))
    assert nodes == len(data["nodes"]) > 10 and data["edges"]
    listed = page.inner_text("article")
    assert " 1 articles" not in listed and "with Syrian government (" in listed  # names, not slugs
    assert page.locator(".wiki-graph canvas").count() >= 1
    page.screenshot(path=str(artifact("graph.png")))


@pytest.mark.slow
def test_seed_site_shows_the_analysts_views(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    for part in ("Latest articles", "Most mentioned actors", "Most mentioned locations", "Agreements recently referenced"):
        assert part in home
    assert "waiting for review" not in home  # editors' business, under the Editors tab
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "Articles without a date (1)" in timeline and "8 June (year unknown)" in timeline
    russia = (site / "actors" / "russia" / "index.html").read_text(encoding="utf-8")
    assert "Often mentioned with" in russia and "Timeline" in russia
    moscow_protocol = (site / "agreements" / "moscow-ceasefire-protocol-of-5-march-2020" / "index.html").read_text(encoding="utf-8")
    assert "<strong>Parties:</strong>" in moscow_protocol and 'href="../../actors/turkey/"' in moscow_protocol
    assert moscow_protocol.index("<strong>Date:</strong>") < moscow_protocol.index("Also known as")  # its facts first
    observer = (site / "sources" / "the-syrian-observer" / "index.html").read_text(encoding="utf-8")
    assert "has not verified the content of this story" in observer and "2 articles" in observer


@pytest.mark.slow
def test_exports_are_valid_for_analysts_tools(site):
    rows = list(csv.DictReader(io.StringIO((site / "exports" / "tags.csv").read_text(encoding="utf-8"))))
    assert {"article", "type", "entity"} <= set(rows[0]) and len({r["article"] for r in rows}) == 5
    collection = geojson.loads((site / "exports" / "locations.geojson").read_text(encoding="utf-8"))
    assert collection.is_valid and len(collection["features"]) > 300
    idlib = next(f for f in collection["features"] if f["id"] == "idlib")
    assert idlib["properties"]["mentions"] == 2 and 36 < idlib["geometry"]["coordinates"][0] < 37
    feed = ET.fromstring((site / "feed.xml").read_text(encoding="utf-8"))
    items = feed.findall("./channel/item")
    assert len(items) == 5 and items[0].find("link").text.startswith("https://situation-wiki.github.io/syria/articles/")


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("On June 8th, the service reported", "2023-07-02", ["2023-06-08"]),
        ("On June 8th, the service reported", "2023-03-01", ["2022-06-08"]),
        ("On July 12th, the faction denied", "", ["--07-12"]),
        ("Talks may resume; they may 3 times fail", "2020-01-01", []),
        ("the 5 March 2020 protocol", "", ["2020-03-05"]),
    ],
)
def test_event_dates_take_the_year_from_the_publication_date(sentence, published, expected):
    assert event_dates(sentence, published) == expected


@pytest.mark.slow
def test_search_shows_five_results_and_more_on_request(browser_page):
    page = browser_page
    page.goto(page.base + "index.html")
    page.focus("input.pf-search__input")
    page.keyboard.type("Syria", delay=20)
    page.wait_for_selector(".pf-search__more", timeout=15_000)
    assert page.locator(".pf-search__hit").count() == 5  # each result shown costs a download: five at a time
    page.click(".pf-search__more")
    page.wait_for_function("document.querySelectorAll('.pf-search__hit').length > 5")
    assert page.locator(".pf-search__hit").count() <= 10


def test_the_timeline_gives_each_year_its_page_and_keeps_the_undated_on_the_first():
    a = ArticleRef("a", "A", "2024-05-02", "", (), events=(Event("2024-04-30", "Talks began.", frozenset()),
                                                            Event("--07-12", "A faction denied it.", frozenset())))
    b = ArticleRef("b", "B", "2025-01-09", "", (), events=(Event("2024-12-31", "A truce ended.", frozenset()),))
    c = ArticleRef("c", "C", "", "", ())
    years = timeline_years([b, a, c])
    first = timeline_page([b, a, c], years)
    assert re.findall(r"^- \[(\d{4})\]\(timeline/\1\.md\) — (.*)$", first, re.M) == [
        ("2025", "1 article, 0 events"), ("2024", "1 article, 2 events")]
    assert "## Articles without a date (1)" in first and "(articles/c.md)" in first
    assert "## Events without a year (1)" in first and "A faction denied it." in first and "Talks began." not in first
    page_2024 = year_page("2024", *years["2024"], list(years))
    assert "(../articles/a.md)" in page_2024 and "(../articles/b.md)" in page_2024  # b published in 2025, names a 2024 date
    assert "- 2025-01-09" not in page_2024 and "A truce ended." in page_2024
    assert "[All years](../timeline.md): **2024** · [2025](2025.md)" in page_2024


@pytest.mark.slow
def test_a_synthetic_wiki_builds_its_year_pages_and_keeps_what_editors_write_there(tmp_path):
    docs = scaffold(tmp_path)
    synth(20, tmp_path / "seeds", docs, seed=11)
    ingest(tmp_path / "seeds", docs)
    link(docs)
    dated = {p.stem: split(p.read_text(encoding="utf-8"))[0].get("published") for p in (docs / "articles").glob("*.md")
             if p.name != "index.md"}
    pages = {p.stem: p for p in (docs / "timeline").glob("*.md")}
    assert set(pages) >= {str(d)[:4] for d in dated.values() if d} and len(pages) > 1
    for slug, published in dated.items():  # each dated article on its year's page, and on no other
        assert [year for year, page in pages.items() if f"(../articles/{slug}.md)" in page.read_text(encoding="utf-8")
                and f"- {published} · " in page.read_text(encoding="utf-8")] == [str(published)[:4]]
    year = min(pages)
    note = "Editor's note: the archive for this year is incomplete.\n"
    pages[year].write_text(pages[year].read_text(encoding="utf-8") + note, encoding="utf-8")
    (docs / "timeline" / "sources-to-find.md").write_text("# Sources to find\n", encoding="utf-8")
    link(docs)
    assert pages[year].read_text(encoding="utf-8").endswith(note)
    assert (docs / "timeline" / "sources-to-find.md").read_text(encoding="utf-8") == "# Sources to find\n"
    site = strict_build(tmp_path)  # every link of the year pages resolves
    assert f'href="{year}/"' in (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "the archive for this year is incomplete" in (site / "timeline" / year / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("row", "name", "target"), [
    ("Parties", "Turkey", "../actors/turkey.md"),  # a country is an actor and a place: a party is the actor
    ("Parties", "Russian Federation", "../actors/russia.md"),  # an alias names the actor too
    ("Parties", "Syria", "../locations/syria.md"),  # no actor of that name: the place
    ("Parties", "Kurdish National Council", None),  # no page: the name as written
    ("Places", "Turkey", "../locations/turkey.md"),  # a place is the place
    ("Places", "Moscow", "../locations/moscow.md"),
])
def test_agreement_parties_link_the_actor_and_places_the_place(wiki, row, name, target):
    docs = wiki / "docs"
    page = docs / "agreements" / "moscow-protocol.md"
    page.write_text(new_entity_page(Entity("agreements", "moscow-protocol", "Moscow ceasefire protocol", kind="ceasefire"),
                                    "About it.", {"parties": [name] if row == "Parties" else [], "places": [name] if row == "Places" else []}),
                    encoding="utf-8")
    link(docs)
    infobox = sections(page.read_text(encoding="utf-8"))["mentions"]
    cell = re.search(rf"^- \*\*{row}:\*\* (.*)$", infobox, re.M)[1]
    assert re.findall(r"\]\(([^)]+)\)", cell) == ([target] if target else [])
    assert cell.startswith("[" if target else name)


@pytest.mark.parametrize(("actors", "listed", "lines", "note"), [
    (3, 100, 3, False),  # a small wiki: every actor in words
    (5, 2, 2, True),  # a big one: the most mentioned, and where the others are
])
def test_the_relations_page_lists_the_most_mentioned_actors_in_words_and_graphs_them_all(actors, listed, lines, note):
    from generator.site.views import graph_page

    entities = [Entity("actors", f"a{i}", f"Actor {i}") for i in range(actors)]
    counts = {e.key: 10 - i for i, e in enumerate(entities)}
    partners = {e.key: [(entities[0].key, 1)] for e in entities[1:]}
    page = graph_page(entities, counts, partners, listed)
    data = json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)[1])
    assert len(data["nodes"]) == actors
    items = [line for line in page.splitlines() if line.startswith("- [")]
    assert [line.split("]")[0] for line in items] == [f"- [Actor {i}" for i in range(lines)]  # most mentioned first
    assert ("[Actors](actors/index.md) lists them all" in page) == note
