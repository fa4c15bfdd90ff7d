"""A real headless Chromium (Debian's package) driven by Playwright, against a site served on localhost."""

from __future__ import annotations

import functools
import http.server
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    not_found: Path | None = None  # the page sent with a 404, as GitHub Pages sends the site's 404.html

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404 or self.not_found is None or not self.not_found.is_file():
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


@contextmanager
def served(root: Path, mount: str = ""):
    """``root`` on http://127.0.0.1:<port>/ (or under /<mount>/, where the site's own address puts it: what its 404
    page links to) for the duration of the block; a missing file gets the site's 404.html, as on GitHub Pages."""
    served_dir = root
    if mount:
        served_dir = Path(tempfile.mkdtemp(prefix="served-"))
        (served_dir / mount).symlink_to(root.resolve(), target_is_directory=True)
    handler = type("Handler", (QuietHandler,), {"not_found": root / "404.html"})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(served_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/" + (f"{mount}/" if mount else "")
    finally:
        server.shutdown()
        server.server_close()
        if mount:
            shutil.rmtree(served_dir)


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
