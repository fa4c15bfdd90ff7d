import hashlib
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.pages import (
    CHUNK,
    PageError,
    digest,
    escape,
    render_front,
    replace_section,
    sections,
    split,
    write_if_changed,
)

EDITED = """---
title: Russia
aliases: [Russian Federation]   # an editor's comment
---

An editor's description, with *emphasis*.

<!-- generated:mentions — rewritten by the generator on every run; edit outside these markers -->
old list
<!-- /generated:mentions -->

An editor's note after the generated part.
"""


def test_replacing_a_section_keeps_everything_else_byte_for_byte():
    meta, front, body = split(EDITED)
    new_body = replace_section(body, "mentions", "new list")
    assert new_body == body.replace("old list", "new list")
    assert meta["aliases"] == ["Russian Federation"]
    assert f"---\n{front}---\n" + body == EDITED


def test_missing_section_is_appended_after_the_editors_text():
    body = replace_section("\nAn editor's text.\n", "mentions", "list")
    assert body.startswith("\nAn editor's text.\n\n<!-- generated:mentions")
    assert sections(body) == {"mentions": "list\n"}


def test_section_at_top_goes_before_the_text():
    body = replace_section("\nStory.\n", "tags", "tags", at_top=True)
    assert body.index("generated:tags") < body.index("Story.")


@pytest.mark.parametrize(
    "hostile",
    ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))", "&lt;script&gt;", "# not a heading"],
)
def test_escaped_text_has_no_markup_left(hostile):
    out = escape(hostile)
    assert "<" not in out
    assert "](" not in out.replace("\\](", "")
    assert not out.startswith("#")


def test_write_if_changed_skips_identical_content(tmp_path):
    path = tmp_path / "a.md"
    assert write_if_changed(path, "x")
    mtime = path.stat().st_mtime_ns
    assert not write_if_changed(path, "x")
    assert path.stat().st_mtime_ns == mtime
    assert list(tmp_path.iterdir()) == [path]


def test_set_front_value_changes_only_that_key():
    from generator.content.pages import set_front_value

    front = "title: X  # keep me\nactors:\n- a\n- b\nlocations: [c]\n"
    assert set_front_value(front, "actors", ["a", "b", "d"]) == "title: X  # keep me\nactors:\n- a\n- b\n- d\nlocations: [c]\n"
    assert set_front_value(front, "locations", ["c", "e"]).endswith("locations:\n- c\n- e\n")
    assert set_front_value(front, "agreements", []) == front + "agreements: []\n"


def test_interrupted_write_leaves_the_old_page_and_no_debris(tmp_path, monkeypatch):
    import os

    path = tmp_path / "page.md"
    path.write_text("old", encoding="utf-8")

    def crash(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_if_changed(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [path]


# Text of every kind a title, slug or name can hold: YAML indicators, reserved words, line breaks, astral characters.
_PIECES = st.sampled_from(list("abcXYZ019 ,.()'’/&-_:#\"!?*%@`|>{}[]~=<\n\t\u2028\x85\ufeffé ʻ\u00a0\u0300")
                          + ["yes", "No", "null", "on", "2015-01-02", "1e3", "0x1f", ".inf", "~", "  ", "𝒩", "2016-cessation",
                             "04700_e969f98e.txt", "48c2152bbf8087a5", "1_000", "0o17", "0b101", "12:30", "1.5", "-1", "e5",
                             "2015-01-02T10:00:00", "190:20:30", "NaN", "Off", "Y", "_"])
_TEXT = st.one_of(st.lists(_PIECES, max_size=8).map("".join), st.text(max_size=20))


@settings(max_examples=5000, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "source", "actors", "attribution"]), st.one_of(_TEXT, st.lists(_TEXT, max_size=3)),
                       max_size=4))
def test_front_matter_is_what_the_yaml_dumper_writes_and_reads_back(meta):
    front = render_front(meta)
    dumped = yaml.dump(meta, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False, allow_unicode=True,
                       default_flow_style=False, width=10_000)
    assert front == f"---\n{dumped}---\n"
    assert split(front + "Text.\n")[0] == meta


@given(st.lists(st.sampled_from(["~~~", "12.", "3)", "&amp;", "&#39;", "&x", "\n", "\t", " ", "ab", *"1.)#;<>\\`*[]+=-~"]),
                max_size=20).map("".join))
