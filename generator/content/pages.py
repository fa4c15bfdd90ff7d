"""Reading and writing Markdown pages without disturbing what an editor wrote.

A page is front matter plus a body. The generator owns only the regions between
``<!-- generated:NAME -->`` and ``<!-- /generated:NAME -->`` markers; everything else is
returned byte for byte. Writes are atomic and skipped when nothing changed.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import stat
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import yaml

FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.S | re.M)
SECTION = re.compile(r"<!-- generated:(?P<name>[a-z-]+)\b[^>]*-->\n?(?P<inner>.*?)<!-- /generated:(?P=name) -->\n?", re.S)
MD_SPECIAL = re.compile(r"([\\`*\[\]])")
ENTITY_REF = re.compile(r"&(?=#?\w+;)")
LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)]|~~~)", re.M)
# Anything the three patterns above could change; most stretches of news text between two names have none.
NEEDS_ESCAPE = re.compile(r"[&<>\\`*\[\]]|^\s*(?:[#>+=-]|\d+[.)]|~~~)", re.M)


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, much faster
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class TextDatesLoader(_SafeLoader):
    """Safe YAML that keeps dates as the text the editor typed, so a bad date is reportable."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class PageError(ValueError):
    """A page that cannot be read; the message names the reason, ``line`` the line of the file to look at."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.line = line


# Front matter starts on the file's second line, after the opening ``---``.
FIRST_LINE = 2


def _no_anchors(front: str) -> None:
    """Refuse anchors and aliases: one line of them can expand to billions of values (a "billion laughs") that hang or
    crash whatever walks the result. Scanning tokens is linear in the text and skipped when neither sign appears."""
    if "&" not in front and "*" not in front:
        return
    for token in yaml.scan(front, Loader=_SafeLoader):
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
            kind = "anchor `&" if isinstance(token, yaml.AnchorToken) else "alias `*"
            raise PageError(f"front matter uses the YAML {kind}{token.value}` (anchors and aliases are not allowed)",
                            token.start_mark.line + FIRST_LINE)


def _yaml_error(exc: yaml.YAMLError, front: str) -> PageError:
    """The error at the line where it is: where an unclosed bracket or quote opened, rather than the end of the text."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    opened = any(w in (getattr(exc, "context", None) or "") for w in ("flow", "quoted"))  # an unclosed [ { or quote
    if context is not None and (mark is None or opened or mark.index >= len(front.rstrip())):
        mark = context
    context_text = f" ({exc.context})" if getattr(exc, "context", None) else ""
    return PageError(f"front matter is not valid YAML: {problem}{context_text}", mark.line + FIRST_LINE if mark else 1)


def split(text: str) -> tuple[dict, str, str]:
    """(metadata, front matter text, body) of a page; a page without front matter has {}."""
    m = FRONT.match(text)
    if not m:
        return {}, "", text
    try:
        _no_anchors(m.group(1))
        meta = yaml.load(m.group(1), Loader=TextDatesLoader)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, m.group(1)) from exc
    except RecursionError as exc:
        raise PageError("front matter is nested too deeply", FIRST_LINE) from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise PageError("front matter is not a mapping of keys to values", FIRST_LINE)
    return meta, m.group(1), text[m.end():]


def split_front(text: str) -> tuple[str, str]:
    """(front matter text, body) without parsing the YAML: for rewriting a generated section only."""
    m = FRONT.match(text)
    return (m.group(1), text[m.end():]) if m else ("", text)


# Text that YAML writes as it is (a plain scalar) and reads back as that same text: a letter first, no character that
# means something in YAML, not a word YAML 1.1 reads as a boolean or null. Anything else goes through the YAML dumper.
_PLAIN = re.compile(r"[^\W\d_][\w ,.()'’/&-]{0,500}(?<! )")
_NOT_TEXT = frozenset("yes no true false on off null".split())


def _dump(meta: dict) -> str:
    return yaml.dump(meta, Dumper=_SafeDumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000)


def _plain(value: str) -> bool:
    return _PLAIN.fullmatch(value) is not None and value.lower() not in _NOT_TEXT and max(value) < "\U00010000"


# One word of letters, digits and ``_.-`` (a date, a digest, a file name, a slug that starts with a digit): written as
# it is when YAML reads it back as text, else in single quotes ('2013-07-23'), as the dumper decides by the same resolver.
_WORD = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.-]{0,200}")
_RESOLVER = yaml.resolver.Resolver()


