"""Merge figure mentions across the dossier and find where sources disagree.

* Same figure: the same value (digits, words and separators normalised: "3700" = "3.700") and what
  is counted agrees: the units share a word stem ("Einwohnerinnen und Einwohner" / "Einwohner"), or
  the number is specific (10 or more) and the two sentences share at least two content words besides
  the figure (one, from 100 on), for mutual best matches only
  ("etwa 2500 Soldaten … einige Tage oder Wochen in Kleinau" / "etwa 2.500 Mann … einige Tage oder
  Wochen in Kleinau"). Candidates come from blocks of (value, unit stem) and (value, context word):
  no all-pairs comparison.
* Conflict: two mentions from different articles with different values (or one vague) that count the
  same thing (a shared unit stem) in the same context (at least two shared content words besides it).
  Mentions are compared, not merged groups: the words of a large group together would match almost
  anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from generator.analyse.stems import stems
from generator.merge.grouping import Groups
from generator.model import Article, FigureMention

SPECIFIC = 10.0  # a value from which two reports with shared context are taken to be the same figure
LARGE = 100.0  # a value so specific that one shared context word suffices
CONTEXT_WORDS = 2


@dataclass(frozen=True)
class Found:
    article: Article
    sentence: int
    mention: FigureMention


@dataclass(frozen=True)
class MergedFigure:
    found: tuple[Found, ...]  # in dossier order
    conflicts: tuple[int, ...]  # indices of the merged figures this one conflicts with

    @property
    def first(self) -> FigureMention:
        return self.found[0].mention

    @property
    def articles(self) -> set[str]:
        return {f.article.id for f in self.found}


def merge_figure_mentions(
    found: Sequence[Found], function_words: frozenset[str], sentence_words: Callable[[Found], frozenset[str]]
) -> list[MergedFigure]:
    unit_stems = [stems(f.mention.unit, function_words) for f in found]
    # the sentence's words besides the figure itself (its number words and its unit)
    context = [
        sentence_words(f) - u - stems(f.mention.text, function_words) for f, u in zip(found, unit_stems, strict=True)
    ]
    same: Groups[int] = Groups(range(len(found)))
    keys: list[object] = [
        round(f.mention.value, 6)
        if f.mention.value is not None
        else ("vague", f.mention.text.casefold(), f.mention.unit.casefold())
        for f in found
    ]
    # Same value and a shared unit stem: one block per (value, stem), all of it one figure.
    by_value_unit: dict[tuple[object, str], list[int]] = defaultdict(list)
    for i, units in enumerate(unit_stems):
        for s in units:
            by_value_unit[(keys[i], s)].append(i)
    for members in by_value_unit.values():
        for b in members[1:]:
            same.union(members[0], b)
    # Same value, other units, shared context words: candidate pairs come from postings of
    # (value, context word), never from all pairs of a value. They join only mutual best matches:
    # chained, they would snowball across a large dossier ("100 Meter" ~ "100 Feuerwehrleute" ~
    # "100 Musikstücke").
    by_value_word: dict[tuple[object, str], list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        if f.mention.value is not None and f.mention.value >= SPECIFIC:
            for w in context[i]:
                by_value_word[(keys[i], w)].append(i)
    best: dict[int, tuple[int, int]] = {}  # mention → (shared words, -partner)
    for (a, b), shared in sorted(_shared_counts(by_value_word.values()).items()):
        if unit_stems[a] & unit_stems[b]:
            continue  # joined above
        value = found[a].mention.value
        assert value is not None
        if (value >= SPECIFIC and shared >= CONTEXT_WORDS) or (value >= LARGE and shared >= 1):
            for x, y in ((a, b), (b, a)):
                if (shared, -y) > best.get(x, (0, 0)):
                    best[x] = (shared, -y)
    for a, (_, minus_b) in best.items():
        if best.get(-minus_b, (0, 1))[1] == -a:
            same.union(a, -minus_b)

    ordered = same.groups()
    group_of = {i: gi for gi, g in enumerate(ordered) for i in g}
    # Conflicts between mentions (never between whole groups: a group's words together would match
    # almost anything): a shared unit stem and at least two shared context words, so candidates come
    # from postings of (unit stem, context word).
    by_stem_word: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, units in enumerate(unit_stems):
        for s in units:
            for w in context[i]:
                by_stem_word[s][w].append(i)
    conflicts: dict[int, set[int]] = defaultdict(set)
    for postings in by_stem_word.values():
        for (a, b), shared in _shared_counts(postings.values()).items():
            if shared < CONTEXT_WORDS:
                continue
            ga, gb = group_of[a], group_of[b]
            if ga == gb or found[a].article.id == found[b].article.id:
                continue  # one article giving two numbers is no disagreement between sources
            va, vb = found[a].mention.value, found[b].mention.value
            if va == vb and va is not None:
                continue
            conflicts[ga].add(gb)
            conflicts[gb].add(ga)
    return [
        MergedFigure(tuple(found[i] for i in g), tuple(sorted(conflicts.get(gi, ())))) for gi, g in enumerate(ordered)
    ]


def _shared_counts(postings: Iterable[list[int]]) -> dict[tuple[int, int], int]:
    """For each pair of items that share a posting list, how many lists they share (pair: lower first).
    The items of one posting list are distinct and ascending, as the lists are built."""
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for members in postings:
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                counts[(a, b)] += 1
    return counts
