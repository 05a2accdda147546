"""Corpora for the performance benchmark, made from the 700 SpkAtt Wikinews articles (read from
../shared/data, never copied into the project): detokenised, one file per article, cycled with
distinct ids (and a line that makes each copy's text distinct) for sizes above 700."""

from __future__ import annotations

import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "spkatt2023-train"
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]“»%])")
_NO_SPACE_AFTER = re.compile(r"([(\[„»]) ")


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def articles() -> list[tuple[str, str]]:
    """(title, text) of every SpkAtt article, in file order."""
    out = []
    for f in sorted(DATA.glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        title = re.sub(r"^\d+ - | \(\d{4}-\d{2}-\d{2}\)\.json$", "", f.name)
        body = "\n\n".join(detokenise(s["Tokens"]) for s in doc["Sentences"])
        out.append((title, body))
    return out


def write_corpus(folder: Path, size: int) -> int:
    """Write ``size`` articles into ``folder``; returns the number of words written."""
    folder.mkdir(parents=True, exist_ok=True)
    source = articles()
    words = 0
    for n in range(size):
        title, body = source[n % len(source)]
        copy = n // len(source)
        text = f"{title}\n\n{body}\n" if copy == 0 else f"{title} (Folge {copy + 1})\n\n{body}\n"
        (folder / f"a{n:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words
