"""Temporal tagging: this project's tagger beside HeidelTime, in one run.

    python bench/timex_bench.py [--corpus krauts|wikiwars-de|wikiwars-en] [--part dev|measured|all] [--errors]

KRAUTS Dolomiten-42 (the default; German news, developed on): scored against the gold TIMEX3 with the
gold document creation time (<DCT>); HeidelTime's output is the one shipped with the corpus (its
heideltime/ folder). A second table scores both against the gold with the values the text contradicts
replaced (bench/krauts-adjudicated.yaml: each one with its reason).

WikiWars (German TIMEX2 and English TimeML, bench/wikiwars.py): split once by a hash of the file
name into a part developed on and a part only measured on (``--part``, default ``measured``);
HeidelTime's output on the measured part was recorded once by bench/heideltime_wikiwars.py (narrative
mode, with the document date) into bench/heideltime/.

Scores: strict and relaxed extent P/R/F1 and value accuracy on relaxed matches (bench/krauts.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.krauts import HEADER, Document, Scores, Timex, adjudicated, normal_value, read
from bench.wikiwars import part, read_de, read_en
from generator.analyse.postag import PosTagger
from generator.analyse.timex import TimeTagger
from generator.lang import load_language
from generator.read.segment import Segmenter

RECORDED = Path(__file__).resolve().parent / "heideltime"
Tagger = Callable[[Document], list[Timex]]


def recorded(language: str, docs: dict[str, Document]) -> dict[str, Document]:
    """HeidelTime's recorded output on WikiWars, for the documents it was run on."""
    found: dict[str, list[Timex]] = {}
    for line in filter(None, (RECORDED / f"wikiwars-{language}.tsv").read_text(encoding="utf-8").splitlines()):
        name, start, end, kind, value, _ = line.split("\t")
        doc = docs[name]
        found.setdefault(name, []).append(Timex(int(start), int(end), doc.text[int(start) : int(end)], kind, value))
    return {name: Document(name, docs[name].dct, docs[name].text, tuple(found.get(name, ()))) for name in docs}


def our_tagger(language: str) -> tuple[Tagger, list[float]]:
    """The project's tagger as the pipeline builds it, and its [tokens, seconds] so far."""
    lang = load_language(language)
    tagger = TimeTagger(lang, PosTagger(lang).finite_tense)
    seg = Segmenter()
    took = [0.0, 0.0]

    def run(doc: Document) -> list[Timex]:
        sentences = []
        for m in re.finditer(r"[^\n]+", doc.text):
            sentences.extend(seg.sentences(doc.text, m.start(), m.end(), language))
        t = time.perf_counter()
        found = tagger.tag_text(sentences, doc.text, dt.date.fromisoformat(doc.dct[:10]))
        took[1] += time.perf_counter() - t
        took[0] += sum(len(s) for s in sentences)
        return [Timex(m.start, m.end, m.text, m.type, m.value or "") for m in found]

    return run, took


def errors(name: str, doc: Document, system: list[Timex]) -> None:
    for g in doc.timexes:
        hit = [s for s in system if s.start < g.end and g.start < s.end]
        if not hit:
            print(f"MISS  {g.text!r} {g.type} {g.value}")
        elif hit[0].value != g.value or (hit[0].start, hit[0].end) != (g.start, g.end):
            print(f"DIFF  gold {g.text!r} {g.value}  ours {hit[0].text!r} {hit[0].value}")
            if normal_value(hit[0].value) != normal_value(g.value):
                around = doc.text[max(0, g.start - 90) : g.end + 40].replace("\n", " ")
                print(f"      {name} (DCT {doc.dct[:10]}): ...{around}...")
    for s in system:
        if not any(s.start < g.end and g.start < s.end for g in doc.timexes):
            print(f"EXTRA {s.text!r} {s.type} {s.value}")


