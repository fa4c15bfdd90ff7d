"""The near-duplicate finder: one story from several outlets is grouped, two stories about the same thing are not."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.text.copies import THRESHOLD, fingerprint, jaccard, packed, shingles, sketch, stories, unpacked

WIRE = (
    "Russian military police and Turkish troops resumed joint patrols on the road between Deir ez-Zor and Albu Kamal on "
    "Tuesday, the first since the ceasefire of March collapsed, officials in both capitals said. The patrols, which had "
    "been suspended for six weeks after a roadside bomb wounded three soldiers near the village of Kafr Awid, set off at "
    "dawn from a base north of the city and covered about forty kilometres before turning back. A spokesman for the "
    "Russian defence ministry said the convoy had met no resistance and that engineers had cleared two improvised "
    "devices found under a culvert. Turkish officials said the route would be patrolled twice a week from now on and "
    "that observation posts along it would be reinforced before the end of the month. Residents of the villages along "
    "the road told reporters by telephone that shops had reopened and that fuel trucks were again moving towards the "
    "border, although many families who fled in the spring have not returned. The Syrian government, which has long "
    "opposed the Turkish presence in the area, did not comment on the patrols. The United Nations said on Monday that "
    "more than eleven thousand people had been displaced from the countryside around Deir ez-Zor since January, most "
    "of them to camps near the Iraqi border where water and medicine are scarce. Aid agencies have asked both sides "
    "to open a corridor so that convoys can reach the camps before the summer heat."
)

OTHER = (
    "Turkish troops and Russian military police clashed with fighters near Albu Kamal on Sunday, according to a monitoring "
    "group, which said at least four people were killed in the fighting around Deir ez-Zor. Residents said artillery "
    "fire could be heard through the night and that several houses in the village of Kafr Awid were damaged. The Russian "
    "defence ministry denied that its forces had taken part and blamed the clashes on armed groups it said were backed "
    "from abroad. Turkish officials said their observation posts had come under fire and that they had responded in "
    "self-defence. The Syrian government called the Turkish presence in the area an occupation and demanded that the "
    "troops leave. The United Nations said it was concerned about civilians in the countryside around Deir ez-Zor and "
    "called on all sides to respect the ceasefire agreed in March."
)

CASES = [
    ("the same wire story with another outlet's first line", "AFP reports from Damascus: " + WIRE, True),
    ("the same wire story with a line of boilerplate at the end", WIRE + " Copyright Example News Agency, all rights reserved.", True),
    ("the same wire story with typographic dashes", WIRE.replace("Deir ez-Zor", "Deir ez–Zor"), True),
    ("the same wire story with its last sentence cut", WIRE.rsplit(" Aid agencies", 1)[0], True),
    ("another story on the same topic, with the same names", OTHER, False),
    ("the first half of the story only", WIRE[: len(WIRE) // 2], False),
]


@pytest.mark.parametrize("what, text, grouped", CASES, ids=[c[0] for c in CASES])
def test_a_copy_is_grouped_with_the_story_and_a_different_story_is_not(what, text, grouped):
    found = stories([("reuters", WIRE), ("other", text)])
    assert (found == {"other": "reuters"}) is grouped, what


def test_every_copy_names_the_first_text_of_its_story():
    texts = [("reuters", WIRE), ("other", OTHER), ("ap", "By AP staff. " + WIRE), ("afp", WIRE + " (AFP)")]
    assert stories(texts) == {"ap": "reuters", "afp": "reuters"}


def test_shingles_are_the_same_in_every_process_and_packing_keeps_them():
    found = shingles(WIRE)
    assert len(found) > 200
    assert unpacked(packed(found)) == found
    signature, sent = fingerprint(WIRE)  # what ingest's workers send back
    assert signature == sketch(found) and unpacked(sent) == found
    assert shingles("Deir ez-Zor, said the UN") == shingles("deir ez zor said the un")  # folded, punctuation aside
    assert len(sketch(found)) == 4 * 120 and sketch(found) == sketch(set(found))


def test_empty_texts_are_never_copies_and_short_ones_only_of_the_same_words():
    assert stories([("a", ""), ("b", ""), ("c", "Yes."), ("d", "yes"), ("e", "No.")]) == {"d": "c"}


def _corpus(seed: int, n_stories: int, n_copies: int) -> list[tuple[str, str]]:
    """Random stories (words drawn from a large vocabulary) and copies of some of them: a line added before or after,
    a word changed, or rewritten by half (no longer a copy)."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(3000)]
    bases = [[rng.choice(vocabulary) for _ in range(rng.randint(150, 300))] for _ in range(n_stories)]
    texts = [" ".join(words) for words in bases]
    for _ in range(n_copies):
        words = list(rng.choice(bases))
        edit = rng.choice(["before", "after", "word", "half"])
        if edit == "before":
            words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 6))] + words
        elif edit == "after":
            words += [rng.choice(vocabulary) for _ in range(rng.randint(1, 6))]
        elif edit == "word":
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        else:
            for i in rng.sample(range(len(words)), len(words) // 2):
                words[i] = rng.choice(vocabulary)
        texts.append(" ".join(words))
    rng.shuffle(texts)
    return [(f"t{i:03d}", text) for i, text in enumerate(texts)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**6), st.integers(1, 8), st.integers(0, 12))
