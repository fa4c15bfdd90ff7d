"""Fetching feeds and pages, against a real HTTP server on 127.0.0.1: what is written, what is never taken twice,
what fails and how politely."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from generator.read.fetch import canonical_url, file_stem, from_iso, listed_urls, run_fetch, user_agent
from generator.read.fetch import fetch as fetch_urls
from generator.settings import DEFAULTS

FAST = replace(DEFAULTS, connect_timeout=2.0, read_timeout=0.3, fetch_backoff=0.01, fetch_max_wait=0.05, host_interval=0.0,
               config_file=Path("/nonexistent/mkdocs.yml"))

BODY = ("Turkish drones struck positions near Kobani on Saturday, local sources said, in the third such strike this week. "
        "The Syrian Democratic Forces said two fighters were killed and called on the coalition to act. ")
OTHER = ("Talks in Astana ended without agreement on the return of refugees, the delegations said on Friday evening. "
         "Russia and Turkey agreed to meet again next month in Ankara to discuss the road map. ")


def article(title: str, body: str, published: str = "2024-06-08T14:30:00+03:00", author: str = "Jane Doe") -> bytes:
    return f"""<!DOCTYPE html><html><head><title>{title}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Levant Monitor">
<meta name="author" content="{author}"><meta property="article:published_time" content="{published}">
</head><body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p>{body}</p><p>{body}</p></article><footer>Copyright</footer></body></html>""".encode()


def rss(base: str) -> bytes:
    items = "".join(f"<item><title>{t}</title><link>{base}{p}</link><pubDate>Sat, 08 Jun 2024 11:30:00 GMT</pubDate></item>"
                    for t, p in [("Turkish drones strike near Kobani", "/news/kobani?utm_source=rss#top"),
                                 ("A page that is gone", "/news/gone"), ("A slow page", "/news/slow"),
                                 ("Moved page", "/old/moved"), ("Busy server", "/news/busy")])
    private = f"<item><title>Private wire story</title><link>{base}/private/wire</link><description>{OTHER}</description></item>"
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Levant Monitor — News</title><link>{base}/</link>
{items}{private}</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Syria Wire</title>
<id>urn:wire</id><updated>2024-06-09T08:00:00Z</updated>
<entry><title>Astana talks end without agreement</title><id>urn:1</id><link href="{base}/wire/astana"/>
<updated>2024-06-09T08:00:00Z</updated><author><name>John Roe</name></author></entry>
<entry><title>Same story, other address</title><id>urn:2</id><link href="{base}/wire/kobani-copy"/>
<updated>2024-06-09T09:00:00Z</updated></entry></feed>""".encode()


