import pytest

from generator.content.pages import split
from generator.read.clean import clean, derive_title
from generator.steps.ingest import ingest

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


def test_a_subheading_stays_but_the_headlines_that_end_the_file_go():
    article = clean("a.txt", f"Title here\n\n{STORY}\nKofi Annan's Six-Point Peace Plan\nThe meeting ended without a statement\n"
                             "Jordan Reopens Jaber Crossing After Two-Week Closure\nTurkish Drones Strike Qamishli Outskirts\n")
    assert "Six-Point Peace Plan" in article.text  # a subheading: its names are the story's
    assert "The meeting ended without a statement" in article.text
    assert "Jaber Crossing" not in article.text and "Qamishli" not in article.text  # other stories' headlines


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


LEAD = "The army shelled the town overnight, residents said."


@pytest.mark.parametrize(("raw", "source", "published", "dateline"), [
    (f"DAMASCUS, June 8 (Reuters) - {LEAD}", "Reuters", "", "DAMASCUS, June 8 (Reuters) -"),
    (f"BEIRUT (AP) — {LEAD}", "AP", "", "BEIRUT (AP) —"),
    (f"Idlib, Syria, March 3, 2020 (AFP) - {LEAD}", "AFP", "2020-03-03", "Idlib, Syria, March 3, 2020 (AFP) -"),
    (f"AMMAN, Jordan (Reuters) - {LEAD}", "Reuters", "", "AMMAN, Jordan (Reuters) -"),
    (f"DEIR EZ-ZOR, Syria, 8 June 2019 (AFP) – {LEAD}", "AFP", "2019-06-08", "DEIR EZ-ZOR, Syria, 8 June 2019 (AFP) –"),
    (f"DAMASCUS, June 8 (Reuters) -\n{LEAD}", "Reuters", "", "DAMASCUS, June 8 (Reuters) -"),  # on a line of its own
    (f"Shelling resumes near Idlib\nBEIRUT (AP) — {LEAD}", "AP", "", "BEIRUT (AP) —"),  # after a title line
    (f"WASHINGTON, Aug. 16, 2016 — {LEAD}", "", "2016-08-16", "WASHINGTON, Aug. 16, 2016 —"),  # a press release's
    (f"UNITED NATIONS, 3 March 2020 - {LEAD}", "", "2020-03-03", "UNITED NATIONS, 3 March 2020 -"),
    (f"BEIRUT, LEBANON (1:27 P.M.) – {LEAD}", "", "", "BEIRUT, LEBANON (1:27 P.M.) –"),  # the time it was filed
    (f"Geneva/Damascus, 20 June 2012 – {LEAD}", "", "2012-06-20", "Geneva/Damascus, 20 June 2012 –"),  # a full date
])
def test_a_dateline_is_provenance_not_text(raw, source, published, dateline):
    article = clean("a.txt", raw + "\nMore text follows here.")
    assert (article.source, article.published, article.dateline) == (source, published, dateline)
    assert article.paragraphs == [LEAD, "More text follows here."]


@pytest.mark.parametrize(("raw", "source", "dateline"), [
    (f"MOSCOW — {LEAD}", "", "MOSCOW —"),  # a city in capitals alone: where it was filed, not who published it
    (f"PENTAGON — {LEAD}", "", "PENTAGON —"),  # a seat of government
    (f"IDLIB — {LEAD}", "", "IDLIB —"),  # a Syrian place GeoNames knows
    (f"SANA — {LEAD}", "SANA", "SANA —"),  # an agency (another name of Sanaa, but not the city's own)
    (f"AFP — {LEAD}", "AFP", "AFP —"),
    (f"Tabnak – {LEAD}", "Tabnak", ""),  # an outlet
    (f"CAIRO / NEW YORK – {LEAD}", "", "CAIRO / NEW YORK –"),  # filed from two places
])
def test_a_place_in_capitals_before_a_dash_is_kept_as_the_dateline(raw, source, dateline):
    article = clean("a.txt", raw + "\nMore text follows here.")
    assert (article.source, article.dateline) == (source, dateline)
    assert article.paragraphs == [LEAD, "More text follows here."]


def test_a_dateline_leaves_known_provenance_alone():
    article = clean("a.txt", f"DAMASCUS, March 3, 2020 (AFP) - {LEAD}", source="Enab Baladi", published="2020-03-04")
    assert (article.source, article.published, article.paragraphs) == ("Enab Baladi", "2020-03-04", [LEAD])


