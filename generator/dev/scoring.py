"""The client's scorer (``shared/eval/score.py``), kept here verbatim but for ``prf`` at module level, so the
tests and ``python -m generator evaluate`` measure exactly what the client measures.

Score the entity tags of generated article pages against reference annotations.

    python score.py --gold seeds-gold.yaml --docs DOCS_DIR [--json]

DOCS_DIR is a wiki's docs folder laid out by the content contract:

  DOCS_DIR/articles/*.md   front matter: title, original (the raw file's name),
                           actors, locations, agreements (lists of entity slugs)
  DOCS_DIR/<type>/<slug>.md  front matter: title, aliases (list)

An article's tagged entity matches a reference entity when any of its names
(title, aliases, or the slug spelled out) equals, after normalisation, the
reference name, one of its other well-known names (`aka`), or one of the forms
seen in the article.  Matching is one to one, and as many pairs as possible are
made (a maximum bipartite matching, so the order of the entries does not matter).
Entities that match an `optional_*` reference or a cited media outlet (`sources` or `media`)
are neither rewarded nor penalised.  Prints precision, recall and F1 per type
and overall (micro-averaged), then one line per miss and per false tag.
Needs PyYAML only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

TYPES = ("actors", "locations", "agreements")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-"})


def norm(name: str) -> str:
    """Casefold, strip accents, unify quotes and dashes, drop a leading article."""
    s = unicodedata.normalize("NFKD", str(name).translate(_QUOTES))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[\"'`]", "", s)
    s = re.sub(r"[^0-9a-z]+", " ", s).strip()
    s = re.sub(r"^(the|al|el)\s+", "", s)
    return s


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    parts = text.split("\n---", 1)
    if len(parts) < 2:
        return {}
    data = yaml.safe_load(parts[0][3:]) or {}
    return data if isinstance(data, dict) else {}


def entity_names(docs: Path, kind: str, slug: str, cache: dict) -> set[str]:
    key = (kind, slug)
    if key not in cache:
        names = {norm(slug.replace("-", " ").replace("_", " "))}
        page = docs / kind / f"{slug}.md"
        if page.is_file():
            meta = front_matter(page)
            names.add(norm(meta.get("title", "")))
            for alias in meta.get("aliases") or []:
                names.add(norm(alias))
        cache[key] = {n for n in names if n}
    return cache[key]


def gold_names(entry: dict) -> set[str]:
    names = [entry["name"], *(entry.get("aka") or []), *(entry.get("seen") or [])]
    return {norm(n) for n in names if norm(n)}


def match(system: dict[str, set[str]], gold: list[dict]) -> tuple[list, list]:
    """Maximum one-to-one matching (augmenting paths); returns (matched pairs, unmatched gold)."""
    slugs = sorted(system)
    edges = [[s for s in slugs if system[s] & gold_names(g)] for g in gold]
    owner: dict[str, int] = {}  # system slug -> index of the gold entry it is matched to

    def augment(i: int, seen: set[str]) -> bool:
        for s in edges[i]:
            if s in seen:
                continue
            seen.add(s)
            if s not in owner or augment(owner[s], seen):
                owner[s] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    matched = {i: s for s, i in owner.items()}
    pairs = [(matched[i], g["name"]) for i, g in enumerate(gold) if i in matched]
    missed = [g["name"] for i, g in enumerate(gold) if i not in matched]
    return pairs, missed


def prf(c):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {**c, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def score(gold_path: Path, docs: Path) -> dict:
    raw = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    # keys are raw file names; a bare stem ("001") stands for "001.txt"
    gold = {k if "." in str(k) else f"{k}.txt": v for k, v in raw.items()}
    pages = {}
    for page in sorted((docs / "articles").glob("*.md")):
        meta = front_matter(page)
        if meta.get("original"):
            pages[Path(str(meta["original"])).name] = (page, meta)
    cache: dict = {}
    totals = {t: {"tp": 0, "fp": 0, "fn": 0} for t in TYPES}
    report = {"missing_articles": [], "titles": [], "misses": [], "false": []}
    for original, ref in gold.items():
        if original not in pages:
            report["missing_articles"].append(original)
            for t in TYPES:
                totals[t]["fn"] += len(ref.get(t) or [])
            continue
        page, meta = pages[original]
        if ref.get("title"):
            report["titles"].append({"article": original, "ok": norm(meta.get("title", "")) == norm(ref["title"])})
        ignorable = {norm(s) for s in (ref.get("sources") or []) + (ref.get("media") or [])}
        for t in TYPES:
            slugs = [str(s) for s in meta.get(t) or []]
            system = {s: entity_names(docs, t, s, cache) for s in slugs}
            pairs, missed = match(system, ref.get(t) or [])
            matched = {s for s, _ in pairs}
            rest = {s: n for s, n in system.items() if s not in matched}
            opt_pairs, _ = match(rest, ref.get(f"optional_{t}") or [])
            excused = {s for s, _ in opt_pairs} | {s for s, n in rest.items() if n & ignorable}
            false = sorted(s for s in rest if s not in excused)
            totals[t]["tp"] += len(pairs)
            totals[t]["fn"] += len(missed)
            totals[t]["fp"] += len(false)
            report["misses"] += [f"{original} {t}: {m}" for m in missed]
            report["false"] += [f"{original} {t}: {f}" for f in false]
    all_c = {k: sum(totals[t][k] for t in TYPES) for k in ("tp", "fp", "fn")}
    report["scores"] = {**{t: prf(c) for t, c in totals.items()}, "overall": prf(all_c)}
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--docs", type=Path, required=True)
    ap.add_argument("--json", action="store_true", help="print the whole report as JSON")
    args = ap.parse_args()
    rep = score(args.gold, args.docs)
    if args.json:
        print(json.dumps(rep, indent=2, ensure_ascii=False))
        return 0
    for line in rep["missing_articles"]:
        print(f"no article page has original: {line}")
    for line in rep["misses"]:
        print(f"missed  {line}")
    for line in rep["false"]:
        print(f"false   {line}")
    bad_titles = [t["article"] for t in rep["titles"] if not t["ok"]]
    if bad_titles:
        print("title differs: " + ", ".join(bad_titles))
    for t, s in rep["scores"].items():
        print(f"{t:<11} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}  (tp={s['tp']} fp={s['fp']} fn={s['fn']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
