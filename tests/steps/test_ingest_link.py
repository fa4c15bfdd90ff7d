"""Ingest and link together, on a small wiki: what an editor sees and keeps."""

import shutil
from pathlib import Path

import pytest

from generator.content.pages import digest, split
from generator.content.registry import load_registry
from generator.settings import DEFAULTS
from generator.steps.ingest import ingest
from generator.steps.link import link

ARTICLE = """skip to Main Content

Moscow and Ankara agree on new patrols near Deir ez-Zor

Moscow said on Monday that joint patrols with Turkey would resume. Ankara sent more troops.
Fighting continued in Deir al-Zor, where Col. Ryan Dillon, a spokesperson for the coalition, said nothing had changed.
The patrols follow the March 5 agreement.

Back To Top
"""


def build(wiki: Path, article: str = ARTICLE) -> tuple[Path, Path]:
    (wiki / "seeds" / "001.txt").write_text(article, encoding="utf-8")
    docs = wiki / "docs"
    ingest(wiki / "seeds", docs)
    link(docs)
    page = next(p for p in (docs / "articles").glob("*.md") if p.name != "index.md")
    return docs, page


def snapshot(docs: Path) -> dict[str, bytes]:
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_article_page_has_the_contract_front_matter_and_links(wiki):
    docs, page = build(wiki)
    meta, _, body = split(page.read_text(encoding="utf-8"))
    assert meta["title"] == "Moscow and Ankara agree on new patrols near Deir ez-Zor"
    assert meta["original"] == "001.txt"
    assert meta["actors"] == ["russia", "ryan-dillon", "turkey"]
    assert meta["locations"] == ["deir-ez-zor"]
    assert meta["agreements"] == ["moscow-protocol"]
    assert "[Moscow](../actors/russia.md) said" in body
    assert body.count("](../actors/russia.md)") == 2  # the first mention in the text, plus the tag line
    assert "skip to Main Content" not in body


def test_discovered_person_is_a_proposed_page_listed_for_review(wiki):
    docs, _ = build(wiki)
    meta, _, _ = split((docs / "actors" / "ryan-dillon.md").read_text(encoding="utf-8"))
    assert meta["status"] == "proposed"
    assert "[Ryan Dillon](actors/ryan-dillon.md)" in (docs / "review.md").read_text(encoding="utf-8")


def test_entity_page_lists_the_article_with_its_sentence_and_companions(wiki):
    docs, page = build(wiki)
    text = (docs / "locations" / "deir-ez-zor.md").read_text(encoding="utf-8")
    assert f"](../articles/{page.stem}.md)" in text
    assert "Fighting continued in **Deir al-Zor**" in text
    assert "## Often mentioned with" in text and "[Russia](../actors/russia.md)" in text


def test_second_run_with_nothing_changed_writes_nothing(wiki):
    docs, _ = build(wiki)
    before = snapshot(docs)
    assert ingest(wiki / "seeds", docs).written == []
    assert link(docs).written == []
    assert snapshot(docs) == before


def test_editor_text_outside_generated_sections_survives_a_run(wiki):
    docs, page = build(wiki)
    entity_page = docs / "actors" / "russia.md"
    edited = entity_page.read_text(encoding="utf-8").replace("About Russia.", "About Russia.\n\nAn editor's paragraph.")
    entity_page.write_text(edited + "\nA closing note by an editor.\n", encoding="utf-8")
    article = page.read_text(encoding="utf-8").replace("Ankara sent more troops.", "Ankara sent more troops (editor's fix).")
    page.write_text(article, encoding="utf-8")
    link(docs)
    ingest(wiki / "seeds", docs)
    link(docs)
    assert "An editor's paragraph." in entity_page.read_text(encoding="utf-8")
    assert entity_page.read_text(encoding="utf-8").endswith("A closing note by an editor.\n")
    assert "(editor's fix)" in page.read_text(encoding="utf-8")


def test_changed_raw_file_does_not_overwrite_an_edited_page(wiki):
    docs, page = build(wiki)
    page.write_text(page.read_text(encoding="utf-8").replace("Ankara sent", "Ankara, an editor notes, sent"), encoding="utf-8")
    (wiki / "seeds" / "001.txt").write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    report = ingest(wiki / "seeds", docs)
    assert "an editor notes" in page.read_text(encoding="utf-8")
    assert len(report.conflicts) == 1 and str(page) in report.conflicts[0]
    assert "on Tuesday" in (docs / ".generator" / "conflicts" / page.name).read_text(encoding="utf-8")  # the other version


def test_changed_raw_file_updates_an_unedited_page(wiki):
    docs, page = build(wiki)
    (wiki / "seeds" / "001.txt").write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    report = ingest(wiki / "seeds", docs)
    assert report.conflicts == []
    assert "on Tuesday" in page.read_text(encoding="utf-8")


