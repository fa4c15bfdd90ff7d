"""Raw input files → text (plus what the file itself says about title, outlet, date, address and author).

Scrapers, copy-paste and other people's exports arrive in every encoding and format.
Each reader either returns clean Unicode text or raises ``InputError`` with the reason,
so the run can report the file and go on with the rest. A sidecar ``NAME.meta.yaml`` beside
``NAME.txt`` (an analyst's, or ``generator fetch``'s) says what the file cannot, and wins.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path

import charset_normalizer
import ftfy
from ftfy.badness import is_bad

MAX_BYTES = 5_000_000
MIN_WORDS = 8
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + MARKDOWN_SUFFIXES
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class InputError(ValueError):
    """A raw file that cannot become an article; the message says why."""


@dataclass(frozen=True)
class RawText:
    text: str
    title: str = ""
    source: str = ""
    published: str = ""
    url: str = ""
    author: str = ""
    sidecar: tuple[tuple[str, str], ...] = ()  # the sidecar's accepted values, (key, value) in key order
    problems: tuple[str, ...] = ()  # what was wrong with the sidecar: ``path:line: …``, its value ignored


SIDECAR = ".meta.yaml"
SIDECAR_KEYS = ("title", "published", "source", "url", "author")


def sidecar_of(path: Path) -> Path:
    """``seeds/a.txt`` → ``seeds/a.meta.yaml``."""
    return path.with_name(path.name[: -len(path.suffix)] + SIDECAR if path.suffix else path.name + SIDECAR)


def read_sidecar(path: Path) -> tuple[dict[str, str], list[str]]:
    """The values of a sidecar file, and a ``path:line: what — fix`` line for each one that is ignored."""
    from generator.content.pages import PageError, split
    from generator.content.schema import ARTICLE_SCHEMA, key_line, type_error

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{path}:1: cannot be read ({exc}) — ignored; save it as UTF-8 text"]
    try:
        meta = split(f"---\n{text.rstrip()}\n---\n")[0] if text.strip() else {}
    except PageError as exc:  # its lines count from the --- added above
        return {}, [f"{path}:{max(exc.line - 1, 1)}: {str(exc).replace('front matter ', '')} — ignored; write one `key: value` per line"]
    values, problems = {}, []
    for key, value in meta.items():
        line = key_line(text, str(key))
        if key not in SIDECAR_KEYS:
            problems.append(f"{path}:{line}: unknown key `{key}` — ignored; use one of: {', '.join(SIDECAR_KEYS)}")
        elif error := type_error(ARTICLE_SCHEMA[key], value):
            problems.append(f"{path}:{line}: `{key}` {error} — ignored; write it as {ARTICLE_SCHEMA[key]}")
        else:
            values[key] = value.strip()
    return values, problems


NOT_ARTICLES = frozenset({"feeds.txt"})  # the list `make fetch` reads: seeds/ holds it, it is no article


def raw_files(seeds: Path) -> list[Path]:
    """Every visible file in ``seeds`` but sidecars and the feeds list (unsupported ones too, so they can be reported),
    every symbolic link (a loop too: ``read_raw`` says what is wrong with it) and every folder named like an input file
    (``a.txt/``)."""
    with os.scandir(seeds) as entries:
        return sorted(seeds / e.name for e in entries if not e.name.startswith(".") and not e.name.lower().endswith(SIDECAR)
                      and e.name not in NOT_ARTICLES
                      and (e.is_symlink() or e.is_file() or (e.is_dir() and os.path.splitext(e.name)[1].lower() in SUFFIXES)))


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text that lost its BOM (an export's), else None. Such text has NUL bytes,
    as binary files do, but only in the high byte of each character: the ASCII ones, spaces and punctuation at least."""
    head = data[:8192]
    head = head[: len(head) // 2 * 2]
    if not head or b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    codec = "utf-16-le" if odd >= half * 0.05 and even <= half * 0.01 else "utf-16-be" if even >= half * 0.05 and odd <= half * 0.01 else None
    if codec is None:
        return None
    try:
        text = head.decode(codec)
    except UnicodeDecodeError:
        if len(data) > len(head):  # the head may end inside a surrogate pair
            text = head[:-2].decode(codec, errors="replace")
        else:
            return None
    strange = sum(not (c.isprintable() or c in "\t\n\r\x0c") for c in text)
    return codec if strange <= len(text) * 0.01 else None


def decode(data: bytes) -> str:
    """Bytes → text: a BOM decides, then UTF-16 by its NUL bytes, then strict UTF-8, then detection (Windows-1256,
    Latin-1, …)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    codec = utf16_without_bom(data)
    if codec:
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Outside UTF-8 our sources are Windows code pages: Western (1252, a superset of Latin-1) or Arabic (1256).
    best = charset_normalizer.from_bytes(data, cp_isolation=["cp1252", "cp1256"]).best()
    return str(best) if best is not None else data.decode("cp1252", errors="replace")


CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return False
    if b"\x00" in head:
        return utf16_without_bom(data) is None
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))  # counted in C
    return bool(head) and controls / len(head) > 0.05


def from_html(html: str) -> RawText:
    import trafilatura  # imported here: only HTML input needs it

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = (document.text or "").strip() if document is not None else ""
    if len(text.split()) < MIN_WORDS:
        raise InputError("no article text found in the HTML")
    title = (document.title or "").strip()
    return RawText(text, title=title, source=(document.sitename or "").strip(), published=(document.date or "")[:10],
                   url=_web(document.url), author=(document.author or "").strip())


def _web(url) -> str:
    """A page's own address when it is a web address (not a relative path or a ``javascript:``)."""
    url = str(url or "").strip()
    return url if re.fullmatch(r"https?://\S+", url) else ""


def from_markdown(markdown: str) -> RawText:
    from generator.content.pages import PageError, split

    try:
        meta, _, body = split(markdown)
    except PageError as exc:
        raise InputError(f"line {exc.line}: {exc}") from exc
    return RawText(body, title=str(meta.get("title") or ""), source=str(meta.get("source") or ""),
                   published=str(meta.get("published") or meta.get("date") or ""), url=_web(meta.get("url")),
                   author=str(meta.get("author") or "").strip())


# Text that ftfy would return unchanged (a property test checks it against ftfy): printable ASCII without entities,
# typographic quotes and dashes, precomposed Latin letters, and no line that ftfy's own mojibake test flags. Most
# articles are such text, and ftfy costs more than the rest of reading.
_LATIN = "".join(chr(c) for c in range(0xC0, 0x180) if chr(c) not in "×÷ĲĳŉĿŀ")
TYPOGRAPHY = "’‘“”–—…•"  # quotes, dashes, ellipsis, bullet: in most articles, and never mojibake on their own
UNTOUCHED_BY_FTFY = re.compile(f"[\t\n\x20-\x25\x27-\x7e{TYPOGRAPHY}{_LATIN}]*")


_TYPOGRAPHY = str.maketrans("", "", TYPOGRAPHY)


def needs_ftfy(text: str) -> bool:
    if UNTOUCHED_BY_FTFY.fullmatch(text) is None:
        return True
    # Mojibake needs a Latin letter (Ã, â…): a line of ASCII with quotes and dashes is never flagged, and most are that.
    return not text.isascii() and any(is_bad(line) for line in text.splitlines(keepends=True)
                                      if not line.translate(_TYPOGRAPHY).isascii())


def read_raw(path: Path, seeds: Path | None = None) -> RawText:
    """The file's text and metadata, its sidecar's values over the file's own."""
    raw = _read_file(path, seeds)
    values, problems = read_sidecar(sidecar_of(path))
    return replace(raw, **values, sidecar=tuple(sorted(values.items())), problems=tuple(problems))


def _read_file(path: Path, seeds: Path | None) -> RawText:
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError("symbolic link loop: the link leads back to itself; point it at a file or remove it") from exc
        raise
    if path.is_symlink() and seeds is not None and not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(seeds)):
        raise InputError(f"symbolic link to {os.path.realpath(path)}, outside {seeds}; copy the file into {seeds} instead")
    if stat.S_ISDIR(info.st_mode):
        raise InputError("a folder, not a file; move the articles in it into the seeds folder itself")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"unsupported format “{suffix or 'no extension'}”; accepted: {', '.join(SUFFIXES)}")
    size = info.st_size
    if size > MAX_BYTES:
        raise InputError(f"file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes (5 MB) per article — split or trim it")
    data = path.read_bytes()
    if looks_binary(data):
        raise InputError("looks like a binary file, not text")
    text = decode(data)
    if needs_ftfy(text):
        text = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False, normalization="NFC")
    if not text.strip():
        raise InputError("file is empty")
    if suffix in HTML_SUFFIXES:
        return from_html(text)
    if suffix in MARKDOWN_SUFFIXES:
        return from_markdown(text)
    return RawText(text)
