"""The synthetic corpus for benchmarks: reproducible, and read by the generator like the seeds are."""

import re
from pathlib import Path

import pytest

from generator.content.registry import load_registry
from generator.dev.synth import OUTLETS, synth
from generator.read.clean import clean
from generator.site.render import new_entity_page
from tests.conftest import entity, write_registry

PROPOSED = entity("actors", "zarqawi-column", "Zarqawi Column", aliases=["Zarqawi Brigade"], status="proposed")


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    """The small test registry, plus an entity still waiting for review."""
    docs = tmp_path_factory.mktemp("synth") / "docs"
    write_registry(docs)
    (docs / "actors" / f"{PROPOSED.slug}.md").write_text(new_entity_page(PROPOSED, "Found by discovery."), encoding="utf-8")
    return docs


@pytest.fixture(scope="module")
def corpus(docs, tmp_path_factory) -> list[Path]:
    return synth(40, tmp_path_factory.mktemp("corpus"), docs, seed=2)


def contents(paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in paths]


@pytest.mark.parametrize(("n", "seed"), [(1, 1), (12, 1), (12, 7), (25, 1234)])
def test_the_same_size_and_seed_give_the_same_files(docs, tmp_path, n, seed):
    first = synth(n, tmp_path / "a", docs, seed=seed)
    second = synth(n, tmp_path / "b", docs, seed=seed)
    assert len(first) == n
    assert contents(first) == contents(second)
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [p.name for p in first]  # nothing else written


@pytest.mark.parametrize(("seed", "other"), [(1, 2), (7, 8), (1, 1234)])
def test_another_seed_gives_other_articles(docs, tmp_path, seed, other):
    first = synth(5, tmp_path / "a", docs, seed=seed)
    second = synth(5, tmp_path / "b", docs, seed=other)
    texts = {p.read_text(encoding="utf-8") for p in first}
    assert not texts & {p.read_text(encoding="utf-8") for p in second}


def test_no_articles_asked_for_none_written(docs, tmp_path):
    assert synth(0, tmp_path / "out", docs) == []
    assert list((tmp_path / "out").iterdir()) == []


def test_files_are_numbered_in_order_like_scraped_files(corpus):
    assert [p.name[:5] for p in corpus] == [f"{i:05d}" for i in range(40)]
    assert all(re.fullmatch(r"\d{5}_[0-9a-f]{8}\.txt", p.name) for p in corpus)
    assert len({p.name for p in corpus}) == 40


def test_articles_name_registry_entities_under_their_names_and_aliases(docs, corpus):
    registry = load_registry(docs)
    names = {n for e in registry.entities.values() if not e.proposed for n in (e.title, *e.aliases) if n not in e.ambiguous}
    texts = [p.read_text(encoding="utf-8") for p in corpus]
    assert all(any(name in text for name in names) for text in texts)
    aliases_used = {n for e in registry.entities.values() for n in e.aliases if any(n in t for t in texts)}
    assert {"SDF", "Abu Kamal", "Bukamal", "ISIS", "Türkiye"} & aliases_used  # not only the titles
    assert not any(re.search(r"\bIS\b", t) for t in texts)  # an ambiguous short form is never used alone
    assert not any("Zarqawi" in t for t in texts)  # nor an entity nobody has reviewed


def test_articles_read_back_like_the_seeds(corpus):
    articles = [clean(p.name, p.read_text(encoding="utf-8")) for p in corpus]
    for a in articles:
        assert "2012-01-01" <= a.published <= "2025-12-31", a.original
        assert a.source in OUTLETS, a.original
        assert a.attribution and "has not verified" not in a.text  # the disclaimer is metadata, not the story
        assert not re.search(r"^(Logo Wide|skip to Main Content|Menu|Back To Top|Share this article)$", a.text, re.M)
        assert a.title and a.paragraphs
    assert len({a.published[:4] for a in articles}) >= 6  # dates spread over the years
    derived = sum(a.title_derived for a in articles)
    assert 0 < derived < len(articles) / 2  # most have a headline, some none (the title comes from the lead)
    assert len({a.source for a in articles}) >= 3
