"""The generator's memory: written one line per article, read back the same, kept by a long-running process while unchanged."""

import json

from generator.store.state import STATE_FILE, ArticleState, State


def entries(n: int) -> dict[str, ArticleState]:
    return {f"{i:03d}.txt": ArticleState(f"article-{i}", raw=f"r{i}", tags=[f"actors/a{i}"], linked=[]) for i in range(n)}


def test_a_saved_state_reads_back_and_a_changed_entry_changes_only_its_line(tmp_path):
    docs = tmp_path / "docs"
    State(entries(5), link="f1").save(docs)
    before = (docs / STATE_FILE).read_text(encoding="utf-8").splitlines()
    state = State.load(docs)
    assert state.articles == entries(5) and state.link == "f1"
    assert state.save(docs) is False  # nothing changed: nothing written
    state.articles["002.txt"].tags.append("locations/b")
    assert state.save(docs) is True
    after = (docs / STATE_FILE).read_text(encoding="utf-8").splitlines()
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [4]  # the third entry's line
    assert json.loads("\n".join(after))["articles"]["002.txt"]["tags"] == ["actors/a2", "locations/b"]
    fresh = State.load(docs)
    assert fresh.articles["002.txt"].tags == ["actors/a2", "locations/b"]


def test_a_memo_spares_parsing_an_unchanged_file_and_sees_a_changed_one(tmp_path):
    docs = tmp_path / "docs"
    State(entries(2)).save(docs)
    memo: dict = {}
    State.load(docs, memo).articles["000.txt"].tags.append("unsaved")  # a step that failed before saving
    assert "unsaved" not in State.load(docs, memo).articles["000.txt"].tags  # a new object each time: nothing unsaved lives on
    state = State.load(docs, memo)
    state.articles["001.txt"].tags.append("locations/b")
    state.save(docs)
    assert State.load(docs, memo).articles["001.txt"].tags == ["actors/a1", "locations/b"]  # what it saved, not what it first read
    (docs / STATE_FILE).write_text(json.dumps({"articles": {}, "link": "other"}), encoding="utf-8")  # a git pull, meanwhile
    assert State.load(docs, memo).articles == {} and State.load(docs, memo).link == "other"


def test_links_equal_to_the_tags_are_not_written_twice_and_read_back_the_same(tmp_path):
    docs = tmp_path / "docs"
    both = ["actors/a", "locations/b"]
    articles = {"same.txt": ArticleState("same", tags=list(both), linked=list(both)),
                "fewer.txt": ArticleState("fewer", tags=list(both), linked=["actors/a"])}
    State(articles).save(docs)
    lines = json.loads((docs / STATE_FILE).read_text(encoding="utf-8"))["articles"]
    assert "linked" not in lines["same.txt"] and lines["fewer.txt"]["linked"] == ["actors/a"]
    state = State.load(docs)
    assert state.articles == articles
    assert state.save(docs) is False  # read back equal: nothing to write
    old = {"articles": {"old.txt": {"slug": "old", "tags": both, "linked": both}}, "link": ""}  # a file written before
    (docs / STATE_FILE).write_text(json.dumps(old), encoding="utf-8")
    assert State.load(docs).articles["old.txt"].linked == both
