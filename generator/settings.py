"""Every setting of a run in one frozen object: where things are, what mkdocs.yml says, and the tunables.

``DEFAULTS`` is the one default instance: the CLI's defaults and the default values of the
functions that take a tunable as a keyword argument (render, exports, the worker pool) come from it,
so a value is changed in one place. ``Settings.read`` adds the site settings from the ``mkdocs.yml``
beside ``docs/``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Settings:
    # Where things are.
    seeds: Path = Path("seeds")
    docs: Path = Path("docs")
    config_file: Path = Path("mkdocs.yml")
    # From mkdocs.yml (``read``): the feed's absolute links and the site's name.
    site_url: str = ""
    site_name: str = "Situation Wiki"
    # The maps' background (mkdocs.yml's extra.map_tiles and extra.map_attribution): any tile server Leaflet reads.
    map_tiles: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    map_attribution: str = "© OpenStreetMap contributors"
    # Work on every core.
    pool_from: int = 200  # items; below this a pool's start-up costs more than it saves
    settle_every: int = 1000  # results between two freezes of what the collector need not walk
    young_objects: int = 50_000  # a worker's collector runs after this many new objects, not Python's 700
    # articles; above this the views are rendered in one process: each worker that walks the whole corpus writes every
    # object's reference count, so copies the pages it inherited (6 GB more at 100,000 articles, on two cores)
    views_forked_upto: int = 25_000
    # What pages show.
    feed_size: int = 50  # articles in feed.xml
    graph_edges: int = 8  # an actor's strongest links shown on the relations graph
    graph_listed: int = 100  # actors the relations page lists in words, most mentioned first (the graph shows all)
    companions: int = 10  # entities listed under "Often mentioned with"
    aliases_shown: int = 6  # an entity with more other names shows them folded
    sentences_shown: int = 100  # mentioning articles shown with their sentence on an entity page
    group_from: int = 30  # mentioning articles from which an entity page groups them by year
    found_shown: int = 3  # articles named per proposed entity on the review page
    max_sentence: int = 320  # characters of a quoted sentence
    home_latest: int = 10  # latest articles on the home page
    articles_shown: int = 200  # newest articles on the articles index (every one is on its year's timeline page)
    home_period_days: int = 90  # the home page's "most mentioned" period, back from the newest article
    # The engine's build (``engine/build.py``).
    shard_from: int = 400  # pages to render from which processes share them (each reads the whole site first)…
    shard_bytes: int = 2_000_000  # …or bytes of Markdown (one new article changes 7.7 MB of pages at 10,000 articles)
    shard_pages: int = 10_000  # pages one process renders at most: MkDocs holds each until the end of its build
    # The search index (built after the engine).
    # indexed words per part of the index (about 140 MB of Pagefind's memory): a new or changed article has its part
    # indexed again, in time proportional to the part's size; a query's chunks are as small as the part searched
    part_words: int = 250_000
    common_pages: int = 2_000  # a word on at least this many searched pages…
    common_share: float = 0.5  # …and on this share of them is too common to search by
    # Fetching feeds and pages (``fetch``): polite to the sites we read, never stuck on one.
    connect_timeout: float = 10.0  # seconds to open a connection
    read_timeout: float = 20.0  # seconds of silence while reading a response
    fetch_tries: int = 3  # tries per request on connection errors, 429 and 5xx
    fetch_backoff: float = 2.0  # seconds before the second try, doubled before each further one
    fetch_max_wait: float = 60.0  # the longest wait between tries, a server's Retry-After included
    host_interval: float = 2.0  # seconds between two requests to one host (robots.txt's Crawl-delay when longer)

    @classmethod
    def read(cls, docs: Path = Path("docs"), seeds: Path = Path("seeds"), **overrides) -> Settings:
        """The settings of a wiki whose pages are in ``docs``: its mkdocs.yml is the one beside it."""
        config = docs.parent / "mkdocs.yml"
        data = mkdocs_settings(config)  # read once for both
        site_url, site_name = _site(data)
        tiles, attribution = _map(data)
        return replace(cls(seeds=seeds, docs=docs, config_file=config, site_url=site_url, site_name=site_name,
                           map_tiles=tiles, map_attribution=attribution), **overrides)


DEFAULTS = Settings()


def mkdocs_settings(config: Path) -> dict:
    """An mkdocs.yml as plain strings, lists and mappings (its ``!!python`` tags unread); {} when missing or unreadable."""
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    except (OSError, yaml.YAMLError):
        data = {}
    return data if isinstance(data, dict) else {}


def site_settings(config: Path) -> tuple[str, str]:
    """(site_url, site_name) of an mkdocs.yml; defaults when it is missing or unreadable."""
    return _site(mkdocs_settings(config))


def _site(data: dict) -> tuple[str, str]:
    return str(data.get("site_url") or ""), str(data.get("site_name") or "Situation Wiki")


def _map(data: dict) -> tuple[str, str]:
    """(tile URL, attribution) from an mkdocs.yml's ``extra``; the defaults when unset, or when the URL is not http(s)."""
    extra = data.get("extra")
    extra = extra if isinstance(extra, dict) else {}
    url, attribution = str(extra.get("map_tiles") or ""), str(extra.get("map_attribution") or "")
    if not url.startswith(("https://", "http://")):
        return Settings.map_tiles, Settings.map_attribution
    return url, attribution
