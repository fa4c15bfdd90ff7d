"""``python -m generator bench N``: what the pipeline costs at N articles, next to a plain MkDocs build.

Builds a synthetic wiki of N articles (``synth``) on the committed registry, then runs
``make site`` as it runs — ``python -m generator update`` (each step's time from its output)
then the build step (``mkdocs build --strict``, all pages on a new site/) and the index step — reading each one's peak memory (all its processes together); runs
the update again with nothing changed; starts a real preview (``python -m generator serve``)
and times one raw article's change until the article and a place's page show it as served;
types seven queries (one to four words) into the site's search box in headless Chromium, counting what the
server sends; times ``make site`` after one new raw article (``incremental:``) and Zensical's build of the same
pages; and builds the same pages with a plain mkdocs-material configuration (no hook,
no scripts of ours), the floor of any MkDocs-based wiki. The update and both builds run twice,
the second round on a copy of the wiki made before the first (see ``bench``), and the faster
of each counts: on a shared machine a step's time varies by a fifth between runs. The figures are
printed at the end. Ends with ``ratio: X.XX`` = our ``make site`` / the plain build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import yaml

from generator.content.pages import split
from generator.content.registry import load_registry
from generator.dev.scaffold import mkdocs_config as _config
from generator.dev.scaffold import scaffold
from generator.dev.synth import synth
from generator.settings import site_settings
from generator.store.state import STATE_FILE

ROOT = Path(__file__).resolve().parents[2]


def plain_config(project: Path) -> dict:
    """Our mkdocs.yml without anything of ours: material, search, the same nav."""
    ours = _config(project)
    return {"site_name": ours["site_name"], "docs_dir": "docs", "theme": {"name": "material"}, "plugins": ["search"],
            "nav": ours["nav"]}


def _tree(pid: int) -> list[int]:
    """The process and all its descendants, alive now."""
    found, todo = [], [pid]
    while todo:
        found.append(todo.pop())
        try:
            for task in os.listdir(f"/proc/{found[-1]}/task"):
                with open(f"/proc/{found[-1]}/task/{task}/children", encoding="ascii") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return found


def _pss(pid: int) -> int:
    """Proportional set size in bytes: a page shared by forked workers is counted once across them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            return next((int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:")), 0)
    except OSError:
        return 0


SAMPLE_EVERY = 0.2  # seconds between two readings of the memory


def run(cmd: list[str], cwd: Path, output: bool = False, env: dict | None = None) -> tuple[float, int, str]:
    """Wall time in seconds, peak memory in MB and the output of a command.

    Memory is what the machine must hold: the sum over the command and every process it starts
    (workers, Pagefind under MkDocs) at the same moment, read from /proc every 0.2 s, or less often when a reading
    takes long (reading a process of 6 GB took a third of a core at 0.2 s). The largest single
    process's peak (``ru_maxrss``) would miss Pagefind running next to MkDocs.
    """
    os.sync()  # what earlier steps wrote is on disk: a step is not timed while the system writes back another's files
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=cwd, stdout=out if output else subprocess.DEVNULL, stderr=err,
                                   env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
        peak, sampled, every = 0, 0.0, SAMPLE_EVERY
        while process.poll() is None:
            if time.perf_counter() - sampled >= every:
                sampled = time.perf_counter()
                peak = max(peak, sum(_pss(pid) for pid in _tree(process.pid)))
                # Reading a process of gigabytes takes its kernel a while: at most 5% of a core goes to watching.
                every = max(SAMPLE_EVERY, 20 * (time.perf_counter() - sampled))
            try:
                process.wait(timeout=0.02)  # the end of the command is seen within 20 ms
            except subprocess.TimeoutExpired:
                pass
        elapsed = time.perf_counter() - start
        out.seek(0), err.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {err.read().decode()[-2000:]}")
        return elapsed, peak // 2**20, out.read().decode()


def snapshot(folder: Path) -> dict[str, int]:
    """Every file's modification time, but the run lock's and the local cache's."""
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file() and p.name != "lock" and "cache" not in p.parent.parts}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _shows(url: str, text: str) -> bool:
    try:
        return text in urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
    except OSError:
        return False


def live_change(root: Path) -> tuple[float, float, float]:
    """An analyst adds a sentence naming another place to one raw article while ``make serve`` runs.

    A real preview (``python -m generator serve``) on the site ``make site`` built; returns the
    seconds it took to start, the seconds from the save until the article page and the place's
    page both show the change as served, and the generator's share of those.
    """
    docs = root / "docs"
    raws = sorted((root / "seeds").iterdir())
    raw = raws[len(raws) // 2]
    slug = json.loads((docs / STATE_FILE).read_text(encoding="utf-8"))["articles"][raw.name]["slug"]
    tagged = set(split((docs / "articles" / f"{slug}.md").read_text(encoding="utf-8"))[0].get("locations") or [])
    place = next(e for e in sorted(load_registry(docs).entities.values(), key=lambda e: e.key)
                 if e.type == "locations" and e.kind == "city" and not e.proposed and e.slug not in tagged)
    port = free_port()
    base = f"http://127.0.0.1:{port}{urllib.parse.urlsplit(site_settings(docs.parent / 'mkdocs.yml')[0] or '/').path}"
    log = open(root / "serve.log", "w", encoding="utf-8")  # noqa: SIM115 — closed below, after the server
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                              stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        while not _shows(base, "<html"):
            if server.poll() is not None or time.perf_counter() - start > 900:
                raise SystemExit(f"the preview did not start: {(root / 'serve.log').read_text(encoding='utf-8')[-2000:]}")
            time.sleep(0.2)
        started = time.perf_counter() - start
        time.sleep(2)  # the server settles: what follows is one save, not the end of start-up
        marked = len((root / "serve.log").read_text(encoding="utf-8"))
        with raw.open("a", encoding="utf-8") as f:
            f.write(f"\nA delegation of 41 observers met officials in {place.title} on Tuesday to discuss the Astana talks.\n")
        saved = time.perf_counter()
        while not (_shows(f"{base}articles/{slug}/", "delegation of 41 observers")
                   and _shows(f"{base}locations/{place.slug}/", f"articles/{slug}/")):
            if time.perf_counter() - saved > 300:
                raise SystemExit(f"the change did not show in the preview: {(root / 'serve.log').read_text(encoding='utf-8')[-2000:]}")
            time.sleep(0.05)
        took = time.perf_counter() - saved
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    after = (root / "serve.log").read_text(encoding="utf-8")[marked:]
    return started, took, sum(float(t) for t in re.findall(r"took ([\d.]+) s", after))


QUERIES = ("Bukamal", "QSD", "Lavrentiev", "Damascus", "ceasefire", "Free Syrian Army", "Hayat Tahrir al-Sham")
WATCH = """() => {
  const input = document.querySelector("input.pf-search__input"), list = document.querySelector(".pf-search__results");
  window.__typed = 0; window.__shown = 0;
  input.addEventListener("input", () => { window.__typed = performance.now(); window.__shown = 0; });
  new MutationObserver(() => {
    if (!window.__shown && list.querySelector(".pf-search__hit")) window.__shown = performance.now();
  }).observe(list, {childList: true, subtree: true});
}"""
TYPING_DELAY = 80  # ms between keystrokes: a fast typist
DEBOUNCE = int(re.search(r"const DEBOUNCE = (\d+);", (ROOT / "docs/assets/wiki/search.js").read_text(encoding="utf-8"))[1])


def search_cost(site: Path) -> list[tuple[str, int, int, float, str]]:
    """Per query, a reader arriving on the home page with nothing cached types it into the search box (headless
    Chromium): (query, bytes served from focusing the box to the results, the same if the host gzips, milliseconds
    from the last keystroke to the results on screen, the first result).

    Bytes are counted by the server: Pagefind fetches from a worker, which a page's own network events do not show.
    """
    import gzip

    from playwright.sync_api import sync_playwright

    rows = []
    with served_counting(site) as (base, served):
        with sync_playwright() as p:
            browser = _chromium(p)
            for query in QUERIES:
                context = browser.new_context()  # a reader arriving with nothing cached
                page = context.new_page()
                page.goto(base + "index.html", wait_until="load")
                page.wait_for_load_state("networkidle")  # the home page's own data (home_cost) is not the query's
                page.evaluate(WATCH)
                served.clear()
                page.focus("input.pf-search__input")
                page.keyboard.type(query, delay=TYPING_DELAY)
                page.wait_for_function("window.__shown > window.__typed", timeout=60_000)
                page.wait_for_timeout(500)  # fragments still on their way are counted too
                took = page.evaluate("window.__shown - window.__typed")
                first = page.locator(".pf-search__hit").first.get_attribute("href") or ""
                raw = sum(len(d) for d in served)
                packed = sum(min(len(d), len(gzip.compress(d))) for d in served)
                rows.append((query, raw, packed, took, first))
                context.close()
            browser.close()
    return rows


def _chromium(playwright):
    """Debian's headless Chromium, as the browser tests start it."""
    return playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", headless=True,
                                      args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])