def test_the_lsh_index_finds_the_groups_that_comparing_every_pair_finds(seed, n_stories, n_copies):
    corpus = _corpus(seed, n_stories, n_copies)
    assert stories(corpus, fast=True) == stories(corpus, fast=False)


def test_the_threshold_is_the_real_jaccard_of_the_shingles():
    a = shingles(WIRE)
    b = shingles("AFP reports from Damascus: " + WIRE)
    assert jaccard(a, b) >= THRESHOLD > jaccard(a, shingles(OTHER))


@settings(max_examples=30, deadline=None)
@given(st.sets(st.integers(0, 2**32 - 1), max_size=400))
def test_the_minhash_is_datasketchs(found):
    from datasketch import MinHash

    from generator.text.copies import NUM_PERM

    reference = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32", hashfunc=int)
    reference.update_batch(found)
    assert sketch(found) == reference.hashvalues.tobytes()


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10**6))
def test_the_index_finds_the_candidates_datasketchs_lsh_finds(seed):
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from generator.text.copies import BANDS, NUM_PERM, Index

    rng = np.random.default_rng(seed)
    # few distinct values, so that bands often agree
    signatures = [rng.integers(0, 3, NUM_PERM, dtype=np.uint32) for _ in range(30)]
    ours, theirs = Index(), MinHashLSH(num_perm=NUM_PERM, params=BANDS)
    for i, values in enumerate(signatures[:20]):
        ours.insert(i, values.tobytes())
        theirs.insert(i, MinHash(hashvalues=values, scheme="affine32"))
    for values in signatures[20:]:
        assert ours.query(values.tobytes()) == set(theirs.query(MinHash(hashvalues=values, scheme="affine32")))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**6), st.integers(1, 8), st.integers(0, 12), st.integers(0, 20))
def test_texts_known_before_a_run_give_the_same_copies_compared_at_once_or_indexed(seed, n_stories, n_copies, n_seen):
    """A run that adds a few articles compares them with the wiki's all at once (``Seen``); one that adds many indexes
    the wiki's first; comparing every pair is the slow way. All three group the same."""
    from generator.text.copies import Finder, fingerprint

    corpus = _corpus(seed, n_stories, n_copies)
    before, after = corpus[:n_seen], corpus[n_seen:]
    mains = stories(before, fast=False)
    prints = {key: fingerprint(text) for key, text in corpus}
    seen = ([k for k, _ in before], [prints[k][0] for k, _ in before], [mains.get(k) for k, _ in before])

    def grouped(**how) -> dict:
        finder, found = Finder(lambda key: shingles(dict(corpus)[key]), seen=seen, **how), {}
        for key, _ in after:
            main = finder.match(*prints[key])
            if main is not None:
                found[key] = main
            finder.add(key, *prints[key], main)
        return found

    assert grouped(few=True) == grouped(few=False) == grouped(fast=False)
