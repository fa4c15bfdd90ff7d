"""MkDocs hook: Pagefind's search index of the built site, in parts that each fit in bounded memory.

Pagefind holds the whole index it builds in memory, about 0.56 kB per indexed word: 1.16 GB for
10,000 synthetic articles of 200 words, more for real ones. So the searched pages (marked by
generator/mkdocs_hooks.py, which counts their words) are split into as few parts as keep each under
``PART_WORDS``, and each part gets its own Pagefind run: the first, with every entity page, into
``pagefind/``, the others into ``pagefind/1/``, ``pagefind/2/`` … ``pagefind/parts.json`` lists
those, and assets/wiki/search.js merges them in the browser (Pagefind's ``mergeIndex``: its engine is
loaded once; each part adds its metadata, a share of the one index's, and a chunk per query word).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

PART_WORDS = 1_200_000  # about 670 MB of Pagefind's memory
PARTS_FILE = "parts.json"
# `make serve` (python -m generator serve) sets this: the search index of its first build is kept.
SERVE = "SITUATION_WIKI_SERVE"

_SEARCHED: dict[str, int] = {}  # this build's searched pages: output path → indexed words


def on_pre_build(config, **kwargs):
    _SEARCHED.clear()


def on_post_page(output, page, **kwargs):
    words = getattr(page, "search_words", None)  # set by mkdocs_hooks on the pages it marks for the index
    if words is not None:
        _SEARCHED[page.file.dest_uri] = words
    return output


def parts(pages: dict[str, int], budget: int = PART_WORDS) -> list[list[str]]:
    """``pages`` (output path → words) cut into as few parts as keep each near or under ``budget`` words, balanced.

    Entity pages (all but ``articles/``) come first, so the first part holds every exact-name filter
    (a part without the filter finds nothing by it); articles follow in path order.
    """
    order = sorted(pages, key=lambda p: (p.startswith("articles/"), p))
    total = sum(pages.values())
    count = max(1, -(-total // budget))
    out: list[list[str]] = [[]]
    filled = 0
    for page in order:
        if len(out) < count and filled >= total * len(out) / count:
            out.append([])
        out[-1].append(page)
        filled += pages[page]
    return out


def _release() -> None:
    """Give the memory of the pages' sources and HTML back to the system before Pagefind starts.

    MkDocs keeps every page's Markdown and HTML until the build ends (hundreds of MB at 10,000
    articles), and Pagefind runs while this process is alive. mkdocs_hooks drops each text once
    it is used; glibc then returns the freed heap on request.
    """
    gc.collect()
    libc = ctypes.util.find_library("c")
    if libc:
        try:
            ctypes.CDLL(libc).malloc_trim(0)
        except (OSError, AttributeError):  # not glibc: the memory is still free for reuse
            pass


def _pagefind(site: Path, output: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--silent"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"pagefind could not index {site}: {(result.stderr or result.stdout).strip()[-2000:]}")


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


def build(site: Path, searched: dict[str, int], budget: int = PART_WORDS) -> int:
    """Pagefind's index of ``site`` in ``site/pagefind/``; returns how many parts it has."""
    bundle = site / "pagefind"
    shutil.rmtree(bundle, ignore_errors=True)
    cut = parts(searched, budget)
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
    (bundle / PARTS_FILE).write_text(json.dumps([f"{i}/" for i in range(1, len(cut))]) + "\n", encoding="utf-8")
    return len(cut)


def on_post_build(config, **kwargs):
    """The index of the built site, so that `mkdocs build`, `gh-deploy` and `serve` all have search.

    Under `make serve` it is made once, on the first build: rebuilding it for every save would
    cost more than the save (a preview's search lags its edits until the next `make site`).
    """
    site = Path(config.site_dir)
    if os.environ.get(SERVE) and (site / "pagefind" / "pagefind.js").is_file():
        return
    _release()
    build(site, _SEARCHED)
