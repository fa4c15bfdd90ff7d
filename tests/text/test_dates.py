"""Dates read from news text: the publication date in a header line, and the days a sentence says events happened."""

import pytest

from generator.text.dates import estimate_published, event_dates, find_date, find_date_time


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: 2023-07-02", "2023-07-02"),
        ("Posted on 2019-11-30 by staff", "2019-11-30"),
        ("Published: July 2, 2023", "2023-07-02"),
        ("Updated: Feb. 24, 2022", "2022-02-24"),
        ("Date: Sept. 3 2019", "2019-09-03"),
        ("Published: 2 July 2023", "2023-07-02"),
        ("Published: 21st March, 2017", "2017-03-21"),
        ("published on 1 JANUARY 2020", "2020-01-01"),
        ("Damascus, March 5, 2020 (SANA) -", "2020-03-05"),
        ("18/9/2014", "2014-09-18"),  # day and month told apart by the day's number
        ("9/18/2014", "2014-09-18"),
        ("24.02.2022", "2022-02-24"),
        ("3/4/2019", ""),  # March 4 or April 3: no guess
        # not a full date: nothing rather than a guess
        ("Published: July 2023", ""),
        ("Published: July 2", ""),
        ("Issue 2023", ""),
        ("Published: 2023-13-02", ""),
        ("Published: 32 July 2023", ""),
        ("", ""),
    ],
)
def test_the_publication_date_is_read_from_a_header_line(line, expected):
    assert find_date(line) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # a year in the sentence is the year, whatever the publication date
        ("The Moscow protocol was signed on March 5, 2020.", "2023-07-02", ["2020-03-05"]),
        ("The 5 March 2020 protocol froze the front lines.", "", ["2020-03-05"]),
        ("Russia invaded Ukraine on Feb. 24, 2022, and the talks stalled.", "", ["2022-02-24"]),
        # no year: the latest such day on or before the publication date (news reports the past)
        ("On June 8th, the service reported two deaths.", "2023-07-02", ["2023-06-08"]),
        ("On June 8th, the service reported two deaths.", "2023-03-01", ["2022-06-08"]),
        ("The strike of December 30 killed four.", "2024-01-05", ["2023-12-30"]),
        ("Talks resumed on January 5 in Astana.", "2024-01-05", ["2024-01-05"]),
        ("Talks resumed on January 6 in Astana.", "2024-01-05", ["2023-01-06"]),
        ("Clashes broke out on 12 June and again on June 14.", "2023-07-02", ["2023-06-12", "2023-06-14"]),
        # no year and no publication date: month and day only
        ("On July 12th, the faction denied the report.", "", ["--07-12"]),
        ("Sept. 3 was the deadline set by Ankara.", "", ["--09-03"]),
        ("Observers counted strikes on the 1st May and the 22nd May.", "", ["--05-01", "--05-22"]),
        # the same day named twice is one date, and dates come out in order
        ("On 8 June, and again on June 8, convoys reached Idlib.", "2023-07-02", ["2023-06-08"]),
        ("Fighting on August 3 followed the truce of March 5, 2020.", "2021-01-01", ["2020-03-05", "2020-08-03"]),
        # words that are not dates
        ("Talks may resume; they may 3 times fail.", "2020-01-01", []),
        ("Troops will march 20 kilometres to the border.", "2020-01-01", []),
        ("The army said 40 fighters were killed on Tuesday.", "2020-01-01", []),
        ("No date was given for the 2019 offensive.", "2020-01-01", []),
    ],
)
def test_event_dates_are_the_days_a_sentence_names(sentence, published, expected):
    assert event_dates(sentence, published) == expected


def test_an_event_year_is_never_after_the_publication_year():
    """Whatever day of the year a report names without a year, the event is not in the future of the report."""
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    found = [event_dates(f"It happened on {month} 15.", "2021-06-15") for month in months]
    assert all(len(dates) == 1 and "2020-06-15" < dates[0] <= "2021-06-15" for dates in found), found


@pytest.mark.parametrize(("line", "expected"), [
    ("Published: June 8, 2020 14:30", "2020-06-08 14:30"),
    ("Updated 2020-06-08 09:05 GMT", "2020-06-08 09:05"),
    ("Posted: 8 June 2020, 2:30 pm", "2020-06-08 14:30"),
    ("Published: 2 July 2023", "2023-07-02"),  # no time written: none made up
    ("Published: 14:30", ""),
])
def test_a_published_line_keeps_its_time(line, expected):
    assert find_date_time(line) == expected


ROAD_MAP = ("2023-06-21", "Russian road map")
ASTANA = ("2017-01-23", "Astana talks")


@pytest.mark.parametrize(("text", "agreements", "dateline", "expected"), [
    # the latest agreement the article names is the bound
    ("Lavrentiev spoke of the road map.", [ASTANA, ROAD_MAP], "", ("2023-06-21", "not before 2023-06-21 (names the Russian road map)")),
    # a past date the text names, when it is later
    ("Troops left on May 3, 2024. The road map holds.", [ROAD_MAP], "", ("2024-05-03", "not before 2024-05-03 (the text names 2024-05-03)")),
    # a date the text looks ahead to is no bound
    ("Talks will resume on June 1, 2030.", [ROAD_MAP], "", ("2023-06-21", "not before 2023-06-21 (names the Russian road map)")),
    # an agreement dated by its month only counts from the month's first day
    ("Nothing dated here.", [("2020-04", "Iran deal")], "", ("2020-04-01", "not before 2020-04-01 (names the Iran deal)")),
    # a dateline's day without a year goes in the first year the bound allows
    ("Troops left on May 3, 2020.", [], "June 8", ("2020-06-08", "June 8 in the dateline, in the first year not before 2020-05-03 "
                                                                 "(the text names 2020-05-03)")),
    ("Troops left on July 3, 2020.", [], "June 8", ("2021-06-08", "June 8 in the dateline, in the first year not before 2020-07-03 "
                                                                  "(the text names 2020-07-03)")),
    # nothing to go by: no estimate rather than a guess
    ("On July 12th, the faction denied it.", [], "July 13", ("", "")),
])
def test_an_undated_article_gets_a_lower_bound_and_its_reason(text, agreements, dateline, expected):
    assert estimate_published(text, agreements, dateline) == expected
