"""Per-article work on every core: the same results, in the same order, as one process."""

import os

import pytest

from generator.store.parallel import POOL_FROM, Workers, map_in_order, workers


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


_SEEN: dict[int, int] = {}  # in each process: what the first pass left for the second
_ADDED: list[int] = []


def remember(n: int) -> int:
    _SEEN[n] = n * n
    return os.getpid()


def recall(n: int) -> tuple[int, int]:
    return _SEEN.pop(n) + sum(_ADDED), os.getpid()


def add(value: int) -> None:
    _ADDED.append(value)


@pytest.mark.parametrize("count", [POOL_FROM * 2, 7])
def test_workers_send_an_item_to_the_same_process_in_every_pass(count):
    items = list(range(count))
    with Workers(len(items)) as pool:
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
    _SEEN.clear(), _ADDED.clear()
