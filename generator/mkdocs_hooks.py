"""MkDocs hook: titles shown as text whatever they contain; entity pages first in search;
under ``make serve``, generated pages brought up to date before each rebuild.

MkDocs renders its theme templates without autoescaping, and mkdocs-material prints
``page.title`` raw in the header and the page heading, so a title such as
``<img src=x onerror=alert(1)>`` — from a scraped article or an editor's slip — would run
in the reader's browser. Angle brackets and entity-starting ampersands in titles are
swapped for look-alike characters before any template sees them. Everything else on a
page is already escaped by the generator; this covers the one path it does not control.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

_ENTITY_START = re.compile(r"&(?=#?\w+;?)")


def neutralize(title: str) -> str:
    return _ENTITY_START.sub("＆", str(title)).replace("<", "‹").replace(">", "›")


ENTITY_FOLDERS = ("actors/", "locations/", "agreements/")
SEARCH_BOOST = 3


def on_page_markdown(markdown, page, **kwargs):
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = neutralize(page.meta["title"])
    # Someone searching a name ("Bukamal", "QSD") wants the entity's page before the articles that use the name.
    uri = page.file.src_uri
    if uri.startswith(ENTITY_FOLDERS) and not uri.endswith("index.md"):
        page.meta.setdefault("search", {"boost": SEARCH_BOOST})
    return markdown


# `make serve` sets this: before each rebuild, the generator updates the pages an edit or a
# new raw article affects (the article, its entity pages, indexes), so that `mkdocs serve
# --dirty` rebuilds just those. Any other engine, or a plain `mkdocs serve`, simply skips it.
SERVE = "SITUATION_WIKI_SERVE"


def _generator():
    root = str(Path(__file__).resolve().parent.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    import generator.cli
    import generator.filecache

    return generator.cli, generator.filecache


def on_pre_build(config, **kwargs):
    if not os.environ.get(SERVE):
        return
    cli, _ = _generator()
    docs = Path(config.docs_dir)
    seeds = Path(os.environ[SERVE]) if os.environ[SERVE] not in ("1", "") else docs.parent / "seeds"
    cli.main(["update", "--live", "--docs", str(docs), "--seeds", str(seeds)])


def on_shutdown(**kwargs):
    if os.environ.get(SERVE):
        _generator()[1].save_live()
