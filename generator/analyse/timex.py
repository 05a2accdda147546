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
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from text_to_num import text2num

from generator.analyse.calendar import last_weekday, make_date, shift, year_for, year_with_weekday
from generator.analyse.punctuation import CLAUSE_BREAKS
from generator.lang import LanguageData
from generator.model import Article, TimeMention, Token

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$")
_ORDINAL = re.compile(r"^(\d{1,2})\.$")
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_CLOCK = re.compile(r"^(\d{1,2})(?:[.:](\d{2}))?$")


@dataclass(frozen=True)
class _Hit:
    end: int  # token index, exclusive
    type: str
    value: str | None
    day: dt.date | None = None  # the day it names, for anchoring what follows
    anchor: dt.date | None = None  # the narrated day its value was counted from (not the DCT)


class _Tenses:
    """The tense of a sentence around each of its tokens, found when first asked (most sentences need
    none): the tense of the nearest tense cue, ``present`` where the sentence has none. Cues: a word
    of the future or of intent ("wird", "soll", "kommende"), a perfect auxiliary with a participle in
    the sentence ("hat … festgenommen"), a past auxiliary or a word of the past ("wurde", "damals"),
    a finite verb's own tense ("trafen", "beginnt")."""

    def __init__(self, tagger: TimeTagger, words: Sequence[str], low: Sequence[str]) -> None:
        self._tagger, self._words, self._low = tagger, words, low
        self._cues: list[tuple[int, str]] | None = None

    def _find(self) -> list[tuple[int, str]]:
        t, low = self._tagger.t, self._low
        fw = self._tagger.lang.function_words
        verb_tense = self._tagger.verb_tense
        tenses = [verb_tense(w) if verb_tense is not None and w not in fw else None for w in self._words]
        # the perfect: an auxiliary with a participle ("hat … festgenommen"); a form of "sein" with a
        # participle the morphology alone finds may state a condition ("ist ausverkauft"): it needs
        # "ge-" ("ist gekommen") or "worden" ("sei … beendet worden")
        with_haben = any(w in t.perfect_auxiliaries and w not in t.stative_auxiliaries for w in low)
        perfect = any(
            (t.participle.match(w) and w not in fw)
            or (tense == "participle" and (with_haben or w == t.passive_participle))
            for w, tense in zip(low, tenses, strict=True)
        )
        determiners = t.articles | t.indefinite_articles
        cues: list[tuple[int, str]] = []
        ahead = {k for phrase in t.future_phrases for k in range(len(low)) if tuple(low[k : k + len(phrase)]) == phrase}
        for k, w in enumerate(low):
            if w in t.future_cues or w in t.future_auxiliaries or k in ahead:
                cues.append((k, "future"))
            elif (perfect and w in t.perfect_auxiliaries) or w in t.past_auxiliaries or w in t.past_words:
                cues.append((k, "past"))
            elif k and tenses[k] in ("past", "participle") and low[k - 1] in t.participle_not_past_after:
                continue  # English: "will be lifted", "was ordered" (the auxiliary tells)
            elif tenses[k] == "participle" and t.participle_not_past_after and not (k and low[k - 1] in determiners):
                cues.append((k, "past"))  # English: "ordered troops on Friday" (past or participle alike)
            elif tenses[k] in ("past", "present") and not (k and low[k - 1] in determiners):
                # (not an adjective after an article: "die verzauberte Stadt")
                cues.append((k, str(tenses[k])))
        return cues

    def at(self, i: int, outside: tuple[int, int] = (0, 0)) -> str:
        """The tense of the nearest cue in the token's clause (between commas), else in its sentence;
        cues in the token range ``outside`` (the expression itself: "am nächsten Tag") left out."""
        if self._cues is None:
            self._cues = self._find()
        cues = [c for c in self._cues if not outside[0] <= c[0] < outside[1]]
        if not cues:
            return "present"
        words = self._words
        lo = next((k for k in range(i - 1, -1, -1) if words[k] in CLAUSE_BREAKS), -1)
        hi = next((k for k in range(i + 1, len(words)) if words[k] in CLAUSE_BREAKS), len(words))
        own = [c for c in cues if lo < c[0] < hi] or cues
        return min(own, key=lambda c: abs(c[0] - i))[1]


