"""The index step (``python -m generator index-site``): Pagefind's index of the built site/, in parts that each fit
in bounded memory. It runs after the engine, whichever it is (MkDocs, ProperDocs, Zensical): nothing depends on hooks.

Each searched page is first marked for Pagefind in place (generator/engine/mark.py, which counts its words).
Pagefind holds the whole index it builds in memory, about 0.56 kB per indexed word: 1.16 GB for
10,000 synthetic articles of 200 words, more for real ones. So the searched pages are split into parts of at most
``Settings.part_words`` (``parts``), and each part gets its own Pagefind run: the first, with every entity page
and the newest articles, into ``pagefind/``, the older ones each into a folder named by its pages and their content;
``pagefind/parts.json`` lists those and what they hold. A part whose pages are unchanged is kept, not indexed again:
after one new article, only the first part is.

A query costs a chunk per word in every part it searches (about 25 kB each), so assets/wiki/search.js
searches the first part alone and adds the older ones (Pagefind's ``mergeIndex``: its engine is loaded
once), one at a time and newest first, only while it has fewer than a screen of results, or when the reader
asks: what one query downloads is bounded by ``Settings.part_words``, not by the size of the wiki. The words on most pages ("al", "said") cost
the most, a chunk of their own, and tell the least: parts.json lists them, and search.js leaves them out
of a query of several words.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from pagefind_bin import get_executable

from generator.content.pages import write_if_changed
from generator.engine.mark import ARTICLE_CLOSE, MARKED, is_searched, mark
from generator.settings import DEFAULTS
from generator.store.version import code_version

PARTS_FILE = "parts.json"
SEEN_FILE = Path(".cache") / "search-pages.pickle"  # beside site/: what the last run found on each page (``mark_site``)
FIRST_STAGE = Path(".cache") / "search-first"  # beside site/: the first part's pages as Pagefind last read them (``_stage``)
COPIES = Path(".cache") / "search-copies"  # beside site/: what Pagefind reads of each searched page (``_copy``)
COPIED = "copied.json"  # in COPIES: the built pages its copies were made from (Pagefind reads only *.html)
PART_FOLDER = re.compile(r"[0-9a-f]{16}")  # an older part's folder in pagefind/, named by ``part_key``
PUBLISHED = re.compile(r"^published:[ \t]*['\"]?([^'\"\n]*)", re.M)


class SearchIndexError(RuntimeError):
    """Pagefind failed."""


@dataclass
class Searched:
    """What the searched pages of site/ tell the index."""

    words: dict[str, int] = field(default_factory=dict)  # output path → indexed words
    digests: dict[str, str] = field(default_factory=dict)  # output path → digest of what Pagefind reads (``part_key``)
    dates: dict[str, str] = field(default_factory=dict)  # the searched articles' publication dates ("" when unknown)
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # output path → the words on it, once each
    stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # output path → (size, mtime_ns) as marked

    @property
    def pages_with(self) -> Counter[str]:
        """Word → searched pages it is on."""
        return Counter(t for terms in self.terms.values() for t in terms)


def common(pages_with: Counter[str], pages: int, least: int = DEFAULTS.common_pages, share: float = DEFAULTS.common_share) -> list[str]:
    """The words on ``least`` pages or more and on ``share`` of the ``pages`` or more, in order."""
    return sorted(w for w, n in pages_with.items() if n >= least and n >= share * pages)


def _is_article(page: str) -> bool:
    return page.startswith("articles/")


def content_cut(page: str, words: int, budget: int) -> bool:
    """Whether a part may end after ``page``: decided by the page's own path and size (as rsync and restic cut files
    where their content says), about once per third of the budget, so a page added or changed moves no cut but its
    own part's and seldom the next one's."""
    draw = int.from_bytes(hashlib.blake2b(page.encode(), digest_size=8).digest(), "big") / 2**64
    return draw < 3 * words / max(budget, 1)


def parts(pages: dict[str, int], budget: int = DEFAULTS.part_words, dates: dict[str, str] | None = None,
          cuts: Callable[[str, int, int], bool] = content_cut) -> list[list[str]]:
    """``pages`` (output path → words) cut into parts for the index: the first holds every page but the articles
    (entity pages: every exact-name filter must be in the part searched first) and the newest articles; then the
    older articles, newest first. The articles (by ``dates``, their publication dates: oldest first, undated before
    them, equal dates in path order) are cut from the oldest: a part ends once it holds ``budget`` words, or past a
    quarter of it where ``cuts`` allows (half the budget on average). So a part keeps its pages while articles are added after it, or changed in another
    part, and its index is made again only when one of its own pages changes (``build``)."""
    dates = dates or {}
    articles = sorted((p for p in pages if _is_article(p)), key=lambda p: (dates.get(p, ""), p))
    closed: list[list[str]] = []
    current: list[str] = []
    filled = 0
    for page in articles:
        current.append(page)
        filled += pages[page]
        if filled >= budget or (4 * filled >= budget and cuts(page, pages[page], budget)):
            closed.append(current[::-1])
            current, filled = [], 0
    return [sorted(p for p in pages if not _is_article(p)) + current[::-1], *closed[::-1]]


def _pagefind_command() -> list[str]:
    """Pagefind's binary itself, which ``python -m pagefind`` runs, without a Python to start first (50 ms a part:
    156 parts at 100,000 articles)."""
    try:
        return [str(get_executable())]
    except FileNotFoundError as exc:  # the pagefind-bin package installed without its binary
        raise SearchIndexError(f"pagefind is not installed: {exc}") from exc


def _pagefind(site: Path, output: Path) -> None:
    """Pagefind's index of the pages in ``site`` written to ``output``, which holds nothing else after it."""
    fresh = output.parent / f".{output.name}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    result = subprocess.run([*_pagefind_command(), "--site", str(site), "--output-path", str(fresh), "--silent"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SearchIndexError(f"pagefind could not index {site}: {(result.stderr or result.stdout).strip()[-2000:]}")
    shutil.rmtree(output, ignore_errors=True)
    fresh.rename(output)


