"""SmartData v1 (../shared/data/smartdata-v1, CC BY 4.0; Schiersch et al., LREC 2018) as BIO sentences.

German news, RSS items and tweets about industry and traffic, with character-offset mentions. The fine
types are mapped to the three kinds the recogniser knows (``KINDS``); dates, numbers, triggers and
the rest are left out. Documents are deduplicated by id, split into paragraphs at line breaks and
tokenised with the project's own segmenter (SoMaJo), so that training sees the tokens the pipeline
sees. A mention that does not fall on token boundaries is dropped with its sentence's label left O.
Noise the data README warns of: mentions that start in lower case ("beiden Richtungen") and bare
common nouns ("Gruppe" typed as a company) are not names and are left O.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.germeval import Sentence
from generator.read.segment import Segmenter

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "smartdata-v1"

# SmartData's fine types → PER/ORG/LOC. Streets, stops and routes are places in GermEval's sense too
# ("Hauptstraße", "Hauptbahnhof"); ``--smartdata-places`` in bench/train_ner.py tries them apart.
KINDS = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
    "location-route": "LOC",
}


def documents(split: str) -> Iterator[dict[str, object]]:
    """The documents of ``train`` or ``test``, each once."""
    with gzip.open(DATA / f"{split}.json.gz", "rt", encoding="utf-8") as f:
        raw = f.read()
    decoder = json.JSONDecoder()
    seen: set[str] = set()
    i = 0
    while True:
        while i < len(raw) and raw[i].isspace():
            i += 1
        if i >= len(raw):
            return
        doc, i = decoder.raw_decode(raw, i)
        if doc["id"] not in seen:
            seen.add(doc["id"])
            yield doc


def read(
    split: str, not_a_name: Callable[[str], bool] = lambda _: False, kinds: dict[str, str] = KINDS
) -> list[Sentence]:
    """BIO sentences of ``split``; ``not_a_name``: a mention text to leave out (a bare common noun)."""
    seg = Segmenter()
    out: list[Sentence] = []
    for doc in documents(split):
        text = doc["text"]["string"]  # type: ignore[index]
        mentions = []
        for m in doc["conceptMentions"]["array"]:  # type: ignore[index]
            kind = kinds.get(m["type"])
            s, e = m["span"]["start"], m["span"]["end"]
            name = text[s:e]
            if kind and name[:1].isupper() and not not_a_name(name):
                mentions.append((s, e, kind))
        pos = 0
        for line in text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            for tokens in seg.sentences(text, start, end, "de"):
                labels = ["O"] * len(tokens)
                for s, e, kind in mentions:
                    inside = [k for k, t in enumerate(tokens) if s <= t.start and t.end <= e]
                    if not inside or tokens[inside[0]].start != s or tokens[inside[-1]].end != e:
                        continue
                    if any(labels[k] != "O" for k in inside):
                        continue  # overlapping mentions: the first one stays
                    labels[inside[0]] = f"B-{kind}"
                    for k in inside[1:]:
                        labels[k] = f"I-{kind}"
                out.append(Sentence(len(out), tuple(t.text for t in tokens), tuple(labels)))
    return out
