"""The guard step: no page publishes markup that runs in a reader's browser (``content/sanitize.py``).

Every Markdown page under docs/ is editor text, whoever wrote it first, so every one is looked at; a page that
held unsafe HTML is rewritten, atomically, with it removed, and each removal reported as ``path:line: removed …``.
A front-matter title holding ``<``, ``>`` or an entity-starting ``&`` gets look-alikes instead (``neutralize``): themes
print the title as HTML, and with it in the page itself every engine shows it as text, with no hook at build time.
A page already seen with the same file signature is not read again (the file cache, kind ``guard``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.content.pages import FIRST_LINE, PageError, join, md_tree, set_front_value, split, write_if_changed
from generator.content.sanitize import neutralize, sanitize
from generator.content.schema import Problem, key_line
from generator.store.filecache import FileCache, opened, signature
from generator.store.parallel import map_in_order

KIND = "guard"
FIX = "the page was rewritten without it; use only the HTML the editing guide lists (docs/editing.md)"
TITLE_FIX = "the page was rewritten with look-alikes (‹ › ＆), shown as the text they are; edit them as you like"


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


def text_title(text: str) -> tuple[str, int]:
    """(``text`` with its front-matter title neutralized, the title's line); line 0 when the title needed nothing.
    A page whose front matter does not parse is left to check, which reports it."""
    try:
        meta, front, body = split(text)
    except PageError:
        return text, 0
    title = meta.get("title")
    if not isinstance(title, str) or neutralize(title) == title:
        return text, 0
    return join(set_front_value(front, "title", neutralize(title)), body), key_line(front, "title") + FIRST_LINE - 1


@dataclass
class GuardReport:
    written: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    read: int = 0


def guard(docs: Path, cache: FileCache | None = None) -> GuardReport:
    report = GuardReport()
    with opened(docs, cache) as cache:
        due = []
        for rel in md_tree(docs):
            path = docs / rel
            sig = signature(path)
            if sig is not None and not cache.get(KIND, path, sig):
                due.append(rel)
        for rel, result in zip(due, map_in_order(_guard_one, due, "guard", docs), strict=True):
            path = docs / rel
            report.read += 1
            if result is None:
                continue  # check reports a page it cannot read
            written, problems = result
            if written:
                report.written.append(str(path))
            report.problems += problems
            cache.put(KIND, path, True)
    return report


def _guard_one(docs: Path, rel: str) -> tuple[bool, list[Problem]] | None:
    """One page made safe, on any core: (rewritten, what was removed), or None when it cannot be read."""
    path = docs / rel
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    safe, removed = sanitize(text, generator_sections(rel))
    safe, title_line = text_title(safe)
    written = bool(removed or title_line) and write_if_changed(path, safe)
    problems = [Problem(path, line, f"removed {what} (script in a page runs for every reader)", FIX) for line, what in removed]
    if title_line:
        problems.append(Problem(path, title_line, "the title had < > or & (the theme prints it as HTML)", TITLE_FIX))
    return written, problems
