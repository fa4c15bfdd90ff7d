"""``python -m generator resolve PAGE``: the editor has dealt with a conflict; stop reporting it.

A conflict is a raw file that changed after an editor changed its article page: ingest keeps the
editor's page and puts the new version in ``docs/.generator/conflicts/``. Once the editor has
taken from it what they want (or decided to keep their page), ``resolve`` records the raw file as
it is now as seen and deletes the conflict file. The page still counts as edited, so a later
change of the raw file is a conflict again rather than an overwrite.
"""

from __future__ import annotations

from pathlib import Path

from generator.read.reader import InputError, read_raw
from generator.steps.recover import raw_digest
from generator.store.state import STATE_FILE, State


class ResolveError(ValueError):
    """A page that is not an article the generator knows, or whose raw file cannot be read."""


def conflict_file(docs: Path, slug: str) -> Path:
    return docs / STATE_FILE.parent / "conflicts" / f"{slug}.md"


def resolve(docs: Path, seeds: Path, page: str) -> str:
    """``page``: the article page (``docs/articles/x.md``, ``articles/x.md`` or ``x``); returns what was done."""
    slug = Path(page).name.removesuffix(".md")
    state = State.load(docs)
    original = state.by_slug().get(slug)
    if original is None:
        raise ResolveError(f"{page}: no article page {docs / 'articles' / (slug + '.md')} made from a raw file")
    try:
        raw = read_raw(seeds / original, seeds)
    except (InputError, OSError) as exc:
        raise ResolveError(f"{seeds / original}: {exc}") from None
    record, conflict = state.articles[original], conflict_file(docs, slug)
    if record.raw == raw_digest(raw) and not conflict.exists():
        return f"{docs / 'articles' / (slug + '.md')}: no conflict to resolve"
    record.raw = raw_digest(raw)
    conflict.unlink(missing_ok=True)
    state.save(docs)
    return f"{docs / 'articles' / (slug + '.md')}: resolved; {seeds / original} as it is now counts as merged into the page"
