"""Feeds in: RSS/Atom feeds and article pages → raw files in ``seeds/``, each with a ``.meta.yaml`` sidecar.

The web is slow, flaky and not ours: every request names us, times out, is retried with backoff, obeys robots.txt
and waits its turn per host. ``seeds/.fetched.json`` remembers every URL and text taken, so nothing is taken twice,
not even a wire story under another URL. Pure parts first (URLs, names, metadata); the network and files after.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import math
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx
import yaml

from generator.content.pages import write_if_changed
from generator.read.reader import MAX_BYTES, MIN_WORDS, decode
from generator.settings import DEFAULTS, Settings, mkdocs_settings
from generator.text.slugs import slugify

AGENT = "SituationWiki"
MAX_REDIRECTS = 5
SEEN_FILE = ".fetched.json"


def canonical_url(url: str) -> str:
    """One spelling per article: lower-case scheme and host, no default port, no fragment, no ``utm_*`` tracking."""
    parts = urlsplit(url.strip())
    scheme, host, port = parts.scheme.lower(), parts.hostname or "", parts.port  # hostname is lower-case already
    host = f"[{host}]" if ":" in host else host
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith("utm_")]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def text_digest(text: str) -> str:
    """The same article text gives the same digest whatever its spacing and case."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()[:32]


def from_struct(value: time.struct_time | None) -> str:
    """feedparser's dates are UTC already."""
    return time.strftime("%Y-%m-%d %H:%M", value) if value else ""


def from_iso(value: str) -> str:
    """An ISO 8601 stamp as ``YYYY-MM-DD HH:MM`` in UTC when it has a time, ``YYYY-MM-DD`` when not, else ""."""
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return ""
    if not re.search(r"\d[T ]\d", value):
        return moment.strftime("%Y-%m-%d")
    return (moment.astimezone(UTC) if moment.tzinfo else moment).strftime("%Y-%m-%d %H:%M")


def file_stem(title: str, published: str, key: str) -> str:
    """``2024-06-08-turkish-drones-strike-near-kobani-3f9a1c``: readable, sorted by date, unique by the URL's hash."""
    date = published[:10] + "-" if published else ""
    return f"{date}{slugify(title or 'untitled')}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"


def sidecar(meta: dict[str, str]) -> str:
    """The ``.meta.yaml`` text: only the keys with a value, in a fixed order."""
    keep = {k: meta[k] for k in ("title", "published", "source", "url", "author") if meta.get(k)}
    return yaml.safe_dump(keep, sort_keys=False, allow_unicode=True, width=1000)


def html_text(html: str) -> str:
    """A feed's summary or content as text (feedparser has sanitised it), its paragraphs kept apart."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml raises several kinds on empty or junk input
        return html.strip()
    for block in root.iter("p", "br", "div", "li"):
        block.tail = "\n\n" + (block.tail or "")
    return re.sub(r"\n{3,}", "\n\n", root.text_content()).strip()


def page_facts(html: str, url: str) -> dict[str, str]:
    """An article page's text, title, outlet, author and date (with the time its ``article:published_time`` gives)."""
    import lxml.html
    import trafilatura

    try:
        stamps = lxml.html.fromstring(html).xpath("//meta[@property='article:published_time' or @name='article:published_time']/@content")
    except Exception:  # not HTML at all: trafilatura finds nothing either
        stamps = []
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    if document is None:
        return {}
    published = next((p for p in map(from_iso, stamps) if p), "") or (document.date or "")[:10]
    return {"text": (document.text or "").strip(), "title": (document.title or "").strip(), "source": (document.sitename or "").strip(),
            "author": (document.author or "").strip(), "published": published}


class FetchError(Exception):
    """A URL that could not be fetched; the message says why."""


class Disallowed(FetchError):
    """robots.txt says no."""


@dataclass(frozen=True)
class Reply:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    charset: str | None = None
    location: str = ""  # of a redirect
    retry_after: str = ""  # of a 429 or 5xx

    def text(self) -> str:
        """As the server says, else as the reader decodes files (BOM, UTF-8, then detection: a page may be cp1256)."""
        try:
            return self.body.decode(self.charset, errors="replace") if self.charset else decode(self.body)
        except LookupError:  # a charset Python does not know
            return decode(self.body)


def user_agent(config: Path) -> str:
    """``SituationWiki/1.0 (+repo URL)``: a site owner who sees us in a log can find who we are. The repository is
    ``repo_url``, or what an absolute ``edit_uri`` names (``…/edit/main/docs/``)."""
    data = mkdocs_settings(config)
    edit = str(data.get("edit_uri") or "")
    repo = str(data.get("repo_url") or "") or (edit.split("/edit/")[0] if edit.startswith("https://") else "")
    return f"{AGENT}/1.0 (+{repo})" if repo else f"{AGENT}/1.0"


def retry_after(value: str) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    try:
        return float(value) if value.strip().isdigit() else max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):  # none, or unreadable
        return None


