"""The seed files: which files are articles, in which order, their ids, and when two are the same text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = (".txt", ".md")


MAX_ID = 80  # characters of an article id (a page's file name) before it is shortened with a hash


def _visible(seeds_dir: Path) -> list[Path]:
    return [p for p in seeds_dir.rglob("*") if not any(part.startswith(".") for part in p.relative_to(seeds_dir).parts)]


def find_seed_files(seeds_dir: Path) -> list[Path]:
    """Every ``*.txt``/``*.md`` below ``seeds_dir`` (hidden files and folders left out), sorted.
    Symbolic links are not followed (:func:`find_seed_links` lists them, to be reported)."""
    if not seeds_dir.is_dir():
        return []
    files = [p for p in _visible(seeds_dir) if p.suffix.lower() in SUFFIXES and p.is_file() and not p.is_symlink()]
    return sorted(files, key=lambda p: path_order(display_path(p.relative_to(seeds_dir).as_posix())))


def find_seed_links(seeds_dir: Path) -> list[Path]:
    """Symbolic links below ``seeds_dir`` that would be seeds (files named ``*.txt``/``*.md``, folders)."""
    if not seeds_dir.is_dir():
        return []
    links = [p for p in _visible(seeds_dir) if p.is_symlink() and (p.suffix.lower() in SUFFIXES or p.is_dir())]
    return sorted(links, key=lambda p: path_order(display_path(p.relative_to(seeds_dir).as_posix())))


def display_path(rel: str) -> str:
    """A file's path as text that can be shown and written anywhere: a byte of a file name that is not
    UTF-8 (a lone surrogate from the file system) is written as ``\\xe9``; distinct names stay distinct."""
    return rel.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")


def path_order(rel: str) -> tuple[str, str]:
    """Reading order of seed files: by path, case-insensitive (ties broken by the exact path)."""
    return (rel.casefold(), rel)


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "article"
    if len(slug) > MAX_ID:  # a page's file name must stay short: a prefix and a short hash of the whole
        digest = hashlib.sha256(slug.encode("ascii")).hexdigest()[:8]
        slug = f"{slug[: MAX_ID - 9].rstrip('-')}-{digest}"
    return slug


def article_ids(files: Iterable[str]) -> dict[str, str]:
    """Stable, unique ids from file names (``a b.txt`` → ``a-b``); clashes get ``-2``, ``-3`` in path order."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for rel in sorted(files, key=path_order):
        base = slugify(Path(rel).stem)
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        ids[rel] = candidate
    return ids


def duplicate_key(body: str) -> str:
    return hashlib.sha256(" ".join(body.split()).casefold().encode("utf-8")).hexdigest()