def _scalar(value) -> str | None:
    """``value`` as the dumper writes it after a key or a dash, for the text it writes without looking further; else None."""
    return _text_scalar(value) if isinstance(value, str) else None


@lru_cache(maxsize=65536)
def _text_scalar(value: str) -> str | None:
    """``_scalar`` of a text, once per text: the same slugs and dates are written in page after page."""
    if _plain(value):
        return value
    if _WORD.fullmatch(value):
        return value if _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str" else f"'{value}'"
    return None


def render_front(meta: dict) -> str:
    """YAML front matter in the key order given, stable across runs: what ``yaml.dump`` writes, byte for byte.

    Titles, slugs and names that need no quoting are written directly, which is most of them;
    the tests check the result against the dumper on generated text of every kind.
    """
    if not meta:
        return f"---\n{_dump(meta)}---\n"
    out = ["---\n"]
    for key, value in meta.items():
        if (one := _scalar(value)) is not None:
            out.append(f"{key}: {one}\n")
        elif isinstance(value, list) and None not in (items := [_scalar(v) for v in value]):
            out.append(f"{key}:\n" + "".join(f"- {v}\n" for v in items) if value else f"{key}: []\n")
        else:
            out.append(_dump({key: value}))
    out.append("---\n")
    return "".join(out)


def marker(name: str, how: str) -> str:
    return f"<!-- generated:{name} — {how} -->\n"


def section(name: str, content: str, how: str = "rewritten by the generator on every run; edit outside these markers") -> str:
    return f"{marker(name, how)}{content.rstrip()}\n<!-- /generated:{name} -->\n"


def sections(body: str) -> dict[str, str]:
    return {m["name"]: m["inner"] for m in SECTION.finditer(body)}


def replace_section(body: str, name: str, content: str, *, at_top: bool = False) -> str:
    """``body`` with the generated section ``name`` holding ``content``; added when missing."""
    for m in SECTION.finditer(body):
        if m["name"] == name:
            return body[: m.start("inner")] + content.rstrip() + "\n" + body[m.end("inner"):]
    new = section(name, content)
    if at_top:
        return new + ("\n" + body.lstrip("\n") if body.strip() else "")
    return body.rstrip("\n") + ("\n\n" if body.strip() else "") + new


def escape(text: str) -> str:
    """Article text shown as the text it is: no HTML, no Markdown links, no headings."""
    if not NEEDS_ESCAPE.search(text):
        return text
    text = ENTITY_REF.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = MD_SPECIAL.sub(r"\\\1", text)
    return LINE_START.sub(r"\1\\\2", text)


CHUNK = 1 << 22  # characters encoded at a time: an export of 800 MB (100,000 articles) is never held twice in memory


Text = str | Sequence[str]  # a file's text, whole or as the pieces it is the join of (an export is never joined)


def _encoded(text: Text):
    """``text`` in UTF-8, a piece at a time (a piece ends at a character, so the pieces are the whole's encoding)."""
    if not isinstance(text, str):
        for part in text:
            yield from _encoded(part)
        return
    for start in range(0, len(text), CHUNK):
        yield text[start:start + CHUNK].encode("utf-8")


def _sha(pieces) -> str:
    h = hashlib.sha256()
    for piece in pieces:
        h.update(piece)
    return h.hexdigest()


def digest(text: Text) -> str:
    if isinstance(text, str) and len(text) <= CHUNK:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return _sha(_encoded(text))[:16]


def _holds(f, text: Text) -> bool:
    """Whether the file open as text in ``f`` holds ``text`` (line endings aside); a text in pieces is compared by
    digest, read a piece at a time, so neither side is ever held whole."""
    if isinstance(text, str):
        return f.read() == text
    return _sha(iter(lambda: f.read(CHUNK).encode("utf-8"), b"")) == _sha(_encoded(text))


def file_digest(content: str | bytes) -> str:
    """A whole file's digest, from its bytes or from the text written to it (UTF-8, as ``write_if_changed`` writes)."""
    return hashlib.sha256(content.encode("utf-8") if isinstance(content, str) else content).hexdigest()


