"""The search index in parts: how pages are cut, and that a reader's search finds the newest first and the older
parts when it needs them or the reader asks."""

import json
import shutil
from collections import Counter

import pytest

from generator.engine.search_index import PARTS_FILE, build, common, mark_site, older, parts
from tests.conftest import ROOT, site_scaffold, strict_build

A, B, C, D = (f"articles/{x}/index.html" for x in "abcd")


@pytest.mark.parametrize("pages, budget, dates, expected", [
    ({A: 10}, 100, {}, [[A]]),
    # under the budget: one part, whatever the number of pages
    ({f"articles/{i}/index.html": 10 for i in range(9)}, 90, {}, [[f"articles/{i}/index.html" for i in range(9)]]),
    # entity pages first, whatever their names; then undated articles in path order, cut into balanced parts
    ({B: 50, A: 50, "actors/z/index.html": 50, "editing/index.html": 50}, 100, {},
     [["actors/z/index.html", "editing/index.html"], [A, B]]),
    ({A: 30, B: 30, C: 30}, 40, {}, [[A], [B], [C]]),
    # the newest articles first, equal dates in path order, undated ones last
    ({A: 30, B: 30, C: 30, D: 30}, 40, {A: "2019-05-01", B: "2024-01-31", D: "2024-01-31"}, [[B, D], [A], [C]]),
    # every entity page in the first part, even past its share
    ({"actors/x/index.html": 80, "locations/y/index.html": 80, A: 40, B: 40}, 120, {}, [["actors/x/index.html", "locations/y/index.html"], [A, B]]),
])
def test_pages_are_cut_into_balanced_parts_entities_then_newest_first(pages, budget, dates, expected):
    assert parts(pages, budget, dates) == expected


def test_the_older_parts_are_described_for_the_reader():
    cut = [["actors/x/index.html", A], [B, C], [D]]
    assert older(cut, {A: "2024-02-01", B: "2023-12-30", C: "2023-11-02"}) == {
        "parts": ["1/", "2/"], "articles": 3, "through": "2023-12-30", "undated": 1}
    assert older([[A]], {}) == {"parts": [], "articles": 0, "through": "", "undated": 0}


@pytest.mark.parametrize("weights, budget", [([7] * 1000, 700), ([1, 500, 3, 200, 80] * 40, 5000), ([90] * 33, 1000)])
def test_every_page_is_in_one_part_and_no_part_is_much_over_the_budget(weights, budget):
    pages = {f"articles/{i:04d}/index.html": w for i, w in enumerate(weights)}
    cut = parts(pages, budget)
    assert sorted(p for part in cut for p in part) == sorted(pages)
    assert len(cut) == -(-sum(weights) // budget)  # as few as the budget allows
    assert all(sum(pages[p] for p in part) <= budget + max(weights) for part in cut)


def test_common_words_are_on_many_pages_and_most_of_them():
    pages_with = Counter({"al": 900, "said": 610, "camp": 400, "bukamal": 30})
    assert common(pages_with, 1000, least=500, share=0.5) == ["al", "said"]
    assert common(pages_with, 1000, least=500, share=0.7) == ["al"]
    assert common(pages_with, 1000, least=1000, share=0.5) == []  # a small wiki: every word narrows the search


def test_the_index_step_marks_the_searched_pages_of_site_and_counts_them(tmp_path):
    from tests.engine.test_mark import ARTICLE, ENTITY

    site, docs = tmp_path / "site", tmp_path / "docs"
    for rel, html in (("articles/raid/index.html", ARTICLE), ("locations/albu-kamal/index.html", ENTITY),
                      ("articles/index.html", ARTICLE), ("review/index.html", ARTICLE)):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(html, encoding="utf-8")
    (docs / "articles").mkdir(parents=True)
    (docs / "articles" / "raid.md").write_text("---\ntitle: Raid\npublished: '2024-02-01'\n---\n", encoding="utf-8")
    searched = mark_site(site, docs)
    assert sorted(searched.words) == ["articles/raid/index.html", "locations/albu-kamal/index.html"]
    assert searched.dates == {"articles/raid/index.html": "2024-02-01", "locations/albu-kamal/index.html": ""}
    assert searched.pages_with["raid"] == 1 and "turkey" not in searched.pages_with
    assert "data-pagefind-body" in (site / "articles/raid/index.html").read_text(encoding="utf-8")
    assert (site / "review/index.html").read_text(encoding="utf-8") == ARTICLE  # a list of pages: not searched
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    assert mark_site(site, docs) == searched  # the step may run again on the same site/
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*.html")} == before


def test_the_preview_makes_the_index_only_when_site_has_none(tmp_path, monkeypatch):
    from generator.engine import serve

    made = []
    monkeypatch.setattr(serve, "index_site", lambda site, docs: made.append(site))
    assert serve.ensure_index(tmp_path, tmp_path / "docs") and made == [tmp_path]
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "pagefind.js").write_text("", encoding="utf-8")
    assert not serve.ensure_index(tmp_path, tmp_path / "docs") and made == [tmp_path]


