"""Tag quality against reference annotations, scored by the client's rules."""

from pathlib import Path

import pytest
import yaml

from generator.dev.scoring import norm, prf, score

ENTITY_PAGES = {
    "actors/russia.md": "---\ntitle: Russia\naliases: [Russian Federation]\n---\n",
    "actors/turkey.md": "---\ntitle: Turkey\naliases: [Türkiye]\n---\n",
    "actors/syrian-observatory-for-human-rights.md": "---\ntitle: Syrian Observatory for Human Rights\naliases: [SOHR]\n---\n",
    "locations/idlib.md": "---\ntitle: Idlib\naliases: []\n---\n",
}


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Russia", "russia"),
        ("  SDF  ", "sdf"),
        ("Erdoğan", "erdogan"),
        ("Türkiye", "turkiye"),
        ("Deir ez-Zor", "deir ez zor"),
        ("Hay’at Tahrir al-Sham", "hayat tahrir al sham"),
        ("“Astana” talks", "astana talks"),
        ("The Syrian Observer", "syrian observer"),
        ("al-Nusra Front", "nusra front"),
        ("El-Bab", "bab"),
        ("Theodore", "theodore"),  # "the" only as a word of its own
        ("Alawite", "alawite"),
        ("", ""),
    ],
)
def test_names_are_compared_without_case_accents_quotes_punctuation_or_a_leading_article(name, normalised):
    assert norm(name) == normalised


@pytest.mark.parametrize(
    ("a", "b"),
    [("Deir ez-Zor", "Deir Ez Zor"), ("Türkiye", "Turkiye"), ("the Kremlin", "Kremlin"), ("Hay'at Tahrir al-Sham", "Hayat Tahrir al Sham"),
     ("Moscow ceasefire protocol", "Moscow Ceasefire Protocol")],
)
def test_spellings_a_reader_takes_for_the_same_name_score_as_the_same(a, b):
    assert norm(a) == norm(b)


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "precision", "recall", "f1"),
    [
        (8, 2, 2, 0.8, 0.8, 0.8),
        (5, 0, 5, 1.0, 0.5, 2 / 3),
        (3, 1, 0, 0.75, 1.0, 6 / 7),
        (0, 3, 0, 0.0, 0.0, 0.0),  # only wrong tags
        (0, 0, 4, 0.0, 0.0, 0.0),  # nothing tagged
        (0, 0, 0, 0.0, 0.0, 0.0),  # nothing to find and nothing found: no division by zero
    ],
)
def test_precision_recall_and_f1(tp, fp, fn, precision, recall, f1):
    result = prf({"tp": tp, "fp": fp, "fn": fn})  # rounded to three places, as the client prints them
    assert (result["tp"], result["fp"], result["fn"]) == (tp, fp, fn)
    assert result["precision"] == pytest.approx(precision, abs=5e-4)
    assert result["recall"] == pytest.approx(recall, abs=5e-4)
    assert result["f1"] == pytest.approx(f1, abs=5e-4)


def wiki(root: Path, articles: dict[str, dict[str, list[str]]]) -> Path:
    """docs/ with the entity pages above and one article page per original, tagged as given."""
    docs = root / "docs"
    for path, text in ENTITY_PAGES.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    (docs / "articles").mkdir(parents=True)
    for i, (original, tags) in enumerate(articles.items()):
        meta = {"title": f"Article {i}", "original": f"seeds/{original}", **tags}
        (docs / "articles" / f"article-{i}.md").write_text(f"---\n{yaml.safe_dump(meta)}---\n\nText.\n", encoding="utf-8")
    return docs


def scored(tmp_path: Path, articles: dict, gold: dict) -> dict:
    docs = wiki(tmp_path, articles)
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    return score(tmp_path / "gold.yaml", docs)


@pytest.mark.parametrize(
    ("tagged", "reference", "counts"),
    [
        (["russia"], {"actors": [{"name": "Russia"}]}, (1, 0, 0)),
        (["russia"], {"actors": [{"name": "Moscow", "seen": ["Russian Federation"]}]}, (1, 0, 0)),  # a form seen in the article
        (["turkey"], {"actors": [{"name": "Turkiye"}]}, (1, 0, 0)),  # an alias, spelled without its accent
        (["free-syrian-army"], {"actors": [{"name": "Free Syrian Army"}]}, (1, 0, 0)),  # no page: the slug spelled out
        (["russia"], {"actors": [{"name": "Turkey"}]}, (0, 1, 1)),
        ([], {"actors": [{"name": "Russia"}]}, (0, 0, 1)),
        (["russia", "turkey"], {"actors": []}, (0, 2, 0)),
        # one tag answers one reference entity, however many of its names the reference lists
        (["russia"], {"actors": [{"name": "Russia"}, {"name": "Russian Federation"}]}, (1, 0, 1)),
        # optional entities and cited outlets are neither rewarded nor penalised
        (["russia"], {"actors": [], "optional_actors": [{"name": "Russia"}]}, (0, 0, 0)),
        ([], {"actors": [], "optional_actors": [{"name": "Russia"}]}, (0, 0, 0)),
        (["syrian-observatory-for-human-rights"], {"actors": [], "sources": ["SOHR"]}, (0, 0, 0)),
        (["syrian-observatory-for-human-rights"], {"actors": []}, (0, 1, 0)),  # not cited: a wrong tag
    ],
)
def test_an_articles_actor_tags_are_scored_against_the_reference(tmp_path, tagged, reference, counts):
    actors = scored(tmp_path, {"a.txt": {"actors": tagged}}, {"a.txt": reference})["scores"]["actors"]
    assert (actors["tp"], actors["fp"], actors["fn"]) == counts


def test_misses_and_false_tags_are_listed_by_article_and_type(tmp_path):
    report = scored(tmp_path, {"a.txt": {"actors": ["russia"], "locations": ["idlib"]}},
                    {"a.txt": {"actors": [{"name": "Turkey"}], "locations": [{"name": "Idlib"}, {"name": "Aleppo"}]}})
    assert report["misses"] == ["a.txt actors: Turkey", "a.txt locations: Aleppo"]
    assert report["false"] == ["a.txt actors: russia"]


def test_an_article_with_no_page_misses_everything_it_mentions(tmp_path):
    report = scored(tmp_path, {"a.txt": {"actors": ["russia"]}},
                    {"a.txt": {"actors": [{"name": "Russia"}]},
                     "lost.txt": {"actors": [{"name": "Turkey"}, {"name": "Russia"}], "locations": [{"name": "Idlib"}]}})
    scores = report["scores"]
    assert (scores["actors"]["tp"], scores["actors"]["fn"]) == (1, 2)
    assert scores["locations"]["fn"] == 1


def test_overall_scores_add_up_every_type(tmp_path):
    scores = scored(tmp_path, {"a.txt": {"actors": ["russia", "turkey"], "locations": ["idlib"], "agreements": []}},
                    {"a.txt": {"actors": [{"name": "Russia"}], "locations": [{"name": "Idlib"}, {"name": "Aleppo"}],
                               "agreements": [{"name": "Astana talks"}]}})["scores"]
    overall = scores["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (2, 1, 2)
    assert overall["precision"] == pytest.approx(2 / 3, abs=5e-4) and overall["recall"] == pytest.approx(0.5)
    assert scores["agreements"]["recall"] == 0.0
