"""``python -m generator bench N``: what the pipeline costs at N articles, next to a plain MkDocs build.

Builds a synthetic wiki of N articles (``synth``) on the committed registry, then runs each
step as its own process — ingest, retag + link, check, ``mkdocs build --strict`` — timing it
and reading its peak memory; runs them all again with nothing changed; and builds the same
pages with a plain mkdocs-material configuration (no hook, no scripts of ours), the floor of
any MkDocs-based wiki. Ends with ``ratio: X.XX`` = our full ``make site`` / the plain build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from generator.model import ENTITY_TYPES
from generator.registry import entity_pages
from generator.synth import synth

ROOT = Path(__file__).resolve().parent.parent


def plain_config(project: Path) -> dict:
    """Our mkdocs.yml without anything of ours: material, search, the same nav."""
    ours = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return {"site_name": ours["site_name"], "docs_dir": "docs", "theme": {"name": "material"}, "plugins": ["search"],
            "nav": ours["nav"]}


def scaffold(root: Path, project: Path = ROOT) -> Path:
    """A wiki folder with the committed registry, mkdocs.yml, hook and assets; returns its docs/."""
    docs = root / "docs"
    for type_ in ENTITY_TYPES:
        (docs / type_).mkdir(parents=True, exist_ok=True)
        for page in entity_pages(project / "docs", type_):
            shutil.copy(page, docs / type_ / page.name)
    shutil.copy(project / "docs" / "editing.md", docs / "editing.md")
    shutil.copytree(project / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    shutil.copy(project / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").mkdir(exist_ok=True)
    shutil.copy(project / "generator" / "mkdocs_hooks.py", root / "generator" / "mkdocs_hooks.py")
    return docs


def run(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in MB of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0,):
        raise SystemExit(f"{' '.join(cmd)} failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss // 1024


def snapshot(folder: Path) -> dict[str, int]:
    """Every file's modification time, but the run lock's and the local cache's."""
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file() and p.name != "lock" and "cache" not in p.parent.parts}


def one_change(root: Path, py: list[str]) -> tuple[float, float, int]:
    """An analyst adds a paragraph to one raw article: (update s, dirty rebuild s, pages written) — what `make serve` does."""
    raw = sorted((root / "seeds").iterdir())[len(list((root / "seeds").iterdir())) // 2]
    with raw.open("a", encoding="utf-8") as f:
        f.write("\nRussian and Turkish officials met in Manbij on Tuesday to discuss the Astana talks.\n")
    before = snapshot(root / "docs")
    update, _ = run(py + ["update"], root)
    written = sum(1 for p, m in snapshot(root / "docs").items() if before.get(p) != m)
    rebuild, _ = run([sys.executable, "-m", "mkdocs", "build", "-q", "--dirty"], root)
    return update, rebuild, written


def bench(n: int, keep: Path | None = None) -> float:
    root = Path(keep or tempfile.mkdtemp(prefix=f"bench-{n}-"))
    docs = scaffold(root)
    synth(n, root / "seeds", docs)
    py = [sys.executable, "-m", "generator"]
    steps = [("ingest", py + ["ingest", "--seeds", "seeds", "--docs", "docs"]), ("retag", py + ["retag", "--docs", "docs"]),
             ("link", py + ["link", "--docs", "docs"]), ("check", py + ["check", "--docs", "docs"]),
             ("mkdocs build", [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"])]
    print(f"== {n} articles, {sum(1 for _ in (docs / 'actors').glob('*.md'))} actor pages, in {root}")
    first = {}
    for name, cmd in steps:
        first[name] = run(cmd, root)
        print(f"{name:<14} {first[name][0]:8.2f} s  {1000 * first[name][0] / n:7.2f} ms/article  peak {first[name][1]:5d} MB")
    ours = sum(t for t, _ in first.values())
    linking = first["ingest"][0] + first["retag"][0] + first["link"][0]
    print(f"{'make site':<14} {ours:8.2f} s  {1000 * ours / n:7.2f} ms/article  (ingest+linking {linking:.2f} s)")
    before = snapshot(docs)
    again, _ = run(py + ["update"], root)
    written = [p for p, m in snapshot(docs).items() if before.get(p) != m]
    print(f"{'no-change run':<14} {again:8.2f} s  for ingest+retag+link+check (python -m generator update); files written: {len(written)}")
    update, rebuild, changed = one_change(root, py)
    print(f"{'one article':<14} {update + rebuild:8.2f} s  = update {update:.2f} s ({changed} files written) + dirty rebuild {rebuild:.2f} s")
    search = root / "site" / "search" / "search_index.json"
    print(f"{'search index':<14} {search.stat().st_size / 1e6:8.2f} MB downloaded before the first result")
    plain = root / "plain"
    plain.mkdir()
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(root)), encoding="utf-8")
    os.symlink(docs, plain / "docs")
    plain_time, plain_mem = run([sys.executable, "-m", "mkdocs", "build", "-q"], plain)
    print(f"{'plain build':<14} {plain_time:8.2f} s  {1000 * plain_time / n:7.2f} ms/article  peak {plain_mem:5d} MB")
    ratio = ours / plain_time
    print(f"peak memory: {max(m for _, m in first.values())} MB")
    print(f"ratio: {ratio:.2f}")
    if keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return ratio
