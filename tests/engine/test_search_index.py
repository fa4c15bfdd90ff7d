"""The search index in parts: how pages are cut, and that a reader's search finds the newest first and the older
parts when it needs them or the reader asks."""

import json
import os
import random
import shutil
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.engine.mark import mark
from generator.engine.search_index import COPIED, PARTS_FILE, Index, _copy, _stage, build, common, copy_name, mark_site, older, parts, readable
from tests.conftest import ROOT, site_scaffold, strict_build

A, B, C, D = (f"articles/{x}/index.html" for x in "abcd")


def never(page, words, budget):
    return False


def after(*pages):
    return lambda page, words, budget: page in pages


@pytest.mark.parametrize("pages, budget, dates, cuts, expected", [
    ({A: 10}, 100, {}, never, [[A]]),
    # under the budget: one part, whatever the number of pages
    ({f"articles/{i}/index.html": 10 for i in range(9)}, 100, {}, never, [[f"articles/{i}/index.html" for i in range(9)][::-1]]),
    # entity pages first, whatever their names, with the newest articles; a part ends at the budget
    ({B: 50, A: 50, C: 10, "actors/z/index.html": 50, "editing/index.html": 50}, 100, {}, never,
     [["actors/z/index.html", "editing/index.html", C], [B, A]]),
    ({A: 30, B: 30, C: 30}, 40, {}, never, [[C], [B, A]]),
    # cut from the oldest: undated ones, then by date, equal dates in path order; each part newest first
    ({A: 30, B: 30, C: 30, D: 30}, 60, {A: "2019-05-01", B: "2024-01-31", D: "2024-01-31"}, never, [[], [D, B], [A, C]]),
    # past a quarter of the budget, a part may end where ``cuts`` allows
    ({A: 20, B: 30, C: 30, D: 30}, 100, {}, after(B), [[D, C], [B, A]]),
    ({A: 20, B: 30, C: 30, D: 30}, 100, {}, after(A), [[], [D, C, B, A]]),  # A alone is under a quarter: the budget cuts
    # every entity page in the first part, even past the budget
    ({"actors/x/index.html": 80, "locations/y/index.html": 80, A: 40, B: 40}, 80, {}, never,
     [["actors/x/index.html", "locations/y/index.html"], [B, A]]),
])
def test_pages_are_cut_from_the_oldest_entities_and_newest_first(pages, budget, dates, cuts, expected):
    assert parts(pages, budget, dates, cuts) == expected


def test_the_older_parts_are_described_for_the_reader():
    cut = [["actors/x/index.html", A], [B, C], [D]]
    assert older(cut, {A: "2024-02-01", B: "2023-12-30", C: "2023-11-02"}, ["0123456789abcdef", "fedcba9876543210"]) == {
        "parts": ["0123456789abcdef/", "fedcba9876543210/"], "articles": 3, "through": "2023-12-30", "undated": 1,
        "each": [[2, "2023-12-30", 0], [1, "", 1]]}
    assert older([[A]], {}, []) == {"parts": [], "articles": 0, "through": "", "undated": 0, "each": []}


def _articles(weights):
    return {f"articles/{i:05d}/index.html": w for i, w in enumerate(weights)}


@given(st.lists(st.integers(1, 400), min_size=1, max_size=300), st.integers(200, 5000))
def test_every_page_is_in_one_part_and_every_part_fits_the_budget(weights, budget):
    pages = _articles(weights)
    cut = parts(pages, budget)
    assert sorted(p for part in cut for p in part) == sorted(pages)
    sizes = [sum(pages[p] for p in part) for part in cut]
    assert all(size < budget + max(weights) for size in sizes)
    assert all(4 * size >= budget for size in sizes[1:])  # no older part under a quarter of the budget


def test_adding_or_changing_an_article_changes_few_parts():
    """What makes the index incremental: the other parts keep their pages, so their index is kept. Over 300 edits of a
    wiki of 2,000 articles in about a hundred parts, each a changed article's length and a new one among the old."""
    rng = random.Random(7)
    budget = 2000
    changed_parts = []
    for _ in range(300):
        pages = _articles(rng.randint(20, 200) for _ in range(2000))
        before = {tuple(part) for part in parts(pages, budget)[1:]}
        edited = dict(pages)
        edited[rng.choice(sorted(pages))] = rng.randint(1, 400)
        edited[f"articles/{rng.randrange(2000):05d}x/index.html"] = rng.randint(1, 400)
        changed_parts.append(sum(tuple(part) not in before for part in parts(edited, budget)[1:]))
    assert len(before) > 50
    assert sum(changed_parts) / len(changed_parts) < 3 and max(changed_parts) <= 8


