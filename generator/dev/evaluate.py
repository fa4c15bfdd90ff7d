"""``python -m generator evaluate``: how well would we tag articles nobody has seen?

Runs the whole update (ingest with proposals, retag, link, check) on the annotated articles in a
fresh docs folder that holds only a copy of the registry, as an analyst's ``make site`` would, and
scores the tags: a name proposed from one article is then tagged in the others too.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from pathlib import Path

from generator.content.model import ENTITY_TYPES
from generator.content.registry import entity_pages
from generator.dev.scoring import score
from generator.pipeline import update


def copy_registry(docs: Path, target: Path) -> None:
    for type_ in ENTITY_TYPES:
        (target / type_).mkdir(parents=True, exist_ok=True)
        for page in entity_pages(docs, type_):
            shutil.copyfile(page, target / type_ / page.name)


def run(gold: Path, articles: Path, docs: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "docs"
        copy_registry(docs, scratch)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            update(articles, scratch)
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


def explain_references(files: list[Path], docs: Path) -> int:
    """For each raw file: every generic reference to an agreement, what it was taken for, and the two best candidates
    with their clues (``text/references``)."""
    from generator.content.registry import load_registry
    from generator.read.clean import clean
    from generator.read.reader import read_raw
    from generator.text.tagger import named

    registry = load_registry(docs)
    for file in files:
        raw = read_raw(file, file.parent)
        article = clean(file.name, raw.text, title=raw.title, source=raw.source, published=raw.published)
        mentions = named(article.text, registry.matcher.find(article.text), registry)
        print(f"{file} (published {article.published or 'unknown'})")
        for mention, judgement in registry.references.judge(article.text, mentions, article.published):
            verdict = mention.slug if mention else "nothing"
            print(f"  {judgement.phrase!r} → {verdict}")
            for slug, points, clues in judgement.best:
                print(f"      {slug} {points:.1f}: " + ", ".join(f"{k} {v:+.1f}" for k, v in clues.items()))
    return 0
