"""The build step (``python -m generator build-site``): after a change, an incremental ``make site`` renders only the
changed pages and indexes only the changed parts, and gives the site a full build gives, file for file."""

import filecmp
import gzip
import json
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import cbor2
import pytest
from mkdocs.structure.files import File

from generator.engine.build import output_path, shares, sources
from generator.engine.search_index import FIRST_STAGE, _pagefind, _stage
from generator.settings import DEFAULTS, Settings
from tests.conftest import ROOT, site_scaffold

PART_WORDS = "1"  # every article a part of its own: a stand-in for a big wiki's many parts
NEW = """Turkish drones strike near Qamishli

QAMISHLI, Syria, March 3, 2026 - Turkish drones struck a car near Qamishli on Tuesday, the Syrian Democratic Forces said.
"""
TAMPER = "<!-- left by the test: gone once the page is rendered again -->"


@pytest.mark.parametrize("src, directory_urls, expected", [
    ("index.md", True, "index.html"),
    ("articles/index.md", True, "articles/index.html"),
    ("articles/raid.md", True, "articles/raid/index.html"),
    ("articles/raid.md", False, "articles/raid.html"),
    ("notes/README.md", True, "notes/index.html"),
    ("exports/tags.csv", True, "exports/tags.csv"),
    ("feed.xml", True, "feed.xml"),
])
def test_outputs_are_where_mkdocs_writes_them(src, directory_urls, expected):
    assert output_path(src, directory_urls) == expected == File(src, "/docs", "/site", directory_urls).dest_uri


def _run(root: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=root, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", "HOME": str(root)})
    assert result.returncode == 0, result.stderr + result.stdout
    assert "WARNING" not in result.stderr, result.stderr
    return result.stdout


def make_site(root: Path, *build: str) -> str:
    """``make site``'s build and index steps (``build``: options of the build step); their report."""
    return _run(root, "build-site", *build) + _run(root, "index-site", "--part-words", PART_WORDS)


def _wiki(root: Path) -> Path:
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("lock", "cache"))
    shutil.copytree(ROOT / "seeds", root / "seeds")
    site_scaffold(root)
    return root


# Pagefind writes its filter chunks from a hash map, in an order that changes from run to run (Pagefind/pagefind#638:
# the fragments and word indexes are stable since 1.3, "other files will still change, such as the filter/metadata
# indexes"); so do their names, and the index metadata and entry file that name them. What they hold is compared.
UNSTABLE = re.compile(r"(.*/)?pagefind/(?:[0-9a-f]{16}/)?(filter/[^/]+|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)")


