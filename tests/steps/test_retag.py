"""Re-tagging after registry changes: only additions, and editors' decisions stick."""

import shutil

from generator.content.pages import split
from generator.steps.ingest import ingest
from generator.steps.link import link
from generator.steps.retag import plain_view, retag
from generator.store.state import State
from tests.steps.test_ingest_link import ARTICLE


def setup(wiki):
    (wiki / "seeds" / "001.txt").write_text(ARTICLE, encoding="utf-8")
    docs = wiki / "docs"
    ingest(wiki / "seeds", docs)
    link(docs)
    return docs, next(p for p in (docs / "articles").glob("*.md") if p.name != "index.md")


def add_entity(docs, type_, slug, title, aliases=()):
    lines = "".join(f"- {a}\n" for a in aliases)
    (docs / type_ / f"{slug}.md").write_text(f"---\ntitle: {title}\naliases:\n{lines}---\n\nNew.\n", encoding="utf-8")


def edit(page, old, new):
    text = page.read_text(encoding="utf-8")
    assert old in text, old
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


def meta(page):
    return split(page.read_text(encoding="utf-8"))[0]


def test_new_entity_is_tagged_and_its_first_mention_linked(wiki):
    docs, page = setup(wiki)
    add_entity(docs, "actors", "joint-patrols", "joint patrols")
    report = retag(docs)
    assert report.added == 1
    assert "joint-patrols" in meta(page)["actors"]
    assert "[joint patrols](../actors/joint-patrols.md) with [Turkey]" in page.read_text(encoding="utf-8")
    assert retag(docs).written == []  # nothing new the second time


def test_new_alias_of_an_existing_entity_adds_the_tag(wiki):
    docs, page = setup(wiki)
    assert "astana-talks" not in meta(page)["agreements"]
    edit(docs / "agreements" / "astana-talks.md", "- Astana process", "- Astana process\n- more troops")
    retag(docs)
    assert "astana-talks" in meta(page)["agreements"]


def test_tag_removed_by_an_editor_is_never_added_again(wiki):
    docs, page = setup(wiki)
    edit(page, "- turkey\n", "")
    add_entity(docs, "actors", "joint-patrols", "joint patrols")
    retag(docs)
    retag(docs)
    assert "turkey" not in meta(page)["actors"]
    assert "joint-patrols" in meta(page)["actors"]


def test_tag_added_by_an_editor_is_kept(wiki):
    docs, page = setup(wiki)
    edit(page, "- russia\n", "- russia\n- islamic-state\n")
    add_entity(docs, "actors", "joint-patrols", "joint patrols")
    retag(docs)
    assert "islamic-state" in meta(page)["actors"]


def test_link_removed_by_an_editor_is_not_inserted_again(wiki):
    docs, page = setup(wiki)
    edit(page, "[Moscow](../actors/russia.md) said", "Moscow said")
    add_entity(docs, "actors", "joint-patrols", "joint patrols")
    retag(docs)
    body = split(page.read_text(encoding="utf-8"))[2]
    assert "Moscow said" in body and "[Moscow](../actors/russia.md) said" not in body


def test_editor_comments_in_front_matter_survive_a_retag(wiki):
    docs, page = setup(wiki)
    edit(page, "original: 001.txt", "original: 001.txt  # checked by the desk")
    add_entity(docs, "actors", "joint-patrols", "joint patrols")
    retag(docs)
    assert "original: 001.txt  # checked by the desk" in page.read_text(encoding="utf-8")


def test_history_lives_in_the_committed_state(wiki):
    docs, page = setup(wiki)
    edit(page, "- turkey\n", "")
    retag(docs)
    record = next(iter(State.load(docs).articles.values()))
    assert "actors/turkey" in record.tags and "actors/turkey" not in meta(page)["actors"]


def test_plain_view_maps_text_back_to_the_markdown():
    body = "A [Moscow](../actors/russia.md) \\[note\\] and Ankara."
    view = plain_view(body)
    assert view.text == "A Moscow [note] and Ankara."
    start = view.text.index("Ankara")
    assert body[view.index[start]:view.index[start] + 6] == "Ankara"
    assert view.linked == {"actors/russia"}


