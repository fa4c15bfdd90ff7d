"""Telling whether two spellings are one Arabic name transliterated twice. Pure functions, no I/O.

Arabic script writes consonants and long vowels; short vowels, doubling and the article's
assimilation are left to the transliterator, so outlets disagree on exactly those:
"Maarat al-Numan" / "Ma'arrat an-Nu'man", "Kafr Nabl" / "Kafranbel", "Qamishli" / "Qamishlo".
``skeleton`` keeps what they agree on (the consonants in order, whether the name starts and
ends on a vowel) and drops the rest; ``VariantIndex`` uses it to find a registry entity
behind a new spelling, and refuses to choose when two entities share a skeleton.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from functools import lru_cache
from typing import Generic, TypeVar

from generator.text.textnorm import fold_name, is_acronym

K = TypeVar("K", bound=Hashable)

VOWELS = frozenset("aeiou")
# The article and its assimilated forms ("ash-Shughur", "ez-Zor", "an-Nu'man"), and the "-ul-" of "Abd-ul-Rahman".
# Not "us" or "un": those are the US and the UN once lower-cased.
ARTICLES = frozenset("al el il ul ad ed ar er as es ash esh at et ath az ez an en".split())
# One symbol per digraph, so that "sh" never reads as s + h and a digraph counts as one consonant.
# "ch" is the French "sh" (Cheikh, Achrafieh); "gh" is "g": Syrian names have no other g (Shughur / Shugur).
DIGRAPHS = (("sh", "š"), ("ch", "š"), ("kh", "ḫ"), ("gh", "g"), ("th", "ṯ"), ("dh", "ḏ"))
AYN_MARKS = str.maketrans("", "", "ʿʾ")  # the fold drops ' ’ ` ´ and their kin; these two it keeps
MIN_EVIDENCE = 4  # a shorter skeleton (Hama "hma", Homs "hms", Hamas "hms") is too little to go on

_ABD = re.compile(r"^abd[aeiou]l")  # Abdul / Abdel / Abdal Rahman, joined or not: "Abd al-Rahman"
_RUSSIAN_KH = re.compile(r"^kh(?=[^aeiouyw])")  # Khmeimim for Hmeimim: Arabic has no initial cluster, so "kh" there is a Russian "h"
_AIY = re.compile(r"(?<=[ae])iy")  # Sahnaiya = Sahnaya: one y, not two
_DOUBLED = re.compile(r"([a-zšḫṯḏ])(?: ?\1)+")  # letters only (2249 is not 249), across a word break too (Tal Lal = Tallal)
_NOT_LETTER = re.compile(r"[^A-Za-z0-9]")


def _token(token: str) -> str:
    token = _RUSSIAN_KH.sub("h", _ABD.sub("abd", token))
    token = _AIY.sub("y", token.replace("ou", "u").replace("oo", "u").replace("ee", "i"))
    if len(token) > 2 and token[-1] == "h" and token[-2] in VOWELS:
        token = token[:-1]  # Raqqah, Atmeh: the final h of the feminine ending is not a consonant
    for digraph, symbol in DIGRAPHS:
        token = token.replace(digraph, symbol)
    return token


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """A key that spellings of one Arabic name share: "Maaret al-Noman" and "Ma'arrat an-Nu'man" → "mrtnmn".

    Fold (accents, dashes), drop ayn marks and apostrophes, split into words, drop the article words
    (al, el, ash, ez, an, ul…). A word without lower-case letters is an acronym and stays as it is, as
    in the matcher (NE / NW Syria, EU / US sanctions, ICC / OIC). In the other words: "Abdul" → "Abd";
    an initial "Kh" before a consonant → "H"; ou/oo → u, ee → i; a final "h" after a vowel goes
    (-ah/-eh/-a/-e alike); sh (and the French ch), kh, th, dh become one symbol each (š ḫ ṯ ḏ), apart
    from s/k/t/d; gh is g. Then the word breaks go (Kafr Nabl = Kafranbel), doubled letters collapse
    (Tell = Tal) and the vowels drop, because their place and quality is what transliterations disagree
    on; a vowel at the very start or end leaves an "a", which keeps Adra ("adra") apart from Daraa ("dra").
    Consonants still: "i" or "u" before a vowel (Abiad = Abyad, Soueida = Sweida) and the i/y of the
    diphthongs ai/ay/ei/ey (Dayr = Deir, Hussein ≠ Hassan); "aw" is a vowel (Zawr = Zor).
    Kept apart on purpose: q/k, h/kh before a vowel, d/dh/z.
    """
    words = [w if is_acronym(w) else _token(w.lower()) for w in _NOT_LETTER.sub(" ", fold_name(name.translate(AYN_MARKS), lower=False)).split()
             if is_acronym(w) or w.lower() not in ARTICLES]
    sounds = _sounds(_DOUBLED.sub(r"\1", " ".join(words)))
    if not sounds:
        return ""
    return ("" if sounds[0] else "a") + "".join(sounds) + ("a" if len(sounds) > 1 and not sounds[-1] else "")


def _sounds(text: str) -> list[str]:
    """Per letter, the consonant it stands for, or "" for a vowel. A glide needs both its letters in one word."""
    sounds = []
    for i, ch in enumerate(text):
        if ch == " ":
            continue
        before_vowel, after = i + 1 < len(text) and text[i + 1] in VOWELS, text[i - 1] if i else ""
        if ch in "iu" and before_vowel or ch == "i" and after in ("a", "e"):
            sounds.append("w" if ch == "u" else "y")
        elif ch in VOWELS or ch == "w" and not before_vowel or ch == "y" and not before_vowel and after not in VOWELS:
            sounds.append("")
        else:
            sounds.append(ch)
    return sounds


class VariantIndex(Generic[K]):
    """Which entities have a name of the same skeleton as a given name. Keys are opaque: ``("locations", "idlib")``.

    Names whose skeleton is shorter than ``MIN_EVIDENCE`` are left out, so they never match; equal
    skeletons start with the same consonant (or both with a vowel), so the first consonants agree.
    """

    def __init__(self, names: dict[str, dict[K, frozenset[str]]]):
        self._names = names

    @classmethod
    def build(cls, pairs: Iterable[tuple[K, str]]) -> VariantIndex[K]:
        table: dict[str, dict[K, set[str]]] = defaultdict(lambda: defaultdict(set))
        for key, name in pairs:
            key_of = skeleton(name)
            if len(key_of) >= MIN_EVIDENCE:
                table[key_of][key].add(name)
        return cls({s: {k: frozenset(v) for k, v in by_key.items()} for s, by_key in table.items()})

    def lookup(self, name: str) -> frozenset[K]:
        """Every key with a name of the same skeleton: none, one, or several (then the caller must not guess)."""
        return frozenset(self._names.get(skeleton(name), ()))

    def collisions(self) -> list[tuple[str, dict[K, frozenset[str]]]]:
        """Skeletons that names of two or more keys share, with those names, sorted by skeleton."""
        return sorted(((s, dict(by_key)) for s, by_key in self._names.items() if len(by_key) > 1), key=lambda c: c[0])
