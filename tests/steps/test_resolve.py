"""Issue 17, case 8: a conflict is reported until the editor resolves it, and then no more."""

import subprocess
import sys

from generator.pipeline import update
from generator.steps.resolve import conflict_file
from tests.conftest import ROOT
from tests.steps.test_ingest_link import ARTICLE


def test_resolve_stops_the_report_and_keeps_the_editors_page(wiki, capsys):
    seeds, docs = wiki / "seeds", wiki / "docs"
    (seeds / "001.txt").write_text(ARTICLE, encoding="utf-8")
    update(seeds, docs)
    page = next(p for p in (docs / "articles").glob("*.md") if p.name != "index.md")
    page.write_text(page.read_text(encoding="utf-8").replace("Ankara sent more troops.", "Ankara sent troops (editor)."),
                    encoding="utf-8")
    (seeds / "001.txt").write_text(ARTICLE.replace("would resume.", "would resume on Friday."), encoding="utf-8")
    capsys.readouterr()
    update(seeds, docs)
    update(seeds, docs)
    assert capsys.readouterr().err.count("an editor changed the page") == 2  # reported on every run until resolved
    assert "resume on Friday" in conflict_file(docs, page.stem).read_text(encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8").replace("would resume.", "would resume on Friday."), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", "resolve", str(page), "--seeds", str(seeds), "--docs", str(docs)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and "resolved" in done.stdout, done.stderr
    assert not conflict_file(docs, page.stem).exists()
    capsys.readouterr()
    update(seeds, docs)
    assert "conflict" not in capsys.readouterr().err
    assert "resume on Friday" in page.read_text(encoding="utf-8") and "(editor)" in page.read_text(encoding="utf-8")
    (seeds / "001.txt").write_text(ARTICLE.replace("would resume.", "would resume on Sunday."), encoding="utf-8")
    update(seeds, docs)
    assert "an editor changed the page" in capsys.readouterr().err  # the page still counts as edited
    assert "(editor)" in page.read_text(encoding="utf-8")


def test_resolve_names_a_page_it_does_not_know(wiki):
    done = subprocess.run([sys.executable, "-m", "generator", "resolve", "docs/articles/nothing.md", "--seeds", str(wiki / "seeds"),
                           "--docs", str(wiki / "docs")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and "nothing.md" in done.stderr and "Traceback" not in done.stderr
