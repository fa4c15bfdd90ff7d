"""The build step (``python -m generator build-site``, in ``make site``): the engine renders docs/ into site/, and
when site/ holds its last build, only the pages whose Markdown changed are rendered again.

MkDocs and ProperDocs know a ``dirty`` build, which renders a page only when its source is newer than its output.
Modification times alone would mislead it: a fresh checkout (CI restoring site/ from its cache) makes every source
new, and an editor's undo makes a changed page old. So this step remembers each source's content digest from the
last build (``.cache/site-build.json``) and sets the times for the engine: an unchanged page's output is made newer
than its source, a changed page's output older; the output of a page deleted since is removed. Any change to what
renders every page — mkdocs.yml, the engine or the theme and their versions, the generator's code — and a site/
that something else rebuilt (its home page differs from the one this step left) make a full build.

Many pages to render, or a few big ones, are shared among processes, each rendering its share (``shares``, by size):
both cores work, and no process holds more than ``shard_pages`` rendered pages (MkDocs keeps every page it renders in
memory until the end). Every process reads the whole configuration, file list and navigation, so each page renders exactly as in one
process; the links to another page's anchor that a process could not check, the target being another's, are checked
here from what each process found (``_check_anchors``).

Zensical has no dirty build that this step can drive: it builds in full every time.
"""

from __future__ import annotations

import hashlib
import heapq
import importlib
import importlib.metadata
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generator.content.pages import file_digest, write_if_changed
from generator.settings import DEFAULTS, Settings, mkdocs_settings
from generator.store.parallel import workers
from generator.store.version import code_version

ENGINES = ("mkdocs", "properdocs", "zensical")
DIRTY_ENGINES = ("mkdocs", "properdocs")  # the same build code (ProperDocs continues MkDocs 1.6)
MANIFEST = Path(".cache") / "site-build.json"  # beside mkdocs.yml; outside site/, which is published as it is
PACKAGE = Path(__file__).resolve().parents[1]


class BuildError(RuntimeError):
    """The engine failed (or, with --strict, warned)."""


@dataclass(frozen=True)
class Built:
    engine: str
    full: bool  # every page rendered
    rendered: int  # pages rendered (every page on a full build)
    removed: int  # outputs of pages deleted since the last build


def output_path(src: str, directory_urls: bool = True) -> str:
    """Where the engine writes the file ``src`` of docs/ in site/ (MkDocs' rule, which ProperDocs and Zensical follow)."""
    if not src.endswith(".md"):
        return src
    parent, _, name = src[:-3].rpartition("/")
    prefix = f"{parent}/" if parent else ""
    if name in ("index", "README"):
        return f"{prefix}index.html"
    return f"{prefix}{name}/index.html" if directory_urls else f"{prefix}{name}.html"


def _is_source(rel: str) -> bool:
    """A file the engine reads: MkDocs' default exclusions (dot files and folders, ``templates/``) are not."""
    parts = rel.split("/")
    return not any(p.startswith(".") for p in parts) and parts[0] != "templates"


def sources(docs: Path, known: dict[str, list]) -> dict[str, list]:
    """Every source file of ``docs``: relative path → [size, mtime_ns, digest]. A file whose size and time ``known``
    already holds keeps its digest unread."""
    found = {}
    for folder, dirs, files in os.walk(docs):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(folder)
        for name in files:
            path = base / name
            rel = path.relative_to(docs).as_posix()
            if not _is_source(rel):
                continue
            st = path.stat()
            old = known.get(rel)
            if old and old[0] == st.st_size and old[1] == st.st_mtime_ns:
                found[rel] = old
            else:
                found[rel] = [st.st_size, st.st_mtime_ns, file_digest(path.read_bytes())]
    return found


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return ""


def stamp(config: Path, engine: str) -> str:
    """What renders every page: the configuration, the engine and the theme with their versions, the generator's code."""
    h = hashlib.blake2b(digest_size=16)
    for part in (engine, _version(engine), _version("mkdocs-material"), code_version(), config.read_bytes()):
        h.update(part if isinstance(part, bytes) else part.encode())
        h.update(b"\0")
    return h.hexdigest()


def _settings(config: Path) -> tuple[Path, Path, bool]:
    """(docs_dir, site_dir, use_directory_urls) of an mkdocs.yml, as the engines default them."""
    data = mkdocs_settings(config)
    root = config.parent
    urls = str(data.get("use_directory_urls", "true")).lower() not in ("false", "no", "off")
    return root / data.get("docs_dir", "docs"), root / data.get("site_dir", "site"), urls


def _home(site: Path) -> str:
    try:
        return file_digest((site / "index.html").read_bytes())
    except OSError:
        return ""


