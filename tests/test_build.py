"""One end-to-end build: raw file → generator → real `mkdocs build --strict` → HTML."""

from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.steps.ingest import ingest
from generator.steps.link import link
from tests.conftest import site_scaffold, strict_build
from tests.steps.test_ingest_link import ARTICLE

pytestmark = pytest.mark.slow


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]


def hrefs(path: Path) -> list[str]:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.hrefs


def test_strict_mkdocs_build_renders_backlinks_and_links(wiki):
    (wiki / "seeds" / "001.txt").write_text(ARTICLE, encoding="utf-8")
    ingest(wiki / "seeds", wiki / "docs")
    link(wiki / "docs")
    site_scaffold(wiki)
    site = strict_build(wiki)
    article = next((site / "articles").glob("moscow-*/index.html"))
    slug = article.parent.name
    assert "../../actors/russia/" in hrefs(article)  # first mention and tag line link to the actor
    actor = site / "actors" / "russia" / "index.html"
    assert f"../../articles/{slug}/" in hrefs(actor)  # backlink
    assert "Moscow</strong> said on Monday" in actor.read_text(encoding="utf-8")
    for index in ("index.html", "articles/index.html", "actors/index.html", "locations/index.html", "agreements/index.html"):
        assert (site / index).is_file()
    assert "actors/ryan-dillon/" in " ".join(hrefs(site / "review" / "index.html"))
    edit_links = [h for h in hrefs(article) if "/edit/main/docs/articles/" in h]
    assert edit_links == [f"https://github.com/situation-wiki/syria/edit/main/docs/articles/{slug}.md"]
    assert "Fix a wrong tag" in (site / "editing" / "index.html").read_text(encoding="utf-8")
