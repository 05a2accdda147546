"""Benchmark of the shipped German recogniser (generator.analyse.ner.Tagger, as the pipeline uses it).

    python bench/ner_bench.py [--min-confidence 0.6] [--dump bench/out/ner-names.txt]

1. GermEval 2014 dev, held-out (odd) half: strict span P/R/F1 per type (PER, LOC, ORG; outer tags).
2. Speed: tokens per second of tagging alone (the lexicon and model load are reported apart).
3. For the junk review: the distinct names found in the seeds and in 100 SpkAtt Wikinews articles,
   written to --dump, to be read by a person (junk = common nouns, function words, fragments).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import germeval  # noqa: E402
from generator.analyse.actors import ActorExtractor  # noqa: E402
from generator.analyse.ner import Tagger  # noqa: E402
from generator.lang import load_language  # noqa: E402

SPKATT = ROOT.parent / "shared" / "data" / "spkatt2023-train"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-confidence", type=float, default=0.6)
    ap.add_argument("--dump", type=Path, default=None, help="write the names found in seeds and SpkAtt here")
    args = ap.parse_args()

    t = time.perf_counter()
    lang = load_language("de")
    tagger = Tagger(lang, min_confidence=args.min_confidence)
    extractor = ActorExtractor(lang, tagger)
    load = time.perf_counter() - t

    _, test = germeval.split(germeval.read())
    tokens = sum(len(s.words) for s in test)
    gold = [germeval.spans(s.labels) for s in test]
    print(f"GermEval 2014 dev, held-out half ({len(test)} sentences, {tokens} tokens)")
    for label, recognise in (
        (f"CRF alone (min_confidence {args.min_confidence})", tagger.tag),
        ("as the pipeline runs it: CRF + cue rules", extractor.recognise),
    ):
        t = time.perf_counter()
        pred = [{(s.start, s.end, s.label) for s in recognise(sent.words)} for sent in test]
        took = time.perf_counter() - t
        print(f"\n{label}: {tokens / took:,.0f} tokens/s")
        print(germeval.score(gold, pred).table())
    print(f"\nmodel, lexicons and tagger load: {load:.1f} s")

    if args.dump:
        names: Counter[tuple[str, str]] = Counter()
        files = sorted(SPKATT.glob("*.json"))[:100]
        for f in files:
            for sent in json.loads(f.read_text(encoding="utf-8"))["Sentences"]:
                words = sent["Tokens"]
                for s in extractor.recognise(words):
                    names[(" ".join(words[s.start : s.end]), s.label)] += 1
        from generator.config import load_config
        from generator.read.reader import Reader

        reader = Reader(load_config({"seeds": str(ROOT / "seeds"), "docs": "/tmp/unused"}, ROOT))
        seed_names: Counter[tuple[str, str]] = Counter()
        for article in reader.read_all().articles:
            for m in extractor.extract(article):
                seed_names[(m.text, m.kind)] += 1
        args.dump.parent.mkdir(parents=True, exist_ok=True)
        with args.dump.open("w", encoding="utf-8") as out:
            out.write(f"# seeds: {len(seed_names)} distinct names\n")
            for (name, label), n in sorted(seed_names.items()):
                out.write(f"{label}\t{n}\t{name}\n")
            out.write(f"\n# SpkAtt, first 100 articles: {len(names)} distinct names\n")
            for (name, label), n in sorted(names.items()):
                out.write(f"{label}\t{n}\t{name}\n")
        print(f"names written to {args.dump}: seeds {len(seed_names)}, SpkAtt {len(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
