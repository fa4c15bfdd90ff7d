"""The RSS feed: the newest articles, as many as it is told; exports carry no value check rejects."""

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.model import ArticleRef, Entity
from generator.content.pages import join, sections, set_front_value, split_front
from generator.settings import DEFAULTS
from generator.site.exports import rss_feed, tags_csv, tags_rows
from generator.steps.check import check
from generator.steps.ingest import ingest
from generator.steps.link import link
from tests.steps.test_ingest_link import ARTICLE

REFS = [ArticleRef(f"a{i}", f"Article {i}", (date(2025, 6, 1) - timedelta(days=i)).isoformat(), "", ())
        for i in range(DEFAULTS.feed_size + 5)]  # newest first


def _guids(feed: str) -> list[str]:
    return [item.findtext("guid") for item in ET.fromstring(feed).findall("./channel/item")]


def test_the_feed_holds_the_newest_articles():
    assert _guids(rss_feed(REFS, "https://example.org/wiki/", "Wiki")) == [r.slug for r in REFS[:DEFAULTS.feed_size]]
    assert _guids(rss_feed(REFS, "https://example.org/wiki/", "Wiki", feed_size=2)) == ["a0", "a1"]


def test_feeds_sharing_their_items_are_the_feeds_made_alone():
    """Link makes each article's item once for every entity feed it is in (``made``); each feed is as if made alone."""
    made: dict[str, str] = {}
    for refs in (REFS[:7], REFS[3:], REFS[::2]):
        assert rss_feed(refs, "https://example.org/wiki/", "Wiki", made=made) == rss_feed(refs, "https://example.org/wiki/", "Wiki")
    assert set(made) == {r.slug for refs in (REFS[:7], REFS[3:], REFS[::2]) for r in refs[:DEFAULTS.feed_size]}


# A value `python -m generator check` rejects is reported, and no view or export carries it: (page, key, bad value,
# check's complaint, {file written by link: text its generated parts must not hold}).
REJECTED = [
    ("locations/damascus.md", "coordinates", [136.4, 237.1], "`coordinates` must be [latitude, longitude]",
     {"map.md": "136.4", "exports/locations.geojson": "237.1", "locations/damascus.md": "136.4"}),
    ("agreements/moscow-protocol.md", "date", "2020-02-30", "`date` is not a real calendar date",
     {"agreements/moscow-protocol.md": "2020-02-30"}),
    ("agreements/moscow-protocol.md", "status", "signed-ish", "status", {"agreements/moscow-protocol.md": "signed-ish"}),
    ("articles/ARTICLE", "published", "2020-02-30", "`published` is not a real calendar date",
     {"feed.xml": "2020", "timeline.md": "2020", "articles/index.md": "2020-02-30", "exports/tags.csv": "2020-02-30"}),
    ("articles/ARTICLE", "source", ["Reuters", "AP"], "`source` must be non-empty text",
     {"sources/index.md": "Reuters", "feed.xml": "Reuters", "exports/tags.csv": "Reuters"}),
]


def _set(page: Path, key: str, value) -> None:
    front, body = split_front(page.read_text(encoding="utf-8"))
    page.write_text(join(set_front_value(front, key, value), body), encoding="utf-8")


@pytest.mark.parametrize(("page", "key", "value", "complaint", "absent"), REJECTED, ids=[f"{r[0]}:{r[1]}" for r in REJECTED])
def test_a_value_check_rejects_is_reported_and_reaches_no_view_or_export(wiki, page, key, value, complaint, absent):
    docs = wiki / "docs"
    (wiki / "seeds" / "001.txt").write_text(ARTICLE, encoding="utf-8")
    ingest(wiki / "seeds", docs)
    article = next(p.stem for p in (docs / "articles").glob("*.md"))
    path = docs / page.replace("ARTICLE", article + ".md")
    _set(path, key, value)
    problems = [str(p) for p in check(docs)]
    assert any(p.startswith(f"{path}:") and complaint in p for p in problems), problems
    link(docs)
    for name, text in absent.items():
        written = (docs / name).read_text(encoding="utf-8")
        generated = "".join(sections(written).values()) if name.endswith(".md") else written  # not the editor's own value
        assert text not in generated, name


def test_the_feed_and_the_csv_carry_the_provenance():
    dated = ArticleRef("a", "A", "2020-06-08 14:30", "Reuters", (("actors", "russia"),), url="https://example.org/a?x=1&y=2", author="Jane <Doe>")
    estimated = ArticleRef("b", "B", "2023-06-21", "", (), published_estimate="not before 2023-06-21 (names the road map)")
    items = ET.fromstring(rss_feed([dated, estimated], "https://example.org/wiki/", "Wiki")).findall("./channel/item")
    assert items[0].findtext("pubDate") == "Mon, 08 Jun 2020 14:30:00 +0000"
    assert items[0].findtext("description") == 'By Jane &lt;Doe&gt;. <a href="https://example.org/a?x=1&amp;y=2">Original article</a>'
    assert items[1].findtext("pubDate") is None  # an estimate is no date to sort a feed by
    assert items[1].findtext("description") == "Published about 2023-06-21 (estimated: not before 2023-06-21 (names the road map))."
    rows = list(csv.DictReader(io.StringIO("".join(tags_csv([dated, estimated], {})))))
    assert [(r["published"], r["source"], r["url"], r["author"], r["published_estimate"]) for r in rows] == [
        ("2020-06-08 14:30", "Reuters", "https://example.org/a?x=1&y=2", "Jane <Doe>", "")]
    assert "".join(tags_csv([ArticleRef("c", "C", "", "", (("actors", "russia"),))], {})).splitlines()[1] == "c,C,,,actor,russia,,,,"


def test_the_tile_server_reaches_the_maps_as_data_never_as_code():
    from generator.site.exports import tiles_script

    script = tiles_script('https://t.example/{z}/{x}/{y}.png";alert(1);"', "© “Example”")
    assert script.splitlines()[1] == ('window.SITUATION_WIKI_TILES = {"url": "https://t.example/{z}/{x}/{y}.png\\";alert(1);\\"", '
                                      '"attribution": "© “Example”"};')


_FIELD = st.text(alphabet=st.sampled_from(list('ab ,"\n\r\t;é’')), max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FIELD, min_size=7, max_size=7), st.lists(st.sampled_from(["actors", "locations", "agreements"]), max_size=4),
       _FIELD)
def test_tags_rows_quote_as_one_csv_row_per_tag(values, types, entity_title):
    """The article's columns, quoted once, give what the csv module gives for each whole row."""
    slug, title, published, source, url, author, estimate = values
    tags = tuple(sorted({(t, f"e{i}") for i, t in enumerate(types)}))
    entities = {key: Entity(key[0], key[1], entity_title) for key in tags[:2]}
    out = io.StringIO()
    order = {"actors": 0, "locations": 1, "agreements": 2}
    for type_, key in sorted(tags, key=lambda k: (order[k[0]], k[1])):
        entity = entities.get((type_, key))
        csv.writer(out, lineterminator="\n").writerow([slug, title, published, source, type_[:-1], key,
                                                        entity.title if entity else "", url, author, estimate])
    ref = ArticleRef(slug, title, published, source, tags, url=url, author=author, published_estimate=estimate)
    assert tags_rows(ref, entities) == out.getvalue()
