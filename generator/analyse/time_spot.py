"""What every time matcher reads: the words of the language (``TimeWords``) and the place in a sentence
it is tried at (``Spot``), and what it returns (``Hit``).

A matcher is a function of a ``Spot`` returning ``None`` when it does not apply (the next one is
tried), or a ``Found``: the hit (``None``: nothing is an expression here, and no later matcher is
tried) and the token the expression starts at.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from text_to_num import text2num

from generator.analyse.time_tense import Tenses
from generator.lang import LanguageData, TimeCues

ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
NUMERIC_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$")
ORDINAL = re.compile(r"^(\d{1,2})\.$")
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
CLOCK = re.compile(r"^(\d{1,2})(?:[.:](\d{2}))?$")
NARRATED_GAP = 2  # years between the narrated year and the DCT's from which a narration is history


@dataclass(frozen=True)
class Hit:
    end: int  # token index, exclusive
    type: str
    value: str | None
    day: dt.date | None = None  # the day it names, for anchoring what follows
    anchor: dt.date | None = None  # the narrated day its value was counted from (not the DCT)


Found = tuple[Hit | None, int]
Matcher = Callable[["Spot"], Found | None]


class TimeWords:
    """The language's time words with the lookups the matchers share, built once per language."""

    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        self.t: TimeCues = lang.time
        self.anchored = lang.time.anchored_before | lang.time.anchored_after
        self.qualifiers = lang.figures.qualifiers
        self.identifiers = lang.time.identifier_nouns | lang.figures.identifier_words
        self.age_unit = tuple(lang.figures.age_unit.casefold().split())  # "Jahre alt"
        self.nouns_capitalised = lang.figures.nouns_capitalised  # "Freitag Abend", "Friday afternoon"
        self.no_nouns = lang.function_words | frozenset(lang.time.units)
        suffixes = "|".join(re.escape(x) for x in lang.figures.age_suffixes)
        self.age = re.compile(rf"^\d{{1,3}}-(?:{suffixes})$", re.IGNORECASE)
        # a weekday word ("freitag", "freitagmorgen") → the weekday numbers it names, for one lookup a word
        named: dict[str, list[int]] = {}
        for name, number in self.t.weekdays.items():
            for part in ("", *self.t.parts_of_day):
                named.setdefault(name + part, []).append(number)
        self.weekday_words = {w: tuple(ns) for w, ns in named.items()}

    def number(self, word: str) -> int | None:
        if word.isdigit():
            return int(word)
        low = word.casefold()
        if low in self.t.one_words:
            return 1
        if not word.isalpha():
            return None
        try:
            return int(text2num(low, self.lang.code))
        except (ValueError, KeyError):
            return None

    def compound_unit(self, word: str) -> str | None:
        """The unit a compound ends in ("Geschäftsjahr", "Kalenderjahres" → Y), for a word after a
        modifier ("im vergangenen Geschäftsjahr"); its first part has three letters at least."""
        for k in range(3, len(word) - 2):
            unit = self.t.units.get(word[k:])
            if unit in ("Y", "M", "W"):
                return unit
        return None

    def month(self, word: str) -> int | None:
        return self.t.months.get(word.casefold().rstrip("."))

    def is_count(self, words: Sequence[str], low: Sequence[str], i: int) -> bool:
        """A four-digit number that counts rather than dates: "2000 Soldaten", "2000 soldiers", "rund 2000",
        "davon 2000 im Jahr 2011", "1700 im vergangenen Jahr"."""
        n = len(words)
        after = words[i + 1] if i + 1 < n else ""
        if self.nouns_capitalised and after[:1].isupper() and not self.month(after):
            return True  # a noun after it ("2000 Soldaten"; English "the 1916 Battle of …" is a year)
        plural = after.isalpha() and after.islower() and after.endswith("s")
        if plural and not self.nouns_capitalised and after not in self.no_nouns:
            return True  # a plural after it: "2000 soldiers"
        if any(i >= len(q) and tuple(low[i - len(q) : i]) == q for q in self.qualifiers):
            return True
        return (
            i + 2 < n
            and low[i + 1] in self.t.month_prepositions
            and (self.t.units.get(low[i + 2]) == "Y" or (i + 3 < n and self.t.units.get(low[i + 3]) == "Y"))
        )

    def range_to_clock(self, low: Sequence[str], words: Sequence[str], i: int) -> bool:
        """A number in a chain of clock times that ends in the clock word: "von 14-18 Uhr",
        "von 8.30-12 und 14.30-16.30 Uhr", "von 10 bis 12 Uhr"."""
        joined = False
        for j in range(i + 1, min(len(words), i + 12)):
            if low[j] == self.t.clock_word:
                return joined
            if low[j] in self.t.range_words:
                joined = True
                continue
            m = CLOCK.match(words[j])
            if not m or int(m.group(1)) > 24:
                return False
        return False

    def month_context(self, low: Sequence[str], i: int) -> bool:
        """A month name alone is a date after "im", "seit", "bis", "Anfang" … ("im September"), or
        listed after one ("im Juni und Juli")."""
        if i > 0 and low[i - 1] in self.t.month_prepositions:
            return True
        return i > 1 and low[i - 1] in self.t.date_list_words and self.month(low[i - 2]) is not None  # "Juni und Juli"


