"""Train the German NER model shipped in generator/models/ner-de.crfsuite, and score it on held-out data.

    python bench/train_ner.py                      # train on all sources, report on the held-out sets
    python bench/train_ner.py --no-save            # score only (e.g. to try features)
    python bench/train_ner.py --sources dev test-a # what each source adds

Sources (all read from ../shared/data, never copied into the project):
  dev        the even half of GermEval 2014 dev (the odd half is the fixed evaluation part)
  test-a     GermEval 2014 test, first half (all of it: the other half is held out elsewhere)
  smartdata  SmartData v1 train (CC BY 4.0; fine types mapped to PER/ORG/LOC by bench/smartdata.py)
Reported on: the odd half of GermEval dev, and SmartData v1 test (per kind).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pycrfsuite

from bench import germeval, smartdata
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
    ap.add_argument("--sources", nargs="+", default=list(SOURCES), choices=list(SOURCES))
    ap.add_argument(
        "--smartdata-places",
        choices=("all", "cities"),
        default="all",
        help="which SmartData location types count as places (all: with streets, stops, routes)",
    )
    args = ap.parse_args()

    lang = load_language("de")
    pos = None
    if args.pos:
        from HanTa import HanoverTagger

        pos = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    lexicon = load_lexicon("de", lang.actors.lexicon_sources)
    features = Features(lang, lexicon, pos)
    dev_train, test = germeval.split(germeval.read())
    kinds = dict(smartdata.KINDS)
    if args.smartdata_places == "cities":
        kinds = {
            k: v
            for k, v in kinds.items()
            if k in ("person", "organization", "organization-company", "location", "location-city")
        }

    def bare_noun(name: str) -> bool:
        """A one-word mention that is a common noun and no known name ("Gruppe", not "China")."""
        known = name in lexicon.gazetteer or name in lexicon.first_names or name in lexicon.surnames
        known = known or name in lexicon.proper_names
        return " " not in name and lexicon.is_common_noun(name) and not known

    train: list[germeval.Sentence] = []
    for source in args.sources:
        if source == "dev":
            part = dev_train
        elif source == "test-a":
            part = germeval.read(germeval.TEST_A)
        else:
            part = smartdata.read("train", bare_noun, kinds)
        print(f"{source}: {len(part)} sentences")
        train.extend(part)
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
    print(f"GermEval dev, held-out half: {len(test)} sentences")
    print(germeval.score(gold, pred).table())
    sd_test = smartdata.read("test", bare_noun, kinds)
    pred = [germeval.spans(tagger.tag(features.sentence(s.words))) for s in sd_test]
    gold = [germeval.spans(s.labels) for s in sd_test]
    print(f"\nSmartData v1 test: {len(sd_test)} sentences")
    print(germeval.score(gold, pred).table())
    return 0


SOURCES = ("dev", "test-a", "smartdata")


if __name__ == "__main__":
    sys.exit(main())
