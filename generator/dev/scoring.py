"""Tag quality against reference annotations, with the rules of the client's scorer.

An article's tag matches a reference entity when one of its names (title, aliases, slug
spelled out) equals, after normalisation, the reference name or a form seen in the
article; matching is one to one; optional entities and cited outlets are neither
rewarded nor penalised. Micro-averaged precision, recall and F1 per type and overall.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from generator.content.article import tags_in
from generator.content.model import ENTITY_TYPES
from generator.content.pages import split

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-"})


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", str(name).translate(_QUOTES))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[\"'`]", "", s)
    s = re.sub(r"[^0-9a-z]+", " ", s).strip()
    return re.sub(r"^(the|al|el)\s+", "", s)


def _names(docs: Path, type_: str, slug: str, cache: dict) -> set[str]:
    if (type_, slug) not in cache:
        names = {norm(slug.replace("-", " "))}
        page = docs / type_ / f"{slug}.md"
        if page.is_file():
            meta = split(page.read_text(encoding="utf-8"))[0]
            names |= {norm(meta.get("title", ""))} | {norm(a) for a in meta.get("aliases") or []}
        cache[(type_, slug)] = {n for n in names if n}
    return cache[(type_, slug)]


def _match(system: dict[str, set[str]], gold: list[dict]) -> tuple[list, list]:
    pairs, missed, used = [], [], set()
    for g in gold:
        names = {norm(n) for n in [g["name"], *g.get("seen", [])] if norm(n)}
        hit = next((s for s, sn in sorted(system.items()) if s not in used and sn & names), None)
        if hit is None:
            missed.append(g["name"])
        else:
            used.add(hit)
            pairs.append((hit, g["name"]))
    return pairs, missed


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(gold_path: Path, docs: Path) -> dict:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    pages = {}
    for page in sorted((docs / "articles").glob("*.md")):
        meta = split(page.read_text(encoding="utf-8"))[0]
        if meta.get("original"):
            pages[Path(str(meta["original"])).name] = meta
    cache: dict = {}
    totals = {t: [0, 0, 0] for t in ENTITY_TYPES}
    misses, false = [], []
    for original, ref in gold.items():
        meta = pages.get(original)
        ignorable = {norm(s) for s in (ref.get("sources") or []) + (ref.get("media") or [])}
        for t in ENTITY_TYPES:
            if meta is None:
                totals[t][2] += len(ref.get(t) or [])
                continue
            system = {s: _names(docs, t, s, cache) for type_, s in tags_in(meta) if type_ == t}
            pairs, missed = _match(system, ref.get(t) or [])
            rest = {s: n for s, n in system.items() if s not in {p for p, _ in pairs}}
            optional, _ = _match(rest, ref.get(f"optional_{t}") or [])
            excused = {s for s, _ in optional} | {s for s, n in rest.items() if n & ignorable}
            wrong = sorted(s for s in rest if s not in excused)
            totals[t][0] += len(pairs)
            totals[t][1] += len(wrong)
            totals[t][2] += len(missed)
            misses += [f"{original} {t}: {m}" for m in missed]
            false += [f"{original} {t}: {w}" for w in wrong]
    scores = {t: prf(*c) for t, c in totals.items()}
    scores["overall"] = prf(*(sum(c[i] for c in totals.values()) for i in range(3)))
    return {"scores": scores, "misses": misses, "false": false}
