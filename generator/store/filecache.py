"""What earlier runs learned from files that have not changed since, by file signature.

A file's signature (size, modification and change time, inode) tells without reading it
that it is the file seen last time, so a run over 10,000 unchanged pages reads none of
them. The cache is a local speed-up: never committed (a fresh clone rebuilds it), safe to
delete, and ignored when unreadable or written by another version of the generator (``version.code_version``: a new
version may render any page differently, so what an older one learned must not keep a page from being written again). Each kind of entry has
its own file, read only when a step asks for that kind.
"""

from __future__ import annotations

import os
import pickle
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.store.version import code_version

CACHE_DIR = Path(".generator") / "cache"  # under docs/, not committed; MkDocs skips dot folders
# 10: copies (copy_of in ArticleRef, the "copies" kind); 9: provenance in ArticleRef and tags.csv; 8: pages read through
# schema.accepted; 7: one entry per page read
VERSION = 10
# Kinds of entry computed from front matter and editors' text only, never from the generator's own sections.
SECTION_BLIND = ("entity", "article", "graph", "guard", "copies")


def signature(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class FileCache:
    def __init__(self, docs: Path, *, persistent: bool = True):
        self.docs = docs
        self.persistent = persistent
        self._kinds: dict[str, dict[str, tuple[Any, Any]]] = {}
        self._changed: set[str] = set()
        self._absolute: dict[str, str] = {}
        self.memo: dict[str, Any] = {}  # structures a long-running process keeps between runs (see graph.build_graph)

    @classmethod
    def load(cls, docs: Path) -> FileCache:
        return cls(docs)

    def _file(self, kind: str) -> Path:
        return self.docs / CACHE_DIR / (re.sub(r"[^a-z0-9-]", "-", kind) + ".pickle")

    def kind(self, kind: str) -> dict[str, tuple[Any, Any]]:
        """Every entry of one kind, path → (signature, value); read from disk the first time."""
        if kind not in self._kinds:
            entries: dict = {}
            if self.persistent:
                entries = self._read(self._file(kind)).get(kind, {})
            self._kinds[kind] = entries
        return self._kinds[kind]

    @staticmethod
    def _read(path: Path) -> dict[str, dict]:
        """{kind: entries} from one cache file; nothing when it is unreadable or written by another version."""
        try:
            with open(path, "rb") as f:
                version, kind, entries = pickle.load(f)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError, ImportError):
            return {}
        return {kind: entries} if version == (VERSION, code_version()) and isinstance(kind, str) and isinstance(entries, dict) else {}

    def preload(self) -> None:
        """Every kind on disk read now (a long-running preview, before the first save), not when a step first asks."""
        if not self.persistent:
            return
        for path in sorted((self.docs / CACHE_DIR).glob("*.pickle")):
            for kind, entries in self._read(path).items():
                self._kinds.setdefault(kind, entries)

    def key(self, path: Path | str) -> str:
        """Entries are keyed by absolute path: ``make site`` and ``mkdocs serve`` name the same file differently."""
        path = os.fspath(path)
        if path.startswith("/"):
            return path
        found = self._absolute.get(path)
        if found is None:  # abspath asks the system for the working directory every time
            found = self._absolute[path] = os.path.abspath(path)
        return found

    def get(self, kind: str, path: Path, sig=None) -> Any:
        """The value stored for ``path`` if the file is still the one it was computed from."""
        entry = self.kind(kind).get(self.key(path))
        if entry is None:
            return None
        return entry[1] if entry[0] == (sig or signature(path)) else None

    def stale(self, kind: str, path: Path) -> Any:
        """The value stored for ``path`` whatever the file is now: what a run saw before it changed."""
        entry = self.kind(kind).get(self.key(path))
        return None if entry is None else entry[1]

    def put(self, kind: str, path: Path, value: Any, sig=None) -> None:
        self.kind(kind)[self.key(path)] = (sig or signature(path), value)
        self._changed.add(kind)

    def drop(self, kind: str, path: str) -> Any:
        self._changed.add(kind)
        return self.kind(kind).pop(path)[1]

    def remember(self, name: str, value: Any) -> None:
        """A value tied to no file (what the last run saw of the registry, say)."""
        if self.kind("value").get(name) != (None, value):
            self.kind("value")[name] = (None, value)
            self._changed.add("value")

    def recall(self, name: str) -> Any:
        entry = self.kind("value").get(name)
        return entry[1] if entry else None

    def carry(self, path: Path, before) -> None:
        """``path`` was rewritten only inside its generated sections: what does not read them stays valid."""
        after = signature(path)
        for kind in SECTION_BLIND:
            entry = self.kind(kind).get(self.key(path)) if kind in self._kinds or self._file(kind).exists() else None
            if entry is not None and entry[0] == before:
                self._kinds[kind][self.key(path)] = (after, entry[1])
                self._changed.add(kind)

    def save(self) -> None:
        if not self.persistent:
            return
        for kind in sorted(self._changed):
            target = self._file(kind)
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".tmp")
            with open(tmp, "wb") as f:
                pickle.dump(((VERSION, code_version()), kind, self._kinds[kind]), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        self._changed.clear()


@contextmanager
def opened(docs: Path, cache: FileCache | None) -> Iterator[FileCache]:
    """``cache`` when a caller shares one across steps; else this folder's own, saved afterwards."""
    if cache is not None:
        yield cache
        return
    own = FileCache.load(docs)
    yield own
    own.save()
