"""Temporal tagging on KRAUTS Dolomiten-42: this project's tagger beside HeidelTime, in one run.

    python bench/timex_bench.py [--errors]

Both are scored against the gold TIMEX3 with the gold document creation time (<DCT>): strict and
relaxed extent P/R/F1 and value accuracy on relaxed matches (bench/krauts.py). HeidelTime's output is
the one shipped with the corpus (its heideltime/ folder). A second table scores both against the gold
with the values the text contradicts replaced (bench/krauts-adjudicated.yaml: each one with its reason).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.krauts import HEADER, Scores, Timex, adjudicated, normal_value, read
from generator.analyse.postag import PosTagger
from generator.analyse.timex import TimeTagger
from generator.lang import load_language
from generator.read.segment import Segmenter


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list what this tagger gets wrong")
    args = ap.parse_args()
    gold, heideltime = read("gold"), read("heideltime")
    fixed_gold, n_fixed = adjudicated(gold)
    ours_fixed, theirs_fixed = Scores(), Scores()
    lang = load_language("de")
    tagger = TimeTagger(lang, PosTagger(lang).finite_tense)
    seg = Segmenter()
    ours, theirs = Scores(), Scores()
    both = [0, 0, 0]  # gold expressions both systems found; of those, values right: ours, HeidelTime
    tokens_total, took = 0, 0.0
    for name, doc in gold.items():
        dct = dt.date.fromisoformat(doc.dct[:10])
        sentences = []
        for m in re.finditer(r"[^\n]+", doc.text):
            sentences.extend(seg.sentences(doc.text, m.start(), m.end(), "de"))
        t = time.perf_counter()
        found = tagger.tag_text(sentences, doc.text, dct)
        took += time.perf_counter() - t
        tokens_total += sum(len(s) for s in sentences)
        system = [Timex(m.start, m.end, m.text, m.type, m.value or "") for m in found]
        ours.add(doc.timexes, system)
        theirs.add(doc.timexes, heideltime[name].timexes)
        ours_fixed.add(fixed_gold[name].timexes, system)
        theirs_fixed.add(fixed_gold[name].timexes, heideltime[name].timexes)
        for g in doc.timexes:
            a = [s for s in system if s.start < g.end and g.start < s.end]
            b = [s for s in heideltime[name].timexes if s.start < g.end and g.start < s.end]
            if a and b:
                both[0] += 1
                both[1] += normal_value(a[0].value) == normal_value(g.value)
                both[2] += normal_value(b[0].value) == normal_value(g.value)
        if args.errors:
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
    print(f"speed: {tokens_total / took:,.0f} tokens/s (tagging only, {tokens_total} tokens)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
