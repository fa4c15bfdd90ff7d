"""``python -m generator check``: catch an editor's mistake before it is published.

Every page's front matter is validated against the schema of its page type. Each problem
prints as ``path:line: what is wrong — how to fix it``, so an editor (or an editor's
editor) can jump straight to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.content.model import ENTITY_TYPES
from generator.content.pages import SECTION, PageError, digest, md_files, split
from generator.content.registry import INDEX, entity_pages
from generator.store.filecache import FileCache, opened, signature
from generator.store.parallel import map_in_order
from generator.text.matcher import name_keys
from generator.text.textnorm import fold

TEXTS = "text or list of text"
STR, LIST, COORDS, DATE, FLEXDATE = "text", "list of text", "[latitude, longitude]", "date YYYY-MM-DD", "date YYYY, YYYY-MM or YYYY-MM-DD"
ARTICLE_SCHEMA = {
    "title": STR, "original": STR, "source": STR, "published": DATE,
    "actors": LIST, "locations": LIST, "agreements": LIST, "review": LIST, "attribution": STR,
}
ARTICLE_REQUIRED = ("title", "original", "actors", "locations", "agreements")
ENTITY_SCHEMA = {
    "title": STR, "aliases": LIST, "kind": STR, "status": STR, "ambiguous": LIST, "context": LIST,
    "metonyms": LIST, "demonyms": LIST, "coordinates": COORDS, "coordinates_source": STR, "parent": TEXTS,
    "date": FLEXDATE, "parties": LIST, "places": LIST, "predecessors": LIST, "successors": LIST,
}
ENTITY_REQUIRED = ("title", "aliases")
REDIRECT_SCHEMA = {"title": STR, "redirect": STR}
STATUSES = {"proposed", "in force", "expired", "collapsed", "ongoing", "superseded", "implemented", ""}


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what} — {self.fix}"


def key_line(text: str, key: str) -> int:
    m = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def type_error(kind: str, value) -> str | None:
    if kind == STR:
        return None if isinstance(value, str) and value.strip() else "must be non-empty text"
    if kind == LIST:
        return None if isinstance(value, list) and all(isinstance(v, str) for v in value) else "must be a list of text"
    if kind == TEXTS:
        return type_error(STR, value) if isinstance(value, str) else type_error(LIST, value)
    if kind == COORDS:
        ok = isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        return None if ok and -90 <= value[0] <= 90 and -180 <= value[1] <= 180 else "must be [latitude, longitude] in degrees"
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    patterns = [r"\d{4}-\d{2}-\d{2}"] if kind == DATE else [r"\d{4}", r"\d{4}-\d{2}", r"\d{4}-\d{2}-\d{2}"]
    if not any(re.fullmatch(p, text) for p in patterns):
        return f"must be a {kind}"
    try:
        parts = [int(p) for p in text.split("-")] + [1, 1]
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return f"is not a real calendar date ({text})"
    return None


def check_schema(path: Path, text: str, meta: dict, schema: dict, required: tuple[str, ...]) -> list[Problem]:
    problems = []
    for key in required:
        if key not in meta:
            problems.append(Problem(path, 1, f"missing `{key}`", f"add a `{key}:` line to the front matter"))
    for key, value in meta.items():
        line = key_line(text, str(key))
        if key not in schema:
            problems.append(Problem(path, line, f"unknown key `{key}`", f"remove it, or use one of: {', '.join(sorted(schema))}"))
            continue
        error = type_error(schema[key], value)
        if error:
            problems.append(Problem(path, line, f"`{key}` {error}", f"write `{key}` as {schema[key]}"))
    return problems


def entity_facts(type_: str, page: Path) -> tuple[list[Problem], bool, list[tuple[str, str, int]]]:
    """One entity page on its own: its problems, whether it is a redirect, and the (name, key, line) it claims."""
    text = page.read_text(encoding="utf-8")
    try:
        meta = split(text)[0]
    except PageError as exc:
        return [Problem(page, 1, str(exc), "fix the YAML between the --- lines")], True, []
    if "redirect" in meta:
        return check_schema(page, text, meta, REDIRECT_SCHEMA, ("title", "redirect")), True, []
    problems = check_schema(page, text, meta, ENTITY_SCHEMA, ENTITY_REQUIRED)
    if str(meta.get("status") or "") not in STATUSES:
        allowed = ", ".join(sorted(STATUSES - {""}))
        problems.append(Problem(page, key_line(text, "status"), f"unknown status `{meta['status']}`", f"use one of: {allowed}"))
    names = [meta.get("title")] + (meta.get("aliases") if isinstance(meta.get("aliases"), list) else [])
    claims = [(name, key, key_line(text, "aliases" if name != meta.get("title") else "title"))
              for name in names if isinstance(name, str) and name.strip() for key in name_keys(name)]
    return problems, False, claims


def article_problems(page: Path) -> tuple[list[Problem], list[tuple[str, str, int]], str]:
    """One article page on its own: its problems, its (type, slug, line) tags, and its text fingerprint."""
    text = page.read_text(encoding="utf-8")
    try:
        meta, _, body = split(text)
    except PageError as exc:
        return [Problem(page, 1, str(exc), "fix the YAML between the --- lines")], [], ""
    return article_check(page, text, meta, body)


def _article_problems(_, page: Path) -> tuple[list[Problem], list[tuple[str, str, int]], str]:
    return article_problems(page)


def article_check(page: Path, text: str, meta: dict, body: str) -> tuple[list[Problem], list[tuple[str, str, int]], str]:
    """``article_problems`` from a page already split (ingest knows the front matter it wrote)."""
    problems = check_schema(page, text, meta, ARTICLE_SCHEMA, ARTICLE_REQUIRED)
    lines = {type_: key_line(text, type_) for type_ in ENTITY_TYPES}
    tags = [(type_, slug, lines[type_]) for type_ in ENTITY_TYPES
            for slug in (meta.get(type_) or [] if isinstance(meta.get(type_), list) else [])]
    return problems, tags, digest(fold(SECTION.sub("", body))[0].strip())  # not fold_name: its cache is for short names


def _cached(cache: FileCache, kind: str, page: Path, compute):
    sig = signature(page)
    found = cache.get(kind, page, sig)
    if found is None:
        found = compute()
        cache.put(kind, page, found, sig)
    return found


def check(docs: Path, cache: FileCache | None = None, fresh: Mapping | None = None) -> list[Problem]:
    """``fresh``: the pages ingest just wrote (``ingest.WrittenArticle`` by absolute path), not read back."""
    with opened(docs, cache) as cache:
        for path, page in (fresh or {}).items():
            cache.put("check-article", path, page.checked, page.sig)  # valid while the page is the file ingest wrote
        return _check(docs, cache)


def _check(docs: Path, cache: FileCache) -> list[Problem]:
    problems: list[Problem] = []
    slugs: dict[str, set[str]] = {t: set() for t in ENTITY_TYPES}  # live entities, redirects left out
    owners: dict[tuple[str, str], list[tuple[Path, str, int]]] = defaultdict(list)
    for type_ in ENTITY_TYPES:
        for page in entity_pages(docs, type_):
            found, redirect, claims = _cached(cache, "check-entity", page, lambda t=type_, p=page: entity_facts(t, p))
            problems += found
            if not redirect:
                slugs[type_].add(page.stem)
            for name, key, line in claims:
                owners[(type_, key)].append((page, name, line))
    for _, claims in sorted(owners.items()):
        pages = sorted({c[0] for c in claims})
        if len(pages) > 1:
            page, name, line = sorted(claims)[1]
            others = ", ".join(str(p) for p in pages if p != page)
            problems.append(Problem(page, line, f"the name “{name}” is also claimed by {others}",
                                    "keep it on one page, or merge the two entities"))
    seen_text: dict[str, Path] = {}
    pages = [p for p in md_files(docs / "articles") if p.name != INDEX]
    sigs = {page: signature(page) for page in pages}
    facts = {page: cache.get("check-article", page, sigs[page]) for page in pages}
    unread = [page for page, known in facts.items() if known is None]
    for page, known in zip(unread, map_in_order(_article_problems, unread, "check"), strict=True):
        cache.put("check-article", page, known, sigs[page])
        facts[page] = known
    for page in pages:
        found, tags, fingerprint = facts[page]
        problems += found
        for type_, slug, line in tags:
            if slug not in slugs[type_]:
                problems.append(Problem(page, line, f"unknown {type_[:-1]} `{slug}`",
                                        f"create docs/{type_}/{slug}.md, or use the slug of an existing page"))
        if not fingerprint:
            continue
        if fingerprint in seen_text:
            problems.append(Problem(page, 1, f"same text as {seen_text[fingerprint]}", "delete one of the two pages (and its raw file)"))
        seen_text.setdefault(fingerprint, page)
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.what))
