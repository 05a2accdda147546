"""Matchers of calendar dates: written dates, months, seasons and years ("5. Januar 2022", "05.01.2022",
"Anfang Dezember", "Herbst 2011", "1991"). Each returns ``None`` when it does not apply."""

from __future__ import annotations

import datetime as dt
import re

from generator.analyse.calendar import make_date, year_for, year_with_weekday
from generator.analyse.time_spot import ISO, NUMERIC_DATE, ORDINAL, YEAR, Found, Hit, Spot


def iso_date(s: Spot) -> Found | None:
    """2022-01-05 (a date inside a URL is part of the URL's token and never matches)."""
    m = ISO.match(s.w)
    if not m:
        return None
    d = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return (Hit(s.i + 1, "DATE", d.isoformat(), d) if d else None), s.i


def split_numeric_date(s: Spot) -> Found | None:
    """30. 11. 2013 (SoMaJo splits numeric dates into ordinals)."""
    i, words, n = s.i, s.words, s.n
    if not (ORDINAL.match(s.w) and i + 1 < n and ORDINAL.match(words[i + 1]) and int(words[i + 1][:-1]) <= 12):
        return None
    end = i + 2
    yy = s.dct.year if s.dct else None
    if end < n and YEAR.match(words[end]):
        yy, end = int(words[end]), end + 1
    d = make_date(yy, int(words[i + 1][:-1]), int(s.w[:-1])) if yy else None
    return (Hit(end, "DATE", d.isoformat(), d), i) if d else None


def numeric_date(s: Spot) -> Found | None:
    """05.01.2022, 5.1."""
    m = NUMERIC_DATE.match(s.w)
    if not m or ORDINAL.match(s.w):
        return None
    y = m.group(3)
    yy = (int(y) + (2000 if int(y) < 50 else 1900) if len(y) == 2 else int(y)) if y else (s.dct.year if s.dct else None)
    d = make_date(yy, int(m.group(2)), int(m.group(1))) if yy else None
    return (Hit(s.i + 1, "DATE", d.isoformat(), d), s.i) if d else None


def range_start(s: Spot) -> Found | None:
    """5. bis 22. November, 24. und 25. September: the first day takes the month and year of the last."""
    i, words, low, n, tw = s.i, s.words, s.low, s.n, s.tw
    if not ORDINAL.match(s.w) or (i + 1 < n and tw.month(words[i + 1])):
        return None
    k = i + 1
    while k < n and (low[k] in s.t.date_range_words or low[k] in s.t.date_list_words):
        k += 1
    if not (k > i + 1 and k + 1 < n and ORDINAL.match(words[k]) and tw.month(words[k + 1])):
        return None
    closing, _ = s.match_at(k)
    value = closing.value if closing else None
    last = dt.date.fromisoformat(value) if value and len(value) == 10 else None
    first = make_date(last.year, last.month, int(s.w[:-1])) if last else None
    if first and last and first < last:
        return Hit(i + 1, "DATE", first.isoformat(), first), i
    return None


def day_month(s: Spot) -> Found | None:
    """[Donnerstag,] [dem] 25. Februar [2010] (an explicit calendar date always wins over the
    weekday's direction: "am Freitag, dem 3. März")."""
    i, words, low, n, t, dct = s.i, s.words, s.low, s.n, s.t, s.dct
    j = i
    if s.lw in t.weekdays and s.nxt == ",":
        k = i + 3 if i + 2 < n and low[i + 2] in t.articles else i + 2
        if k + 1 < n and ORDINAL.match(words[k]) and s.tw.month(words[k + 1]):
            j = k
    m = ORDINAL.match(words[j]) if j < n else None
    if not (m and j + 1 < n and s.tw.month(words[j + 1])):
        return None
    month = s.tw.month(words[j + 1])
    end = j + 2
    yy = s.narrated_year() or year_for(dct, month or 1, int(m.group(1)), s.tenses.at(i))
    if j > i and dct and month:  # the weekday written beside the date tells its year
        yy = year_with_weekday(dct, month, int(m.group(1)), t.weekdays[s.lw]) or yy
    if end < n and YEAR.match(words[end]):
        yy, end = int(words[end]), end + 1
    elif end + 1 < n and low[end] in t.present_modifiers and t.units.get(low[end + 1]) == "Y":
        yy, end = (dct.year if dct else None), end + 2  # "am 29. März dieses Jahres"
    d = make_date(yy, month, int(m.group(1))) if yy and month else None
    value = d.isoformat() if d else None
    return Hit(end, "DATE", value, d), i


