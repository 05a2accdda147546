"""The seed files: which files are articles, in which order, their ids, and when two are the same text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = (".txt", ".md")


def find_seed_files(seeds_dir: Path) -> list[Path]:
    """Every ``*.txt``/``*.md`` below ``seeds_dir`` (hidden files and folders left out), sorted."""
    if not seeds_dir.is_dir():
        return []
    files = [
        p
        for p in seeds_dir.rglob("*")
        if p.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(seeds_dir).parts)
        and p.is_file()
        and not p.is_symlink()
    ]
    return sorted(files, key=lambda p: path_order(p.relative_to(seeds_dir).as_posix()))


def path_order(rel: str) -> tuple[str, str]:
    """Reading order of seed files: by path, case-insensitive (ties broken by the exact path)."""
    return (rel.casefold(), rel)


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug or "article"


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
