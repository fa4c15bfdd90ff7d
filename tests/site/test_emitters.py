"""The views the emit step writes: each is rendered again when what it declares it reads changed, and only then."""

from generator.site.emitters import EMITTERS, PARTS
from generator.steps.ingest import ingest
from generator.steps.link import link
from tests.steps.test_ingest_link import ARTICLE

SECOND = "Talks in Astana\n\nRussia and Turkey met in Astana on Monday. Fighting went on near Deir ez-Zor.\n"


def built(wiki):
    (wiki / "seeds" / "001.txt").write_text(ARTICLE, encoding="utf-8")
    (wiki / "seeds" / "002.txt").write_text(SECOND, encoding="utf-8")
    (wiki / "mkdocs.yml").write_text("site_name: Wiki\nsite_url: https://example.org/a/\n", encoding="utf-8")
    docs = wiki / "docs"
    ingest(wiki / "seeds", docs)
    link(docs)
    return docs


def names(docs, written):
    return sorted(str(p.relative_to(docs)) for p in map(type(docs), written))


def test_every_emitter_declares_known_parts_and_distinct_files():
    assert all(e.reads and e.reads <= PARTS for e in EMITTERS)
    assert len({e.name for e in EMITTERS}) == len({e.files for e in EMITTERS}) == len(EMITTERS)


def test_a_new_site_url_rewrites_the_feeds_alone(wiki):
    docs = built(wiki)
    (wiki / "mkdocs.yml").write_text("site_name: Wiki\nsite_url: https://example.org/b/\n", encoding="utf-8")
    written = names(docs, link(docs).written)
    entities = sum(1 for t in ("actors", "locations", "agreements") for p in (docs / t).glob("*.md") if p.name != "index.md")
    assert written == ["feed.xml"] + sorted(n for n in written if n.startswith("feeds/")) and len(written) == 1 + entities
    assert "https://example.org/b/articles/" in (docs / "feed.xml").read_text(encoding="utf-8")


def test_an_edit_to_an_articles_text_leaves_the_lists_of_articles_alone(wiki):
    docs = built(wiki)
    page = docs / "articles" / "talks-in-astana.md"
    page.write_text(page.read_text(encoding="utf-8").replace("went on near", "went on, an editor says, near"), encoding="utf-8")
    written = names(docs, link(docs).written)
    assert "locations/deir-ez-zor.md" in written  # its first sentence changed
    assert not {"articles/index.md", "timeline.md", "feed.xml", "sources/index.md"} & set(written)


def test_a_view_someone_deleted_or_edited_is_written_again(wiki):
    docs = built(wiki)
    (docs / "feed.xml").unlink()
    (docs / "map.md").write_text("An editor emptied the map.\n", encoding="utf-8")
    written = names(docs, link(docs).written)
    assert written == ["feed.xml", "map.md"]
    assert "An editor emptied the map." in (docs / "map.md").read_text(encoding="utf-8")
    assert 'id="map-data"' in (docs / "map.md").read_text(encoding="utf-8")
