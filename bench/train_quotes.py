"""Train the German speech model (generator/models/speech-de.crfsuite) and learn its cue lexicon
(generator/lang/de/speech_cues.yaml) from the training fold of SpkAtt-2023.

    python bench/train_quotes.py          # learn from the whole training fold, save model and lexicon
    python bench/train_quotes.py --dev    # learn from three quarters of it, score tokens on the rest

The evaluation fold (bench/spkatt.py) is never read here. Labels per token: C (cue), S (source),
M (message), A (addressee), O; from the annotations of form Direct and Indirect (the forms the
extractor reports; reported speech and free indirect speech stay O).
"""

from __future__ import annotations

import argparse
import functools
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pycrfsuite

from bench import spkatt
from generator.analyse.actors import ActorExtractor
from generator.analyse.lexicon import load_lexicon
from generator.analyse.ner import Tagger
from generator.analyse.postag import PosTagger
from generator.analyse.speech_tagger import LABELS, SentenceInput, SpeechFeatures, cue_stem
from generator.lang import load_language

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "generator" / "models" / "speech-de.crfsuite"
LEXICON = ROOT / "generator" / "lang" / "de" / "speech_cues.yaml"
PREPARED = Path("/tmp/dossier-spkatt-train.pickle")  # POS and actor mentions of the fold, made once

ENTITY = {"person": "PER", "organization": "ORG", "place": "LOC"}
PRIORITY = {"M": 4, "C": 3, "S": 2, "A": 1}


def prepare(forms: tuple[str, ...]) -> list[dict[str, object]]:
    """Each training article: its words, tags, entities and gold labels per sentence."""
    prepared = PREPARED.with_suffix(f".{'-'.join(forms)}.pickle")
    if prepared.is_file():
        data: list[dict[str, object]] = pickle.loads(prepared.read_bytes())
        return data
    lang = load_language("de")
    pos_tagger = PosTagger(lang)
    actors = ActorExtractor(lang, Tagger(lang))
    out = []
    for doc in spkatt.docs("train"):
        article = doc.article
        pos = [pos_tagger.tag([t.text for t in toks]) for toks in article.tokens]
        mentions = actors.extract(article, pos)
        labels: dict[tuple[int, int], str] = {}
        for g in doc.gold:
            if g.form not in forms:
                continue
            for ids, label in ((g.message, "M"), (g.cue, "C"), (g.source, "S"), (g.addressee, "A")):
                for i in ids:
                    if PRIORITY[label] > PRIORITY.get(labels.get(i, ""), 0):
                        labels[i] = label
        sentences = []
        for si, toks in enumerate(article.tokens):
            ents = []
            for t in toks:
                kind = next((ENTITY[m.kind] for m in mentions if m.start <= t.start < m.end), "O")
                ents.append(kind)
            sentences.append(
                {
                    "words": [t.text for t in toks],
                    "pos": pos[si],
                    "entities": ents,
                    "labels": [labels.get((si, k), "O") for k in range(len(toks))],
                }
            )
        out.append({"name": doc.name, "sentences": sentences})
    prepared.write_bytes(pickle.dumps(out))
    return out


def learn_lexicon(docs: list[dict[str, object]]) -> tuple[list[str], list[str]]:
    """Cue stems (:func:`cue_stem`): labelled cue at least twice and in at least a quarter of their uses.
    Source heads: the last noun of a source phrase that no actor mention covers, at least twice and
    in at least a tenth of its uses."""
    cue, source_head, seen = Counter(), Counter(), Counter()
    for d in docs:
        for s in d["sentences"]:  # type: ignore[attr-defined]
            words, labels, pos, ents = s["words"], s["labels"], s["pos"], s["entities"]
            for w in words:
                seen[w.casefold()] += 1
                seen["stem:" + cue_stem(w)] += 1
            for w, label in zip(words, labels, strict=True):
                if label == "C" and any(ch.isalpha() for ch in w):
                    cue[cue_stem(w)] += 1
            k = 0
            while k < len(words):
                if labels[k] != "S":
                    k += 1
                    continue
                j = k
                while j < len(words) and labels[j] == "S":
                    j += 1
                nouns = [i for i in range(k, j) if pos[i] in ("NN", "NNA") and ents[i] == "O" and words[i].isalpha()]
                if nouns:
                    source_head[words[nouns[-1]].casefold()] += 1
                k = j
    cues = sorted(w for w, n in cue.items() if n >= 2 and n / seen["stem:" + w] >= 0.25)
    heads = sorted(w for w, n in source_head.items() if n >= 2 and n / seen[w] >= 0.1 and names_someone(w))
    return cues, heads


def names_someone(noun: str) -> bool:
    """A noun that names a person or a group, not a statement or a document ("Sprecher", "Polizei";
    not "Angaben", "Bericht", "Meinung", which the annotation counts as sources too): a person noun
    has a feminine form in -in in the noun lexicon (Sprecher → Sprecherin, Experte → Expertin), a
    group noun ends in a kind of organisation of the language data."""
    lang = load_language("de")
    nouns = _nouns()
    cues = lang.actors
    for form in {noun, noun[:-1], noun[:-2]}:
        word = form.capitalize()
        if len(word) < 3:
            continue
        if word + "in" in nouns or (word.endswith("e") and word[:-1] + "in" in nouns):
            return True
        if cues.is_organisation_head(word) or cues.is_institution(word) or cues.is_role(word):
            return True
    return False


@functools.cache
def _nouns() -> frozenset[str]:
    lang = load_language("de")
    return frozenset(load_lexicon("de", lang.actors.lexicon_sources).common_nouns)


