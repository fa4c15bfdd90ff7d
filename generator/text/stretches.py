"""Discovery's speed shortcut: each pattern tried only around the words it cannot match without.

Trying every discovery pattern at every capital letter of an article was the largest cost of reading
one. A ``Stretched`` pattern names its triggers; ``Triggers`` finds all of them in one pass and
``Stretches.finditer`` tries the pattern only in the stretches of text (between two punctuation marks)
that hold one. Its matches are those of ``pattern.finditer`` over the whole text: tests/text/test_stretches.py
checks both ways agree on every pattern.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import ahocorasick


@dataclass(frozen=True)
class Stretched:
    """A pattern tried only where it can match: in a stretch of text between two punctuation marks, around a trigger.

    Every match of ``pattern`` holds one of the ``triggers`` and no punctuation but ``inside`` (characters other than
    letters, digits, spaces and apostrophes). A stretch ends at a character that is not a word character, so ``\\b``
    at its end sees what it sees in the whole text.
    """

    pattern: re.Pattern
    triggers: tuple[str, ...]
    inside: str = "-"


MARKS = re.compile(r"[^\w\s’']")


class Triggers:
    """The stretched patterns by name, and one automaton for all their triggers and for words only spotted
    (where they are is wanted, though no pattern needs them)."""

    def __init__(self, stretched: Mapping[str, Stretched], spotted: Mapping[str, tuple[str, ...]]):
        self.stretched = dict(stretched)
        self.automaton = ahocorasick.Automaton()
        for name, words in ({name: s.triggers for name, s in stretched.items()} | dict(spotted)).items():
            for word in words:
                self.automaton.add_word(word, (*self.automaton.get(word, (len(word),)), name))
        self.automaton.make_automaton()

    def scan(self, text: str) -> Stretches:
        return Stretches(text, self)


class Stretches:
    """One pass over a text for every ``Stretched`` pattern: where its punctuation is, where the triggers are."""

    def __init__(self, text: str, triggers: Triggers):
        self.text, self.stretched = text, triggers.stretched
        self.marks = [(m.start(), m[0]) for m in MARKS.finditer(text)]
        self.found: dict[str, list[int]] = {}
        self.cuts: dict[str, list[int]] = {}  # where the stretches end, for each set of marks a stretch may hold
        for end, (length, *names) in triggers.automaton.iter(text):
            for name in names:
                self.found.setdefault(name, []).append(end - length + 1)

    def finditer(self, name: str) -> Iterator[re.Match]:
        starts = self.found.get(name)
        if not starts:
            return  # no trigger of this pattern in the text: nothing to cut
        stretched, text = self.stretched[name], self.text
        cuts = self.cuts.get(stretched.inside)
        if cuts is None:
            cuts = self.cuts[stretched.inside] = [at for at, mark in self.marks if mark not in stretched.inside]
        done = -1
        for at in sorted(starts):
            i = bisect_right(cuts, at)
            start = cuts[i - 1] + 1 if i else 0
            if start > done:
                done = start
                yield from stretched.pattern.finditer(text, start, cuts[i] if i < len(cuts) else len(text))
