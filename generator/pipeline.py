"""``python -m generator update``: ingest, retag, link and check in one process, as ``make site`` and the preview run them.

The four steps share one file cache, so what ingest learned of the pages it wrote is handed to
the others instead of being read back. Each step prints its summary line and its time.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from generator.store.filecache import FileCache, opened
from generator.store.parallel import settle
from generator.store.state import shared


def _problems(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def run_ingest(seeds: Path, docs: Path, cache: FileCache | None = None) -> tuple[int, list[str]]:
    from generator.steps.ingest import ingest

    report = ingest(seeds, docs, cache)
    _problems(report.problems + report.conflicts)
    print(f"ingest: {len(report.written)} written, {report.unchanged} unchanged, {len(report.proposed)} proposed entities, "
          f"{len(report.problems)} skipped, {len(report.conflicts)} conflicts")
    written = report.written + [str(docs / f"{ref}.md") for ref in report.proposed]
    return (1 if report.problems or report.conflicts else 0), written


def run_retag(docs: Path, cache: FileCache | None = None) -> tuple[int, list[str]]:
    from generator.steps.retag import retag

    report = retag(docs, cache)
    _problems(report.problems)
    print(f"retag: {report.added} tags added, {len(report.written)} pages written")
    return (1 if report.problems else 0), report.written


def run_link(docs: Path, cache: FileCache | None = None) -> tuple[int, list[str]]:
    from generator.steps.link import link

    report = link(docs, cache)
    _problems(report.problems)
    print(f"link: {len(report.written)} pages written")
    return (1 if report.problems else 0), report.written


def run_check(docs: Path, cache: FileCache | None = None) -> tuple[int, list[str]]:
    from generator.steps.check import check

    problems = check(docs, cache)
    for problem in problems:
        print(problem)
    print(f"check: {len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
    return (1 if problems else 0), []


def update(seeds: Path, docs: Path, cache: FileCache | None = None) -> tuple[int, list[str]]:
    """(exit status, every file written). Status 1 when retag, link or check found a problem; input that ingest had to
    skip is reported but does not stop the site from being built from the rest."""

    def timed(step: Callable[..., tuple[int, list[str]]], *args) -> int:
        start = time.perf_counter()
        status, files = step(*args, cache)
        settle()
        written.extend(files)
        print(f"  ({step.__name__[4:]} took {time.perf_counter() - start:.2f} s)")
        return status

    written: list[str] = []
    with opened(docs, cache) as cache, shared(docs):
        if timed(run_ingest, seeds, docs):
            print("ingest: some input was skipped (see above); the site is built from the rest", file=sys.stderr)
        status = max(timed(run_retag, docs), timed(run_link, docs))
        status = max(status, timed(run_check, docs))
    return status, written
