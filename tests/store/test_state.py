"""The generator's memory: written one line per article, read back the same, shared by the steps of one update."""

import json

from generator.store.state import STATE_FILE, ArticleState, State, shared


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


def test_steps_of_one_update_share_one_state_and_an_error_drops_it(tmp_path):
    docs = tmp_path / "docs"
    State(entries(2)).save(docs)
    with shared(docs):
        first = State.load(docs)
        assert State.load(docs) is first
    try:
        with shared(docs):
            State.load(docs).articles["000.txt"].tags.append("unsaved")
            raise RuntimeError("a step failed")
    except RuntimeError:
        pass
    assert "unsaved" not in State.load(docs).articles["000.txt"].tags  # what the failed step changed did not live on