class Fetcher:
    """One run's HTTP client: each host's robots.txt read once, its last request remembered; ``sleep`` injectable."""

    def __init__(self, settings: Settings = DEFAULTS, agent: str = f"{AGENT}/1.0",
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic):
        self.settings, self.sleep, self.clock = settings, sleep, clock
        timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
        self.client = httpx.Client(headers={"User-Agent": agent}, timeout=timeout, follow_redirects=False)
        self.robots: dict[str, RobotFileParser] = {}
        self.last: dict[str, float] = {}

    def get(self, url: str) -> Reply:
        """The page at ``url``, redirects followed by hand so that each hop asks robots.txt first."""
        for _ in range(MAX_REDIRECTS + 1):
            if not self.allowed(url):
                raise Disallowed("robots.txt disallows it")
            reply = self.request(url)
            if reply.location:
                url = urljoin(url, reply.location)
                continue
            if reply.status >= 400:
                raise FetchError(f"HTTP {reply.status}")
            return reply
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def request(self, url: str) -> Reply:
        """One GET, retried with exponential backoff on what may pass: connection errors, timeouts, 429 and 5xx."""
        s = self.settings
        problem, wait = "", 0.0
        for attempt in range(max(1, s.fetch_tries)):
            if attempt:
                self.sleep(min(wait, s.fetch_max_wait))
            self.wait_turn(url)
            wait = s.fetch_backoff * 2 ** attempt
            try:
                reply = self.read(url)
            except httpx.TransportError as exc:  # timeouts included
                problem = "timed out" if isinstance(exc, httpx.TimeoutException) else f"connection failed ({exc})"
                continue
            if reply.status != 429 and reply.status < 500:
                return reply
            problem, wait = f"HTTP {reply.status}", retry_after(reply.retry_after) or wait
        raise FetchError(f"{problem} after {max(1, s.fetch_tries)} tries")

    def read(self, url: str) -> Reply:
        """The response, its body cut off past the reader's size limit (a page that big is not an article)."""
        with self.client.stream("GET", url) as response:
            if response.is_redirect:
                return Reply(url, response.status_code, "", b"", location=response.headers.get("location", ""))
            if response.status_code == 429 or response.status_code >= 500:
                return Reply(url, response.status_code, "", b"", retry_after=response.headers.get("retry-after", ""))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_BYTES:
                    raise FetchError(f"larger than {MAX_BYTES:,} bytes")
            return Reply(str(response.url), response.status_code, response.headers.get("content-type", "").lower(),
                         bytes(body), response.charset_encoding)

    def wait_turn(self, url: str) -> None:
        """At most one request per host every ``host_interval`` seconds (or the host's Crawl-delay, when longer)."""
        host = urlsplit(url).netloc
        robots = self.robots.get(host)
        delay = min(float((robots.crawl_delay(AGENT) if robots else None) or 0), self.settings.fetch_max_wait)
        left = self.last.get(host, -math.inf) + max(self.settings.host_interval, delay) - self.clock()
        if left > 0:
            self.sleep(left)
        self.last[host] = self.clock()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.netloc not in self.robots:
            robots = RobotFileParser()
            try:
                reply = self.request(f"{parts.scheme}://{parts.netloc}/robots.txt")
            except FetchError:  # unreachable: RFC 9309 says assume everything is disallowed
                robots.disallow_all = True
            else:  # a 4xx means there is none: everything allowed (so with a redirect, not followed for robots.txt)
                robots.parse(reply.text().splitlines() if 200 <= reply.status < 300 else [])
            self.robots[parts.netloc] = robots
        return self.robots[parts.netloc].can_fetch(AGENT, url)


def is_feed(reply: Reply) -> bool:
    """By its type, else by its first tag: feeds are often served as text/plain or octet-stream."""
    if "html" in reply.content_type or any(kind in reply.content_type for kind in ("xml", "rss", "atom", "rdf")):
        return "html" not in reply.content_type
    return reply.body[:512].lstrip().lower().startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))


@dataclass
class Seen:
    """``seeds/.fetched.json``: the canonical URLs and text digests already taken, sorted, one a line (easy merges)."""
    path: Path
    urls: set[str] = field(default_factory=set)
    digests: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, seeds: Path) -> Seen:
        path = seeds / SEEN_FILE
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        return cls(path, set(data.get("urls", ())), set(data.get("digests", ())))

    def save(self) -> None:
        write_if_changed(self.path, json.dumps({"digests": sorted(self.digests), "urls": sorted(self.urls)}, indent=1) + "\n")


@dataclass
class Report:
    url: str
    new: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.url}: {self.new} new, {self.skipped} skipped, {len(self.failures)} failed"


def save(item: dict[str, str], html: str | None, seeds: Path, seen: Seen, report: Report, *urls: str) -> None:
    """Write the item unless its text was taken already; a sidecar first, so no raw file is ever without one."""
    digest = text_digest(item["text"])
    seen.urls.update(canonical_url(u) for u in urls if u)
    if digest in seen.digests:
        report.skipped += 1
        return
    stem = file_stem(item.get("title", ""), item.get("published", ""), item.get("url") or digest)
    write_if_changed(seeds / f"{stem}.meta.yaml", sidecar(item))
    raw = html if html is not None else (f"{item['title']}\n\n" if item.get("title") else "") + item["text"] + "\n"  # title line first
    write_if_changed(seeds / f"{stem}{'.txt' if html is None else '.html'}", raw)
    seen.digests.add(digest)
    report.new += 1


