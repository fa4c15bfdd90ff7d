import pytest

from generator.steps.check import check
from generator.steps.ingest import ingest
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
    assert any("broken.md:1: front matter is not valid YAML" in m for m in found)


def test_two_articles_with_the_same_text(docs):
    page = next(p for p in (docs / "articles").glob("*.md"))
    copy = page.with_name("copy.md")
    copy.write_text(page.read_text(encoding="utf-8").replace("original: 001.txt", "original: 002.txt"), encoding="utf-8")
    assert any("same text as" in m for m in messages(docs))
