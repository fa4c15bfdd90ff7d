"""The search index in parts: how pages are cut, and that a reader's search finds pages of every part."""

import json
import shutil

import pytest

from generator.search_index import PARTS_FILE, build, parts
from tests.conftest import ROOT, site_scaffold, strict_build


@pytest.mark.parametrize("pages, budget, expected", [
    ({"articles/a/index.html": 10}, 100, [["articles/a/index.html"]]),
    # under the budget: one part, whatever the number of pages
    ({f"articles/{i}/index.html": 10 for i in range(9)}, 90, [[f"articles/{i}/index.html" for i in range(9)]]),
    # entity pages first, whatever their names; then articles in path order, cut into balanced parts
    ({"articles/b/index.html": 50, "articles/a/index.html": 50, "actors/z/index.html": 50, "editing/index.html": 50}, 100,
     [["actors/z/index.html", "editing/index.html"], ["articles/a/index.html", "articles/b/index.html"]]),
    ({"articles/a/index.html": 30, "articles/b/index.html": 30, "articles/c/index.html": 30}, 40,
     [["articles/a/index.html"], ["articles/b/index.html"], ["articles/c/index.html"]]),
])
def test_pages_are_cut_into_balanced_parts_entities_first(pages, budget, expected):
    assert parts(pages, budget) == expected


@pytest.mark.parametrize("weights, budget", [([7] * 1000, 700), ([1, 500, 3, 200, 80] * 40, 5000), ([90] * 33, 1000)])
def test_every_page_is_in_one_part_and_no_part_is_much_over_the_budget(weights, budget):
    pages = {f"articles/{i:04d}/index.html": w for i, w in enumerate(weights)}
    cut = parts(pages, budget)
    assert sorted(p for part in cut for p in part) == sorted(pages)
    assert len(cut) == -(-sum(weights) // budget)  # as few as the budget allows
    assert all(sum(pages[p] for p in part) <= budget + max(weights) for part in cut)


@pytest.fixture(scope="module")
def parted(tmp_path_factory):
    """The seeds' site, its index rebuilt in three parts (a tiny budget stands in for a big corpus)."""
    root = tmp_path_factory.mktemp("parts")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("lock"))
    site_scaffold(root)
    site = strict_build(root)
    assert json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8")) == []  # a small wiki: one index
    whole = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["en"]["page_count"]
    searched = {p.relative_to(site).as_posix(): 1 for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    assert len(searched) == whole
    assert build(site, searched, budget=-(-len(searched) // 3)) == 3
    return site, sorted(p for p in searched if p.startswith("articles/")), whole


def test_the_parts_hold_every_searched_page_once(parted):
    site, _, whole = parted
    listed = json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8"))
    assert listed == ["1/", "2/"]
    counts = [json.loads((site / "pagefind" / part / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["en"]["page_count"]
              for part in ["", *listed]]
    assert sum(counts) == whole and all(counts)


def test_search_box_finds_pages_of_the_last_part_and_entities_of_the_first(parted):
    from tests.browser import chromium, served

    site, articles, _ = parted
    last = articles[-1]  # path order: the last article is in the last part
    heading = (site / last).read_text(encoding="utf-8").split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0]
    with served(site) as base, chromium() as browser:
        page = browser.new_page()
        for query, wanted in ((heading, "/" + last.removesuffix("index.html")), ("Bukamal", "/locations/albu-kamal/")):
            page.goto(base + "index.html")
            page.focus("input.pf-search__input")
            page.keyboard.type(query, delay=10)
            page.wait_for_selector(".pf-search__hit", timeout=15_000)
            hits = [a.get_attribute("href") for a in page.locator(".pf-search__hit").all()]
            assert any(h.endswith(wanted) for h in hits), (query, hits)
        assert page.locator(".pf-search__hit").first.get_attribute("href").endswith("/locations/albu-kamal/")
