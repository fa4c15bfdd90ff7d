"""The generator's own version, as a digest of its code and data: what a run remembers of another version's runs (the
file cache, the last site build) is not trusted, since a new version may write or render any page differently."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def code_version() -> str:
    h = hashlib.blake2b(digest_size=8)
    for path in sorted(PACKAGE.rglob("*.py")) + sorted(p for p in (PACKAGE / "data").iterdir() if p.is_file()):
        h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()