@pytest.mark.parametrize("words", [50, 1500])
def test_a_new_article_changes_only_the_first_part_or_closes_one_more(words):
    pages = _articles([100] * 500)
    older_parts = parts(pages, 2000)[1:]
    now = parts({**pages, "articles/99999/index.html": words}, 2000)
    assert now[1:][-len(older_parts):] == older_parts and len(now) - 1 - len(older_parts) in (0, 1)


def test_a_stage_kept_from_the_last_run_holds_exactly_the_part_as_site_has_it_now(tmp_path):
    """The first part's stage is kept between runs (``_stage``): brought up to date, it is what a new one would be."""
    site, stage = tmp_path / "site", tmp_path / "stage"
    for rel in (A, B, C):
        (site / rel).parent.mkdir(parents=True)
        (site / rel).write_text(f"<p>{rel} before</p>", encoding="utf-8")
    _stage(site, [A, B], stage)
    replaced = site / B  # rewritten as a new file (mark_site and write_if_changed put a new page in place)
    replaced.with_suffix(".new").write_text("<p>b after</p>", encoding="utf-8")
    replaced.with_suffix(".new").replace(replaced)
    (site / A).write_text("<p>a in place</p>", encoding="utf-8")  # rewritten in place, as an engine writes
    _stage(site, [B, C], stage)
    staged = {p.relative_to(stage).as_posix(): p.read_text(encoding="utf-8") for p in stage.rglob("*") if p.is_file()}
    assert staged == {B: "<p>b after</p>", C: f"<p>{C} before</p>"}
    assert not (stage / A).parent.exists()  # no folder left of a page that left the part


def test_copies_are_made_again_for_pages_built_since_and_removed_for_pages_no_longer_searched(tmp_path):
    site, copies = tmp_path / "site", tmp_path / "copies"
    for rel in (A, B, C):
        (site / rel).parent.mkdir(parents=True)
        (site / rel).write_text(f"<p>{rel} before</p>", encoding="utf-8")
    _copy(site, [A, B], [A, B, C], copies)
    inode = (copies / copy_name(A)).stat().st_ino
    (site / B).write_text("<p>b after</p>", encoding="utf-8")
    _copy(site, [A, B, C], [A, B, C], copies)
    assert (copies / copy_name(A)).stat().st_ino == inode  # not made again: hard links to it stay good
    assert [(copies / copy_name(rel)).read_text(encoding="utf-8") for rel in (A, B, C)] == [
        f"<p>{A} before</p>", "<p>b after</p>", f"<p>{C} before</p>"]
    _copy(site, [], [B, C], copies)  # A is no longer searched
    assert sorted(p.name for p in copies.iterdir()) == sorted([COPIED, copy_name(B), copy_name(C)])  # one folder
    assert sorted(json.loads((copies / COPIED).read_text(encoding="utf-8"))) == [B, C]


def test_what_pagefind_reads_of_a_page_is_its_language_title_and_marked_article_alone():
    from tests.engine.test_mark import ENTITY

    marked = mark(ENTITY, "locations/albu-kamal/index.html").html
    kept = readable(marked)
    start = marked.index('data-pagefind-body>')
    assert marked[marked.rindex("<article", 0, start):marked.index("</article>", start)] in kept
    assert len(kept) < len(marked) and "<nav" not in kept
    assert readable("<p>no article here</p>") == "<p>no article here</p>"  # not marked: Pagefind reads it whole


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


