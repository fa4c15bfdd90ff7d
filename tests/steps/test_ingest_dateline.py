"""Ingest tags the place a dateline says a story was filed from, as a place, and leaves the page's text as it was."""

from pathlib import Path

import pytest

from generator.content.pages import SECTION, split
from generator.steps.ingest import ingest
from generator.steps.retag import retag
from tests.conftest import write_registry

LEAD = "The army shelled the town overnight, residents said."


def ingested(root: Path, raw: str) -> tuple[dict, str]:
    """The front matter and the body outside the generated sections of the one page ``raw`` makes."""
    if not (root / "docs").exists():
        write_registry(root / "docs")
    (root / "seeds").mkdir(exist_ok=True)
    (root / "seeds" / "001.txt").write_text(raw, encoding="utf-8")
    ingest(root / "seeds", root / "docs")
    page = next(p for p in (root / "docs" / "articles").glob("*.md") if p.name != "index.md")
    meta, _, body = split(page.read_text(encoding="utf-8"))
    return meta, SECTION.sub("", body)


@pytest.mark.parametrize(("dateline", "locations", "source"), [
    ("DAMASCUS, June 8 (Reuters) - ", ["damascus"], "Reuters"),
    ("MOSCOW — ", ["moscow"], ""),  # a city in capitals alone: a dateline, no outlet
    ("DAMASCUS, June 8, 2017 —\n", ["damascus"], ""),  # a press release's, on a line of its own
    ("Deir ez-Zor, Syria, March 3, 2020 (AFP) - ", ["deir-ez-zor"], "AFP"),  # the city, not the country after it
    ("Shelling resumes near the border\nDAMASCUS (AP) — ", ["damascus"], "AP"),  # after a title line
    ("ISTANBUL (AP) — ", [], "AP"),  # a place the registry does not know: nothing
    ("", [], ""),  # no dateline: nothing new
])
def test_a_datelines_place_is_tagged_as_a_place_and_the_body_is_unchanged(tmp_path, dateline, locations, source):
    meta, body = ingested(tmp_path / "dated", f"{dateline}{LEAD}\n\nMore text follows here.\n")
    plain_meta, plain_body = ingested(tmp_path / "plain", f"{LEAD}\n\nMore text follows here.\n")
    assert meta["locations"] == locations
    assert meta["actors"] == []  # "DAMASCUS", "MOSCOW" where a story was filed: the city, not the state acting
    assert meta.get("source", "") == source
    assert body == plain_body  # the page's text is the same: the dateline is in neither
    assert plain_meta["locations"] == []


def test_a_datelines_place_stays_tagged_when_the_registry_changes(wiki):
    meta, _ = ingested(wiki, f"MOSCOW — {LEAD}\n\nMore text follows here.\n")
    assert meta["locations"] == ["moscow"]
    damascus = wiki / "docs" / "locations" / "damascus.md"
    damascus.write_text(damascus.read_text(encoding="utf-8").replace("aliases:", "aliases:\n- Sham", 1), encoding="utf-8")
    retag(wiki / "docs")  # reads the page, which has no dateline
    page = next(p for p in (wiki / "docs" / "articles").glob("*.md") if p.name != "index.md")
    assert split(page.read_text(encoding="utf-8"))[0]["locations"] == ["moscow"]
