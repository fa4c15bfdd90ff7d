"""What the generator remembers between runs, committed with the docs.

Per article: the hash of the raw file it came from and of the page as the generator last
wrote it (so an editor's change is recognisable), every tag the article has ever carried
(so a tag an editor removed is never added again), and the entities whose first mention
has been linked once (so an editor's removal of such a link sticks). Entries are
``type/slug``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from generator.pages import write_if_changed

STATE_FILE = Path(".generator") / "state.json"


@dataclass
class ArticleState:
    slug: str
    raw: str = ""
    page: str = ""
    linked: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    retag: str = ""  # registry fingerprint and page digest at the last retag: unchanged means nothing to do
    text: str = ""  # digest of the cleaned article text, to recognise the same article under another file name


@dataclass
class State:
    articles: dict[str, ArticleState] = field(default_factory=dict)
    link: str = ""  # fingerprint of every input of the last link run
    _saved: dict = field(default_factory=dict, repr=False, compare=False)  # as read from disk

    @classmethod
    def load(cls, docs: Path) -> State:
        path = docs / STATE_FILE
        if not path.is_file():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        state = cls({k: ArticleState(**v) for k, v in data.get("articles", {}).items()}, str(data.get("link", "")))
        state._saved = data
        return state

    def save(self, docs: Path) -> bool:
        data = {"articles": {k: vars(v) for k, v in sorted(self.articles.items())}, "link": self.link}
        if data == self._saved:
            return False  # serialising 10,000 entries costs more than comparing them
        # One line per article, each by the C encoder: json's indent= would run the pure-Python one.
        entries = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, sort_keys=True, ensure_ascii=False)}"
                              for k, v in data["articles"].items())
        text = f'{{\n "articles": {{\n{entries}\n }},\n "link": {json.dumps(self.link)}\n}}\n' if entries else \
            json.dumps(data, indent=1, sort_keys=True) + "\n"
        return write_if_changed(docs / STATE_FILE, text)

    def by_slug(self) -> dict[str, str]:
        return {a.slug: original for original, a in self.articles.items()}
