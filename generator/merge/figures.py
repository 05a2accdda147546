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
* What happened to what is counted (the measure: killed, injured, arrested …) must agree: "36 Tote"
  never merges with or contradicts "36 Verletzte". Two reports of the same quantity (measure and
  counted group: people in general, or "Soldaten") with different values, one shared context word,
  published on different days or saying the number changed ("ist auf 57 gestiegen"), are an update:
  part of a development, not a conflict. On the same day and without a change word they conflict.
* One story: mentions of two articles merge, conflict or develop only when they are tied to one
  story: they share an anchor (an actor named in the figure's sentence, the one before or the
  article's lead), or, where one names no actor, two context words. Never on value and unit alone
  ("50 Menschen" starved in one country and drowned in another stay two figures). Reports more than
  ``STORY_DAYS`` apart are of different stories.
* Across languages: the same value counting the same group, keyed in the language data
  ("2.500 Mann" / "2,500 troops"), within one story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.analyse.stems import stems
from generator.merge.grouping import Groups
from generator.model import Article, FigureMention

SPECIFIC = 10.0  # a value from which two reports with shared context are taken to be the same figure
LARGE = 100.0  # a value so specific that one shared context word suffices
CONTEXT_WORDS = 2
# Reports of one quantity published further apart than this are of different stories (last year's
# toll of a war is not this week's): neither an update nor a conflict.
STORY_DAYS = 31


@dataclass(frozen=True)
class Found:
    article: Article
    sentence: int
    mention: FigureMention


@dataclass(frozen=True)
class MergedFigure:
    found: tuple[Found, ...]  # in dossier order
    conflicts: tuple[int, ...]  # indices of the merged figures this one conflicts with
    updates: tuple[int, ...] = ()  # indices of the merged figures that report the same quantity at another time

    @property
    def first(self) -> FigureMention:
        return self.found[0].mention

    @property
    def articles(self) -> set[str]:
        return {f.article.id for f in self.found}


def compatible(a: FigureMention, b: FigureMention) -> bool:
    """Two figures may count the same thing: their measures agree, or one has none."""
    return a.measure is None or b.measure is None or a.measure == b.measure


def quantity(m: FigureMention, people: frozenset[str], function_words: frozenset[str]) -> tuple[str, str] | None:
    """The quantity a measured figure counts: its measure and the group counted ("" for people in
    general: "Menschen", "Todesopfer"; else the head noun's stem: "Soldaten")."""
    if m.measure is None:
        return None
    words = m.unit.split()
    if not words or any(w.casefold() in people for w in words):
        return m.measure, ""
    return m.measure, min(stems(words[-1], function_words) or {words[-1].casefold()})


GROUP_SUFFIX = 7  # a group noun this long also names the group as a compound's last part ("Kampfflugzeuge")


def counted_group(unit: str, groups: Mapping[str, str]) -> str | None:
    """The language-independent key of what a unit counts ("2.500 Mann", "2,500 troops": soldiers),
    from the language data's groups (``groups``: noun → key); None for a unit of no group."""
    for word in reversed(unit.split()):
        low = word.casefold().strip("\"„“”»«'’‚()")
        if low in groups:
            return groups[low]
        for noun, key in groups.items():
            if len(noun) >= GROUP_SUFFIX and low.endswith(noun):
                return key
    return None


def merge_figure_mentions(
    found: Sequence[Found],
    function_words: frozenset[str],
    sentence_words: Callable[[Found], frozenset[str]],
    people: frozenset[str] = frozenset(),
    anchors: Callable[[Found], frozenset[str]] | None = None,
    groups: Mapping[str, str] | None = None,
) -> list[MergedFigure]:
    """``people``: nouns for people in general and the measures' own nouns (:func:`quantity`);
    ``anchors``: what ties a mention to its story (the actors around it): mentions of two articles
    merge, conflict or develop only when they share one. Without it, any two may. ``groups``: what
    is counted keyed across languages (:func:`counted_group`)."""
    tied = [anchors(f) for f in found] if anchors is not None else None
    unit_stems = [stems(f.mention.unit, function_words) for f in found]
    # the sentence's words besides the figure itself (its number words and its unit)
    context = [
        sentence_words(f) - u - stems(f.mention.text, function_words) for f, u in zip(found, unit_stems, strict=True)
    ]

    def related(a: int, b: int) -> bool:
        """One story: the same article; or a shared anchor; or, where one of them names no actor,
        the words of one event (at least two shared context words). Never value and unit alone;
        never two reports whose sentences name different actors only."""
        if tied is None or found[a].article.id == found[b].article.id:
            return True
        if tied[a] and tied[b]:
            return not tied[a].isdisjoint(tied[b])
        return len(context[a] & context[b]) >= CONTEXT_WORDS

    same: Groups[int] = Groups(range(len(found)))
    measures: dict[int, set[str]] = {
        i: {f.mention.measure} if f.mention.measure else set() for i, f in enumerate(found)
    }

    def join(a: int, b: int) -> bool:
        """Merge the groups of ``a`` and ``b`` unless they count what happened differently (one
        unmeasured "12 Menschen" must not bridge "12 Menschen" killed and "12 Menschen" injured)."""
        ra, rb = same.find(a), same.find(b)
        if ra == rb:
            return True
        if len(measures[ra] | measures[rb]) > 1:
            return False
        joined = measures[ra] | measures[rb]
        same.union(a, b)
        measures[same.find(a)] = joined
        return True

    def join_block(members: Sequence[int], ok: Callable[[int, int], bool]) -> None:
        """Each member joins the first earlier member of its block it may join."""
        for pos, b in enumerate(members[1:], 1):
            next((a for a in members[:pos] if ok(a, b) and join(a, b)), None)

    keys: list[object] = [
        (round(f.mention.value, 6), f.mention.upper)
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
        join_block(members, lambda a, b: compatible(found[a].mention, found[b].mention) and related(a, b))
    # Same value and the same measured quantity (what happened to whom: "mehr als 3.700 Menschen
    # festgenommen" / "more than 3,700 people detained"), in any language
    qty = [quantity(f.mention, people, function_words) for f in found]
    by_value_quantity: dict[tuple[object, tuple[str, str]], list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        q = qty[i]
        if q is not None and f.mention.value is not None:
            by_value_quantity[(keys[i], q)].append(i)

    def same_toll(a: int, b: int) -> bool:
        """A small toll ("acht Tote" / "acht Menschen starben") is one quantity in one story when the
        two sentences share a word of the event as well."""
        value = found[a].mention.value or 0.0
        return related(a, b) and (value >= SPECIFIC or not context[a].isdisjoint(context[b]))

    for members in by_value_quantity.values():
        join_block(members, same_toll)
    # Same value and the same counted group in any language ("2.500 Mann" / "2,500 troops"), within
    # one story: specific values only
    by_value_group: dict[tuple[object, str], list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        g = counted_group(f.mention.unit, groups) if groups else None
        if g is not None and f.mention.value is not None and f.mention.value >= SPECIFIC:
            by_value_group[(keys[i], g)].append(i)
    for members in by_value_group.values():
        join_block(members, lambda a, b: compatible(found[a].mention, found[b].mention) and related(a, b))
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
        if unit_stems[a] & unit_stems[b] or not compatible(found[a].mention, found[b].mention) or not related(a, b):
            continue  # joined above, or counting what happened to them differently
        value = found[a].mention.value
        assert value is not None
        if (value >= SPECIFIC and shared >= CONTEXT_WORDS) or (value >= LARGE and shared >= 1):
            for x, y in ((a, b), (b, a)):
                if (shared, -y) > best.get(x, (0, 0)):
                    best[x] = (shared, -y)
    for a, (_, minus_b) in best.items():
        if best.get(-minus_b, (0, 1))[1] == -a:
            join(a, -minus_b)

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
    updates: dict[int, set[int]] = defaultdict(set)

    def disagree(a: int, b: int) -> None:
        ga, gb = group_of[a], group_of[b]
        fa, fb = found[a], found[b]
        if ga == gb or fa.article.id == fb.article.id or not compatible(fa.mention, fb.mention) or not related(a, b):
            return  # one article giving two numbers is no disagreement between sources
        link = _link(fa, fb)
        if link is not None:
            links = updates if link == "update" else conflicts
            links[ga].add(gb)
            links[gb].add(ga)

    for postings in by_stem_word.values():
        for (a, b), shared in _shared_counts(postings.values()).items():
            if shared >= CONTEXT_WORDS:
                disagree(a, b)
    # the same measured quantity: one shared context word (the story's) is enough
    by_quantity_word: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, q in enumerate(qty):
        if q is not None:
            for w in context[i]:
                by_quantity_word[q][w].append(i)
    for postings in by_quantity_word.values():
        for a, b in _shared_counts(postings.values()):
            disagree(a, b)
    for gi in list(conflicts):  # a pair that is an update somewhere is not a conflict
        conflicts[gi] -= updates.get(gi, set())
    return [
        MergedFigure(
            tuple(found[i] for i in g), tuple(sorted(conflicts.get(gi, ()))), tuple(sorted(updates.get(gi, ())))
        )
        for gi, g in enumerate(ordered)
    ]


def _link(fa: Found, fb: Found) -> str | None:
    """How two reports of one quantity with different values relate: ``update`` (another day; or,
    without dates, a word of change: "ist auf 57 gestiegen"), ``conflict`` (the same moment), or
    None (the same value; or published more than ``STORY_DAYS`` apart: other stories)."""
    va, vb = fa.mention.value, fb.mention.value
    if va == vb and va is not None:
        return None
    da, db = fa.article.meta.published, fb.article.meta.published
    if da is not None and db is not None:
        if abs((da - db).days) > STORY_DAYS:
            return None
        return "update" if da != db else "conflict"
    return "update" if fa.mention.change or fb.mention.change else "conflict"


def _shared_counts(postings: Iterable[list[int]]) -> dict[tuple[int, int], int]:
    """For each pair of items that share a posting list, how many lists they share (pair: lower first).
    The items of one posting list are distinct and ascending, as the lists are built."""
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for members in postings:
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                counts[(a, b)] += 1
    return counts
