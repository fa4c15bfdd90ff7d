"""Per-article work spread over the machine's cores, results in input order.

Workers are forked, so they inherit the registry and its matcher instead of receiving
them pickled; each item's result depends on that item alone, so the output is the same
with one process or many. Small batches run in this process: a pool costs more than it saves.
``Workers`` keeps its processes for several passes over the same items, each item in the
same process every time, so that what one pass computed need not travel to this process and back.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from generator.store.progress import progress

T = TypeVar("T")
R = TypeVar("R")
POOL_FROM = 200  # items; below this a pool's start-up costs more than it saves
SETTLE_EVERY = 1000  # results
YOUNG_OBJECTS = 50_000  # a worker's collector runs after this many new objects, not Python's 700


def _start_worker() -> None:
    """Per-item work makes many short-lived objects and few cycles: collecting 70 times less often saves 5% of the CPU."""
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _pooled(items: int) -> bool:
    """Whether ``items`` pieces of work are worth forked workers here."""
    return items >= POOL_FROM and workers() > 1 and "fork" in multiprocessing.get_all_start_methods()


def _settling(results: Iterable[R]) -> Iterator[R]:
    for i, result in enumerate(results, 1):
        yield result
        if i % SETTLE_EVERY == 0:
            settle()  # what the caller keeps of the results piles up: 10,000 articles' worth


def map_in_order(function: Callable[[T], R], items: Iterable[T], desc: str) -> Iterator[R]:
    items = list(items)
    if not _pooled(len(items)):
        yield from progress(map(function, items), desc, total=len(items))
        return
    # Frozen objects are out of the collector's sight: a worker's collections would otherwise walk, and so copy, the
    # whole heap it inherited (twice the CPU time of the work itself, measured at 10,000 articles). They stay frozen
    # here too (see ``settle``).
    settle()
    with multiprocessing.get_context("fork").Pool(workers(), initializer=_start_worker) as pool:
        yield from _settling(progress(pool.imap(function, items, chunksize=32), desc, total=len(items)))


def settle() -> None:
    """What is alive now is long-lived (registry, cache, lists of articles): the collector stops walking it.

    Without this, each full collection walks the whole heap: at 10,000 articles the update's process made 27 of them,
    2.2 s of its 22. Frozen objects are still freed when no longer referenced; only a cycle among them would stay.
    """
    gc.freeze()


class Workers:
    """Forked processes, one queue each: item ``i`` of every pass goes to process ``homes[i] % count``.

    A pass can leave state in its process (a module-level dict) for the next pass over the same item: ingest's
    workers keep each article they read and its scan for tagging, instead of sending them here and back (0.15 ms
    of pickling a way at 10,000 articles). ``everywhere`` runs a function once in each process, for what every
    process needs of the passes before. Below ``POOL_FROM`` items, or on one core, all of it runs in this process.
    """

    def __init__(self, items: int):
        self.count = workers() if _pooled(items) else 1
        self._pools: list = []

    def __enter__(self) -> Workers:
        if self.count > 1:
            settle()  # see map_in_order
            context = multiprocessing.get_context("fork")
            self._pools = [context.Pool(1, initializer=_start_worker) for _ in range(self.count)]
        return self

    def __exit__(self, *exc) -> None:
        for pool in self._pools:
            pool.terminate()
            pool.join()

    def everywhere(self, function: Callable[..., Any], *args: Any) -> None:
        if not self._pools:
            function(*args)
        for pool in self._pools:
            pool.apply(function, args)

    def map_in_order(self, function: Callable[[T], R], items: Sequence[T], desc: str,
                     homes: Sequence[int] | None = None) -> Iterator[R]:
        """``function`` over ``items``, results in their order; ``homes[i]`` (default ``i``) picks item i's process."""
        if not self._pools:
            yield from progress(map(function, items), desc, total=len(items))
            return
        homes = range(len(items)) if homes is None else homes
        shares: list[list[T]] = [[] for _ in self._pools]
        for item, home in zip(items, homes, strict=True):
            shares[home % self.count].append(item)
        results = [pool.imap(function, share, chunksize=32) for pool, share in zip(self._pools, shares, strict=True)]
        yield from _settling(next(results[home % self.count]) for home in progress(homes, desc, total=len(items)))
