"""MkDocs hook: Pagefind's search index of the built site, in parts that each fit in bounded memory.

Pagefind holds the whole index it builds in memory, about 0.56 kB per indexed word: 1.16 GB for
10,000 synthetic articles of 200 words, more for real ones. So the searched pages (marked by
generator/engine/mkdocs_hooks.py, which counts their words) are split into as few parts as keep each under
``Settings.part_words``, and each part gets its own Pagefind run: the first, with every entity page and the
newest articles, into ``pagefind/``, the older ones into ``pagefind/1/``, ``pagefind/2/`` …
``pagefind/parts.json`` lists those and what they hold.

A query costs a chunk per word in every part it searches (about 25 kB each), so assets/wiki/search.js
searches the first part alone and adds the older ones (Pagefind's ``mergeIndex``: its engine is loaded
once) only when it finds fewer than a screen of results or the reader asks: what one query downloads
is bounded by ``Settings.part_words``, not by the size of the wiki. The words on most pages ("al", "said") cost
the most, a chunk of their own, and tell the least: parts.json lists them, and search.js leaves them out
of a query of several words.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError


def _settings_class() -> type:
    """``generator.settings.Settings``. MkDocs loads this hook as a lone file, and ``make site`` runs the ``mkdocs``
    script, whose import path lacks the project: then generator/settings.py is loaded from beside this file's folder."""
    try:
        from generator.settings import Settings
    except ImportError:
        spec = importlib.util.spec_from_file_location("situation_wiki_settings", Path(__file__).resolve().parents[1] / "settings.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses looks the module up
        spec.loader.exec_module(module)
        Settings = module.Settings
    return Settings


DEFAULTS = _settings_class()()
PARTS_FILE = "parts.json"


@dataclass
class Searched:
    """What one build's pages tell the index. It lives on that build's config (``on_pre_build``), not in this module:
    the live preview builds again and again in one process."""

    words: dict[str, int] = field(default_factory=dict)  # output path → indexed words
    dates: dict[str, str] = field(default_factory=dict)  # the searched articles' publication dates ("" when unknown)
    pages_with: Counter[str] = field(default_factory=Counter)  # word → searched pages it is on


def keep_index(config) -> None:
    """Builds with ``config`` keep the index a first build made: the live preview calls it on each config it builds
    with, as making the index again on every save would cost more than the save."""
    config.keep_search_index = True


def on_pre_build(config, **kwargs):
    config.searched = Searched()


def on_post_page(output, page, config, **kwargs):
    words = getattr(page, "search_words", None)  # set by mkdocs_hooks on the pages it marks for the index
    if words is not None:
        searched = config.searched
        searched.words[page.file.dest_uri] = words
        searched.dates[page.file.dest_uri] = str(page.meta.get("published") or "")[:10]  # a date, or text an editor wrote
        searched.pages_with.update(vars(page).pop("search_terms", ()))  # counted: the page need not keep them to the end of the build
    return output


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


def on_post_build(config, **kwargs):
    """The index of the built site, so that `mkdocs build`, `gh-deploy` and `serve` all have search.

    Under `make serve` (``keep_index``) it is made once, on the first build: rebuilding it for every save would
    cost more than the save (a preview's search lags its edits until the next `make site`).
    """
    site = Path(config.site_dir)
    if getattr(config, "keep_search_index", False) and (site / "pagefind" / "pagefind.js").is_file():
        return
    _release()
    searched = config.searched
    build(site, searched.words, dates=searched.dates, common_words=common(searched.pages_with, len(searched.words)))
