"""Which entities an article names together (counted on integer arrays, checked against counting tag tuples); facts
that share their keys."""

import pickle
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.article import shared
from generator.content.model import ArticlePage, ArticleRef, Event
from generator.dev.bench import scaffold
from generator.dev.synth import synth
from generator.steps.graph import CoMentions, build_graph
from generator.steps.ingest import ingest
from generator.store.filecache import opened

X, Y, Z = ("actors", "x"), ("actors", "y"), ("locations", "z")


def _stories(*articles):
    return [ArticleRef(f"a{i}", f"A{i}", "2024-01-01", "", tuple(tags)) for i, tags in enumerate(articles)]


def test_companions_count_the_articles_two_entities_share():
    together = CoMentions(_stories((X, Y, Z), (X, Y, X), (Y, Z)))
    assert together.get(X) == {Y: 2, Z: 1}
    assert together.get(Y) == {X: 2, Z: 2}
    assert together.get(("actors", "nobody"), {}) == {}
    assert together.get(Z) == {X: 1, Y: 2}
    assert together.strongest(Y, 1, {X, Y, Z}) == [(X, 2)]  # a tie, broken by key


KEYS = st.tuples(st.sampled_from(["actors", "locations"]), st.sampled_from("abcdefgh"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(KEYS, max_size=6), max_size=12), KEYS, st.integers(0, 6), st.sets(KEYS))
def test_strongest_are_the_allowed_keys_named_most_often_with_it_ties_by_key(articles, key, n, allowed):
    """Against the slow way: count each article's other distinct tags, sort every allowed key by count, then key."""
    counts = Counter(k for tags in articles if key in tags for k in dict.fromkeys(tags) if k != key)
    slow = sorted(((k, c) for k, c in counts.items() if k in allowed), key=lambda kc: (-kc[1], kc[0]))[:n]
    together = CoMentions(_stories(*articles))
    assert together.strongest(key, n, allowed) == slow
    assert together.get(key, {}) == dict(counts)


def test_companions_are_the_pairs_each_article_names_on_a_synthetic_wiki(tmp_path):
    docs = scaffold(tmp_path)
    synth(250, tmp_path / "seeds", docs, seed=7)
    ingest(tmp_path / "seeds", docs)
    with opened(docs, None) as cache:
        graph = build_graph(docs, cache)
    together = graph.together
    assert len(graph.mentions) > 300
    pairs: dict = {}
    for ref in graph.stories:  # every pair of entities each story names, counted the slow way
        for a in ref.distinct_tags:
            for b in ref.distinct_tags:
                if a != b:
                    pairs.setdefault(a, {}).setdefault(b, 0)
                    pairs[a][b] += 1
    assert {key: together.get(key) for key in graph.mentions if together.get(key)} == pairs


def test_shared_pages_are_the_same_pages_with_one_copy_of_each_key():
    ref = ArticleRef("a", "A", "2024-01-02", "", (X, Z), events=(Event("2024-01-01", "X met Z.", frozenset({X, Z})),))
    page = ArticlePage(ref, {X: "**X** met Z."}, (), (5, 6), "d", "o")
    one, other = (pickle.loads(pickle.dumps(page)) for _ in range(2))  # as two workers send them
    assert one.ref.tags[0] is not other.ref.tags[0]
    keys: dict = {}  # one run's
    a, b = shared(one, keys), shared(other, keys)
    assert a == page == b
    assert a.ref.tags[0] is b.ref.tags[0] and next(iter(a.first)) is b.ref.tags[0] and X in a.ref.events[0].refs
    assert {id(k) for k in a.ref.events[0].refs} == {id(k) for k in b.ref.tags}


def test_copy_of_makes_stories_whose_main_article_is_the_earliest():
    from generator.steps.graph import group_copies

    def ref(slug, published, copy_of=""):
        return ArticleRef(slug, slug.upper(), published, "", (X,), copy_of=copy_of)

    a, b, c = ref("a", "2020-06-09", "c"), ref("b", "2020-06-10", "a"), ref("c", "2020-06-08")  # a chain, c earliest
    d, e, f = ref("d", "", "e"), ref("e", "", "d"), ref("f", "2020-01-01", "nowhere")  # a cycle, undated; a dangling one
    main_of, copies = group_copies([a, b, c, d, e, f])
    assert copies == {"c": (a, b), "d": (e,)}  # ties (no date) go by slug
    assert {slug: main.slug for slug, main in main_of.items()} == {"a": "c", "b": "c", "e": "d"}
    assert group_copies([c, f]) == ({}, {})


def test_the_lists_kept_by_the_preview_are_patched_with_stories_and_made_again_for_a_copy():
    from dataclasses import replace

    from generator.steps.graph import Lists

    def page(slug, published, copy_of=""):
        return ArticlePage(ArticleRef(slug, slug, published, "", (X,), copy_of=copy_of), {}, (), (), "", "")

    known = {"a.md": page("a", "2020-01-01"), "b.md": page("b", "2020-01-02", "a"), "c.md": page("c", "2020-01-03")}
    lists = Lists.of(known)
    assert [r.slug for r in lists.stories] == ["c", "a"] and [r.slug for r, _ in lists.mentions[X]] == ["c", "a"]
    edited = {**known, "c.md": replace(known["c.md"], ref=replace(known["c.md"].ref, source="Edited"))}
    assert lists.patch(edited, {"c"})
    assert lists.stories[0].source == "Edited" and lists.mentions[X][0][0].source == "Edited"
    regrouped = {**edited, "b.md": replace(known["b.md"], ref=replace(known["b.md"].ref, copy_of=""))}
    assert not lists.patch(regrouped, {"b"})  # a copy left its story: the lists are made again
