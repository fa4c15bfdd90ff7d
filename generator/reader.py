"""Raw input files → text, or a clear reason why not."""

from __future__ import annotations

from pathlib import Path

MAX_BYTES = 5_000_000
SUFFIXES = (".txt",)


class InputError(ValueError):
    """A raw file that cannot become an article; the message says why."""


def raw_files(seeds: Path) -> list[Path]:
    return sorted(p for p in seeds.iterdir() if p.suffix.lower() in SUFFIXES and not p.name.startswith("."))


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_raw(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("looks like a binary file, not text")
    text = decode(data)
    if not text.strip():
        raise InputError("file is empty")
    return text