def _load(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def prepare(site: Path, before: dict[str, list], now: dict[str, list], directory_urls: bool) -> tuple[list[str], int, int]:
    """site/ readied for a dirty build from ``before`` (the sources of its build) to ``now``; (the pages to render,
    outputs removed, other files to copy)."""
    removed = 0
    for rel in sorted(set(before) - set(now)):
        out = site / output_path(rel, directory_urls)
        if out.is_file():
            out.unlink()
            removed += 1
            folder = out.parent
            while folder != site and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
    changed, copies = [], 0
    for rel, (_, mtime_ns, digest) in now.items():
        out = site / output_path(rel, directory_urls)
        page = rel.endswith(".md")
        try:
            made = out.stat().st_mtime_ns
        except OSError:
            changed += [rel] if page else []  # no output yet: the engine writes it
            copies += not page
            continue
        if rel in before and before[rel][2] == digest:
            if made <= mtime_ns:
                os.utime(out, ns=(mtime_ns + 1_000_000_000, mtime_ns + 1_000_000_000))
        else:
            changed += [rel] if page else []
            copies += not page
            os.utime(out, ns=(0, 0))
    return changed, removed, copies


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that it is meant for development, which --strict turns into a failure; here
    the dirty build is planned and its inputs checked (above), so that one warning is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def shares(sizes: dict[str, int], settings: Settings = DEFAULTS) -> list[list[str]]:
    """The pages to render (source path → bytes of Markdown) shared among processes, the biggest first each to the
    least loaded: one share for a small build; else one per core, or more (run in turns) so that none holds more
    than ``shard_pages`` pages."""
    if len(sizes) < settings.shard_from and sum(sizes.values()) < settings.shard_bytes:
        return [sorted(sizes)]
    count = max(workers(), -(-len(sizes) // settings.shard_pages))
    most = -(-len(sizes) // count)
    loads = [(0, 0, i) for i in range(count)]  # a heap of (bytes, pages, share) of the shares not yet full
    out: list[list[str]] = [[] for _ in range(count)]
    for rel in sorted(sizes, key=lambda r: (-sizes[r], r)):
        size, pages, i = heapq.heappop(loads)
        out[i].append(rel)
        if pages + 1 < most:
            heapq.heappush(loads, (size + sizes[rel], pages + 1, i))
    return [sorted(share) for share in out if share]


def _confine(engine: str, shard: int, mine: set[str]) -> dict:
    """The engine of this process renders only its share of the pages (``mine``), and the static files and theme
    templates only in the first; returns what it records, filled in as it builds: the anchors of the pages it
    rendered, and the links to anchors of pages it did not render, which it cannot check."""
    files = importlib.import_module(f"{engine}.structure.files")
    pages = importlib.import_module(f"{engine}.structure.pages")
    build = importlib.import_module(f"{engine}.commands.build")
    modified = files.File.is_modified

    def is_modified(self) -> bool:
        return (self.src_uri in mine if self.is_documentation_page() else shard == 0) and modified(self)

    files.File.is_modified = is_modified
    if shard:
        build._build_theme_template = build._build_extra_template = lambda *args, **kwargs: None
    record: dict = {"anchors": {}, "links": [], "level": logging.WARNING}
    validate = pages.Page.validate_anchor_links

    def validate_anchor_links(self, *, files, log_level: int) -> None:
        record["level"] = log_level
        if self.present_anchor_ids is not None:  # rendered here
            record["anchors"][self.file.src_uri] = sorted(self.present_anchor_ids)
            for target, links in (self.links_to_anchors or {}).items():
                if target.page is not None and target.page.present_anchor_ids is None:
                    record["links"] += [[self.file.src_uri, target.src_uri, anchor, link] for anchor, link in links.items()]
        validate(self, files=files, log_level=log_level)

    pages.Page.validate_anchor_links = validate_anchor_links
    return record


def _engine_main(engine: str, config: str, dirty: bool, strict: bool, share: str = "") -> int:
    """MkDocs or ProperDocs building ``config`` in this process (their ``build`` command with ``--dirty`` would fail
    --strict on its own warning about it), or the share of the pages ``share`` (a JSON file) names; the exit
    status."""
    if engine == "properdocs":
        importlib.import_module("properdocs.replacement")  # Material's plugins import mkdocs: ProperDocs answers
    build = importlib.import_module(f"{engine}.commands.build")
    load_config = importlib.import_module(f"{engine}.config").load_config
    exceptions = importlib.import_module(f"{engine}.exceptions")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger(engine).addHandler(handler)
    logging.getLogger(engine).setLevel(logging.INFO)
    logging.getLogger(f"{engine}.commands.build").addFilter(_NoDirtyWarning())
    task = json.loads(Path(share).read_text(encoding="utf-8")) if share else None
    record = _confine(engine, task["shard"], set(task["pages"])) if task else None
    try:
        settings = load_config(config_file=config, strict=strict)
        settings.plugins.on_startup(command="build", dirty=dirty)
        try:
            build.build(settings, dirty=dirty)
        finally:
            settings.plugins.on_shutdown()
    except (exceptions.Abort, exceptions.ConfigurationError, exceptions.BuildError) as exc:
        print(f"error: {engine} could not build {config}: {exc}", file=sys.stderr)
        return 1
    if task:
        Path(share).write_text(json.dumps(record), encoding="utf-8")
    return 0


def _check_anchors(records: list[dict]) -> list[str]:
    """The links between two processes' pages to an anchor the target page lacks, as MkDocs words them (a warning when
    mkdocs.yml's ``validation.links.anchors`` is ``warn``, which --strict makes a failure)."""
    anchors = {page: set(ids) for record in records for page, ids in record["anchors"].items()}
    return [f"Doc file '{source}' contains a link '{link}', but the doc '{target}' does not contain an anchor '#{anchor}'."
            for record in records if record["level"] >= logging.WARNING
            for source, target, anchor, link in record["links"] if target in anchors and anchor not in anchors[target]]


def _run_dirty_engine(engine: str, config: Path, site: Path, dirty: bool, strict: bool, pages: list[list[str]]) -> None:
    """The engine in processes of its own (ProperDocs takes over every ``mkdocs`` import of the process it runs in):
    one, or one per share of the pages (``pages``), as many at a time as there are cores."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PACKAGE.parent), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "generator.engine.build", engine, str(config)]
    if len(pages) == 1:
        result = subprocess.run([*command, "dirty" if dirty else "full", "strict" if strict else "lax"], cwd=config.parent, env=env)
        if result.returncode != 0:
            raise BuildError(f"{engine} could not build {config} (exit status {result.returncode})")
        return
    if not dirty:  # what the engine's full build does first, done once here for all the processes
        importlib.import_module(f"{engine}.utils").clean_directory(str(site))
    with tempfile.TemporaryDirectory(prefix="build-site-") as scratch:
        paths = [Path(scratch) / f"{shard}.json" for shard in range(len(pages))]
        failed, running = [], []
        for shard, share in enumerate(pages):
            paths[shard].write_text(json.dumps({"shard": shard, "pages": share}), encoding="utf-8")
            if len(running) == workers():
                failed += _first_finished(running)
            running.append((shard, subprocess.Popen([*command, "dirty", "strict" if strict else "lax", str(paths[shard])],
                                                    cwd=config.parent, env=env)))
        failed += [shard for shard, process in running if process.wait()]
        if failed:
            raise BuildError(f"{engine} could not build {config} (processes {', '.join(map(str, failed))} of {len(pages)} failed)")
        problems = _check_anchors([json.loads(path.read_text(encoding="utf-8")) for path in paths])
    for problem in problems:
        print(f"WARNING -  {problem}", file=sys.stderr)
    if problems and strict:
        raise BuildError(f"{engine} could not build {config}: {len(problems)} links to missing anchors, in strict mode")


def _first_finished(running: list[tuple[int, subprocess.Popen]]) -> list[int]:
    """Waits for whichever process ends first and takes it out of ``running``: [its share] when it failed, else []."""
    while True:
        for i, (shard, process) in enumerate(running):
            if process.poll() is not None:
                del running[i]
                return [shard] if process.returncode else []
        time.sleep(0.05)


def _run_zensical(config: Path, site: Path, strict: bool) -> None:
    shutil.rmtree(site, ignore_errors=True)  # Zensical cleans its output only of what it would write again
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "--config-file", str(config),
                             *(["--strict"] if strict else [])], cwd=config.parent)
    if result.returncode != 0:
        raise BuildError(f"zensical could not build {config} (exit status {result.returncode})")


def build_site(config: Path = Path("mkdocs.yml"), engine: str = "mkdocs", full: bool = False, strict: bool = True,
               settings: Settings = DEFAULTS) -> Built:
    """docs/ rendered into site/ by ``engine``; only the pages changed since its last build when it can."""
    if engine not in ENGINES:
        raise BuildError(f"unknown engine {engine!r}: use {', '.join(ENGINES)}")
    config = config.resolve()
    docs, site, directory_urls = _settings(config)
    manifest_path = config.parent / MANIFEST
    last = _load(manifest_path)
    now = sources(docs, last.get("files") or {})
    mark = stamp(config, engine)
    dirty = (not full and engine in DIRTY_ENGINES and last.get("stamp") == mark and bool(last.get("home"))
             and last.get("home") == _home(site))
    manifest_path.unlink(missing_ok=True)  # a build that fails part-way leaves no claim about site/
    copies = 0
    if dirty:
        changed, removed, copies = prepare(site, last.get("files") or {}, now, directory_urls)
    else:
        changed, removed = [rel for rel in now if rel.endswith(".md")], 0
    # Unless site/ is the build of these very sources: the engine would only write its sitemap and 404 page again.
    if not dirty or changed or copies:
        if engine in DIRTY_ENGINES:
            _run_dirty_engine(engine, config, site, dirty, strict, shares({rel: now[rel][0] for rel in changed}, settings))
        else:
            _run_zensical(config, site, strict)
    write_if_changed(manifest_path, json.dumps({"stamp": mark, "home": _home(site), "files": now}, sort_keys=True) + "\n")
    return Built(engine, not dirty, len(changed), removed)


if __name__ == "__main__":
    sys.exit(_engine_main(sys.argv[1], sys.argv[2], sys.argv[3] == "dirty", sys.argv[4] == "strict", *sys.argv[5:]))
