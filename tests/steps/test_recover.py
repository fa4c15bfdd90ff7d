"""Issue 17, cases 2 and 3: a lost, corrupt or stale state file and a killed run neither duplicate the wiki nor undo an
editor's decision."""

import json

import pytest

from generator.content.pages import split
from generator.pipeline import update
from generator.store.state import STATE_FILE
from tests.steps.test_ingest_link import ARTICLE, snapshot

SECOND = "Damascus and Ankara\n\nTurkish troops entered Idlib on Monday, Damascus said. Russia called for calm in Deir ez-Zor.\n"


def built(wiki):
    (wiki / "seeds" / "001.txt").write_text(ARTICLE, encoding="utf-8")
    (wiki / "seeds" / "002.txt").write_text(SECOND, encoding="utf-8")
    docs = wiki / "docs"
    assert update(wiki / "seeds", docs)[0] == 0
    page = docs / "articles" / "moscow-and-ankara-agree-on-new-patrols-near-deir-ez-zor.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("- turkey\n", "").replace("[Moscow](../actors/russia.md) said", "Moscow said")
                    .replace("Ankara sent more troops.", "Ankara sent more troops, an editor adds."), encoding="utf-8")
    assert update(wiki / "seeds", docs)[0] == 0
    return docs, page


@pytest.mark.parametrize("damage", [
    pytest.param(lambda path: path.unlink(), id="deleted"),
    pytest.param(lambda path: path.write_text("{", encoding="utf-8"), id="truncated"),
    pytest.param(lambda path: path.write_text("<<<<<<< HEAD\n" + path.read_text(encoding="utf-8") + "=======\n{}\n>>>>>>> b\n",
                                              encoding="utf-8"), id="merge-conflict"),
    pytest.param(lambda path: path.write_text(json.dumps({"articles": []}), encoding="utf-8"), id="wrong-shape"),
])
def test_a_lost_or_corrupt_state_is_rebuilt_from_the_pages(wiki, capsys, damage):
    docs, page = built(wiki)
    before = {k: v for k, v in snapshot(docs).items() if not k.startswith(".generator")}
    damage(docs / STATE_FILE)
    capsys.readouterr()
    status, written = update(wiki / "seeds", docs)
    assert status == 0 and written == []
    assert {k: v for k, v in snapshot(docs).items() if not k.startswith(".generator")} == before  # no -2 page, no tag back
    err = capsys.readouterr().err
    assert f"{docs / STATE_FILE}" in err and "rebuilt from the article pages" in err and "Traceback" not in err
    assert "turkey" not in split(page.read_text(encoding="utf-8"))[0]["actors"]
    assert update(wiki / "seeds", docs) == (0, [])  # and quiet from then on
    assert "rebuilt" not in capsys.readouterr().err


def test_pages_a_killed_run_wrote_but_did_not_record_are_taken_back(wiki, capsys):
    docs, page = built(wiki)
    state = json.loads((docs / STATE_FILE).read_text(encoding="utf-8"))
    del state["articles"]["002.txt"]  # as if the run had been killed between writing the page and saving the state
    (docs / STATE_FILE).write_text(json.dumps(state), encoding="utf-8")
    capsys.readouterr()
    assert update(wiki / "seeds", docs)[0] == 0
    assert sorted(p.name for p in (docs / "articles").iterdir()) == [
        "damascus-and-ankara.md", "index.md", "moscow-and-ankara-agree-on-new-patrols-near-deir-ez-zor.md"]
    assert "1 article pages it did not list taken back" in capsys.readouterr().err


def test_a_changed_raw_file_after_a_lost_state_is_a_conflict_not_an_overwrite(wiki, capsys):
    """The rebuilt record cannot tell whether an editor changed the page: the editor's text is kept."""
    docs, page = built(wiki)
    (docs / STATE_FILE).unlink()
    (wiki / "seeds" / "001.txt").write_text(ARTICLE.replace("Ankara sent more troops.", "Ankara sent tanks."), encoding="utf-8")
    update(wiki / "seeds", docs)
    assert "an editor adds" in page.read_text(encoding="utf-8")
    assert "changed and an editor changed the page" in capsys.readouterr().err


def test_temporary_files_of_a_killed_run_are_cleaned_up(wiki):
    docs, page = built(wiki)
    leftovers = [page.parent / f".{page.name}.4242-0.tmp", docs / ".generator" / "cache" / "article.tmp", docs / ".index.md.77-3.tmp"]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("half a page", encoding="utf-8")
    (docs / "notes.tmp").write_text("an editor's file", encoding="utf-8")
    update(wiki / "seeds", docs)
    assert not any(path.exists() for path in leftovers)
    assert (docs / "notes.tmp").exists()
