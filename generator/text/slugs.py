"""File-safe, stable slugs for pages."""

from __future__ import annotations

import hashlib
import re

from generator.text.textnorm import fold_name

MAX_SLUG = 80
RESERVED = frozenset({"index", "con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


def slugify(name: str) -> str:
    """ASCII words joined by hyphens; a short hash when nothing readable is left."""
    words = re.findall(r"[a-z0-9]+", fold_name(name))
    slug = "-".join(words)
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    if not slug:
        slug = "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
    if slug in RESERVED:
        slug += "-page"
    return slug


def unique_slug(name: str, taken: set[str]) -> str:
    """A slug not in ``taken``: the plain slug, else the slug with a counter."""
    return unused(slugify(name), taken)


def unused(base: str, taken: set[str]) -> str:
    """``base`` if it is not in ``taken``, else ``base`` with the first counter that is not."""
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    return slug
