"""What earlier runs learned from files that have not changed since, by file signature.

A file's signature (size, modification and change time, inode) tells without reading it
that it is the file seen last time, so a run over 10,000 unchanged pages reads none of
them. The cache is a local speed-up: never committed (a fresh clone rebuilds it), safe to
delete, and ignored when unreadable or written by another version of the generator (``version.code_version``: a new
version may render any page differently, so what an older one learned must not keep a page from being written again). Each kind of entry has
its own files, read only when a step asks for that kind: ``SHARDS`` of them, by the entry's key, so a run that changes
a few entries writes the few files that hold them, not 50 MB of unchanged pages' entries at 10,000 articles.
"""

from __future__ import annotations

import os
import pickle
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.store.version import code_version

CACHE_DIR = Path(".generator") / "cache"  # under docs/, not committed; MkDocs skips dot folders
# 11: each kind in SHARDS files; 10: copies (copy_of in ArticleRef, the "copies" kind); 9: provenance in ArticleRef and tags.csv; 8: pages read through
# schema.accepted; 7: one entry per page read
VERSION = 11
SHARDS = 16
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
        self._changed: dict[str, set[int]] = {}  # kind → the shards to write
        self._whole: set[str] = set()  # kinds read from a complete set of shards: the others are written whole
        self._absolute: dict[str, str] = {}
        self.memo: dict[str, Any] = {}  # structures a long-running process keeps between runs (see graph.build_graph)

    @classmethod
    def load(cls, docs: Path) -> FileCache:
        return cls(docs)

    def _file(self, kind: str, shard: int) -> Path:
        return self.docs / CACHE_DIR / f"{re.sub(r'[^a-z0-9-]', '-', kind)}.{shard:02d}.pickle"

    @staticmethod
    def _shard(key: str) -> int:
        return zlib.crc32(key.encode()) % SHARDS

    def _touch(self, kind: str, key: str) -> None:
        self._changed.setdefault(kind, set()).add(self._shard(key))

    def kind(self, kind: str) -> dict[str, tuple[Any, Any]]:
        """Every entry of one kind, path → (signature, value); read from disk the first time."""
        if kind not in self._kinds:
            entries: dict = {}
            if self.persistent and self._file(kind, 0).with_suffix(".whole").is_file():
                for shard in range(SHARDS):
                    part = self._read(self._file(kind, shard)).get(kind)
                    if part is None:  # a shard missing or unreadable: the others alone would pass for the whole
                        entries = {}
                        break
                    entries.update(part)
                else:
                    self._whole.add(kind)
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
        for first in sorted((self.docs / CACHE_DIR).glob("*.00.pickle")):
            for kind in self._read(first):  # the kind's own name: the file's is made safe for a file name
                self.kind(kind)

    def key(self, path: Path | str) -> str:
        """Entries are keyed by absolute path: ``make site`` and ``mkdocs serve`` name the same file differently."""
        path = os.fspath(path)
        if path.startswith("/"):
            return path
        # abspath asks the system for the working directory every time: each folder is made absolute once
        folder, _, name = path.rpartition("/")
        if name in ("", ".", ".."):
            return os.path.abspath(path)
        found = self._absolute.get(folder)
        if found is None:
            found = self._absolute[folder] = os.path.abspath(folder or ".")
        return found + name if found.endswith("/") else f"{found}/{name}"

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
        key = self.key(path)
        self.kind(kind)[key] = (sig or signature(path), value)
        self._touch(kind, key)

    def drop(self, kind: str, path: str) -> Any:
        self._touch(kind, path)
        return self.kind(kind).pop(path)[1]

    def remember(self, name: str, value: Any) -> None:
        """A value tied to no file (what the last run saw of the registry, say)."""
        if self.kind("value").get(name) != (None, value):
            self.kind("value")[name] = (None, value)
            self._touch("value", name)

    def table(self, kind: str) -> dict[str, Any]:
        """Values tied to no file, by name (one per article, say), as ``keep_table`` left them."""
        return {name: value for name, (_, value) in self.kind(kind).items()}

    def keep_table(self, kind: str, values: dict[str, Any]) -> None:
        """``values`` remembered as the whole of ``kind``: only the entries that changed reach the disk."""
        entries = self.kind(kind)
        for name in [n for n in entries if n not in values]:
            self.drop(kind, name)
        for name, value in values.items():
            entry = entries.get(name)
            if entry is None or entry[1] is not value and entry[1] != value:
                entries[name] = (None, value)
                self._touch(kind, name)

    def recall(self, name: str) -> Any:
        entry = self.kind("value").get(name)
        return entry[1] if entry else None

    def carry(self, path: Path, before) -> None:
        """``path`` was rewritten only inside its generated sections: what does not read them stays valid."""
        after = signature(path)
        for kind in SECTION_BLIND:
            entry = self.kind(kind).get(self.key(path)) if kind in self._kinds or self._file(kind, 0).exists() else None
            if entry is not None and entry[0] == before:
                self._kinds[kind][self.key(path)] = (after, entry[1])
                self._touch(kind, self.key(path))

    def save(self) -> None:
        if not self.persistent:
            return
        for kind in sorted(self._changed):
            entries = self._kinds[kind]
            shards: list[dict] = [{} for _ in range(SHARDS)]
            for key, entry in entries.items():
                shards[self._shard(key)][key] = entry
            # a kind not read whole is written whole: ``kind`` trusts a kind only when every shard is there, of this version
            due = self._changed[kind] if kind in self._whole else range(SHARDS)
            # A run killed between two shards leaves some new, some old: without this mark the kind is not read at all.
            whole = self._file(kind, 0).with_suffix(".whole")
            whole.unlink(missing_ok=True)
            for shard in sorted(due):
                target = self._file(kind, shard)
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_suffix(".tmp")
                with open(tmp, "wb") as f:
                    pickle.dump(((VERSION, code_version()), kind, shards[shard]), f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, target)
            whole.write_bytes(b"")
            self._whole.add(kind)
            (self.docs / CACHE_DIR / f"{target.name.split('.')[0]}.pickle").unlink(missing_ok=True)  # VERSION 10's one file
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
