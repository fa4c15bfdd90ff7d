"""Tagging quality, measured the way the client measures it: regressions fail here."""

import pytest

from generator.dev.evaluate import run
from tests.conftest import ROOT

EVAL = ROOT / "tests" / "eval"


@pytest.fixture(scope="module")
def seeds_report():
    return run(EVAL / "seeds-gold.yaml", ROOT / "seeds", ROOT / "docs")["scores"]


@pytest.fixture(scope="module")
def blind_report():
    return run(EVAL / "gold.yaml", EVAL / "articles", ROOT / "docs")["scores"]


def test_seed_articles_are_tagged_almost_perfectly(seeds_report):
    assert seeds_report["overall"]["f1"] >= 0.95
    assert seeds_report["overall"]["precision"] >= 0.95


def test_articles_written_blind_to_the_tagger_score_well(blind_report):
    assert blind_report["overall"]["f1"] >= 0.85
    assert blind_report["overall"]["precision"] >= 0.90
    assert blind_report["agreements"]["f1"] >= 0.6


def test_scoring_counts_misses_and_false_tags(tmp_path):
    from generator.dev.scoring import score

    (tmp_path / "docs" / "articles").mkdir(parents=True)
    (tmp_path / "docs" / "actors").mkdir()
    (tmp_path / "docs" / "actors" / "sdf.md").write_text("---\ntitle: Syrian Democratic Forces\naliases: [SDF]\n---\n", encoding="utf-8")
    (tmp_path / "docs" / "actors" / "iran.md").write_text("---\ntitle: Iran\naliases: []\n---\n", encoding="utf-8")
    (tmp_path / "docs" / "articles" / "a.md").write_text(
        "---\ntitle: A\noriginal: a.txt\nactors: [sdf, iran]\nlocations: []\nagreements: []\n---\n", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(
        "a.txt:\n  actors:\n    - {name: SDF, seen: [SDF]}\n    - {name: Russia, seen: [Moscow]}\n", encoding="utf-8")
    scores = score(tmp_path / "gold.yaml", tmp_path / "docs")["scores"]["actors"]
    assert (scores["tp"], scores["fp"], scores["fn"]) == (1, 1, 1)
