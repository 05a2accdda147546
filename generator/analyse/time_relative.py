"""Matchers of days and periods named relative to the publication date or to the narrated day:
weekdays, "heute", "am Vortag", "zwei Jahre zuvor", "vor drei Jahren", "im dritten Quartal",
"vergangene Woche", "damals". Each returns ``None`` when it does not apply."""

from __future__ import annotations

import datetime as dt

from generator.analyse.calendar import last_weekday, shift, year_for
from generator.analyse.time_spot import YEAR, Found, Hit, Spot


def _ahead(s: Spot) -> bool:
    """A weekday is the next such day unless the sentence is past ("seit Samstag" always looks back,
    "die Proteste vom Sonntag" unless the sentence speaks of the future)."""
    if s.lw not in s.tw.weekday_words or s.before in s.t.since:
        return False
    tense = s.tenses.at(s.i)
    attribute = s.before in s.t.past_attributes and s.i > 1 and s.words[s.i - 2][:1].isupper()  # after a noun
    return tense == "future" if attribute else tense != "past"


def weekday_with_part(s: Spot) -> Found | None:
    """Freitagmorgen."""
    if s.lw not in s.tw.weekday_words:
        return None
    t, dct = s.t, s.dct
    ahead = _ahead(s)
    for name, number in t.weekdays.items():
        if s.lw.startswith(name) and s.lw[len(name) :] in t.parts_of_day:
            d = last_weekday(dct, number, ahead) if dct else None
            part = t.parts_of_day[s.lw[len(name) :]]
            return Hit(s.i + 1, "TIME", f"{d.isoformat()}T{part}" if d else None, d), s.i
    return None


def indefinite_weekday(s: Spot) -> Found | None:
    """ "an einem Sonnabend": no particular one."""
    return (None, s.i) if s.lw in s.t.weekdays and s.before in s.t.indefinite_articles else None


def weekday(s: Spot) -> Found | None:
    """Freitag [Abend]."""
    t, i = s.t, s.i
    if not (s.lw in t.weekdays and s.w[:1].isupper()):
        return None
    d = last_weekday(s.dct, t.weekdays[s.lw], _ahead(s)) if s.dct else None
    if s.nxt in t.parts_of_day and (s.words[i + 1][:1].isupper() or not s.tw.nouns_capitalised):
        return Hit(i + 2, "TIME", f"{d.isoformat()}T{t.parts_of_day[s.nxt]}" if d else None, d), i
    return Hit(i + 1, "DATE", d.isoformat() if d else None, d), i


def relative_day_adjective(s: Spot) -> Found | None:
    """am morgigen Sonntag."""
    if s.lw not in s.t.relative_day_adjectives or not s.dct:
        return None
    d = s.dct + dt.timedelta(days=s.t.relative_day_adjectives[s.lw])
    if s.nxt in s.t.weekdays:  # the weekday is the expression; the adjective says which one
        return Hit(s.i + 2, "DATE", d.isoformat(), d), s.i + 1
    return Hit(s.i + 1, "DATE", d.isoformat(), d), s.i


def relative_day(s: Spot) -> Found | None:
    """heute / gestern [Abend] / morgen (lower case; "Morgen" is the morning); not "der heute 81-jährige"."""
    i, t, lw, dct = s.i, s.t, s.lw, s.dct
    age_follows = i + 1 < s.n and bool(s.tw.age.match(s.words[i + 1]))
    if not (lw in t.relative_days and (s.w.islower() or (i == 0 and lw != "morgen")) and not age_follows):
        return None
    nowadays = s.before in t.until_now or s.before == "(" or any(x in t.then_and_now for x in s.low)
    if t.relative_days[lw] == 0 and nowadays:
        return Hit(i + 1, "DATE", "PRESENT_REF"), i  # "bis heute", "(heute Slowenien)", "früher … heute"
    d = dct + dt.timedelta(days=t.relative_days[lw]) if dct else None
    if s.nxt in t.parts_of_day and lw != "morgen":
        part = t.parts_of_day[s.nxt]
        return Hit(i + 2, "TIME", f"{d.isoformat()}T{part}" if d else None, d), i
    return Hit(i + 1, "DATE", d.isoformat() if d else None, d), i