@contextmanager
def served_counting(site: Path):
    """``site`` on 127.0.0.1, and the list of what it served (bytes of each response), for the duration of the block."""
    import functools
    import http.server
    import threading

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
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", served
    finally:
        server.shutdown()
        server.server_close()


def home_cost(site: Path) -> tuple[int, int, float, float]:
    """A reader opening the home page with nothing cached (headless Chromium): (bytes of its own data, the situation
    picture's JSON; the same gzipped; milliseconds from navigation to the picture drawn; milliseconds to draw it again
    for the whole span, "All")."""
    import gzip

    from playwright.sync_api import sync_playwright

    data = (site / "assets" / "wiki" / "situation.json").read_bytes()
    with served_counting(site) as (base, _), sync_playwright() as p:
        browser = _chromium(p)
        page = browser.new_context().new_page()
        page.goto(base + "index.html?period=90", wait_until="load")
        page.wait_for_selector(".wiki-dashboard[data-ready]", timeout=60_000)
        ready = page.evaluate("performance.getEntriesByName('wiki-dashboard-drawn')[0].startTime")
        page.evaluate("performance.clearMarks(); window.__clicked = performance.now()")
        page.click(".wiki-period button[data-period=all]")
        page.wait_for_function("performance.getEntriesByName('wiki-dashboard-drawn').length", timeout=60_000)
        again = page.evaluate("performance.getEntriesByName('wiki-dashboard-drawn')[0].startTime - window.__clicked")
        browser.close()
    return len(data), len(gzip.compress(data)), ready, again


