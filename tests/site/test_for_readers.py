"""What a reader does on the seeds' site, in real headless Chromium: the situation picture and its period, the map's
replay, previews of entity links, search with typos, following an entity, a wrong address; and an accessibility sweep
(axe-core) of every kind of page, with screenshots in tests/artifacts/ at desktop and phone size, light and dark."""

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from urllib.parse import parse_qs, urlparse

import frontmatter
import pytest

from tests.conftest import ROOT, artifact

DOCS = ROOT / "docs"
AXE = ROOT / "tests" / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
ARTICLE = "articles/syria-the-first-russia-turkey-joint-patrol-arrives-in-latakia-from-idlib/"


def articles():
    """(published day, [place slugs]) of every article page, read from its front matter."""
    out = []
    for path in sorted((DOCS / "articles").glob("*.md")):
        if path.name != "index.md":
            meta = frontmatter.load(path).metadata
            out.append((date.fromisoformat(str(meta["published"])[:10]) if meta.get("published") else None, meta.get("locations", [])))
    return out


def located(slugs) -> set[str]:
    return {s for s in slugs if frontmatter.load(DOCS / "locations" / f"{s}.md").metadata.get("coordinates")}


@pytest.fixture(scope="module")
def site(seeds_site):
    return seeds_site


@pytest.fixture(scope="module")
def browser(site):
    from tests.browser import chromium, served

    with served(site, "syria") as base, chromium() as browser:
        browser.base = base
        yield browser


@pytest.fixture
def page(browser):
    from tests.browser import Watch

    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.base = browser.base
    page.watch = Watch(page, browser.base.removesuffix("syria/"))
    yield page
    context.close()
    assert page.watch.events == []  # no script error, dialog or request to another host on any page a test opened


def period_of(page) -> str:
    return parse_qs(urlparse(page.url).query).get("period", [""])[0]


@pytest.mark.slow
def test_the_home_page_pictures_the_last_90_days_of_news_and_any_other_period(page):
    dated = [(day, places) for day, places in articles() if day]
    newest = max(day for day, _ in dated)
    recent = [(day, places) for day, places in dated if day > newest - timedelta(days=90)]
    page.goto(page.base)
    page.wait_for_selector(".wiki-dashboard[data-ready]")
    summary = page.inner_text(".wiki-period__label")
    assert summary.startswith(f"{(newest - timedelta(days=89)).day} ") and f"{newest.day} June {newest.year}" in summary
    assert f": {len(recent)} article" in summary
    assert page.get_attribute(".wiki-period button[aria-pressed=true]", "data-period") == "90"
    assert page.get_attribute(".wiki-chart", "data-bars") == "13"  # weeks
    markers = located({p for _, places in recent for p in places})
    assert page.get_attribute(".wiki-dashboard .wiki-map", "data-markers") == str(len(markers))
    assert page.locator(".wiki-dashboard .wiki-map path.leaflet-interactive").count() == len(markers)
    # The lists the generator wrote for readers without scripts give way to the picture.
    assert page.locator("h2#latest-articles").is_hidden()
    assert page.locator(".wiki-dashboard__latest li").count() == len(recent)
    first = page.locator(".wiki-dashboard__list").first
    assert first.locator("h2").inner_text() == "Actors" and first.locator(".wiki-trend--new").count() >= 1  # none before
    page.screenshot(path=str(artifact("reader-dashboard-90-days.png")), full_page=True)

    page.click(".wiki-period button[data-period=all]")
    page.wait_for_function("document.querySelector('.wiki-dashboard').dataset.period === 'all'")
    assert period_of(page) == "all"
    undated = sum(1 for day, _ in articles() if day is None)
    assert f": {len(dated)} articles, and {undated} undated article" in page.inner_text(".wiki-period__label")
    first_day = min(day for day, _ in dated)
    months = (newest.year - first_day.year) * 12 + newest.month - first_day.month + 1
    assert page.get_attribute(".wiki-chart", "data-bars") == str(months)
    every_place = located({p for _, places in articles() for p in places})
    assert page.locator(".wiki-dashboard .wiki-map path.leaflet-interactive").count() == len(every_place)
    places = page.locator(".wiki-dashboard__list").nth(1)
    assert places.locator("li").first.inner_text().startswith("Syria 5 articles")  # named by all five
    # Articles and places link to their pages, whatever the engine's URLs.
    page.click(".wiki-dashboard__list >> nth=1 >> a >> nth=0")
    page.wait_for_url("**/locations/syria/")


