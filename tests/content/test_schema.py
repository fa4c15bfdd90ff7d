"""One validator: a value check rejects is a value no view or export receives (``schema.accepted``)."""

import datetime as dt
from pathlib import Path

import pytest

from generator.content.schema import ARTICLE_SCHEMA, ENTITY_SCHEMA, accepted, check_schema


@pytest.mark.parametrize(("key", "value", "kept"), [
    ("coordinates", [33.51, 36.28], True),
    ("coordinates", [136.4, 237.1], False),  # out of range
    ("coordinates", [33.51], False),  # wrong shape
    ("coordinates", ["33.5", "36.3"], False),
    ("coordinates", [True, 36.3], False),
    ("coordinates", "33.5, 36.3", False),
    ("date", "2019", True),
    ("date", "2019-09", True),
    ("date", dt.date(2019, 9, 16), True),
    ("date", "2019-02-30", False),  # not a real calendar date
    ("date", "September 2019", False),
    ("status", "in force", True),
    ("status", "signed-ish", False),  # not a status
    ("status", "", False),
    ("title", "Sochi memorandum", True),
    ("title", ["Sochi"], False),
    ("parties", ["Turkey", "Russia"], True),
    ("parties", "Turkey", False),
    ("parties", ["Turkey", 3], False),
    ("kind", "", False),
    ("nonsense", "x", False),  # a key the schema does not know
])
def test_an_entity_value_is_kept_exactly_when_check_accepts_it(key, value, kept):
    meta = {"title": "Sochi memorandum", "aliases": [], key: value}
    problems = check_schema(Path("agreements/sochi.md"), "", meta, ENTITY_SCHEMA, ("title", "aliases"))
    assert (key in accepted(meta, ENTITY_SCHEMA)) == kept
    assert any(f"`{key}`" in p.what for p in problems) == (not kept)


@pytest.mark.parametrize(("key", "value", "kept"), [
    ("published", "2020-03-01", True),
    ("published", dt.date(2020, 3, 1), True),
    ("published", "2020-02-30", False),
    ("published", "March 2020", False),
    ("published", "2020", False),
    ("source", "Reuters", True),
    ("source", ["Reuters"], False),
    ("source", "  ", False),
    ("review", ["title"], True),
    ("review", "title", False),
])
def test_an_article_value_is_kept_exactly_when_check_accepts_it(key, value, kept):
    meta = {"title": "T", "original": "a.txt", "actors": [], "locations": [], "agreements": [], key: value}
    problems = check_schema(Path("articles/a.md"), "", meta, ARTICLE_SCHEMA, ())
    assert (key in accepted(meta, ARTICLE_SCHEMA)) == kept
    assert bool(problems) == (not kept)


def test_an_unknown_status_is_reported_with_the_statuses_to_use():
    problems = check_schema(Path("agreements/a.md"), "title: A\nstatus: signed-ish\n", {"title": "A", "status": "signed-ish"},
                            ENTITY_SCHEMA, ())
    assert [(p.line, p.what) for p in problems] == [(2, "`status` is not a known status (signed-ish)")]
    assert "in force" in problems[0].fix and "proposed" in problems[0].fix