def anchored_count(s: Spot) -> Found | None:
    """zwei Jahre zuvor / am Tag danach: counted from the last day the text named (none: no value)."""
    i, low, n, t, anchor = s.i, s.low, s.n, s.t, s.anchor
    k = -1
    if i + 1 < n and low[i + 1] in s.tw.anchored:
        k = i  # "am Tag danach"
    elif i + 2 < n and low[i + 2] in s.tw.anchored and s.tw.number(s.w) is not None:
        k = i + 1  # "zwei Jahre zuvor"
    if k < 0 or not t.units.get(low[k]):
        return None
    count = s.tw.number(s.w) if k > i else 1
    step = -1 if low[k + 1] in t.anchored_before else 1
    counted = t.units[low[k]]
    if count is None or counted not in ("Y", "M", "W", "D"):
        return None
    shifted = shift(anchor, counted, step * count) if anchor else None
    on = anchor + dt.timedelta(days=step * count) if anchor and counted == "D" else None
    return Hit(k + 2, "DATE", shifted, on, anchor), i


def relative_unit(s: Spot) -> Found | None:
    """im Vorjahr, des Vormonats."""
    if s.lw not in s.t.relative_units or not s.dct:
        return None
    rel_unit, steps = s.t.relative_units[s.lw]
    return Hit(s.i + 1, "DATE", shift(s.dct, rel_unit, steps)), s.i


def anchored_day(s: Spot) -> Found | None:
    """am Vortag: from the last day the text named, else the DCT."""
    if s.lw not in s.t.anchored_days:
        return None
    base = s.anchor or s.dct
    d = base + dt.timedelta(days=s.t.anchored_days[s.lw]) if base else None
    return Hit(s.i + 1, "DATE", d.isoformat() if d else None, d, s.anchor), s.i


def ago(s: Spot) -> Found | None:
    """vor drei Jahren → the year three years before."""
    i = s.i
    if s.lw not in s.t.ago or i + 2 >= s.n:
        return None
    amount = s.tw.number(s.words[i + 1])
    unit = s.t.units.get(s.low[i + 2])
    if amount is None or unit not in ("Y", "M", "W", "D", "DE"):
        return None
    return Hit(i + 3, "DATE", shift(s.dct, unit, -amount) if s.dct else None), i


def ago_after(s: Spot) -> Found | None:
    """three years ago → the year three years before (English says "ago" after the count)."""
    i = s.i
    if i + 2 >= s.n or s.low[i + 2] not in s.t.ago_after:
        return None
    amount = s.tw.number(s.w)
    unit = s.t.units.get(s.nxt)
    if amount is None or unit not in ("Y", "M", "W", "D", "DE"):
        return None
    return Hit(i + 3, "DATE", shift(s.dct, unit, -amount) if s.dct else None), i


