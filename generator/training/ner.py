"""Build the named-entity models (``generator/models/ner-<de|en>.crfsuite``) and their cards.

    python -m generator.training.ner de            # rebuild the shipped model and its card
    python -m generator.training.ner en --check    # rebuild in a temporary file; exit 1 unless the bytes are the same
    python -m generator.training.ner de --score    # the held-out scores of the shipped model, nothing built

A CRF (python-crfsuite, L-BFGS; no random step, so the seed recorded is only the order of the data,
which is fixed) over :class:`generator.analyse.ner.Features`, trained on the sentences listed per
language below, always in the same order. Data are read from ``../shared/data`` (never copied into
the project); the card beside the model records each file with its sha256 and licence, the model's
licence, the hyperparameters, the commit and the held-out scores with the command that measures them.

* de: GermEval 2014 dev, even sentences (the odd ones are the held-out half), GermEval 2014 test-a,
  SmartData v1 train; all CC BY 4.0, so the model is CC BY 4.0.
* en: UNER English-EWT train, and the even sentences of UNER English-EWT dev and of wikigold (the odd
  ones are the held-out halves); UNER is CC BY-SA 4.0, wikigold CC BY 4.0, so the model is
  CC BY-SA 4.0. CoNLL-2003 is not used (its text may not be redistributed).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.training.provenance import commit_of, sha256_of

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
MODELS = ROOT / "generator" / "models"
SEED = 0  # recorded for the card: CRF training with L-BFGS draws no random numbers

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Source:
    path: str  # under ../shared/data
    part: str  # which sentences train
    licence: str


@dataclass(frozen=True)
class Recipe:
    sources: tuple[Source, ...]
    licence: str
    c1: float
    c2: float
    iterations: int


RECIPES = {
    "de": Recipe(
        (
            Source("germeval2014-dev/NER-de-dev.tsv", "even sentences (the odd half is held out)", "CC BY 4.0"),
            Source("germeval2014-test-a/NER-de-test-a.tsv", "all", "CC BY 4.0"),
            Source("smartdata-v1/train.json.gz", "all (fine types mapped by bench/smartdata.py)", "CC BY 4.0"),
        ),
        "CC BY 4.0",
        0.05,
        0.05,
        200,
    ),
    "en": Recipe(
        (
            Source("english-ner/uner-en-ewt-train.iob2", "all", "CC BY-SA 4.0"),
            Source("english-ner/uner-en-ewt-dev.iob2", "even sentences (the odd half is held out)", "CC BY-SA 4.0"),
            Source("english-ner/wikigold.conll.txt", "even sentences (the odd half is held out)", "CC BY 4.0"),
        ),
        "CC BY-SA 4.0",
        0.02,
        0.02,
        200,
    ),
}


def _bench(module: str) -> Any:
    """A data reader of bench/ (imported by name: bench is no part of the package)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module(f"bench.{module}")


