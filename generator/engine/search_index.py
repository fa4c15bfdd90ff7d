"""The index step (``python -m generator index-site``): Pagefind's index of the built site/, in parts that each fit
in bounded memory. It runs after the engine, whichever it is (MkDocs, ProperDocs, Zensical): nothing depends on hooks.

Each searched page is first marked for Pagefind in place (generator/engine/mark.py, which counts its words).
Pagefind holds the whole index it builds in memory, about 0.56 kB per indexed word: 1.16 GB for
10,000 synthetic articles of 200 words, more for real ones. So the searched pages are split into as few parts as
keep each under ``Settings.part_words``, and each part gets its own Pagefind run: the first, with every entity page
and the newest articles, into ``pagefind/``, the older ones into ``pagefind/1/``, ``pagefind/2/`` …
``pagefind/parts.json`` lists those and what they hold.

A query costs a chunk per word in every part it searches (about 25 kB each), so assets/wiki/search.js
searches the first part alone and adds the older ones (Pagefind's ``mergeIndex``: its engine is loaded
once) only when it finds fewer than a screen of results or the reader asks: what one query downloads
is bounded by ``Settings.part_words``, not by the size of the wiki. The words on most pages ("al", "said") cost
the most, a chunk of their own, and tell the least: parts.json lists them, and search.js leaves them out
of a query of several words.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.pages import write_if_changed
from generator.engine.mark import is_searched, mark
from generator.settings import DEFAULTS

PARTS_FILE = "parts.json"
PUBLISHED = re.compile(r"^published:[ \t]*['\"]?([^'\"\n]*)", re.M)


class SearchIndexError(RuntimeError):
    """Pagefind failed."""


@dataclass
class Searched:
    """What the searched pages of site/ tell the index."""

    words: dict[str, int] = field(default_factory=dict)  # output path → indexed words
    dates: dict[str, str] = field(default_factory=dict)  # the searched articles' publication dates ("" when unknown)
    pages_with: Counter[str] = field(default_factory=Counter)  # word → searched pages it is on


def common(pages_with: Counter[str], pages: int, least: int = DEFAULTS.common_pages, share: float = DEFAULTS.common_share) -> list[str]:
    """The words on ``least`` pages or more and on ``share`` of the ``pages`` or more, in order."""
    return sorted(w for w, n in pages_with.items() if n >= least and n >= share * pages)


def _is_article(page: str) -> bool:
    return page.startswith("articles/")


def _order(pages: dict[str, int], dates: dict[str, str]) -> list[str]:
    """Entity pages first, so the first part holds every exact-name filter (a part without the filter finds
    nothing by it); then articles newest first, undated ones last, each in path order."""
    articles = sorted(p for p in pages if _is_article(p))
    articles.sort(key=lambda p: dates.get(p, ""), reverse=True)  # stable: equal dates keep path order, "" goes last
    return sorted(p for p in pages if not _is_article(p)) + articles


def parts(pages: dict[str, int], budget: int = DEFAULTS.part_words, dates: dict[str, str] | None = None) -> list[list[str]]:
    """``pages`` (output path → words) cut into as few parts as keep each near or under ``budget`` words, balanced,
    in the order of ``_order`` (``dates``: an article's publication date). Every entity page is in the first part,
    even past its share."""
    order = _order(pages, dates or {})
    total = sum(pages.values())
    count = max(1, -(-total // budget))
    out: list[list[str]] = [[]]
    filled = 0
    for page in order:
        if len(out) < count and _is_article(page) and filled >= total * len(out) / count:
            out.append([])
        out[-1].append(page)
        filled += pages[page]
    return out


def _pagefind(site: Path, output: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--silent"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"pagefind could not index {site}: {(result.stderr or result.stdout).strip()[-2000:]}")


def _stage(site: Path, pages: list[str], stage: Path) -> None:
    """A folder holding only ``pages``, at their paths in ``site``: hard links, so nothing is copied."""
    shutil.rmtree(stage, ignore_errors=True)
    for rel in pages:
        target = stage / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / rel, target)
        except OSError:  # a file system without hard links
            shutil.copyfile(site / rel, target)


def older(cut: list[list[str]], dates: dict[str, str]) -> dict[str, object]:
    """What search.js needs of the parts after the first: their folders, and for the reader's "also search"
    button how many articles they hold, the newest date among them and how many have none."""
    rest = [p for part in cut[1:] for p in part if _is_article(p)]
    dated = [dates[p] for p in rest if dates.get(p)]
    return {"parts": [f"{i}/" for i in range(1, len(cut))], "articles": len(rest),
            "through": max(dated, default=""), "undated": len(rest) - len(dated)}


def build(site: Path, searched: dict[str, int], budget: int = DEFAULTS.part_words, dates: dict[str, str] | None = None,
          common_words: Sequence[str] = ()) -> int:
    """Pagefind's index of ``site`` in ``site/pagefind/``; returns how many parts it has."""
    bundle = site / "pagefind"
    shutil.rmtree(bundle, ignore_errors=True)
    dates = dates or {}
    cut = parts(searched, budget, dates)
    if len(cut) == 1:
        _pagefind(site, bundle)  # Pagefind finds the marked pages itself
    else:
        stage = site.parent / f".{site.name}-search-part"
        try:
            for i, pages in enumerate(cut):
                _stage(site, pages, stage)
                _pagefind(stage, bundle / str(i) if i else bundle)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    description = {**older(cut, dates), "common": list(common_words)}
    (bundle / PARTS_FILE).write_text(json.dumps(description) + "\n", encoding="utf-8")
    return len(cut)


def published(docs: Path, rel: str) -> str:
    """The publication date of the article built at ``rel`` (``articles/<slug>/index.html``), from its page in ``docs``
    (the built HTML does not show it): "" when it has none, or the page is not there."""
    try:
        front = (docs / (rel.removesuffix("/index.html") + ".md")).read_text(encoding="utf-8").split("\n---", 1)[0]
    except (OSError, UnicodeDecodeError):
        return ""
    m = PUBLISHED.search(front)
    return m[1].strip()[:10] if m else ""


def mark_site(site: Path, docs: Path) -> Searched:
    """Every searched page of ``site`` marked for Pagefind (rewritten only when that changes it), and what they hold."""
    searched = Searched()
    for path in sorted(site.glob("*/*/index.html")) + sorted(site.glob("*/index.html")):
        rel = path.relative_to(site).as_posix()
        if not is_searched(rel):
            continue
        page = path.read_text(encoding="utf-8")
        marked = mark(page, rel)
        if marked is None:
            continue
        if marked.html != page:
            write_if_changed(path, marked.html)
        searched.words[rel] = marked.words
        searched.dates[rel] = published(docs, rel) if rel.startswith("articles/") else ""
        searched.pages_with.update(marked.terms)
    return searched


def index_site(site: Path, docs: Path | None = None, budget: int = DEFAULTS.part_words) -> tuple[int, int]:
    """The index step: ``site``'s searched pages marked, then indexed in ``site/pagefind/``; (pages, parts).
    ``docs``: the pages site/ was built from (their publication dates order the parts), beside ``site`` unless told."""
    searched = mark_site(site, site.parent / "docs" if docs is None else docs)
    cut = build(site, searched.words, budget, dates=searched.dates, common_words=common(searched.pages_with, len(searched.words)))
    return len(searched.words), cut
