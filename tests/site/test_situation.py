"""The situation picture's data: what the dashboard, the map and the timeline count for each period."""

import json

import pytest

from generator.content.model import ArticleRef
from generator.site.situation import situation_files, situation_years
from tests.conftest import entity

IDLIB = entity("locations", "idlib", "Idlib", coordinates=(35.93, 36.63))
RUSSIA = entity("actors", "russia", "Russia")
SOCHI = entity("agreements", "sochi", "Sochi memorandum")
ENTITIES = {e.key: e for e in (IDLIB, RUSSIA, SOCHI)}
GHOST = ("actors", "ghost")  # a tag whose entity is gone from the registry


def ref(slug, published, *tags, estimate=""):
    return ArticleRef(slug, slug.upper(), published, "Outlet", tuple(tags), published_estimate=estimate)


# Newest first, as Graph.stories is: the newest on 2024-06-30.
STORIES = [
    ref("e", "2024-06-30", RUSSIA.key, IDLIB.key, GHOST),
    ref("d", "2024-06-01 10:30", RUSSIA.key, RUSSIA.key),  # a tag twice is one story
    ref("c", "2024-04-15", IDLIB.key, estimate="from the text"),
    ref("b", "2024-02-01", SOCHI.key, RUSSIA.key),
    ref("a", "2019-09-17", SOCHI.key),
    ref("u", "", IDLIB.key, RUSSIA.key),  # undated
]


def unflat(flat):
    out, key = {}, 0
    for gap, count in zip(flat[::2], flat[1::2], strict=True):
        key += gap
        out[key] = count
    return out


@pytest.fixture(scope="module")
def files():
    return {name: json.loads(text) for name, text in situation_files(STORIES, ENTITIES).items()}


def counts(data, period):
    return {tuple(data["entities"][i][:2]): (now, before) for i, now, before in data["periods"][period]}


@pytest.mark.parametrize(("period", "expected"), [
    # the last 30 days of news end on the newest story (2024-06-30): from 2024-06-01; the 30 before, from 2024-05-02
    ("30", {("a", "russia"): (2, 0), ("l", "idlib"): (1, 0)}),
    # 90 days: from 2024-04-02, and the 90 before from 2024-01-03
    ("90", {("a", "russia"): (2, 1), ("l", "idlib"): (2, 0)}),
    ("365", {("a", "russia"): (3, 0), ("l", "idlib"): (2, 0), ("g", "sochi"): (1, 0)}),
    # all of it, the undated story too; there is no period before
    ("all", {("a", "russia"): (4, 0), ("l", "idlib"): (3, 0), ("g", "sochi"): (2, 0)}),
])
def test_each_period_counts_the_stories_naming_each_entity_and_those_of_the_period_before(files, period, expected):
    assert counts(files["situation.json"], period) == expected


def test_entities_are_listed_most_named_first_places_with_their_coordinates(files):
    data = files["situation.json"]
    assert data["entities"] == [["a", "russia", "Russia"], ["l", "idlib", "Idlib", 35.93, 36.63], ["g", "sochi", "Sochi memorandum"]]
    assert data["first"] == "2019-09-17" and data["last"] == "2024-06-30" and data["undated"] == 1


def test_the_names_alone_most_named_first_for_the_search_boxs_typos(files):
    assert files["names.json"] == ["Russia", "Idlib", "Sochi memorandum"]


def test_the_chart_has_the_dated_stories_per_day(files):
    data = files["situation.json"]
    days = unflat(data["days"])
    assert sum(days.values()) == 5 and days[0] == 1  # 2019-09-17 is day 0
    assert days[max(days)] == 1 and max(days) == 1748  # 2024-06-30


def test_the_latest_stories_are_the_newest_with_an_estimate_marked(files):
    latest = files["situation.json"]["latest"]
    assert [row[1] for row in latest] == ["e", "d", "c", "b", "a"]
    assert latest[2] == [1672, "c", "C", "Outlet", 1] and latest[0][4] == 0


def test_a_years_file_has_each_entitys_stories_per_month_and_the_newest_of_each_month(files):
    assert situation_years(STORIES) == [str(y) for y in range(2019, 2025)]
    year = files["situation/2024.json"]
    assert {key: unflat(flat) for key, flat in year["months"].items()} == {
        "a:russia": {1: 1, 5: 2},  # February, June (months counted from 0)
        "l:idlib": {3: 1, 5: 1},
        "g:sochi": {1: 1},
    }
    assert [row[1] for row in year["latest"]] == ["e", "d", "c", "b"]
    assert files["situation/2021.json"] == {"year": 2021, "months": {}, "latest": []}  # a quiet year between


def test_a_month_lists_its_three_newest_stories():
    many = [ref(f"s{day:02d}", f"2024-03-{day:02d}", RUSSIA.key) for day in range(20, 0, -1)]
    year = json.loads(situation_files(many, ENTITIES)["situation/2024.json"])
    assert [row[1] for row in year["latest"]] == ["s20", "s19", "s18"]
    assert unflat(year["months"]["a:russia"]) == {2: 20}


def test_no_dated_story_gives_an_empty_picture_and_the_output_is_deterministic():
    undated = [ref("u", "", RUSSIA.key)]
    assert json.loads(situation_files(undated, ENTITIES)["situation.json"])["entities"] == []
    assert situation_files(list(STORIES), ENTITIES) == situation_files(list(STORIES), dict(reversed(ENTITIES.items())))
