"""The cross-source view: which articles report the same facts, what all of them say, what only one
says, and which sentences say the same thing in other words (a wire report and its translation).

Sentence alignment compares content-word stems, shared figures and shared actors. Candidate pairs
come from an index of the stems that few sentences share (blocking), never from all pairs. Across
languages stems say nothing: two articles in different languages that share facts are aligned in
order (a translation keeps its original's order), sentence by sentence, where numbers, figures,
actors and dates anchor a pair and similar lengths support it (as Gale and Church align
translations by length).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.analyse.stems import sentence_stems
from generator.lang import load_language
from generator.merge.grouping import Groups
from generator.model import Article, Dossier, Event, Figure

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

STEM = 5
MIN_SIMILARITY = 0.33  # below, pairs of the seed dossier said different things (0.29-0.32: one shared number or name)
RARE = 6  # a stem in more sentences than this is too common to propose pairs


@dataclass(frozen=True)
class Aligned:
    a: tuple[str, int]  # (article id, sentence index)
    b: tuple[str, int]
    similarity: float


@dataclass(frozen=True)
class Group:
    articles: tuple[str, ...]
    shared_figures: tuple[str, ...]  # figure ids every article of the group reports
    shared_events: tuple[str, ...]
    only: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # article → (figure ids, event ids) only it reports


@dataclass(frozen=True)
class Comparison:
    groups: tuple[Group, ...]
    aligned: tuple[Aligned, ...]
    overview: tuple[tuple[str, int], ...]  # sentences for the home page's paragraph


def _facts_by_sentence(dossier: Dossier) -> dict[tuple[str, int], set[str]]:
    facts: dict[tuple[str, int], set[str]] = defaultdict(set)
    for x in dossier.actors:
        for r in x.mentions:
            facts[(r.article, r.sentence)].add(f"a:{x.id}")
    for f in dossier.figures:
        for r in f.mentions:
            facts[(r.article, r.sentence)].add(f"f:{f.id}")
    for e in dossier.timeline:
        for m in e.mentions:
            facts[(m.article, m.sentence)].add(f"e:{e.date}")
    return facts


def _numbers(text: str) -> set[str]:
    """The numbers a sentence writes, without separators ("3,700" and "3.700" alike)."""
    return {re.sub(r"[.,]", "", n) for n in _NUMBER.findall(text)}


def _anchors(x: set[str], y: set[str], nx: set[str], ny: set[str]) -> float:
    """What two sentences in different languages share: figures, dates and numbers count most."""
    shared = x & y
    strong = sum(1 for f in shared if f[0] in "fe") + len(nx & ny)
    return 0.2 * strong + 0.1 * (len(shared) - sum(1 for f in shared if f[0] in "fe"))


def align_translation(
    a: Article, b: Article, facts: dict[tuple[str, int], set[str]], skip: set[tuple[str, int]]
) -> list[Aligned]:
    """Sentences of two articles in different languages, aligned in order (dynamic programming, one to
    one, sentences may stay unpaired): a pair scores its anchors and its length ratio; a pair is kept
    with a strong anchor (a figure, date or number, or two names), or one name and a similar length;
    never by length alone (two reports of one event are no translation of each other)."""
    xs = [i for p in a.paragraphs if not p.heading for i in p.sentence_indices if (a.id, i) not in skip]
    ys = [j for p in b.paragraphs if not p.heading for j in p.sentence_indices if (b.id, j) not in skip]
    if not xs or not ys:
        return []
    nums_a = {i: _numbers(a.sentences[i].text) for i in xs}
    nums_b = {j: _numbers(b.sentences[j].text) for j in ys}

    def pair(i: int, j: int) -> tuple[float, float]:
        la, lb = len(a.sentences[i].text), len(b.sentences[j].text)
        anchor = _anchors(facts.get((a.id, i), set()), facts.get((b.id, j), set()), nums_a[i], nums_b[j])
        return anchor, min(la, lb) / max(la, lb, 1)

    # best[m][n]: the best total for xs[:m] and ys[:n]; a pair adds its anchors and length, less a cost
    best = [[0.0] * (len(ys) + 1) for _ in range(len(xs) + 1)]
    step: dict[tuple[int, int], str] = {}
    for m in range(len(xs) + 1):
        for n in range(len(ys) + 1):
            if m == 0 and n == 0:
                continue
            options = []
            if m and n:
                anchor, ratio = pair(xs[m - 1], ys[n - 1])
                options.append((best[m - 1][n - 1] + anchor + 0.5 * ratio - 0.3, "pair"))
            if m:
                options.append((best[m - 1][n], "skip a"))
            if n:
                options.append((best[m][n - 1], "skip b"))
            best[m][n], step[(m, n)] = max(options)
    out = []
    m, n = len(xs), len(ys)
    while m or n:
        move = step[(m, n)]
        if move == "pair":
            anchor, ratio = pair(xs[m - 1], ys[n - 1])
            if anchor >= 0.2 or (anchor > 0 and ratio >= 0.75):  # never by length alone
                out.append(Aligned((a.id, xs[m - 1]), (b.id, ys[n - 1]), round(min(anchor + 0.5 * ratio, 1.0), 3)))
            m, n = m - 1, n - 1
        elif move == "skip a":
            m -= 1
        else:
            n -= 1
    return out[::-1]


def align(dossier: Dossier) -> list[Aligned]:
    """Pairs of sentences from two articles that say the same, each sentence in its best pair only."""
    facts = _facts_by_sentence(dossier)
    analysed = {f.article_id: f for f in dossier.facts}
    words: dict[tuple[str, int], frozenset[str]] = {}
    index: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for article in dossier.articles:
        function_words = load_language(article.meta.language).function_words
        article_words = sentence_stems(article, analysed.get(article.id), function_words, STEM)
        for p in article.paragraphs:
            if p.heading:
                continue
            for i in p.sentence_indices:
                key = (article.id, i)
                words[key] = article_words[i]
                for w in words[key]:
                    index[w].append(key)
    candidates: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for keys in index.values():
        if len(keys) > RARE:
            continue
        for x in keys:
            for y in keys:
                if x[0] < y[0]:
                    candidates.add((x, y))
    scored = []
    for x, y in candidates:
        wx, wy = words[x], words[y]
        jaccard = len(wx & wy) / max(len(wx | wy), 1)
        shared_facts = {f for f in facts.get(x, set()) & facts.get(y, set()) if f[0] != "e"}  # dates: below
        figures = sum(1 for f in shared_facts if f.startswith("f:"))
        score = jaccard + 0.2 * figures + 0.05 * (len(shared_facts) - figures)
        if score >= MIN_SIMILARITY:
            scored.append(Aligned(x, y, round(min(score, 1.0), 3)))
    # each sentence in its best pair only
    used: set[tuple[str, int]] = set()
    out = []
    for pair in sorted(scored, key=lambda p: (-p.similarity, p.a, p.b)):
        if pair.a in used or pair.b in used:
            continue
        used.update((pair.a, pair.b))
        out.append(pair)
    # articles in two languages that share facts: a translation and its original, or two reports
    language = {x.id: x.meta.language for x in dossier.articles}
    shared: dict[tuple[str, str], int] = defaultdict(int)
    reported = [{m.article for m in f.mentions} for f in dossier.figures]
    reported += [{m.article for m in e.mentions} for e in dossier.timeline]  # figures and events: names are not enough
    for arts in reported:
        ordered = sorted(arts)
        for k, one in enumerate(ordered):
            for other in ordered[k + 1 :]:
                if language[one] != language[other]:
                    shared[(one, other)] += 1
    by_id = {x.id: x for x in dossier.articles}
    for (one, other), n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):  # the closest pair first
        if n >= 2:
            found = align_translation(by_id[one], by_id[other], facts, used)
            used.update(s for pair in found for s in (pair.a, pair.b))
            out.extend(found)
    return sorted(out, key=lambda p: (p.a, p.b))


def _groups(dossier: Dossier) -> list[tuple[str, ...]]:
    """Articles joined by shared facts (two or more shared figures or multi-source events)."""
    joined: Groups[str] = Groups(a.id for a in dossier.articles)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    items: list[Figure | Event] = [*dossier.figures, *dossier.timeline]
    for item in items:
        arts = sorted({m.article for m in item.mentions})
        for k, a in enumerate(arts):
            for b in arts[k + 1 :]:
                shared[(a, b)] += 1
    for (a, b), n in shared.items():
        if n >= 2:
            joined.union(a, b)
    return [tuple(g) for g in joined.groups() if len(g) > 1]


def _in_group(items: Sequence[Figure] | Sequence[Event], members: Sequence[str]) -> dict[str, set[str]]:
    """The items (in dossier order) that articles of the group report, each with those articles."""
    member_set = set(members)
    return {x.id: arts for x in items if (arts := {m.article for m in x.mentions} & member_set)}


def compare(dossier: Dossier) -> Comparison:
    groups = []
    # each group looks only at the items its articles report (an index by article, not groups × items)
    fig_index: dict[str, list[int]] = defaultdict(list)
    event_index: dict[str, list[int]] = defaultdict(list)
    for n, f in enumerate(dossier.figures):
        for a in {m.article for m in f.mentions}:
            fig_index[a].append(n)
    for n, e in enumerate(dossier.timeline):
        for a in {m.article for m in e.mentions}:
            event_index[a].append(n)
    for members in _groups(dossier):
        member_set = set(members)
        own_figs = [dossier.figures[n] for n in sorted({n for a in members for n in fig_index[a]})]
        own_events = [dossier.timeline[n] for n in sorted({n for a in members for n in event_index[a]})]
        figs = _in_group(own_figs, members)
        events = _in_group(own_events, members)
        only = {
            a: (
                tuple(k for k, v in figs.items() if v == {a}),
                tuple(k for k, v in events.items() if v == {a}),
            )
            for a in members
        }
        groups.append(
            Group(
                articles=members,
                shared_figures=tuple(k for k, v in figs.items() if v == member_set),
                shared_events=tuple(k for k, v in events.items() if v == member_set),
                only=only,
            )
        )
    return Comparison(tuple(groups), tuple(align(dossier)), tuple(overview(dossier)))


def overview(dossier: Dossier) -> list[tuple[str, int]]:
    """Two to three sentences for the home page: what several sources report, and first.

    The lead of the article that shares most with the others, the sentence of the top figure several
    sources report, and the sentence of the latest event several sources report; each once.
    """
    if not dossier.articles:
        return []
    facts = {f.article_id: f for f in dossier.facts}
    shared_count: dict[str, int] = defaultdict(int)
    items: list[Figure | Event] = [*dossier.figures, *dossier.timeline]
    for item in items:
        arts = {m.article for m in item.mentions}
        if len(arts) > 1:
            for a in arts:
                shared_count[a] += 1
    order = {a.id: n for n, a in enumerate(dossier.articles)}
    central: Article = max(dossier.articles, key=lambda a: (shared_count[a.id], -order[a.id]))
    picks: list[tuple[str, int]] = []
    summary = facts[central.id].summary
    if summary:
        picks.append((central.id, summary[0]))
    multi_figures = [f for f in dossier.figures if len({m.article for m in f.mentions}) > 1]
    if multi_figures:
        top = multi_figures[0].mentions[0]
        picks.append((top.article, top.sentence))
    multi_events = [e for e in dossier.timeline if len({m.article for m in e.mentions}) > 1]
    if multi_events:
        latest = multi_events[-1].mentions[0]
        picks.append((latest.article, latest.sentence))
    return list(dict.fromkeys(picks))
