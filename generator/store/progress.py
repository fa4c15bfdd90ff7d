"""Progress bars for long steps: counts and rate on a terminal, silent in CI logs."""

from __future__ import annotations

import sys

from tqdm import tqdm


def progress(items, desc: str, total: int | None = None):
    return tqdm(items, desc=desc, unit="page", total=total, disable=not sys.stderr.isatty(), leave=False)
