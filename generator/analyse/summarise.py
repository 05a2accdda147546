"""Extractive summaries: 3–5 sentences of the article, in its order.

A sentence's score adds (weights below, chosen on the seeds and measured in ``bench/summary_bench.py``):

* its place: news put the essentials first (the lead);
* its centrality: the mean word-stem overlap with the article's other sentences (a degree
  centrality; sumy's TextRank ranked no better on the benchmark and cost 30 ms per article);
* the figures it gives and the article's main actors (named twice or more) it names.

Never a heading, never the dateline, never two sentences that say the same (shared word stems).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from generator.model import ActorMention, Article, FigureMention

LEAD_SENTENCES = 3
MIN_WORDS = 5
W_POSITION = 2.0
W_CENTRALITY = 1.0
W_FIGURE = 0.6
W_ACTOR = 0.3
WINDOW = 80  # candidates a sentence is compared with (the cost is linear in the article's length)
SAME = 0.5  # stem overlap (Jaccard) from which two sentences say the same
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def summary_size(body_sentences: int) -> int:
    return 3 if body_sentences <= 15 else 4 if body_sentences <= 30 else 5


def _candidates(article: Article) -> list[int]:
    out: list[int] = []
    for p in article.paragraphs:
        if p.heading:
            continue
        out.extend(i for i in p.sentence_indices if len(summary_text(article, i).split()) >= MIN_WORDS)
    return out


def lead_summary(article: Article, size: int = LEAD_SENTENCES) -> tuple[int, ...]:
    """The article's lead: its first ``size`` body sentences (no headings, no fragments, no repeats)."""
    chosen: list[int] = []
    seen: set[str] = set()
    for i in _candidates(article):
        key = " ".join(article.sentences[i].text.casefold().split())
        if key not in seen:
            seen.add(key)
            chosen.append(i)
        if len(chosen) == size:
            break
    return tuple(chosen)


def centrality(article: Article, candidates: Sequence[int]) -> dict[int, float]:
    """How much each sentence shares with the others: the mean word-stem overlap (Jaccard) with every
    other candidate, a degree centrality that ranks like TextRank on news at a fraction of its cost.
    In an article of more than ``WINDOW`` + 1 candidates, with its ``WINDOW`` nearest candidates only
    (every pair of a book-length text would cost hours; its parts are about different things anyway)."""
    stems = [_stems(summary_text(article, i)) for i in candidates]
    out = {}
    n = len(candidates)
    for k, i in enumerate(candidates):
        a = stems[k]
        lo = max(0, min(k - WINDOW // 2, n - 1 - WINDOW))  # the WINDOW neighbours (all, in a short article)
        others = [j for j in range(lo, min(n, lo + WINDOW + 1)) if j != k]
        total = sum(len(a & stems[j]) / max(len(a | stems[j]), 1) for j in others)
        out[i] = total / max(len(others), 1)
    return out


def _stems(text: str) -> set[str]:
    return {w.casefold()[:5] for w in _WORD.findall(text) if len(w) > 3}


def rank_summary(article: Article, figures: Sequence[FigureMention], actors: Sequence[ActorMention]) -> tuple[int, ...]:
    candidates = _candidates(article)
    if not candidates:
        return ()
    size = summary_size(len(candidates))
    central = centrality(article, candidates)
    top = max(central.values(), default=0.0) or 1.0
    frequent = {n for n, c in Counter(a.name for a in actors).items() if c >= 2}
    figures_in: Counter[int] = Counter()
    actors_in: dict[int, set[str]] = {}
    for f in figures:
        figures_in[article.sentence_at(f.start)] += 1
    for a in actors:
        if a.name in frequent:
            actors_in.setdefault(article.sentence_at(a.start), set()).add(a.name)
    scores = {}
    for rank, i in enumerate(candidates):
        scores[i] = (
            W_POSITION / (1 + rank)
            + W_CENTRALITY * central.get(i, 0.0) / top
            + W_FIGURE * min(figures_in[i], 2)
            + W_ACTOR * min(len(actors_in.get(i, ())), 3)
        )
    chosen: list[int] = []
    seen: list[set[str]] = []
    for i in sorted(candidates, key=lambda i: (-scores[i], i)):
        stems = _stems(summary_text(article, i))
        if any(len(stems & s) / max(len(stems | s), 1) >= SAME for s in seen):
            continue
        chosen.append(i)
        seen.append(stems)
        if len(chosen) == size:
            break
    return tuple(sorted(chosen))


def summary_text(article: Article, index: int) -> str:
    """A summary sentence as a reader sees it: without the dateline (``Kleinau/Berlin (Reuters) -``)."""
    text = article.sentences[index].text
    dateline = article.meta.dateline
    if dateline and text.startswith(dateline):
        text = text[len(dateline) :].lstrip(" -–—")
    return text
