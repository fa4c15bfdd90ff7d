"""Which entities an article names together: counted by walking tags, or on bits for entities named often."""

from generator.bench import scaffold
from generator.filecache import opened
from generator.graph import ArticleRef, CoMentions, build_graph
from generator.ingest import ingest
from generator.synth import synth

X, Y, Z = ("actors", "x"), ("actors", "y"), ("locations", "z")


def _mentions(*articles):
    mentions = {}
    for i, tags in enumerate(articles):
        ref = ArticleRef(f"a{i}", f"A{i}", "2024-01-01", "", tags)
        for key in ref.distinct_tags:
            mentions.setdefault(key, []).append((ref, ""))
    return mentions


def test_companions_count_the_articles_two_entities_share():
    together = CoMentions(_mentions((X, Y, Z), (X, Y, X), (Y, Z)), 3)
    for count in (together.by_counting, together.by_bits):
        assert count(X) == {Y: 2, Z: 1}
        assert count(Y) == {X: 2, Z: 2}
        assert count(("actors", "nobody")) == {}
    assert together[Z] == {X: 1, Y: 2}


def test_both_ways_of_counting_agree_on_a_synthetic_wiki(tmp_path):
    docs = scaffold(tmp_path)
    synth(250, tmp_path / "seeds", docs, seed=7)
    ingest(tmp_path / "seeds", docs)
    with opened(docs, None) as cache:
        graph = build_graph(docs, cache)
    together = graph.together
    assert len(together.mentions) > 300
    for key in together.mentions:
        assert together.by_bits(key) == together.by_counting(key), key
    busiest = max(together.mentions, key=lambda k: len(together.mentions[k]))
    assert together[busiest] == together.by_counting(busiest)
