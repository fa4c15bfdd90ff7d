"""The committed registry and docs: complete, consistent, and exactly what the generator makes."""

import shutil

from generator.content.registry import load_registry
from generator.steps.check import check
from generator.steps.ingest import ingest
from generator.steps.link import link
from generator.steps.retag import retag
from generator.store.filecache import FileCache
from tests.conftest import ROOT, write_registry

DOCS = ROOT / "docs"


def test_registry_covers_the_conflict():
    entities = load_registry(DOCS).entities.values()
    counts = {t: sum(1 for e in entities if e.type == t and not e.proposed) for t in ("actors", "locations", "agreements")}
    assert counts["actors"] >= 400 and counts["locations"] >= 300 and counts["agreements"] >= 80
    kinds = {e.kind for e in entities if e.type == "actors"}
    assert {"state", "government", "armed group", "person", "organisation"} <= kinds


def test_every_curated_location_has_coordinates():
    missing = [e.slug for e in load_registry(DOCS).entities.values() if e.type == "locations" and not e.proposed and not e.coordinates]
    assert missing == []


def test_committed_docs_pass_check():
    assert [str(p) for p in check(DOCS)] == []


LOCAL = ("lock", "cache")  # gitignored: the run lock and the local file cache


def test_committed_docs_are_exactly_what_the_generator_makes(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")  # the feed's site URL comes from it
    for generated in ["articles", ".generator"]:
        shutil.rmtree(docs / generated)
    for page in ["index.md", "review.md", "actors/index.md", "locations/index.md", "agreements/index.md"]:
        (docs / page).unlink()
    ingest(ROOT / "seeds", docs)
    retag(docs)
    link(docs)
    made = {p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file() and not set(LOCAL) & {p.name, p.parent.name}}
    committed = {p.relative_to(DOCS): p.read_bytes() for p in DOCS.rglob("*") if p.is_file() and not set(LOCAL) & {p.name, p.parent.name}}
    assert sorted(made) == sorted(committed)
    assert [name for name in made if made[name] != committed[name]] == []


SDF = "actors/syrian-democratic-forces"


def test_a_broken_entity_page_stays_in_the_registry_as_far_as_it_reads(tmp_path):
    """Issue 17, case 10: the registry keeps a page it cannot read, so the articles naming it keep their tags and links
    and are not called "unknown"; the keys that still read alone are kept (here all but ``kind``), and retag takes none
    of its tags back meanwhile (``unjudged``)."""
    docs = tmp_path / "docs"
    write_registry(docs)
    page = docs / f"{SDF}.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("kind: armed group", "kind: armed: group"), encoding="utf-8")
    registry = load_registry(docs)
    entity = registry.entities[("actors", "syrian-democratic-forces")]
    assert (entity.title, entity.aliases, entity.kind) == ("Syrian Democratic Forces", ("SDF", "QSD"), "")
    assert registry.unjudged == {SDF}
    assert registry.problems == []  # check reports it, once, at its line
    page.write_text(good, encoding="utf-8")
    registry = load_registry(docs)
    assert registry.unjudged == frozenset() and registry.entities[("actors", "syrian-democratic-forces")].kind == "armed group"


def test_a_page_broken_since_the_last_run_keeps_what_that_run_read(tmp_path):
    docs = tmp_path / "docs"
    write_registry(docs)
    cache = FileCache(docs, persistent=False)
    before = load_registry(docs, cache)
    page = docs / f"{SDF}.md"
    page.write_text("---\ntitle: [Syrian Democratic Forces\n---\n", encoding="utf-8")  # even the title line is broken
    after = load_registry(docs, cache)
    key = ("actors", "syrian-democratic-forces")
    assert after.entities[key] == before.entities[key]
    assert after.unjudged == {SDF} and (after.fingerprint, after.shown) == (before.fingerprint, before.shown)  # nothing to redo
    assert load_registry(docs).entities[key].title == "syrian-democratic-forces"  # nothing to go by but the slug