@pytest.mark.parametrize("odd", ["articles/raid/index.html", "articles/raid{1,2}, [draft]/index.html"])
def test_pagefind_indexes_the_pages_of_a_part_and_no_other(tmp_path, odd):
    """Each part's index holds its own pages, whatever their paths (a glob or a shell would misread the second)."""
    from tests.engine.test_mark import ARTICLE, ENTITY

    site, docs = tmp_path / "site", tmp_path / "docs"
    for rel, html in ((odd, ARTICLE), ("articles/other/index.html", ARTICLE), ("locations/albu-kamal/index.html", ENTITY)):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(html, encoding="utf-8")
    searched = mark_site(site, docs)
    assert build(site, searched.words, budget=1, dates={odd: "2024-01-01", "articles/other/index.html": "2024-02-01"}) == Index(3, 3)
    listed = json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8"))
    counts = [sum(lang["page_count"] for lang in json.loads((site / "pagefind" / part / "pagefind-entry.json").read_text(
        encoding="utf-8"))["languages"].values()) for part in ["", *listed["parts"]]]
    assert counts == [1, 1, 1]  # the entity page, then each article alone (a budget of one word)
    older = site / "pagefind" / listed["parts"][1]
    assert sorted(p.name for p in older.iterdir() if p.is_dir()) == ["filter", "fragment", "index"]


def test_pages_unchanged_since_the_last_run_are_not_read_again_and_the_result_is_the_same(tmp_path):
    from tests.engine.test_mark import ARTICLE, ENTITY

    site, docs = tmp_path / "site", tmp_path / "docs"
    for rel, html in (("articles/raid/index.html", ARTICLE), ("articles/siege/index.html", ARTICLE),
                      ("locations/albu-kamal/index.html", ENTITY)):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(html, encoding="utf-8")
    seen = mark_site(site, docs)
    siege = site / "articles/siege/index.html"
    siege.write_text(ARTICLE.replace("</article>", "<p>Shelling of Douma resumed.</p></article>"), encoding="utf-8")
    raid = site / "articles/raid/index.html"
    original, stat = raid.read_text(encoding="utf-8"), raid.stat()
    raid.write_text(original.replace("Monday", "Xyzwvu"), encoding="utf-8")  # same size and time: taken as unchanged
    os.utime(raid, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = mark_site(site, docs, seen)
    assert "monday" in again.terms["articles/raid/index.html"]  # not read again
    assert "douma" in again.terms["articles/siege/index.html"] and again.pages_with["douma"] == 1
    raid.write_text(original, encoding="utf-8")
    os.utime(raid, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert again == mark_site(site, docs)  # the slow way: every page read


def test_what_another_generator_version_found_is_not_trusted(tmp_path, monkeypatch):
    from generator.engine import search_index

    seen = search_index.Searched()
    seen.stats["articles/raid/index.html"] = (1, 2)
    search_index._remember(tmp_path / "seen.pickle", seen)
    assert search_index._recall(tmp_path / "seen.pickle") == seen
    monkeypatch.setattr(search_index, "code_version", lambda: "another")  # a pulled generator marks pages otherwise
    assert search_index._recall(tmp_path / "seen.pickle") is None


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
    """The seeds' site, its index rebuilt in parts, each article alone in one (a budget of one article's words stands
    in for a big corpus), with made-up publication dates: the seeds have none."""
    root = tmp_path_factory.mktemp("parts")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("lock"))
    site_scaffold(root)
    site = strict_build(root)
    assert json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8"))["parts"] == []  # a small wiki: one index
    whole = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["en"]["page_count"]
    searched = {p.relative_to(site).as_posix(): 1 for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    assert len(searched) == whole
    articles = sorted(p for p in searched if p.startswith("articles/"))
    searched.update((p, 2) for p in articles)
    dates = {p: f"2020-01-{i + 10}" for i, p in enumerate(articles)}  # the first in path order is the oldest
    # "al" as the word on most pages of a big wiki, which a query of several words goes without
    assert build(site, searched, budget=2, dates=dates, common_words=["al"]) == Index(parts=len(articles) + 1, indexed=len(articles) + 1)
    assert build(site, searched, budget=2, dates=dates, common_words=["al"]).indexed == 0  # nothing changed: every part kept
    return site, articles, whole


@pytest.mark.slow
def test_the_parts_hold_every_searched_page_once(parted):
    site, articles, whole = parted
    listed = json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8"))
    assert len(listed["parts"]) == len(articles)
    counts = [json.loads((site / "pagefind" / part / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["en"]["page_count"]
              for part in ["", *listed["parts"]]]
    assert sum(counts) == whole and counts[1:] == [1] * len(articles)
    assert listed["articles"] == len(articles) and listed["through"] == "2020-01-14"  # every entity page fills the first
    assert sorted(p.name for p in (site / "pagefind").iterdir() if p.is_dir() and len(p.name) == 16) == sorted(
        p.rstrip("/") for p in listed["parts"])  # no folder of an earlier index left


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