def both_found(gold: Document, a: list[Timex], b: tuple[Timex, ...], tally: list[int]) -> None:
    """Of the gold expressions both systems found: how many, values right (ours, HeidelTime)."""
    for g in gold.timexes:
        x = [s for s in a if s.start < g.end and g.start < s.end]
        y = [s for s in b if s.start < g.end and g.start < s.end]
        if x and y:
            tally[0] += 1
            tally[1] += normal_value(x[0].value) == normal_value(g.value)
            tally[2] += normal_value(y[0].value) == normal_value(g.value)


def krauts(show_errors: bool) -> None:
    gold, heideltime = read("gold"), read("heideltime")
    fixed_gold, n_fixed = adjudicated(gold)
    ours, theirs, ours_fixed, theirs_fixed = Scores(), Scores(), Scores(), Scores()
    tag, took = our_tagger("de")
    both = [0, 0, 0]
    for name, doc in gold.items():
        system = tag(doc)
        ours.add(doc.timexes, system)
        theirs.add(doc.timexes, heideltime[name].timexes)
        ours_fixed.add(fixed_gold[name].timexes, system)
        theirs_fixed.add(fixed_gold[name].timexes, heideltime[name].timexes)
        both_found(doc, system, heideltime[name].timexes, both)
        if show_errors:
            errors(name, doc, system)
    print(f"KRAUTS Dolomiten-42: {len(gold)} documents, {ours.gold} gold TIMEX3 (document dates excluded)\n")
    print(HEADER)
    print(theirs.row("HeidelTime (its own output)"))
    print(ours.row("this project (generator.analyse.timex)"))
    print(f"\nThe same, against the gold with {n_fixed} values the text contradicts replaced", end="")
    print(" (bench/krauts-adjudicated.yaml):\n")
    print(HEADER)
    print(theirs_fixed.row("HeidelTime (its own output)"))
    print(ours_fixed.row("this project (generator.analyse.timex)"))
    print(
        f"\nvalue accuracy on the {both[0]} gold expressions both found (clock notation unified): "
        f"this project {both[1] / both[0]:.3f}, HeidelTime {both[2] / both[0]:.3f}"
    )
    print(f"speed: {took[0] / took[1]:,.0f} tokens/s (tagging only, {took[0]:.0f} tokens)")


def wikiwars(language: str, which: str, show_errors: bool) -> None:
    docs = {n: d for n, d in (read_de() if language == "de" else read_en()).items() if which in ("all", part(n))}
    recording = which == "measured" and (RECORDED / f"wikiwars-{language}.tsv").exists()
    heideltime = recorded(language, docs) if recording else None
    ours, theirs = Scores(), Scores()
    tag, took = our_tagger(language)
    both = [0, 0, 0]
    for name, doc in docs.items():
        system = tag(doc)
        ours.add(doc.timexes, system)
        if heideltime is not None:
            theirs.add(doc.timexes, heideltime[name].timexes)
            both_found(doc, system, heideltime[name].timexes, both)
        if show_errors:
            errors(name, doc, system)
    kind = "TIMEX2, German" if language == "de" else "TimeML, English"
    print(f"WikiWars ({kind}), {which} part: {len(docs)} documents, {ours.gold} gold expressions\n")
    print(HEADER)
    if heideltime is not None:
        print(theirs.row("HeidelTime (its recorded output, narratives)"))
    print(ours.row("this project (generator.analyse.timex)"))
    if both[0]:
        print(
            f"\nvalue accuracy on the {both[0]} gold expressions both found (clock notation unified): "
            f"this project {both[1] / both[0]:.3f}, HeidelTime {both[2] / both[0]:.3f}"
        )
    print(f"speed: {took[0] / took[1]:,.0f} tokens/s (tagging only, {took[0]:.0f} tokens)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=("krauts", "wikiwars-de", "wikiwars-en"), default="krauts")
    ap.add_argument("--part", choices=("dev", "measured", "all"), default="measured", help="WikiWars only")
    ap.add_argument("--errors", action="store_true", help="list what this tagger gets wrong")
    args = ap.parse_args()
    if args.corpus == "krauts":
        krauts(args.errors)
    else:
        wikiwars(args.corpus[-2:], args.part, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
