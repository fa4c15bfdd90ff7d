"""The review page: each proposal with the latest articles it was found in, however many there are."""

import re

import pytest

from generator.steps.graph import ArticleRef
from generator.content.model import Entity
from generator.site.render import FOUND_SHOWN, review_page

CAMP = Entity("locations", "atmeh-camp", "Atmeh camp", kind="camp", status="proposed")


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
