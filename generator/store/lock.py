"""One generator run at a time per docs folder, with a message that says who holds it."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path


class Busy(RuntimeError):
    """Another run holds the lock."""


@contextmanager
def exclusive(docs: Path):
    path = docs / ".generator" / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise Busy(f"{docs}: another generator run is in progress ({holder}); wait for it to finish and run again") from None
        handle.seek(0)
        holder = f"pid {os.getpid()}"
        if handle.read() != holder:  # rewritten only for a new holder: `mkdocs serve` would see every write as an edit
            handle.seek(0)
            handle.truncate()
            handle.write(holder)
            handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
