"""The RSS feed: the newest articles, as many as it is told."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta

from generator.content.model import ArticleRef
from generator.settings import DEFAULTS
from generator.site.exports import rss_feed

REFS = [ArticleRef(f"a{i}", f"Article {i}", (date(2025, 6, 1) - timedelta(days=i)).isoformat(), "", ())
        for i in range(DEFAULTS.feed_size + 5)]  # newest first


def _guids(feed: str) -> list[str]:
    return [item.findtext("guid") for item in ET.fromstring(feed).findall("./channel/item")]


def test_the_feed_holds_the_newest_articles():
    assert _guids(rss_feed(REFS, "https://example.org/wiki/", "Wiki")) == [r.slug for r in REFS[:DEFAULTS.feed_size]]
    assert _guids(rss_feed(REFS, "https://example.org/wiki/", "Wiki", feed_size=2)) == ["a0", "a1"]
