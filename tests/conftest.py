"""Small wikis built in temporary folders, so each test reads like the behaviour it checks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content.model import Entity
from generator.dev.scaffold import site_files
from generator.site.render import new_entity_page

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"


def artifact(name: str) -> Path:
    """Where a test keeps what a person may want to look at afterwards (screenshots)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def entity(type_: str, slug: str, title: str, **fields) -> Entity:
    for key in ("aliases", "ambiguous", "context", "metonyms", "demonyms"):
        fields[key] = tuple(fields.get(key, ()))
    return Entity(type_, slug, title, **fields)


def site_scaffold(root: Path) -> None:
    """What a wiki needs beside its generated pages to build (``generator.dev.scaffold.site_files``)."""
    site_files(root, ROOT)


def strict_build(root: Path, engine: str = "mkdocs", full: bool = False) -> Path:
    """A real strict build of the wiki in ``root`` by ``engine`` (only its changed pages when site/ holds the last
    build, unless ``full``), then the index step, as ``make site ENGINE=…`` runs them; fails the test on any warning.
    Returns site/."""
    result = subprocess.run([sys.executable, "-m", "generator", "build-site", "--engine", engine, *(["--full"] if full else [])],
                            cwd=root, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)})  # as the Makefile sets it
    assert result.returncode == 0, result.stderr + result.stdout
    assert "WARNING" not in result.stderr
    index = subprocess.run([sys.executable, "-m", "generator", "index-site"], cwd=root, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert index.returncode == 0, index.stderr
    return root / "site"


SMALL_REGISTRY = [
    entity("actors", "russia", "Russia", aliases=["Russian Federation"], metonyms=["Moscow", "Kremlin"], demonyms=["Russian", "Russians"], kind="state"),
    entity("actors", "turkey", "Turkey", aliases=["Türkiye"], metonyms=["Ankara"], demonyms=["Turkish", "Turks"], kind="state"),
    entity("actors", "iraq", "Iraq", metonyms=["Baghdad"], demonyms=["Iraqi", "Iraqis"], kind="state"),
    entity("actors", "syrian-government", "Syrian government", aliases=["Syrian regime", "Assad regime"], metonyms=["Damascus"], kind="government"),
    entity("actors", "syrian-democratic-forces", "Syrian Democratic Forces", aliases=["SDF", "QSD"], kind="armed group"),
    entity("actors", "free-syrian-army", "Free Syrian Army", kind="armed group"),
    entity("actors", "islamic-state", "Islamic State", aliases=["ISIS", "ISIL", "Daesh"], ambiguous=["IS"], context=["caliphate"], kind="armed group"),
    entity("actors", "bashar-al-assad", "Bashar al-Assad", aliases=["Assad"], kind="person"),
    entity("actors", "recep-tayyip-erdogan", "Recep Tayyip Erdoğan", aliases=["Erdoğan"], kind="person"),
    entity("actors", "alexander-lavrentyev", "Alexander Lavrentyev", aliases=["Lavrentyev", "Lavrentiev"], kind="person"),
    entity("locations", "syria", "Syria", kind="country", coordinates=(35.0, 38.5)),
    entity("locations", "turkey", "Turkey", kind="country", coordinates=(39.0, 35.0)),
    entity("locations", "iraq", "Iraq", kind="country", coordinates=(33.0, 44.0)),
    entity("locations", "damascus", "Damascus", kind="city", coordinates=(33.5138, 36.2765)),
    entity("locations", "moscow", "Moscow", kind="city", coordinates=(55.7558, 37.6173)),
    entity("locations", "deir-ez-zor", "Deir ez-Zor", aliases=["Deir al-Zor", "Deir Ezzor"], kind="city", coordinates=(35.336, 40.14)),
    entity("locations", "albu-kamal", "Albu Kamal", aliases=["Abu Kamal", "Bukamal"], kind="city", coordinates=(34.45, 40.92)),
    entity("locations", "kafr-awid", "Kafr Awid", kind="village", coordinates=(35.6, 36.5)),
    entity("locations", "ain-al-hour", "Ain al-Hour", kind="village", coordinates=(35.8, 36.4)),
    entity("locations", "al-tanf", "Al-Tanf", aliases=["Tanf"], kind="base", coordinates=(33.5, 38.66)),
    entity("agreements", "astana-talks", "Astana talks", aliases=["Astana process"], kind="talks"),
    entity("agreements", "moscow-protocol", "Moscow ceasefire protocol", aliases=["March 5 agreement"], kind="ceasefire"),
]


def write_registry(docs: Path, entities=SMALL_REGISTRY) -> None:
    for e in entities:
        path = docs / e.type / f"{e.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new_entity_page(e, f"About {e.title}."), encoding="utf-8")


@pytest.fixture
def wiki(tmp_path: Path) -> Path:
    """A wiki folder with a small registry and an empty seeds folder."""
    write_registry(tmp_path / "docs")
    (tmp_path / "seeds").mkdir()
    return tmp_path


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory) -> Path:
    """The committed wiki (the seeds') built as ``make site`` builds it, once for every test that only reads it."""
    root = tmp_path_factory.mktemp("seeds-site")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("lock"))
    site_scaffold(root)
    return strict_build(root)
