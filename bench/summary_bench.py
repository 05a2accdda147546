"""Summaries on SpkAtt's 700 Wikinews articles: does the ranking pick what the headline says?

    python bench/summary_bench.py [--limit N]

No reference summaries exist here, so the measure is a proxy: the share of the headline's content
words (5-letter stems, from the file name) that the summary contains (recall), at the same number of
sentences for every method: the lead, the centrality alone, and the pipeline's ranking (lead +
TextRank + figures + actors, generator.analyse.summarise.rank_summary). Higher is better; the lead is the
classic strong baseline for news.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.quotes_bench import DATA, build
from generator.analyse.actors import ActorExtractor
from generator.analyse.figures import FigureExtractor
from generator.analyse.ner import Tagger
from generator.analyse.postag import PosTagger
from generator.analyse.summarise import _candidates, _stems, centrality, lead_summary, rank_summary, summary_size
from generator.lang import load_language


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    lang = load_language("de")
    pos, actors, figures = PosTagger(lang), ActorExtractor(lang, Tagger(lang)), FigureExtractor(lang)
    files = sorted(DATA.glob("*.json"))[: args.limit or None]
    totals = {"lead": 0.0, "centrality": 0.0, "pipeline": 0.0}
    with_figure = {"lead": 0, "centrality": 0, "pipeline": 0}
    n = n_fig = 0
    for f in files:
        title = re.sub(r"^\d+ - | \(\d{4}-\d{2}-\d{2}\)\.json$", "", f.name)
        gold = _stems(title)
        article, _ = build(json.loads(f.read_text(encoding="utf-8")), f.name)
        candidates = _candidates(article)
        if len(candidates) < 4 or not gold:
            continue
        size = summary_size(len(candidates))
        tags = [pos.tag([t.text for t in tokens]) for tokens in article.tokens]
        found = figures.extract(article, tags)
        ranked = rank_summary(article, found, actors.extract(article, tags))
        figure_sentences = {
            next(i for i, s in enumerate(article.sentences) if s.start <= m.start < s.end + 1) for m in found
        }
        n_fig += bool(figure_sentences)
        rates = centrality(article, candidates)
        by_rank = sorted(sorted(candidates, key=lambda i: -rates[i])[:size])
        for name, chosen in (("lead", lead_summary(article, size)), ("centrality", by_rank), ("pipeline", ranked)):
            words = set().union(*(_stems(article.sentences[i].text) for i in chosen)) if chosen else set()
            totals[name] += len(words & gold) / len(gold)
            with_figure[name] += bool(figure_sentences & set(chosen))
        n += 1
    print(f"{n} Wikinews articles (4+ body sentences); headline content words found in the summary (mean recall):\n")
    print("| method | recall of headline words | summaries with a figure (of articles that report one) |")
    print("|---|---|---|")
    for name, total in totals.items():
        print(f"| {name} | {total / n:.3f} | {with_figure[name] / n_fig:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
