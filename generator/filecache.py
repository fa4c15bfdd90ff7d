"""What earlier runs learned from files that have not changed since, by file signature.

A file's signature (size, modification and change time, inode) tells without reading it
that it is the file seen last time, so a run over 10,000 unchanged pages reads none of
them. The cache is a local speed-up: never committed (a fresh clone rebuilds it), safe to
delete, and ignored whole when unreadable or written by another version.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CACHE_FILE = Path(".generator") / "cache.pickle"  # under docs/, not committed; MkDocs skips dot folders
VERSION = 1
# Kinds of entry computed from front matter and editors' text only, never from generated sections.
SECTION_BLIND = ("entity", "check-entity", "graph", "check-article", "owned")


def signature(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class FileCache:
    def __init__(self, docs: Path, entries: dict[tuple[str, str], tuple[Any, Any]] | None = None):
        self.docs = docs
        self.entries = entries or {}
        self.changed = False

    @classmethod
    def load(cls, docs: Path) -> FileCache:
        try:
            with open(docs / CACHE_FILE, "rb") as f:
                version, entries = pickle.load(f)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError, ImportError):
            return cls(docs)
        return cls(docs, entries if version == VERSION else None)

    def get(self, kind: str, path: Path, sig=None) -> Any:
        """The value stored for ``path`` if the file is still the one it was computed from."""
        entry = self.entries.get((kind, str(path)))
        if entry is None:
            return None
        return entry[1] if entry[0] == (sig or signature(path)) else None

    def put(self, kind: str, path: Path, value: Any, sig=None) -> None:
        self.entries[(kind, str(path))] = (sig or signature(path), value)
        self.changed = True

    def remember(self, name: str, value: Any) -> None:
        """A value tied to no file (what the last run saw of the registry, say)."""
        if self.entries.get(("value", name)) != (None, value):
            self.entries[("value", name)] = (None, value)
            self.changed = True

    def recall(self, name: str) -> Any:
        entry = self.entries.get(("value", name))
        return entry[1] if entry else None

    def carry(self, path: Path, before) -> None:
        """``path`` was rewritten only inside its generated sections: what does not read them stays valid."""
        after = signature(path)
        for kind in SECTION_BLIND:
            entry = self.entries.get((kind, str(path)))
            if entry is not None and entry[0] == before:
                self.entries[(kind, str(path))] = (after, entry[1])
                self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        target = self.docs / CACHE_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            pickle.dump((VERSION, self.entries), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        self.changed = False


@contextmanager
def opened(docs: Path, cache: FileCache | None) -> Iterator[FileCache]:
    """``cache`` when a caller shares one across steps; else this folder's own, saved afterwards."""
    if cache is not None:
        yield cache
        return
    own = FileCache.load(docs)
    yield own
    own.save()