def _same(staged: str, built: Path) -> bool:
    """Whether the staged file is the built page as it is now: its hard link, or a copy of it."""
    try:
        a, b = os.stat(staged), os.stat(built)
    except OSError:
        return False
    return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev) or (a.st_size, a.st_mtime_ns) == (b.st_size, b.st_mtime_ns)


def copy_name(rel: str) -> str:
    """A searched page's copy's file name in ``COPIES``: one folder, no folder per page (a folder is an inode to make
    too, and on a file system that has just freed many, making one costs ten times what it usually does)."""
    return quote(rel, safe="")


def _stage(site: Path, pages: list[str], stage: Path, flat: bool = False) -> None:
    """A folder holding only ``pages``, at their paths in ``site`` (``flat``: the copies Pagefind reads, by
    ``copy_name``), for Pagefind to read:
    hard links, nothing copied; a folder staged before is brought up to date (the first part's is kept between runs:
    most of its pages are the ones it held before, and making a folder per page costs a fifth of what Pagefind takes
    to read them; parts share many folders: ``articles/``).

    (Pagefind's ``glob`` option could name the pages instead, but it takes no pattern longer than about 200 kB: 2,000
    articles' paths.)"""
    wanted = set(pages)
    kept: set[str] = set()
    if stage.is_dir():
        for folder, _, files in os.walk(stage, topdown=False):
            for name in files:
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, stage).replace(os.sep, "/")
                if rel in wanted and _same(path, site / (copy_name(rel) if flat else rel)):
                    kept.add(rel)
                else:
                    os.unlink(path)
            if folder != os.fspath(stage) and not os.listdir(folder):
                os.rmdir(folder)
    stage.mkdir(parents=True, exist_ok=True)
    for rel in pages:
        if rel in kept:
            continue
        target = stage / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        source = site / (copy_name(rel) if flat else rel)
        try:
            os.link(source, target)
        except OSError:  # a file system without hard links
            shutil.copy2(source, target)


HTML_TAG = re.compile(r"<html\b[^>]*>")
TITLE = re.compile(r"<title>.*?</title>", re.S)


