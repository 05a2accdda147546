"""GermEval 2014 development data (../shared/data/germeval2014-dev): reading, splitting, and strict span scoring.

Outer tags only; OTH and the -deriv/-part tags count as O. Sentences with an even index (0, 2, 4 …)
are the training half, odd ones the test half: `bench/train_ner.py` trains on the first, and every
figure we report is on the second.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "germeval2014-dev" / "NER-de-dev.tsv"
TEST_A = DATA.parents[1] / "germeval2014-test-a" / "NER-de-test-a.tsv"  # training only
KEEP = {"PER", "LOC", "ORG"}


@dataclass(frozen=True)
class Sentence:
    index: int
    words: tuple[str, ...]
    labels: tuple[str, ...]  # BIO over PER/LOC/ORG


def _outer(tag: str) -> str:
    if tag == "O":
        return "O"
    prefix, kind = tag.split("-", 1)
    return f"{prefix}-{kind}" if kind in KEEP else "O"


def read(path: Path = DATA) -> list[Sentence]:
    sentences: list[Sentence] = []
    words: list[str] = []
    labels: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                sentences.append(Sentence(len(sentences), tuple(words), tuple(_fix(labels))))
                words, labels = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        labels.append(_outer(cols[2]))
    return sentences


def _fix(labels: list[str]) -> list[str]:
    """An I- after O (left by dropping OTH) starts a span."""
    out = []
    prev = "O"
    for tag in labels:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def split(sentences: Sequence[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    return [s for s in sentences if s.index % 2 == 0], [s for s in sentences if s.index % 2 == 1]


def spans(labels: Sequence[str]) -> set[tuple[int, int, str]]:
    out = set()
    start, kind = -1, ""
    for i, tag in enumerate([*labels, "O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != kind):
            out.add((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return out


@dataclass
class Score:
    tp: Counter[str]
    fp: Counter[str]
    fn: Counter[str]

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        tp = sum(self.tp.values()) if kind is None else self.tp[kind]
        fp = sum(self.fp.values()) if kind is None else self.fp[kind]
        fn = sum(self.fn.values()) if kind is None else self.fn[kind]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def table(self) -> str:
        rows = ["| type | precision | recall | F1 | gold |", "|---|---|---|---|---|"]
        for kind in (*sorted(KEEP), None):
            p, r, f = self.prf(kind)
            gold = (sum(self.tp.values()) + sum(self.fn.values())) if kind is None else self.tp[kind] + self.fn[kind]
            rows.append(f"| {kind or 'all'} | {p:.3f} | {r:.3f} | {f:.3f} | {gold} |")
        return "\n".join(rows)


def score(gold: Iterable[set[tuple[int, int, str]]], pred: Iterable[set[tuple[int, int, str]]]) -> Score:
    s = Score(Counter(), Counter(), Counter())
    for g, p in zip(gold, pred, strict=True):
        for span in p & g:
            s.tp[span[2]] += 1
        for span in p - g:
            s.fp[span[2]] += 1
        for span in g - p:
            s.fn[span[2]] += 1
    return s
