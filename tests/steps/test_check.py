import os
import shutil
import subprocess
import sys

import pytest

from generator.pipeline import update
from generator.steps.check import check
from generator.steps.ingest import ingest
from tests.conftest import ROOT
from tests.steps.test_ingest_link import ARTICLE


@pytest.fixture
def docs(wiki):
    (wiki / "seeds" / "001.txt").write_text(ARTICLE, encoding="utf-8")
    ingest(wiki / "seeds", wiki / "docs")
    return wiki / "docs"


def messages(docs) -> list[str]:
    return [str(p) for p in check(docs)]


def test_a_clean_wiki_has_no_problems(docs):
    assert messages(docs) == []


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("original:", "origin:", ["unknown key `origin`", "missing `original`"]),
        ("actors:\n- russia", "actors:\n- rusia", ["unknown actor `rusia` — create docs/actors/rusia.md"]),
        ("original: 001.txt", "original: 001.txt\npublished: 2020-02-30", ["`published` is not a real calendar date (2020-02-30)"]),
        ("original: 001.txt", "original: 001.txt\npublished: March 2020", ["`published` must be a date YYYY-MM-DD"]),
        ("title: Moscow and Ankara agree on new patrols near Deir ez-Zor\n", "", ["missing `title`"]),
        ("locations:\n- deir-ez-zor", "locations: deir-ez-zor", ["`locations` must be a list of text"]),
    ],
)
def test_article_mistakes_are_reported_with_path_and_line(docs, old, new, expected):
    page = next(p for p in (docs / "articles").glob("*.md"))
    edit(page, old, new)
    found = messages(docs)
    for e in expected:
        assert any(e in m and m.startswith(f"{page}:") and " — " in m for m in found), found


def test_line_number_points_at_the_key(docs):
    page = next(p for p in (docs / "articles").glob("*.md"))
    edit(page, "original:", "orignal:")
    line = page.read_text(encoding="utf-8").splitlines().index(next(x for x in page.read_text(encoding="utf-8").splitlines()
                                                                    if x.startswith("orignal:"))) + 1
    assert any(m.startswith(f"{page}:{line}: unknown key `orignal`") for m in messages(docs))


def test_alias_claimed_by_two_entities(docs):
    edit(docs / "actors" / "turkey.md", "aliases:\n- Türkiye", "aliases:\n- Türkiye\n- SDF")
    assert any("“SDF” is also claimed by" in m for m in messages(docs))


def test_bad_coordinates_and_yaml(docs):
    edit(docs / "locations" / "syria.md", "- 35.0\n- 38.5", "- 135.0\n- 38.5")
    (docs / "actors" / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    found = messages(docs)
    assert any("syria.md" in m and "`coordinates` must be [latitude, longitude]" in m for m in found)
    assert any("broken.md:2: front matter is not valid YAML" in m for m in found)  # the line of the `[`


def test_two_articles_with_the_same_text(docs):
    page = next(p for p in (docs / "articles").glob("*.md"))
    copy = page.with_name("copy.md")
    copy.write_text(page.read_text(encoding="utf-8").replace("original: 001.txt", "original: 002.txt"), encoding="utf-8")
    assert any("same text as" in m for m in messages(docs))


def pages(docs) -> dict[str, bytes]:
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*.md")) if ".generator" not in p.parts}


@pytest.mark.parametrize("cache", ["kept", "deleted"])
def test_a_broken_entity_page_is_reported_once_and_its_articles_are_left_alone(docs, cache):
    """Issue 17, case 10: one problem at the real line; no "unknown actor" for the articles naming it, which stay byte
    for byte (links and tags kept) until the page is fixed; then everything is as before. Without the file cache (a
    fresh clone) the page's title line still gives the links their text."""
    seeds = docs.parent / "seeds"
    assert update(seeds, docs)[0] == 0
    before = pages(docs)
    russia = docs / "actors" / "russia.md"
    good = russia.read_text(encoding="utf-8")
    article = next(n for n in before if n.startswith("articles/") and n != "articles/index.md")
    assert "[Russia](../actors/russia.md)" in before[article].decode()  # the tag line, and the first mention
    broken = good.replace("kind: state\n", "kind: state: yes\n")
    line = broken.splitlines().index("kind: state: yes") + 1
    russia.write_text(broken, encoding="utf-8")
    if cache == "deleted":
        shutil.rmtree(docs / ".generator" / "cache")
    found = messages(docs)
    assert len(found) == 1 and found[0].startswith(f"{russia}:{line}: front matter is not valid YAML"), found
    assert update(seeds, docs)[0] == 1
    after = pages(docs)
    assert {n: after[n] for n in after if n.startswith("articles/")} == {n: before[n] for n in before if n.startswith("articles/")}
    assert after["actors/russia.md"].decode().startswith(broken.split("<!--")[0])  # the editor's text untouched
    assert len(messages(docs)) == 1
    russia.write_text(good, encoding="utf-8")
    assert update(seeds, docs)[0] == 0
    assert pages(docs) == before


def test_an_alias_bomb_in_an_entity_page_ends_the_run_with_its_line(docs):
    """Issue 17, case 5: nested anchors ("billion laughs") crashed or hung ``update``; now a message names file:line."""
    russia = docs / "actors" / "russia.md"
    text = russia.read_text(encoding="utf-8")
    bomb = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 14)]
    russia.write_text(text.replace("aliases:\n", "\n".join(bomb) + "\naliases: *a13\nother:\n", 1), encoding="utf-8")
    line = text.splitlines().index("aliases:") + 1
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        run = subprocess.run([sys.executable, "-m", "generator", "update", "--seeds", str(docs.parent / "seeds"), "--docs", str(docs)],
                             capture_output=True, text=True, timeout=120, env=env, cwd=docs.parent)
    except subprocess.TimeoutExpired:
        pytest.fail("update hung on an alias bomb")
    output = run.stdout + run.stderr
    assert run.returncode == 1, output[-3000:]
    assert f"{russia}:{line}: front matter uses the YAML anchor `&a0`" in output, output[-3000:]
    assert "Traceback" not in output
