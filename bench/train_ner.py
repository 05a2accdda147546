"""Train the German NER model shipped in generator/models/ner-de.crfsuite, and score it on held-out data.

    python bench/train_ner.py            # train on the even half of GermEval dev, report on the odd half
    python bench/train_ner.py --no-save  # score only (e.g. to try features)

The training data is read from ../shared/data (never copied into the project).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pycrfsuite

from bench import germeval
from generator.analyse.lexicon import load_lexicon
from generator.analyse.ner import Features
from generator.lang import load_language

MODEL = Path(__file__).resolve().parents[1] / "generator" / "models" / "ner-de.crfsuite"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--no-pos", dest="pos", action="store_false", help="train without HanTa part-of-speech tags")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iterations", type=int, default=200)
    args = ap.parse_args()

    lang = load_language("de")
    pos = None
    if args.pos:
        from HanTa import HanoverTagger

        pos = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    features = Features(lang, load_lexicon("de", lang.actors.lexicon_sources), pos)
    train, test = germeval.split(germeval.read())
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in train:
        trainer.append(features.sentence(s.words), list(s.labels))
    trainer.set_params(
        {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations, "feature.possible_transitions": True}
    )
    out = MODEL if not args.no_save else Path("/tmp/ner-de-trial.crfsuite")
    out.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    trainer.train(str(out))
    print(f"trained on {len(train)} sentences in {time.perf_counter() - t:.1f} s → {out} ({out.stat().st_size} bytes)")

    tagger = pycrfsuite.Tagger()
    tagger.open(str(out))
    pred = [germeval.spans(tagger.tag(features.sentence(s.words))) for s in test]
    gold = [germeval.spans(s.labels) for s in test]
    print(f"held-out half: {len(test)} sentences")
    print(germeval.score(gold, pred).table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