def plain_folder(wiki: Path, folder: Path) -> Path:
    """A folder whose mkdocs.yml is ``plain_config`` of ``wiki``, on the same docs/."""
    folder.mkdir()
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(wiki)), encoding="utf-8")
    os.symlink(wiki / "docs", folder / "docs")
    return folder


def site_build(folder: Path, strict: bool) -> tuple[float, int]:
    """A build of ``folder`` into a ``site/`` that does not exist yet: for ours (``strict``) the build and index steps
    as ``make site`` runs them, else ``mkdocs build``: (seconds, peak MB)."""
    shutil.rmtree(folder / "site", ignore_errors=True)
    if not strict:
        took, peak, _ = run([sys.executable, "-m", "mkdocs", "build", "-q"], folder)
        return took, peak
    took, peak, _ = run([sys.executable, "-m", "generator", "build-site"], folder)
    indexing, index_peak, _ = run([sys.executable, "-m", "generator", "index-site"], folder)
    return took + indexing, max(peak, index_peak)


def incremental(root: Path) -> tuple[float, str]:
    """``make site`` after an analyst adds one raw article to the wiki ``make site`` built in ``root``: the update, the
    build step and the index step; (seconds, what the two steps report)."""
    with tempfile.TemporaryDirectory() as new:
        raw = synth(1, Path(new), root / "docs", seed=20261203)[0]
        shutil.copyfile(raw, root / "seeds" / f"zz-new-{raw.name}")
    py = [sys.executable, "-m", "generator"]
    took, reports = 0.0, []
    for step in (["update"], ["build-site"], ["index-site"]):
        seconds, _, out = run(py + step, root, output=True)
        took += seconds
        reports += [line for line in out.splitlines() if line.startswith(("build-site:", "index-site:"))]
    return took, "; ".join(reports)


