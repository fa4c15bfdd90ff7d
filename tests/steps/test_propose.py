"""Issue 17, case 7: proposals an editor accepts, retitles or rejects stay decided; a killed run's are all written."""

from pathlib import Path

import pytest

from generator.content import pages
from generator.content.model import Proposal
from generator.content.pages import split
from generator.content.registry import Registry
from generator.pipeline import update
from generator.steps import propose as propose_module
from generator.steps.propose import REJECTED, finish_proposals, found_in, propose
from generator.text.matcher import resolve_overlaps
from tests.conftest import entity
from tests.steps.test_ingest_link import ARTICLE

LATER = "Coalition briefing\n\nRyan Dillon, the coalition's spokesman, said on Tuesday that strikes near Raqqa would go on.\n"


def built(wiki):
    (wiki / "seeds" / "001.txt").write_text(ARTICLE, encoding="utf-8")
    docs = wiki / "docs"
    assert update(wiki / "seeds", docs)[0] == 0
    proposal = docs / "actors" / "ryan-dillon.md"
    assert split(proposal.read_text(encoding="utf-8"))[0]["status"] == "proposed"
    return docs, next(p for p in (docs / "articles").glob("*.md") if p.name != "index.md"), proposal


def test_rejecting_a_proposal_by_deleting_its_page(wiki, capsys):
    docs, article, proposal = built(wiki)
    proposal.unlink()
    capsys.readouterr()
    assert update(wiki / "seeds", docs)[0] == 0  # no "unknown actor" from check
    assert "ryan-dillon" not in article.read_text(encoding="utf-8")  # neither the tag nor the link in the text
    assert "Ryan Dillon, a spokesperson" in article.read_text(encoding="utf-8")
    assert "actors/ryan-dillon" in (docs / REJECTED).read_text(encoding="utf-8").splitlines()
    (wiki / "seeds" / "002.txt").write_text(LATER, encoding="utf-8")
    assert update(wiki / "seeds", docs)[0] == 0
    assert not list((docs / "actors").glob("ryan-dillon*.md"))  # never proposed again
    assert "ryan-dillon" not in (docs / "review.md").read_text(encoding="utf-8")


def test_a_retitled_accepted_proposal_gets_no_twin(wiki):
    docs, article, proposal = built(wiki)
    text = proposal.read_text(encoding="utf-8")
    proposal.write_text(text.replace("title: Ryan Dillon", "title: Col. Ryan Dillon (coalition spokesman)")
                        .replace("status: proposed\n", ""), encoding="utf-8")
    (wiki / "seeds" / "002.txt").write_text(LATER, encoding="utf-8")
    assert update(wiki / "seeds", docs)[0] == 0
    assert sorted(p.name for p in (docs / "actors").glob("ryan-dillon*.md")) == ["ryan-dillon.md"]


def test_an_accepted_proposal_no_longer_says_it_is_proposed(wiki):
    docs, article, proposal = built(wiki)
    assert "status: proposed" in proposal.read_text(encoding="utf-8")
    assert "Proposed by the generator" in proposal.read_text(encoding="utf-8")  # what to do is said while it is proposed
    proposal.write_text(proposal.read_text(encoding="utf-8").replace("status: proposed\n", ""), encoding="utf-8")
    assert update(wiki / "seeds", docs)[0] == 0
    text = proposal.read_text(encoding="utf-8")
    assert "Proposed by the generator" not in text and "status: proposed" not in text
    assert f"../articles/{article.stem}.md" in text  # still a page that lists its article
    assert "ryan-dillon" in split(article.read_text(encoding="utf-8"))[0]["actors"]


def test_proposals_a_killed_run_did_not_write_are_written_by_the_next(tmp_path, monkeypatch):
    """A run killed while writing its proposal pages (SIGKILL, between two pages) leaves the next run the same pages an
    uninterrupted run writes: a known "Ain Sultan" would otherwise hide "Ain Sultan camp" from discovery."""
    found = [Proposal("locations", "Ain Sultan camp", "camp", "Ain Sultan camp"), Proposal("locations", "Ain Sultan", "town", "Ain Sultan"),
             Proposal("actors", "Omar Zoubi", "person", "Omar Zoubi")]
    whole = tmp_path / "whole"
    propose(whole, Registry(), found)
    killed = tmp_path / "killed"
    written = []

    def killed_after_two(path, text, **kwargs):
        if len(written) == 3:  # the list of pages, then two pages
            raise KeyboardInterrupt  # stands for the kill: nothing after it runs
        written.append(path)
        return pages.write_if_changed(path, text, **kwargs)

    monkeypatch.setattr(propose_module, "write_if_changed", killed_after_two)
    with pytest.raises(KeyboardInterrupt):
        propose(killed, Registry(), found)
    monkeypatch.undo()
    assert len([p for p in killed.rglob("*.md")]) == 2
    notes = finish_proposals(killed)
    assert len(notes) == 1 and "written now" in notes[0]
    assert _tree(killed) == _tree(whole)
    assert finish_proposals(killed) == []  # once


def _tree(docs: Path) -> dict[str, str]:
    return {str(p.relative_to(docs)): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("title", "twin"), [
    ("Khanaser–Ithriya road", True),  # the registry's road between the same two places, named the other way round
    ("Khanasir–Aleppo road", False),  # a road between other places
])
def test_a_road_the_registry_knows_between_the_same_places_is_no_new_road(tmp_path, title, twin):
    from tests.conftest import entity

    registry = Registry({e.key: e for e in [
        entity("locations", "ithriya", "Ithriya", kind="village"),
        entity("locations", "khanasir", "Khanasir", kind="town"),
        entity("locations", "aleppo", "Aleppo", kind="city"),
        entity("locations", "ithriya-khanasir-road", "Ithriya–Khanasir road", kind="road"),
    ]})
    created = propose(tmp_path, registry, [Proposal("locations", title, "road", title)])
    assert (created == []) is twin


def test_a_person_named_after_a_known_place_is_proposed():
    registry = Registry({e.key: e for e in [entity("locations", "afrin", "Afrin", kind="city")]})
    text = "Adnan Afrin, a SDF spokesperson, told AFP the clashes were sporadic."
    hits = resolve_overlaps(text, registry.matcher.scan(text))
    assert [(p.type, p.title) for p in found_in(text, hits)] == [("actors", "Adnan Afrin")]
