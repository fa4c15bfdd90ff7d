"""No broken internal link, checked by LinkChecker over a real build: the seeds and 2,000 synthetic articles."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from generator.content.registry import entity_pages
from generator.dev.synth import synth
from generator.steps.check import check
from generator.steps.ingest import ingest
from generator.steps.link import link
from generator.steps.retag import retag
from tests.conftest import ROOT, site_scaffold, strict_build

pytestmark = pytest.mark.slow

LINKCHECKER = [sys.executable, "-m", "linkcheck", "--no-status", "--no-warnings", "-t", "2"]


def build(root: Path, docs: Path) -> Path:
    site_scaffold(root)
    return strict_build(root)


def linkcheck(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*LINKCHECKER, str(site / "index.html")], capture_output=True, text=True)


@pytest.fixture
def tmp_path(tmp_path):
    """A folder LinkChecker can read: run as root, it drops to user ``nobody``, who cannot enter pytest's own."""
    if os.geteuid() != 0:
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="links-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_linkchecker_really_reports_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<a href="missing/">gone</a> <a href="other.html">ok</a>', encoding="utf-8")
    (tmp_path / "other.html").write_text("fine", encoding="utf-8")
    result = linkcheck(tmp_path)
    assert result.returncode == 1 and "missing" in result.stdout


def test_seed_wiki_has_no_broken_link(tmp_path):
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("lock"))
    result = linkcheck(build(tmp_path, tmp_path / "docs"))
    assert result.returncode == 0, result.stdout[-3000:]


def test_two_thousand_synthetic_articles_have_no_broken_link(tmp_path):
    docs, seeds = tmp_path / "docs", tmp_path / "seeds"
    for type_ in ("actors", "locations", "agreements"):
        (docs / type_).mkdir(parents=True)
        for page in entity_pages(ROOT / "docs", type_):
            shutil.copy(page, docs / type_ / page.name)
    assert len(synth(2000, seeds, docs, seed=7)) == 2000
    ingest(seeds, docs)
    retag(docs)
    link(docs)
    assert [str(p) for p in check(docs)] == []
    site = build(tmp_path, docs)
    assert len(list((site / "articles").glob("*/index.html"))) == 2000
    result = linkcheck(site)
    assert result.returncode == 0, result.stdout[-3000:]
    assert " 0 errors found" in result.stdout
