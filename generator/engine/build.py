"""The build step (``python -m generator build-site``, in ``make site``): the engine renders docs/ into site/, and
when site/ holds its last build, only the pages whose Markdown changed are rendered again.

MkDocs and ProperDocs know a ``dirty`` build, which renders a page only when its source is newer than its output.
Modification times alone would mislead it: a fresh checkout (CI restoring site/ from its cache) makes every source
new, and an editor's undo makes a changed page old. So this step remembers each source's content digest from the
last build (``.cache/site-build.json``) and sets the times for the engine: an unchanged page's output is made newer
than its source, a changed page's output older; the output of a page deleted since is removed. Any change to what
renders every page — mkdocs.yml, the engine or the theme and their versions, the generator's code — and a site/
that something else rebuilt (its home page differs from the one this step left) make a full build.

Zensical has no dirty build that this step can drive: it builds in full every time.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import json
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.content.pages import file_digest, write_if_changed
from generator.settings import mkdocs_settings
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


def prepare(site: Path, before: dict[str, list], now: dict[str, list], directory_urls: bool) -> tuple[int, int]:
    """site/ readied for a dirty build from ``before`` (the sources of its build) to ``now``; (pages to render, outputs
    removed)."""
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
    changed = 0
    for rel, (_, mtime_ns, digest) in now.items():
        out = site / output_path(rel, directory_urls)
        try:
            made = out.stat().st_mtime_ns
        except OSError:
            changed += rel.endswith(".md")  # no output yet: the engine writes it
            continue
        if rel in before and before[rel][2] == digest:
            if made <= mtime_ns:
                os.utime(out, ns=(mtime_ns + 1_000_000_000, mtime_ns + 1_000_000_000))
        else:
            changed += rel.endswith(".md")
            os.utime(out, ns=(0, 0))
    return changed, removed


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that it is meant for development, which --strict turns into a failure; here
    the dirty build is planned and its inputs checked (above), so that one warning is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _engine_main(engine: str, config: str, dirty: bool, strict: bool) -> int:
    """MkDocs or ProperDocs building ``config`` in this process (their ``build`` command with ``--dirty`` would fail
    --strict on its own warning about it); the exit status."""
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
    return 0


def _run_dirty_engine(engine: str, config: Path, dirty: bool, strict: bool) -> None:
    """The engine in a process of its own: ProperDocs takes over every ``mkdocs`` import of the process it runs in."""
    result = subprocess.run([sys.executable, "-m", "generator.engine.build", engine, str(config), "dirty" if dirty else "full",
                             "strict" if strict else "lax"], cwd=config.parent,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PACKAGE.parent), os.environ.get("PYTHONPATH")]))})
    if result.returncode != 0:
        raise BuildError(f"{engine} could not build {config} (exit status {result.returncode})")


def _run_zensical(config: Path, site: Path, strict: bool) -> None:
    shutil.rmtree(site, ignore_errors=True)  # Zensical cleans its output only of what it would write again
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "--config-file", str(config),
                             *(["--strict"] if strict else [])], cwd=config.parent)
    if result.returncode != 0:
        raise BuildError(f"zensical could not build {config} (exit status {result.returncode})")


def build_site(config: Path = Path("mkdocs.yml"), engine: str = "mkdocs", full: bool = False, strict: bool = True) -> Built:
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
    if dirty:
        rendered, removed = prepare(site, last.get("files") or {}, now, directory_urls)
    else:
        rendered, removed = sum(1 for rel in now if rel.endswith(".md")), 0
    if engine in DIRTY_ENGINES:
        _run_dirty_engine(engine, config, dirty, strict)
    else:
        _run_zensical(config, site, strict)
    write_if_changed(manifest_path, json.dumps({"stamp": mark, "home": _home(site), "files": now}, sort_keys=True) + "\n")
    return Built(engine, not dirty, rendered, removed)


if __name__ == "__main__":
    sys.exit(_engine_main(sys.argv[1], sys.argv[2], sys.argv[3] == "dirty", sys.argv[4] == "strict"))
