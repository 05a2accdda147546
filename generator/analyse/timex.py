"""Temporal tagging: find time expressions and give them TIMEX3 types and values (HeidelTime's format).

Token-based matchers, tried in order at each token (the first that matches wins), over the words of
``lang/<code>/time.yaml``. Values are resolved against the document's date (DCT), news-style:

* a weekday is the last such day on or before the DCT, or the next one when the sentence speaks of
  the future ("wird am Montag beraten");
* a date without a year takes the DCT's year;
* "am Vortag" counts from the last day the text named; a clock time belongs to the day its sentence
  names, else to the DCT;
* "vor drei Jahren" is the year three years before the DCT; "seit drei Tagen" is a duration.

Without a DCT, relative expressions keep value ``None``: nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from generator.analyse import time_dates as dates
from generator.analyse import time_relative as relative
from generator.analyse import time_spans as spans
from generator.analyse.punctuation import CLAUSE_BREAKS
from generator.analyse.time_spot import Found, Hit, Matcher, Spot, TimeWords
from generator.analyse.time_tense import Tenses
from generator.lang import LanguageData
from generator.model import Article, TimeMention, Token

# The matchers in the order they are tried at each token; the first that applies decides. The order
# matters where two could apply: a written date before its parts ("5. Januar 2022" before "2022"), a
# weekday with a part of the day before the weekday, an anchored count before a duration ("zwei Jahre
# zuvor" before "zwei Jahre").
MATCHERS: tuple[Matcher, ...] = (
    dates.iso_date,
    dates.split_numeric_date,
    dates.numeric_date,
    dates.range_start,
    dates.day_month,
    dates.month_day,
    dates.plain_day_month,
    dates.linked_period,
    dates.century,
    dates.decade,
    dates.joined_part_year,
    dates.month_name,
    dates.period_part_year,
    dates.season_year,
    dates.unit_year,
    dates.bare_year,
    relative.weekday_with_part,
    relative.indefinite_weekday,
    relative.weekday,
    relative.relative_day_adjective,
    relative.relative_day,
    relative.anchored_count,
    relative.relative_unit,
    relative.anchored_day,
    relative.ago,
    relative.ago_after,
    relative.quarter_or_half,
    relative.same_unit,
    relative.modified_unit,
    relative.this_year_genitive,
    relative.deictic_word,
    spans.duration,
    spans.clock_time,
    spans.part_of_day,
    spans.repetition,
)


class TimeTagger:
    def __init__(self, lang: LanguageData, verb_tense: Callable[[str], str | None] | None = None) -> None:
        """``verb_tense``: ``past``/``present`` of a finite verb form (the morphology's), None for other
        words; without it only the auxiliaries of the language data tell the tense."""
        self.lang = lang
        self.verb_tense = verb_tense
        self.t = lang.time
        self.words = TimeWords(lang)

    # --- one sentence --------------------------------------------------------------------------

    def tag_sentence(
        self, tokens: Sequence[Token], dct: dt.date | None, anchor: dt.date | None, year: int | None = None
    ) -> tuple[list[TimeMention], dt.date | None, int | None]:
        """Returns the mentions, the last day named (the anchor of "am Vortag") and the last year a
        value was given (the narrated year, for dates written without one) for what follows."""
        words = [t.text for t in tokens]
        low = [w.casefold() for w in words]
        tenses = Tenses(self.t, self.lang.function_words, self.verb_tense, words, low)
        out: list[TimeMention] = []
        extents: list[tuple[int, int]] = []  # token spans of ``out``
        day: dt.date | None = None  # a day named in this sentence: clock times belong to it
        i = 0
        while i < len(words):
            try:
                hit, start = self._match(words, low, i, (dct, anchor, day, year), tenses)
            except OverflowError:  # a date beyond the calendar (years 1-9999): the expression stays unresolved
                hit, start = self._match(words, low, i, (None, None, None, None), tenses)
            if hit is None:
                i += 1
                continue
            s, e = tokens[start].start, tokens[hit.end - 1].end
            counted_from = hit.anchor.isoformat() if hit.anchor else None
            if out and hit.type == "DATE" and self._joins_range(low, extents[-1][1], start, out[-1], hit.value):
                out[-1] = replace(out[-1], until=hit.value)
            event = self._is_event(low, start, hit, tenses)
            out.append(TimeMention(s, e, "", hit.type, hit.value, counted_from, event=event))
            extents.append((start, hit.end))
            if hit.day is not None:
                anchor = day = hit.day
            if event and hit.value and hit.value[:4].isdigit() and hit.type in ("DATE", "TIME"):
                year = self._narrated(year, hit.value, dct)
            i = hit.end
        return out, anchor, year

    @staticmethod
    def _narrated(year: int | None, value: str, dct: dt.date | None) -> int:
        """The narrated year after an expression's value: a month or a day sets it; a year alone only
        where the text has not been speaking of the DCT's own year ("Am Freitag … Die Partei wurde
        1991 gegründet. Am 5. Januar …": this January), as background years in news do."""
        if len(value) >= 7 or dct is None or year != dct.year:
            return int(value[:4])
        return year

    def _is_event(self, low: Sequence[str], start: int, hit: Hit, tenses: Tenses) -> bool:
        """Whether the sentence states what happened (or will) at the expression's time: not an age
        ("ist heute 24 Jahre alt"), not a plan's target or deadline ("bis 2020 sollen …"), not the year
        a state began ("seit der Unabhängigkeit 1991 regiert …")."""
        t, end = self.t, hit.end
        age = self.words.age_unit
        if end + len(age) < len(low) and low[end].isdigit() and tuple(low[end + 1 : end + 1 + len(age)]) == age:
            return False
        before = low[max(0, start - 3) : start]
        if CLAUSE_BREAKS & set(before):
            before = before[max(k for k, w in enumerate(before) if w in CLAUSE_BREAKS) + 1 :]
        if any(w in t.target_prepositions for w in before[-2:]) and tenses.at(start) == "future":
            return False
        a_year = hit.value is not None and len(hit.value) == 4
        return not (a_year and any(w in t.background_prepositions for w in before))

    def _joins_range(
        self, low: Sequence[str], gap_from: int, gap_to: int, first: TimeMention, value: str | None
    ) -> bool:
        """Two dates joined by range words only ("5. bis 22. November", "vom 3. Mai bis zum 5. Juni"):
        one stretch of time, the first its start."""
        if first.type != "DATE" or not first.value or not value or gap_to <= gap_from:
            return False
        if not all(w in self.t.date_range_words for w in low[gap_from:gap_to]):
            return False
        return len(first.value) == len(value) and first.value < value and value[:1].isdigit()

    def _match(
        self,
        words: Sequence[str],
        low: Sequence[str],
        i: int,
        dates: tuple[dt.date | None, dt.date | None, dt.date | None, int | None],
        tenses: Tenses,
    ) -> Found:
        """The first matcher's find at token ``i`` (no hit: ``None``); ``dates``: the DCT, the last day
        the text named, a day named earlier in the sentence, the narrated year."""
        return Spot(self.words, words, low, i, dates, tenses, MATCHERS).first()

    # --- an article ----------------------------------------------------------------------------

    def tag(self, article: Article, dct: dt.date | None) -> tuple[TimeMention, ...]:
        """The article's expressions; a date in the dateline ("LONDON, May 10 (Reuters) -") dates the
        article, not an event."""
        anchor: dt.date | None = None
        year: int | None = None
        out: list[TimeMention] = []
        dateline = article.meta.dateline
        at = article.body.find(dateline) if dateline else -1
        for tokens in article.tokens:
            found, anchor, year = self.tag_sentence(tokens, dct, anchor, year)
            for m in found:
                in_dateline = dateline is not None and at >= 0 and at <= m.start and m.end <= at + len(dateline)
                out.append(replace(m, text=article.body[m.start : m.end], event=m.event and not in_dateline))
        return tuple(out)

    def weekdays_named(self, article: Article) -> list[int]:
        """The weekdays the article names ("am Freitag", "Freitagmorgen"), sentences about the future left out."""
        days: list[int] = []
        for tokens in article.tokens:
            low = [t.text.casefold() for t in tokens]
            if any(w in self.t.future_cues for w in low):
                continue
            for w in low:
                days.extend(self.words.weekday_words.get(w, ()))
        return days

    def tag_text(
        self, tokens_by_sentence: Sequence[Sequence[Token]], text: str, dct: dt.date | None
    ) -> list[TimeMention]:
        """For corpora given as text and sentences (the benchmark)."""
        anchor: dt.date | None = None
        year: int | None = None
        out: list[TimeMention] = []
        for tokens in tokens_by_sentence:
            found, anchor, year = self.tag_sentence(tokens, dct, anchor, year)
            out.extend(replace(m, text=text[m.start : m.end]) for m in found)
        return out


def speakers_now(mentions: Sequence[TimeMention], quotations: Sequence[tuple[int, int]]) -> tuple[TimeMention, ...]:
    """Deictic expressions inside quotation marks ("heute", "am Montag", "vor drei Jahren": no digit
    written) count from the day the speaker spoke, which the text rarely gives: their values are
    dropped rather than counted from the publication date. Calendar dates in quotations keep theirs."""
    out = []
    for m in mentions:
        inside = any(s <= m.start and m.end <= e for s, e in quotations)
        deictic = not any(ch.isdigit() for ch in m.text) and m.type in ("DATE", "TIME")
        out.append(replace(m, value=None, anchor=None, until=None) if inside and deictic else m)
    return tuple(out)
