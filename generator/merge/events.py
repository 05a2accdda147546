"""Dated events across the dossier: what a sentence states about its date, merged across sources.

An event is a sentence with a resolved calendar date (a TIMEX3 DATE or TIME whose value is a year,
month or day). Events on the same date merge when they say the same thing: across articles, they
report the same figure, or name a common actor and share two content words, or share three; within one
article, only a year (a landmark the article comes back to) with a common actor and three shared
words. Blocking by date: no all-pairs comparison across the dossier.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.analyse.stems import stems
from generator.merge.grouping import Groups
from generator.model import Article, TimeMention

_CALENDAR = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T(.+))?$")
_PART_OF_YEAR = re.compile(r"^(\d{4})-(?:Q[1-4]|H[12])$")  # a quarter or half: shown under its year
STEM = 5  # letters of a word that stand for it ("übergeben" ~ "übergab")
SHARED_WORDS = 3  # content words two sentences on one date share to report the same event …
WITH_ACTOR = 2  # … or fewer, when they also name a common actor


@dataclass(frozen=True)
class Dated:
    article: Article
    sentence: int
    mention: TimeMention
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    time_of_day: str | None
    actors: frozenset[str]  # ids of the actors named in the sentence
    figures: frozenset[str] = frozenset()  # ids of the (merged) figures the sentence reports


def calendar(value: str | None) -> tuple[str, str | None] | None:
    """("2022-01-07", "MO") for "2022-01-07TMO"; None for durations, sets and references."""
    if not value:
        return None
    m = _CALENDAR.match(value) or _PART_OF_YEAR.match(value)
    return (m.group(1), m.group(2) if m.re is _CALENDAR else None) if m else None


def merge_events(
    dated: Sequence[Dated], function_words: frozenset[str], sentence_words: Callable[[Dated], frozenset[str]]
) -> list[list[Dated]]:
    """Groups of mentions that report one event, in dossier order (``sentence_words``: the stems of a
    mention's sentence)."""
    # what the sentences say, without the time expression itself (all events on a date share that)
    words = [sentence_words(d) - stems(d.mention.text, function_words, STEM) for d in dated]
    same: Groups[int] = Groups(range(len(dated)))
    by_date: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(dated):
        by_date[d.date].append(i)
    for members in by_date.values():
        for pos, a in enumerate(members):
            for b in members[pos + 1 :]:
                da, db = dated[a], dated[b]
                shared = len(words[a] & words[b])
                if da.article.id == db.article.id:
                    # one sentence, two expressions for one date; or an article that comes back to a
                    # landmark of a past year (a day of its own has several happenings: never merged)
                    year_only = len(da.date) == 4
                    if da.sentence == db.sentence or (year_only and da.actors & db.actors and shared >= SHARED_WORDS):
                        same.union(a, b)
                    continue
                same_figure = bool(da.figures & db.figures)
                if same_figure or (da.actors & db.actors and shared >= WITH_ACTOR) or shared >= SHARED_WORDS:
                    same.union(a, b)
    return [[dated[i] for i in g] for g in same.groups()]