def readable(page: str) -> str:
    """What Pagefind reads of a marked page, alone: its ``<html>`` tag (the language), its title and its marked article.
    The theme's navigation around the article, which Pagefind skips (``data-pagefind-body``), is most of each file and
    a third of the time Pagefind takes; the index made of this is the index of the whole page."""
    start = page.find(MARKED)
    end = page.find(ARTICLE_CLOSE, start) if start >= 0 else -1
    if end < 0:
        return page
    html, title = HTML_TAG.search(page), TITLE.search(page, 0, start)
    return (f"<!doctype html>\n{html.group(0) if html else '<html>'}<head><meta charset=\"utf-8\">{title.group(0) if title else ''}"
            f"</head><body>{page[start:end + len(ARTICLE_CLOSE)]}</body></html>\n")


def _copy(site: Path, pages: list[str], searched: Iterable[str], copies: Path) -> None:
    """``copies`` made to hold, for each of ``pages``, what Pagefind reads of it (``readable``): made again only when
    the built page changed since (``COPIED`` lists the size and time of the built page each copy was made from); the
    copies of pages no longer searched are removed."""
    listed = copies / COPIED
    try:
        made = json.loads(listed.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        made = {}
    made = made if isinstance(made, dict) else {}
    listed.unlink(missing_ok=True)  # a run stopped part-way leaves no claim about the folder
    keep = set(searched)
    for rel in [rel for rel in made if rel not in keep]:
        (copies / copy_name(rel)).unlink(missing_ok=True)
        del made[rel]
    for rel in pages:
        st = (site / rel).stat()
        now = [st.st_size, st.st_mtime_ns]
        if made.get(rel) != now or not (copies / copy_name(rel)).is_file():
            write_if_changed(copies / copy_name(rel), readable((site / rel).read_text(encoding="utf-8")))
            made[rel] = now
    write_if_changed(listed, json.dumps(made, sort_keys=True) + "\n")


def _described_articles(pages: list[str], dates: dict[str, str]) -> tuple[int, str, int]:
    """(articles, the newest date among them, how many have none)."""
    articles = [p for p in pages if _is_article(p)]
    dated = [dates[p] for p in articles if dates.get(p)]
    return len(articles), max(dated, default=""), len(articles) - len(dated)


def older(cut: list[list[str]], dates: dict[str, str], folders: Sequence[str] | None = None) -> dict[str, object]:
    """What search.js needs of the parts after the first: their ``folders``, and for the reader's "also search"
    button how many articles they hold, the newest date among them and how many have none, in all and part by part
    (``each``: search.js adds the older parts one at a time, newest first, until a query has a screen of results)."""
    articles, through, undated = _described_articles([p for part in cut[1:] for p in part], dates)
    return {"parts": [f"{f}/" for f in (folders if folders is not None else map(str, range(1, len(cut))))],
            "articles": articles, "through": through, "undated": undated,
            "each": [list(_described_articles(part, dates)) for part in cut[1:]]}


def part_key(pages: list[str], digests: dict[str, str]) -> str:
    """A name for a part that changes when one of its pages does (``digests``: each page's HTML digest)."""
    h = hashlib.blake2b(digest_size=8)
    for page in sorted(pages):
        h.update(f"{page}\0{digests.get(page, '')}\n".encode())
    return h.hexdigest()


@dataclass(frozen=True)
class Index:
    parts: int
    indexed: int  # parts indexed again by this run: the others held the same pages, unchanged, and were kept


def build(site: Path, searched: dict[str, int], budget: int = DEFAULTS.part_words, dates: dict[str, str] | None = None,
          common_words: Sequence[str] = (), digests: dict[str, str] | None = None) -> Index:
    """Pagefind's index of ``site`` in ``site/pagefind/``: the first part there, each older part in a folder named by
    ``part_key``, so a part whose pages are as they were (``digests``) is kept as the last run left it."""
    bundle = site / "pagefind"
    dates, digests = dates or {}, digests or {}
    cut = parts(searched, budget, dates)
    keys = [part_key(pages, digests) for pages in cut]
    last = _described(bundle)
    stage = site.parent / f".{site.name}-search-part"
    indexed = 0
    due = [i for i, key in enumerate(keys)  # the first part when its pages changed; an older one when it is missing
           if ((last.get("first") != key or not (bundle / "pagefind.js").is_file()) if i == 0
               else not (bundle / key / "pagefind-entry.json").is_file())]
    copies = site.parent / COPIES
    _copy(site, [page for i in due for page in cut[i]], searched, copies)
    try:
        if 0 in due:
            _stage(copies, cut[0], site.parent / FIRST_STAGE, flat=True)
            first = site.parent / f".{site.name}-search-first"
            _pagefind(site.parent / FIRST_STAGE, first)
            bundle.mkdir(exist_ok=True)
            for entry in bundle.iterdir():  # the first part's files; the older parts' folders stay
                if not PART_FOLDER.fullmatch(entry.name):
                    shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
            for entry in first.iterdir():
                entry.rename(bundle / entry.name)
            first.rmdir()
            indexed += 1
        for i in due:
            if i > 0:
                _stage(copies, cut[i], stage, flat=True)
                _pagefind(stage, bundle / keys[i])
                indexed += 1
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    for entry in bundle.iterdir():  # parts no longer in the index
        if PART_FOLDER.fullmatch(entry.name) and entry.name not in keys[1:]:
            shutil.rmtree(entry)
    description = {**older(cut, dates, keys[1:]), "common": list(common_words), "first": keys[0]}
    write_if_changed(bundle / PARTS_FILE, json.dumps(description) + "\n")
    return Index(len(cut), indexed)


def _described(bundle: Path) -> dict:
    try:
        data = json.loads((bundle / PARTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def published(docs: Path, rel: str) -> str:
    """The publication date of the article built at ``rel`` (``articles/<slug>/index.html``), from its page in ``docs``
    (the built HTML does not show it): "" when it has none, or the page is not there."""
    try:
        front = (docs / (rel.removesuffix("/index.html") + ".md")).read_text(encoding="utf-8").split("\n---", 1)[0]
    except (OSError, UnicodeDecodeError):
        return ""
    m = PUBLISHED.search(front)
    return m[1].strip()[:10] if m else ""


def mark_site(site: Path, docs: Path, seen: Searched | None = None) -> Searched:
    """Every searched page of ``site`` marked for Pagefind (rewritten only when that changes it), and what they hold.
    ``seen``: what an earlier run found; a page of the same size and time there is not read again (reading and marking
    every page of 100,000 articles takes a minute)."""
    searched, seen = Searched(), seen or Searched()
    for path in sorted(site.glob("*/*/index.html")) + sorted(site.glob("*/index.html")):
        rel = path.relative_to(site).as_posix()
        if not is_searched(rel):
            continue
        st = path.stat()
        if seen.stats.get(rel) == (st.st_size, st.st_mtime_ns):
            for table in ("words", "digests", "dates", "terms", "stats"):
                getattr(searched, table)[rel] = getattr(seen, table)[rel]
            continue
        page = path.read_text(encoding="utf-8")
        marked = mark(page, rel)
        if marked is None:
            continue
        if marked.html != page:
            write_if_changed(path, marked.html)
            st = path.stat()
        searched.words[rel] = marked.words
        searched.digests[rel] = marked.digest
        searched.dates[rel] = published(docs, rel) if rel.startswith("articles/") else ""
        searched.terms[rel] = tuple(sorted(sys.intern(t) for t in marked.terms))  # shared: stored once in memory and cache
        searched.stats[rel] = (st.st_size, st.st_mtime_ns)
    return searched


def _recall(path: Path) -> Searched | None:
    """What the last run found, if this generator made it: another version may mark pages otherwise (``engine/mark``)."""
    try:
        with path.open("rb") as f:
            version, seen = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return seen if isinstance(seen, Searched) and version == code_version() else None


def _remember(path: Path, searched: Searched) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("wb") as f:
        pickle.dump((code_version(), searched), f, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)


def index_site(site: Path, docs: Path | None = None, budget: int = DEFAULTS.part_words) -> tuple[int, Index]:
    """The index step: ``site``'s searched pages marked, then indexed in ``site/pagefind/``, again only in the parts
    whose pages changed since the last run; (pages searched, what the index holds).
    ``docs``: the pages site/ was built from (their publication dates order the parts), beside ``site`` unless told."""
    memory = site.parent / SEEN_FILE
    searched = mark_site(site, site.parent / "docs" if docs is None else docs, _recall(memory))
    made = build(site, searched.words, budget, dates=searched.dates,
                 common_words=common(searched.pages_with, len(searched.words)), digests=searched.digests)
    _remember(memory, searched)
    return len(searched.words), made
