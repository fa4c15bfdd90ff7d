import pytest

from generator.read.clean import clean, derive_title

STORY = "The SDF said on Monday that talks with Damascus had resumed. Officials confirmed it."


@pytest.mark.parametrize(
    "chrome",
    ["Logo Wide", "skip to Main Content", "Back To Top", "Helpful keywords", "Share this article", "Read also: Turkey shells Tal Rifaat",
     "READ MORE - Russia and Turkey hold talks"],
)
def test_each_kind_of_chrome_is_removed(chrome):
    article = clean("a.txt", f"{chrome}\n\nA short title\n\n{chrome}\n\n{STORY}\n\n{chrome}\n")
    assert chrome not in article.text
    assert article.paragraphs == [STORY]


def test_title_line_becomes_the_title_and_its_repeat_is_dropped():
    article = clean("a.txt", f"Logo Wide\n\nSDF resume talks with Damascus\n\nA standfirst line.\nSDF resume talks with Damascus\n\n{STORY}\n")
    assert article.title == "SDF resume talks with Damascus"
    assert not article.title_derived
    assert article.paragraphs == ["A standfirst line.", STORY]


def test_file_without_title_gets_one_from_the_lead_marked_for_review():
    article = clean("a.txt", f"{STORY}\n{STORY}\n")
    assert article.title_derived
    assert article.title == "The SDF said on Monday that talks with Damascus had resumed"


def test_long_lead_is_shortened_for_a_derived_title():
    title = derive_title("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.")
    assert title.endswith("…") and len(title.split()) == 14


def test_title_case_teaser_inside_the_body_is_dropped_but_sentences_stay():
    article = clean("a.txt", f"Title here\n\n{STORY}\n“Astana Finale” Outlines New Format & Place\nThe meeting ended without a statement\n")
    assert "Astana Finale" not in article.text
    assert "The meeting ended without a statement" in article.text


def test_attribution_moves_to_metadata_and_names_the_outlet():
    disclaimer = ("This article was translated and edited by The Syrian Observer. The Syrian Observer has not verified the content "
                  "of this story.")
    article = clean("a.txt", f"{STORY}\n\n{disclaimer}\n\nHelpful keywords\n")
    assert article.attribution == [disclaimer]
    assert disclaimer not in article.text
    assert article.source == "The Syrian Observer"


@pytest.mark.parametrize(
    ("lead", "source", "published"),
    [
        ("Tabnak – While the US was busy, the SDF advanced.", "Tabnak", ""),
        ("DAMASCUS, May 18, 2017 (Reuters) - The SDF advanced.", "Reuters", "2017-05-18"),
    ],
)
def test_dateline_names_the_outlet_and_leaves_the_text(lead, source, published):
    article = clean("a.txt", lead + "\nMore text follows here.")
    assert article.source == source
    assert article.published == published
    assert article.paragraphs[0].startswith(("While", "The SDF"))


def test_published_header_line_is_metadata():
    article = clean("a.txt", f"Title\nPublished: 3 March 2020\n{STORY}")
    assert article.published == "2020-03-03"
    assert "Published" not in article.text
