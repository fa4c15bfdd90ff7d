"""Progress bars for long steps: counts and rate on a terminal, silent in CI logs."""

from __future__ import annotations

import sys

from tqdm import tqdm


def progress(items, desc: str, total: int | None = None):
    """On a terminal, a bar; elsewhere the items themselves. A tqdm made even disabled takes tqdm's lock, a semaphore
    shared with forked workers: a CI run hung for good on it, in a test that made a bar after others had forked."""
    if not sys.stderr.isatty():
        return items
    return tqdm(items, desc=desc, unit="page", total=total, leave=False)
