"""Per-item work on every core: the same results, in the same order, as one process."""

import gc
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.store.parallel import POOL_FROM, Workers, map_in_order, workers

ROOT = Path(__file__).resolve().parents[2]


def square_and_pid(context, n: int) -> tuple[int, int]:
    return n * n + (context or 0), os.getpid()


def fail_on_seven(context, n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n


def test_results_come_back_in_input_order_from_several_processes():
    items = list(range(POOL_FROM * 3))
    results = list(map_in_order(square_and_pid, items, "test", context=1))
    assert [r for r, _ in results] == [n * n + 1 for n in items]  # the context reached every process
    if workers() > 1:
        assert {pid for _, pid in results} - {os.getpid()}  # the work really left this process


def test_a_small_batch_stays_in_this_process():
    results = list(map_in_order(square_and_pid, range(5), "test"))
    assert results == [(n * n, os.getpid()) for n in range(5)]


@pytest.mark.parametrize("count", [POOL_FROM * 2, 10])
def test_an_error_in_a_worker_is_raised_here(count):
    with pytest.raises(ValueError, match="seven"):
        list(map_in_order(fail_on_seven, range(count), "test"))


def test_an_item_that_cannot_reach_a_worker_is_an_error_here():
    items: list = list(range(POOL_FROM * 2))
    items[POOL_FROM + 5] = lambda: None  # not picklable
    if workers() < 2:
        pytest.skip("one core: the work never leaves this process")  # CI has two
    signal.signal(signal.SIGALRM, _waited_too_long)
    signal.alarm(60)  # a hang fails the test instead of the run
    try:
        with pytest.raises(RuntimeError, match="cannot send an item to a worker"):
            list(map_in_order(square_or_none, items, "test"))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def _waited_too_long(*_):
    raise TimeoutError("no result and no error from the workers in 60 s")


def square_or_none(context, n):
    return n * n if isinstance(n, int) else None


@dataclass
class Memory:
    """What each process keeps between passes: its own copy, inherited at the fork."""

    seen: dict[int, int] = field(default_factory=dict)
    added: list[int] = field(default_factory=list)


def remember(memory: Memory, n: int) -> int:
    memory.seen[n] = n * n
    return os.getpid()


def recall(memory: Memory, n: int) -> tuple[int, int]:
    return memory.seen.pop(n) + sum(memory.added), os.getpid()


def add(memory: Memory, value: int) -> None:
    memory.added.append(value)


@pytest.mark.parametrize("count", [POOL_FROM * 2, 7])
def test_workers_send_an_item_to_the_same_process_in_every_pass(count):
    items = list(range(count))
    with Workers(len(items), Memory()) as pool:
        first = list(pool.map_in_order(remember, items, "test"))
        pool.everywhere(add, 5)  # what every process needs before the next pass
        second = items[::3]  # a later pass may take some of the items only, each still at home
        results = list(pool.map_in_order(recall, second, "test", homes=second))
    assert [r for r, _ in results] == [n * n + 5 for n in second]
    assert [pid for _, pid in results] == [first[n] for n in second]
    if count < POOL_FROM:
        assert set(first) == {os.getpid()}  # a small batch stays in this process
    elif workers() > 1:
        assert os.getpid() not in first and len(set(first)) == workers()


def keep_and_count_young(memory: Memory, n: int) -> tuple[int, int]:
    """Keeps a thousand objects for the pass, as ingest keeps each article it read; the objects the collector watches."""
    memory.seen[n] = [[n] for _ in range(1000)]
    return len(gc.get_objects(0)) + len(gc.get_objects(1)) + len(gc.get_objects(2)), os.getpid()


@pytest.mark.skipif(workers() < 2, reason="needs two cores to fork workers")
def test_what_a_worker_keeps_for_the_pass_is_out_of_its_collectors_sight():
    """Each collection in a worker would otherwise walk every object kept so far: at 10,000 articles, a tenth of a
    second per collection late in the pass. The count stays flat instead of growing by a thousand per item."""
    items = list(range(POOL_FROM * 2))
    with Workers(len(items), Memory()) as pool:
        watched = [count for count, _ in pool.map_in_order(keep_and_count_young, items, "test", chunk=1)]
    assert max(watched[-20:]) < min(watched[:20]) + 20_000, watched[:3] + watched[-3:]


def refuse(memory: Memory, value: int) -> None:
    raise ValueError(f"no {value}")


@pytest.mark.parametrize("then_map", [True, False])
def test_an_error_in_work_sent_everywhere_is_raised_here(then_map):
    """``everywhere`` does not wait for the workers; what they raised comes out at the next pass, or at the end."""
    started = []
    with pytest.raises(ValueError, match="no 5"), Workers(POOL_FROM * 2, Memory()) as pool:
        started = list(pool._processes)
        pool.everywhere(refuse, 5)
        if then_map:
            list(pool.map_in_order(remember, list(range(POOL_FROM * 2)), "test"))
    assert not any(process.is_alive() for process in started)  # and the workers were ended all the same


def test_a_caller_that_stops_early_leaves_no_process_behind():
    with Workers(POOL_FROM * 4) as pool:
        results = pool.map_in_order(square_and_pid, list(range(POOL_FROM * 4)), "test")
        next(results)
        processes = list(pool._processes)
    assert not any(p.is_alive() for p in processes)


KILLED_MID_RUN = """
import sys, time
from generator.store.parallel import POOL_FROM, Workers
with Workers(POOL_FROM * 2) as pool:
    print(" ".join(str(p.pid) for p in pool._processes), flush=True)
    time.sleep(600)
"""


def test_workers_end_when_the_run_that_started_them_is_killed():
    """A run killed outright (SIGKILL, the machine's OOM killer) leaves no worker waiting for ever."""
    if workers() < 2:
        pytest.skip("one core: no worker is started")  # CI has two
    run = subprocess.Popen([sys.executable, "-c", KILLED_MID_RUN], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    pids = [int(p) for p in run.stdout.readline().split()]
    assert len(pids) == workers()
    run.kill()
    run.wait()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in pids)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(")")[-1].split()[0] != "Z"  # a zombie has ended (its parent is gone: init reaps it)
    except FileNotFoundError:
        return False