class Spot:
    """Token ``i`` of a sentence, with the dates it is resolved against: the DCT, the last day the text
    named (``anchor``), a day named earlier in this sentence (``day``), the year of the last value
    given (``year``: the narrated year); and the matchers tried at
    each token, in their order. Built for every token: plain attributes, none computed twice."""

    __slots__ = (
        "anchor",
        "before",
        "day",
        "dct",
        "i",
        "low",
        "lw",
        "matchers",
        "n",
        "nxt",
        "t",
        "tenses",
        "tw",
        "w",
        "words",
        "year",
    )

    def __init__(
        self,
        tw: TimeWords,
        words: Sequence[str],
        low: Sequence[str],
        i: int,
        dates: tuple[dt.date | None, dt.date | None, dt.date | None, int | None],
        tenses: Tenses,
        matchers: Sequence[Matcher],
    ) -> None:
        self.tw, self.t, self.words, self.low, self.i = tw, tw.t, words, low, i
        self.n = n = len(words)
        self.w, self.lw = words[i], low[i]
        self.nxt = low[i + 1] if i + 1 < n else ""
        self.before = low[i - 1] if i > 0 else ""
        self.dct, self.anchor, self.day, self.year = dates
        self.tenses, self.matchers = tenses, matchers

    def first(self) -> Found:
        """The find of the first matcher that applies here (none: no hit)."""
        for matcher in self.matchers:
            found = matcher(self)
            if found is not None:
                return found
        return None, self.i

    def match_at(self, k: int) -> Found:
        """The matchers' find at token ``k`` of the same sentence."""
        return Spot(
            self.tw, self.words, self.low, k, (self.dct, self.anchor, self.day, self.year), self.tenses, self.matchers
        ).first()

    def narrated_year(self) -> int | None:
        """The year a date written without one takes from the narration: the last year the text gave a
        value in, where that is two years or more from the DCT's (a history told: "Am 1. September
        1939 … Am 3. September"); None where the text speaks of the DCT's own time."""
        if self.year is None or self.dct is None or abs(self.year - self.dct.year) < NARRATED_GAP:
            return None
        return self.year

    def clock_day(self) -> tuple[dt.date | None, dt.date | None]:
        """The day of a clock time or a part of the day, and the anchor it came from: a day named in
        the sentence; else, where the sentence narrates in the past, the narrated day (the last one
        the text named); else the publication date (a present-tense listing of times is the day it is
        published for)."""
        if self.day:
            return self.day, None
        if self.anchor and self.tenses.at(self.i) == "past":
            return self.anchor, self.anchor
        return self.dct, None
