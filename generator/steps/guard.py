"""The guard step: no page publishes markup that runs in a reader's browser (``content/sanitize.py``).

Every Markdown page under docs/ is editor text, whoever wrote it first, so every one is looked at; a page that
held unsafe HTML is rewritten, atomically, with it removed, and each removal reported as ``path:line: removed …``.
A page already seen with the same file signature is not read again (the file cache, kind ``guard``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.content.pages import md_tree, write_if_changed
from generator.content.sanitize import sanitize
from generator.content.schema import Problem
from generator.store.filecache import FileCache, opened, signature

KIND = "guard"
FIX = "the page was rewritten without it; use only the HTML the editing guide lists (docs/editing.md)"


ENTITY_FOLDERS = ("actors", "agreements", "locations")


def generator_sections(rel: str) -> frozenset[str]:
    """The generated sections the generator writes on the page at ``rel`` (under docs/; see ``pipeline.OUTPUTS``)."""
    folder, _, name = rel.rpartition("/")
    if name == "index.md":
        return frozenset({"dashboard"} if not folder else {"index"})
    if folder == "articles":
        return frozenset({"tags"})
    if folder in ENTITY_FOLDERS:
        return frozenset({"mentions"})
    if folder == "sources":
        return frozenset({"articles"})
    if rel == "timeline.md" or folder == "timeline":
        return frozenset({"timeline"})
    return frozenset({"review.md": {"review"}, "map.md": {"map"}, "graph.md": {"graph"}}.get(rel, set()))


@dataclass
class GuardReport:
    written: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    read: int = 0


def guard(docs: Path, cache: FileCache | None = None) -> GuardReport:
    report = GuardReport()
    with opened(docs, cache) as cache:
        for rel in md_tree(docs):
            path = docs / rel
            sig = signature(path)
            if sig is None or cache.get(KIND, path, sig):
                continue
            report.read += 1
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # check reports a page it cannot read
            safe, removed = sanitize(text, generator_sections(rel))
            if removed and write_if_changed(path, safe):
                report.written.append(str(path))
            report.problems += [Problem(path, line, f"removed {what} (script in a page runs for every reader)", FIX)
                                for line, what in removed]
            cache.put(KIND, path, True)
    return report
