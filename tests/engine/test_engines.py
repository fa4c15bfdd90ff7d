"""`make site ENGINE=mkdocs|properdocs|zensical`: each engine, then the index step, builds the seeds' wiki into the
same site, searched in real headless Chromium; a title typed as HTML shows as text with every one of them."""

import json
import shutil

import pytest

from generator.engine.build import ENGINES
from generator.steps.guard import guard
from generator.steps.link import link
from tests.browser import THEME_HOSTS, Watch, chromium, served
from tests.conftest import ROOT, artifact, site_scaffold, strict_build

pytestmark = pytest.mark.slow

HOSTILE = "<img src=x onerror=alert('title')>"
EVIL = f"---\ntitle: {HOSTILE}\naliases:\n- Evil Brigade\nkind: armed group\n---\n\nA group whose name is hostile.\n"


@pytest.fixture(scope="module", params=ENGINES)
def built(request, tmp_path_factory):
    """(engine, site/) of the seeds' wiki and one entity page an editor titled with HTML, as ``make site`` builds it."""
    root = tmp_path_factory.mktemp(request.param)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("lock", "cache"))
    (root / "docs" / "actors" / "evil-brigade.md").write_text(EVIL, encoding="utf-8")
    link(root / "docs")  # its "Also known as" line, and the indexes listing it
    assert [p.line for p in guard(root / "docs").problems] == [2]  # as `update` runs them, before any engine
    site_scaffold(root)
    return request.param, strict_build(root, request.param)


def pages(docs) -> list[str]:
    """Where every page of ``docs`` is built: ``a/b.md`` at ``a/b/index.html``, ``a/index.md`` at ``a/index.html``."""
    out = []
    for md in docs.rglob("*.md"):
        rel = md.relative_to(docs).with_suffix("").as_posix()
        if not rel.startswith("."):
            out.append(f"{rel.removesuffix('index')}index.html" if rel == "index" or rel.endswith("/index") else f"{rel}/index.html")
    return sorted(out)


def test_every_page_feed_export_and_the_search_index_are_built(built):
    engine, site = built
    missing = [p for p in pages(ROOT / "docs") if not (site / p).is_file()]
    assert missing == [], engine
    for name in ("feed.xml", "exports/tags.csv", "exports/locations.geojson", "assets/vendor/leaflet/leaflet.js",
                 "assets/vendor/cytoscape/cytoscape.min.js", "pagefind/pagefind.js", "pagefind/parts.json"):
        assert (site / name).is_file(), (engine, name)
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    docs = ROOT / "docs"
    searched = [p for t in ("articles", "actors", "locations", "agreements") for p in (docs / t).glob("*.md") if p.name != "index.md"]
    assert entry["languages"]["en"]["page_count"] == len(searched) + 2  # + the editing guide and the evil brigade


def _hits(page, base: str, query: str) -> list[tuple[str, str]]:
    page.goto(base + "index.html")
    page.focus("input.pf-search__input")
    page.keyboard.type(query, delay=10)
    page.wait_for_selector(".pf-search__hit", timeout=15_000)
    page.wait_for_timeout(300)
    return [(a.get_attribute("href"), a.locator("strong").inner_text()) for a in page.locator(".pf-search__hit").all()]


def test_search_by_any_alias_lists_the_entity_page_first_and_titles_as_text(built):
    engine, site = built
    with served(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        watch = Watch(page, base)
        for alias, slug in (("Bukamal", "locations/albu-kamal/"), ("QSD", "actors/syrian-democratic-forces/"),
                            ("Lavrentiev", "actors/alexander-lavrentyev/"), ("Evil Brigade", "actors/evil-brigade/")):
            first = _hits(page, base, alias)[0]
            assert first[0].endswith(slug), (engine, alias, first)
        assert first[1] == "‹img src=x onerror=alert('title')›"  # the hostile title, as text
        assert page.locator(".md-search").count() == 0  # one search box: Pagefind's, not the theme's
        page.screenshot(path=str(artifact(f"engine-{engine}-search.png")))
        page.goto(base + "actors/evil-brigade/", wait_until="load")
        assert page.inner_text("article h1") == "‹img src=x onerror=alert('title')›"
        assert "‹img" in page.title() and page.locator("article img").count() == 0
        page.goto(base + "map/?period=all")  # every place named (by default the map shows the last 90 days of news)
        page.wait_for_function("document.querySelector('.wiki-map').dataset.period === 'all'")
        markers = page.locator(".wiki-map path.leaflet-interactive").count()
        assert markers == int(page.eval_on_selector(".wiki-map", "e => e.dataset.markers")) > 10, engine  # the places named
        # the situation picture on the home page, its links to the engine's URLs, and a preview of an entity link
        page.goto(base + "index.html?period=all")
        page.wait_for_selector(".wiki-dashboard[data-ready]")
        assert page.locator(".wiki-dashboard__latest li").count() == 4, engine  # the dated seeds
        page.click(".wiki-dashboard__list a >> nth=0")
        page.wait_for_selector("article h1")
        assert page.inner_text("article h1") == "Russia", (engine, page.url)  # the actor most named
        page.hover("article a[href*='syrian-government']")
        page.wait_for_selector(".wiki-preview:not([hidden])")
        assert page.inner_text(".wiki-preview").startswith("Actor · government"), engine
        page.goto(base + "graph/")
        page.wait_for_function("document.querySelector('.wiki-graph').dataset.nodes > 0")
        assert page.locator(".wiki-graph canvas").count() >= 1
        assert [e for e in watch.events if not any(h in e for h in THEME_HOSTS)] == [], engine