@pytest.mark.slow
def test_the_period_follows_the_reader_to_the_map_and_the_timeline(page):
    page.goto(page.base + "?period=all")
    page.wait_for_selector(".wiki-dashboard[data-ready]")
    page.goto(page.base + "map/")
    page.wait_for_function("document.querySelector('.wiki-map').dataset.period === 'all'")  # remembered from the home page
    every_place = located({p for _, places in articles() for p in places})
    assert page.locator(".wiki-map path.leaflet-interactive").count() == len(every_place)

    # The replay shows one month at a time, from the first.
    page.click(".wiki-period__replay")
    page.wait_for_function("document.querySelector('.wiki-map').dataset.replay")
    first_day = min(day for day, _ in articles() if day)
    assert page.get_attribute(".wiki-map", "data-replay") == first_day.isoformat()[:7]
    that_month = located({p for day, places in articles() if day and day.isoformat()[:7] == first_day.isoformat()[:7] for p in places})
    assert page.get_attribute(".wiki-map", "data-markers") == str(len(that_month))
    assert page.inner_text(".wiki-period__month").startswith(f"October {first_day.year}: {len(that_month)} places")
    page.click(".wiki-period__replay")  # stop: back to the period
    page.wait_for_function(f"document.querySelector('.wiki-map').dataset.markers === '{len(every_place)}'")

    # A period of one's own, on the timeline: the years outside it fold away.
    page.goto(page.base + "timeline/")
    page.wait_for_selector(".wiki-timeline-period[data-period=all]")
    page.click(".wiki-period button[data-period=custom]")
    page.fill(".wiki-period__custom input >> nth=0", "2019-01")
    page.fill(".wiki-period__custom input >> nth=1", "2021-12")
    page.wait_for_function("document.querySelector('.wiki-timeline-period').dataset.period === '2019-01..2021-12'")
    assert period_of(page) == "2019-01..2021-12"
    years = {day.year for day, _ in articles() if day and 2019 <= day.year <= 2021}
    assert page.get_attribute(".wiki-timeline-period", "data-years") == str(len(years))
    assert page.locator(".md-content li:has(a[href$='2020/'])").is_visible()
    assert page.locator(".md-content li:has(a[href$='2015/'])").is_hidden()
    assert page.get_attribute(".wiki-chart", "data-bars") == "36"  # months
    page.screenshot(path=str(artifact("reader-timeline-custom-period.png")), full_page=True)


@pytest.mark.slow
def test_an_entity_link_previews_what_the_entity_is_by_mouse_and_keyboard_not_in_the_way_of_a_tap(page, browser):
    page.goto(page.base + ARTICLE)
    page.hover("article a[href$='actors/russia/']")
    page.wait_for_selector(".wiki-preview:not([hidden])")
    text = page.inner_text(".wiki-preview")
    russia = frontmatter.load(DOCS / "actors" / "russia.md")
    mentions = re.search(r"## (Mentioned in \d+ articles?)", russia.content)[1]
    assert text.splitlines()[0] == f"Actor · {russia['kind']}" and "Russia" in text and mentions in text
    assert russia.content.split("\n\n")[0][:60] in text  # the editor's summary
    assert page.get_attribute("article a[href$='actors/russia/']", "aria-describedby") == "wiki-preview"
    page.screenshot(path=str(artifact("reader-preview.png")))
    page.keyboard.press("Escape")
    assert page.locator(".wiki-preview").is_hidden()

    page.mouse.move(0, 0)
    for _ in range(60):  # from the top of the page, by keyboard, to the first link of the tag line
        page.keyboard.press("Tab")
        if page.evaluate("/\\/actors\\/[a-z0-9-]+\\/$/.test(document.activeElement.href || '')"):
            break
    page.wait_for_selector(".wiki-preview:not([hidden])")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "wiki-preview", focused

    touch = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    phone = touch.new_page()
    phone.goto(browser.base + ARTICLE)
    phone.tap("article a[href$='actors/russia/']")
    phone.wait_for_url("**/actors/russia/")  # the tap went to the page
    touch.close()


@pytest.mark.slow
def test_a_preview_shown_for_the_focused_link_stays_when_the_pointer_has_just_left_a_link(page):
    """The pointer leaving a link hides its preview 200 ms later: a preview the keyboard shows meanwhile stays."""
    link = "article a[href$='actors/russia/']"
    page.goto(page.base + ARTICLE)
    page.hover(link)
    page.wait_for_selector(".wiki-preview:not([hidden])")
    page.keyboard.press("Escape")
    page.mouse.move(0, 0)  # out of the link: a hide is due in 200 ms
    page.focus(link)  # after a key, as the keyboard focuses: its preview, already fetched, shows at once
    page.wait_for_selector(".wiki-preview:not([hidden])")
    page.wait_for_timeout(500)
    assert page.locator(".wiki-preview").is_visible()
    assert page.get_attribute(link, "aria-describedby") == "wiki-preview"


