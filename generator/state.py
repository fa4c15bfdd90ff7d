"""What the generator remembers between runs, committed with the docs.

Per article: the hash of the raw file it came from and of the page as the generator last
wrote it (so an editor's change is recognisable), every tag the article has ever carried
(so a tag an editor removed is never added again), and the entities whose first mention
has been linked once (so an editor's removal of such a link sticks). Entries are
``type/slug``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.filecache import signature
from generator.pages import write_if_changed

STATE_FILE = Path(".generator") / "state.json"
_READ: dict[str, tuple] = {}  # path → (file signature, data): a state file is parsed once per process while unchanged


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
        key, sig = os.path.abspath(path), signature(path)
        if key in _READ and _READ[key][0] == sig:
            data = _READ[key][1]  # the file as this process last read or wrote it: not parsed again
        else:
            data = json.loads(path.read_text(encoding="utf-8"))
            _READ[key] = (sig, data)
        return cls({k: ArticleState(**{**v, "linked": list(v.get("linked", [])), "tags": list(v.get("tags", []))})
                    for k, v in data.get("articles", {}).items()}, str(data.get("link", "")), data)

    def save(self, docs: Path) -> bool:
        data = {"articles": {k: {**vars(v), "linked": list(v.linked), "tags": list(v.tags)} for k, v in sorted(self.articles.items())},
                "link": self.link}
        if data == self._saved:
            return False  # serialising 10,000 entries costs more than comparing them
        # One line per article, each by the C encoder: json's indent= would run the pure-Python one.
        entries = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, sort_keys=True, ensure_ascii=False)}"
                              for k, v in data["articles"].items())
        text = f'{{\n "articles": {{\n{entries}\n }},\n "link": {json.dumps(self.link)}\n}}\n' if entries else \
            json.dumps(data, indent=1, sort_keys=True) + "\n"
        path = docs / STATE_FILE
        written = write_if_changed(path, text)
        self._saved = data
        _READ[os.path.abspath(path)] = (signature(path), data)
        return written

    def by_slug(self) -> dict[str, str]:
        return {a.slug: original for original, a in self.articles.items()}