class TimeTagger:
    def __init__(self, lang: LanguageData, verb_tense: Callable[[str], str | None] | None = None) -> None:
        """``verb_tense``: ``past``/``present`` of a finite verb form (the morphology's), None for other
        words; without it only the auxiliaries of the language data tell the tense."""
        self.lang = lang
        self.verb_tense = verb_tense
        self._anchored = lang.time.anchored_before | lang.time.anchored_after
        self.t = lang.time
        self._qualifiers = lang.figures.qualifiers
        suffixes = "|".join(re.escape(x) for x in lang.figures.age_suffixes)
        self._age = re.compile(rf"^\d{{1,3}}-(?:{suffixes})$", re.IGNORECASE)
        # a weekday word ("freitag", "freitagmorgen") → the weekday numbers it names, for one lookup a word
        named: dict[str, list[int]] = {}
        for name, number in self.t.weekdays.items():
            for part in ("", *self.t.parts_of_day):
                named.setdefault(name + part, []).append(number)
        self._weekday_words = {w: tuple(ns) for w, ns in named.items()}

    # --- helpers ---------------------------------------------------------------------------------

    def _number(self, word: str) -> int | None:
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

    def _compound_unit(self, word: str) -> str | None:
        """The unit a compound ends in ("Geschäftsjahr", "Kalenderjahres" → Y), for a word after a
        modifier ("im vergangenen Geschäftsjahr"); its first part has three letters at least."""
        for k in range(3, len(word) - 2):
            unit = self.t.units.get(word[k:])
            if unit in ("Y", "M", "W"):
                return unit
        return None

    def _month(self, word: str) -> int | None:
        return self.t.months.get(word.casefold().rstrip("."))

    # --- one sentence --------------------------------------------------------------------------

    def tag_sentence(
        self, tokens: Sequence[Token], dct: dt.date | None, anchor: dt.date | None
    ) -> tuple[list[TimeMention], dt.date | None]:
        """Returns the mentions, and the last day named (the anchor of "am Vortag") for what follows."""
        words = [t.text for t in tokens]
        low = [w.casefold() for w in words]
        tenses = _Tenses(self, words, low)
        out: list[TimeMention] = []
        spans: list[tuple[int, int]] = []  # token spans of ``out``
        day: dt.date | None = None  # a day named in this sentence: clock times belong to it
        i = 0
        while i < len(words):
            try:
                hit, start = self._match(words, low, i, dct, anchor, day, tenses)
            except OverflowError:  # a date beyond the calendar (years 1-9999): the expression stays unresolved
                hit, start = self._match(words, low, i, None, None, None, tenses)
            if hit is None:
                i += 1
                continue
            s, e = tokens[start].start, tokens[hit.end - 1].end
            counted_from = hit.anchor.isoformat() if hit.anchor else None
            if out and hit.type == "DATE" and self._joins_range(low, spans[-1][1], start, out[-1], hit.value):
                out[-1] = replace(out[-1], until=hit.value)
            out.append(TimeMention(s, e, "", hit.type, hit.value, counted_from))
            spans.append((start, hit.end))
            if hit.day is not None:
                anchor = day = hit.day
            i = hit.end
        return out, anchor

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
        dct: dt.date | None,
        anchor: dt.date | None,
        day: dt.date | None,
        tenses: _Tenses,
    ) -> tuple[_Hit | None, int]:
        t = self.t
        n = len(words)
        w, lw = words[i], low[i]
        nxt = low[i + 1] if i + 1 < n else ""
        base = anchor or dct  # for "am Vortag": the last day the text named
        # clock times and parts of the day: a day named in the sentence; else, where the sentence
        # narrates in the past, the narrated day (the last one the text named); else the publication
        # date (a present-tense listing of times is the day it is published for)

        def clock_day() -> tuple[dt.date | None, dt.date | None]:  # the day, and the anchor it came from
            if day:
                return day, None
            if anchor and tenses.at(i) == "past":
                return anchor, anchor
            return dct, None

        ref_year = dct.year if dct else None

        # 2022-01-05 (a date inside a URL is part of the URL's token and never matches)
        m = _ISO.match(w)
        if m:
            d = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return (_Hit(i + 1, "DATE", d.isoformat(), d) if d else None), i
        # 30. 11. 2013 (SoMaJo splits numeric dates into ordinals)
        if _ORDINAL.match(w) and i + 1 < n and _ORDINAL.match(words[i + 1]) and int(words[i + 1][:-1]) <= 12:
            end = i + 2
            yy = ref_year
            if end < n and _YEAR.match(words[end]):
                yy, end = int(words[end]), end + 1
            d = make_date(yy, int(words[i + 1][:-1]), int(w[:-1])) if yy else None
            if d:
                return _Hit(end, "DATE", d.isoformat(), d), i
        # 05.01.2022, 5.1.
        m = _NUMERIC_DATE.match(w)
        if m and not _ORDINAL.match(w):
            y = m.group(3)
            yy = (int(y) + (2000 if int(y) < 50 else 1900) if len(y) == 2 else int(y)) if y else ref_year
            d = make_date(yy, int(m.group(2)), int(m.group(1))) if yy else None
            if d:
                return _Hit(i + 1, "DATE", d.isoformat(), d), i
        # 5. bis 22. November: the start of a range takes the month and year of its end
        if _ORDINAL.match(w) and not (i + 1 < n and self._month(words[i + 1])):
            k = i + 1
            while k < n and low[k] in t.date_range_words:
                k += 1
            if k > i + 1 and k + 1 < n and _ORDINAL.match(words[k]) and self._month(words[k + 1]):
                closing, _ = self._match(words, low, k, dct, anchor, day, tenses)
                value = closing.value if closing else None
                last = dt.date.fromisoformat(value) if value and len(value) == 10 else None
                first = make_date(last.year, last.month, int(w[:-1])) if last else None
                if first and last and first < last:
                    return _Hit(i + 1, "DATE", first.isoformat(), first), i
        # [Donnerstag,] [dem] 25. Februar [2010]
        # (an explicit calendar date always wins over the weekday's direction: "am Freitag, dem 3. März")
        j = i
        if lw in t.weekdays and nxt == ",":
            k = i + 3 if i + 2 < n and low[i + 2] in t.articles else i + 2
            if k + 1 < n and _ORDINAL.match(words[k]) and self._month(words[k + 1]):
                j = k
        m = _ORDINAL.match(words[j]) if j < n else None
        if m and j + 1 < n and self._month(words[j + 1]):
            month = self._month(words[j + 1])
            end = j + 2
            yy = year_for(dct, month or 1, int(m.group(1)), tenses.at(i))
            if j > i and dct and month:  # the weekday written beside the date tells its year
                yy = year_with_weekday(dct, month, int(m.group(1)), t.weekdays[lw]) or yy
            if end < n and _YEAR.match(words[end]):
                yy, end = int(words[end]), end + 1
            elif end + 1 < n and low[end] in t.present_modifiers and t.units.get(low[end + 1]) == "Y":
                yy, end = (dct.year if dct else None), end + 2  # "am 29. März dieses Jahres"
            d = make_date(yy, month, int(m.group(1))) if yy and month else None
            value = d.isoformat() if d else None
            return _Hit(end, "DATE", value, d), i
        # Januar 2022 / Juli dieses Jahres / Anfang Dezember / Mitte 2019 / Ende des Jahres
        k = i + 1 if lw in t.period_parts else i
        if k < n and self._month(words[k]) and words[k][:1].isupper():
            month = self._month(words[k])
            end = k + 1
            since = i > 0 and low[i - 1] in t.since  # "seit Oktober": the last October
            yy = year_for(dct, month or 1, None, "past" if since else tenses.at(i))
            if end < n and _YEAR.match(words[end]):
                yy, end = int(words[end]), end + 1
            elif end + 1 < n and low[end] in t.present_modifiers and t.units.get(low[end + 1]) == "Y":
                yy, end = (dct.year if dct else None), end + 2
            if k > i or end > k + 1 or self._month_context(low, i):
                return _Hit(end, "DATE", f"{yy:04d}-{month:02d}" if yy else None), i
        if lw in t.period_parts and i + 1 < n and _YEAR.match(words[i + 1]):
            return _Hit(i + 2, "DATE", words[i + 1]), i
        # Herbst 2011
        if lw in t.seasons and i + 1 < n and _YEAR.match(words[i + 1]):
            return _Hit(i + 2, "DATE", f"{words[i + 1]}-{t.seasons[lw]}"), i
        # Jahr 2011
        if t.units.get(lw) == "Y" and i + 1 < n and _YEAR.match(words[i + 1]):
            return _Hit(i + 2, "DATE", words[i + 1]), i
        # a year on its own: 1991 (not a count: "2000 Soldaten")
        if _YEAR.match(w) and not self._is_count(words, low, i):
            if i + 1 < n and (low[i + 1] in t.before_common_era or "".join(low[i + 1 : i + 3]) in t.before_common_era):
                return None, i  # "1500 v. Chr.": no year of this calendar
            return _Hit(i + 1, "DATE", w), i
        # Freitagmorgen ("seit Samstag" always looks back)
        ahead = lw in self._weekday_words and not (i > 0 and low[i - 1] in t.since) and tenses.at(i) != "past"
        for name, number in t.weekdays.items() if lw in self._weekday_words else ():
            if lw.startswith(name) and lw[len(name) :] in t.parts_of_day:
                d = last_weekday(dct, number, ahead) if dct else None
                part = t.parts_of_day[lw[len(name) :]]
                return _Hit(i + 1, "TIME", f"{d.isoformat()}T{part}" if d else None, d), i
        # Freitag [Abend] (not "an einem Sonnabend": no particular one)
        if lw in t.weekdays and i > 0 and low[i - 1] in t.indefinite_articles:
            return None, i
        if lw in t.weekdays and w[:1].isupper():
            d = last_weekday(dct, t.weekdays[lw], ahead) if dct else None
            if nxt in t.parts_of_day and i + 1 < n and words[i + 1][:1].isupper():
                return _Hit(i + 2, "TIME", f"{d.isoformat()}T{t.parts_of_day[nxt]}" if d else None, d), i
            return _Hit(i + 1, "DATE", d.isoformat() if d else None, d), i
        # am morgigen Sonntag
        if lw in t.relative_day_adjectives and dct:
            d = dct + dt.timedelta(days=t.relative_day_adjectives[lw])
            if nxt in t.weekdays:  # the weekday is the expression; the adjective says which one
                return _Hit(i + 2, "DATE", d.isoformat(), d), i + 1
            return _Hit(i + 1, "DATE", d.isoformat(), d), i
        # heute / gestern [Abend] / morgen (lower case; "Morgen" is the morning); not "der heute 81-jährige"
        age_follows = i + 1 < n and bool(self._age.match(words[i + 1]))
        if lw in t.relative_days and (w.islower() or (i == 0 and lw != "morgen")) and not age_follows:
            if t.relative_days[lw] == 0 and (
                (i > 0 and low[i - 1] in t.until_now) or any(x in t.then_and_now for x in low)
            ):
                return _Hit(i + 1, "DATE", "PRESENT_REF"), i  # "bis heute", "früher … heute": nowadays
            d = dct + dt.timedelta(days=t.relative_days[lw]) if dct else None
            if nxt in t.parts_of_day and lw != "morgen":
                part = t.parts_of_day[nxt]
                return _Hit(i + 2, "TIME", f"{d.isoformat()}T{part}" if d else None, d), i
            return _Hit(i + 1, "DATE", d.isoformat() if d else None, d), i
        # zwei Jahre zuvor / am Tag danach: counted from the last day the text named (none: no value)
        anchored = self._anchored
        k = -1
        if i + 1 < n and low[i + 1] in anchored:
            k = i  # "am Tag danach"
        elif i + 2 < n and low[i + 2] in anchored and self._number(w) is not None:
            k = i + 1  # "zwei Jahre zuvor"
        if k >= 0 and t.units.get(low[k]):
            count = self._number(w) if k > i else 1
            step = -1 if low[k + 1] in t.anchored_before else 1
            counted = t.units[low[k]]
            if count is not None and counted in ("Y", "M", "W", "D"):
                shifted = shift(anchor, counted, step * count) if anchor else None
                on = anchor + dt.timedelta(days=step * count) if anchor and counted == "D" else None
                return _Hit(k + 2, "DATE", shifted, on, anchor), i
        # im Vorjahr, des Vormonats
        if lw in t.relative_units and dct:
            rel_unit, steps = t.relative_units[lw]
            return _Hit(i + 1, "DATE", shift(dct, rel_unit, steps)), i
        # am Vortag
        if lw in t.anchored_days:
            d = base + dt.timedelta(days=t.anchored_days[lw]) if base else None
            return _Hit(i + 1, "DATE", d.isoformat() if d else None, d, anchor), i
        # vor drei Jahren → the year three years before
        if lw in t.ago and i + 2 < n:
            amount = self._number(words[i + 1])
            unit = t.units.get(low[i + 2])
            if amount is not None and unit in ("Y", "M", "W", "D", "DE"):
                return _Hit(i + 3, "DATE", shift(dct, unit, -amount) if dct else None), i
        # im dritten Quartal [2020], in der ersten Jahreshälfte: a quarter or half of a year
        if lw in t.ordinal_words and nxt in t.periods:
            letter = t.periods[nxt]
            parts = 4 if letter == "Q" else 2
            number = t.ordinal_words[lw] % (parts + 1) if t.ordinal_words[lw] < 0 else t.ordinal_words[lw]
            if 1 <= number <= parts:
                start = i - 1 if i > 0 and low[i - 1] in t.articles else i
                end = i + 2
                months = 12 // parts
                tense = tenses.at(i)
                # past: the last such part begun by the DCT; future: the next not yet over; else the nearest
                month = (number - 1) * months + (1 if tense == "past" else months if tense == "future" else months // 2)
                yy = year_for(dct, month, None, tense)
                if end < n and _YEAR.match(words[end]):
                    yy, end = int(words[end]), end + 1
                return _Hit(end, "DATE", f"{yy:04d}-{letter}{number}" if yy else None), start
        # vergangene Woche / im laufenden Jahr / nächstes Jahr / den vergangenen zwei Jahrzehnten
        sign = None
        if lw in t.past_modifiers:
            sign = -1
        elif lw in t.present_modifiers:
            sign = 0
        elif lw in t.future_modifiers:
            sign = 1
        if sign is not None and i + 1 < n:
            start = i - 1 if i > 0 and low[i - 1] in t.articles else i
            unit = t.units.get(nxt) or self._compound_unit(nxt)
            amount = self._number(words[i + 1])
            if amount is not None and i + 2 < n and t.units.get(low[i + 2]):
                return _Hit(i + 3, "DURATION", f"P{amount}{t.units[low[i + 2]]}"), start
            if unit and nxt in t.plural_units:
                return _Hit(i + 2, "DURATION", f"PX{unit}"), start
            if unit == "D":  # "am nächsten Tag", "an diesem Tag": from the narrated day, else the DCT
                # (in past narration without a named day it is the day after something unnamed: no value)
                ref = anchor or (dct if tenses.at(i, (i, i + 2)) != "past" else None)
                on = ref + dt.timedelta(days=sign) if ref else None
                return _Hit(i + 2, "DATE", on.isoformat() if on else None, on, anchor), start
            if unit in ("Y", "M", "W", "DE", "CE") and not (sign == 0 and nxt.endswith("s")):
                return _Hit(i + 2, "DATE", shift(dct, unit, sign) if dct else None), start
        if lw in t.present_modifiers and t.units.get(nxt) == "Y" and nxt.endswith("s"):
            return _Hit(i + 2, "DATE", f"{dct.year:04d}" if dct else None), i
        # heuer / jetzt / damals
        if lw in t.this_year_words:
            return _Hit(i + 1, "DATE", f"{dct.year:04d}" if dct else None), i
        if lw in t.present_words:
            return _Hit(i + 1, "DATE", "PRESENT_REF"), i
        if lw in t.past_words:
            return _Hit(i + 1, "DATE", "PAST_REF"), i
        # durations: [fast] 30 Jahre [lang], seit drei Tagen, einige Tage
        amount = self._number(w) if i + 1 < n and t.units.get(nxt) else None
        if i + 1 < n and t.units.get(nxt) and (amount is not None or lw in t.vague_amounts):
            unit = t.units[nxt]
            start = i  # a qualifier ("rund drei Wochen") is no part of the expression (TimeML: mod)
            if amount is None:
                prefix = "PT" if unit in ("H", "MIN") else "P"
                return _Hit(i + 2, "DURATION", f"{prefix}X{'M' if unit == 'MIN' else unit}"), start
            if unit in ("H", "MIN"):
                return _Hit(i + 2, "DURATION", f"PT{amount}{'M' if unit == 'MIN' else 'H'}"), start
            return _Hit(i + 2, "DURATION", f"P{amount}{unit}"), start
        # clock times: 20.30 Uhr, 18 Uhr, um 14.30, von 10 bis 12 Uhr
        m = _CLOCK.match(w)
        if m and int(m.group(1)) < 24:
            clock = nxt == t.clock_word
            after_prep = i > 0 and low[i - 1] in t.clock_prepositions and m.group(2) is not None
            if clock or after_prep or self._range_to_clock(low, words, i):
                on, counted_from = clock_day()
                value = f"{on.isoformat()}T{int(m.group(1)):02d}:{m.group(2) or '00'}" if on else None
                return _Hit(i + 2 if clock else i + 1, "TIME", value, anchor=counted_from), i
        # am Abend, in der Nacht
        if lw in t.parts_of_day and w[:1].isupper() and i > 0 and low[i - 1] in t.part_of_day_prepositions:
            on, counted_from = clock_day()
            value = f"{on.isoformat()}T{t.parts_of_day[lw]}" if on else None
            return _Hit(i + 1, "TIME", value, anchor=counted_from), i
        # täglich, jeden Montag
        if lw in t.sets:
            return _Hit(i + 1, "SET", t.sets[lw]), i
        if lw in t.every and nxt in t.weekdays:
            return _Hit(i + 2, "SET", f"XXXX-WXX-{t.weekdays[nxt]}"), i
        if lw in t.every and nxt in t.ordinal_words and i + 2 < n and low[i + 2] in t.weekdays:
            return _Hit(i + 3, "SET", f"XXXX-WXX-{t.weekdays[low[i + 2]]}"), i  # "jeden letzten Samstag"
        return None, i

    def _is_count(self, words: Sequence[str], low: Sequence[str], i: int) -> bool:
        """A four-digit number that counts rather than dates: "2000 Soldaten", "rund 2000",
        "davon 2000 im Jahr 2011", "1700 im vergangenen Jahr"."""
        n = len(words)
        if i + 1 < n and words[i + 1][:1].isupper() and not self._month(words[i + 1]):
            return True
        if any(i >= len(q) and tuple(low[i - len(q) : i]) == q for q in self._qualifiers):
            return True
        return (
            i + 2 < n
            and low[i + 1] in self.t.month_prepositions
            and (self.t.units.get(low[i + 2]) == "Y" or (i + 3 < n and self.t.units.get(low[i + 3]) == "Y"))
        )

    def _range_to_clock(self, low: Sequence[str], words: Sequence[str], i: int) -> bool:
        """A number in a chain of clock times that ends in the clock word: "von 14-18 Uhr",
        "von 8.30-12 und 14.30-16.30 Uhr", "von 10 bis 12 Uhr"."""
        joined = False
        for j in range(i + 1, min(len(words), i + 12)):
            if low[j] == self.t.clock_word:
                return joined
            if low[j] in self.t.range_words:
                joined = True
                continue
            m = _CLOCK.match(words[j])
            if not m or int(m.group(1)) > 24:
                return False
        return False

    def _month_context(self, low: Sequence[str], i: int) -> bool:
        """A month name alone is a date after "im", "seit", "bis", "Anfang" … ("im September")."""
        return i > 0 and low[i - 1] in self.t.month_prepositions

    # --- an article ----------------------------------------------------------------------------

    def tag(self, article: Article, dct: dt.date | None) -> tuple[TimeMention, ...]:
        anchor: dt.date | None = None
        out: list[TimeMention] = []
        for tokens in article.tokens:
            found, anchor = self.tag_sentence(tokens, dct, anchor)
            out.extend(replace(m, text=article.body[m.start : m.end]) for m in found)
        return tuple(out)

    def weekdays_named(self, article: Article) -> list[int]:
        """The weekdays the article names ("am Freitag", "Freitagmorgen"), sentences about the future left out."""
        days: list[int] = []
        for tokens in article.tokens:
            low = [t.text.casefold() for t in tokens]
            if any(w in self.t.future_cues for w in low):
                continue
            for w in low:
                days.extend(self._weekday_words.get(w, ()))
        return days

    def tag_text(
        self, tokens_by_sentence: Sequence[Sequence[Token]], text: str, dct: dt.date | None
    ) -> list[TimeMention]:
        """For corpora given as text and sentences (the benchmark)."""
        anchor: dt.date | None = None
        out: list[TimeMention] = []
        for tokens in tokens_by_sentence:
            found, anchor = self.tag_sentence(tokens, dct, anchor)
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
