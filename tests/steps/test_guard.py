"""The guard step: unsafe editor HTML removed from the page on disk, reported as path:line, read once."""

import os

from generator.content.pages import split
from generator.pipeline import run_guard
from generator.steps.guard import guard
from generator.store.filecache import FileCache

ENTITY = "---\ntitle: SDF\naliases:\n- SDF\n---\n\nAbout the SDF.\n\nSeen <img src=x onerror=alert(1)> here.\n"
CLEAN = "---\ntitle: Russia\naliases: []\n---\n\nA <b>bold</b> claim, a < b & c.\n\n> quoted\n"


def wiki(tmp_path):
    docs = tmp_path / "docs"
    (docs / "actors").mkdir(parents=True)
    (docs / "actors" / "sdf.md").write_text(ENTITY, encoding="utf-8")
    (docs / "actors" / "russia.md").write_text(CLEAN, encoding="utf-8")
    (docs / "notes.md").write_text("An editor's page. <script>alert(2)</script>\n", encoding="utf-8")
    (docs / ".generator").mkdir()
    (docs / ".generator" / "scratch.md").write_text("<script>not a page</script>\n", encoding="utf-8")
    return docs


def test_an_unsafe_page_is_rewritten_and_the_report_names_file_and_line(tmp_path):
    docs = wiki(tmp_path)
    clean_before = os.stat(docs / "actors" / "russia.md").st_mtime_ns
    report = guard(docs)
    assert sorted(report.written) == sorted([str(docs / "actors" / "sdf.md"), str(docs / "notes.md")])
    assert (docs / "actors" / "sdf.md").read_text(encoding="utf-8") == ENTITY.replace(" onerror=alert(1)>", ">").replace("src=x", 'src="x"')
    assert (docs / "notes.md").read_text(encoding="utf-8") == "An editor's page. \n"
    lines = [str(p) for p in report.problems]
    assert lines[0].startswith(f"{docs / 'actors' / 'sdf.md'}:9: removed the onerror attribute of <img> (script in a page runs for every reader) — ")
    assert lines[1].startswith(f"{docs / 'notes.md'}:1: removed <script> and its content")
    assert len(lines) == 2
    assert os.stat(docs / "actors" / "russia.md").st_mtime_ns == clean_before
    assert (docs / ".generator" / "scratch.md").read_text(encoding="utf-8") == "<script>not a page</script>\n"


def test_a_second_run_reads_and_writes_nothing(tmp_path):
    docs = wiki(tmp_path)
    cache = FileCache.load(docs)
    assert guard(docs, cache).read == 3
    cache.save()
    again = guard(docs, FileCache.load(docs))
    assert (again.read, again.written, again.problems) == (0, [], [])
    (docs / "actors" / "russia.md").write_text(CLEAN + "\n<svg onload=alert(3)>\n", encoding="utf-8")
    edited = guard(docs, FileCache.load(docs))
    assert edited.read == 1 and [p.line for p in edited.problems] == [10]


def test_the_pipeline_step_reports_on_stderr_and_does_not_fail_the_run(tmp_path, capsys):
    docs = wiki(tmp_path)
    status, written = run_guard(docs)
    out, err = capsys.readouterr()
    assert status == 0 and len(written) == 2
    assert "sdf.md:9: removed the onerror attribute" in err
    assert "guard: 3 pages read, 2 rewritten, 2 removals" in out


def test_markers_an_editor_types_do_not_shield_a_script(tmp_path):
    """Only the first section of each name the generator writes on that page is its own; markers around anything else
    are the editor's text, and cleaned."""
    docs = tmp_path / "docs"
    (docs / "actors").mkdir(parents=True)
    (docs / "articles").mkdir()
    forged_map = "<!-- generated:map -->\n<script>alert('map')</script>\n<!-- /generated:map -->\n"
    entity = f"---\ntitle: SDF\naliases: []\n---\n\n{forged_map}"
    real = '<!-- generated:mentions -->\n<div class="wiki-map" data-lat="1" style="height: 9px"></div>\n<!-- /generated:mentions -->\n'
    (docs / "actors" / "sdf.md").write_text(entity + real, encoding="utf-8")
    tags = "<!-- generated:tags -->\nTags\n<!-- /generated:tags -->\n"
    second = "<!-- generated:tags -->\n<img src=x onerror=alert('tags')>\n<!-- /generated:tags -->\n"
    (docs / "articles" / "a.md").write_text(f"---\ntitle: A\n---\n{tags}\nText.\n{second}", encoding="utf-8")
    guard(docs)
    sdf = (docs / "actors" / "sdf.md").read_text(encoding="utf-8")
    assert "alert('map')" not in sdf and real in sdf  # the generator's own section, with its markup, is left alone
    article = (docs / "articles" / "a.md").read_text(encoding="utf-8")
    assert "onerror" not in article and tags in article


def test_a_title_typed_as_html_is_rewritten_as_text_and_reported_on_its_line(tmp_path):
    """The theme prints titles unescaped, and no engine but MkDocs (with a hook) could change them while it builds."""
    docs = tmp_path / "docs"
    (docs / "actors").mkdir(parents=True)
    evil = "---\n# an editor's note\ntitle: <img src=x onerror=alert('t')>\naliases:\n- Evil Brigade\n---\n\nAbout <b>it</b>.\n"
    (docs / "actors" / "evil.md").write_text(evil, encoding="utf-8")
    folded = "---\naliases: []\ntitle: >\n  Tom &amp; Jerry\n  <b>now</b>\nkind: person\n---\n\nText.\n"
    (docs / "actors" / "tom.md").write_text(folded, encoding="utf-8")
    (docs / "actors" / "fine.md").write_text("---\ntitle: A & B, 1 < 2\n---\n\nText.\n", encoding="utf-8")
    fine_before = (docs / "actors" / "fine.md").read_text(encoding="utf-8")
    report = guard(docs)
    assert (docs / "actors" / "evil.md").read_text(encoding="utf-8") == evil.replace(
        "title: <img src=x onerror=alert('t')>", "title: ‹img src=x onerror=alert('t')›")
    meta, front, body = split((docs / "actors" / "tom.md").read_text(encoding="utf-8"))
    assert meta == {"aliases": [], "title": "Tom ＆amp; Jerry ‹b›now‹/b›\n", "kind": "person"} and body == "\nText.\n"
    assert front.startswith("aliases: []\ntitle: ") and front.endswith("kind: person\n")  # only the title's lines changed
    assert (docs / "actors" / "fine.md").read_text(encoding="utf-8") == fine_before.replace("1 < 2", "1 ‹ 2")
    lines = sorted(f"{p.path.name}:{p.line}: {p.what}" for p in report.problems)
    assert lines == [f"{name}:{line}: the title had < > or & (the theme prints it as HTML)"
                     for name, line in (("evil.md", 3), ("fine.md", 2), ("tom.md", 3))]
    again = guard(docs)
    assert (again.written, again.problems) == ([], [])
