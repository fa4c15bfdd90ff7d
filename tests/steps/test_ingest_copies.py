"""Copies of one story on a small wiki: shown as one story, counted once, and the editors' grouping kept."""

import json
import shutil
from pathlib import Path

from generator.content.pages import split
from generator.pipeline import update
from generator.steps.check import check
from generator.steps.copies import page_shingles
from generator.steps.link import link
from generator.store.state import State
from generator.text.copies import shingles
from tests.text.test_copies import OTHER, WIRE

OUTLETS = {  # file: (title, source, published, text)
    "reuters.txt": ("Joint patrols resume on the Deir ez-Zor road", "Reuters", "2020-06-08", WIRE),
    "afp.txt": ("Russian and Turkish patrols back near Deir ez-Zor", "AFP", "2020-06-09", "AFP reports from Damascus: " + WIRE),
    "ap.txt": ("Patrols resume between Deir ez-Zor and Albu Kamal", "AP", "2020-06-10", WIRE + " More on this story as it develops."),
    "sana.txt": ("Clashes near Albu Kamal", "SANA", "2020-06-12", OTHER),
}


def seed(seeds: Path, name: str, title: str, source: str, published: str, text: str) -> None:
    (seeds / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    (seeds / name.replace(".txt", ".meta.yaml")).write_text(f"source: {source}\npublished: {published}\n", encoding="utf-8")


def build(wiki: Path) -> tuple[Path, dict[str, str]]:
    for name, facts in OUTLETS.items():
        seed(wiki / "seeds", name, *facts)
    docs = wiki / "docs"
    assert update(wiki / "seeds", docs)[0] == 0
    state = State.load(docs)
    return docs, {name: state.articles[name].slug for name in OUTLETS}


def page(docs: Path, slug: str) -> str:
    return (docs / "articles" / f"{slug}.md").read_text(encoding="utf-8")


def test_three_outlets_copies_are_one_story_on_the_main_page(wiki):
    docs, slugs = build(wiki)
    main = page(docs, slugs["reuters.txt"])
    assert "copy_of" not in split(main)[0]
    assert (f"**Also reported by:** [AFP]({slugs['afp.txt']}.md) (2020-06-09) · [AP]({slugs['ap.txt']}.md) (2020-06-10)"
            in main)
    for name in ("afp.txt", "ap.txt"):
        copy = page(docs, slugs[name])
        assert split(copy)[0]["copy_of"] == slugs["reuters.txt"]
        assert f"Same story as [Joint patrols resume on the Deir ez-Zor road]({slugs['reuters.txt']}.md), first reported by Reuters" in copy
    assert "Same story as" not in page(docs, slugs["sana.txt"]) and "Also reported by" not in page(docs, slugs["sana.txt"])


def test_entity_pages_index_timeline_and_map_count_the_story_once(wiki):
    docs, slugs = build(wiki)
    place = (docs / "locations" / "albu-kamal.md").read_text(encoding="utf-8")
    assert "## Mentioned in 2 articles" in place  # the story and the other one, not four
    assert f"]({'../articles/'}{slugs['reuters.txt']}.md) · Reuters · also reported by 2 outlets" in place
    assert slugs["afp.txt"] not in place and slugs["ap.txt"] not in place
    index = (docs / "articles" / "index.md").read_text(encoding="utf-8")
    assert "2 articles, newest first. 2 more are copies of these stories from other outlets" in index
    assert f"({slugs['afp.txt']}.md)" not in index and "also reported by 2 outlets" in index
    assert "## Articles published in 2020 (2)" in (docs / "timeline" / "2020.md").read_text(encoding="utf-8")
    assert "**2** [articles]" in (docs / "index.md").read_text(encoding="utf-8")
    features = json.loads((docs / "exports" / "locations.geojson").read_text(encoding="utf-8"))["features"]
    assert next(f for f in features if f["id"] == "albu-kamal")["properties"]["mentions"] == 2
    assert f"articles/{slugs['afp.txt']}.md)" in (docs / "sources" / "afp.md").read_text(encoding="utf-8")  # the outlet's own page lists it


def test_an_editor_ungroups_a_copy_and_it_stays_ungrouped(wiki):
    docs, slugs = build(wiki)
    ap = docs / "articles" / f"{slugs['ap.txt']}.md"
    ap.write_text("".join(line for line in ap.read_text(encoding="utf-8").splitlines(keepends=True)
                          if not line.startswith("copy_of:")), encoding="utf-8")
    seed(wiki / "seeds", "bbc.txt", "Patrols on the Deir ez-Zor road", "BBC", "2020-06-11", "BBC Arabic reports: " + WIRE)
    seed(wiki / "seeds", "ap.txt", OUTLETS["ap.txt"][0], "AP", "2020-06-10", WIRE + " More on this story later.")  # raw changed
    update(wiki / "seeds", docs)
    update(wiki / "seeds", docs)
    assert "copy_of" not in split(ap.read_text(encoding="utf-8"))[0] and "Same story as" not in ap.read_text(encoding="utf-8")
    conflict = docs / ".generator" / "conflicts" / ap.name
    assert conflict.is_file() and "copy_of" not in conflict.read_text(encoding="utf-8")  # the generator's version agrees
    assert State.load(docs).articles["ap.txt"].ungrouped
    bbc = State.load(docs).articles["bbc.txt"].slug
    assert split(page(docs, bbc))[0]["copy_of"] == slugs["reuters.txt"]  # a new copy is still grouped
    main = page(docs, slugs["reuters.txt"])
    assert "[AFP](" in main and "[BBC](" in main and "[AP](" not in main
    assert "## Mentioned in 3 articles" in (docs / "locations" / "albu-kamal.md").read_text(encoding="utf-8")


def test_an_editor_groups_two_articles_by_hand_and_an_incremental_run_matches_a_full_one(wiki):
    docs, slugs = build(wiki)
    sana = docs / "articles" / f"{slugs['sana.txt']}.md"
    sana.write_text(sana.read_text(encoding="utf-8").replace("\nactors:", f"\ncopy_of: {slugs['reuters.txt']}\nactors:", 1),
                    encoding="utf-8")
    update(wiki / "seeds", docs)
    assert f"Same story as [Joint patrols resume on the Deir ez-Zor road]({slugs['reuters.txt']}.md)" in sana.read_text(encoding="utf-8")
    assert "## Mentioned in 1 article\n" in (docs / "locations" / "albu-kamal.md").read_text(encoding="utf-8")
    assert "also reported by 3 outlets" in (docs / "articles" / "index.md").read_text(encoding="utf-8")
    shutil.rmtree(docs / ".generator" / "cache")
    assert link(docs).written == []  # what a run from scratch makes is what the incremental one left


def test_check_reports_a_copy_of_naming_no_article(wiki):
    docs, slugs = build(wiki)
    sana = docs / "articles" / f"{slugs['sana.txt']}.md"
    text = sana.read_text(encoding="utf-8").replace("\nactors:", "\ncopy_of: no-such-article\nactors:", 1)
    sana.write_text(text, encoding="utf-8")
    line = text[: text.index("copy_of:")].count("\n") + 1
    problems = [str(p) for p in check(docs)]
    assert any(p.startswith(f"{sana}:{line}: `copy_of` names no other article page (no-such-article)") for p in problems), problems


def test_a_page_gives_the_shingles_of_the_text_it_was_made_from(wiki):
    docs, slugs = build(wiki)
    body = split(page(docs, slugs["sana.txt"]))[2]
    assert page_shingles(body) == shingles(OTHER)  # links, escapes and the tag line aside


def test_a_feed_fetched_from_a_server_gives_its_copies_grouped(wiki):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from generator.read.fetch import fetch as fetch_urls
    from tests.read.test_fetch import FAST

    pages = {"/a": ("Levant Monitor", "2024-06-08T09:00:00Z", "Levant Monitor reports: " + WIRE),
             "/b": ("Syria Wire", "2024-06-08T15:00:00Z", "From our correspondents: " + WIRE),
             "/c": ("Syria Wire", "2024-06-09T10:00:00Z", OTHER)}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                items = "".join(f"<item><title>Story {p[1:]}</title><link>{base}{p}</link></item>" for p in pages)
                body, kind = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{items}</channel></rss>', "application/rss+xml"
            elif self.path in pages:
                outlet, when, text = pages[self.path]
                body, kind = (f'<html><head><title>Story {self.path[1:]}</title><meta property="og:site_name" content="{outlet}">'
                              f'<meta property="article:published_time" content="{when}"></head><body><article>'
                              f"<h1>Story {self.path[1:]}</h1><p>{text}</p></article></body></html>"), "text/html; charset=utf-8"
            else:
                body, kind = ("User-agent: *\n" if self.path == "/robots.txt" else "not found"), "text/plain"
            data = body.encode()
            self.send_response(200 if self.path in pages or self.path in ("/feed.xml", "/robots.txt") else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        [report] = fetch_urls([f"http://127.0.0.1:{server.server_address[1]}/feed.xml"], wiki / "seeds", FAST, sleep=lambda s: None)
    finally:
        server.shutdown()
        server.server_close()
    assert report.new == 3, report.line()
    docs = wiki / "docs"
    update(wiki / "seeds", docs)
    metas = {split(p.read_text(encoding="utf-8"))[0]["title"]: (p.stem, split(p.read_text(encoding="utf-8"))[0])
             for p in (docs / "articles").glob("*.md") if p.name != "index.md"}
    (a, meta_a), (b, meta_b), (_, meta_c) = metas["Story a"], metas["Story b"], metas["Story c"]
    assert meta_a["source"] == "Levant Monitor" and meta_a["published"] == "2024-06-08 09:00" and meta_a["url"].endswith("/a")
    assert meta_b["copy_of"] == a and "copy_of" not in meta_a and "copy_of" not in meta_c
    assert f"**Also reported by:** [Syria Wire]({b}.md) (2024-06-08 15:00)" in page(docs, a)
