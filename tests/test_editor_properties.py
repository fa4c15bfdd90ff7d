"""Property: whatever editors and raw files do, in whatever order, no editor work is lost.

Hypothesis drives random sequences of editor edits (text, tags, links, entity pages, wrong
aliases added and removed), raw-file changes, accidents (the state file lost or left unreadable
by a bad merge, a run killed part way), ingest, retag, link, rename and merge on a small wiki,
and after every step checks that each editor-written sentence is still in the wiki, each tag
an editor removed is still absent, each tag an editor added is still present and each raw
file has exactly one page; and that ``link``, which skips what its local cache says is
unchanged, leaves nothing for a run from scratch to write.
"""

import os
import re
import shutil
import signal
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from generator.content.pages import join, set_front_value, split
from generator.steps.ingest import ingest
from generator.steps.link import link
from generator.steps.rename import merge, rename
from generator.steps.retag import retag
from generator.store.filecache import FileCache
from generator.store.state import STATE_FILE, State
from tests.conftest import write_registry

RAW = {
    "a.txt": "Moscow and Ankara talk\n\nMoscow said patrols with Turkey would resume near Deir ez-Zor.\nThe SDF denied it.\n",
    "b.txt": "Fighting in Bukamal\n\nISIS attacked Abu Kamal. Damascus sent troops from Deir al-Zor.\nThe March 5 agreement held.\n",
}
ENTITIES = ["actors/russia", "actors/turkey", "actors/syrian-democratic-forces", "actors/islamic-state", "locations/deir-ez-zor",
            "locations/albu-kamal", "agreements/astana-talks"]