def take_page(reply: Reply, feed_item: dict[str, str], seeds: Path, seen: Seen, report: Report, asked: str) -> None:
    """An article page with its metadata (the feed's title; the feed's rest where the page is silent; its text if none)."""
    url = canonical_url(reply.url)
    if url in seen.urls:  # redirected to an article taken already
        seen.urls.add(canonical_url(asked))
        report.skipped += 1
        return
    html = reply.text()
    facts = page_facts(html, reply.url)
    published = facts.get("published", "")
    item = {"title": feed_item.get("title") or facts.get("title", ""),  # a feed's titles lack the " | Outlet" tail
            "published": published if len(published) > 10 else feed_item.get("published") or published,  # the most precise
            "source": facts.get("source") or feed_item.get("source") or urlsplit(url).hostname or "", "url": url,
            "author": facts.get("author") or feed_item.get("author", ""), "text": facts.get("text", "")}
    if len(item["text"].split()) >= MIN_WORDS:
        save(item, html, seeds, seen, report, asked, url)
    elif len(feed_item.get("text", "").split()) >= MIN_WORDS:
        save({**item, "text": feed_item["text"]}, None, seeds, seen, report, asked, url)
    else:
        report.failures.append((asked, "no article text found in the page"))


def take_entry(entry, source: str, fetcher: Fetcher, seeds: Path, seen: Seen, report: Report) -> None:
    """A feed's item: its page when we may fetch it, else the feed's own text."""
    link = entry.get("link", "")
    content = entry.get("content") or [{}]
    item = {"title": entry.get("title", "").strip(), "published": from_struct(entry.get("published_parsed") or entry.get("updated_parsed")),
            "source": source, "url": canonical_url(link) if link else "", "author": entry.get("author", "").strip(),
            "text": html_text(content[0].get("value") or entry.get("summary", ""))}
    if link and canonical_url(link) in seen.urls:
        report.skipped += 1
        return
    why = "no link"
    if link:
        try:
            reply = fetcher.get(link)
        except Disallowed as exc:
            why = str(exc)
        except FetchError as exc:
            report.failures.append((link, str(exc)))
            return
        else:
            take_page(reply, item, seeds, seen, report, link)
            return
    if len(item["text"].split()) >= MIN_WORDS:
        save(item, None, seeds, seen, report, link)
    else:
        report.failures.append((link or item["title"] or "(an item)", why + ", and the feed has no text for it"))


def fetch_one(url: str, fetcher: Fetcher, seeds: Path, seen: Seen) -> Report:
    """A feed (each of its items) or a single article page."""
    import feedparser

    report = Report(url)
    if canonical_url(url) in seen.urls:
        report.skipped += 1
        return report
    try:
        reply = fetcher.get(url)
    except FetchError as exc:
        report.failures.append((url, str(exc)))
        return report
    if not is_feed(reply):
        take_page(reply, {}, seeds, seen, report, url)
        return report
    parsed = feedparser.parse(reply.body, response_headers={"content-type": reply.content_type or "application/xml",
                                                            "content-location": reply.url})
    if parsed.bozo and not parsed.entries:
        report.failures.append((url, f"malformed feed: {parsed.get('bozo_exception', 'unreadable')}"))
        return report
    source = parsed.feed.get("title", "").strip() or urlsplit(reply.url).hostname or ""
    for entry in parsed.entries:
        take_entry(entry, source, fetcher, seeds, seen, report)
    return report


def fetch(urls: list[str], seeds: Path, settings: Settings = DEFAULTS, sleep: Callable[[float], None] = time.sleep) -> list[Report]:
    """Every URL in turn; what was taken is remembered after each, so an interrupted run loses nothing."""
    seeds.mkdir(parents=True, exist_ok=True)
    seen = Seen.load(seeds)
    fetcher = Fetcher(settings, user_agent(settings.config_file), sleep=sleep)
    reports = []
    with fetcher.client:  # closed whatever happens
        for url in urls:
            reports.append(fetch_one(url, fetcher, seeds, seen))
            seen.save()
    return reports


def listed_urls(path: Path) -> list[str]:
    """The URLs of a feeds file: one a line; blank lines and ``#`` comments ignored."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def run_fetch(urls: list[str], seeds: Path, feeds: Path, settings: Settings = DEFAULTS) -> int:
    """The ``fetch`` command: the URLs given, else those of ``feeds``; one line per URL, failures on stderr."""
    if not urls:
        try:
            urls = listed_urls(feeds)
        except OSError as exc:
            print(f"{feeds}: cannot read the feeds file ({exc.strerror})", file=sys.stderr)
            return 1
        if not urls:
            print(f"fetch: no URLs in {feeds}")
            return 0
    for report in (reports := fetch(urls, seeds, settings)):
        print(report.line())
        for url, reason in report.failures:
            print(f"{url}: {reason}", file=sys.stderr)
    return 1 if any(r.failures for r in reports) else 0
