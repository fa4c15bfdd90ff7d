"""Per-article work on every core: the same results, in the same order, as one process."""

import os

from generator.parallel import POOL_FROM, map_in_order, workers


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_results_come_back_in_input_order_from_several_processes():
    items = list(range(POOL_FROM * 3))
    results = list(map_in_order(square_and_pid, items, "test"))
    assert [r for r, _ in results] == [n * n for n in items]
    if workers() > 1:
        assert {pid for _, pid in results} - {os.getpid()}  # the work really left this process


def test_a_small_batch_stays_in_this_process():
    results = list(map_in_order(square_and_pid, range(5), "test"))
    assert results == [(n * n, os.getpid()) for n in range(5)]
