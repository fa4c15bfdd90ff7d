"""After an accident: a lost or unreadable state file, a run killed while it wrote pages.

Every article page says where it came from (``original``, the raw file's name, and
``original_digest``, the digest of the raw text it was made from), so the generator's memory of
an article is rebuilt from the page rather than the article being ingested again as a new
``-2`` page. What a rebuilt record cannot know is filled in on the safe side: the page counts as
edited (a later change of its raw file is a conflict, not an overwrite), its tags that the text
does not match are the editor's, and what the text matches counts as already seen (a tag an
editor removed is not added back; see ``retag.retag_page``).
"""

from __future__ import annotations

from pathlib import Path

from generator.content.pages import PageError, digest, md_names, split
from generator.content.registry import INDEX
from generator.read.reader import InputError, read_raw
from generator.store.state import STATE_FILE, ArticleState, State


def raw_digest(raw) -> str:
    """What an article's raw file is known by (``state`` and the page's ``original_digest``): its text and metadata.

    A sidecar's values count (a new address or author is a change to take in), what the reader learned to find in
    the file itself does not: an article already in the wiki is not ingested again because the generator got better.
    """
    return digest(raw.text + raw.title + raw.source + raw.published + "".join(f"\n{k}: {v}" for k, v in raw.sidecar))


def adopt(docs: Path, seeds: Path, state: State) -> list[str]:
    """Take the article pages that ``state`` does not know back into it; returns one line to show, or none."""
    known = {record.slug for record in state.articles.values()}
    adopted = 0
    for name in md_names(docs / "articles"):
        if name == INDEX or name[:-3] in known:
            continue
        try:
            meta = split((docs / "articles" / name).read_text(encoding="utf-8"))[0]
        except (PageError, UnicodeDecodeError, OSError):
            continue  # check reports the page
        original = meta.get("original")
        if not isinstance(original, str) or original in state.articles:
            continue  # not the generator's article page, or a second page for one raw file
        raw = meta.get("original_digest")
        if not isinstance(raw, str):  # a page written before pages carried it: its raw file as it is now
            try:
                raw = raw_digest(read_raw(seeds / original, seeds))
            except (InputError, OSError):
                raw = ""
        state.articles[original] = ArticleState(name[:-3], raw=raw)
        adopted += 1
    if state.problem:
        return [f"{state.problem} ({adopted} articles)"]
    if adopted:
        return [f"{docs / STATE_FILE}: {adopted} article pages it did not list taken back into it (an interrupted run?)"]
    return []
