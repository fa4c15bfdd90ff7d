"""The index step's marks, put into the HTML an engine built: what the MkDocs hooks once did inside MkDocs."""

import re

import pytest

from generator.engine.mark import MARKED, alias_filter, is_searched, mark
from generator.engine.search_index import published


def page(content: str) -> str:
    """A built page as the theme lays it out, around ``content``."""
    return (f'<html><body><nav>Articles Actors</nav><article class="md-content__inner md-typeset">'
            f'<a href="https://example.org/edit" title="Edit this page" class="md-content__button md-icon"></a>{content}'
            f'</article><footer>Made with Material</footer></body></html>')


ENTITY = page(
    "<h1>Albu Kamal</h1><p>Border town on the Euphrates.</p>\n"
    "<!-- generated:mentions — rewritten by the generator -->\n"
    "<p><strong>Also known as:</strong> Abu Kamal · Bukamal · Al-Bu &amp; Kamal</p>\n"
    '<h2 id="mentioned-in-2-articles">Mentioned in 2 articles<a class="headerlink" href="#m">¶</a></h2>\n'
    "<ul><li>Raid near Damascus</li><li>Talks in Astana</li></ul>\n"
    "<!-- /generated:mentions -->\n")
ARTICLE = page(
    "<h1>Raid</h1><!-- generated:tags — rewritten -->\n<p><strong>Actors:</strong> Russia · Turkey</p>\n"
    "<!-- /generated:tags -->\n<p>Moscow said on Monday.</p>")


@pytest.mark.parametrize("rel, searched", [
    ("articles/raid/index.html", True), ("actors/russia/index.html", True), ("locations/albu-kamal/index.html", True),
    ("agreements/astana-talks/index.html", True), ("editing/index.html", True),
    ("articles/index.html", False), ("actors/index.html", False), ("review/index.html", False), ("index.html", False),
    ("timeline/2020/index.html", False), ("sources/tabnak/index.html", False), ("map/index.html", False),
])
def test_articles_entities_and_the_guide_are_searched_not_the_lists_of_them(rel, searched):
    assert is_searched(rel) is searched


def test_an_entity_page_is_found_by_every_name_and_not_by_the_articles_it_lists():
    marked = mark(ENTITY, "locations/albu-kamal/index.html")
    assert marked.html.count(MARKED) == 1 and "<nav>Articles Actors</nav>" in marked.html  # the theme's navigation stays out
    assert '<div data-pagefind-ignore><h2 id="mentioned-in-2-articles">' in marked.html
    for name in ("albu kamal", "abu kamal", "bukamal", "al-bu &amp; kamal"):
        assert f'<span data-pagefind-filter="{alias_filter(name)}">{name}</span>' in marked.html
    assert '<span data-pagefind-meta="aliases">Abu Kamal · Bukamal · Al-Bu &amp; Kamal</span>' in marked.html
    assert "damascus" not in marked.terms and {"border", "euphrates", "bukamal"} <= marked.terms
    assert marked.html.index("data-pagefind-filter") < marked.html.index("</article>")


def test_an_article_s_tag_line_is_not_indexed():
    marked = mark(ARTICLE, "articles/raid/index.html")
    assert "<!-- generated:tags — rewritten --><div data-pagefind-ignore>\n<p><strong>Actors:" in marked.html
    assert "turkey" not in marked.terms and "moscow" in marked.terms
    # no alias filter: only the one that tells search.js's "articles naming this entity" an article from other pages
    assert re.findall(r'data-pagefind-filter="[^"]*"', marked.html) == ['data-pagefind-filter="article"']


@pytest.mark.parametrize("html, rel", [(ENTITY, "locations/albu-kamal/index.html"), (ARTICLE, "articles/raid/index.html")])
def test_marking_again_changes_nothing(html, rel):
    once = mark(html, rel)
    twice = mark(once.html, rel)
    assert twice == once


@pytest.mark.parametrize("html, rel, change, same", [
    # what the index shows of a page: its name, text, aliases
    (ENTITY, "locations/albu-kamal/index.html", ("Border town", "Town"), False),
    (ENTITY, "locations/albu-kamal/index.html", ("Bukamal", "Boukamal"), False),
    (ARTICLE, "articles/raid/index.html", ("Monday", "Tuesday"), False),
    # what Pagefind ignores: the articles an entity page lists, an article's tag line
    (ENTITY, "locations/albu-kamal/index.html", ("<li>Talks in Astana</li>", "<li>Talks in Astana</li><li>A new raid</li>"), True),
    (ARTICLE, "articles/raid/index.html", ("Russia · Turkey", "Russia"), True),
])
def test_a_page_s_digest_changes_with_what_the_index_reads_of_it(html, rel, change, same):
    before, after = mark(html, rel), mark(html.replace(*change), rel)
    assert (before.digest == after.digest) is same
    assert mark(before.html, rel).digest == before.digest  # marked or not, the same page


def test_pages_not_searched_or_without_the_theme_s_article_are_left_alone():
    assert mark(ARTICLE, "articles/index.html") is None
    assert mark("<html><body><p>Raid</p></body></html>", "articles/raid/index.html") is None


def test_alias_filters_split_by_first_letter():
    assert [alias_filter(n) for n in ("damascus", "zor", "1st brigade", "ḥama")] == ["alias-d", "alias-z", "alias-0", "alias-0"]


def test_an_article_s_date_comes_from_its_page(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "raid.md").write_text("---\ntitle: Raid\npublished: '2020-07-08 14:00'\n---\n\npublished: 1999\n",
                                                  encoding="utf-8")
    (tmp_path / "articles" / "undated.md").write_text("---\ntitle: Undated\n---\n\npublished: 1999\n", encoding="utf-8")
    assert published(tmp_path, "articles/raid/index.html") == "2020-07-08"
    assert published(tmp_path, "articles/undated/index.html") == ""
    assert published(tmp_path, "articles/gone/index.html") == ""
