"""``python -m generator bench N``: what the pipeline costs at N articles, next to a plain MkDocs build.

Builds a synthetic wiki of N articles (``synth``) on the committed registry, then runs each
step as its own process — ingest, retag + link, check, ``mkdocs build --strict`` — timing it
and reading its peak memory; runs them all again with nothing changed; and builds the same
pages with a plain mkdocs-material configuration (no hook, no scripts of ours), the floor of
any MkDocs-based wiki. Ends with ``ratio: X.XX`` = our full ``make site`` / the plain build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from generator.mkdocs_hooks import SERVE
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


def run(cmd: list[str], cwd: Path, output: bool = False, env: dict | None = None) -> tuple[float, int, str]:
    """Wall time in seconds, peak resident memory in MB (of the command and the children it waited for) and its output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=cwd, stdout=out if output else subprocess.DEVNULL, stderr=err,
                                   env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        out.seek(0), err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {err.read().decode()[-2000:]}")
        return elapsed, usage.ru_maxrss // 1024, out.read().decode()


def snapshot(folder: Path) -> dict[str, int]:
    """Every file's modification time, but the run lock's and the local cache's."""
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file() and p.name != "lock" and "cache" not in p.parent.parts}


def one_change(root: Path) -> tuple[float, float, int]:
    """An analyst adds a paragraph to one raw article and `make serve` rebuilds: (seconds in all, the generator's part, files written).

    The rebuild is the one the live preview runs: the hook's update, then MkDocs building only the changed pages.
    """
    raws = sorted((root / "seeds").iterdir())
    raw = raws[len(raws) // 2]
    with raw.open("a", encoding="utf-8") as f:
        f.write("\nRussian and Turkish officials met in Manbij on Tuesday to discuss the Astana talks.\n")
    before = snapshot(root / "docs")
    took, _, out = run([sys.executable, "-m", "mkdocs", "build", "-q", "--dirty", "--no-strict"], root, output=True, env={SERVE: "1"})
    written = sum(1 for p, m in snapshot(root / "docs").items() if before.get(p) != m)
    return took, sum(float(t) for t in re.findall(r"took ([\d.]+) s", out)), written


QUERIES = ("Bukamal", "QSD", "Lavrentiev", "Damascus", "ceasefire")
SEARCH = """async (q) => {
  const t0 = performance.now();
  const pf = await import("/pagefind/pagefind.js");
  await pf.options({ranking: {metaWeights: {aliases: 10}}});
  await pf.init();
  const t1 = performance.now();
  const s = await pf.search(q);
  const low = q.toLowerCase(), key = "alias-" + (low[0] >= "a" && low[0] <= "z" ? low[0] : "0");
  const exact = (await pf.search(q, {filters: {[key]: low}})).results;
  const ids = new Set(exact.map((r) => r.id));
  const items = await Promise.all([...exact, ...s.results.filter((r) => !ids.has(r.id))].slice(0, 5).map((r) => r.data()));
  return {init: t1 - t0, search: performance.now() - t1, first: items.length ? items[0].url : ""};
}"""


def search_cost(site: Path) -> list[tuple[str, int, int, float, float, str]]:
    """Per query, in a fresh headless Chromium: (query, bytes served, bytes if gzipped by the host, init ms, search ms, first hit).

    The same calls as the site's search box (assets/wiki/search.js). Bytes are counted by the
    server: Pagefind fetches from a worker, which a page's own network events do not show.
    """
    import functools
    import gzip
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    served: list[bytes] = []

    class Counting(http.server.SimpleHTTPRequestHandler):
        def copyfile(self, source, outputfile):
            data = source.read()
            served.append(data)
            outputfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    (site / "_bench.html").write_text("<!doctype html><title>bench</title>", encoding="utf-8")
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for query in QUERIES:
                context = browser.new_context()  # a reader arriving with nothing cached
                page = context.new_page()
                page.goto(base + "_bench.html")
                served.clear()
                result = page.evaluate(SEARCH, query)
                raw = sum(len(d) for d in served)
                packed = sum(min(len(d), len(gzip.compress(d))) for d in served)
                rows.append((query, raw, packed, result["init"], result["search"], result["first"]))
                context.close()
            browser.close()
    finally:
        server.shutdown()
        (site / "_bench.html").unlink()
    return rows


def bench(n: int, keep: Path | None = None) -> float:
    root = Path(keep or tempfile.mkdtemp(prefix=f"bench-{n}-"))
    docs = scaffold(root)
    synth(n, root / "seeds", docs)
    py = [sys.executable, "-m", "generator"]
    print(f"== {n} articles, {sum(1 for _ in (docs / 'actors').glob('*.md'))} actor pages, in {root}")
    update, update_mem, out = run(py + ["update"], root, output=True)
    steps = {name: float(t) for name, t in re.findall(r"\((\w+) took ([\d.]+) s\)", out)}
    for name, took in steps.items():
        print(f"{name:<14} {took:8.2f} s  {1000 * took / n:7.2f} ms/article")
    print(f"{'update':<14} {update:8.2f} s  peak {update_mem:5d} MB  (the four steps above in one process, as make site runs them)")
    build, build_mem, _ = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], root)
    print(f"{'mkdocs build':<14} {build:8.2f} s  {1000 * build / n:7.2f} ms/article  peak {build_mem:5d} MB  (with the Pagefind index)")
    ours = update + build
    linking = steps["ingest"] + steps["retag"] + steps["link"]
    print(f"{'make site':<14} {ours:8.2f} s  {1000 * ours / n:7.2f} ms/article  (ingest+linking {linking:.2f} s)")
    before = snapshot(docs)
    again, _, _ = run(py + ["update"], root)
    written = [p for p, m in snapshot(docs).items() if before.get(p) != m]
    print(f"{'no-change run':<14} {again:8.2f} s  for ingest+retag+link+check (python -m generator update); files written: {len(written)}")
    took, generator, changed = one_change(root)
    print(f"{'one article':<14} {took:8.2f} s  saved to visible in make serve: the generator {generator:.2f} s ({changed} files written), "
          f"then MkDocs rebuilding those pages")
    index = sum(f.stat().st_size for f in (root / "site" / "pagefind").rglob("*") if f.is_file())
    print(f"{'search index':<14} {index / 1e6:8.2f} MB on disk (Pagefind); what one query downloads, cold, in headless Chromium:")
    for query, raw, packed, init, took, hit in search_cost(root / "site"):
        print(f"  {query:<12} {raw / 1000:6.0f} kB ({packed / 1000:4.0f} kB gzipped)  load {init:4.0f} ms + search {took:4.0f} ms  first: {hit}")
    plain = root / "plain"
    plain.mkdir()
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(root)), encoding="utf-8")
    os.symlink(docs, plain / "docs")
    plain_time, plain_mem, _ = run([sys.executable, "-m", "mkdocs", "build", "-q"], plain)
    print(f"{'plain build':<14} {plain_time:8.2f} s  {1000 * plain_time / n:7.2f} ms/article  peak {plain_mem:5d} MB")
    ratio = ours / plain_time
    print(f"peak memory: {max(update_mem, build_mem)} MB (plain build: {plain_mem} MB)")
    print(f"ratio: {ratio:.2f}")
    if keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return ratio