def write_lexicon(cues: list[str], heads: list[str], n_docs: int) -> None:
    def block(words: list[str]) -> str:
        lines, line = [], ""
        for w in words:
            if len(line) + len(w) + 1 > 96:
                lines.append(line)
                line = ""
            line = f"{line} {w}".strip()
        lines.append(line)
        return "\n".join("  " + x for x in lines)

    LEXICON.write_text(
        "# Learned by bench/train_quotes.py from the training fold of SpkAtt-2023 (German Wikinews,\n"
        f"# {n_docs} articles; CC BY-NC-SA 4.0, Rehbein et al., KONVENS 2023). Do not edit by hand: retrain.\n"
        "# cues: stems of words annotated as speech cues (generator.analyse.speech_tagger.cue_stem) at least\n"
        "# twice and in at least a quarter of their uses.\n"
        "# source_heads: the last noun of annotated speakers' phrases no actor covers (twice, a tenth of uses)\n"
        "# that names a person or a group (bench/train_quotes.py names_someone: not Angaben, Bericht, Meinung).\n"
        f"cues: >\n{block(cues)}\n"
        f"source_heads: >\n{block(heads)}\n",
        encoding="utf-8",
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", action="store_true", help="train on three quarters of the fold, score on the rest")
    ap.add_argument("--all-forms", action="store_true", help="messages of every form (not only Direct, Indirect)")
    ap.add_argument("--two-pass", action="store_true", help="a second pass that places tokens by the first's cues")
    ap.add_argument("--lexicon-only", action="store_true", help="write the lexicon, train nothing")
    ap.add_argument("--out", type=Path, default=None, help="the model file (default: the packaged one)")
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iterations", type=int, default=150)
    args = ap.parse_args()
    t0 = time.perf_counter()
    forms = (
        ("Direct", "Indirect", "IndirectFreeIndirect", "FreeIndirect", "Reported") if args.all_forms else spkatt.FORMS
    )
    docs = prepare(forms)
    print(f"prepared {len(docs)} training articles in {time.perf_counter() - t0:.1f} s")
    fit = [d for d in docs if not (args.dev and spkatt.dev_part(str(d["name"])))]
    held = [d for d in docs if args.dev and spkatt.dev_part(str(d["name"]))]
    cues, heads = learn_lexicon(fit)
    print(f"{len(cues)} cue words, {len(heads)} source heads")
    if args.lexicon_only:
        write_lexicon(cues, heads, len(fit))
        print(f"lexicon → {LEXICON}")
        return 0
    features = SpeechFeatures(load_language("de"), frozenset(cues))

    def inputs(d: dict[str, object]) -> list[tuple[SentenceInput, list[str]]]:
        out = []
        previous = ""
        for s in d["sentences"]:  # type: ignore[attr-defined]
            inp = SentenceInput(s["words"], s["pos"], s["entities"], previous.endswith(":"))
            previous = s["words"][-1] if s["words"] else ""
            if s["words"]:
                out.append((inp, s["labels"]))
        return out

    def train(docs: list[dict[str, object]], path: Path, cue_pass: dict[int, list[bool]] | None) -> None:
        trainer = pycrfsuite.Trainer(verbose=False)
        for d in docs:
            for k, (inp, y) in enumerate(inputs(d)):
                cues_seen = cue_pass.get(id(d) * 10_000 + k) if cue_pass is not None else None
                trainer.append(features.sentence(inp, cues_seen), y)
        trainer.set_params(
            {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations, "feature.possible_transitions": True}
        )
        trainer.train(str(path))

    def cue_flags(path: Path, docs: list[dict[str, object]]) -> dict[int, list[bool]]:
        """What the first pass labels cue, per sentence (keyed by article and sentence)."""
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        return {
            id(d) * 10_000 + k: [label == "C" for label in tagger.tag(features.sentence(inp))]
            for d in docs
            for k, (inp, _) in enumerate(inputs(d))
        }

    out = args.out or (Path("/tmp/speech-de-dev.crfsuite") if args.dev else MODEL)
    first = out.with_name(out.name.replace("speech-de", "speech-de-cue"))
    t = time.perf_counter()
    if args.two_pass:
        # the second pass learns from first-pass cues made without the article (four folds), as it will see them
        jack: dict[int, list[bool]] = {}
        for part in range(4):
            rest = [d for n, d in enumerate(fit) if n % 4 != part]
            train(rest, Path("/tmp/speech-jack.crfsuite"), None)
            jack.update(cue_flags(Path("/tmp/speech-jack.crfsuite"), [d for n, d in enumerate(fit) if n % 4 == part]))
        train(fit, first, None)
        train(fit, out, jack)
    else:
        train(fit, out, None)
        first.unlink(missing_ok=True)
    print(f"trained on {len(fit)} articles in {time.perf_counter() - t:.1f} s → {out} ({out.stat().st_size:,} bytes)")
    if args.dev:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(out))
        flags = cue_flags(first, held) if args.two_pass else None
        tp, fp, fn = Counter(), Counter(), Counter()
        for d in held:
            for k, (inp, y) in enumerate(inputs(d)):
                x = features.sentence(inp, flags[id(d) * 10_000 + k] if flags is not None else None)
                for p, g in zip(tagger.tag(x), y, strict=True):
                    if p == g:
                        tp[g] += 1
                    else:
                        fp[p] += 1
                        fn[g] += 1
        print("| label | P | R | F1 |\n|---|---|---|---|")
        for label in LABELS[:-1]:
            p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
            r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} |")
    write_lexicon(cues, heads, len(fit))  # the lexicon of this model (retrain on the whole fold to ship)
    print(f"lexicon → {LEXICON}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
