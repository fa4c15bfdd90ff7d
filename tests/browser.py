"""A real headless Chromium (Debian's package) driven by Playwright, against a site served on localhost."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served(root: Path):
    """``root`` on http://127.0.0.1:<port>/ for the duration of the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


# The only requests to other hosts the site makes by design, none of them from content: the maps load OpenStreetMap
# tiles. They fail on this closed network, which is also how the site must behave for a reader offline. (No call to
# GitHub's API: mkdocs.yml sets no repo_url.)
THEME_HOSTS = ("https://tile.openstreetmap.org/",)


class Watch:
    """Everything a page did that content should never make it do."""

    def __init__(self, page, base: str):
        self.events: list[str] = []
        page.on("dialog", self.on_dialog)
        page.on("pageerror", lambda e: self.events.append(f"page error: {e}"))
        page.on("console", self.on_console)
        page.on("request", self.on_request)
        self.base = base

    def on_dialog(self, dialog):
        self.events.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(self, message):
        if message.type == "error" and not (message.location or {}).get("url", "").startswith(THEME_HOSTS):
            self.events.append(f"console error: {message.text} at {(message.location or {}).get('url')}")

    def on_request(self, request):
        url = request.url
        if url.startswith(("http", "ws")) and not url.startswith((self.base, *THEME_HOSTS)):
            self.events.append(f"request to another host: {url}")