class Site(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # the client gave up on the slow page: expected
        pass

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, str]] = []  # (path, user agent)
        self.busy_hits = 0
        self.base = f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def send(self, status: int, body: bytes = b"", kind: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        site: Site = self.server
        site.requests.append((self.path, self.headers.get("User-Agent", "")))
        path = self.path.split("?")[0]
        if path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/rss.xml":
            self.send(200, rss(site.base), "application/rss+xml")
        elif path == "/atom.xml":
            self.send(200, atom(site.base), "application/atom+xml")
        elif path == "/broken.xml":
            self.send(200, b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</chan', "application/rss+xml")
        elif path in ("/news/kobani", "/wire/kobani-copy"):
            self.send(200, article("Turkish drones strike near Kobani", BODY))
        elif path == "/wire/astana":
            self.send(200, article("Astana talks end without agreement", OTHER, published="2024-06-09", author=""))
        elif path == "/news/moved":
            self.send(200, article("Moved page", BODY.replace("Kobani", "Manbij"), published="2024-06-07T09:00:00Z"))
        elif path == "/old/moved":
            self.send(301, Location="/news/moved")
        elif path == "/news/busy":
            site.busy_hits += 1
            if site.busy_hits == 1:
                self.send(503, b"busy", Retry_After="1")
            else:
                self.send(200, article("Busy server", OTHER.replace("Astana", "Geneva"), published="2024-06-05T10:00:00Z"))
        elif path == "/news/slow":
            time.sleep(1.5)
            self.send(200, article("A slow page", BODY))
        else:
            self.send(404, b"not found")


@pytest.fixture
def site():
    server = Site()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def metas(seeds: Path) -> dict[str, dict]:
    return {p.name.removesuffix(".meta.yaml"): yaml.safe_load(p.read_text(encoding="utf-8")) for p in seeds.glob("*.meta.yaml")}


def test_canonical_url_drops_tracking_fragment_and_default_port():
    assert canonical_url("HTTPS://Example.ORG:443/a?utm_source=x&id=3&UTM_medium=y#top") == "https://example.org/a?id=3"
    assert canonical_url("http://example.org") == "http://example.org/"
    assert canonical_url("http://example.org:8080/a") == "http://example.org:8080/a"


def test_dates_are_utc_with_the_time_only_when_known():
    assert from_iso("2024-06-08T14:30:00+03:00") == "2024-06-08 11:30"
    assert from_iso("2024-06-08") == "2024-06-08"
    assert from_iso("June 8") == ""


def test_file_names_are_readable_and_unique_by_url():
    a = file_stem("Turkish drones strike near Kobani", "2024-06-08 11:30", "https://a.org/1")
    assert a.startswith("2024-06-08-turkish-drones-strike-near-kobani-") and len(a.rsplit("-", 1)[1]) == 6
    assert a != file_stem("Turkish drones strike near Kobani", "2024-06-08 11:30", "https://a.org/2")


def test_feeds_file_ignores_comments_and_blank_lines(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# a comment\n\n  https://a.org/rss  \n# https://b.org/rss\n", encoding="utf-8")
    assert listed_urls(feeds) == ["https://a.org/rss"]


def test_a_feed_is_fetched_politely_and_failures_do_not_stop_the_rest(site, tmp_path):
    seeds = tmp_path / "seeds"
    [report] = fetch_urls([site.base + "/rss.xml"], seeds, FAST, sleep=lambda s: None)
    failed = dict(report.failures)
    assert report.new == 4 and report.skipped == 0 and len(failed) == 2
    assert report.line() == f"{site.base}/rss.xml: 4 new, 0 skipped, 2 failed"
    assert failed[site.base + "/news/gone"] == "HTTP 404"
    assert "timed out" in failed[site.base + "/news/slow"]
    # The disallowed page was never requested; its item comes from the feed's own text.
    paths = [path for path, _ in site.requests]
    assert not any(p.startswith("/private/") for p in paths)
    assert paths.count("/robots.txt") == 1 and paths.count("/news/busy") == 2
    assert all(agent.startswith("SituationWiki/1.0") for _, agent in site.requests)

    meta = metas(seeds)
    by_title = {m["title"]: (stem, m) for stem, m in meta.items()}
    stem, kobani = by_title["Turkish drones strike near Kobani"]
    assert kobani == {"title": "Turkish drones strike near Kobani", "published": "2024-06-08 11:30", "source": "Levant Monitor",
                      "url": site.base + "/news/kobani", "author": "Jane Doe"}
    assert stem.startswith("2024-06-08-turkish-drones-strike-near-kobani-")
    assert "Turkish drones struck positions" in (seeds / f"{stem}.html").read_text(encoding="utf-8")
    assert by_title["Moved page"][1]["url"] == site.base + "/news/moved"  # after the redirect
    assert by_title["Busy server"][1]["published"] == "2024-06-05 10:00"  # retried after the 503
    stem, wire = by_title["Private wire story"]
    assert wire["source"] == "Levant Monitor — News" and "published" not in wire
    assert (seeds / f"{stem}.txt").read_text(encoding="utf-8").startswith("Private wire story\n\nTalks in Astana")
    assert len(list(seeds.glob("*.html"))) == 3 and len(list(seeds.glob("*.txt"))) == 1
    assert (seeds / ".fetched.json").is_file() and not list(seeds.glob("*.tmp"))


def test_nothing_is_taken_twice_by_url_or_by_text(site, tmp_path):
    seeds = tmp_path / "seeds"
    fetch_urls([site.base + "/news/kobani"], seeds, FAST)
    files = sorted(p.name for p in seeds.iterdir())
    site.requests.clear()
    [again, atom_feed] = fetch_urls([site.base + "/news/kobani?utm_medium=x#a", site.base + "/atom.xml"], seeds, FAST)
    assert (again.new, again.skipped) == (0, 1)
    assert (site.base + "/news/kobani?utm_medium=x#a", "") not in site.requests and "/news/kobani" not in [p for p, _ in site.requests]
    assert (atom_feed.new, atom_feed.skipped, atom_feed.failures) == (1, 1, [])  # the copy has the same text
    astana = next(m for m in metas(seeds).values() if m["title"].startswith("Astana"))
    assert astana == {"title": "Astana talks end without agreement", "published": "2024-06-09 08:00", "source": "Levant Monitor",
                      "url": site.base + "/wire/astana", "author": "John Roe"}
    files_after = sorted(p.name for p in seeds.iterdir())
    [third] = fetch_urls([site.base + "/atom.xml"], seeds, FAST)
    assert (third.new, third.skipped) == (0, 2)
    assert sorted(p.name for p in seeds.iterdir()) == files_after and len(files_after) == len(files) + 2
    lines = (seeds / ".fetched.json").read_text(encoding="utf-8").splitlines()
    assert any(site.base + "/wire/kobani-copy" in line for line in lines)


def test_the_command_reports_each_url_and_fails_on_a_malformed_feed(site, tmp_path, capsys):
    seeds = tmp_path / "seeds"
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# feeds\n{site.base}/broken.xml\n{site.base}/atom.xml\n", encoding="utf-8")
    assert run_fetch([], seeds, feeds, FAST) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"{site.base}/broken.xml: 0 new, 0 skipped, 1 failed", f"{site.base}/atom.xml: 2 new, 0 skipped, 0 failed"]
    assert err.startswith(f"{site.base}/broken.xml: malformed feed")
    assert run_fetch([site.base + "/atom.xml"], seeds, feeds, FAST) == 0
    assert capsys.readouterr().out == f"{site.base}/atom.xml: 0 new, 2 skipped, 0 failed\n"


def test_a_feeds_file_with_only_comments_fetches_nothing(tmp_path, capsys):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# none yet\n", encoding="utf-8")
    assert run_fetch([], tmp_path / "seeds", feeds, FAST) == 0
    assert "no URLs" in capsys.readouterr().out


@pytest.mark.parametrize("config, agent", [
    ("site_name: X\nrepo_url: https://github.com/situation-wiki/syria\n", "SituationWiki/1.0 (+https://github.com/situation-wiki/syria)"),
    ("edit_uri: https://github.com/situation-wiki/syria/edit/main/docs/\n", "SituationWiki/1.0 (+https://github.com/situation-wiki/syria)"),
    ("edit_uri: edit/main/docs/\n", "SituationWiki/1.0"),
    ("- not a mapping\n", "SituationWiki/1.0"),
])
def test_the_user_agent_names_the_project_and_its_repository(tmp_path, config, agent):
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert user_agent(tmp_path / "mkdocs.yml") == agent
    assert user_agent(tmp_path / "missing.yml") == "SituationWiki/1.0"


def test_the_cli_fetches_a_single_page(site, tmp_path, capsys):
    from generator.cli import main

    seeds = tmp_path / "seeds"
    assert main(["fetch", site.base + "/wire/astana", "--seeds", str(seeds)]) == 0
    assert capsys.readouterr().out == f"{site.base}/wire/astana: 1 new, 0 skipped, 0 failed\n"
    [meta] = metas(seeds).values()
    assert meta["published"] == "2024-06-09" and meta["source"] == "Levant Monitor" and "author" not in meta