class EditorsAndGenerator(RuleBasedStateMachine):
    @initialize()
    def build(self):
        self.root = Path(tempfile.mkdtemp())
        self.docs = self.root / "docs"
        write_registry(self.docs)
        (self.root / "seeds").mkdir()
        for name, text in RAW.items():
            (self.root / "seeds" / name).write_text(text, encoding="utf-8")
        ingest(self.root / "seeds", self.docs)
        link(self.docs)
        self.sentences: list[str] = []
        self.removed: set[tuple[str, str]] = set()  # (original, type/slug)
        self.added: set[tuple[str, str]] = set()
        self.moved: dict[str, str] = {}  # old ref → ref it now lives under
        self.preview = FileCache(self.docs, persistent=False)
        self.counter = 0
        self.wrong: dict[str, str] = {}  # entity ref → its page before an editor added a wrong alias

    def teardown(self):
        shutil.rmtree(self.root, ignore_errors=True)

    # helpers
    def current(self, ref: str) -> str:
        while ref in self.moved:
            ref = self.moved[ref]
        return ref

    def article(self, original: str) -> Path:
        for page in (self.docs / "articles").glob("*.md"):
            if page.name != "index.md" and split(page.read_text(encoding="utf-8"))[0].get("original") == original:
                return page
        raise AssertionError(f"no page for {original}")

    def tags(self, original: str) -> set[str]:
        meta = split(self.article(original).read_text(encoding="utf-8"))[0]
        return {f"{t}/{s}" for t in ("actors", "locations", "agreements") for s in meta.get(t) or []}

    def sentence(self) -> str:
        self.counter += 1
        return f"Editor note number {self.counter} stays."

    # editors
    @rule(original=st.sampled_from(sorted(RAW)))
    def editor_writes_in_an_article(self, original):
        page = self.article(original)
        text = self.sentence()
        page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{text}\n", encoding="utf-8")
        self.sentences.append(text)

    @rule(ref=st.sampled_from(ENTITIES))
    def editor_writes_on_an_entity_page(self, ref):
        ref = self.current(ref)
        page = self.docs / f"{ref}.md"
        meta, front, body = split(page.read_text(encoding="utf-8"))
        text = self.sentence()
        page.write_text(join(front, f"\n{text}\n" + body), encoding="utf-8")
        self.sentences.append(text)

    @rule(original=st.sampled_from(sorted(RAW)), data=st.data())
    def editor_removes_a_tag(self, original, data):
        tags = sorted(self.tags(original))
        if not tags:
            return
        ref = data.draw(st.sampled_from(tags))
        page = self.article(original)
        meta, front, body = split(page.read_text(encoding="utf-8"))
        type_, slug = ref.split("/")
        page.write_text(join(set_front_value(front, type_, [s for s in meta[type_] if s != slug]), body), encoding="utf-8")
        self.removed.add((original, ref))
        self.added.discard((original, ref))

    @rule(original=st.sampled_from(sorted(RAW)), ref=st.sampled_from(ENTITIES))
    def editor_adds_a_tag(self, original, ref):
        ref = self.current(ref)
        if ref in self.tags(original):
            return
        page = self.article(original)
        meta, front, body = split(page.read_text(encoding="utf-8"))
        type_, slug = ref.split("/")
        page.write_text(join(set_front_value(front, type_, list(meta.get(type_) or []) + [slug]), body), encoding="utf-8")
        self.added.add((original, ref))
        self.removed.discard((original, ref))

    @rule(original=st.sampled_from(sorted(RAW)))
    def editor_unlinks_a_mention(self, original):
        page = self.article(original)
        text = page.read_text(encoding="utf-8")
        meta, front, body = split(text)
        body = re.sub(r"^(?!<!--)(.*?)\[([^\]]+)\]\(\.\./[a-z]+/[a-z0-9-]+\.md\)", r"\1\2", body, count=1, flags=re.M)
        page.write_text(join(front, body), encoding="utf-8")

    @rule(ref=st.sampled_from(ENTITIES), name=st.sampled_from(["patrols", "troops", "Bukamal", "SDF", "Damascus"]))
    def editor_adds_a_wrong_alias(self, ref, name):
        page = self.docs / f"{self.current(ref)}.md"
        text = page.read_text(encoding="utf-8")
        self.wrong.setdefault(self.current(ref), text)
        meta, front, body = split(text)
        page.write_text(join(set_front_value(front, "aliases", list(meta.get("aliases") or []) + [name]), body), encoding="utf-8")

    @rule()
    def editor_removes_the_wrong_aliases(self):
        for ref, text in self.wrong.items():
            page = self.docs / f"{self.current(ref)}.md"
            if page.is_file() and ref == self.current(ref):
                meta, front, body = split(page.read_text(encoding="utf-8"))
                page.write_text(join(set_front_value(front, "aliases", split(text)[0].get("aliases") or []), body), encoding="utf-8")
        self.wrong = {}

    # accidents
    @rule()
    def bad_merge_deletes_the_state(self):
        (self.docs / STATE_FILE).unlink(missing_ok=True)

    @rule()
    def bad_merge_leaves_the_state_unreadable(self):
        path = self.docs / STATE_FILE
        if path.is_file():
            path.write_text("<<<<<<< HEAD\n" + path.read_text(encoding="utf-8")[:200], encoding="utf-8")

    @rule(after=st.floats(min_value=0, max_value=0.05))
    def run_killed_part_way(self, after):
        pid = os.fork()
        if pid == 0:  # the child is the run: ingest, retag and link, killed wherever it has got to
            try:
                ingest(self.root / "seeds", self.docs)
                retag(self.docs)
                link(self.docs)
            finally:
                os._exit(0)
        time.sleep(after)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)

    # raw input
    @rule(original=st.sampled_from(sorted(RAW)))
    def raw_file_changes(self, original):
        path = self.root / "seeds" / original
        self.counter += 1
        path.write_text(path.read_text(encoding="utf-8") + f"Update {self.counter} from the wires.\n", encoding="utf-8")

    # generator
    @rule()
    def run_ingest(self):
        ingest(self.root / "seeds", self.docs)

    @rule()
    def run_retag(self):
        retag(self.docs)

    @rule(preview=st.booleans())
    def run_link(self, preview):
        # A run of its own reads the cache from disk; a preview keeps one in memory from run to run, with what it
        # built last time patched rather than built anew (graph.Lists).
        link(self.docs, self.preview if preview else None)
        # What link skipped as unchanged (its local cache) is what a run from scratch would have written.
        scratch = self.root / "scratch" / "docs"
        shutil.rmtree(scratch.parent, ignore_errors=True)
        shutil.copytree(self.docs, scratch, ignore=shutil.ignore_patterns("cache", "lock"))
        state = State.load(scratch)
        state.link = ""
        state.save(scratch)
        assert link(scratch).written == []

    @rule(ref=st.sampled_from(ENTITIES))
    def run_rename(self, ref):
        ref = self.current(ref)
        new = f"{ref}-r{self.counter}"
        self.counter += 1
        rename(self.docs, ref, new.split("/")[1])
        self.moved[ref] = new
        self.remap(ref, new)

    @rule(a=st.sampled_from(ENTITIES), b=st.sampled_from(ENTITIES))
    def run_merge(self, a, b):
        a, b = self.current(a), self.current(b)
        if a == b or a.split("/")[0] != b.split("/")[0]:
            return
        kept = {o for o in RAW if a in self.tags(o) or b in self.tags(o)}
        merge(self.docs, a, b)
        self.moved[a] = b
        self.remap(a, b)
        # a removed tag folded into one the article still carries: the kept tag wins
        self.removed = {(o, r) for o, r in self.removed if not (r == b and o in kept)}

    def remap(self, old, new):
        for name in ("removed", "added"):
            pairs = getattr(self, name)
            setattr(self, name, {(o, new if r == old else r) for o, r in pairs})
        # a merge can fold a removed tag into one the editor kept: the kept decision wins
        self.removed = {(o, r) for o, r in self.removed if (o, r) not in self.added}

    # what must always hold
    @invariant()
    def editor_text_is_never_lost(self):
        if not hasattr(self, "docs"):
            return
        wiki = "\n".join(p.read_text(encoding="utf-8") for p in self.docs.rglob("*.md"))
        for sentence in self.sentences:
            assert sentence in wiki

    @invariant()
    def each_raw_file_has_one_page(self):
        if not hasattr(self, "docs"):
            return
        originals = [split(p.read_text(encoding="utf-8"))[0].get("original") for p in (self.docs / "articles").glob("*.md")
                     if p.name != "index.md"]
        assert sorted(originals) == sorted(RAW), originals

    @invariant()
    def tag_decisions_hold(self):
        if not hasattr(self, "docs"):
            return
        for original, ref in self.removed:
            if any(o == original and r == ref for o, r in self.added):
                continue
            assert ref not in self.tags(original), f"{ref} came back on {original}"
        for original, ref in self.added:
            assert ref in self.tags(original), f"{ref} was dropped from {original}"


EditorsAndGenerator.TestCase.settings = settings(
    max_examples=100, stateful_step_count=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TestEditorsAndGenerator = EditorsAndGenerator.TestCase
