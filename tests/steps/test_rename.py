"""Rename and merge: references follow, aliases stay, old addresses keep working."""

import pytest

from generator.content.pages import split
from generator.content.registry import load_registry
from generator.steps.check import check
from generator.steps.rename import EntityError, merge, rename
from generator.steps.retag import retag
from tests.steps.test_retag import edit, meta, setup


def test_rename_by_slug_moves_page_and_every_reference(wiki):
    docs, page = setup(wiki)
    rename(docs, "actors/russia", "russian-federation")
    assert "russian-federation" in meta(page)["actors"] and "russia" not in meta(page)["actors"]
    assert "](../actors/russian-federation.md)" in page.read_text(encoding="utf-8")
    assert "](../actors/russia.md)" not in page.read_text(encoding="utf-8")
    old = split((docs / "actors" / "russia.md").read_text(encoding="utf-8"))[0]
    assert old["redirect"] == "actors/russian-federation"
    assert "russia" not in load_registry(docs).slugs("actors")
    assert [str(p) for p in check(docs)] == []


def test_rename_by_title_keeps_the_old_title_as_an_alias(wiki):
    docs, _ = setup(wiki)
    rename(docs, "syrian-democratic-forces", "SDF coalition")
    new = split((docs / "actors" / "sdf-coalition.md").read_text(encoding="utf-8"))[0]
    assert new["title"] == "SDF coalition"
    assert "Syrian Democratic Forces" in new["aliases"]


def test_merge_folds_names_text_and_tags(wiki):
    docs, page = setup(wiki)
    edit(page, "- russia\n", "- russia\n- islamic-state\n")
    (docs / "actors" / "daesh-cells.md").write_text("---\ntitle: Daesh cells\naliases: [IS cells]\n---\n\nAn editor's note on the cells.\n",
                                                    encoding="utf-8")
    edit(page, "- islamic-state\n", "- islamic-state\n- daesh-cells\n")
    merge(docs, "actors/daesh-cells", "actors/islamic-state")
    into = (docs / "actors" / "islamic-state.md").read_text(encoding="utf-8")
    assert split(into)[0]["aliases"][-2:] == ["Daesh cells", "IS cells"]
    assert "An editor's note on the cells." in into
    assert meta(page)["actors"].count("islamic-state") == 1 and "daesh-cells" not in meta(page)["actors"]
    assert [str(p) for p in check(docs)] == []


def test_merged_away_tag_decisions_still_hold(wiki):
    docs, page = setup(wiki)
    edit(page, "- turkey\n", "")  # the editor removed Turkey
    (docs / "actors" / "turkiye.md").write_text("---\ntitle: Türkiye\naliases: []\n---\n", encoding="utf-8")
    merge(docs, "actors/turkiye", "actors/turkey")
    retag(docs)
    assert "turkey" not in meta(page)["actors"]


@pytest.mark.parametrize(("a", "b"), [("actors/nobody", "actors/russia"), ("actors/russia", "locations/syria"), ("russia", "russia")])
def test_bad_references_are_refused_with_a_reason(wiki, a, b):
    docs, _ = setup(wiki)
    with pytest.raises(EntityError):
        merge(docs, a, b)
