"""``python -m generator evaluate``: how well would we tag articles nobody has seen?

Ingests the annotated articles into a fresh docs folder that holds only a copy of the
registry (exactly how the client scores us on held-out articles) and scores the tags.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.content.model import ENTITY_TYPES
from generator.content.registry import entity_pages
from generator.dev.scoring import score
from generator.steps.ingest import ingest


def copy_registry(docs: Path, target: Path) -> None:
    for type_ in ENTITY_TYPES:
        (target / type_).mkdir(parents=True, exist_ok=True)
        for page in entity_pages(docs, type_):
            shutil.copyfile(page, target / type_ / page.name)


def run(gold: Path, articles: Path, docs: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "docs"
        copy_registry(docs, scratch)
        ingest(articles, scratch)
        return score(gold, scratch)


def evaluate(gold: Path, articles: Path, docs: Path, verbose: bool = False) -> int:
    report = run(gold, articles, docs)
    if verbose:
        for line in report["misses"]:
            print(f"missed  {line}")
        for line in report["false"]:
            print(f"false   {line}")
    for t, s in report["scores"].items():
        print(f"{t:<11} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}  (tp={s['tp']} fp={s['fp']} fn={s['fn']})")
    return 0