def zensical_build(wiki: Path, folder: Path) -> float:
    """Zensical's build of the same pages (``make site ENGINE=zensical``'s build step), into a folder of its own."""
    folder.mkdir()
    shutil.copyfile(wiki / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(wiki / "docs", folder / "docs", ignore=shutil.ignore_patterns(".generator"))  # Zensical reads no link out
    took, _, _ = run([sys.executable, "-m", "generator", "build-site", "--engine", "zensical"], folder)
    return took


def _best(runs: list[tuple[float, int]]) -> tuple[float, int]:
    """The fastest time (what the machine allows: the others waited on it) and the highest memory."""
    return min(t for t, _ in runs), max(m for _, m in runs)


def bench(n: int, keep: Path | None = None, rounds: int = 2, plain: bool = True) -> tuple[float | None, Path]:
    """(ratio, the folder it built in): the caller removes the folder once every size has run (see ``cmd_bench``).

    Nothing is deleted before a step is timed. ext4 passes over every inode freed in the last 30 s (5 min while its
    table is unwritten) each time it creates a file: after the 20,000 files of a first round were deleted, creating
    10,000 pages cost 0.4 ms of kernel time each instead of 0.05 (measured: ingest 22-27 s against 16.5 s), a cost of
    the bench's own cleanup that no editor's ``make site`` pays. So the second round gets its own copy, made up front.
    ``rounds=1`` skips the second round and Zensical's build: at 100,000 articles one round takes hours. ``plain=False``
    skips the plain build too, and with it every ratio (the ratio returned is None).
    """
    began = time.perf_counter()
    root = Path(keep or tempfile.mkdtemp(prefix=f"bench-{n}-"))
    first, second = root / "1", root / "2"
    docs = scaffold(first)
    synth(n, first / "seeds", docs)
    py = [sys.executable, "-m", "generator"]
    print(f"== {n} articles, {sum(1 for _ in (docs / 'actors').glob('*.md'))} actor pages, in {root}")
    if rounds > 1:
        shutil.copytree(first, second, symlinks=True)  # the wiki before its first update, for the second round
    updates = [run(py + ["update"], first, output=True)]
    builds = [site_build(first, strict=True)]
    # make site again after one new raw article, on the site the full make site just left (what the target measures;
    # after the preview below it would also catch up with the preview's own change)
    again_took, again_report = incremental(first)
    before = snapshot(docs)
    again, _, _ = run(py + ["update"], first)
    written = [p for p, m in snapshot(docs).items() if before.get(p) != m]
    print(f"{'no-change run':<14} {again:8.2f} s  for ingest+retag+link+check (python -m generator update); files written: {len(written)}")
    started, took, generator = live_change(first)
    print(f"{'one article':<14} {took:8.2f} s  saved to visible in make serve (article and place pages as served): the generator "
          f"{generator:.2f} s, then MkDocs rebuilding the pages it changed; the preview started in {started:.1f} s")
    index = sum(f.stat().st_size for f in (first / "site" / "pagefind").rglob("*") if f.is_file())
    print(f"{'search index':<14} {index / 1e6:8.2f} MB on disk (Pagefind); what one query downloads, cold, in headless Chromium:")
    for query, raw, packed, took, hit in search_cost(first / "site"):
        print(f"  {query:<20} {raw / 1000:6.0f} kB ({packed / 1000:4.0f} kB gzipped)  results {took:4.0f} ms after the last keystroke "
              f"(the box waits {DEBOUNCE} ms for more)  first: {hit}")
    data, data_gz, drawn, redrawn = home_cost(first / "site")
    print(f"{'home page':<14} {data / 1000:8.0f} kB of its own data ({data_gz / 1000:.0f} kB gzipped; target 300 kB), the situation "
          f"picture drawn {drawn:.0f} ms after the page was asked for (target 1,000 ms), drawn again for \"All\" in {redrawn:.0f} ms")
    zensical = zensical_build(first, root / "zensical") if rounds > 1 else None  # an hour more at 100,000 articles
    plains = [site_build(plain_folder(first, root / "plain-1"), strict=False)] if plain else []
    if rounds > 1:  # a second round, on the same wiki from the same start: on a shared machine a step's time varies by a fifth
        updates.append(run(py + ["update"], second, output=True))
        builds.append(site_build(second, strict=True))
        plains += [site_build(plain_folder(second, root / "plain-2"), strict=False)] if plain else []
    update, _, out = min(updates)  # the fastest run's own step times
    update_mem = max(m for _, m, _ in updates)
    steps = {name: float(t) for name, t in re.findall(r"\((\w+) took ([\d.]+) s\)", out)}
    for name, took in steps.items():
        print(f"{name:<14} {took:8.2f} s  {1000 * took / n:7.2f} ms/article")
    print(f"{'update':<14} {update:8.2f} s  peak {update_mem:5d} MB  (the four steps above in one process, as make site runs them; "
          f"best of {', '.join(f'{t:.2f}' for t, _, _ in updates)} s)")
    build, build_mem = _best(builds)
    print(f"{'build + index':<14} {build:8.2f} s  {1000 * build / n:7.2f} ms/article  peak {build_mem:5d} MB  (build-site, index-site; "
          f"best of {', '.join(f'{t:.2f}' for t, _ in builds)} s)")
    ours = update + build
    linking = steps["ingest"] + steps["retag"] + steps["link"]
    print(f"{'make site':<14} {ours:8.2f} s  {1000 * ours / n:7.2f} ms/article  (update + build + index; ingest+linking {linking:.2f} s)")
    plain_time, plain_mem = _best(plains) if plains else (None, None)
    if plain_time:
        print(f"{'plain build':<14} {plain_time:8.2f} s  {1000 * plain_time / n:7.2f} ms/article  peak {plain_mem:5d} MB  "
              f"(best of {', '.join(f'{t:.2f}' for t, _ in plains)} s)")
        if zensical is not None:
            print(f"{'zensical':<14} {zensical:8.2f} s  {1000 * zensical / n:7.2f} ms/article  (make site ENGINE=zensical's build "
                  f"step, {zensical / plain_time:.2f}× the plain build; informative)")
        print(f"{'ingest+linking':<14} {linking:8.2f} s  {linking / plain_time:.3f}× the plain build")

    def share(took: float) -> str:
        return f" ({took / plain_time:.3f}× the plain build)" if plain_time else ""

    print(f"incremental: {again_took:.2f} s{share(again_took)} make site after one new raw article: {again_report}")
    print(f"peak memory: {max(update_mem, build_mem)} MB" + (f" (plain build: {plain_mem} MB)" if plain_time else ""))
    print(f"the benchmark of {n} articles took {(time.perf_counter() - began) / 60:.1f} minutes"
          + ("" if plain_time else " (no plain build: no ratio)"))
    if not plain_time:
        return None, root
    print(f"ratio: {ours / plain_time:.2f}")
    return ours / plain_time, root
