"""Merge figure mentions across the dossier and find where sources disagree.

* Same figure: the same value (digits, words and separators normalised: "3700" = "3.700") and what
  is counted agrees: the units share a word stem ("Einwohnerinnen und Einwohner" / "Einwohner"), or
  the number is specific (10 or more) and the two sentences share at least two content words besides
  the figure (one, from 100 on), for mutual best matches only
  ("etwa 2500 Soldaten … einige Tage oder Wochen in Kleinau" / "etwa 2.500 Mann … einige Tage oder
  Wochen in Kleinau"). Figures are blocked by value: no all-pairs comparison.
* Conflict: two mentions from different articles with different values (or one vague) that count the
  same thing (a shared unit stem) in the same context (at least two shared content words besides it).
  Mentions are compared, not merged groups: the words of a large group together would match almost
  anything.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.grouping import Groups
from generator.model import Article, FigureMention

_ALNUM_RUN = re.compile(r"[^\W_]+")  # \w is isalnum() plus "_"
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
    words = _ALNUM_RUN.findall(text)  # runs of letters and digits (str.isalnum)
    return {w.casefold()[:size] for w in words if len(w) > 2 and w.casefold() not in function_words and w.isalpha()}


def merge_figure_mentions(
    found: Sequence[Found], function_words: frozenset[str], sentence_text: Callable[[Found], str]
) -> list[MergedFigure]:
    unit_stems = [stems(f.mention.unit, function_words) for f in found]
    # the sentence's words besides the figure itself (its number words and its unit)
    context = [
        stems(sentence_text(f), function_words) - u - stems(f.mention.text, function_words)
        for f, u in zip(found, unit_stems, strict=True)
    ]
    same: Groups[int] = Groups(range(len(found)))
    blocks: dict[object, list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        m = f.mention
        key: object = round(m.value, 6) if m.value is not None else ("vague", m.text.casefold(), m.unit.casefold())
        blocks[key].append(i)
    # Context links (different units, same value) join only mutual best matches: chained, they would
    # snowball across a large dossier ("100 Meter" ~ "100 Feuerwehrleute" ~ "100 Musikstücke").
    best: dict[int, tuple[int, int]] = {}  # mention → (shared words, -partner)
    for members in blocks.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                if unit_stems[a] & unit_stems[b]:
                    same.union(a, b)
                    continue
                value = found[a].mention.value
                shared = len(context[a] & context[b])
                if value is not None and (
                    (value >= SPECIFIC and shared >= CONTEXT_WORDS) or (value >= LARGE and shared >= 1)
                ):
                    for x, y in ((a, b), (b, a)):
                        if (shared, -y) > best.get(x, (0, 0)):
                            best[x] = (shared, -y)
    for a, (_, minus_b) in best.items():
        if best.get(-minus_b, (0, 1))[1] == -a:
            same.union(a, -minus_b)

    ordered = same.groups()
    group_of = {i: gi for gi, g in enumerate(ordered) for i in g}
    # Conflicts between mentions (never between whole groups: a group's words together would match
    # almost anything), blocked by unit stem.
    by_stem: dict[str, list[int]] = defaultdict(list)
    for i, units in enumerate(unit_stems):
        for s in sorted(units):
            by_stem[s].append(i)
    conflicts: dict[int, set[int]] = defaultdict(set)
    for members in by_stem.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                ga, gb = group_of[a], group_of[b]
                if ga == gb or gb in conflicts[ga] or found[a].article.id == found[b].article.id:
                    continue  # one article giving two numbers is no disagreement between sources
                va, vb = found[a].mention.value, found[b].mention.value
                if va == vb and va is not None:
                    continue
                if len(context[a] & context[b]) >= CONTEXT_WORDS:
                    conflicts[ga].add(gb)
                    conflicts[gb].add(ga)
    return [
        MergedFigure(tuple(found[i] for i in g), tuple(sorted(conflicts.get(gi, ())))) for gi, g in enumerate(ordered)
    ]