@pytest.fixture(scope="module")
def parted(tmp_path_factory):
    """The seeds' site, its index rebuilt in three parts (a tiny budget stands in for a big corpus), with made-up
    publication dates: the seeds have none."""
    root = tmp_path_factory.mktemp("parts")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("lock"))
    site_scaffold(root)
    site = strict_build(root)
    assert json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8"))["parts"] == []  # a small wiki: one index
    whole = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["en"]["page_count"]
    searched = {p.relative_to(site).as_posix(): 1 for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    assert len(searched) == whole
    articles = sorted(p for p in searched if p.startswith("articles/"))
    dates = {p: f"2020-01-{i + 10}" for i, p in enumerate(articles)}  # the first in path order is the oldest
    # "al" as the word on most pages of a big wiki, which a query of several words goes without
    assert build(site, searched, budget=-(-len(searched) // 3), dates=dates, common_words=["al"]) == 3
    return site, articles, whole


@pytest.mark.slow
def test_the_parts_hold_every_searched_page_once(parted):
    site, articles, whole = parted
    listed = json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8"))
    assert listed["parts"] == ["1/", "2/"]
    counts = [json.loads((site / "pagefind" / part / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["en"]["page_count"]
              for part in ["", *listed["parts"]]]
    assert sum(counts) == whole and all(counts)
    assert listed["articles"] == len(articles) and listed["through"] == "2020-01-14"  # every entity page fills the first


def _hits(page, base, query):
    """The results a reader arriving on the home page sees for ``query``."""
    page.goto(base + "index.html")
    page.focus("input.pf-search__input")
    page.keyboard.type(query, delay=10)
    page.wait_for_selector(".pf-search__hit", timeout=15_000)
    page.wait_for_timeout(300)  # the list settles: the older parts may be added
    return [a.get_attribute("href") for a in page.locator(".pf-search__hit").all()]


@pytest.mark.slow
def test_search_box_finds_old_articles_and_entities_of_the_first_part(parted):
    from tests.browser import chromium, served

    site, articles, _ = parted
    oldest = articles[0]  # in the last part
    heading = (site / oldest).read_text(encoding="utf-8").split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0]
    with served(site) as base, chromium() as browser:
        page = browser.new_page()
        # its own title matches no page of the first part: the older ones are searched without asking
        assert any(h.endswith("/" + oldest.removesuffix("index.html")) for h in _hits(page, base, heading))
        assert _hits(page, base, "Bukamal")[0].endswith("/locations/albu-kamal/")
        assert _hits(page, base, "Hayat Tahrir al-Sham")[0].endswith("/actors/hayat-tahrir-al-sham/")  # searched without "al"
        assert _hits(page, base, "al")  # a common word alone is still searched


@pytest.mark.slow
def test_the_reader_can_add_the_older_articles_to_a_search(parted):
    from tests.browser import chromium, served

    site, articles, _ = parted
    with served(site) as base, chromium() as browser:
        page = browser.new_page()
        first = _hits(page, base, "Syria")
        older_button = page.locator(".pf-search__older")
        assert older_button.text_content() == f"Also search {len(articles)} older articles (up to 2020-01-14)"
        left = int(page.locator(".pf-search__more").text_content().split("(")[1].rstrip(")"))
        older_button.click()
        page.wait_for_function(f"(document.querySelector('.pf-search__more')?.textContent || '') !== 'More results ({left})'")
        assert page.locator(".pf-search__older").count() == 0  # everything is searched now
        now = int(page.locator(".pf-search__more").text_content().split("(")[1].rstrip(")"))
        assert now > left  # articles of the older parts joined the results
        assert len(first) == 5