@pytest.mark.slow
@pytest.mark.parametrize(("query", "first", "then", "note"), [
    ("Idleb", "/locations/idlib/", "/articles/", ""),  # another name of Idlib: its page, then the articles about Idlib
    ("Idlob", "/locations/idlib/", None, None),  # a typo
    ("Lavrentyv", "/actors/alexander-lavrentyev/", None, None),
    ("xyzzy", None, None, "No results for “xyzzy”"),  # nonsense finds nothing, not the editing guide
    ("flibbertigibbet", None, None, "No results for “flibbertigibbet”"),
])
def test_search_forgives_typos_reaches_the_articles_and_says_when_nothing_matches(page, query, first, then, note):
    page.goto(page.base)
    page.focus("input.pf-search__input")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".pf-search__hit, .pf-search__empty")
    page.wait_for_timeout(500)  # the last of the typed query's searches
    if then:  # the articles naming the entity come after it is on screen
        page.wait_for_function(f"[...document.querySelectorAll('.pf-search__hit')].some(a => a.href.includes('{then}'))")
    hits = page.eval_on_selector_all(".pf-search__hit", "els => els.map(e => e.getAttribute('href'))")
    if first is None:
        assert hits == [] and page.inner_text(".pf-search__empty") == note
        return
    assert hits and first in hits[0], hits
    if then:
        assert any(then in h for h in hits[1:]), hits


@pytest.mark.slow
def test_an_entity_can_be_followed_by_its_feed(page):
    page.goto(page.base + "locations/idlib/")
    link = page.locator("a:has-text('RSS feed of the articles naming it')")
    response = page.request.get(page.evaluate("a => a.href", link.element_handle()))
    assert response.ok and "xml" in response.headers["content-type"]
    channel = ET.fromstring(response.body()).find("channel")
    items = channel.findall("item")
    named = [path for path in (DOCS / "articles").glob("*.md") if "idlib" in frontmatter.load(path).metadata.get("locations", [])]
    assert len(items) == len(named) == int(re.search(r"Mentioned in (\d+)", page.inner_text("article"))[1])
    titles = {frontmatter.load(path)["title"] for path in named}
    assert {item.findtext("title") for item in items} == titles
    # dated, or said to be dated about a day (an estimate is no publication date for a feed reader to sort by)
    assert all(item.findtext("pubDate") or "Published about" in item.findtext("description") for item in items)


@pytest.mark.slow
def test_a_wrong_address_says_so_and_offers_what_it_may_have_meant(page):
    response = page.goto(page.base + "actors/idleb/")
    assert response.status == 404
    page.wait_for_selector(".pf-search__found .pf-search__hit")
    assert "There is no page at “/syria/actors/idleb/”" in page.inner_text("article")
    assert "/locations/idlib/" in page.get_attribute(".pf-search__found .pf-search__hit", "href")
    page.screenshot(path=str(artifact("reader-404.png")), full_page=True)
    page.watch.events.remove(f"console error: Failed to load resource: the server responded with a status of 404 (Not Found) "
                             f"at {page.base}actors/idleb/")


PAGES = {
    "home": "", "index": "actors/", "article": ARTICLE, "actor": "actors/russia/", "place": "locations/idlib/",
    "agreement": "agreements/moscow-ceasefire-protocol-of-5-march-2020/", "map": "map/", "timeline": "timeline/",
    "relations": "graph/",
}


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_kind_of_page_passes_axe_core_without_a_serious_violation(browser, size, scheme):
    context = browser.new_context(viewport=DESKTOP if size == "desktop" else PHONE, color_scheme=scheme,
                                  is_mobile=size == "phone", has_touch=size == "phone")
    page = context.new_page()
    found = {}
    for name, path in PAGES.items():
        page.goto(browser.base + path)
        page.wait_for_load_state("networkidle")
        if name == "home":
            page.wait_for_selector(".wiki-dashboard[data-ready]")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
        # the theme fades its tabs in: colours are measured once nothing moves
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
                                   ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                                   ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))")
        # after the check: a full-page screenshot resizes the window, and the theme moves its tabs when it does
        page.screenshot(path=str(artifact(f"reader-{name}-{size}-{scheme}.png")), full_page=True)
        if violations:
            found[name] = violations
    context.close()
    assert found == {}