def owned_digest(text: str) -> str:
    """Digest of what editors own in a page: everything outside the generated sections."""
    return digest(SECTION.sub("", text))


def md_names(folder: Path) -> list[str]:
    """The names of the ``*.md`` files directly in ``folder``, sorted (``glob`` is a good deal slower at 10,000)."""
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries if e.name.endswith(".md"))
    except FileNotFoundError:
        return []


def md_files(folder: Path) -> list[Path]:
    """``sorted(folder.glob("*.md"))``, by ``md_names``."""
    return [folder / name for name in md_names(folder)]


def md_tree(docs: Path, skip: str = ".generator") -> list[str]:
    """Every ``*.md`` file under ``docs`` but in ``skip`` folders, as sorted POSIX paths relative to ``docs``."""
    out = []
    for top, dirs, files in os.walk(docs):
        dirs[:] = [d for d in dirs if d != skip]
        rel = os.path.relpath(top, docs).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        out += [prefix + f for f in files if f.endswith(".md")]
    return sorted(out)


_TEMPORARY = itertools.count()


def write_if_changed(path: Path, text: Text, differs: bool = False) -> bool:
    """Atomically replace ``path`` with ``text`` unless it already holds exactly that (line endings aside, as read);
    the file keeps its mode, less the umask. ``differs``: the caller knows the file holds something else (a digest
    told it), and the file is not read to find out (the tags export is 80 MB at 10,000 articles).

    The temporary file is named by process and counter rather than by ``tempfile.mkstemp``, which costs five times
    as much and leaves files readable by their owner only. A new file is put in place by a hard link rather than a
    rename, which on ext4 costs eight times as much (``make bench``'s first run writes 13,000 new pages).
    """
    mode, new = 0o666, False  # less the umask, as for any file an editor creates
    try:
        if differs:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        else:
            with open(path, encoding="utf-8") as f:
                if _holds(f, text):
                    return False
                mode = stat.S_IMODE(os.fstat(f.fileno()).st_mode)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = True
    while True:
        tmp = os.path.join(path.parent, f".{path.name}.{os.getpid()}-{next(_TEMPORARY)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
            break
        except FileExistsError:  # left by a process that had this number and was killed
            continue
    try:
        with open(fd, "wb") as f:
            for piece in _encoded(text):
                f.write(piece)
        _put_in_place(tmp, path, new)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _put_in_place(tmp: str, path: Path, new: bool) -> None:
    """``tmp`` renamed to ``path`` in one step: the page is never seen half-written."""
    if new:
        try:
            os.link(tmp, path)
        except OSError:  # made since it was looked for, or a file system without hard links
            pass
        else:
            os.unlink(tmp)
            return
    os.replace(tmp, path)


TEMPORARY = re.compile(r"\..+\.\d+-\d+\.tmp")  # what write_if_changed names its temporary files


def sweep_temporary(docs: Path) -> list[Path]:
    """Remove the temporary files a killed run left (``write_if_changed``'s, and the cache's); call it while no other run
    can be writing. An editor's own ``*.tmp`` file is not named like these and stays."""
    gone = []
    for top, _dirs, files in os.walk(docs):
        in_cache = os.path.basename(top) == "cache" and os.path.basename(os.path.dirname(top)) == ".generator"
        for name in files:
            if name.endswith(".tmp") and (in_cache or TEMPORARY.fullmatch(name)):
                path = Path(top) / name
                path.unlink(missing_ok=True)
                gone.append(path)
    return gone


def set_front_value(front: str, key: str, value) -> str:
    """``front`` with ``key`` set to ``value``, every other line (comments included) untouched.

    Only the key's own lines — ``key:`` and the indented or ``- `` lines under it — are
    replaced; a missing key is appended. This is how the generator changes an editor's page.
    """
    rendered = yaml.dump({key: value}, Dumper=_SafeDumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000)
    lines = front.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if re.match(rf"{re.escape(key)}\s*:", line):
            j = i + 1
            while j < len(lines) and (lines[j].startswith((" ", "\t", "- ")) or lines[j].strip() == "-"):
                j += 1
            return "".join(lines[:i]) + rendered + "".join(lines[j:])
    return front + ("" if not front or front.endswith("\n") else "\n") + rendered


def join(front: str, body: str) -> str:
    return f"---\n{front}---\n{body}" if front else body