def _decoded(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(b"pagefind_dcd")
    return cbor2.loads(data[len(b"pagefind_dcd"):])


def _pagefind_holds(bundle: Path) -> dict:
    """What an index part tells a reader's search, in an order of its own: its pages and word chunks, and each filter's
    values with the pages holding them."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta = _decoded(bundle / f"pagefind.{language.pop('hash')}.pf_meta")
        filters = {name: sorted((value, sorted(pages)) for value, pages in _decoded(bundle / "filter" / f"{chunk}.pf_filter")[1])
                   for name, chunk in meta[3]}
        language["meta"] = [meta[0], meta[1], meta[2], sorted(filters.items()), meta[4:]]
    return entry


def _differences(a: Path, b: Path) -> list[str]:
    """The files of ``a`` and ``b`` that differ: each byte, but for Pagefind's unstable ones (above), what they hold."""
    files = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    other = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    stable = {f for f in files | other if not UNSTABLE.fullmatch(f)}
    differ = sorted((files ^ other) & stable) + sorted(f for f in files & other & stable if not filecmp.cmp(a / f, b / f, shallow=False))
    for entry in sorted(f for f in files if f.endswith("pagefind-entry.json")):
        bundle = entry.removesuffix("pagefind-entry.json")
        if not (b / entry).is_file() or _pagefind_holds(a / bundle) != _pagefind_holds(b / bundle):
            differ.append(f"{bundle}: what the index holds")
    return differ + [f"{f}: no index" for f in other - files if f.endswith("pagefind-entry.json")]


@pytest.mark.slow
def test_an_incremental_build_renders_what_changed_and_equals_a_full_build(tmp_path):
    root = _wiki(tmp_path / "incremental")
    scratch = root / "docs" / "notes" / "scratch.md"
    scratch.parent.mkdir()
    scratch.write_text("# Scratch\n\nAn editor's note, deleted before the next build.\n", encoding="utf-8")
    report = make_site(root)
    assert "rendered every page" in report and "(1 indexed again" not in report
    site = root / "site"
    assert (site / "notes" / "scratch" / "index.html").is_file()
    untouched = site / "locations" / "damascus" / "index.html"
    untouched.write_text(untouched.read_text(encoding="utf-8") + TAMPER, encoding="utf-8")

    # An analyst adds a raw article, an editor fixes a word in an old one and deletes their note; then make site.
    (root / "seeds" / "zz-new.txt").write_text(NEW, encoding="utf-8")
    edited = sorted((root / "docs" / "articles").glob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace("\n\n", "\n\nAn editor's sentence.\n\n", 1), encoding="utf-8")
    shutil.rmtree(scratch.parent)
    _run(root, "update")
    report = _run(root, "build-site")
    assert TAMPER in untouched.read_text(encoding="utf-8")  # not rendered again: Damascus's page did not change
    untouched.write_text(untouched.read_text(encoding="utf-8").replace(TAMPER, ""), encoding="utf-8")
    report += _run(root, "index-site", "--part-words", PART_WORDS)
    rendered = int(report.split("rendered ")[1].split(" changed page")[0])
    pages = sum(1 for _ in (root / "docs").rglob("*.md"))
    assert 3 <= rendered < pages / 10, report  # the new article, the edited one, the pages naming the new one
    indexed, parts = int(report.split("(")[1].split(" indexed")[0]), int(report.split("index in ")[1].split(" part")[0])
    assert 2 <= indexed <= 3 < parts, report  # the first part (entities), the new article's, the edited article's
    assert not (site / "notes").exists()  # the deleted page's output is gone, with its folder

    full = tmp_path / "full"
    full.mkdir()
    shutil.copytree(root / "docs", full / "docs")
    site_scaffold(full)
    assert "rendered every page" in make_site(full, "--full")
    assert _differences(site, full / "site") == []


@pytest.mark.slow
def test_the_first_part_indexed_from_what_pagefind_reads_of_each_page_is_the_index_of_the_whole_pages(tmp_path):
    """The first part is indexed from a copy of each page that holds only its language, title and marked article
    (``search_index.readable``): the same pages, words, filters and results as Pagefind makes of the whole pages."""
    root = _wiki(tmp_path / "wiki")
    make_site(root)
    stage = root / FIRST_STAGE  # hard links of the copies
    pages = sorted(p.relative_to(stage).as_posix() for p in stage.rglob("*.html"))
    assert len(pages) > 100 and all("md-header" not in (stage / p).read_text(encoding="utf-8") for p in pages)
    whole = tmp_path / "whole"
    _stage(root / "site", pages, whole)  # hard links of the built pages
    assert "md-header" in (whole / pages[0]).read_text(encoding="utf-8")  # the theme's navigation is there
    _pagefind(whole, tmp_path / "index")
    ours = root / "site" / "pagefind"
    for folder in ("fragment", "index"):  # named by their content
        assert sorted(p.name for p in (ours / folder).iterdir()) == sorted(p.name for p in (tmp_path / "index" / folder).iterdir())
    assert _pagefind_holds(ours) == _pagefind_holds(tmp_path / "index")


@pytest.mark.slow
def test_a_changed_configuration_or_a_site_built_elsewhere_makes_a_full_build(tmp_path):
    root = _wiki(tmp_path)
    make_site(root)
    page = root / "site" / "locations" / "damascus" / "index.html"
    before = {p: p.stat().st_mtime_ns for p in (root / "site").rglob("*") if p.is_file()}
    assert "rendered 0 changed pages" in make_site(root)
    assert {p: p.stat().st_mtime_ns for p in (root / "site").rglob("*") if p.is_file()} == before  # nothing written
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_description:", "site_description: Edited."), encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8") + TAMPER, encoding="utf-8")
    assert "rendered every page" in make_site(root)
    assert TAMPER not in page.read_text(encoding="utf-8")
    home = root / "site" / "index.html"  # another tool built site/: what it holds is not the last build's
    home.write_text(home.read_text(encoding="utf-8") + TAMPER, encoding="utf-8")
    assert "rendered every page" in make_site(root)
    assert "rendered every page" in make_site(root, "--full")


