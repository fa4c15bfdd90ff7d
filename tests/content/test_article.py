"""Reading an article page's body: the first sentence naming each entity, and the dated sentences."""

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content import article
from generator.content.article import read_body
from generator.content.links import ENTITY_LINK, plain_text
from generator.text.dates import event_dates


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
