"""Copies of one story: texts so alike that they are one story published by several outlets.

A text is cut into overlapping runs of five words (shingles), each hashed to 32 bits. A MinHash of that set
(``NUM_PERM`` permutations) stands for the text, and an LSH index of the MinHashes (``BANDS``) gives a new text the texts
seen before that likely share most of its shingles, in time that does not grow with the corpus. Each candidate is then
checked by the real Jaccard similarity of the two shingle sets, so a near miss of the sketch never groups two
different stories told with the same names.

The MinHash is datasketch's (``MinHash``, scheme ``affine32``: the same permutations from seed 1, the same values) and
the index does what its ``MinHashLSH`` does (bands of the signature, a dict each), here in numpy and plain dicts:
datasketch takes 0.3-0.8 s to import (scipy) and about 100 us more an article in the objects around the arithmetic
(1 s at 10,000 articles). Tests check both against datasketch.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Callable, Hashable, Iterable
from functools import cache, lru_cache
from zlib import crc32

from generator.text.textnorm import fold

SHINGLE = 5  # words per shingle: a shared name or phrase is shorter, a shared paragraph is much longer
THRESHOLD = 0.8  # Jaccard similarity of the shingle sets from which two texts are one story
NUM_PERM = 120
# 20 bands of 6 values: a pair at 0.8 becomes a candidate with probability 0.998, one at 0.3 with 0.015, unrelated
# articles (under 0.05) almost never. datasketch's choice for 0.8 (9 bands of 13) misses 6 pairs in 10 at 0.8: it weighs
# false candidates as much as missed ones, and here a false candidate costs one exact comparison.
BANDS = (20, 6)
SCHEME = f"affine32-{NUM_PERM}-{SHINGLE}-py{sys.version_info[0]}.{sys.version_info[1]}"  # what a cached sketch was made with
_MASK = 0xFFFFFFFF
# In folded (lower-cased) UTF-8 text every byte but digits, letters and non-ASCII becomes a space: words are what
# ``bytes.split`` leaves (a regular expression took four times longer).
_SPACES = bytes(c if re.fullmatch(rb"[0-9a-z\x80-\xff]", bytes([c])) else 32 for c in range(256))


@cache
def load():
    """numpy and the permutations (datasketch's ``MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")``), made by the
    first run that hashes a text, not by every run; ingest calls it before its workers fork, so that they share it."""
    import numpy

    gen = numpy.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=numpy.uint32) * numpy.uint32(2) + numpy.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=numpy.uint32)
    return numpy, a, b


def _hashed(text: str):
    """The text's word 5-shingles, hashed to 32 bits, as a numpy array (a repeated shingle repeated). Each word is hashed once
    (crc32: the same in every process and run, which ``hash`` of a string is not), each shingle from its words' hashes
    (FNV-style, in numpy: a third of the cost of tuples of them). A text shorter than a shingle is one shingle."""
    numpy = load()[0]
    words = fold(text)[0].encode("utf-8").translate(_SPACES).split()
    ids = numpy.fromiter(map(crc32, words), dtype=numpy.uint32, count=len(words))
    if 0 < len(ids) < SHINGLE:
        ids = numpy.concatenate([ids, numpy.zeros(SHINGLE - len(ids), dtype=numpy.uint32)])
    n = len(ids) - SHINGLE + 1
    if n <= 0:
        return ids[:0]
    h = ids[:n].copy()
    for i in range(1, SHINGLE):
        h *= numpy.uint32(0x01000193)
        h += ids[i:i + n]
    return h


def shingles(text: str) -> set[int]:
    """The text's word 5-shingles, hashed to 32 bits."""
    return set(_hashed(text).tolist())


def fingerprint(text: str) -> tuple[bytes, bytes]:
    """(MinHash, packed shingles) of a text: what ingest keeps of each new article to find its copies."""
    found = _hashed(text)
    return sketch(found), found.tobytes()


def packed(found: set[int]) -> bytes:
    """A shingle set as bytes (4 a shingle): what a worker sends back, smaller and quicker to pickle than a set."""
    return array("I", sorted(found)).tobytes()


def unpacked(data: bytes) -> set[int]:
    found = array("I")
    found.frombytes(data)
    return set(found)


def sketch(found) -> bytes:
    """The MinHash of a shingle set, as bytes (``NUM_PERM`` 32-bit values): each shingle mixed by MurmurHash3's finaliser,
    then ``a * h + b`` modulo 2**32 per permutation, the least value of each kept."""
    numpy, a, b = load()
    if not len(found):
        return numpy.full(NUM_PERM, _MASK, dtype=numpy.uint32).tobytes()
    h = found.copy() if isinstance(found, numpy.ndarray) else numpy.fromiter(found, dtype=numpy.uint32, count=len(found))
    h ^= h >> numpy.uint32(16)
    h *= numpy.uint32(0x85EBCA6B)
    h ^= h >> numpy.uint32(13)
    h *= numpy.uint32(0xC2B2AE35)
    h ^= h >> numpy.uint32(16)
    return (h[:, None] * a + b).min(axis=0).tobytes()


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


class Index:
    """Locality-sensitive hashing of MinHashes: texts that share one band (``BANDS[1]`` values in a row) of their
    MinHashes are candidates. One dict per band, keyed by the band's bytes."""

    def __init__(self):
        self.tables: list[dict[bytes, list[Hashable]]] = [{} for _ in range(BANDS[0])]

    @staticmethod
    @lru_cache(maxsize=2)  # a text is looked up, then added
    def _bands(signature: bytes) -> list[bytes]:
        width = 4 * BANDS[1]
        return [signature[i * width:(i + 1) * width] for i in range(BANDS[0])]

    def insert(self, key: Hashable, signature: bytes) -> None:
        for table, band in zip(self.tables, self._bands(signature), strict=True):
            table.setdefault(band, []).append(key)

    def query(self, signature: bytes) -> set[Hashable]:
        found: set[Hashable] = set()
        for table, band in zip(self.tables, self._bands(signature), strict=True):
            found.update(table.get(band, ()))
        return found


class Seen:
    """Texts known before a run, all at once, their MinHashes in one array: the candidates of a text are found by one
    comparison with every band of every text (numpy), which costs less than making an ``Index`` of 10,000 texts for
    the one or few a run adds (the candidates are the same: a band in common)."""

    def __init__(self, keys: list[Hashable], signatures: list[bytes]):
        numpy = load()[0]
        self.keys = keys
        self.bands = numpy.frombuffer(b"".join(signatures), dtype=numpy.uint32).reshape(len(keys), *BANDS)

    def query(self, signature: bytes) -> set[Hashable]:
        numpy = load()[0]
        mine = numpy.frombuffer(signature, dtype=numpy.uint32).reshape(BANDS)
        return {self.keys[i] for i in numpy.flatnonzero((self.bands == mine).all(axis=2).any(axis=1))}


class Finder:
    """Texts added one by one (earliest first); each new one is matched against those before it.

    Shingle sets come packed (``packed``) and are unpacked only for a candidate; ``shingles_of(key)`` gives the set of a
    text added without one (an article page already in the wiki, read only then). ``fast=False`` compares every text
    with every other: the slow way, for tests. ``seen``: texts known before any is added, as a ``Seen`` when few texts
    will be matched against them, else added one by one.
    """

    def __init__(self, shingles_of: Callable[[Hashable], set[int]] | None = None, *, fast: bool = True,
                 seen: tuple[list[Hashable], list[bytes], list[Hashable]] | None = None, few: bool = False):
        self.index = Index() if fast else None
        self.main: dict[Hashable, Hashable] = {}  # each text's story: the key of its main text
        self._packed: dict[Hashable, bytes] = {}
        self._sets: dict[Hashable, set[int]] = {}
        self._shingles_of = shingles_of
        self._seen: Seen | None = None
        keys, signatures, mains = seen or ([], [], [])
        if fast and few and keys:
            self._seen = Seen(keys, signatures)
            self.main.update((key, key if main is None else main) for key, main in zip(keys, mains, strict=True))
        else:
            for key, signature, main in zip(keys, signatures, mains, strict=True):
                self.add(key, signature, main=main)

    def add(self, key: Hashable, signature: bytes, shingles: bytes | None = None, main: Hashable | None = None) -> None:
        self.main[key] = key if main is None else main
        if shingles is not None:
            self._packed[key] = shingles
        if self.index is not None and shingles != b"":
            self.index.insert(key, signature)

    def _set(self, key: Hashable) -> set[int]:
        if key not in self._sets:
            if key in self._packed:
                self._sets[key] = unpacked(self._packed.pop(key))
            else:
                self._sets[key] = self._shingles_of(key) if self._shingles_of else set()
        return self._sets[key]

    def match(self, signature: bytes, shingles: bytes) -> Hashable | None:
        """The main text of the story this text is a copy of, or None."""
        if not shingles:
            return None
        candidates = self.index.query(signature) if self.index is not None else self.main
        if self._seen is not None:
            candidates = candidates | self._seen.query(signature)
        if not candidates:
            return None
        found = unpacked(shingles)
        best, score = None, THRESHOLD
        for key in sorted(candidates, key=repr):  # a set's order: ties go to the first key
            similar = jaccard(found, self._set(key))
            if similar >= score and (best is None or similar > score):
                best, score = key, similar
        return None if best is None else self.main[best]


def stories(texts: Iterable[tuple[Hashable, str]], *, fast: bool = True) -> dict[Hashable, Hashable]:
    """Texts in order (earliest first) → for each copy, the key of its story's first text."""
    finder, copies = Finder(fast=fast), {}
    for key, text in texts:
        signature, mine = fingerprint(text)
        main = finder.match(signature, mine)
        if main is not None:
            copies[key] = main
        finder.add(key, signature, mine, main)
    return copies
