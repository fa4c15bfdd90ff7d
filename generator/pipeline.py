"""What ``make site`` does, in order: ``python -m generator update``, then the engine.

    raw files in seeds/
      0. recover   steps/recover.py    article pages the state does not list (lost or unreadable state file, a killed
                                       run) taken back into it from what each page says of itself
      1. read      read/reader.py      each file, whatever its format and encoding → text, title, outlet, date
      2. clean     read/clean.py       site chrome out, datelines, attribution and disclaimers into metadata
      3. tag       text/matcher.py     one Aho-Corasick scan for every registry name,
                   text/tagger.py      each name read in context (metonyms, demonyms, ambiguous short forms)
      4. discover  text/discover.py    names the registry lacks → proposed entity pages (steps/propose.py: never one
                                       an editor rejected or retitled); people in text/people.py, each pattern tried
                                       only around its trigger words (text/stretches.py)
         (0–4 are ``steps/ingest.py``, on every core; it writes each new article page once, tag line included)
      5. retag     steps/retag.py      every article again after the registry changed: new tags added, the generator's
                                       tags whose match went taken back; editors' tags and removals kept
      6. graph     steps/graph.py      every article page read once: mentions, first sentences, events, co-mentions
      7. emit      steps/link.py       every output in ``OUTPUTS`` whose inputs changed, from the graph and the registry
                   site/emitters.py    (each view: what it reads, and its pure render functions in site/*.py)
      8. write     content/pages.py    only the generated sections, only when they changed, atomically
      9. guard     steps/guard.py      editor HTML that could run in a reader's browser removed (content/sanitize.py)
     10. check     steps/check.py      every page's front matter against its schema: ``path:line: problem — fix``
    then the build step (``python -m generator build-site``, engine/build.py) has the engine (MkDocs, or ProperDocs or
    Zensical: ``make site ENGINE=…``) render docs/ into site/, only the changed pages when it can, and the index step
    (``python -m generator index-site``, engine/search_index.py) marks and indexes it with Pagefind.

Each step takes what the steps before it made as arguments: the state (``store/state.py``) is loaded
once and passed along, and the article pages ingest wrote reach retag, the graph, link and check as
``WrittenArticle`` objects rather than being read back from disk. The file cache (``store/filecache.py``)
only remembers, across runs, what unchanged files taught earlier runs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.content.pages import sweep_temporary
from generator.site.emitters import EMITTERS, REGISTRY
from generator.store.filecache import FileCache, opened
from generator.store.parallel import collecting_less, settle
from generator.store.state import State


@dataclass(frozen=True)
class Output:
    """One thing the emit step writes page by page, on every core (``steps/link.py``): its files, what it reads."""

    name: str
    files: str
    reads: frozenset[str]


# Every output of the emit step: the two made per page, then every view, each declaring the parts of the corpus it is
# rendered from (``site/emitters.py``); a view is rendered again only when one of those changed.
OUTPUTS = (
    Output("article tag line", "articles/<slug>.md (section `tags`)", frozenset({"the article's tags and listing", REGISTRY})),
    Output("entity page", "<type>/<slug>.md (section `mentions`)",
           frozenset({"the entity", "the articles naming it, their first sentences and events", "co-mentions", REGISTRY})),
    *EMITTERS,
)


def _problems(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def run_ingest(seeds: Path, docs: Path, cache: FileCache | None = None, state: State | None = None):
    """(exit status, files written, the pages written: ``ingest.WrittenArticle`` by path)."""
    from generator.steps.ingest import ingest

    report = ingest(seeds, docs, cache, state)
    _problems(report.notes + report.problems + report.conflicts)
    print(f"ingest: {len(report.written)} written, {report.unchanged} unchanged, {len(report.proposed)} proposed entities, "
          f"{len(report.problems)} skipped, {len(report.conflicts)} conflicts")
    written = report.written + [str(docs / f"{ref}.md") for ref in report.proposed]
    return (1 if report.problems or report.conflicts else 0), written, report.pages


def run_retag(docs: Path, cache: FileCache | None = None, state: State | None = None, fresh=None) -> tuple[int, list[str]]:
    from generator.steps.retag import retag

    report = retag(docs, cache, state, fresh)
    _problems(report.problems)
    print(f"retag: {report.added} tags added, {len(report.written)} pages written")
    return (1 if report.problems else 0), report.written


def run_link(docs: Path, cache: FileCache | None = None, state: State | None = None, fresh=None) -> tuple[int, list[str]]:
    from generator.steps.link import link

    report = link(docs, cache, state, fresh)
    _problems(report.problems)
    print(f"link: {len(report.written)} pages written")
    return (1 if report.problems else 0), report.written


def run_guard(docs: Path, cache: FileCache | None = None) -> tuple[int, list[str]]:
    """Status 0 even when something was removed: the page is already safe, and one editor's slip should not stop
    everyone's pages from being published; the removal is on stderr and in the page's diff."""
    from generator.steps.guard import guard

    report = guard(docs, cache)
    _problems([str(p) for p in report.problems])
    print(f"guard: {report.read} pages read, {len(report.written)} rewritten, {len(report.problems)} removals")
    return 0, report.written


def run_check(docs: Path, cache: FileCache | None = None, fresh=None) -> tuple[int, list[str]]:
    from generator.steps.check import check

    problems = check(docs, cache, fresh)
    for problem in problems:
        print(problem)
    print(f"check: {len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
    return (1 if problems else 0), []


def update(seeds: Path, docs: Path, cache: FileCache | None = None) -> tuple[int, list[str]]:
    """(exit status, every file written). Status 1 when retag, link or check found a problem; input that ingest had to
    skip is reported but does not stop the site from being built from the rest."""
    written: list[str] = []

    def timed(name: str, step: Callable[[], tuple]) -> tuple:
        start = time.perf_counter()
        result = step()
        settle()
        written.extend(result[1])
        print(f"  ({name} took {time.perf_counter() - start:.2f} s)")
        return result

    sweep_temporary(docs)  # what a killed run left half-written
    with opened(docs, cache) as cache, collecting_less():
        state = State.load(docs, cache.memo)
        status, _, fresh = timed("ingest", lambda: run_ingest(seeds, docs, cache, state))
        if status:
            print("ingest: some input was skipped (see above); the site is built from the rest", file=sys.stderr)
        status = timed("retag", lambda: run_retag(docs, cache, state, fresh))[0]
        status = max(status, timed("link", lambda: run_link(docs, cache, state, fresh))[0])
        status = max(status, timed("guard", lambda: run_guard(docs, cache))[0])
        status = max(status, timed("check", lambda: run_check(docs, cache, fresh))[0])
    return status, written