def _split(root: Path, shards: int) -> Settings:
    """Settings that share the pages of ``root``'s wiki among ``shards`` processes (one: none shared)."""
    if shards == 1:
        return replace(DEFAULTS, shard_from=10**9, shard_bytes=10**12)
    return replace(DEFAULTS, shard_from=0, shard_pages=-(-sum(1 for _ in (root / "docs").rglob("*.md")) // shards))


def _shares(root: Path, shards: int) -> str:
    """The build step with its pages shared among ``shards`` processes; what it wrote to stderr (its exit status 0)."""
    settings = _split(root, shards)
    code = ("from pathlib import Path; from generator.engine.build import build_site; from generator.settings import DEFAULTS; "
            "from dataclasses import replace; "
            f"build_site(Path('mkdocs.yml'), full=True, settings=replace(DEFAULTS, shard_from={settings.shard_from}, "
            f"shard_bytes={settings.shard_bytes}, shard_pages={settings.shard_pages}))")
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", "HOME": str(root)})
    return result.stderr if result.returncode == 0 else f"failed: {result.stderr}"


@pytest.mark.slow
def test_pages_shared_among_processes_render_as_one_process_renders_them(tmp_path):
    one, three = _wiki(tmp_path / "one"), _wiki(tmp_path / "three")
    assert _shares(one, 1) == "" and _shares(three, 3) == ""
    files = sorted(p.relative_to(one / "site").as_posix() for p in (one / "site").rglob("*") if p.is_file())
    assert len(files) > 2_000
    assert files == sorted(p.relative_to(three / "site").as_posix() for p in (three / "site").rglob("*") if p.is_file())
    assert [f for f in files if not filecmp.cmp(one / "site" / f, three / "site" / f, shallow=False)] == []


@pytest.mark.slow
def test_a_link_to_an_anchor_on_a_page_another_process_renders_is_checked(tmp_path):
    root = _wiki(tmp_path)
    other = root / "docs" / "locations" / "idlib.md"  # named by two articles: its page has "Often mentioned with"
    split = shares({rel: size for rel, (size, *_) in sources(root / "docs", {}).items() if rel.endswith(".md")}, _split(root, 3))
    assert len(split) == 3
    # an article rendered by another process than Idlib's page
    article = next(a for a in sorted((root / "docs" / "articles").glob("*.md"))
                   if a.name != "index.md" and "locations/idlib.md" not in next(s for s in split if f"articles/{a.name}" in s))
    text = article.read_text(encoding="utf-8")
    good = f"{text}\nSee [where](../locations/{other.name}#often-mentioned-with).\n"
    article.write_text(good, encoding="utf-8")
    assert _shares(root, 3) == ""
    article.write_text(f"{text}\nSee [where](../locations/{other.name}#no-such-part).\n", encoding="utf-8")
    for shards in (3, 1):
        report = _shares(root, shards)
        assert report.startswith("failed:"), shards
        assert f"Doc file 'articles/{article.name}' contains a link '../locations/{other.name}#no-such-part', but the doc " \
               f"'locations/{other.name}' does not contain an anchor '#no-such-part'" in report, report
