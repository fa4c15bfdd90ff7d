"""Lists of articles on the review and entity pages: as many as they are told to show, however many there are."""

import re

import pytest

from generator.content.model import ArticleRef, Entity
from generator.settings import DEFAULTS
from generator.site.render import article_line, entity_section, mention_list, review_page, tags_section

CAMP = Entity("locations", "atmeh-camp", "Atmeh camp", kind="camp", status="proposed")
FOUND_SHOWN = DEFAULTS.found_shown


@pytest.mark.parametrize("found, linked, more", [
    (0, 0, None),
    (1, 1, None),
    (FOUND_SHOWN, FOUND_SHOWN, None),
    (FOUND_SHOWN + 1, FOUND_SHOWN, "and 1 more article (all on [its page](locations/atmeh-camp.md))"),
    (2000, FOUND_SHOWN, "and 1,997 more articles (all on [its page](locations/atmeh-camp.md))"),
])
def test_a_proposal_names_its_latest_articles_and_counts_the_rest(found, linked, more):
    refs = [ArticleRef(f"a{i}", f"Article {i}", "2025-01-01", "", (CAMP.key,)) for i in range(found)]  # newest first
    line = next(line for line in review_page({CAMP.key: CAMP}, {CAMP.key: [(r, "") for r in refs]}, refs).splitlines()
                if line.startswith("- [Atmeh camp]"))
    assert re.findall(r"\]\(articles/(a\d+)\.md\)", line) == [f"a{i}" for i in range(linked)]
    assert (more in line) if more else ("more" not in line)
    assert line.endswith("found in no article") == (found == 0)


def test_the_review_page_names_as_many_articles_as_it_is_told():
    refs = [ArticleRef(f"a{i}", f"Article {i}", "2025-01-01", "", (CAMP.key,)) for i in range(5)]
    page = review_page({CAMP.key: CAMP}, {CAMP.key: [(r, "") for r in refs]}, refs, found_shown=1)
    assert "found in [Article 0](articles/a0.md) and 4 more articles" in page


def test_a_long_mention_list_is_grouped_by_year_and_quotes_only_the_first_sentences():
    mentions = [(ArticleRef(f"a{i}", f"Article {i}", f"{2025 - i}-01-01", "", ()), f"Sentence {i}.") for i in range(4)]
    assert "###" not in mention_list(mentions, group_from=4)
    grouped = mention_list(mentions, sentences_shown=2, group_from=3)
    assert [line for line in grouped.splitlines() if line.startswith("###")] == ["### 2025", "### 2024", "### 2023", "### 2022"]
    assert "Sentence 1." in grouped and "Sentence 2." not in grouped


SOURCED = dict(slug="a", title="Talks resume", tags=())


@pytest.mark.parametrize(("fields", "tag_line", "list_line"), [
    # nothing known: the page and the lists say what they always said
    ({"published": "", "source": ""}, "*No tags yet.*", "undated · [Talks resume](a.md)"),
    ({"published": "2020-06-08", "source": "Reuters", "url": "https://example.org/a(1)", "author": "Jane Doe"},
     "**Source:** [Reuters](../sources/reuters.md) · **Published:** 8 June 2020 · [original](https://example.org/a%281%29) · by Jane Doe",
     "2020-06-08 · [Talks resume](a.md) · Reuters · by Jane Doe · [original](https://example.org/a%281%29)"),
    ({"published": "2020-06-08 14:30", "source": ""}, "**Published:** 8 June 2020, 14:30", "2020-06-08 14:30 · [Talks resume](a.md)"),
    ({"published": "2023-06-21", "source": "", "published_estimate": "not before 2023-06-21 (names the road map)"},
     "**Published:** about 21 June 2023 (estimated: not before 2023-06-21 (names the road map))",
     "about 2023-06-21 · [Talks resume](a.md)"),
])
def test_an_article_says_where_it_comes_from_on_its_page_and_in_lists(fields, tag_line, list_line):
    ref = ArticleRef(**SOURCED, **fields)
    assert tags_section(ref, {}) == tag_line
    assert article_line(ref) == list_line


def test_an_entity_page_links_its_sources_by_host_and_nothing_else():
    from generator.site.render import entity_section

    entity = Entity("actors", "ocha", "OCHA", kind="organisation", sources=(
        "https://en.wikipedia.org/wiki/Office_for_the_Coordination_of_Humanitarian_Affairs_(UN)",
        "javascript:alert(1)", "from memory", "https://www.unocha.org/"))
    section = entity_section(entity, [], [], {entity.key: entity})
    assert ("**Sources:** [en.wikipedia.org](https://en.wikipedia.org/wiki/"
            "Office_for_the_Coordination_of_Humanitarian_Affairs_%28UN%29) · [unocha.org](https://www.unocha.org/)") in section
    assert "javascript" not in section and "memory" not in section


TURKEY_STATE = Entity("actors", "turkey", "Turkey", kind="state")
TURKEY_LAND = Entity("locations", "turkey", "Turkey", kind="country")
GEORGIA_STATE = Entity("actors", "georgia", "Georgia", kind="state")
GEORGIA_PERSON = Entity("locations", "georgia", "Georgia (US state)", kind="region")  # one slug, two things


@pytest.mark.parametrize("entity, others, line", [
    (TURKEY_STATE, [TURKEY_LAND], "*Actor · state* · also a place: [Turkey](../locations/turkey.md)"),
    (TURKEY_LAND, [TURKEY_STATE], "*Place · country* · also an actor: [Turkey](../actors/turkey.md)"),
    (TURKEY_STATE, [], "*Actor · state*"),
    (GEORGIA_STATE, [GEORGIA_PERSON], "*Actor · state*"),  # not the same name: not the same thing
    (Entity("agreements", "x", "X"), [], "*Agreement*"),
])
def test_an_entity_page_says_what_it_is_and_links_its_twin_in_the_other_role(entity, others, line):
    entities = {e.key: e for e in [entity, *others]}
    assert entity_section(entity, [], [], entities).split("\n\n")[0] == line


@pytest.mark.parametrize("aliases, folded", [(6, False), (7, True)])
def test_many_other_names_are_folded_and_still_listed(aliases, folded):
    entity = Entity("agreements", "deal", "Deal", aliases=tuple(f"Deal <{i}>" for i in range(aliases)))
    section = entity_section(entity, [], [], {entity.key: entity})
    assert ('<details class="wiki-aliases"><summary>Also known as: 7 other names</summary>' in section) == folded
    assert ("Deal &lt;6&gt;" if folded else "**Also known as:** Deal &lt;0&gt; ·") in section  # a name is text either way


def test_the_articles_index_lists_the_newest_and_the_undated_and_links_every_year():
    from generator.site.render import articles_index

    refs = [ArticleRef(f"a{i}", f"Article {i}", f"{2025 - i // 3}-0{1 + i % 3}-01", "", ()) for i in range(6)]  # newest first
    refs.append(ArticleRef("u", "Undated one", "", "", ()))
    index = articles_index(refs, shown=2)
    assert index.startswith("7 articles, newest first. The 2 newest are below; every article is listed on its year's page: "
                            "[2025](../timeline/2025.md) · [2024](../timeline/2024.md).")
    assert [line.split("](")[0].split("[")[-1] for line in index.splitlines() if line.startswith("- ")] == [
        "Article 0", "Article 1", "Undated one"]
    assert "## Undated" in index and "Article 2" not in index
    assert "timeline" not in articles_index(refs, shown=6)  # all of them shown: nothing to link
