"""The benchmark's inputs: a deterministic synthetic corpus, and a plain build that renders the same pages."""

import shutil
import subprocess
import sys

import pytest
import yaml

from generator.dev.bench import plain_config, run, scaffold
from generator.dev.synth import synth
from generator.steps.ingest import ingest
from generator.steps.link import link
from tests.conftest import ROOT


def test_synthetic_corpus_is_deterministic_and_in_the_seeds_style(tmp_path):
    docs = ROOT / "docs"
    first = synth(30, tmp_path / "a", docs, seed=3)
    second = synth(30, tmp_path / "b", docs, seed=3)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.name for p in first] == [p.name for p in second]
    other = synth(30, tmp_path / "c", docs, seed=4)
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in first]
    text = "\n".join(p.read_text(encoding="utf-8") for p in first)
    assert "This article was translated and edited by" in text and "Published: 20" in text


@pytest.mark.slow
def test_plain_build_renders_the_same_pages_as_ours(tmp_path):
    root = tmp_path / "wiki"
    docs = scaffold(root)
    synth(15, root / "seeds", docs, seed=5)
    ingest(root / "seeds", docs)
    link(docs)
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(root)), encoding="utf-8")
    shutil.copytree(docs, plain / "docs")
    for folder in (root, plain):
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    pages = {folder: sorted(p.relative_to(folder / "site").as_posix() for p in (folder / "site").rglob("*.html")) for folder in (root, plain)}
    assert pages[root] == pages[plain]
    assert len(pages[root]) > 1000
    assert "hooks" not in plain_config(root) and "extra_javascript" not in plain_config(root)


@pytest.mark.slow
def test_peak_memory_counts_the_processes_a_command_starts(tmp_path):
    """Pagefind runs as a child of MkDocs: a peak that missed children would report a build's memory too low."""
    child = "b = bytearray(300 * 2**20); b[::4096] = b'x' * len(b[::4096]); import time; time.sleep(1)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}], check=True)"
    _, peak, _ = run([sys.executable, "-c", parent], tmp_path)
    assert 300 <= peak < 600
