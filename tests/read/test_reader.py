"""Every input format and encoding the readers accept, and a clear reason for what they refuse."""

import os

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.read.reader import MAX_BYTES, InputError, needs_ftfy, raw_files, read_raw
from generator.steps.ingest import ingest
from tests.steps.test_ingest_link import ARTICLE

ARABIC = "قصف على إدلب ودمشق"
TEXT = "Fighting near Idlib: the SDF and Damascus exchanged fire on Monday.\n"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("utf8.txt", TEXT.encode("utf-8"), TEXT),
        ("bom.txt", b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),
        ("utf16.txt", TEXT.encode("utf-16"), TEXT),
        ("crlf.txt", TEXT.replace("\n", "\r\n").encode("utf-8"), TEXT),
        ("arabic.txt", (ARABIC + " " + ARABIC + ".\n").encode("cp1256"), ARABIC),
        ("latin1.txt", "Réunion à Genève: Erdoğan absent, café fermé, déjà vu.\n".encode("latin-1", errors="replace"), "Réunion à Genève"),
        ("mojibake.txt", "CafÃ© talks in GenÃ¨ve resumed.\n".encode(), "Café talks in Genève resumed."),
    ],
)
def test_encodings_become_clean_text(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    assert expected in read_raw(path, tmp_path).text


def test_html_is_extracted_to_article_text_without_page_chrome(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Site</title><script>alert(1)</script></head><body><nav>Home | World | Login</nav>"
        "<article><h1>SDF and Damascus resume talks</h1><p>The SDF said on Monday that talks with Damascus resumed after weeks"
        " of fighting near Raqqa and Deir ez-Zor.</p><p>A second paragraph about Idlib and the M4 highway follows here.</p>"
        "</article><footer>Copyright 2024</footer></body></html>", encoding="utf-8")
    raw = read_raw(path, tmp_path)
    assert raw.title == "SDF and Damascus resume talks"
    assert "talks with Damascus resumed" in raw.text and "M4 highway" in raw.text
    assert "alert" not in raw.text and "Login" not in raw.text and "Copyright" not in raw.text


def test_markdown_with_front_matter_keeps_its_metadata(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: Talks resume\nsource: Enab Baladi\npublished: 2024-12-15\n---\n\n" + TEXT, encoding="utf-8")
    raw = read_raw(path, tmp_path)
    assert (raw.title, raw.source, raw.published) == ("Talks resume", "Enab Baladi", "2024-12-15")
    assert raw.text.strip() == TEXT.strip()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\t\n", "file is empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("image.png", b"\x89PNG\r\n", "unsupported format"),
        ("report.pdf", b"%PDF-1.4", "unsupported format"),
        ("empty.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        read_raw(path, tmp_path)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    with pytest.raises(InputError, match=f"limit is {MAX_BYTES:,} bytes"):
        read_raw(path, tmp_path)


def test_symlink_leading_outside_seeds_is_refused(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(TEXT, encoding="utf-8")
    os.symlink(secret, seeds / "link.txt")
    with pytest.raises(InputError, match="outside"):
        read_raw(seeds / "link.txt", seeds)
    (seeds / "real.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(seeds / "real.txt", seeds / "inside.txt")
    assert read_raw(seeds / "inside.txt", seeds).text == TEXT


_MOJIBAKE = ["Ã©", "Ã¼", "Ä±", "Ã§", "ÅŸ", "Ã–", "â€™", "â€œ", "Ã¶", "Ãœ", "Â·", "Ã\xa0", "ÄŸ", "Ä°", "ÃƒÂ©", "ÅŒ", "Ð", "&amp;", "\r"]
_PIECES = st.sampled_from(list("aé Ab.,;:'\"-\n\t!?()x1üğçıëşÜÖÅöóîÇİŉĳ’‘“”–—…•\x0c\x85\u2028ﬁ\u0301") + _MOJIBAKE + ["  "])


@settings(max_examples=4000, deadline=None)
@given(st.one_of(st.lists(_PIECES, max_size=25).map("".join), st.text(max_size=30)))
def test_text_read_without_ftfy_is_text_ftfy_leaves_alone(text):
    if not needs_ftfy(text):
        assert ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False, normalization="NFC") == text


def test_mojibake_still_goes_to_ftfy(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The talks in CafÃ© Damascus resumed, officials said on Monday.\n", encoding="utf-8")
    assert needs_ftfy(path.read_text(encoding="utf-8"))
    assert "Café Damascus" in read_raw(path).text


def test_symlink_loops_and_directories_named_like_files_are_reported_and_skipped(tmp_path):
    """Issue 17, case 6: a symlink loop crashed the run with a traceback; a directory called ``a.txt`` was passed over
    in silence. Both are listed, refused with a reason, and the run goes on with the rest."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    os.symlink("loop-b.txt", seeds / "loop-a.txt")
    os.symlink("loop-a.txt", seeds / "loop-b.txt")
    os.symlink(".", seeds / "self.txt")
    (seeds / "a.txt").mkdir()
    (seeds / "folder").mkdir()  # a plain folder is no input, and not reported
    (seeds / "good.txt").write_text(TEXT, encoding="utf-8")
    files = raw_files(seeds)
    assert [p.name for p in files] == ["a.txt", "good.txt", "loop-a.txt", "loop-b.txt", "self.txt"]
    for name, reason in [("loop-a.txt", "symbolic link loop"), ("loop-b.txt", "symbolic link loop"), ("a.txt", "a folder, not a file"),
                         ("self.txt", "a folder, not a file")]:
        with pytest.raises(InputError, match=reason):
            read_raw(seeds / name, seeds)
    assert read_raw(seeds / "good.txt", seeds).text == TEXT


def test_a_run_over_such_seeds_ingests_the_rest(wiki):
    seeds = wiki / "seeds"
    os.symlink("loop-b.txt", seeds / "loop-a.txt")
    os.symlink("loop-a.txt", seeds / "loop-b.txt")
    (seeds / "a.txt").mkdir()
    (seeds / "001.txt").write_text(ARTICLE, encoding="utf-8")
    report = ingest(seeds, wiki / "docs")
    assert len(report.written) == 1
    assert sorted(p.split(":")[0] for p in report.problems) == [str(seeds / n) for n in ("a.txt", "loop-a.txt", "loop-b.txt")]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [TEXT, ARABIC + " " + ARABIC + ".\n", "Réunion à Genève: Erdoğan absent, déjà vu.\n"])
def test_utf16_without_a_bom_is_read_not_called_binary(tmp_path, codec, text):
    path = tmp_path / "no-bom.txt"
    path.write_bytes(text.encode(codec))
    assert read_raw(path, tmp_path).text.strip() == text.strip()


SIDECAR_STORY = "Talks in Astana\n\n" + TEXT * 3


@pytest.mark.parametrize(("sidecar", "expected", "problems"), [
    # the analyst's values win over what the file says
    ("title: Talks resume\npublished: 2020-06-08 14:30\nsource: Reuters\nurl: https://example.org/a\nauthor: Jane Doe\n",
     ("Talks resume", "2020-06-08 14:30", "Reuters", "https://example.org/a", "Jane Doe"), []),
    # a bad value is reported at its line and ignored; the good ones still count
    ("source: Reuters\npublished: 8 June\nurl: javascript:alert(1)\nsummary: x\n",
     ("", "", "Reuters", "", ""), [":2: `published` must be a date", ":3: `url` must be a web address", ":4: unknown key `summary`"]),
    # a sidecar that is not YAML is ignored whole, the article still read
    ("source: [Reuters\n", ("", "", "", "", ""), [":1: is not valid YAML"]),
    ("", ("", "", "", "", ""), []),
])
def test_a_sidecar_says_where_an_article_comes_from(tmp_path, sidecar, expected, problems):
    (tmp_path / "a.txt").write_text(SIDECAR_STORY, encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text(sidecar, encoding="utf-8")
    raw = read_raw(tmp_path / "a.txt", tmp_path)
    assert (raw.title, raw.published, raw.source, raw.url, raw.author) == expected
    assert raw.text == SIDECAR_STORY
    assert len(raw.problems) == len(problems)
    for line, wanted in zip(raw.problems, problems, strict=True):
        assert line.startswith(f"{tmp_path / 'a.meta.yaml'}{wanted}") and "ignored" in line, line
    assert raw_files(tmp_path) == [tmp_path / "a.txt"]  # the sidecar is no article


def test_html_metadata_gives_the_address_and_the_author(tmp_path):
    head = ('<meta property="og:url" content="https://example.org/news/1"><meta name="author" content="Jane Doe">'
            '<meta property="article:published_time" content="2020-06-08T10:00:00Z"><title>Talks resume</title>')
    (tmp_path / "a.html").write_text(f"<html><head>{head}</head><body><article><p>{TEXT * 3}</p></article></body></html>", encoding="utf-8")
    raw = read_raw(tmp_path / "a.html")
    assert (raw.url, raw.author, raw.published) == ("https://example.org/news/1", "Jane Doe", "2020-06-08")


def test_the_feeds_list_and_the_fetch_memory_are_no_articles(tmp_path):
    (tmp_path / "a.txt").write_text("A story\n\nText.\n", encoding="utf-8")
    (tmp_path / "feeds.txt").write_text("# one feed URL a line\nhttps://example.org/feed.xml\n", encoding="utf-8")
    (tmp_path / ".fetched.json").write_text('{"digests": [], "urls": []}\n', encoding="utf-8")
    assert raw_files(tmp_path) == [tmp_path / "a.txt"]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from([chr(c) for c in range(32, 127)] + list("’‘“”–—…•\n")), max_size=40))
def test_a_line_of_ascii_quotes_and_dashes_is_never_mojibake_to_ftfy(line):
    """What ``needs_ftfy`` takes for granted when it asks ftfy about the lines holding another character only."""
    from ftfy.badness import is_bad

    assert not is_bad(line)
