"""A long step shows a bar on a terminal and nothing in a log."""

import io
import sys

from generator.store.progress import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_with_the_step_and_the_count(monkeypatch):
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert list(progress(range(3), "retag")) == [0, 1, 2]
    assert "retag" in sys.stderr.getvalue() and "/3 " in sys.stderr.getvalue()  # the step and its total


def test_a_log_gets_the_items_and_no_bar(monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    items = [1, 2]
    assert progress(items, "retag") is items and sys.stderr.getvalue() == ""
