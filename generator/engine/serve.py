"""``python -m generator serve`` (``make serve``): the live preview, kept up to date as editors save.

MkDocs' own ``serve`` first builds the whole site into a new temporary folder — minutes at
10,000 articles — and then polls every file twice a second. This preview starts from the
``site/`` that ``make site`` left, so only pages changed since are built again; it learns of a
save from the system's file events (inotify, FSEvents); and before each rebuild it runs the
generator's update, which brings the article, the entity pages it names and the views up to
date. MkDocs then builds just the pages whose Markdown changed (``--dirty``). Pages the
generator itself wrote do not start another rebuild. The search index (the index step, ``search_index``) is made only
when site/ has none: making it again on every save would cost more than the save, so a preview's search lags its edits
until the next `make site`.
"""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from generator.engine.search_index import SearchIndexError, index_site
from generator.pipeline import update
from generator.steps.graph import build_graph
from generator.store.filecache import FileCache, signature
from generator.store.lock import Busy, exclusive
from generator.store.parallel import settle

log = logging.getLogger("mkdocs")
CHANGES = {"created", "modified", "moved", "deleted", "closed"}  # watchdog's event types that change a file


class Preview(LiveReloadServer):
    """MkDocs' live-reload server, told of changes by file events and deaf to the generator's own writes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.observer = watchdog.observers.Observer()  # the platform's file events, not a poll of every file
        self.own: dict[str, tuple | None] = {}  # path → signature of what the generator last wrote there
        self.held: list[str] | None = None  # while the generator runs: the paths changed meanwhile, decided after it

    def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
        path = os.path.abspath(path)
        if path in self._watched_paths:
            return
        self._watched_paths[path] = 1

        def changed(event) -> None:
            if event.is_directory or event.event_type not in CHANGES:
                return  # reading a file (MkDocs reads every page it builds) is no change
            paths = [os.fsdecode(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
            with self._rebuild_cond:
                if self.held is not None:
                    self.held += paths
                elif not all(self._ours(p) for p in paths):
                    self._want_rebuild = True
                    self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = changed
        # Links are not followed: a link in seeds/ to a folder above it would watch, and loop over, the whole tree.
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive, follow_symlink=False)

    def generator_runs(self) -> None:
        with self._rebuild_cond:
            self.held = []

    def generator_wrote(self, written: list[str]) -> None:
        """The generator is done: its own writes are forgotten, any other change made meanwhile starts a rebuild."""
        with self._rebuild_cond:
            self.own.update((os.path.abspath(p), signature(p)) for p in written)
            held, self.held = self.held or [], None
            if not all(self._ours(p) for p in held):
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

    def _ours(self, path: str) -> bool:
        name = os.path.basename(path)
        if f"{os.sep}.generator{os.sep}" in path or (name.startswith(".") and name.endswith(".tmp")):
            return True  # the generator's memory and the temporary files of its atomic writes
        return path in self.own and self.own[path] == signature(path)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def ensure_index(site: Path, docs: Path) -> bool:
    """Make site/'s search index if it has none (the first preview of a fresh clone); True when it did."""
    if (site / "pagefind" / "pagefind.js").is_file():
        return False
    index_site(site, docs)
    return True


def serve(config_file: str = "mkdocs.yml", dev_addr: str = "127.0.0.1:8000", seeds: Path = Path("seeds")) -> None:
    def config():
        return load_config(config_file, strict=False, dev_addr=dev_addr)

    first = config()
    docs = Path(first.docs_dir)
    cache = FileCache(docs)  # kept in memory for the life of the preview, saved when it stops
    host, port = first.dev_addr
    def rebuild() -> None:
        server.generator_runs()
        status, written = 0, []
        try:
            with exclusive(docs):  # a `make site` in another terminal waits its turn, as any two runs do
                status, written = update(seeds, docs, cache)
        except Busy as exc:
            log.warning(f"{exc}; the preview shows the pages as they are")
        except Exception:  # a generator bug must not end the rebuilds: the preview stays, and the next save tries again
            log.exception("The generator failed; the preview shows the pages as they are")
            status = 1
        finally:
            server.generator_wrote(written)
        if status:
            log.warning("The generator reported problems (above); the preview shows the rest.")
        settings = config()
        settings.theme.static_templates.discard("sitemap.xml")  # 10,000 URLs on every save; make site writes it
        build(settings, dirty=True)
        try:
            if ensure_index(Path(settings.site_dir), docs):
                log.info("Search index made (made again by the next `make site`, not on each save)")
        except SearchIndexError as exc:
            log.warning(f"{exc}; the preview has no search")

    server = Preview(builder=rebuild, host=host, port=port, root=first.site_dir, mount_path=urlsplit(first.site_url or "/").path)
    # `kill` or a closing terminal ends the preview as Ctrl-C does, so what it learned is saved for the next start.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        rebuild()
        cache.preload()  # what the first save will need, read now rather than after it
        build_graph(docs, cache)  # and the lists of articles it patches
        settle()  # all of it long-lived: no collection walks it on a save
        for path in (first.docs_dir, first.config_file_path, str(seeds)):
            if path and os.path.exists(path):
                server.watch(path)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        cache.save()