def training_sentences(code: str, features: Any) -> Iterable[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(words, labels) of the training data, in a fixed order."""
    if code == "de":
        germeval, smartdata = _bench("germeval"), _bench("smartdata")
        lexicon = features.lex

        def bare_noun(name: str) -> bool:
            """A one-word mention that is a common noun and no known name ("Gruppe", not "China")."""
            known = name in lexicon.gazetteer or name in lexicon.first_names or name in lexicon.surnames
            known = known or name in lexicon.proper_names
            return " " not in name and lexicon.is_common_noun(name) and not known

        dev_train, _ = germeval.split(germeval.read())
        parts = [dev_train, germeval.read(germeval.TEST_A), smartdata.read("train", bare_noun)]
        return [(s.words, s.labels) for part in parts for s in part]
    uner, wikigold = _bench("english_ner").uner, _bench("english_ner").wikigold
    train = [(s.words, s.labels) for s in uner("uner-en-ewt-train.iob2")]
    for data in (uner(), wikigold()):
        train += [(s.words, s.labels) for s in data if s.index % 2 == 0]
    return train


def held_out(code: str) -> dict[str, list[Any]]:
    """The measured-only halves, by name."""
    if code == "de":
        germeval = _bench("germeval")
        return {"GermEval 2014 dev, odd half": germeval.split(germeval.read())[1]}
    uner, wikigold = _bench("english_ner").uner, _bench("english_ner").wikigold
    return {
        "UNER English-EWT dev, odd half": [s for s in uner() if s.index % 2 == 1],
        "wikigold, odd half": [s for s in wikigold() if s.index % 2 == 1],
    }


def train(code: str, out: Path) -> int:
    """Train ``code``'s model into ``out``; the number of training sentences."""
    import pycrfsuite

    from generator.analyse.lexicon import load_lexicon
    from generator.analyse.ner import Features, LazyHanta
    from generator.lang import load_language

    recipe = RECIPES[code]
    lang = load_language(code)
    features = Features(lang, load_lexicon(code, lang.actors.lexicon_sources), LazyHanta(code))
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for words, labels in training_sentences(code, features):
        trainer.append(features.sentence(words), list(labels))
        n += 1
    trainer.set_params(
        {"c1": recipe.c1, "c2": recipe.c2, "max_iterations": recipe.iterations, "feature.possible_transitions": True}
    )
    trainer.train(str(out))
    return n


def scores(code: str, model: Path) -> dict[str, dict[str, float]]:
    """Strict span precision, recall and F1 (all kinds) on the held-out halves, as the pipeline runs the
    model (its confidence threshold and the cue rules of :class:`ActorExtractor`)."""
    score = _bench("germeval").score
    from generator.analyse.actors import ActorExtractor
    from generator.analyse.ner import Tagger
    from generator.lang import load_language

    lang = load_language(code)
    extractor = ActorExtractor(lang, Tagger(lang, model_file=str(model)))
    out = {}
    for name, sentences in held_out(code).items():
        gold = [{(x.start, x.end, x.label) for x in _spans(s.labels)} for s in sentences]
        pred = [{(x.start, x.end, x.label) for x in extractor.recognise(s.words)} for s in sentences]
        result = score(gold, pred).prf()
        out[name] = {k: round(v, 4) for k, v in zip(("precision", "recall", "f1"), result, strict=True)}
    return out


def _spans(labels: Iterable[str]) -> list[Any]:
    from generator.analyse.ner import spans_from_bio

    return spans_from_bio(list(labels))


def card(code: str, model: Path, sentences: int, measured: dict[str, dict[str, float]]) -> dict[str, Any]:
    recipe = RECIPES[code]
    return {
        "model": model.name,
        "sha256": sha256_of(model),
        "what": "CRF (BIO over PER, LOC, ORG) over generator.analyse.ner.Features",
        "licence": recipe.licence,
        "rebuild": f"pip install -e '.[train]' && python -m generator.training.ner {code}",
        "check": f"python -m generator.training.ner {code} --check",
        "commit": commit_of(ROOT),
        "reproducible": True,  # python -m generator.training.ner <code> --check gave the same bytes
        "python_crfsuite": metadata.version("python-crfsuite"),
        "seed": SEED,
        "hyperparameters": {
            "algorithm": "lbfgs",
            "c1": recipe.c1,
            "c2": recipe.c2,
            "max_iterations": recipe.iterations,
            "feature.possible_transitions": True,
        },
        "data": [
            {
                "path": f"../shared/data/{s.path}",
                "sha256": sha256_of(SHARED / "data" / s.path),
                "part": s.part,
                "licence": s.licence,
            }
            for s in recipe.sources
        ],
        "training_sentences": sentences,
        "scores": {
            "command": f"python -m generator.training.ner {code} --score",
            "measure": "strict span P/R/F1, all kinds, as the pipeline runs the model (CRF + cue rules)",
            "held_out": measured,
        },
    }


def main(argv: list[str] | None = None, report: Callable[[str], None] = print) -> int:
    ap = argparse.ArgumentParser(prog="python -m generator.training.ner", description=__doc__.split("\n")[0])
    ap.add_argument("language", choices=sorted(RECIPES))
    ap.add_argument("--check", action="store_true", help="rebuild in a temporary file and compare the bytes")
    ap.add_argument("--score", action="store_true", help="score the shipped model on the held-out halves")
    args = ap.parse_args(argv)
    shipped = MODELS / f"ner-{args.language}.crfsuite"
    if args.score:
        report(json.dumps(scores(args.language, shipped), indent=1))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / shipped.name
        n = train(args.language, out)
        if args.check:
            same = shipped.is_file() and out.read_bytes() == shipped.read_bytes()
            report(f"{shipped.name}: {'the same bytes' if same else 'DIFFERENT bytes'} ({sha256_of(out)})")
            return 0 if same else 1
        shipped.write_bytes(out.read_bytes())
    measured = scores(args.language, shipped)
    text = json.dumps(card(args.language, shipped, n, measured), indent=1, ensure_ascii=False) + "\n"
    (MODELS / f"ner-{args.language}.card.json").write_text(text, encoding="utf-8")
    report(f"{shipped.name}: {n} sentences, {sha256_of(shipped)}; held out: {json.dumps(measured)}")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