def quarter_or_half(s: Spot) -> Found | None:
    """im dritten Quartal [2020], in der ersten Jahreshälfte: a quarter or half of a year."""
    i, t = s.i, s.t
    if not (s.lw in t.ordinal_words and s.nxt in t.periods):
        return None
    letter = t.periods[s.nxt]
    parts = 4 if letter == "Q" else 2
    number = t.ordinal_words[s.lw] % (parts + 1) if t.ordinal_words[s.lw] < 0 else t.ordinal_words[s.lw]
    if not 1 <= number <= parts:
        return None
    start = i - 1 if s.before in t.articles else i
    end = i + 2
    months = 12 // parts
    tense = s.tenses.at(i)
    # past: the last such part begun by the DCT; future: the next not yet over; else the nearest
    month = (number - 1) * months + (1 if tense == "past" else months if tense == "future" else months // 2)
    yy = year_for(s.dct, month, None, tense)
    if end < s.n and YEAR.match(s.words[end]):
        yy, end = int(s.words[end]), end + 1
    return Hit(end, "DATE", f"{yy:04d}-{letter}{number}" if yy else None), start


def modified_unit(s: Spot) -> Found | None:
    """vergangene Woche / im laufenden Jahr / nächstes Jahr / den vergangenen zwei Jahrzehnten."""
    i, t, lw, nxt, dct = s.i, s.t, s.lw, s.nxt, s.dct
    sign = -1 if lw in t.past_modifiers else 0 if lw in t.present_modifiers else 1 if lw in t.future_modifiers else None
    if sign is None or i + 1 >= s.n:
        return None
    start = i - 1 if s.before in t.articles else i
    unit = t.units.get(nxt) or s.tw.compound_unit(nxt)
    amount = s.tw.number(s.words[i + 1])
    if amount is not None and i + 2 < s.n and t.units.get(s.low[i + 2]):
        return Hit(i + 3, "DURATION", f"P{amount}{t.units[s.low[i + 2]]}"), start
    if nxt in t.vague_amounts and i + 2 < s.n and s.low[i + 2] in t.plural_units:
        return Hit(i + 3, "DURATION", f"PX{t.units[s.low[i + 2]]}"), start  # "the past several months"
    if unit and nxt in t.plural_units:
        return Hit(i + 2, "DURATION", f"PX{unit}"), start
    if unit == "D":  # "am nächsten Tag", "an diesem Tag": from the narrated day, else the DCT
        # (in past narration without a named day it is the day after something unnamed: no value)
        ref = s.anchor or (dct if s.tenses.at(i, (i, i + 2)) != "past" else None)
        on = ref + dt.timedelta(days=sign) if ref else None
        return Hit(i + 2, "DATE", on.isoformat() if on else None, on, s.anchor), start
    if unit in ("Y", "M", "W", "DE", "CE") and not (sign == 0 and nxt.endswith("s")):
        return Hit(i + 2, "DATE", shift(dct, unit, sign) if dct else None), start
    return None


def same_unit(s: Spot) -> Found | None:
    """am selben Tag, im selben Jahr, the same month: the day, month or year the text narrates."""
    t, i = s.t, s.i
    unit = t.units.get(s.nxt)
    if s.lw not in t.same_modifiers or unit not in ("D", "M", "Y"):
        return None
    start = i - 1 if s.before in t.articles else i
    if unit == "D":
        return Hit(i + 2, "DATE", s.anchor.isoformat() if s.anchor else None, s.anchor, s.anchor), start
    if unit == "M":
        return Hit(i + 2, "DATE", f"{s.anchor.year:04d}-{s.anchor.month:02d}" if s.anchor else None), start
    return Hit(i + 2, "DATE", f"{s.year:04d}" if s.year else None), start


def this_year_genitive(s: Spot) -> Found | None:
    """dieses Jahres."""
    if s.lw in s.t.present_modifiers and s.t.units.get(s.nxt) == "Y" and s.nxt.endswith("s"):
        return Hit(s.i + 2, "DATE", f"{s.dct.year:04d}" if s.dct else None), s.i
    return None


def deictic_word(s: Spot) -> Found | None:
    """heuer / jetzt / damals / bald."""
    t, i = s.t, s.i
    if s.lw in t.this_year_words:
        return Hit(i + 1, "DATE", f"{s.dct.year:04d}" if s.dct else None), i
    if s.lw in t.present_words:
        return Hit(i + 1, "DATE", "PRESENT_REF"), i
    if s.lw in t.past_words:
        return Hit(i + 1, "DATE", "PAST_REF"), i
    if s.lw in t.future_words:
        return Hit(i + 1, "DATE", "FUTURE_REF"), i
    return None
