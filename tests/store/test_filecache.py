"""The local cache: a value holds only while its file is the one it came from."""

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.store.filecache import FileCache


@pytest.fixture
def page(tmp_path):
    """A page under a docs folder, and nothing cached yet."""
    path = tmp_path / "docs" / "a.md"
    path.parent.mkdir()
    path.write_text("---\ntitle: A\n---\nText.\n", encoding="utf-8")
    return path


def test_a_value_survives_a_new_process_until_its_file_changes(page):
    docs = page.parent
    cache = FileCache.load(docs)
    cache.put("owned", page, "digest-of-one")
    cache.save()
    assert FileCache.load(docs).get("owned", page) == "digest-of-one"
    page.write_text("two", encoding="utf-8")  # an editor saved the page
    assert FileCache.load(docs).get("owned", page) is None
    assert FileCache.load(docs).stale("owned", page) == "digest-of-one"  # what it was, for telling what changed


def test_a_section_rewrite_keeps_what_does_not_read_sections(page):
    cache = FileCache.load(page.parent)
    cache.put("entity", page, "front matter facts")
    cache.put("digest", page, "whole-file digest")
    before = os.stat(page)
    page.write_text("---\ntitle: A\n---\nText.\n<!-- generated:x -->new<!-- /generated:x -->\n", encoding="utf-8")
    cache.carry(page, (before.st_size, before.st_mtime_ns, before.st_ctime_ns, before.st_ino))
    assert cache.get("entity", page) == "front matter facts"
    assert cache.get("digest", page) is None  # the whole file's digest did change


def test_an_unreadable_or_foreign_cache_is_ignored(page):
    docs = page.parent
    cache = FileCache.load(docs)
    cache.put("owned", page, "x")
    cache.save()
    for path in (docs / ".generator" / "cache").glob("*.pickle"):
        path.write_bytes(b"not a pickle")
    assert FileCache.load(docs).get("owned", page) is None


def test_what_another_version_of_the_generator_learned_is_not_trusted(page, monkeypatch):
    """A new version may render pages differently: its first run must not skip them on an older version's word."""
    from generator.store import filecache

    cache = FileCache.load(page.parent)
    cache.put("owned", page, "digest-of-one")
    cache.save()
    assert FileCache.load(page.parent).get("owned", page) == "digest-of-one"
    monkeypatch.setattr(filecache, "code_version", lambda: "another version")
    assert FileCache.load(page.parent).get("owned", page) is None


def test_a_run_that_changes_one_entry_rewrites_only_the_file_that_holds_it(tmp_path):
    docs = tmp_path / "docs"
    pages = [docs / f"p{i}.md" for i in range(60)]
    docs.mkdir()
    for page in pages:
        page.write_text(page.stem, encoding="utf-8")
    cache = FileCache.load(docs)
    for page in pages:
        cache.put("owned", page, f"digest of {page.stem}")
    cache.save()
    files = sorted((docs / ".generator" / "cache").glob("owned.*.pickle"))
    before = {f: f.stat().st_mtime_ns for f in files}
    for f in files:  # an old time, so that a rewrite shows
        os.utime(f, ns=(1, 1))
    cache = FileCache.load(docs)
    cache.put("owned", pages[7], "new digest")
    cache.save()
    assert len(before) > 1 and sum(f.stat().st_mtime_ns != 1 for f in files) == 1
    again = FileCache.load(docs)
    assert [again.get("owned", page) for page in pages] == [
        "new digest" if page == pages[7] else f"digest of {page.stem}" for page in pages]


def test_a_table_of_values_is_remembered_whole_and_a_missing_file_forgets_it(tmp_path):
    docs = tmp_path / "docs"
    cache = FileCache.load(docs)
    cache.keep_table("csv", {f"article-{i}": f"rows {i}\n" for i in range(40)})
    cache.save()
    cache = FileCache.load(docs)
    table = cache.table("csv")
    assert table == {f"article-{i}": f"rows {i}\n" for i in range(40)}
    del table["article-3"]
    table["article-40"] = "rows 40\n"
    cache.keep_table("csv", table)
    cache.save()
    assert FileCache.load(docs).table("csv") == table
    next((docs / ".generator" / "cache").glob("csv.*.pickle")).unlink()  # a shard lost: the others are not the table
    assert FileCache.load(docs).table("csv") == {}


def test_a_save_killed_between_two_shards_leaves_nothing_trusted(tmp_path):
    """A save writes its shards one by one; killed between two, it leaves some new and some old, and no mark that the
    kind is whole: the next run reads none of it (and learns it again) rather than a mix of two runs."""
    docs = tmp_path / "docs"
    cache = FileCache.load(docs)
    cache.keep_table("csv", {f"article-{i}": f"rows {i}\n" for i in range(40)})
    cache.save()
    assert FileCache.load(docs).table("csv")
    next((docs / ".generator" / "cache").glob("csv.*.whole")).unlink()  # as the save does first, before its shards
    assert FileCache.load(docs).table("csv") == {}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["docs", "articles", "a.md", ".", "..", "", "x y", ".hidden"]), min_size=1, max_size=6))
def test_a_relative_path_is_keyed_as_its_absolute_path(parts):
    """Keys are made folder by folder, the working directory asked once per folder: the same as ``os.path.abspath``."""
    cache = FileCache(Path("docs"), persistent=False)
    path = "/".join(parts)
    if path.startswith("/"):
        return
    for form in (path, Path(path)) if path else (path,):
        assert cache.key(form) == os.path.abspath(form)
    assert cache.key(path) == os.path.abspath(path)  # asked again: from what the cache made of its folder