@pytest.mark.parametrize("lead", [
    "Free Syrian Army (FSA) – fighters entered the town on Monday.",  # a name and its acronym, not a place and an agency
    "Damascus (the capital) - was quiet on Monday.",
    "The SDF said on Monday (local time) - without giving details - that talks had resumed.",
    "Talks resumed in Geneva, March 3 - officials said nothing more.",  # no agency: a sentence, not a dateline
    "WASHINGTON - officials said nothing more on Monday.",  # no agency and no date
])
def test_a_lead_that_only_looks_like_a_dateline_stays(lead):
    article = clean("a.txt", f"A title\n\n{lead}")
    assert article.paragraphs == [lead] and not article.dateline and not article.source


@pytest.mark.parametrize("dateline", ["DAMASCUS, June 8 (Reuters) -\n", "DAMASCUS (Reuters) - ", "Shelling resumes\n\nDAMASCUS (Reuters) - "])
def test_a_dateline_city_is_not_tagged_as_the_government_it_can_stand_for(wiki, dateline):
    (wiki / "seeds" / "dateline.txt").write_text(f"{dateline}{LEAD}\n\nMore text follows here.\n", encoding="utf-8")
    (wiki / "seeds" / "named.txt").write_text(f"{dateline}Damascus said {LEAD}\n\nMore text follows here.\n", encoding="utf-8")
    ingest(wiki / "seeds", wiki / "docs")
    actors = {split(p.read_text(encoding="utf-8"))[0]["original"]: split(p.read_text(encoding="utf-8"))[0]["actors"]
              for p in (wiki / "docs" / "articles").glob("*.md")}
    assert actors == {"dateline.txt": [], "named.txt": ["syrian-government"]}


@pytest.mark.parametrize(("raw", "author", "published"), [
    (f"Shelling resumes\nBy Jane Doe\nPublished: June 8, 2020 14:30\n{LEAD}", "Jane Doe", "2020-06-08 14:30"),
    (f"Shelling resumes\nUpdated: 8 June 2020\nBy: Jane Doe\n{LEAD}", "Jane Doe", "2020-06-08"),
    (f"Shelling resumes\n{LEAD}\nThe talks went on.\nBy Monday Night\n", "", ""),  # within the story: text, not a byline
])
def test_a_byline_and_a_published_line_are_provenance(raw, author, published):
    article = clean("a.txt", raw)
    assert (article.author, article.published) == (author, published)
    assert not any(line.startswith(("By ", "By:", "Published", "Updated")) for line in article.paragraphs) or not author


@pytest.mark.parametrize(("line", "published"), [
    ("31 December 2016", "2016-12-31"),
    ("Friday, March 4, 2016", "2016-03-04"),
    ("Last updated 4 March 2016", "2016-03-04"),
    ("April 13, 2012 -- Updated 0154 GMT (0954 HKT)", "2012-04-13"),  # time zones; "0154" is no time
    ("AFP, 25 Jan 2013", ""),  # an agency's name is no zone: the line names its source
    ("18/9/2014", "2014-09-18"),
    ("Talks resume on 4 March 2016 in Geneva", ""),  # a sentence with a date in it is not the page's date
])
def test_a_line_that_is_only_a_date_under_the_title_is_the_publication_date(line, published):
    article = clean("a.txt", f"Title here\n\nSC/12663\n{line}\n\n{STORY}\n")
    assert article.published == published


@pytest.mark.parametrize(("raw", "published"), [
    # the title's own date, or the date the text opens with, dates an article nothing else dates
    ("Regular press briefing by the Information Service: Syria (8 November 2019)\n\nThe Director chaired the briefing.",
     "2019-11-08"),
    ("UN Refugee Chief urges support for Lebanon\n\n18 June 2013 UN High Commissioner for Refugees António Guterres "
     "said on Tuesday that the risk was growing.", "2013-06-18"),
    # a date later in the first sentence is an event's, not the article's
    ("Aid reaches Madaya\n\nConvoys reached Madaya on 11 January 2016 after months of siege.", ""),
])
def test_a_date_the_title_or_the_opening_gives_dates_the_article(raw, published):
    assert clean("a.txt", raw).published == published