def test_bad_file_is_reported_and_the_rest_ingested(wiki):
    (wiki / "seeds" / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    (wiki / "seeds" / "empty.txt").write_text("  \n", encoding="utf-8")
    docs, _ = build(wiki)
    report = ingest(wiki / "seeds", docs)
    assert any("bad.txt" in p and "binary" in p for p in report.problems)
    assert any("empty.txt" in p and "empty" in p for p in report.problems)
    assert len([p for p in (docs / "articles").glob("*.md") if p.name != "index.md"]) == 1


def test_a_bad_file_touches_no_existing_page(wiki):
    docs, page = build(wiki)
    before = snapshot(docs)
    (wiki / "seeds" / "001.txt").write_bytes(b"\x00\x01 now corrupt")  # the raw file of an existing page breaks
    (wiki / "seeds" / "new.pdf").write_bytes(b"%PDF")
    report = ingest(wiki / "seeds", docs)
    assert sorted(p.split(":")[0] for p in report.problems) == [str(wiki / "seeds" / "001.txt"), str(wiki / "seeds" / "new.pdf")]
    assert snapshot(docs) == before


def test_cli_summarises_skipped_files_and_exits_non_zero(wiki):
    import subprocess
    import sys

    from tests.conftest import ROOT

    (wiki / "seeds" / "001.txt").write_text(ARTICLE, encoding="utf-8")
    (wiki / "seeds" / "empty.txt").write_text("", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "ingest", "--seeds", str(wiki / "seeds"), "--docs", str(wiki / "docs")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{wiki / 'seeds' / 'empty.txt'}: file is empty" in result.stderr
    assert "1 written" in result.stdout and "1 skipped" in result.stdout


def test_same_article_under_another_name_is_reported_not_duplicated(wiki):
    docs, page = build(wiki)
    (wiki / "seeds" / "copy-of-001.txt").write_text(ARTICLE.replace("Back To Top", "Share this"), encoding="utf-8")
    report = ingest(wiki / "seeds", docs)
    assert report.written == []
    assert any("copy-of-001.txt: same text as 001.txt" in p for p in report.problems)
    assert [p.name for p in (docs / "articles").glob("*.md") if p.name != "index.md"] == [page.name]


def test_yaml_in_a_title_stays_a_title(wiki):
    hostile = 'actors: [evil-corp]\n---\nreview: "x" # {{ 7*7 }}'
    (wiki / "seeds" / "y.txt").write_text(f"{hostile.splitlines()[0]}\n\nMoscow said talks resume. {hostile}\n", encoding="utf-8")
    ingest(wiki / "seeds", wiki / "docs")
    page = next(p for p in (wiki / "docs" / "articles").glob("*.md"))
    meta, _, body = split(page.read_text(encoding="utf-8"))
    assert meta["title"] == "actors: [evil-corp]"
    assert meta["actors"] == ["russia"] and "review" not in meta
    assert "\\---" in body or "---" not in body.split("\n")


def test_one_process_writes_what_separate_steps_write(tmp_path):
    """``update`` hands link and check what ingest knows of the pages it wrote; steps run apart read the pages back.
    Both must give the same wiki, byte for byte (a fact handed over that differs from the page fails this)."""
    from generator.cli import main
    from generator.dev.bench import scaffold
    from generator.dev.synth import synth
    from generator.steps.check import check
    from generator.store.filecache import CACHE_DIR

    trees = []
    for name in ("together", "apart"):
        root = tmp_path / name
        docs = scaffold(root)
        synth(40, root / "seeds", docs, seed=7)
        if name == "together":
            assert main(["update", "--seeds", str(root / "seeds"), "--docs", str(docs)]) == 0
        else:
            ingest(root / "seeds", docs)
            shutil.rmtree(docs / CACHE_DIR)  # nothing remembered: every page is read back as written
            link(docs)
            shutil.rmtree(docs / CACHE_DIR)
            assert check(docs) == []
        trees.append({k: v for k, v in snapshot(docs).items() if "cache" not in k and not k.endswith("lock")})
    assert trees[0] == trees[1]
    assert sum(1 for k in trees[0] if k.startswith("articles/")) == 41


def test_what_ingest_hands_over_is_what_the_written_page_says(tmp_path):
    """Link trusts ingest's facts of a page it just wrote instead of reading it: they must be the page's own."""
    from generator.content.article import read_article
    from generator.content.pages import file_digest, owned_digest
    from generator.dev.bench import scaffold
    from generator.dev.synth import synth
    from generator.site.exports import tags_rows
    from generator.site.render import tags_section
    from generator.store.filecache import FileCache, signature

    docs = scaffold(tmp_path)
    synth(300, tmp_path / "seeds", docs, seed=11)  # enough for the worker pool
    cache = FileCache(docs, persistent=False)
    report = ingest(tmp_path / "seeds", docs, cache)
    pages = [p for p in sorted((docs / "articles").glob("*.md")) if p.name != "index.md"]
    assert len(pages) == 300 and len(report.pages) == 300
    entities = load_registry(docs).entities
    for page in pages:
        text, sig = page.read_text(encoding="utf-8"), signature(page)
        written = report.pages[str(page.resolve())]
        assert written.sig == sig
        assert written.page == read_article(page)  # what the graph, check and retag would read
        assert written.page.owned == owned_digest(text) and written.file_digest == file_digest(text)
        assert written.tag_line == digest(tags_section(written.page.ref, entities))
        assert written.csv_rows == tags_rows(written.page.ref, entities)


# What the seeds themselves let a reader know (read off the texts before the code was written): the outlet where the
# attribution or an "Outlet –" lead names it; no seed prints its date, so the latest agreement each one names bounds it,
# and the one naming none stays undated.
SEEDS_PROVENANCE = {
    "000_6defa81847677637.txt": ("The Syrian Observer", "2023-06-21", "not before 2023-06-21 (names the Russian road map for Syrian–Turkish normalisation)"),
    "001_89f935805f77f3d3.txt": (None, "2020-03-05", "not before 2020-03-05 (names the Moscow ceasefire protocol of 5 March 2020)"),
    "002_ec0b9047ecaaa813.txt": (None, "2020-07-08", "not before 2020-07-08 (names the Iran–Syria military cooperation agreement of 2020)"),
    "003_c63de3b4dff9bd87.txt": ("The Syrian Observer", None, None),
    "004_46bc68fc3da17950.txt": ("Tabnak", "2015-10-20", "not before 2015-10-20 (names the US–Russia deconfliction arrangement)"),
}


def test_the_seed_pages_show_what_can_be_known_of_where_and_when(tmp_path):
    root = Path(__file__).resolve().parents[2]
    docs = tmp_path / "docs"
    for folder in ("actors", "locations", "agreements"):
        shutil.copytree(root / "docs" / folder, docs / folder, ignore=shutil.ignore_patterns("index.md"))
    ingest(root / "seeds", docs)
    link(docs)
    found = {}
    for page in (docs / "articles").glob("*.md"):
        meta, _, body = split(page.read_text(encoding="utf-8"))
        if page.name != "index.md":
            found[meta["original"]] = (meta.get("source"), meta.get("published"), meta.get("published_estimate"))
            assert ("about " in body and "(estimated: " in body) == bool(meta.get("published_estimate")), page
    assert found == SEEDS_PROVENANCE
    index = (docs / "articles" / "index.md").read_text(encoding="utf-8")
    assert "about 2023-06-21 · [Agreement on “Road Map”" in index and index.count("- undated · ") == 1


def test_a_sidecar_gives_the_outlet_and_the_date_and_the_editor_has_the_last_word(wiki):
    seeds, docs = wiki / "seeds", wiki / "docs"
    (seeds / "001.txt").write_text(ARTICLE, encoding="utf-8")
    ingest(seeds, docs)
    page = next(p for p in (docs / "articles").glob("*.md"))
    assert "source" not in split(page.read_text(encoding="utf-8"))[0]
    # the analyst writes a sidecar: the article is read again and the page says where it comes from
    (seeds / "001.meta.yaml").write_text("source: Reuters\npublished: 2020-06-08 14:30\nurl: https://example.org/a\nauthor: Jane Doe\n",
                                         encoding="utf-8")
    ingest(seeds, docs)
    link(docs)
    meta, _, body = split(page.read_text(encoding="utf-8"))
    assert (meta["source"], meta["published"], meta["url"], meta["author"]) == ("Reuters", "2020-06-08 14:30", "https://example.org/a", "Jane Doe")
    assert "**Source:** [Reuters](../sources/reuters.md) · **Published:** 8 June 2020, 14:30 · [original](https://example.org/a) · by Jane Doe" in body
    # an editor corrects the date: link shows it, and nothing puts the generator's back
    page.write_text(page.read_text(encoding="utf-8").replace("published: 2020-06-08 14:30", "published: '2020-06-09'"), encoding="utf-8")
    ingest(seeds, docs)
    link(docs)
    meta, _, body = split(page.read_text(encoding="utf-8"))
    assert meta["published"] == "2020-06-09" and "**Published:** 9 June 2020 ·" in body
    # a broken sidecar is reported where it is broken; the article is still there
    (seeds / "002.txt").write_text(ARTICLE.replace("Moscow said", "Ankara said"), encoding="utf-8")
    (seeds / "002.meta.yaml").write_text("published: 8 June\n", encoding="utf-8")
    report = ingest(seeds, docs)
    assert [line.split(": ", 1)[0] for line in report.notes] == [f"{seeds / '002.meta.yaml'}:1"] and len(report.written) == 1


def test_a_name_only_the_title_gives_is_tagged_but_not_linked_and_retag_keeps_it(wiki):
    from generator.steps.retag import retag

    docs, page = build(wiki, "Erdogan meets Lavrentyev over the Astana talks\n\nThe two sides met on Monday and agreed to meet again.\n")
    before = page.read_text(encoding="utf-8")
    meta, _, body = split(before)
    assert {"recep-tayyip-erdogan", "alexander-lavrentyev"} <= set(meta["actors"]) and meta["agreements"] == ["astana-talks"]
    assert "The two sides met on Monday" in body and "](../actors/recep-tayyip-erdogan.md) and" not in body
    assert retag(docs).added == 0 and page.read_text(encoding="utf-8") == before


def test_a_known_place_in_another_spelling_is_tagged_and_offered_to_the_editor_as_an_alias(wiki):
    docs, page = build(wiki, "Clashes in the east\n\nFighting continued in Dayr az-Zawr on Monday, residents said.\n")
    assert split(page.read_text(encoding="utf-8"))[0]["locations"] == ["deir-ez-zor"]
    assert not (docs / "locations" / "dayr-az-zawr.md").exists()  # never a twin
    review = (docs / "review.md").read_text(encoding="utf-8")
    assert "“Dayr az-Zawr” for [Deir ez-Zor](locations/deir-ez-zor.md)" in review


def test_a_reader_can_follow_an_entity_by_its_own_feed(wiki):
    import xml.etree.ElementTree as ET

    docs, page = build(wiki)
    later = ("Patrols resume near Deir ez-Zor\n\nPublished: 2024-05-02\n\nA convoy of eleven vehicles crossed the river east of "
             "Deir ez-Zor on Thursday morning, residents said, two days after the last patrol was called off by the command.\n")
    (wiki / "seeds" / "002.txt").write_text(later, encoding="utf-8")
    (wiki / "seeds" / "001.txt").write_text(ARTICLE.replace("skip to Main Content", "Published: 2024-04-30"), encoding="utf-8")
    ingest(wiki / "seeds", docs)
    link(docs)
    assert "**Follow:** [RSS feed of the articles naming it](../feeds/locations/deir-ez-zor.xml)" in \
        (docs / "locations" / "deir-ez-zor.md").read_text(encoding="utf-8")
    channel = ET.parse(docs / "feeds" / "locations" / "deir-ez-zor.xml").getroot().find("channel")
    assert channel.findtext("title") == "Deir ez-Zor — Situation Wiki"
    assert [i.findtext("title") for i in channel.iter("item")] == [  # newest first
        "Patrols resume near Deir ez-Zor", "Moscow and Ankara agree on new patrols near Deir ez-Zor"]
    assert [i.findtext("title") for i in ET.parse(docs / "feeds" / "locations" / "damascus.xml").getroot().iter("item")] == []

    (wiki / "mkdocs.yml").write_text("site_name: Wiki\nsite_url: https://example.org/wiki/\n", encoding="utf-8")
    link(docs)  # the site moved: every feed links the new address
    assert ET.parse(docs / "feeds" / "actors" / "turkey.xml").getroot().find("channel").findtext("link") == \
        "https://example.org/wiki/actors/turkey/"
    (docs / "locations" / "damascus.md").unlink()  # an editor deletes an entity page: its feed goes too
    link(docs)
    assert not (docs / "feeds" / "locations" / "damascus.xml").exists()


@pytest.mark.slow
def test_a_wiki_comes_out_the_same_from_one_process_and_from_two(tmp_path, monkeypatch):
    """Ingest, retag, link and guard on every core (articles read and tagged, entity pages and views rendered, pages
    made safe in workers) write the same files, byte for byte, as one process doing it all."""
    import generator.store.parallel as parallel
    from generator.dev.bench import scaffold
    from generator.dev.synth import synth
    from generator.steps.guard import guard
    from generator.steps.retag import retag

    seeds = tmp_path / "seeds"
    synth(DEFAULTS.pool_from + 50, seeds, scaffold(tmp_path / "w0"), seed=11)
    trees = []
    for count in (1, 2):
        monkeypatch.setattr(parallel, "workers", lambda count=count: count)
        docs = scaffold(tmp_path / f"w{count}")
        ingest(seeds, docs)
        retag(docs)
        link(docs)
        guard(docs)
        trees.append({k: v for k, v in snapshot(docs).items() if not k.startswith(".generator/cache")})
    assert len(trees[0]) > DEFAULTS.pool_from and trees[0] == trees[1]
