"""Merge figure mentions across the dossier and find where sources disagree.

* Same figure: the same value (digits, words and separators normalised: "3700" = "3.700") and what
  is counted agrees: the units share a word stem ("Einwohnerinnen und Einwohner" / "Einwohner"), or
  the number is specific (10 or more) and the two sentences share at least two content words (one,
  from 100 on)
  ("etwa 2500 Soldaten … einige Tage oder Wochen in Kleinau" / "etwa 2.500 Mann … einige Tage oder
  Wochen in Kleinau"). Figures are blocked by value: no all-pairs comparison.
* Conflict: two figures from different articles with different values (or one vague) that count the
  same thing (a shared unit stem) in the same context (at least two shared content words besides it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.grouping import Groups
from generator.model import Article, FigureMention

STEM = 6  # characters of a word that stand for its stem ("Nationalgardisten" ~ "Nationalgarde")
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


def stems(text: str, function_words: frozenset[str], size: int = STEM) -> set[str]:
    """Content words of ``text``, each cut to its first ``size`` letters (a crude, language-neutral stem)."""
    words = "".join(ch if ch.isalnum() else " " for ch in text).split()
    return {w.casefold()[:size] for w in words if len(w) > 2 and w.casefold() not in function_words and w.isalpha()}


def merge_figure_mentions(
    found: Sequence[Found], function_words: frozenset[str], sentence_text: Callable[[Found], str]
) -> list[MergedFigure]:
    unit_stems = [stems(f.mention.unit, function_words) for f in found]
    context = [stems(sentence_text(f), function_words) - u for f, u in zip(found, unit_stems, strict=True)]
    same: Groups[int] = Groups(range(len(found)))
    blocks: dict[object, list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        m = f.mention
        key: object = round(m.value, 6) if m.value is not None else ("vague", m.text.casefold(), m.unit.casefold())
        blocks[key].append(i)
    for members in blocks.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                value = found[a].mention.value
                same_unit = bool(unit_stems[a] & unit_stems[b])
                shared = len(context[a] & context[b])
                same_context = value is not None and (
                    (value >= SPECIFIC and shared >= CONTEXT_WORDS) or (value >= LARGE and shared >= 1)
                )
                if same_unit or same_context:
                    same.union(a, b)

    ordered = same.groups()
    # conflicts, blocked by unit stem
    by_stem: dict[str, set[int]] = defaultdict(set)
    group_units = [set().union(*(unit_stems[i] for i in g)) for g in ordered]
    group_context = [set().union(*(context[i] for i in g)) for g in ordered]
    group_articles = [{found[i].article.id for i in g} for g in ordered]
    for gi, units in enumerate(group_units):
        for s in units:
            by_stem[s].add(gi)
    conflicts: dict[int, set[int]] = defaultdict(set)
    for members_set in by_stem.values():
        members = sorted(members_set)
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                va, vb = found[ordered[a][0]].mention.value, found[ordered[b][0]].mention.value
                if va == vb and va is not None:
                    continue
                if group_articles[a] == group_articles[b] and len(group_articles[a]) == 1:
                    continue  # one article giving two numbers is no disagreement between sources
                if len(group_context[a] & group_context[b]) >= CONTEXT_WORDS:
                    conflicts[a].add(b)
                    conflicts[b].add(a)
    return [
        MergedFigure(tuple(found[i] for i in g), tuple(sorted(conflicts.get(gi, ())))) for gi, g in enumerate(ordered)
    ]
