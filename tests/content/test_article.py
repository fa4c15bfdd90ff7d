"""Reading an article page's body: the first sentence naming each entity, and the dated sentences; what the lists show
of an article, as a digest."""

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content import article
from generator.content.article import listing_digest, read_body
from generator.content.links import ENTITY_LINK, plain_text
from generator.content.model import ArticleRef, Event
from generator.text.dates import event_dates

ROOT = Path(__file__).resolve().parents[2]


def read_body_slowly(body: str, published: str, keys):
    """``read_body`` without skipping a paragraph: every sentence of every paragraph looked at."""
    wanted, first, events = set(keys), {}, []
    for paragraph in body.split("\n\n"):
        for sentence in article.sentences(paragraph):
            links = list(ENTITY_LINK.finditer(sentence))
            plain = plain_text(sentence) if links else sentence
            removed = 0
            for hit in links:
                key = (hit[2], hit[3])
                if key in wanted and key not in first:
                    first[key] = article._bold(plain, hit.start() - removed, hit[1])
                removed += len(hit[0]) - len(hit[1])
            dates = event_dates(plain, published) if article.DIGIT.search(plain) else ()
            if dates:
                text = plain.replace("\n", " ").strip()
                if len(text) > article.MAX_SENTENCE:
                    text = text[:article.MAX_SENTENCE].rsplit(" ", 1)[0] + "…"
                refs = frozenset((m[2], m[3]) for m in links)
                events += [article.Event(d, text, refs) for d in dates]
    return first, tuple(events)


_PIECES = st.sampled_from([
    "[Idlib](../locations/idlib.md)", "[Russia](../actors/russia.md)", "[the deal](../agreements/sochi.md)",
    "[Idlib](../locations/idlib.md)'s", "On June 8, 2020", "on 3 March", "in 2019", "12", "The army shelled it.", " ",
    ". ", "\n\n", "\n", "Gen. ", "U.S. ", "said", ",", "A ", "talks",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join),
       st.sets(st.sampled_from([("locations", "idlib"), ("actors", "russia"), ("agreements", "sochi")])),
       st.sampled_from(["", "2020-06-10"]))
def test_read_body_finds_what_reading_every_sentence_finds(body, keys, published):
    assert read_body(body, published, keys) == read_body_slowly(body, published, keys)


LISTING = """
from generator.content.article import listing_digest
from generator.content.model import ArticleRef, Event
refs = frozenset(("actors", f"a{i}") for i in range(8))
print(listing_digest(ArticleRef("s", "T", "2020-01-02", "Reuters", (), events=(Event("2020-01-01", "It began.", refs),))))
"""


def test_an_articles_listing_digest_is_the_same_in_every_process():
    """The graph compares it with the last run's to tell whether the lists change: a set's order, which changes with
    each process's string hashes, must not make an unchanged article look changed."""
    digests = {subprocess.run([sys.executable, "-c", LISTING], capture_output=True, text=True, check=True, cwd=ROOT,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(1, 6)}
    assert len(digests) == 1 and len(digests.pop()) > 8


@pytest.mark.parametrize(("change", "listed"), [
    ({"title": "Another title"}, True),
    ({"published": "2020-01-03"}, True),
    ({"events": ()}, True),
    ({"url": "https://example.org/a"}, True),
    ({"tags": (("actors", "a1"),)}, False),  # tags are in the tag line and the entity pages, not in the lists
])
def test_the_listing_digest_changes_with_what_the_lists_show(change, listed):
    ref = ArticleRef("s", "T", "2020-01-02", "Reuters", (), events=(Event("2020-01-01", "It began.", frozenset({("actors", "a")})),))
    assert (listing_digest(replace(ref, **change)) != listing_digest(ref)) == listed