@settings(max_examples=3000)
def test_text_without_anything_to_escape_is_returned_as_is(text):
    """escape skips the three substitutions when none would change anything: the same result as applying them."""
    from generator.content.pages import ENTITY_REF, LINE_START, MD_SPECIAL
    slow = LINE_START.sub(r"\1\\\2", MD_SPECIAL.sub(r"\\\1", ENTITY_REF.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")))
    assert escape(text) == slow


def test_a_page_rewritten_keeps_its_mode_and_a_new_one_gets_the_usual(tmp_path):
    import os
    umask = os.umask(0o022)
    try:
        page = tmp_path / "new.md"
        write_if_changed(page, "x")
        assert page.stat().st_mode & 0o777 == 0o644  # like any file an editor creates, not owner-only
        os.chmod(page, 0o640)
        assert write_if_changed(page, "y")
        assert page.stat().st_mode & 0o777 == 0o640 and page.read_text() == "y"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["new.md"]  # no temporary file left
    finally:
        os.umask(umask)


def billion_laughs(levels: int = 12) -> str:
    """Front matter of nested anchors: a few hundred bytes that stand for 9**levels values."""
    lines = ["title: Bomb", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines + [f"aliases: *a{levels - 1}"]) + "\n"


@pytest.mark.parametrize(
    ("front", "line", "what"),
    [
        (billion_laughs(), 3, "anchor `&a0`"),
        ("title: X\naliases: &names [A, B]\n", 3, "anchor `&names`"),
        ("title: X\naliases:\n- A\nkind: *names\n", 5, "alias `*names`"),
        ("title: X\naliases: [A, B\nkind: state\n", 3, "not valid YAML"),
        ("title: X\naliases:\n- A\nkind: state: armed\n", 5, "not valid YAML"),
        ('title: "X\naliases: []\n', 2, "not valid YAML"),
        ("title: X\n\taliases: []\n", 3, "not valid YAML"),
        ("title: X\naliases: []\n  kind: state\n", 4, "not valid YAML"),
        ("- a list\n- not a mapping\n", 2, "not a mapping"),
    ],
    ids=["billion-laughs", "anchor", "alias", "unclosed-bracket", "mapping-in-value", "unclosed-quote", "tab", "bad-indent",
         "not-a-mapping"],
)
def test_front_matter_errors_name_the_line_of_the_file(front, line, what):
    """Line numbers count from the top of the file: the front matter starts on line 2, after the opening ``---``."""
    with pytest.raises(PageError, match=re.escape(what)) as caught:
        split(f"---\n{front}---\n\nText.\n")
    assert caught.value.line == line


@pytest.mark.parametrize("value", ["AT&T", "5 * 3", "an *emphasis* & more", "'&quoted'", '"*quoted*"'])
def test_ampersands_and_asterisks_in_values_are_still_text(value):
    assert split(f"---\ntitle: {value}\n---\n")[0]["title"] == yaml.safe_load(f"title: {value}")["title"]


@pytest.mark.parametrize("text", ["", "a", "é" * 10, "x" * (CHUNK - 1) + "é" + "ü" * 5, ("ab€" * CHUNK)[: 2 * CHUNK + 7]])
def test_a_long_text_is_written_and_digested_as_its_whole_utf8(tmp_path, text):
    """Texts longer than a chunk (the tags export at 100,000 articles) are encoded a piece at a time: the same bytes."""
    page = tmp_path / "export.csv"
    write_if_changed(page, text)
    assert page.read_bytes() == text.encode("utf-8")
    assert digest(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@pytest.mark.parametrize("parts", [[], [""], ["a,b\n", "é,€\n"], ["x" * (CHUNK + 3), "", "é" * 5]])
def test_a_text_in_pieces_is_the_file_of_their_join(tmp_path, parts):
    """The tags export is handed over as its rows, never joined: written, digested and compared as the joined text."""
    whole, page = "".join(parts), tmp_path / "tags.csv"
    assert write_if_changed(page, parts)
    assert page.read_bytes() == whole.encode("utf-8")
    assert digest(parts) == digest(whole)
    assert not write_if_changed(page, parts)  # the file holds it already: not written again
    assert write_if_changed(page, parts + ["more\n"])
    assert page.read_text(encoding="utf-8") == whole + "more\n"
