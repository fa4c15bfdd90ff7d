"""Per-item work spread over the machine's cores, results in input order.

``Workers`` forks its processes with a context object (the registry and its matcher, the
link graph…), which they inherit instead of receiving it pickled, and every task is called as
``function(context, item)``. Each process keeps its own copy of the context for the life of
the pool, so a pass can leave something in it (ingest keeps each article it read for tagging)
for a later pass over the same item: item ``i`` goes to process ``homes[i] % count`` every
time. Each item's result depends on that item and the context alone, so the output is the same
with one process or many. Small batches run in this process: a pool costs more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import socket
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from generator.settings import DEFAULTS, Settings
from generator.store.progress import progress

T = TypeVar("T")
R = TypeVar("R")
POOL_FROM = DEFAULTS.pool_from
CHUNK = 32  # items sent to a process at a time
RESULTS_BUFFER = 4 << 20  # bytes


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _pooled(items: int, pool_from: int) -> bool:
    """Whether ``items`` pieces of work are worth forked workers here."""
    return items >= pool_from and workers() > 1 and "fork" in multiprocessing.get_all_start_methods()


def settle() -> None:
    """What is alive now is long-lived (registry, cache, lists of articles): the collector stops walking it.

    Without this, each full collection walks the whole heap, and a forked worker's collections would copy the heap
    it inherited. Frozen objects are still freed when no longer referenced; only a cycle among them would stay.
    """
    gc.freeze()


@contextmanager
def collecting_less(young_objects: int = DEFAULTS.young_objects) -> Iterator[None]:
    """The collector of this process run after ``young_objects`` new objects rather than Python's 700, as in a worker:
    a run makes millions of objects that live until it ends (the lists of articles, each entity's mentions), and each
    collection of the young ones walks them again before they are frozen (README, "Performance")."""
    threshold = gc.get_threshold()
    gc.set_threshold(young_objects, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _serve(context: Any, conn, young_objects: int, theirs: list) -> None:
    """A worker's loop: tasks come in chunks on its own pipe, results go back the same way."""
    for end in theirs:  # the main process's ends, inherited at the fork: a worker holding them would never see its
        end.close()     # pipe close when the main process dies (killed), and would wait for ever
    # Per-item work makes many short-lived objects and few cycles: collecting less often saves CPU.
    gc.set_threshold(young_objects, *gc.get_threshold()[1:])
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        function, chunk, args = message
        try:
            result = function(context, *args) if chunk is None else [function(context, item) for item in chunk]
            conn.send((True, result))
            # What a chunk leaves alive (ingest keeps each article it read) lives for the pass: out of the collector's
            # sight, as ``settle`` does in the main process, or each collection walks every article kept so far.
            settle()
        except BaseException as exc:  # noqa: BLE001 — reported in the main process, where it is raised again
            try:
                conn.send((False, exc))
            except Exception:  # noqa: BLE001 — an exception that cannot be pickled
                conn.send((False, RuntimeError(repr(exc))))


class Workers:
    """Forked processes, one pipe each, sharing ``context`` by inheritance; one process here for small batches."""

    def __init__(self, items: int, context: Any = None, settings: Settings = DEFAULTS):
        self.context = context
        self.settings = settings
        self.count = workers() if _pooled(items, settings.pool_from) else 1
        self._conns: list = []
        self._processes: list = []
        self._unanswered = 0  # calls of ``everywhere`` whose answers are still in the pipes

    def __enter__(self) -> Workers:
        if self.count > 1:
            settle()  # frozen objects are out of the workers' collectors' sight (see ``settle``)
            fork = multiprocessing.get_context("fork")
            for _ in range(self.count):
                here, there = fork.Pipe()
                _roomy(there)
                process = fork.Process(target=_serve, args=(self.context, there, self.settings.young_objects, [*self._conns, here]),
                                       daemon=True)
                process.start()
                there.close()
                self._conns.append(here)
                self._processes.append(process)
        return self

    def __exit__(self, *exc) -> None:
        try:
            if exc[0] is None:
                self._settled()  # an error of ``everywhere`` no later pass took
        finally:
            self._close()

    def _close(self) -> None:
        for conn in self._conns:
            try:
                conn.send(None)
            except OSError:
                pass
        for process in self._processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()
        for conn in self._conns:
            conn.close()
        self._conns, self._processes = [], []

    @staticmethod
    def _answer(conn):
        ok, result = conn.recv()
        if not ok:
            raise result
        return result

    def everywhere(self, function: Callable[..., Any], *args: Any) -> None:
        """``function(context, *args)`` once in every process: what each needs of the passes before. Started, not waited
        for: the workers run it while this process goes on, and the next pass takes its answers first (raising what it
        raised)."""
        if not self._conns:
            function(self.context, *args)
            return
        for conn in self._conns:
            conn.send((function, None, args))
        self._unanswered += 1

    def _settled(self) -> None:
        """Every answer of ``everywhere`` taken: what it raised is raised here."""
        while self._unanswered:
            self._unanswered -= 1
            for conn in self._conns:
                self._answer(conn)

    def map_in_order(self, function: Callable[[Any, T], R], items: Sequence[T], desc: str,
                     homes: Sequence[int] | None = None, chunk: int = CHUNK) -> Iterator[R]:
        """``function(context, item)`` over ``items``, results in their order; ``homes[i]`` (default ``i``) picks item i's
        process; ``chunk`` items go to a process at a time (1 for a few large items, whose results the caller can take
        while the rest are made)."""
        if not self._conns:
            yield from progress((function(self.context, item) for item in items), desc, total=len(items))
            return
        self._settled()
        homes = range(len(items)) if homes is None else homes
        order = [home % self.count for home in homes]
        shares: list[list[T]] = [[] for _ in self._conns]
        for item, at in zip(items, order, strict=True):
            shares[at].append(item)
        # One sender per process: a process that waits for this one to read its results must not keep the others unfed.
        senders = [threading.Thread(target=_send, args=(conn, function, share, chunk), daemon=True)
                   for conn, share in zip(self._conns, shares, strict=True)]
        for sender in senders:
            sender.start()
        ready: list[deque] = [deque() for _ in self._conns]
        for i, at in enumerate(progress(order, desc, total=len(items)), 1):
            if not ready[at]:
                ready[at].extend(self._answer(self._conns[at]))
            yield ready[at].popleft()
            if i % self.settings.settle_every == 0:
                settle()  # what the caller keeps of the results piles up: 10,000 articles' worth
        for sender in senders:
            sender.join()


def _roomy(conn, size: int = RESULTS_BUFFER) -> None:
    """A worker's end of its pipe made to hold ``size`` bytes of results unread, up to what the system allows
    (``net.core.wmem_max``): results are read in input order, so a worker whose results the main process does not need
    yet would otherwise wait, idle, until the other has sent its own."""
    with socket.fromfd(conn.fileno(), socket.AF_UNIX, socket.SOCK_STREAM) as end:  # a duplicate: closing it keeps conn
        end.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, size)


def _send(conn, function: Callable, share: list, chunk: int) -> None:
    try:
        for start in range(0, len(share), chunk):
            try:
                conn.send((function, share[start:start + chunk], None))
            except (pickle.PicklingError, TypeError, AttributeError) as exc:  # an item that cannot travel
                # the worker raises it in the chunk's place, so the caller gets an error rather than waiting for ever
                conn.send((_fail, None, (f"{function.__name__}: cannot send an item to a worker: {exc!r}",)))
                return
    except OSError:  # the pool was closed before all was sent (the caller stopped early)
        pass


def _fail(_, message: str) -> None:
    raise RuntimeError(message)


def map_in_order(function: Callable[[Any, T], R], items: Sequence[T], desc: str, context: Any = None,
                 settings: Settings = DEFAULTS) -> Iterator[R]:
    """One pass of ``Workers``: ``function(context, item)`` over ``items``, results in their order."""
    items = list(items)
    with Workers(len(items), context, settings) as pool:
        yield from pool.map_in_order(function, items, desc)
