"""Issue 17, case 2: a run killed at any point leaves nothing the next run trips on.

A real ``python -m generator update`` on a few hundred synthetic articles is killed (SIGKILL) at
random points; a second run completes it. The wiki it leaves must be the one an uninterrupted run
writes, page for page and byte for byte (the generator's own folder aside: its state may hold less
that a rebuilt record cannot know), with no temporary file left behind.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.dev.scaffold import scaffold
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def run(root: Path, kill_after: float | None = None, kill_at_page: int | None = None) -> float:
    """Runs the update; kills it after ``kill_after`` seconds, or once ``kill_at_page`` article pages exist (ingest writes
    them all within a fraction of a second: a kill by time alone seldom lands there)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "update", "--seeds", str(root / "seeds"), "--docs", str(root / "docs")],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    articles = root / "docs" / "articles"
    while proc.poll() is None:
        if kill_after is not None and time.perf_counter() - start > kill_after or \
                kill_at_page is not None and articles.is_dir() and sum(1 for _ in os.scandir(articles)) >= kill_at_page:
            os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, as a power cut or an OOM kill would
            break
        time.sleep(0.002)
    proc.wait()
    return time.perf_counter() - start


def pages(docs: Path) -> dict[str, bytes]:
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*"))
            if p.is_file() and ".generator" not in p.relative_to(docs).parts}


@pytest.fixture(scope="module")
def start(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("start")
    scaffold(root)
    shutil.copytree(ROOT / "seeds", root / "seeds")
    subprocess.run([sys.executable, "-m", "generator", "synth", "300", "--out", str(root / "seeds"), "--docs", str(ROOT / "docs")],
                   cwd=ROOT, check=True, capture_output=True)
    return root


@pytest.fixture(scope="module")
def uninterrupted(start, tmp_path_factory) -> tuple[dict[str, bytes], float]:
    root = tmp_path_factory.mktemp("whole")
    shutil.copytree(start, root, dirs_exist_ok=True)
    took = run(root)
    return pages(root / "docs"), took


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(when=st.one_of(st.tuples(st.just("time"), st.floats(min_value=0.05, max_value=1.0)),
                      st.tuples(st.just("page"), st.integers(min_value=1, max_value=305))))
def test_a_killed_run_then_a_whole_one_writes_the_uninterrupted_wiki(start, uninterrupted, tmp_path_factory, when):
    expected, took = uninterrupted
    root = tmp_path_factory.mktemp("killed")
    shutil.copytree(start, root, dirs_exist_ok=True)
    how, at = when
    run(root, kill_after=at * took) if how == "time" else run(root, kill_at_page=at)
    run(root)
    assert pages(root / "docs") == expected
    assert not [p for p in root.rglob("*.tmp")]
    assert run(root) and pages(root / "docs") == expected
