"""Lists of articles on the review and entity pages: as many as they are told to show, however many there are."""

import re

import pytest

from generator.content.model import ArticleRef, Entity
from generator.settings import DEFAULTS
from generator.site.render import mention_list, review_page

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
