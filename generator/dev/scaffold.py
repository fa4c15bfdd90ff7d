"""What a wiki folder needs beside its pages to build: mkdocs.yml, the editing guide, the assets.

Shared by the benchmark (``bench``), which builds synthetic wikis in temporary folders, and by the tests, which
build small ones. ``project`` is the repository the files are copied from: this one unless told otherwise.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.content.model import ENTITY_TYPES
from generator.content.registry import entity_pages

ROOT = Path(__file__).resolve().parents[2]


def mkdocs_config(project: Path = ROOT) -> dict:
    """The project's mkdocs.yml as plain data (every scalar a string: ``!!python/name`` tags are not resolved)."""
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


GENERATED_ASSETS = ("situation.json", "names.json", "situation")  # under docs/assets/wiki/, by site/situation.py


def site_files(root: Path, project: Path = ROOT) -> None:
    """What a wiki needs beside its pages to build: mkdocs.yml, the editing guide, the site's assets. No code: every
    engine builds it alone, and the index step (``python -m generator index-site``) runs from the project."""
    shutil.copy(project / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").mkdir(exist_ok=True)
    shutil.copy(project / "docs" / "editing.md", root / "docs" / "editing.md")
    # Not the project's own situation picture: link writes each wiki's from its own articles.
    shutil.copytree(project / "docs" / "assets", root / "docs" / "assets", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(*GENERATED_ASSETS))


def scaffold(root: Path, project: Path = ROOT) -> Path:
    """A wiki folder with the committed registry and ``site_files``; returns its docs/."""
    docs = root / "docs"
    for type_ in ENTITY_TYPES:
        (docs / type_).mkdir(parents=True, exist_ok=True)
        for page in entity_pages(project / "docs", type_):
            shutil.copy(page, docs / type_ / page.name)
    site_files(root, project)
    return docs
