"""What the generator remembers between runs, committed with the docs.

Per article: the hash of the raw file it came from and of the page as the generator last
wrote it (so an editor's change is recognisable), every tag the article carries or an editor removed,
the tags an editor removed (never added again) and those an editor gave it (kept whatever the
registry says; every other tag is the generator's and goes when its match goes), and the
entities whose first mention has been linked once (so an editor's removal of such a link
sticks). Entries are ``type/slug``. For an article ingest found to be a copy of another, the ``copy_of`` it wrote,
and whether an editor has since taken it out (then it never proposes one again for that article).

Nothing here is the only copy of an editor's decision that matters: an article's identity
(``original``, ``original_digest``) lives in its page, so a lost or unreadable file is rebuilt
from the pages (``steps/recover.py``).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.pages import write_if_changed
from generator.store.filecache import signature

STATE_FILE = Path(".generator") / "state.json"
ENTRY_LINE = re.compile(r'  ("(?:[^"\\]|\\.)*"): \{.*\},?$')


@dataclass
class ArticleState:
    slug: str
    raw: str = ""
    page: str = ""
    linked: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    retag: str = ""  # registry fingerprint and page digest at the last retag: unchanged means nothing to do
    text: str = ""  # digest of the cleaned article text, to recognise the same article under another file name
    own: list[str] | None = None  # tags an editor gave the article; None: not known yet (rebuilt from the page)
    cut: list[str] = field(default_factory=list)  # tags an editor removed: never added again
    copy_of: str = ""  # the ``copy_of`` ingest wrote in the page (steps/copies.py)
    ungrouped: bool = False  # an editor removed or changed that ``copy_of``: never proposed again


# One encoder each, made once: ``json.dumps`` with options makes a new one per call, twice per entry of 10,000.
_name = json.JSONEncoder(ensure_ascii=False).encode
_entry_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode

# Written only when they differ from these, so that adding them did not rewrite every line of a committed state file.
OPTIONAL = {"copy_of": "", "ungrouped": False}


@dataclass
class State:
    articles: dict[str, ArticleState] = field(default_factory=dict)
    link: str = ""  # fingerprint of every input of the last link run
    _saved: dict = field(default_factory=dict, repr=False, compare=False)  # per article, the entry as on disk
    _lines: dict = field(default_factory=dict, repr=False, compare=False)  # per article, its line in the file
    _saved_link: str | None = field(default=None, repr=False, compare=False)
    _memo: dict | None = field(default=None, repr=False, compare=False)
    problem: str = field(default="", compare=False)  # why the file could not be used: it is rebuilt from the pages

    @classmethod
    def load(cls, docs: Path, memo: dict | None = None) -> State:
        """The state of ``docs``; ``memo`` (a long-lived cache's, see ``FileCache.memo``) keeps the file as last read or
        written, so that a preview's every save does not parse it again while it has not changed."""
        path = docs / STATE_FILE
        memo = {} if memo is None else memo
        if not path.is_file():
            lost = any(os.scandir(docs / "articles")) if (docs / "articles").is_dir() else False
            return cls(_memo=memo, problem=f"{path}: missing; rebuilt from the article pages" if lost else "")
        key, sig = ("state", os.path.abspath(path)), signature(path)
        try:
            if key in memo and memo[key][0] == sig:
                data, lines = memo[key][1:]
            else:
                text = path.read_text(encoding="utf-8")
                data = json.loads(text)
                # The file's own line for each entry (it writes one per article), so that saving rewrites only changed ones.
                lines = {json.loads(m[1]): m[0].rstrip(",") for m in map(ENTRY_LINE.match, text.splitlines()) if m}
            entries = data["articles"]
            articles = {k: _entry(v) for k, v in entries.items()}
        except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError) as exc:
            where = f":{exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
            return cls(_memo=memo, problem=f"{path}{where}: unreadable ({type(exc).__name__}: {str(exc)[:80]}), as a bad "
                                           "merge leaves it; rebuilt from the article pages")
        saved = {k: v if OPTIONAL.keys() <= v.keys() and "linked" in v else {**OPTIONAL, "linked": v.get("tags", []), **v}
                 for k, v in entries.items()}
        memo[key] = (sig, {**data, "articles": saved}, lines)
        return cls(articles, str(data.get("link", "")), saved, dict(lines), data.get("link"), memo)

    def save(self, docs: Path) -> bool:
        """Writes the file when an entry changed; an entry's line is serialised again only when the entry changed."""
        lines, changed = [], self.link != self._saved_link
        for k in sorted(self.articles):
            v = self.articles[k]
            if k in self._lines and self._saved.get(k) == vars(v):
                lines.append(self._lines[k])  # comparing an entry costs less than serialising it
                continue
            entry = {**vars(v), "linked": list(v.linked), "tags": list(v.tags), "own": None if v.own is None else list(v.own),
                     "cut": list(v.cut)}
            # One line per article, each by the C encoder: json's indent= would run the pure-Python one.
            written = {key: value for key, value in entry.items() if key not in OPTIONAL or value != OPTIONAL[key]}
            if written["linked"] == written["tags"]:
                del written["linked"]  # most entries: half the line, written and read (``_entry`` puts it back)
            self._lines[k] = f"  {_name(k)}: {_entry_json(written)}"
            self._saved[k] = entry
            lines.append(self._lines[k])
            changed = True
        for gone in self._saved.keys() - self.articles.keys():
            del self._saved[gone]
            self._lines.pop(gone, None)
            changed = True
        if not changed:
            return False
        entries = ",\n".join(lines)
        text = f'{{\n "articles": {{\n{entries}\n }},\n "link": {json.dumps(self.link)}\n}}\n' if lines else \
            json.dumps({"articles": {}, "link": self.link}, indent=1, sort_keys=True) + "\n"
        path = docs / STATE_FILE
        written = write_if_changed(path, text)
        self._saved_link = self.link
        if self._memo is not None:
            self._memo[("state", os.path.abspath(path))] = (signature(path), {"articles": dict(self._saved), "link": self.link},
                                                            dict(self._lines))
        return written

    def by_slug(self) -> dict[str, str]:
        return {a.slug: original for original, a in self.articles.items()}


def _entry(v: dict) -> ArticleState:
    fields = {k: v[k] for k in ArticleState.__dataclass_fields__ if k in v}
    own = v.get("own")
    return ArticleState(**{**fields, "linked": list(v.get("linked", v.get("tags", []))), "tags": list(v.get("tags", [])),
                           "own": None if own is None else list(own), "cut": list(v.get("cut", []))})