def test_tag_goes_when_the_alias_that_matched_it_is_removed(wiki):
    """Issue 17, case 1: a wrong alias, added then removed, leaves no tag and no link behind."""
    docs, page = setup(wiki)
    entity = docs / "actors" / "turkey.md"
    before = entity.read_text(encoding="utf-8")
    edit(entity, "- Türkiye", "- Türkiye\n- Deir al-Zor")
    retag(docs)
    assert "turkey" in meta(page)["actors"] and "[Deir al-Zor](../actors/turkey.md)" not in page.read_text(encoding="utf-8")
    edit(docs / "actors" / "russia.md", "- Kremlin", "- Kremlin\n- joint patrols")  # a wrong alias that takes a link
    retag(docs)
    assert "[joint patrols](../actors/russia.md)" not in page.read_text(encoding="utf-8")  # Russia was linked already
    add_entity(docs, "actors", "patrol-command", "Patrol Command", aliases=["Ankara sent"])
    retag(docs)
    assert "patrol-command" in meta(page)["actors"]
    assert "[Ankara sent](../actors/patrol-command.md)" in page.read_text(encoding="utf-8")
    add_entity(docs, "actors", "patrol-command", "Patrol Command")  # the wrong alias removed
    entity.write_text(before, encoding="utf-8")
    retag(docs)
    text = page.read_text(encoding="utf-8")
    assert "patrol-command" not in meta(page)["actors"]
    assert "../actors/patrol-command.md" not in split(text)[2] and "Ankara sent more troops" in text
    assert "turkey" in meta(page)["actors"]  # still matched by "Turkey"


def test_tag_an_editor_gave_stays_when_its_entity_matches_nothing(wiki):
    docs, page = setup(wiki)
    add_entity(docs, "actors", "patrol-command", "Patrol Command", aliases=["Ankara sent"])
    edit(page, "- russia\n", "- russia\n- islamic-state\n")
    retag(docs)
    add_entity(docs, "actors", "patrol-command", "Patrol Command")
    (docs / "actors" / "islamic-state.md").write_text("---\ntitle: Islamic State\naliases: []\n---\n", encoding="utf-8")
    retag(docs)
    assert "islamic-state" in meta(page)["actors"] and "patrol-command" not in meta(page)["actors"]


def test_deleted_entity_page_takes_its_generator_tags_and_links(wiki):
    """Issue 17, case 7: rejecting a proposal by deleting its page removes its tag and the link in the text."""
    docs, page = setup(wiki)
    assert "ryan-dillon" in meta(page)["actors"] and "../actors/ryan-dillon.md" in page.read_text(encoding="utf-8")
    (docs / "actors" / "ryan-dillon.md").unlink()
    retag(docs)
    link(docs)
    assert "ryan-dillon" not in meta(page)["actors"]
    assert "ryan-dillon" not in page.read_text(encoding="utf-8")


def test_an_old_state_without_editors_tags_removes_nothing(wiki):
    """A state written before editors' tags were told apart: the first retag takes what the text does not match as
    the editor's."""
    docs, page = setup(wiki)
    edit(page, "- russia\n", "- russia\n- islamic-state\n")
    state = State.load(docs)
    for record in state.articles.values():
        record.own, record.retag = None, ""
    state.save(docs)
    retag(docs)
    assert "islamic-state" in meta(page)["actors"]


def test_a_tag_retag_adds_goes_where_a_run_from_scratch_puts_it(wiki, tmp_path_factory):
    docs, page = setup(wiki)
    add_entity(docs, "actors", "joint-patrols", "joint patrols")
    retag(docs)
    link(docs)
    assert meta(page)["actors"] == ["joint-patrols", "russia", "ryan-dillon", "turkey"]  # sorted, not appended
    fresh = tmp_path_factory.mktemp("fresh")
    shutil.copytree(wiki / "seeds", fresh / "seeds")
    shutil.copytree(docs, fresh / "docs", ignore=shutil.ignore_patterns("articles", ".generator", "index.md", "review.md"))
    ingest(fresh / "seeds", fresh / "docs")
    link(fresh / "docs")
    assert (fresh / "docs" / "articles" / page.name).read_text(encoding="utf-8") == page.read_text(encoding="utf-8")
