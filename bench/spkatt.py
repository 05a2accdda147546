"""SpkAtt-2023 Task 2 training data (700 German Wikinews articles with speech-attribution gold), read
from ../shared/data (never copied into the project), and its one fixed split.

The split is made once, by a hash of each file's name: about a fifth of the articles form the
evaluation fold, which nothing is trained or tuned on (``bench/quotes_bench.py`` reports on it); the
rest is the training fold (``bench/train_quotes.py`` learns the speech model and the cue lexicon
from it). The hash does not depend on the order or number of files, so the fold never moves.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.model import Article, ArticleMeta, Paragraph, Sentence, Token

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "spkatt2023-train"
FORMS = ("Direct", "Indirect")  # the forms the extractor is meant to find (and is scored on)
EVAL_SHARE = 5  # one file in five, by its name's hash, is in the evaluation fold


def fold(name: str) -> str:
    """``eval`` or ``train``, fixed by the file's name."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return "eval" if digest[0] % EVAL_SHARE == 0 else "train"


@dataclass(frozen=True)
class Gold:
    form: str
    cue: frozenset[tuple[int, int]]  # (sentence, token)
    source: frozenset[tuple[int, int]]
    message: frozenset[tuple[int, int]]
    addressee: frozenset[tuple[int, int]]


@dataclass(frozen=True)
class Doc:
    name: str
    article: Article
    offset: dict[tuple[int, int], int]  # (sentence, token) → character offset in the body
    gold: tuple[Gold, ...]


def _ids(values: list[str]) -> frozenset[tuple[int, int]]:
    out = set()
    for v in values:
        if ":" in v:
            s, t = v.split(":")[:2]
            out.add((int(s), int(t)))
    return frozenset(out)


def build(doc: dict[str, object], name: str) -> tuple[Article, dict[tuple[int, int], int]]:
    """The article (tokens joined by spaces, one paragraph a sentence: the data has no paragraphs),
    and the character offset of each (sentence, token)."""
    parts: list[str] = []
    pos = 0
    sentences, paragraphs, tokens_by_sentence = [], [], []
    offset: dict[tuple[int, int], int] = {}
    for s in doc["Sentences"]:  # type: ignore[attr-defined]
        sid = s["SentenceId"]
        toks = []
        start = pos
        for t, word in enumerate(s["Tokens"]):
            offset[(sid, t)] = pos
            toks.append(Token(word, pos, pos + len(word)))
            parts.append(word + " ")
            pos += len(word) + 1
        end = pos - 1
        parts.append("\n")
        pos += 1
        idx = len(sentences)
        sentences.append(Sentence(idx, start, end, "", idx))
        paragraphs.append(Paragraph(idx, start, end, False, idx, 1))
        tokens_by_sentence.append(tuple(toks))
    body = "".join(parts)
    sentences = [Sentence(s.index, s.start, s.end, body[s.start : s.end], s.paragraph) for s in sentences]
    meta = ArticleMeta(name, "file name", None, None, None, None, "unknown", "de", "command line", None)
    article = Article(
        id="doc", file=name, body=body, meta=meta, paragraphs=tuple(paragraphs), sentences=tuple(sentences),
        word_count=len(body.split()), content_hash=hashlib.sha256(body.encode()).hexdigest(),
        tokens=tuple(tokens_by_sentence),
    )  # fmt: skip
    return article, offset


def dev_part(name: str) -> bool:
    """A quarter of the training fold, for choices made while developing (another hash than the fold's)."""
    return hashlib.sha256(("dev:" + name).encode("utf-8")).digest()[0] % 4 == 0


def docs(which: str = "eval", limit: int = 0) -> Iterator[Doc]:
    """The articles of a fold (``eval``, ``train``, ``dev``: a quarter of train, or ``all``), in file order."""
    files = [
        f
        for f in sorted(DATA.glob("*.json"))
        if which == "all" or fold(f.name) == which or (which == "dev" and fold(f.name) == "train" and dev_part(f.name))
    ]
    for f in files[: limit or None]:
        raw = json.loads(f.read_text(encoding="utf-8"))
        article, offset = build(raw, f.name)
        gold = tuple(
            Gold(a["Form"], _ids(a["Cue"]), _ids(a["Source"]), _ids(a["Message"]), _ids(a["Addr"]))
            for a in raw["Annotations"]
        )
        yield Doc(f.name, article, offset, gold)