def month_name(s: Spot) -> Found | None:
    """Januar 2022 / Juli dieses Jahres / Anfang Dezember; a month alone after "im", "seit" …"""
    i, words, low, n, t, dct = s.i, s.words, s.low, s.n, s.t, s.dct
    k = i + 1 if s.lw in t.period_parts else i
    if not (k < n and s.tw.month(words[k]) and words[k][:1].isupper()):
        return None
    month = s.tw.month(words[k])
    end = k + 1
    since = s.before in t.since  # "seit Oktober": the last October
    yy = s.narrated_year() or year_for(dct, month or 1, None, "past" if since else s.tenses.at(i))
    if end < n and YEAR.match(words[end]):
        yy, end = int(words[end]), end + 1
    elif end + 1 < n and low[end] in t.present_modifiers and t.units.get(low[end + 1]) == "Y":
        yy, end = (dct.year if dct else None), end + 2
    if k > i or end > k + 1 or s.tw.month_context(low, i):
        return Hit(end, "DATE", f"{yy:04d}-{month:02d}" if yy else None), i
    return None


def period_part_year(s: Spot) -> Found | None:
    """Mitte 2019."""
    if s.lw in s.t.period_parts and s.i + 1 < s.n and YEAR.match(s.words[s.i + 1]):
        return Hit(s.i + 2, "DATE", s.words[s.i + 1]), s.i
    return None


_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 12}
_ORDINAL_EN = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


def season_year(s: Spot) -> Found | None:
    """Herbst 2011; a season after a preposition ("im Winter", "in the summer") in the narrated year,
    else the year its tense points to."""
    t, i = s.t, s.i
    if s.lw not in t.seasons:
        return None
    if i + 1 < s.n and YEAR.match(s.words[i + 1]):
        return Hit(i + 2, "DATE", f"{s.words[i + 1]}-{t.seasons[s.lw]}"), i
    start = i - 1 if s.before in t.articles and i > 1 and s.low[i - 2] in t.month_prepositions else i
    if not (s.before in t.month_prepositions or start < i):
        return None
    season = t.seasons[s.lw]
    yy = s.narrated_year() or year_for(s.dct, _SEASON_MONTH.get(season, 6), None, s.tenses.at(i))
    return Hit(i + 1, "DATE", f"{yy:04d}-{season}" if yy else None), start


def century(s: Spot) -> Found | None:
    """20. Jahrhundert(s), the 20th century: TIMEX3 writes the hundreds ("19")."""
    m = ORDINAL.match(s.w) or _ORDINAL_EN.match(s.w)
    if not m or s.t.units.get(s.nxt) != "CE" or not 1 <= int(m.group(1)) <= 21:
        return None
    start = s.i - 1 if s.before in s.t.articles and not s.tw.nouns_capitalised else s.i
    return Hit(s.i + 2, "DATE", f"{int(m.group(1)) - 1:02d}"), start


def unit_year(s: Spot) -> Found | None:
    """Jahr 2011."""
    if s.t.units.get(s.lw) == "Y" and s.i + 1 < s.n and YEAR.match(s.words[s.i + 1]):
        return Hit(s.i + 2, "DATE", s.words[s.i + 1]), s.i
    return None


def bare_year(s: Spot) -> Found | None:
    """A year on its own: 1991 (not a count: "2000 Soldaten"; not "1500 v. Chr."; not "Resolution 1701")."""
    i, low = s.i, s.low
    if not YEAR.match(s.w) or s.tw.is_count(s.words, low, i):
        return None
    if s.before in s.tw.identifiers:
        return None, i  # "Resolution 1701": a name, no year
    if i + 1 < s.n and (low[i + 1] in s.t.before_common_era or "".join(low[i + 1 : i + 3]) in s.t.before_common_era):
        return None, i  # "1500 v. Chr.": no year of this calendar
    return Hit(i + 1, "DATE", s.w), i


