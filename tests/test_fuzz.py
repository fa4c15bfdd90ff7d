"""Random text and bytes through cleaning, matching and page writing: no crash, no escape, no write outside docs/."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.pages import escape, split
from generator.content.registry import Registry
from generator.read.clean import clean
from generator.steps.ingest import ingest
from generator.text.slugs import slugify
from generator.text.tagger import tag
from tests.conftest import SMALL_REGISTRY, write_registry

REGISTRY = Registry({e.key: e for e in SMALL_REGISTRY})
NEWSY = st.text(alphabet=st.sampled_from(list(string.printable) + list("’“”–—ğéدمشق🔥\u00a0\u200b")), max_size=400)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FUZZ
@given(st.one_of(st.text(max_size=400), NEWSY))
def test_cleaning_and_tagging_never_crash_and_spans_are_real(text):
    article = clean("x.txt", text)
    assert all(isinstance(p, str) for p in article.paragraphs)
    for m in tag(article.text, REGISTRY):
        assert article.text[m.start:m.end] == m.surface


@FUZZ
@given(st.text(max_size=300))
def test_escaped_text_never_contains_markup(text):
    out = escape(text)
    assert "<" not in out and "](" not in out.replace("\\](", "")


@FUZZ
@given(st.text(max_size=300))
def test_slug_is_always_a_safe_file_name(name):
    slug = slugify(name)
    assert slug and "/" not in slug and ".." not in slug and len(slug) <= 80 and slug == slug.lower()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=st.lists(st.tuples(st.sampled_from([".txt", ".md", ".html", ".pdf"]), st.binary(max_size=600)), min_size=1, max_size=4),
       extra=NEWSY)
def test_ingest_of_random_files_writes_only_inside_docs(tmp_path_factory, files, extra):
    root = tmp_path_factory.mktemp("fuzz")
    docs, seeds = root / "docs", root / "seeds"
    write_registry(docs)
    seeds.mkdir()
    for i, (suffix, data) in enumerate(files):
        (seeds / f"f{i}{suffix}").write_bytes(data + extra.encode("utf-8", errors="ignore"))
    before = {p for p in root.rglob("*")}
    report = ingest(seeds, docs)
    after = {p for p in root.rglob("*")}
    assert all(docs in p.parents for p in after - before)
    assert len(report.written) + len(report.problems) <= len(files)
    for page in (docs / "articles").glob("*.md"):
        meta, _, body = split(page.read_text(encoding="utf-8"))
        assert meta["original"].startswith("f")