_DAY = re.compile(r"^([1-9]|[12]\d|3[01])$")


def _year_after(s: Spot, end: int) -> tuple[int | None, int]:
    """A year written after a date ("April 7, 1939", "1 September 1939"): the year and the new end."""
    words, n = s.words, s.n
    if end < n and YEAR.match(words[end]):
        return int(words[end]), end + 1
    if end + 1 < n and words[end] == "," and YEAR.match(words[end + 1]):
        return int(words[end + 1]), end + 2
    return None, end


def month_day(s: Spot) -> Found | None:
    """English dates, the month first: "April 7", "Feb. 28", "September 1, 1939"."""
    i = s.i
    month = s.tw.month(s.w) if s.w[:1].isupper() else None
    if not month or i + 1 >= s.n or not _DAY.match(s.words[i + 1]):
        return None
    day = int(s.words[i + 1])
    yy, end = _year_after(s, i + 2)
    if yy is None:
        yy = s.narrated_year() or year_for(s.dct, month, day, s.tenses.at(i))
    d = make_date(yy, month, day)
    return Hit(end, "DATE", d.isoformat() if d else None, d), i


def plain_day_month(s: Spot) -> Found | None:
    """The day first without a period: "1 September 1939", "28 Feb"."""
    i = s.i
    if not _DAY.match(s.w) or i + 1 >= s.n or not s.words[i + 1][:1].isupper():
        return None
    month = s.tw.month(s.words[i + 1])
    if not month:
        return None
    day = int(s.w)
    yy, end = _year_after(s, i + 2)
    if yy is None:
        yy = s.narrated_year() or year_for(s.dct, month, day, s.tenses.at(i))
    d = make_date(yy, month, day)
    return Hit(end, "DATE", d.isoformat() if d else None, d), i


def linked_period(s: Spot) -> Found | None:
    """A part of a period or a season linked to its year or month: "the end of 1939", "the spring of
    1940", "Ende des Jahres 1939", "the end of April" (the year's or month's value; TimeML's mod says
    which part)."""
    t, low, i = s.t, s.low, s.i
    if s.lw not in t.linked_period_parts and s.lw not in t.seasons:
        return None
    k = i + 1
    while k < s.n and low[k] in t.period_links:
        k += 1
    if k == i + 1:
        return None
    if k + 1 < s.n and t.units.get(low[k]) == "Y" and YEAR.match(s.words[k + 1]):
        k += 1  # "Ende des Jahres 1939"
    start = i - 1 if s.before in t.articles else i
    month = s.tw.month(s.words[k]) if k < s.n and s.words[k][:1].isupper() and s.lw not in t.seasons else None
    if month:  # "the end of April [1940]"
        yy, end = _year_after(s, k + 1)
        yy = yy or s.narrated_year() or year_for(s.dct, month, None, s.tenses.at(i))
        return Hit(end, "DATE", f"{yy:04d}-{month:02d}" if yy else None), start
    if k >= s.n or not YEAR.match(s.words[k]):
        return None
    value = f"{s.words[k]}-{t.seasons[s.lw]}" if s.lw in t.seasons else s.words[k]
    return Hit(k + 1, "DATE", value), start


_DECADE = re.compile(r"^(1[5-9]\d|20\d)0(?:s|er)$")


def decade(s: Spot) -> Found | None:
    """the 1960s, die 1990er [Jahre]: TIMEX3 writes the decade's first three digits ("196")."""
    m = _DECADE.match(s.w)
    if not m:
        return None
    end = s.i + 2 if s.t.units.get(s.nxt) == "Y" else s.i + 1  # "1990er Jahre"
    start = s.i - 1 if s.before in s.t.articles and not s.tw.nouns_capitalised else s.i
    return Hit(end, "DATE", m.group(1)), start


def joined_part_year(s: Spot) -> Found | None:
    """mid-1942, early-1943: a part of the year written as one word with it."""
    head, _, tail = s.lw.partition("-")
    if not tail or head not in s.t.period_parts or not YEAR.match(tail):
        return None
    return Hit(s.i + 1, "DATE", tail), s.i
